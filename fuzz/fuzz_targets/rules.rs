//! The rule-table loader on arbitrary text: an error with a position, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = linkedin_lint::rules::load(&[("fuzz.yaml".into(), text.to_string())]) {
        if let Some((line, col)) = e.line_col {
            assert!(line >= 1 && col >= 1);
        }
    }
});
