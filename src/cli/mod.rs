//! The command line. Lives in the library so `cargo xtask lint-linkedin` runs the very same
//! code in-process; `main.rs` only calls [`main`].

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::baseline::{self, Baseline};

use crate::report::{self, Format, RenderOptions};
use crate::{Error, Linter, LinterBuilder, ScanOptions, WalkOptions};

mod codegen;
mod fix;

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
    /// Print errors in full (miette's report, with the internal error code).
    #[arg(long, global = true)]
    pub verbose: bool,
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
    /// Generate the module that pins the LinkedIn-Version, with the header names and the
    /// sign-in scopes (one source of truth for the version).
    Codegen(codegen::CodegenArgs),
    /// Explain a LinkedIn error response: what it means, the likely cause, the fix, the rule.
    #[command(
        after_help = "Reads the JSON body, optionally after the HTTP status line and headers (curl -i), or an OAuth redirect URL with error=.\nExit codes: 0 explained; 2 not a LinkedIn error response, or the file cannot be read."
    )]
    ExplainError {
        /// File with the response; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        #[command(flatten)]
        table: TableArgs,
    },
    /// Run the language server (LSP over stdio): diagnostics as you type, quick fixes, hover.
    Server(ServerArgs),
    /// Write .git/hooks/pre-commit: lint the staged files on every commit.
    InstallHook {
        /// Replace an existing pre-commit hook.
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (e.g. `linkedin-lint completions bash > /etc/bash_completion.d/linkedin-lint`).
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `linkedin-lint man > linkedin-lint.1`, or a subcommand's
    /// (`linkedin-lint man check > linkedin-lint-check.1`).
    Man {
        /// The subcommand whose page to print.
        command: Option<String>,
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

/// `server`: the settings of `check` that apply to a whole editor session.
#[derive(Debug, Args, Clone, Default)]
pub struct ServerArgs {
    #[command(flatten)]
    pub table: TableArgs,
    /// Use this config file for every file (default: each file's nearest config).
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore config files.
    #[arg(long)]
    pub isolated: bool,
    /// Skip files (and buffers) larger than this many bytes (default 8 MiB).
    #[arg(long, value_name = "BYTES")]
    pub max_filesize: Option<u64>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct CheckArgs {
    /// Files and directories to scan (default: the current directory).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(
        long,
        visible_alias = "output-format",
        value_enum,
        default_value = "human"
    )]
    pub format: Option<Format>,
    #[command(flatten)]
    pub table: TableArgs,
    /// Exit 1 when a finding has at least this severity [default: config's fail-on, else error].
    #[arg(long, value_enum, value_name = "SEVERITY")]
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
    /// Analyse every file, not only the prefilter's candidates (slow; for testing).
    #[arg(long, hide = true)]
    pub no_prefilter: bool,
    /// Print where the time went (read, prefilter, extract per language, check, tree-wide,
    /// render) to standard error.
    #[arg(long)]
    pub timings: bool,
    /// Follow symbolic links (loops are detected and reported).
    #[arg(long)]
    pub follow_links: bool,
    /// Apply the machine-applicable fixes in place, then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff: also apply maybe-incorrect fixes (they change behaviour; review).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change, and write nothing.
    #[arg(long)]
    pub diff: bool,
    /// Use this config file (linkedin-lint.toml, or a Cargo.toml with a metadata table).
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore config files.
    #[arg(long)]
    pub isolated: bool,
    /// Print the effective configuration and exit.
    #[arg(long)]
    pub show_config: bool,
    /// Report only findings that are not in this baseline file; list its stale entries.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Print how many findings each rule/id has (most first) instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Print only the findings: no notes, summary or progress; errors are still printed.
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Record the current findings in this baseline file and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

impl CheckArgs {
    /// What resolving the configuration takes from these arguments.
    fn config_flags(&self) -> crate::config::Flags {
        crate::config::Flags {
            paths: self.paths.clone(),
            stdin_filename: self.stdin_filename.clone(),
            isolated: self.isolated,
            config: self.config.clone(),
            today: self.table.today.clone(),
            target_version: self.table.target_version.clone(),
            expiring_days: self.table.expiring_days,
            rules: self.table.rules.clone(),
            fail_on: self.fail_on.map(|f| match f {
                FailOn::Info => crate::Severity::Info,
                FailOn::Warning => crate::Severity::Warning,
                FailOn::Error => crate::Severity::Error,
            }),
            exclude: self.exclude.clone(),
        }
    }
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

/// Parse `args` (including the program name) and run; returns the exit code ([`EXIT_OK`],
/// [`EXIT_FINDINGS`] or [`EXIT_ERROR`]). The binary and `cargo xtask lint-linkedin` both call
/// this, so flags, config discovery, output and exit codes are the same everywhere.
///
/// ```
/// // The command line, in-process (the paths are relative to the current directory).
/// let code = linkedin_lint::cli::main([
///     "linkedin-lint", "check", "--isolated", "--today", "2026-11-23", "--format", "short",
///     "tests/fixtures/legacy-client/src/github.rs",
/// ]);
/// assert_eq!(code, linkedin_lint::cli::EXIT_OK);
/// ```
///
/// A workspace's own `xtask/src/main.rs` (with `linkedin-lint` as a dependency and the alias
/// `xtask = "run --quiet --package xtask --"` in `.cargo/config.toml`):
///
/// ```no_run
/// use std::process::ExitCode;
///
/// fn main() -> ExitCode {
///     let mut args = std::env::args_os().skip(1);
///     match args.next().as_ref().and_then(|a| a.to_str()) {
///         Some("lint-linkedin") => {
///             let argv = std::iter::once("cargo xtask lint-linkedin".into()).chain(args);
///             ExitCode::from(linkedin_lint::cli::main(argv) as u8)
///         }
///         _ => {
///             eprintln!("usage: cargo xtask lint-linkedin [PATHS] [FLAGS]");
///             ExitCode::from(2)
///         }
///     }
/// }
/// ```
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
    if cli.command.is_none() {
        if let Some(e) = mistyped_command(&cli.check.paths) {
            return usage_error(&e);
        }
    }
    let result = match cli.command {
        Some(Command::Check(a)) => check(&a),
        None => check(&cli.check),
        Some(Command::Explain { what, table }) => explain(&what, &table),
        Some(Command::Rules { format, table }) => rules(format, &table),
        Some(Command::Versions { format, table }) => versions(format, &table),
        Some(Command::Codegen(a)) => codegen::run(&a),
        Some(Command::ExplainError { file, table }) => explain_error(file.as_deref(), &table),
        Some(Command::Server(a)) => server(&a),
        Some(Command::InstallHook { force }) => crate::hook::install(force).map(|p| {
            println!("linkedin-lint: installed {}", crate::walk::display_path(&p));
            EXIT_OK
        }),
        Some(Command::Completions { shell }) => {
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "linkedin-lint", &mut text);
            emit(&String::from_utf8_lossy(&text))
        }
        Some(Command::Man { command }) => man(command.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(e) if cli.verbose => {
            let mut s = String::new();
            let handler = miette::GraphicalReportHandler::new_themed(
                miette::GraphicalTheme::unicode_nocolor(),
            )
            .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
            .with_break_words(false);
            match handler.render_report(&mut s, &e) {
                Ok(()) => eprintln!("{s}"),
                Err(_) => eprintln!("{:?}", miette::Report::new(e)),
            }
            EXIT_ERROR
        }
        Err(Error::Config(c)) => file_error(&c.name, &c.reason, c.src.inner(), c.span),
        Err(Error::Rules(r)) => file_error(&r.name, &r.reason, r.src.inner(), r.span),
        Err(e) => usage_error(&e.to_string()),
    }
}

/// A config or rule-file error: `FILE:LINE:COL: reason` on one line, then that line of the
/// file with the place underlined, and where to find help (`--verbose`: miette's full report).
fn file_error(name: &str, reason: &str, text: &str, span: Option<miette::SourceSpan>) -> i32 {
    let name = crate::escape::text(name);
    let Some(span) = span.filter(|s| s.offset() <= text.len()) else {
        return usage_error(&format!("{name}: {reason}"));
    };
    let at = span.offset();
    let before = text.get(..at).unwrap_or("");
    let line_no = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text.get(start..end).unwrap_or("").trim_end_matches('\r');
    let col = text.get(start..at).map_or(1, |p| p.chars().count() + 1);
    let marked = text
        .get(at..(at + span.len()).min(end))
        .map_or(0, |t| t.chars().count())
        .max(1);
    let gutter = " ".repeat(line_no.to_string().len());
    // The caret goes under the place as shown (escaped control characters are wider).
    let shown_before: String = line.chars().take(col - 1).collect();
    let pad = " ".repeat(crate::escape::text(&shown_before).chars().count());
    eprintln!(
        "linkedin-lint: error: {name}:{line_no}:{col}: {reason}\n{gutter} |\n{line_no} | {}\n{gutter} | {}{}\n\nFor more information, try '--help'.",
        crate::escape::text(line),
        pad,
        "^".repeat(marked)
    );
    EXIT_ERROR
}

/// A user error: one line, and where to find help (no internal diagnostic codes).
fn usage_error(message: &str) -> i32 {
    eprintln!(
        "linkedin-lint: error: {message}

For more information, try '--help'."
    );
    EXIT_ERROR
}

/// `linkedin-lint verions`: the first path does not exist and is close to a subcommand.
fn mistyped_command(paths: &[PathBuf]) -> Option<String> {
    let first = paths.first()?.to_str()?;
    if first == "-" || std::fs::symlink_metadata(first).is_ok() {
        return None;
    }
    let cli = Cli::command();
    let commands = cli.get_subcommands().map(|c| c.get_name());
    let best = crate::config::did_you_mean(first, commands)?;
    if best == first {
        // `linkedin-lint --verbose check .`: an option before the command makes it a path.
        return Some(format!(
            "`{first}` is a command: put options after it (`linkedin-lint {first} [OPTIONS]`)"
        ));
    }
    Some(format!("unknown command `{first}`; did you mean `{best}`?"))
}

/// `linkedin-lint man [COMMAND]`: the roff page of the tool or of one subcommand.
fn man(command: Option<&str>) -> Result<i32, Error> {
    let mut cli = Cli::command();
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => {
            let sub = cli.find_subcommand(name).ok_or_else(|| {
                let names = cli.get_subcommands().map(|c| c.get_name());
                let hint = crate::config::did_you_mean(name, names)
                    .map(|m| format!("; did you mean `{m}`?"))
                    .unwrap_or_default();
                Error::Usage(format!("no subcommand `{name}`{hint}"))
            })?;
            sub.clone().name(format!("linkedin-lint-{name}"))
        }
    };
    let mut text = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut text)
        .map_err(|e| Error::Io {
            path: "<man page>".into(),
            message: e.to_string(),
        })?;
    emit(&String::from_utf8_lossy(&text))
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
    let cfg = crate::config::resolve(&a.config_flags())?;
    if a.show_config {
        print!("{}", cfg.show(&a.config_flags()));
        return Ok(EXIT_OK);
    }
    let linter = &cfg.linter;
    let mut opts = ScanOptions {
        paths: a.paths.clone(),
        walk: WalkOptions {
            respect_ignore: !a.no_ignore,
            threads: a.threads.unwrap_or(0),
            exclude: a.exclude.clone(),
            follow_links: a.follow_links,
            scopes: cfg.scopes.clone(),
            nearest: cfg
                .hierarchy
                .clone()
                .map(|h| crate::walk::Nearest(h as std::sync::Arc<dyn crate::walk::NearestScope>)),
        },
        max_filesize: a.max_filesize,
        stdin: None,
        no_prefilter: a.no_prefilter,
        timings: a
            .timings
            .then(|| std::sync::Arc::new(crate::timings::Timings::new())),
    };
    let baseline_file = a.baseline.iter().chain(&a.write_baseline);
    opts.walk
        .scopes
        .extend(baseline_file.map(|b| baseline::exclude_itself(b)));
    // `check -` reads standard input, as `--stdin-filename` does (named `-` without it).
    let dash = opts.paths.iter().any(|p| p.as_os_str() == "-");
    opts.paths.retain(|p| p.as_os_str() != "-");
    if a.stdin_filename.is_some() || dash {
        let name = a.stdin_filename.clone().unwrap_or_else(|| "-".into());
        let limit = a.max_filesize.unwrap_or(crate::DEFAULT_MAX_FILESIZE);
        opts.stdin = Some((name, read_stdin(limit)?));
    } else if opts.paths.is_empty() {
        opts.paths.push(PathBuf::from("."));
    }
    let baseline = a.baseline.as_deref().map(Baseline::load).transpose()?;
    // jsonl writes each file's findings as soon as the file is checked, the rest at the end;
    // not when the whole result is needed first (--fix/--diff report what remains after
    // fixing; baselines filter across files).
    let streaming = a.format == Some(Format::Jsonl)
        && !a.fix
        && !a.diff
        && baseline.is_none()
        && a.write_baseline.is_none();
    let stream = streaming.then(|| report::jsonl::Stream::new(std::io::stdout()));
    // A spinner for long runs: only for the formats people read, only on a terminal.
    let spinner = matches!(
        a.format.unwrap_or(Format::Human),
        Format::Human | Format::Rustc
    ) && opts.stdin.is_none()
        && !a.quiet
        && std::io::stderr().is_terminal();
    let scan = match &stream {
        Some(s) => linter.scan_streaming(&opts, &|f| {
            let mut f = f.to_vec();
            cfg.apply_severity(&mut f);
            s.file(&f)
        })?,
        None if spinner => with_progress(|n| linter.scan_with_progress(&opts, Some(n)))?,
        None => linter.scan(&opts)?,
    };
    let fix = crate::fix::FixOptions {
        unsafe_fixes: a.unsafe_fixes,
    };
    let (mut scan, fixed) = match fix::on_check(linter, &opts, scan, a.fix, a.diff, fix, a.quiet)? {
        fix::AfterFix::Report(scan, fixed) => (scan, fixed),
        fix::AfterFix::Exit(code) => return Ok(if a.exit_zero { EXIT_OK } else { code }),
    };
    // A nested config met during the walk that cannot be used stops the run, as the top one.
    cfg.check_nested()?;
    cfg.apply(&mut scan);
    if let Some(path) = &a.write_baseline {
        let n = baseline::write(path, &scan)?;
        if a.quiet {
            return Ok(EXIT_OK);
        }
        eprintln!(
            "linkedin-lint: wrote {n} finding{} to the baseline {}",
            if n == 1 { "" } else { "s" },
            path.display()
        );
        return Ok(EXIT_OK);
    }
    let mut roots = opts.paths.clone();
    roots.extend(opts.stdin.as_ref().map(|s| PathBuf::from(&s.0)));
    let baselined = match &baseline {
        Some(b) => Some(b.filter(&mut scan, &roots)?),
        None => None,
    };
    // Each finding fails the run at its own config's fail-on; the closing line names the
    // lowest one that applies.
    let fail_on = scan
        .findings
        .iter()
        .map(|f| cfg.fail_on_for(&f.path))
        .min()
        .unwrap_or(cfg.fail_on);
    let format = a.format.unwrap_or(Format::Human);
    let stdout = std::io::stdout();
    let ropts = RenderOptions {
        format,
        color: color_on(a.color, stdout.is_terminal()),
        elapsed: started.elapsed(),
        fail_on,
        exit_zero: a.exit_zero,
        quiet: a.quiet,
        width: report::width(stdout.is_terminal()),
    };
    // Buffered: stdout is line-buffered, and a JSON report is a write per line otherwise.
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    let render_started = Instant::now();
    match stream {
        Some(s) => s.finish(&scan, linter.table()),
        None if a.statistics => out.write_all(statistics(&scan).as_bytes()),
        None => report::render(&scan, linter.table(), &ropts, &mut out),
    }
    .and_then(|_| out.flush())
    .or_else(|e| match e.kind() {
        // `| head`: a reader that stopped reading is not an error.
        std::io::ErrorKind::BrokenPipe => Ok(()),
        _ => Err(Error::Io {
            path: "<stdout>".into(),
            message: e.to_string(),
        }),
    })?;
    if let Some(t) = &opts.timings {
        let threads = match opts.walk.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        eprint!("{}", t.report(threads, Some(render_started.elapsed())));
    }
    // The human formats list the notes with the findings; the one-line formats are read by
    // programs, so their notes go to standard error, never in silence.
    if matches!(format, Format::Short | Format::Github) && !a.statistics && !a.quiet {
        for n in &scan.notes {
            eprintln!(
                "linkedin-lint: note: {}: {}",
                crate::escape::text(&n.path),
                crate::escape::text(&n.message)
            );
        }
    }
    if let Some(plan) = fixed.as_ref().filter(|_| !a.quiet) {
        eprintln!("linkedin-lint: {}", plan.summary(true));
    }
    if let (Some(b), Some(outcome), false) = (&baseline, &baselined, a.quiet) {
        eprint!("{}", outcome.message(&b.path));
    }
    let failing = scan
        .findings
        .iter()
        .any(|f| f.severity >= cfg.fail_on_for(&f.path))
        || scan.unreadable() > 0
        || fixed.as_ref().is_some_and(|p| p.write_failed());
    Ok(if failing && !a.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// `server`: the language server on stdin/stdout until the client says `exit`; 0 after a
/// clean `shutdown`, 1 when the connection ends otherwise (as LSP asks).
fn server(a: &ServerArgs) -> Result<i32, Error> {
    let settings = crate::server::Settings {
        flags: crate::config::Flags {
            isolated: a.isolated,
            config: a.config.clone(),
            today: a.table.today.clone(),
            target_version: a.table.target_version.clone(),
            expiring_days: a.table.expiring_days,
            rules: a.table.rules.clone(),
            ..crate::config::Flags::default()
        },
        max_filesize: a.max_filesize,
    };
    match crate::server::run(settings) {
        Ok(()) => Ok(EXIT_OK),
        Err(e) => {
            eprintln!("linkedin-lint server: {e}");
            Ok(EXIT_FINDINGS)
        }
    }
}

/// `--statistics` (like ruff's): one line per rule/id, `count  rule/id  severity`, most first.
fn statistics(scan: &crate::Scan) -> String {
    let mut counts: std::collections::BTreeMap<(String, String, crate::Severity), usize> =
        std::collections::BTreeMap::new();
    for f in &scan.findings {
        *counts
            .entry((f.rule.name().to_string(), f.id.clone(), f.severity))
            .or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows
        .iter()
        .map(|r| r.0.0.len() + r.0.1.len() + 1)
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|((rule, id, sev), n)| format!("{n:>5}  {:<width$}  {sev}\n", format!("{rule}/{id}")))
        .collect()
}

fn read_stdin(limit: u64) -> Result<Vec<u8>, Error> {
    crate::input::read_limited(std::io::stdin(), limit, "standard input").map_err(|e| Error::Io {
        path: "<stdin>".into(),
        message: e.to_string(),
    })
}

/// `explain-error`: 0 when the input is explained, 2 when it is not a LinkedIn error response.
fn explain_error(file: Option<&std::path::Path>, t: &TableArgs) -> Result<i32, Error> {
    use crate::explain_error::{ErrorResponse, explain};
    let linter = t.builder().build()?;
    let (name, bytes) = match file.filter(|f| f.as_os_str() != "-") {
        Some(f) => (
            crate::walk::display_path(f),
            crate::input::read_file_limited(
                f,
                crate::input::MAX_ERROR_RESPONSE,
                "the error response",
            )
            .map_err(|e| Error::Io {
                path: crate::walk::display_path(f),
                message: e.to_string(),
            })?,
        ),
        None => {
            if std::io::stdin().is_terminal() {
                eprintln!("Paste the LinkedIn error response, then Ctrl-D:");
            }
            (
                "<stdin>".to_string(),
                read_stdin(crate::input::MAX_ERROR_RESPONSE)?,
            )
        }
    };
    // Redacted before parsing, so no part of the explanation can echo a credential.
    let input = String::from_utf8_lossy(&bytes);
    let Some(response) = ErrorResponse::parse(&crate::redact::text(&input)) else {
        eprintln!(
            "linkedin-lint: {name} is not a LinkedIn error response (expected a JSON body such as {{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"…\"}}, optionally after the HTTP status line, or an OAuth redirect with error=)"
        );
        return Ok(EXIT_ERROR);
    };
    emit(&explain(&response, linter.table(), linter.options()).to_string())
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
    let text = crate::reference::explain(linter.table(), what).ok_or_else(|| {
        let names = crate::Rule::ALL.iter().map(|r| r.name());
        let ids: Vec<String> = linter.table().entries().map(|e| e.id.to_string()).collect();
        let hint = crate::config::did_you_mean(what, names.chain(ids.iter().map(String::as_str)))
            .map(|m| format!("did you mean `{m}`? "))
            .unwrap_or_default();
        Error::Usage(format!(
            "`{what}` is neither a rule nor a rule-table id; {hint}see `linkedin-lint rules`"
        ))
    })?;
    emit(&text)
}

fn rules(format: ListFormat, t: &TableArgs) -> Result<i32, Error> {
    let linter = t.builder().build()?;
    emit(&crate::reference::rules(
        linter.table(),
        format == ListFormat::Json,
    ))
}

fn versions(format: ListFormat, t: &TableArgs) -> Result<i32, Error> {
    let linter = t.builder().build()?;
    emit(&crate::reference::versions(
        linter.table(),
        linter.options(),
        format == ListFormat::Json,
    ))
}

/// Print a reference command's output. A closed pipe (`| head`) is not an error.
fn emit(text: &str) -> Result<i32, Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: "<stdout>".into(),
            message: e.to_string(),
        }),
        _ => Ok(EXIT_OK),
    }
}
