//! `--format json`: one document, `schema_version` 1 (the contract in docs and design).

use std::io::{self, Write};

use serde::Serialize;

use super::Summary;
use crate::Scan;
use crate::engine::Note;
use crate::finding::Finding;
use crate::rules::RuleTable;

/// The JSON schema version. Bump only with the docs and tests in the same commit.
pub const SCHEMA_VERSION: u32 = 1;

/// The `tool` object, shared with `--format jsonl`.
#[derive(Serialize)]
pub(super) struct Tool<'a> {
    name: &'static str,
    version: &'static str,
    /// The rule table's date (`YYYY-MM`).
    rules: &'a str,
}

impl Tool<'_> {
    pub(super) fn of(table: &RuleTable) -> Tool<'_> {
        Tool {
            name: "linkedin-lint",
            version: env!("CARGO_PKG_VERSION"),
            rules: table.updated.get(..7).unwrap_or(&table.updated),
        }
    }
}

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    tool: Tool<'a>,
    findings: &'a [Finding],
    /// Files not scanned, or read in a degraded way (only when there are some).
    #[serde(skip_serializing_if = "<[Note]>::is_empty")]
    notes: &'a [Note],
    summary: JsonSummary,
}

/// The `summary` object, shared with `--format jsonl`.
#[derive(Serialize)]
pub(super) struct JsonSummary {
    files_scanned: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    /// Added in 0.1 within schema_version 1 (additive): the human summary's info count.
    info: usize,
}

impl JsonSummary {
    pub(super) fn of(scan: &Scan) -> JsonSummary {
        let s = Summary::of(scan);
        JsonSummary {
            files_scanned: s.files_scanned,
            findings: s.findings,
            errors: s.errors,
            warnings: s.warnings,
            info: s.infos,
        }
    }
}

pub fn render(scan: &Scan, table: &RuleTable, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        tool: Tool::of(table),
        findings: &scan.findings,
        notes: &scan.notes,
        summary: JsonSummary::of(scan),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
