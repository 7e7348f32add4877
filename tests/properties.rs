//! Property tests (bounded case counts, part of the normal suite): arbitrary input never
//! panics, and every span lies on character boundaries inside the file.
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated, scope-version-mismatch) -- test inputs

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

/// Fragments that make fixable findings in many shapes.
const FIXABLE: &[&str] = &[
    "const V = \"202304\";\n",
    "h = {\"LinkedIn-Version\": \"20240101\", \"X-Restli-Protocol-Version\": \"1.0.0\"}\n",
    "u = \"https://api.linkedin.com/v2/adAccountsV2?q=search\"\n",
    "a = 'https://www.linkedin.com/uas/oauth2/authorization?scope=r_liteprofile%20r_emailaddress'\n",
    "SCOPES = [\"r_liteprofile\", \"r_emailaddress\", \"w_member_social\"]\n",
    "s = 'r_liteprofile r_emailaddress'\n",
    "me = `${API}/v2/me`\n",
    "API = 'https://api.linkedin.com'\n",
    "x = 1\r\n",
    "// comment é\n",
    "\u{feff}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// Fixing, then linting again, leaves nothing to fix; fixing twice equals fixing once.
    #[test]
    fn fixes_converge_and_are_idempotent(parts in proptest::collection::vec(0..FIXABLE.len(), 1..12), ext in 0..4usize) {
        use linkedin_lint::fix::{plan, FixOptions};
        let ext = ["ts", "py", "go", "rb"][ext];
        let text: String = parts.iter().map(|&i| FIXABLE[i]).collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("client.{ext}"));
        std::fs::write(&path, &text).unwrap();
        let l = linter();
        let opts = linkedin_lint::ScanOptions::paths([&path]);
        let mut p1 = plan(&l.scan(&opts).unwrap(), FixOptions { unsafe_fixes: true });
        p1.write();
        let once = std::fs::read(&path).unwrap();
        let scan2 = l.scan(&opts).unwrap();
        let p2 = plan(&scan2, FixOptions { unsafe_fixes: true });
        prop_assert!(p2.files.is_empty() || p1.problems.iter().any(|p| p.kind == linkedin_lint::fix::ProblemKind::Overlap),
            "second pass still fixes:\n{}\n--- after first pass:\n{}", p2.diff(), String::from_utf8_lossy(&once));
        let mut p2 = p2;
        p2.write();
        if p1.problems.is_empty() {
            prop_assert_eq!(std::fs::read(&path).unwrap(), once);
        }
    }
}
