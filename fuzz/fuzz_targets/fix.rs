//! The fix applier: fixing converges (a second pass has nothing left to change) and never
//! panics, whatever the file holds.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use linkedin_lint::fix::{plan, FixOptions, ProblemKind};
use linkedin_lint::{Linter, ScanOptions};

const EXTS: &[&str] = &["rs", "ts", "py", "go", "rb", "yaml", ".env", "sh", "json"];

fuzz_target!(|data: &[u8]| {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    let linter = LINTER.get_or_init(|| Linter::builder().today("2026-11-23").build().unwrap());
    let Some((&sel, body)) = data.split_first() else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("client.{}", EXTS[sel as usize % EXTS.len()]));
    std::fs::write(&path, body).unwrap();
    let opts = ScanOptions::paths([&path]);
    let mut first = plan(&linter.scan(&opts).unwrap(), FixOptions { unsafe_fixes: true });
    first.write();
    let second = plan(&linter.scan(&opts).unwrap(), FixOptions { unsafe_fixes: true });
    let overlapped = first.problems.iter().any(|p| p.kind == ProblemKind::Overlap);
    assert!(second.files.is_empty() || overlapped, "second pass still fixes:\n{}", second.diff());
});
