//! `--format jsonl`: JSON Lines for very large trees and streaming consumers.
//!
//! Every line but the last is one finding, the very object of the `--format json` document's
//! `findings` array, compact. The last line is the summary:
//!
//! ```json
//! {"type":"summary","schema_version":1,"tool":{…},"summary":{"files_scanned":9,…}}
//! ```
//!
//! with the same `tool` and `summary` objects as the JSON document; a consumer tells it apart
//! by its `type` (findings have none). Before the summary, each file not scanned (or read in a
//! degraded way) is a line `{"type":"note",…}` with the fields of a JSON document's `notes`. Through [`Stream`], each file's findings are written as
//! soon as that file is checked, so they arrive in the order files finish (not sorted across
//! files when the walk is parallel; each file's own findings are in order). Findings that need
//! the whole tree (`version-inconsistent`, `scope-version-mismatch`, `version-missing`) follow
//! once the walk is over, then the summary.

use std::collections::HashSet;
use std::io::{self, Write};
use std::sync::Mutex;

use serde::Serialize;

use super::json::{JsonSummary, SCHEMA_VERSION, Tool};
use crate::Scan;
use crate::engine::Note;
use crate::finding::{Finding, Rule};
use crate::rules::RuleTable;

#[derive(Serialize)]
struct SummaryLine<'a> {
    r#type: &'static str,
    schema_version: u32,
    tool: Tool<'a>,
    summary: JsonSummary,
}

/// Write everything at once (the whole scan is known): findings in report order, then the
/// summary. The same lines a [`Stream`] writes, in sorted order.
pub fn render(scan: &Scan, table: &RuleTable, out: &mut dyn Write) -> io::Result<()> {
    for f in &scan.findings {
        line(out, f)?;
    }
    summary(scan, table, out)
}

fn line(out: &mut dyn Write, f: &Finding) -> io::Result<()> {
    serde_json::to_writer(&mut *out, f)?;
    out.write_all(b"\n")
}

/// A file not scanned, or read in a degraded way: `{"type":"note","path":…,"kind":…,"message":…}`.
#[derive(Serialize)]
struct NoteLine<'a> {
    r#type: &'static str,
    #[serde(flatten)]
    note: &'a Note,
}

/// The notes, then the summary line.
fn summary(scan: &Scan, table: &RuleTable, out: &mut dyn Write) -> io::Result<()> {
    for note in &scan.notes {
        serde_json::to_writer(
            &mut *out,
            &NoteLine {
                r#type: "note",
                note,
            },
        )?;
        out.write_all(b"\n")?;
    }
    let s = SummaryLine {
        r#type: "summary",
        schema_version: SCHEMA_VERSION,
        tool: Tool::of(table),
        summary: JsonSummary::of(scan),
    };
    serde_json::to_writer(&mut *out, &s)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// What identifies a finding already written.
type Key = (String, usize, usize, Rule, String);

fn key(f: &Finding) -> Key {
    (
        f.path.clone(),
        f.span.byte_start,
        f.span.byte_end,
        f.rule,
        f.id.clone(),
    )
}

/// A JSON Lines writer fed from the scan as it runs (see
/// [`Linter::scan_streaming`](crate::Linter::scan_streaming)).
pub struct Stream<W: Write + Send> {
    state: Mutex<State<W>>,
}

struct State<W> {
    out: W,
    written: HashSet<Key>,
    /// The first write error; later writes are skipped and [`Stream::finish`] returns it.
    error: Option<io::Error>,
}

impl<W: Write + Send> Stream<W> {
    pub fn new(out: W) -> Self {
        Stream {
            state: Mutex::new(State {
                out,
                written: HashSet::new(),
                error: None,
            }),
        }
    }

    /// Write one file's findings now (called from the walker's threads).
    pub fn file(&self, findings: &[Finding]) {
        if findings.is_empty() {
            return;
        }
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if st.error.is_some() {
            return;
        }
        let State { out, written, .. } = &mut *st;
        let mut res = Ok(());
        for f in findings {
            res = line(out, f);
            if res.is_err() {
                break;
            }
            written.insert(key(f));
        }
        // Flush per file: a consumer sees the findings while the walk goes on.
        if let Err(e) = res.and_then(|_| out.flush()) {
            st.error = Some(e);
        }
    }

    /// Write the findings not written yet (the tree-wide ones), in report order, then the
    /// summary line.
    pub fn finish(self, scan: &Scan, table: &RuleTable) -> io::Result<()> {
        let st = self.state.into_inner().unwrap_or_else(|p| p.into_inner());
        if let Some(e) = st.error {
            return Err(e);
        }
        let State {
            mut out, written, ..
        } = st;
        for f in scan.findings.iter().filter(|f| !written.contains(&key(f))) {
            line(&mut out, f)?;
        }
        summary(scan, table, &mut out)
    }
}
