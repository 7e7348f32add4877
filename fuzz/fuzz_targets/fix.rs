//! The fix applier: the edits `--fix` would make lie inside the text, on character
//! boundaries, sorted and apart; fixing converges (a second pass has nothing left to change,
//! unless fixes overlapped) and never panics, whatever the file holds.
//!
//! In memory, as the language server plans its code actions: `check_bytes`, `fix::plan_text`
//! (which `fix::plan` runs on each file's text), `fix::apply`, and again on the result. The
//! on-disk parts of `--fix` (re-reading, the unchanged-since-the-scan check, the atomic
//! write) are covered by `tests/fix.rs`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use linkedin_lint::fix::{FixOptions, ProblemKind, TextPlan, apply, plan_text};
use linkedin_lint::source::Encoding;
use linkedin_lint::{Finding, Linter};

const EXTS: &[&str] = &["rs", "ts", "py", "go", "rb", "yaml", ".env", "sh", "json"];
const OPTS: FixOptions = FixOptions { unsafe_fixes: true };

/// What `fix::plan` would do to `bytes` as file `name`: `None` when it would leave the file
/// alone (not UTF-8, or nothing with a fix).
fn plan(linter: &Linter, name: &str, bytes: &[u8]) -> Option<(String, TextPlan)> {
    let scan = linter.check_bytes(name, bytes);
    let fixable: Vec<&Finding> = scan
        .findings
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|x| !x.edits.is_empty()))
        .collect();
    if fixable.is_empty() {
        return None;
    }
    // Fixes only go to files read as UTF-8.
    if scan.snapshots.get(name)?.encoding != Encoding::Utf8 {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let chosen = plan_text(&fixable, name, text, OPTS);
    Some((text.to_string(), chosen))
}

fuzz_target!(|data: &[u8]| {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    let linter = LINTER.get_or_init(|| Linter::builder().today("2026-11-23").build().unwrap());
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let name = format!("client.{}", EXTS[sel as usize % EXTS.len()]);
    let Some((text, first)) = plan(linter, &name, body) else {
        return;
    };
    for e in &first.edits {
        assert!(
            e.byte_start <= e.byte_end && e.byte_end <= text.len(),
            "edit {e:?} outside the text"
        );
        assert!(
            text.is_char_boundary(e.byte_start) && text.is_char_boundary(e.byte_end),
            "edit {e:?} splits a character"
        );
    }
    for w in first.edits.windows(2) {
        assert!(
            w[0].byte_end <= w[1].byte_start,
            "edits out of order or overlapping: {w:?}"
        );
    }
    if first.edits.is_empty() {
        return;
    }
    let after = apply(text.as_bytes(), &first.edits);
    let overlapped = first
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::Overlap);
    if let Some((fixed, second)) = plan(linter, &name, &after) {
        assert!(
            second.edits.is_empty() || overlapped,
            "second pass still fixes {:?}\nin:\n{fixed}",
            second.edits
        );
    }
});
