//! The progress hook: a counter the library bumps per walked file; the CLI's spinner (stderr,
//! terminals only, human formats only) never shows when stderr is not a terminal.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use linkedin_lint::{Linter, ScanOptions};

const DIR: &str = "tests/fixtures/legacy-client";

#[test]
fn scan_with_progress_counts_every_walked_file() {
    let linter = Linter::builder().today(common::TODAY).build().unwrap();
    let n = AtomicUsize::new(0);
    let opts = ScanOptions::paths([format!("{}/{DIR}", env!("CARGO_MANIFEST_DIR"))]);
    let with = linter.scan_with_progress(&opts, Some(&n)).unwrap();
    let without = linter.scan(&opts).unwrap();
    assert_eq!(n.load(Ordering::Relaxed), with.files_scanned);
    assert_eq!(with.findings, without.findings);
}

#[test]
fn nothing_on_stderr_when_it_is_not_a_terminal() {
    for format in ["human", "rustc", "short", "json"] {
        let out = common::bin()
            .args(["check", DIR, "--today", common::TODAY, "--format", format])
            .output()
            .unwrap();
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{format}");
    }
}
