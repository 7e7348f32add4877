//! The rule-file parser alone (YAML → `RuleFile`, with the nesting guard), without merging over
//! the embedded table: the parser's corner cases, with no validation or merge per input. An
//! error has a position inside the text; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = linkedin_lint::rules::parse_rule_file("fuzz.yaml", text) {
        if let Some((line, col)) = e.line_col {
            assert!(line >= 1 && col >= 1);
            assert!(line <= text.lines().count() + 1, "line {line} past the end");
        }
    }
});
