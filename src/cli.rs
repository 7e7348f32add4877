//! The command line. Lives in the library so `cargo xtask lint-linkedin` runs the very same
//! code in-process; `main.rs` only calls [`main`].

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, Parser, Subcommand};

use crate::finding::{Rule, Severity};
use crate::report::{self, Format, RenderOptions};
use crate::{Error, Linter, LinterBuilder, ScanOptions, WalkOptions};

/// Exit codes (public contract): no failing finding · findings · usage/config/rule error.
pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "linkedin-lint",
    version,
    about = "Find stale LinkedIn API usage (sunset versions, retired endpoints and scopes) before LinkedIn does",
    args_conflicts_with_subcommands = true,
    after_help = "Exit codes: 0 no finding at or above --fail-on; 1 findings (or unreadable paths); 2 usage, config or rule-table error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan paths (the default command).
    Check(CheckArgs),
    /// Explain a rule (e.g. endpoint-deprecated) or a rule-table id (e.g. v2-me).
    Explain {
        /// Rule name or id.
        what: String,
        #[command(flatten)]
        table: TableArgs,
    },
    /// List the rule table.
    Rules {
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
        #[command(flatten)]
        table: TableArgs,
    },
    /// Print the version calendar for --today, with the recommended pin.
    Versions {
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
        #[command(flatten)]
        table: TableArgs,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

/// Options shared by every command that reads the rule table.
#[derive(Debug, Args, Clone, Default)]
pub struct TableArgs {
    /// Merge a rule file over the embedded table (repeatable; later files win by id).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Judge dates as of this day (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH, else today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// The version fixes and codegen pin (default: newest version not expiring on --today).
    #[arg(long, value_name = "YYYYMM")]
    pub target_version: Option<String>,
    /// Warn this many days before a version sunsets (default 90, from the table).
    #[arg(long, value_name = "DAYS")]
    pub expiring_days: Option<u32>,
}

impl TableArgs {
    pub fn builder(&self) -> LinterBuilder {
        let mut b = Linter::builder();
        if let Some(t) = &self.today {
            b = b.today(t);
        }
        if let Some(v) = &self.target_version {
            b = b.target_version(v);
        }
        if let Some(d) = self.expiring_days {
            b = b.expiring_days(d);
        }
        for r in &self.rules {
            b = b.rules_file(r);
        }
        b
    }
}

#[derive(Debug, Args, Clone, Default)]
pub struct CheckArgs {
    /// Files and directories to scan (default: the current directory).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Option<Format>,
    #[command(flatten)]
    pub table: TableArgs,
    /// Exit 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value = "error", value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
    /// Always exit 0 when the scan ran (findings are still reported).
    #[arg(long)]
    pub exit_zero: bool,
    /// Do not honour .gitignore/.ignore files.
    #[arg(long)]
    pub no_ignore: bool,
    /// Exclude paths matching this glob (gitignore-style; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Skip files larger than this many bytes (default 8 MiB).
    #[arg(long, value_name = "BYTES")]
    pub max_filesize: Option<u64>,
    /// Read the file to lint from standard input, reported as PATH (for editors).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// Colour: auto (terminal and no NO_COLOR), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Option<ColorChoice>,
    /// Follow symbolic links (loops are detected and reported).
    #[arg(long)]
    pub follow_links: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Parse `args` (including the program name) and run; returns the exit code.
pub fn main<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Some(Command::Check(a)) => check(&a),
        None => check(&cli.check),
        Some(Command::Explain { what, table }) => explain(&what, &table),
        Some(Command::Rules { format, table }) => rules(format, &table),
        Some(Command::Versions { format, table }) => versions(format, &table),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            EXIT_ERROR
        }
    }
}

fn color_on(choice: Option<ColorChoice>, stream_is_tty: bool) -> bool {
    match choice.unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stream_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// `check`: scan, report, exit code.
pub fn check(a: &CheckArgs) -> Result<i32, Error> {
    let started = Instant::now();
    let linter = a.table.builder().build()?;
    let mut opts = ScanOptions {
        paths: a.paths.clone(),
        walk: WalkOptions {
            respect_ignore: !a.no_ignore,
            threads: a.threads.unwrap_or(0),
            exclude: a.exclude.clone(),
            follow_links: a.follow_links,
        },
        max_filesize: a.max_filesize,
        stdin: None,
    };
    if let Some(name) = &a.stdin_filename {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Error::Io {
                path: "<stdin>".into(),
                message: e.to_string(),
            })?;
        opts.stdin = Some((name.clone(), buf));
    } else if opts.paths.is_empty() {
        opts.paths.push(PathBuf::from("."));
    }
    let format = a.format.unwrap_or(Format::Human);
    // A spinner for long runs: only for the formats people read, only on a terminal.
    let scan = if matches!(format, Format::Human | Format::Rustc)
        && opts.stdin.is_none()
        && std::io::stderr().is_terminal()
    {
        with_progress(|n| linter.scan_with_progress(&opts, Some(n)))?
    } else {
        linter.scan(&opts)?
    };
    let fail_on = match a.fail_on.unwrap_or(FailOn::Error) {
        FailOn::Info => Severity::Info,
        FailOn::Warning => Severity::Warning,
        FailOn::Error => Severity::Error,
    };
    let stdout = std::io::stdout();
    let ropts = RenderOptions {
        format,
        color: color_on(a.color, stdout.is_terminal()),
        elapsed: started.elapsed(),
        fail_on,
    };
    let mut out = stdout.lock();
    report::render(&scan, linter.table(), &ropts, &mut out)
        .and_then(|_| out.flush())
        .map_err(|e| Error::Io {
            path: "<stdout>".into(),
            message: e.to_string(),
        })?;
    let failing = scan.findings.iter().any(|f| f.severity >= fail_on) || scan.unreadable() > 0;
    Ok(if failing && !a.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Run `f` with a file counter; once it has run for half a second, show the count on stderr
/// (indicatif), and clear it before returning. Short runs never draw anything.
fn with_progress<T>(f: impl FnOnce(&AtomicUsize) -> T) -> T {
    let count = AtomicUsize::new(0);
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        let ticker = s.spawn(|| {
            let start = Instant::now();
            let mut bar: Option<indicatif::ProgressBar> = None;
            while !done.load(Ordering::Acquire) {
                std::thread::park_timeout(Duration::from_millis(80));
                if bar.is_none() && start.elapsed() >= Duration::from_millis(500) {
                    let b = indicatif::ProgressBar::with_draw_target(
                        None,
                        indicatif::ProgressDrawTarget::stderr(),
                    );
                    if let Ok(style) = indicatif::ProgressStyle::with_template(
                        "{spinner} linkedin-lint: {human_pos} files read ({elapsed})",
                    ) {
                        b.set_style(style);
                    }
                    bar = Some(b);
                }
                if let Some(b) = &bar {
                    b.set_position(count.load(Ordering::Relaxed) as u64);
                    b.tick();
                }
            }
            if let Some(b) = bar {
                b.finish_and_clear();
            }
        });
        // Stop the ticker however `f` ends (a panic too, or the scope would wait forever).
        struct Stop<'a>(&'a AtomicBool, std::thread::Thread);
        impl Drop for Stop<'_> {
            fn drop(&mut self) {
                self.0.store(true, Ordering::Release);
                self.1.unpark();
            }
        }
        let _stop = Stop(&done, ticker.thread().clone());
        f(&count)
    })
}

fn explain(what: &str, t: &TableArgs) -> Result<i32, Error> {
    let linter = t.builder().build()?;
    let table = linter.table();
    let mut out = String::new();
    if let Some(rule) = Rule::from_name(what) {
        out.push_str(&format!("{}: {}\n\nEntries:\n", rule, rule.summary()));
        for c in table.checks.iter().filter(|c| c.rule == rule.name()) {
            out.push_str(&format!("  {:<28} {:<8} {}\n", c.id, c.severity, c.message));
        }
        let (kind, ids): (&str, Vec<(&String, Severity, &String)>) = match rule {
            Rule::EndpointDeprecated => (
                "endpoint",
                table
                    .endpoints
                    .iter()
                    .map(|e| (&e.id, e.severity, &e.path))
                    .collect(),
            ),
            Rule::ScopeDeprecated => (
                "scope",
                table
                    .scopes
                    .iter()
                    .map(|e| (&e.id, e.severity, &e.scope))
                    .collect(),
            ),
            Rule::ScopeVersionMismatch => (
                "requirement",
                table
                    .requirements
                    .iter()
                    .map(|e| (&e.id, e.severity, &e.endpoint))
                    .collect(),
            ),
            _ => ("", Vec::new()),
        };
        for (id, sev, what) in ids {
            out.push_str(&format!("  {id:<28} {sev:<8} {kind} {what}\n"));
        }
        out.push_str("\nRun `linkedin-lint explain ID` for one entry.\n");
        print!("{out}");
        return Ok(EXIT_OK);
    }
    let entry = find_entry(table, what);
    let Some(Explained { rule, severity: sev, message, help, source, breaks, extra }) = entry else {
        return Err(Error::Usage(format!("`{what}` is neither a rule nor a rule-table id; see `linkedin-lint rules`")));
    };
    println!("{what} ({rule}, {sev})\n\n{message}\n{extra}");
    if let Some(b) = breaks {
        println!("What breaks: {b}");
    }
    println!("What to do: {help}");
    if rule.starts_with("scope") {
        println!(
            "Permission cache: after a scope or product change, a new token may act with its old permissions for about five minutes; changing scopes needs users to re-authorize."
        );
    }
    println!("Source: {source}");
    Ok(EXIT_OK)
}

/// One rule-table entry, whatever its section, as `explain` shows it.
struct Explained<'t> {
    rule: String,
    severity: Severity,
    message: &'t str,
    help: &'t str,
    source: &'t str,
    breaks: &'t Option<String>,
    extra: String,
}

fn find_entry<'t>(table: &'t crate::RuleTable, what: &str) -> Option<Explained<'t>> {
    let ex = |rule: &str, severity, message: &'t String, help: &'t String, source: &'t String, breaks: &'t Option<String>, extra| Explained {
        rule: rule.to_string(),
        severity,
        message,
        help,
        source,
        breaks,
        extra,
    };
    if let Some(c) = table.checks.iter().find(|c| c.id == what) {
        return Some(ex(&c.rule, c.severity, &c.message, &c.help, &c.source, &c.breaks, String::new()));
    }
    if let Some(e) = table.endpoints.iter().find(|e| e.id == what) {
        let arrow = e.replacement.as_ref().map(|r| format!(" -> {r}")).unwrap_or_default();
        let fix = match e.fix {
            crate::rules::FixKind::None => "none",
            crate::rules::FixKind::MachineApplicable => "machine-applicable (--fix)",
            crate::rules::FixKind::MaybeIncorrect => "maybe-incorrect (--fix --unsafe-fixes)",
        };
        let extra = format!("Path: {}{arrow}\nFix: {fix}\n", e.path);
        return Some(ex("endpoint-deprecated", e.severity, &e.message, &e.help, &e.source, &e.breaks, extra));
    }
    if let Some(e) = table.scopes.iter().find(|e| e.id == what) {
        let arrow = if e.replacement.is_empty() { String::new() } else { format!(" -> {}", e.replacement.join(" ")) };
        let extra = format!("Scope: {}{arrow}\n", e.scope);
        return Some(ex("scope-deprecated", e.severity, &e.message, &e.help, &e.source, &e.breaks, extra));
    }
    table.requirements.iter().find(|e| e.id == what).map(|e| {
        let extra = format!("Endpoint: {} needs scope {} from version {}\n", e.endpoint, e.scope, e.from_version);
        ex("scope-version-mismatch", e.severity, &e.message, &e.help, &e.source, &e.breaks, extra)
    })
}

fn rules(format: ListFormat, t: &TableArgs) -> Result<i32, Error> {
    let linter = t.builder().build()?;
    let table = linter.table();
    let mut rows: Vec<(String, String, Severity, String)> = Vec::new();
    rows.extend(
        table
            .checks
            .iter()
            .map(|c| (c.id.clone(), c.rule.clone(), c.severity, c.message.clone())),
    );
    rows.extend(table.endpoints.iter().map(|e| {
        (
            e.id.clone(),
            "endpoint-deprecated".into(),
            e.severity,
            e.path.clone(),
        )
    }));
    rows.extend(table.scopes.iter().map(|e| {
        (
            e.id.clone(),
            "scope-deprecated".into(),
            e.severity,
            e.scope.clone(),
        )
    }));
    rows.extend(table.requirements.iter().map(|e| {
        (
            e.id.clone(),
            "scope-version-mismatch".into(),
            e.severity,
            format!("{} needs {} from {}", e.endpoint, e.scope, e.from_version),
        )
    }));
    match format {
        ListFormat::Json => {
            let v: Vec<_> = rows
                .iter()
                .map(|(id, rule, sev, summary)| serde_json::json!({"id": id, "rule": rule, "severity": sev, "summary": summary}))
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&v).expect("serialisable")
            );
        }
        ListFormat::Human => {
            println!("{:<42} {:<24} {:<8} summary", "id", "rule", "severity");
            for (id, rule, sev, summary) in rows {
                println!("{id:<42} {rule:<24} {sev:<8} {summary}");
            }
        }
    }
    Ok(EXIT_OK)
}

fn versions(format: ListFormat, t: &TableArgs) -> Result<i32, Error> {
    use crate::calendar::{Status, Version};
    let linter = t.builder().build()?;
    let cal = &linter.table().calendar;
    let opts = linter.options();
    let mut rows = Vec::new();
    for idx in cal.first.month_index()..=cal.latest.month_index().max(opts.today.month_index()) {
        let v = Version::from_month_index(idx);
        let (status, sunset) = match cal.status(v, opts.today, opts.expiring_days) {
            Status::Active { sunset, .. } => ("active", Some(sunset)),
            Status::Expiring { sunset, .. } => ("expiring", Some(sunset)),
            Status::Sunset { sunset, .. } => ("sunset", Some(sunset)),
            Status::NotReleased => ("never released", None),
            Status::BeforeFirst => ("before first", None),
            Status::Future => ("future", None),
        };
        let basis = if cal.sunsets.contains_key(&idx) {
            "published"
        } else {
            "policy"
        };
        let known = idx <= cal.latest.month_index();
        rows.push((
            v.to_string(),
            status,
            sunset.map(|d| d.to_string()),
            if sunset.is_some() { basis } else { "" },
            known,
        ));
    }
    let rec = cal.recommended(opts.today, opts.expiring_days);
    match format {
        ListFormat::Json => {
            let v: Vec<_> = rows
                .iter()
                .map(|(v, st, d, b, known)| serde_json::json!({"version": v, "status": st, "sunset": d, "sunset_basis": b, "in_table": known}))
                .collect();
            let doc = serde_json::json!({"today": opts.today.to_string(), "recommended": rec.to_string(), "versions": v});
            println!(
                "{}",
                serde_json::to_string_pretty(&doc).expect("serialisable")
            );
        }
        ListFormat::Human => {
            println!(
                "LinkedIn Marketing API versions on {} (expiring window {} days)",
                opts.today, opts.expiring_days
            );
            println!("{:<10} {:<15} {:<12} basis", "version", "status", "sunset");
            for (v, st, d, b, known) in &rows {
                let mark = if *known {
                    ""
                } else {
                    " (newer than the rule table)"
                };
                println!(
                    "{v:<10} {st:<15} {:<12} {b}{mark}",
                    d.clone().unwrap_or_else(|| "-".into())
                );
            }
            println!("\nRecommended pin: {rec}");
        }
    }
    let _ = std::io::stdout().flush();
    Ok(EXIT_OK)
}
