//! Every reader (chosen by the first byte) on arbitrary bytes: no panic, spans inside the file
//! and on character boundaries.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use linkedin_lint::Linter;

const EXTS: &[&str] = &[
    "rs", "ts", "py", "go", "java", "kt", "cs", "rb", "php", "pl", "sh", "md", "yaml", "toml", "json", ".env", "properties",
    "ex", "html", "ipynb", "rst", "xml", "plist",
];

fuzz_target!(|data: &[u8]| {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    let linter = LINTER.get_or_init(|| Linter::builder().today("2026-11-23").build().unwrap());
    let Some((&sel, bytes)) = data.split_first() else { return };
    let name = format!("f.{}", EXTS[sel as usize % EXTS.len()]);
    let scan = linter.check_bytes(&name, bytes);
    let text = std::str::from_utf8(bytes).ok();
    for f in &scan.findings {
        assert!(f.span.byte_start <= f.span.byte_end && f.span.byte_end <= bytes.len());
        if let Some(t) = text {
            assert!(t.is_char_boundary(f.span.byte_start) && t.is_char_boundary(f.span.byte_end));
        }
    }
});
