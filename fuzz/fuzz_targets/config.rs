//! The config loader (linkedin-lint.toml and Cargo.toml metadata) on arbitrary bytes: an error
//! that names the file, never a panic. Parses in memory (`config::parse`, what `config::load`
//! runs on the text it reads), so no file is written per input.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use linkedin_lint::Linter;

fuzz_target!(|data: &[u8]| {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    let linter = LINTER.get_or_init(|| Linter::builder().today("2026-11-23").build().unwrap());
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    // `load` reads text: bytes that are not UTF-8 are an I/O error before any parsing.
    let Ok(text) = std::str::from_utf8(body) else {
        return;
    };
    let name = if sel % 2 == 0 {
        "linkedin-lint.toml"
    } else {
        "Cargo.toml"
    };
    match linkedin_lint::config::parse(Path::new(name), text.to_string()) {
        Ok(cfg) => {
            let _ = cfg.overrides(linter.table());
        }
        Err(e) => {
            let _ = format!("{e:?}");
        }
    }
});
