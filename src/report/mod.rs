//! Reports: one finding model, many consumers. Every format reads the same [`Scan`]; none of
//! them ever sees a secret (sources are masked before they get here, messages never hold one).

pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod sarif;

use std::io::{self, Write};
use std::time::Duration;

use serde::Serialize;

use crate::Scan;
use crate::finding::Severity;
use crate::rules::RuleTable;

/// Output formats (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[non_exhaustive]
pub enum Format {
    /// miette: snippet, label, help, docs link (default).
    Human,
    /// codespan-reporting, shaped like rustc/cargo diagnostics.
    Rustc,
    /// One line per finding: `path:line:col: severity[rule/id] message`.
    Short,
    /// One JSON document (schema_version 1).
    Json,
    /// JSON Lines: one finding per line as soon as it is known, then a summary line.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning UIs (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…::…`): annotations on the PR.
    Github,
}

/// Counts for the end of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files_scanned: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(scan: &Scan) -> Summary {
        Summary {
            files_scanned: scan.files_scanned,
            findings: scan.findings.len(),
            errors: scan.count(Severity::Error),
            warnings: scan.count(Severity::Warning),
            infos: scan.count(Severity::Info),
        }
    }
}

/// How to render.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub format: Format,
    pub color: bool,
    pub elapsed: Duration,
    /// The severity at which the run fails (for the closing reason line).
    pub fail_on: Severity,
    /// `--exit-zero`: the run exits 0 whatever it found, so there is no failure to explain.
    pub exit_zero: bool,
    /// `--quiet`: the findings only (no notes, summary or closing reason line).
    pub quiet: bool,
    /// Columns the `human` format wraps its text at (between words, never inside one).
    pub width: usize,
}

/// The width `human` wraps at: `COLUMNS` when set, else the terminal's when `stdout_is_tty`,
/// else 200 (output read by programs or saved to files).
pub fn width(stdout_is_tty: bool) -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    let terminal = || {
        stdout_is_tty
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(w, _)| usize::from(w.0))
    };
    columns
        .or_else(terminal)
        .filter(|w| *w >= 20)
        .unwrap_or(200)
}

/// Render `scan` to `out`.
pub fn render(
    scan: &Scan,
    table: &RuleTable,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match opts.format {
        Format::Human => human::render(scan, opts, out),
        Format::Rustc => human::render_rustc(scan, opts, out),
        Format::Short => human::render_short(scan, out),
        Format::Json => json::render(scan, table, out),
        Format::Jsonl => jsonl::render(scan, table, out),
        Format::Sarif => sarif::render(scan, table, out),
        Format::Github => github::render(scan, out),
    }
}

pub use crate::source::mask;

#[cfg(test)]
mod tests {
    #[test]
    fn mask_keeps_length() {
        let t = "a = \"AQé123\"";
        let m = super::mask(t, std::slice::from_ref(&(5..12)));
        assert_eq!(m.len(), t.len());
        assert_eq!(m, "a = \"*******\"");
    }
}
