//! Human reports: miette (default), rustc-style through codespan-reporting, and one-liners.

use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan,
};

use super::{RenderOptions, Summary};
use crate::Scan;
use crate::escape;
use crate::finding::{Finding, Severity};

/// One finding as a miette diagnostic. Every string in it that comes from a file name or a
/// file's contents is escaped ([`escape`]).
struct FindingReport<'a> {
    f: &'a Finding,
    message: String,
    src: NamedSource<Arc<str>>,
    /// Byte range in the shown text (the decoded text with control characters made visible).
    range: (usize, usize),
    /// Same-file related places: byte range in the shown text, and message.
    related: Vec<((usize, usize), String)>,
    help: String,
    docs: String,
}

impl fmt::Debug for FindingReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for FindingReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingReport<'_> {}

impl Diagnostic for FindingReport<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}/{}",
            self.f.rule,
            escape::text(&self.f.id)
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.f.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        (!self.help.is_empty()).then(|| Box::new(&self.help) as Box<dyn fmt::Display>)
    }

    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        (!self.docs.is_empty()).then(|| Box::new(&self.docs) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = SourceSpan::from((self.range.0, self.range.1 - self.range.0));
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(self.f.rule.summary().to_string()),
            span,
        )];
        for ((s, e), message) in &self.related {
            labels.push(LabeledSpan::new_with_span(
                Some(message.clone()),
                SourceSpan::from((*s, e - s)),
            ));
        }
        Some(Box::new(labels.into_iter()))
    }
}

/// Byte range of a finding in the shown (decoded) text, from its line/column.
fn text_range(text: &str, f: &Finding) -> (usize, usize) {
    let off = |line: usize, col: usize| -> usize {
        let start = if line <= 1 {
            0
        } else {
            text.match_indices('\n')
                .nth(line - 2)
                .map_or(text.len(), |(i, _)| i + 1)
        };
        text[start..]
            .char_indices()
            .nth(col - 1)
            .map_or(text.len(), |(i, _)| start + i)
    };
    let s = off(f.span.start.line, f.span.start.column);
    let e = off(f.span.end.line, f.span.end.column).max(s);
    (s, e)
}

fn help_with_related(f: &Finding) -> String {
    let mut help = escape::text(&f.help).into_owned();
    for r in f.related.iter().filter(|r| r.path != f.path) {
        help.push_str(&format!(
            "\n{}: {}:{}:{}",
            escape::text(&r.message),
            escape::text(&r.path),
            r.span.start.line,
            r.span.start.column
        ));
    }
    help
}

/// The text a snippet shows of each file: control characters made visible
/// ([`escape::snippet`]), computed once per file.
struct Shown<'s> {
    scan: &'s Scan,
    cache: std::collections::HashMap<&'s str, Arc<str>>,
}

impl<'s> Shown<'s> {
    fn new(scan: &'s Scan) -> Self {
        Shown {
            scan,
            cache: std::collections::HashMap::new(),
        }
    }

    fn get(&mut self, path: &'s str) -> Option<Arc<str>> {
        if let Some(t) = self.cache.get(path) {
            return Some(t.clone());
        }
        let text = self.scan.sources.get(path)?;
        let shown = match escape::snippet(text) {
            std::borrow::Cow::Borrowed(_) => text.clone(),
            std::borrow::Cow::Owned(s) => Arc::from(s),
        };
        self.cache.insert(path, shown.clone());
        Some(shown)
    }
}

pub fn render(scan: &Scan, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // Words such as `2026-12-02` or `r_liteprofile` are never split (textwrap's default breaks
    // at hyphens and inside words longer than the line).
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
        .with_break_words(false)
        .with_links(false)
        .with_urls(true)
        .with_context_lines(1);
    let mut shown = Shown::new(scan);
    for (f, same) in repeated(&scan.findings) {
        let text = shown.get(&f.path).unwrap_or_else(|| Arc::from(""));
        let range = text_range(&text, f);
        // Same-file related places by line and column, which the shown text keeps.
        let related = f
            .related
            .iter()
            .filter(|r| r.path == f.path)
            .map(|r| {
                let at = Finding {
                    span: r.span,
                    ..f.clone()
                };
                (
                    text_range(&text, &at),
                    escape::text(&r.message).into_owned(),
                )
            })
            .collect();
        let d = FindingReport {
            f,
            message: escape::text(&f.message).into_owned(),
            src: NamedSource::new(escape::text(&f.path), text),
            range,
            related,
            help: help_with_related(f),
            docs: escape::text(&f.docs).into_owned(),
        };
        let mut s = String::new();
        handler
            .render_report(&mut s, &d)
            .map_err(io::Error::other)?;
        same_places(&mut s, &same);
        writeln!(out, "{}", escape::workflow_commands(&s))?;
    }
    notes_and_summary(scan, opts, out)
}

/// Places listed after a repeated finding; past this many, a count.
const MAX_SAME_PLACES: usize = 10;

/// The findings in order, each with the later ones that say the same (rule, id, severity and
/// message: one sunset pin written at 19 places). The human report shows the first in full
/// and lists the places of the others after it; every other format keeps one entry each.
fn repeated(findings: &[Finding]) -> Vec<(&Finding, Vec<&Finding>)> {
    let mut groups: Vec<(&Finding, Vec<&Finding>)> = Vec::new();
    let mut index: std::collections::HashMap<(crate::Rule, &str, Severity, &str), usize> =
        std::collections::HashMap::new();
    for f in findings {
        let key = (f.rule, f.id.as_str(), f.severity, f.message.as_str());
        match index.get(&key) {
            Some(&i) => groups[i].1.push(f),
            None => {
                index.insert(key, groups.len());
                groups.push((f, Vec::new()));
            }
        }
    }
    groups
}

/// `  = the same at 18 more places:` and one `path:line:col` a line (at most
/// [`MAX_SAME_PLACES`]), appended to a rendered report.
fn same_places(s: &mut String, same: &[&Finding]) {
    use std::fmt::Write as _;
    if same.is_empty() {
        return;
    }
    let n = same.len();
    let _ = writeln!(s, "  = the same at {n} more place{}:", plural(n));
    for f in same.iter().take(MAX_SAME_PLACES) {
        let at = &f.span.start;
        let _ = writeln!(
            s,
            "      {}:{}:{}",
            escape::text(&f.path),
            at.line,
            at.column
        );
    }
    if n > MAX_SAME_PLACES {
        let _ = writeln!(
            s,
            "      … and {} more (`--format short` lists every finding)",
            n - MAX_SAME_PLACES
        );
    }
}

fn notes_and_summary(scan: &Scan, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    if opts.quiet {
        return Ok(());
    }
    for n in &scan.notes {
        writeln!(
            out,
            "note: {}: {}",
            escape::text(&n.path),
            escape::text(&n.message)
        )?;
    }
    let s = Summary::of(scan);
    writeln!(
        out,
        "linkedin-lint: {} file{} scanned, {} error{}, {} warning{}, {} info in {:.2}s",
        s.files_scanned,
        plural(s.files_scanned),
        s.errors,
        plural(s.errors),
        s.warnings,
        plural(s.warnings),
        s.infos,
        opts.elapsed.as_secs_f64()
    )?;
    let failing = scan
        .findings
        .iter()
        .filter(|f| f.severity >= opts.fail_on)
        .count();
    if opts.exit_zero {
        return Ok(());
    }
    if failing > 0 {
        writeln!(
            out,
            "exit 1: {failing} finding{} at or above {}",
            plural(failing),
            opts.fail_on
        )?;
    } else if scan.unreadable() > 0 {
        writeln!(
            out,
            "exit 1: {} path{} could not be read",
            scan.unreadable(),
            plural(scan.unreadable())
        )?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// rustc/cargo-shaped output, for tools and problem matchers that read cargo's diagnostics:
///
/// ```text
/// error[endpoint-deprecated]: `/uas/oauth2/` is the retired OAuth 2.0 path
///   --> src/oauth.rs:10:34
///    |
/// 10 |         "https://www.linkedin.com/uas/oauth2/authorization?…"
///    |                                  ^^^^^^^^^^^^ A retired or deprecated LinkedIn endpoint
///    |
///    = help: Use `https://www.linkedin.com/oauth/v2/authorization` …
///    = note: rule-table entry `uas-oauth2` (`linkedin-lint explain uas-oauth2`)
///    = note: for more information, see https://…
/// ```
///
/// The header code is the rule alone, as rustc's is a lint name: matchers written for cargo
/// (`^(warning|error)(\[\S+\])?: (.*)$` then `^\s+--> (.+):(\d+):(\d+)$`) read it, and the
/// message stays the finding's own. The rule-table id goes in a note. ASCII borders, as rustc
/// draws them; `info` findings are `note`s.
pub fn render_rustc(scan: &Scan, opts: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids = std::collections::HashMap::new();
    let mut shown = Shown::new(scan);
    for path in scan.sources.keys() {
        let text = shown.get(path).expect("a path of `sources`");
        ids.insert(
            path.clone(),
            files.add(escape::text(path).into_owned(), text),
        );
    }
    let config = term::Config {
        chars: term::Chars::ascii(),
        ..term::Config::default()
    };
    let mut buf = Vec::new();
    {
        let mut writer: Box<dyn termcolor::WriteColor> = if opts.color {
            Box::new(termcolor::Ansi::new(&mut buf))
        } else {
            Box::new(termcolor::NoColor::new(&mut buf))
        };
        for f in &scan.findings {
            let Some(&id) = ids.get(&f.path) else {
                continue;
            };
            let text = shown.get(&f.path).expect("a path of `sources`");
            let (s, e) = text_range(&text, f);
            let d = match f.severity {
                Severity::Error => CsDiagnostic::error(),
                Severity::Warning => CsDiagnostic::warning(),
                Severity::Info => CsDiagnostic::note(),
            };
            let mut labels = vec![Label::primary(id, s..e).with_message(f.rule.summary())];
            for r in f.related.iter() {
                if let Some(&rid) = ids.get(&r.path) {
                    let rt = shown.get(&r.path).expect("a path of `sources`");
                    let fake = Finding {
                        span: r.span,
                        ..f.clone()
                    };
                    let (rs, re) = text_range(&rt, &fake);
                    labels
                        .push(Label::secondary(rid, rs..re).with_message(escape::text(&r.message)));
                }
            }
            let id = escape::text(&f.id);
            let mut notes = vec![
                format!("help: {}", escape::text(&f.help)),
                format!("note: rule-table entry `{id}` (`linkedin-lint explain {id}`)"),
            ];
            if !f.docs.is_empty() {
                notes.push(format!(
                    "note: for more information, see {}",
                    escape::text(&f.docs)
                ));
            }
            let d = d
                .with_code(f.rule.name())
                .with_message(escape::text(&f.message))
                .with_labels(labels)
                .with_notes(notes);
            term::emit_to_write_style(&mut *writer, &config, &files, &d)
                .map_err(io::Error::other)?;
        }
    }
    match String::from_utf8(buf) {
        Ok(s) => out.write_all(escape::workflow_commands(&s).as_bytes())?,
        Err(e) => out.write_all(e.as_bytes())?,
    }
    notes_and_summary(scan, opts, out)
}

/// `path:line:col: severity[rule/id] message`, one per line.
pub fn render_short(scan: &Scan, out: &mut dyn Write) -> io::Result<()> {
    for f in &scan.findings {
        writeln!(
            out,
            "{}:{}:{}: {}[{}/{}] {}",
            escape::line_start_path(&escape::text(&f.path)),
            f.span.start.line,
            f.span.start.column,
            f.severity,
            f.rule,
            escape::text(&f.id),
            escape::text(&f.message)
        )?;
    }
    Ok(())
}
