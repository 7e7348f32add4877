//! `--format json`: one document, `schema_version` 1 (the contract in docs and design).

use std::io::{self, Write};

use serde::Serialize;

use super::Summary;
use crate::Scan;
use crate::finding::Finding;
use crate::rules::RuleTable;

/// The JSON schema version. Bump only with the docs and tests in the same commit.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Tool<'a> {
    name: &'static str,
    version: &'static str,
    /// The rule table's date (`YYYY-MM`).
    rules: &'a str,
}

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    tool: Tool<'a>,
    findings: &'a [Finding],
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonSummary {
    files_scanned: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
}

pub fn render(scan: &Scan, table: &RuleTable, out: &mut dyn Write) -> io::Result<()> {
    let s = Summary::of(scan);
    let rules = table.updated.get(..7).unwrap_or(&table.updated);
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "linkedin-lint",
            version: env!("CARGO_PKG_VERSION"),
            rules,
        },
        findings: &scan.findings,
        summary: JsonSummary {
            files_scanned: s.files_scanned,
            findings: s.findings,
            errors: s.errors,
            warnings: s.warnings,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
