//! Property tests (bounded case counts, part of the normal suite): arbitrary input never
//! panics, and every span lies on character boundaries inside the file.

use linkedin_lint::Linter;
use proptest::prelude::*;

const EXTS: &[&str] = &[
    "rs",
    "ts",
    "py",
    "go",
    "java",
    "kt",
    "cs",
    "rb",
    "php",
    "pl",
    "sh",
    "md",
    "yaml",
    "toml",
    "json",
    ".env",
    "properties",
];

/// Fragments that drive the readers into their interesting states.
const FRAGMENTS: &[&str] = &[
    "\"",
    "'",
    "`",
    "${",
    "}",
    "{",
    "(",
    ")",
    "[",
    "]",
    "#{",
    "f\"",
    "r#\"",
    "\"#",
    "\"\"\"",
    "'''",
    "//",
    "/*",
    "*/",
    "#",
    "\n",
    "\r\n",
    "\\",
    "=",
    ":",
    ",",
    "+",
    ".",
    "$",
    "https://api.linkedin.com",
    "/v2/me",
    "/v2/ugcPosts",
    "/rest/me",
    "/uas/oauth2/",
    "LinkedIn-Version",
    "202304",
    "20240101",
    "202613",
    "X-Restli-Protocol-Version",
    "1.0.0",
    "Authorization",
    "Bearer ",
    "Token ",
    "AQXfakeTOKENfakeTOKEN1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN",
    "scope=",
    "r_liteprofile",
    " ",
    "%20",
    "é",
    "🙂",
    "\u{feff}",
    "- ",
    "  ",
    "linkedin:",
    "api_version",
    "```js\n",
    "```\n",
    "%w[",
    "@Value(\"${a:",
    "\0",
];

fn linter() -> Linter {
    Linter::builder().today("2026-11-23").build().unwrap()
}

fn check_spans(l: &Linter, name: &str, bytes: &[u8]) {
    let scan = l.check_bytes(name, bytes);
    for f in &scan.findings {
        assert!(
            f.span.byte_start <= f.span.byte_end && f.span.byte_end <= bytes.len(),
            "{f:?}"
        );
        if let Ok(text) = std::str::from_utf8(bytes) {
            assert!(
                text.is_char_boundary(f.span.byte_start) && text.is_char_boundary(f.span.byte_end),
                "{f:?}"
            );
        }
        assert!(f.span.start <= f.span.end, "{f:?}");
        if let Some(fix) = &f.fix {
            for e in &fix.edits {
                assert!(e.byte_start <= e.byte_end && e.byte_end <= bytes.len());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), ext in 0..EXTS.len()) {
        let l = linter();
        check_spans(&l, &format!("f.{}", EXTS[ext]), &bytes);
    }

    #[test]
    fn fragment_soup_never_panics(parts in proptest::collection::vec(0..FRAGMENTS.len(), 0..200), ext in 0..EXTS.len()) {
        let text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        let l = linter();
        check_spans(&l, &format!("f.{}", EXTS[ext]), text.as_bytes());
    }
}
