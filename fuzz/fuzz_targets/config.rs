//! The config loader (linkedin-lint.toml and Cargo.toml metadata) on arbitrary bytes: an error
//! that names the file, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use linkedin_lint::Linter;

fuzz_target!(|data: &[u8]| {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static LINTER: OnceLock<Linter> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().unwrap());
    let linter = LINTER.get_or_init(|| Linter::builder().today("2026-11-23").build().unwrap());
    let Some((&sel, body)) = data.split_first() else { return };
    let name = if sel % 2 == 0 { "linkedin-lint.toml" } else { "Cargo.toml" };
    let path = dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    match linkedin_lint::config::load(&path) {
        Ok(cfg) => {
            let _ = cfg.overrides(linter.table());
        }
        Err(e) => {
            let _ = format!("{e:?}");
        }
    }
});
