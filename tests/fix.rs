//! `check --fix`, `--unsafe-fixes` and `--diff` end to end: before/after fixtures per language,
//! idempotence, every byte kept, and files that cannot or must not be written.
// linkedin-lint: allow-file(endpoint-deprecated, hardcoded-token) -- test inputs (fake credentials)

mod common;

use std::path::{Path, PathBuf};

use common::{TODAY, bin, tree};
use linkedin_lint::fix::{self, FixOptions, ProblemKind};
use linkedin_lint::{Linter, ScanOptions};

/// Fixture directories under tests/fixtures/fix and their file extensions.
const CASES: [(&str, &str); 5] = [
    ("rust", "rs"),
    ("typescript", "ts"),
    ("python", "py"),
    ("yaml", "yaml"),
    ("env", "env"),
];

fn fixture(case: &str, name: &str) -> Option<Vec<u8>> {
    std::fs::read(Path::new("tests/fixtures/fix").join(case).join(name)).ok()
}

/// A temporary copy of a case's `before` file.
fn copy_before(case: &str, ext: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("before.{ext}"));
    std::fs::write(&path, fixture(case, &format!("before.{ext}")).unwrap()).unwrap();
    (dir, path)
}

/// `check PATH --today TODAY --format short ARGS…`: (exit code, stdout, stderr).
fn run(path: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin()
        .arg("check")
        .arg(path)
        .args(["--today", TODAY, "--format", "short"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_same(case: &str, got: &[u8], want: &[u8]) {
    if got != want {
        let (g, w) = (String::from_utf8_lossy(got), String::from_utf8_lossy(want));
        let diff = similar::TextDiff::from_lines(w.as_ref(), g.as_ref());
        panic!(
            "{case}: fixed file differs from the fixture (- fixture, + got):\n{}",
            diff.unified_diff()
        );
    }
}

#[test]
fn fix_gives_the_after_fixture_and_a_second_run_changes_nothing() {
    for (case, ext) in CASES {
        let (_dir, path) = copy_before(case, ext);
        let (_, _, err) = run(&path, &["--fix"]);
        let once = std::fs::read(&path).unwrap();
        assert_same(
            case,
            &once,
            &fixture(case, &format!("after.{ext}")).unwrap(),
        );
        assert!(err.contains("linkedin-lint: fixed "), "{case}: {err}");
        let (_, _, err) = run(&path, &["--fix"]);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            once,
            "{case}: second run changed the file"
        );
        assert!(err.contains("nothing to fix"), "{case}: {err}");
    }
}

#[test]
fn unsafe_fixes_also_apply_maybe_incorrect_ones() {
    for (case, ext) in CASES {
        let (_dir, path) = copy_before(case, ext);
        run(&path, &["--fix", "--unsafe-fixes"]);
        let once = std::fs::read(&path).unwrap();
        let want = fixture(case, &format!("after-unsafe.{ext}"))
            .or_else(|| fixture(case, &format!("after.{ext}")))
            .unwrap();
        assert_same(case, &once, &want);
        run(&path, &["--fix", "--unsafe-fixes"]);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            once,
            "{case}: not idempotent"
        );
    }
}

#[test]
fn maybe_incorrect_fixes_wait_for_unsafe_fixes_and_the_summary_says_so() {
    let (_dir, path) = copy_before("rust", "rs");
    let (code, out, err) = run(&path, &["--fix"]);
    // Only `/uas/oauth2/` → `/oauth/v2/` is safe here: version bumps, Rest.li 2.0, `/rest/`
    // moves and `/v2/me` change what LinkedIn answers, and the scopes wait for `/v2/me`
    // (a half migration). What remains is reported; the sunset pin is an error.
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("warning[endpoint-deprecated/v2-me]"), "{out}");
    assert!(out.contains("error[version-sunset/"), "{out}");
    assert!(!out.contains("uas-oauth2"), "{out}");
    assert!(
        err.contains("linkedin-lint: fixed 1 finding in 1 file (9 need --unsafe-fixes)"),
        "{err}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"{API_BASE}/v2/me\""));
    assert!(text.contains("\"r_liteprofile\", \"r_emailaddress\""));
    let (code, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(err.contains("fixed 9 findings in 1 file"), "{err}");
}

#[test]
fn exit_code_after_fix_follows_what_remains() {
    let (_dir, path) = copy_before("env", "env");
    let (code, _, _) = run(&path, &[]);
    assert_eq!(code, 1, "errors before fixing");
    // The sunset pin's bump waits for --unsafe-fixes, so plain --fix leaves the error.
    let (code, out, _) = run(&path, &["--fix"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[version-sunset/"), "{out}");
    let (code, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    // An error that has no fix keeps the exit code at 1.
    let dir = tree(&[(
        "oauth.py",
        "AUTHORIZE = 'https://www.linkedin.com/uas/oauth2/authorization'\nSECRET = 'x'\nAPI = 'https://api.linkedin.com/v1/people/~'\n",
    )]);
    let (code, out, _) = run(dir.path(), &["--fix"]);
    assert_eq!(code, 1);
    assert!(out.contains("endpoint-deprecated/v1-people"), "{out}");
    assert!(!out.contains("uas-oauth2"), "{out}");
}

#[test]
fn diff_prints_the_change_and_writes_nothing() {
    let (_dir, path) = copy_before("rust", "rs");
    let before = std::fs::read(&path).unwrap();
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    let (code, out, err) = run(&path, &["--diff"]);
    assert_eq!(code, 1, "there is something to fix");
    let name = path.to_string_lossy();
    assert!(
        out.starts_with(&format!("--- {name}\n+++ {name}\n@@ ")),
        "{out}"
    );
    assert!(
        out.contains("+        \"https://www.linkedin.com/oauth/v2/"),
        "{out}"
    );
    assert!(
        !out.contains("/v2/userinfo") && !out.contains("202609"),
        "maybe-incorrect fix in the diff: {out}"
    );
    assert!(
        err.contains("would fix 1 finding in 1 file (9 need --unsafe-fixes)"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    let (_, out, _) = run(&path, &["--diff", "--unsafe-fixes"]);
    assert!(
        out.contains("+    http.get(format!(\"{API_BASE}/v2/userinfo\"))"),
        "{out}"
    );
    assert!(
        out.contains("\n-pub const LINKEDIN_VERSION: &str = \"202304\";\n")
            && out.contains("\n+pub const LINKEDIN_VERSION: &str = \"202609\";\n"),
        "{out}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // The diff is exactly the change --fix makes.
    let (_, diff, _) = run(&path, &["--diff"]);
    run(&path, &["--fix"]);
    let after = std::fs::read_to_string(&path).unwrap();
    let expected = similar::TextDiff::from_lines(std::str::from_utf8(&before).unwrap(), &after)
        .unified_diff()
        .header(&name, &name)
        .to_string();
    assert_eq!(diff, expected);
    // Nothing left to fix: no diff, exit 0.
    let (code, out, _) = run(&path, &["--diff"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn crlf_bom_and_every_other_byte_are_kept() {
    let lines = [
        "# -*- coding: utf-8 -*-  ",
        "API = \"https://api.linkedin.com\"\t",
        "LINKEDIN_VERSION = \"202304\"   # pinned in 2023",
        "SCOPES = [\"r_liteprofile\",\"w_member_social\"]",
        "",
        "URL = API + \"/v2/adAccountsV2\"",
    ];
    let before = format!("\u{feff}{}\r\n", lines.join("\r\n"));
    let want = before
        .replace("202304", "202609")
        .replace("\"r_liteprofile\",", "\"openid\",\"profile\",")
        .replace("/v2/adAccountsV2", "/rest/adAccounts");
    let dir = tree(&[("client.py", &before)]);
    let path = dir.path().join("client.py");
    run(&path, &["--fix", "--unsafe-fixes"]);
    let got = std::fs::read(&path).unwrap();
    assert_same("crlf", &got, want.as_bytes());
    assert!(got.starts_with("\u{feff}".as_bytes()));
}

#[test]
fn a_read_only_file_is_not_written() {
    let (dir, path) = copy_before("python", "py");
    let before = std::fs::read(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let (code, _, err) = run(&path, &["--fix"]);
    assert_eq!(code, 1, "a file that could not be fixed fails the run");
    assert!(err.contains("before.py: read-only; not fixed"), "{err}");
    assert!(err.contains("nothing to fix"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A write that fails for real, even for root (for whom permissions do not stop writes): the
/// file's absolute path fits in PATH_MAX (4096 bytes), but the temporary file next to it has a
/// longer name and does not, so creating it fails with ENAMETOOLONG.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_leaves_the_original_intact() {
    let base = tempfile::tempdir().unwrap();
    let base_path = std::fs::canonicalize(base.path()).unwrap();
    let mut dir = base_path.clone();
    let name = "a.py";
    let target_len = 4090; // < 4096, while the temporary file's path is over it
    while dir.as_os_str().len() + 1 + name.len() < target_len {
        let room = target_len - (dir.as_os_str().len() + 1 + name.len()) - 1;
        dir.push("d".repeat(room.clamp(1, 200)));
    }
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    assert!(path.as_os_str().len() < 4096);
    let text = "API = 'https://api.linkedin.com'\nLINKEDIN_VERSION = '202304'\n";
    std::fs::write(&path, text).unwrap();
    let (code, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("cannot write ("), "{err}");
    assert!(err.contains("the file is unchanged"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );
    // The finding is still reported.
    assert!(out.contains("version-sunset"), "{out}");
}

#[test]
fn a_file_changed_between_scan_and_write_is_left_alone() {
    let dir = tree(&[
        (
            "a.py",
            "API = 'https://api.linkedin.com'\nLINKEDIN_VERSION = '202304'\n",
        ),
        (
            "b.py",
            "API = 'https://api.linkedin.com'\nLINKEDIN_VERSION = '202305'\n",
        ),
    ]);
    let linter = Linter::builder().today(TODAY).build().unwrap();
    let scan = linter.scan(&ScanOptions::paths([dir.path()])).unwrap();
    // Someone edits a.py after the scan read it.
    let edited = "API = 'https://api.linkedin.com'\nLINKEDIN_VERSION = '202304'  # keep\n";
    std::fs::write(dir.path().join("a.py"), edited).unwrap();
    let mut plan = fix::plan(&scan, FixOptions { unsafe_fixes: true });
    plan.write();
    assert_eq!(plan.problems.len(), 1, "{:?}", plan.problems);
    assert_eq!(plan.problems[0].kind, ProblemKind::Changed);
    assert!(plan.problems[0].path.ends_with("a.py"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.py")).unwrap(),
        edited
    );
    // The other file is fixed.
    assert_eq!(plan.files.len(), 1);
    assert!(
        std::fs::read_to_string(dir.path().join("b.py"))
            .unwrap()
            .contains("'202609'")
    );
}

#[test]
fn a_rust_fix_that_would_break_the_file_is_not_written() {
    // A rule file whose replacement would end the string literal early.
    let dir = tree(&[
        (
            "rules.yaml",
            "schema: 1\nendpoints:\n  - id: ad-accounts-v2\n    path: /v2/adAccountsV2\n    replacement: '/rest/\"adAccounts'\n    fix: machine-applicable\n    severity: error\n    since: \"2023\"\n    grade: P\n    message: m\n    help: h\n    source: https://example.com/x\n",
        ),
        (
            "src/lib.rs",
            // The header a `/rest/` call needs is sent, so the move to `/rest/` has a fix.
            "pub const URL: &str = \"https://api.linkedin.com/v2/adAccountsV2\";\npub const VERSION_HEADER: &str = \"LinkedIn-Version\";\n",
        ),
    ]);
    let src = dir.path().join("src/lib.rs");
    let before = std::fs::read(&src).unwrap();
    let out = bin()
        .args([
            "check", "--today", TODAY, "--format", "short", "--fix", "--rules",
        ])
        .arg(dir.path().join("rules.yaml"))
        .arg(&src)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the fixed file would not parse as Rust (2:"),
        "{err}"
    );
    assert!(err.contains("nothing written"), "{err}");
    assert_eq!(std::fs::read(&src).unwrap(), before);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn generated_files_are_regenerated_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("linkedin_version.rs");
    // Generated with 202601; checked 26 days before its sunset, `check` offers to move it.
    bin()
        .args([
            "codegen",
            "--lang",
            "rust",
            "--today",
            TODAY,
            "--target-version",
            "202601",
        ])
        .arg("--out")
        .arg(&path)
        .assert()
        .success();
    let before = std::fs::read(&path).unwrap();
    let out = bin()
        .arg("check")
        .arg(&path)
        .args(["--today", "2026-12-20", "--format", "short", "--fix"])
        .output()
        .unwrap();
    let (stdout, err) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(stdout.contains("version-expiring"), "{stdout}");
    assert!(
        err.contains("generated by `linkedin-lint codegen`; not fixed (regenerate it instead)"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn files_that_are_not_utf8_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.py");
    let bytes = b"# caf\xe9\nAPI = 'https://api.linkedin.com'\nLINKEDIN_VERSION = '202304'\n";
    std::fs::write(&path, bytes).unwrap();
    let (_, out, err) = run(&path, &["--fix"]);
    assert!(
        err.contains("client.py: not valid UTF-8; fixes are only applied to UTF-8 files"),
        "{err}"
    );
    assert!(out.contains("version-sunset"), "{out}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn fix_needs_files_not_stdin() {
    let out = bin()
        .args([
            "check",
            "--stdin-filename",
            "a.py",
            "--fix",
            "--today",
            TODAY,
        ])
        .write_stdin("V = '202304'\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be used with"));
}

#[test]
fn json_output_stays_one_document_after_fixing() {
    let (_dir, path) = copy_before("typescript", "ts");
    let out = bin()
        .arg("check")
        .arg(&path)
        .args(["--today", TODAY, "--format", "json", "--fix"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"v2-me"), "{rules:?}");
    // What remains has only maybe-incorrect fixes (or none).
    for f in doc["findings"].as_array().unwrap() {
        assert_ne!(f["fix"]["applicability"], "machine-applicable", "{f}");
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("fixed 2 findings in 1 file"), "{err}");
}

#[test]
fn diff_never_prints_a_secret() {
    // The secret sits on a line next to a fixed one (context) and on a changed line (a token in
    // the query of a URL the unsafe fix rewrites), as in sign-in helpers that test by hand.
    let token = format!("AQ{}", "Zq4_mN8p".repeat(12));
    let src = format!(
        "// LinkedIn sign-in\nconst CLIENT_SECRET = \"WPL_AP1.g5XfB2vQ9pLr7kTz.Jw3hQ==\";\nconst AUTH = \"https://www.linkedin.com/uas/oauth2/authorization\";\nconst ME = \"https://api.linkedin.com/v2/me?oauth2_access_token={token}\";\n"
    );
    let dir = tree(&[("signin.js", &src)]);
    for extra in [&[][..], &["--unsafe-fixes"][..]] {
        let out = bin()
            .arg("check")
            .arg(dir.path())
            .args(["--diff", "--today", TODAY])
            .args(extra)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("/oauth/v2/"), "no diff printed: {stdout}");
        assert!(
            !stdout.contains("g5XfB2vQ9pLr7kTz"),
            "secret in --diff:\n{stdout}"
        );
        assert!(!stdout.contains(&token[..24]), "token in --diff:\n{stdout}");
    }
}

/// Found by the `fix` fuzz target: a Rest.li version that is a bare URL the lexer read
/// between other tokens, followed by a `.`. Rewriting it to `2.0.0` made `2.0.0.` one token,
/// which the next `--fix` rewrote again. Such a value is reported but not rewritten; a
/// quoted one beside it still is, and a second run changes nothing.
#[test]
fn a_value_with_nothing_to_end_it_is_not_rewritten() {
    let dir = tree(&[(
        "client.ts",
        "const LINKEDIN = {\n  a: { \"X-Restli-Protocol-Version\": https://api.linkedin.com. },\n  b: { \"X-Restli-Protocol-Version\": \"1.0.0\" },\n};\n",
    )]);
    let path = dir.path().join("client.ts");
    let (code, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("fixed 1 finding in 1 file"), "{err}");
    assert!(
        out.contains("client.ts:2:37: warning[restli-protocol/restli-protocol-2]"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "const LINKEDIN = {\n  a: { \"X-Restli-Protocol-Version\": https://api.linkedin.com. },\n  b: { \"X-Restli-Protocol-Version\": \"2.0.0\" },\n};\n"
    );
    let (_, _, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(err.contains("nothing to fix"), "{err}");
}

/// Found by the `fix` fuzz target: items of a nested YAML sequence (`- - r_liteprofile`). No
/// separator written the list's way is known there (`, ` made `- - openid, profile`, one
/// scalar), and the second item's fix was dropped, so a second `--fix` changed the file
/// again. Such items are reported, not rewritten.
#[test]
fn nested_yaml_sequence_items_are_reported_not_rewritten() {
    let text = "linkedin:\n  scopes:\n    - - r_liteprofile\n    - - r_liteprofile\n";
    let dir = tree(&[("config.yaml", text)]);
    let path = dir.path().join("config.yaml");
    let (_, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(err.contains("nothing to fix"), "{err}");
    assert_eq!(
        out.matches("scope-deprecated/r-liteprofile").count(),
        2,
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// A getter's key says where a value is; it is not the value. `get(0)` and `getenv("…")`
/// inside a header setter were judged as `X-Restli-Protocol-Version` values, and
/// `--unsafe-fixes` rewrote the index and the variable's name to `2.0.0`. A getter's default
/// is still a value, and still fixed.
#[test]
fn a_getter_key_in_a_header_setter_is_not_its_value() {
    let text = "class LinkedInClient {\n  void headers(HttpURLConnection con) {\n    con.setRequestProperty(\"X-Restli-Protocol-Version\", RESTLI_VERSIONS.get(0));\n    con.setRequestProperty(\"X-Restli-Protocol-Version\", System.getenv(\"RESTLI_PROTOCOL\"));\n    con.setRequestProperty(\"X-Restli-Protocol-Version\", System.getProperty(\"restli.version\", \"1.0.0\"));\n  }\n}\n";
    let dir = tree(&[("LinkedInClient.java", text)]);
    let path = dir.path().join("LinkedInClient.java");
    let (_, out, _) = run(&path, &[]);
    assert_eq!(out.matches("restli-protocol-2").count(), 1, "{out}");
    assert!(out.contains("LinkedInClient.java:5:95: warning"), "{out}");
    let (code, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("fixed 1 finding in 1 file"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text.replace("\"1.0.0\"", "\"2.0.0\"")
    );
}

/// Found by the `fix` fuzz target: a call left open (a typo in a snippet) made every later
/// literal of the file its argument, so `--unsafe-fixes` rewrote `return "application/json"`
/// (and, in the fuzz input, an API key) to `2.0.0`. A `;` ends the calls opened in its block.
#[test]
fn a_call_left_open_ends_at_the_end_of_its_statement() {
    let text = "# Posting to LinkedIn\n\n```java\ncon.setRequestProperty(\"X-Restli-Protocol-Version\", RESTLI_VERSION;\ncon.setRequestProperty(\"Authorization\", \"Bearer \" + token);\nreturn \"application/json\";\n```\n";
    let dir = tree(&[("README.md", text)]);
    let path = dir.path().join("README.md");
    let (code, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains("restli-protocol"), "{out}");
    assert!(err.contains("nothing to fix"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// Seen in a real README (an iOS SDK's setup, one code block per way to present the login):
/// each block's lists were numbered from 1, so the second block's `permissions` list was
/// taken for the first's, and its `r_emailaddress` fix became a deletion ("already
/// present"). Each block's lists are its own.
#[test]
fn lists_in_two_markdown_code_blocks_are_fixed_apart() {
    let block = "```swift\nlet helper = LinkedinSwiftHelper(configuration:\n    LinkedinSwiftConfiguration(\n        clientId: \"77tn2ar7gq6lgv\",\n        permissions: [\"r_liteprofile\", \"r_emailaddress\"]\n    )\n)\n```\n";
    let text = format!("# LinkedinSwift\n\n{block}\nOr from another view controller:\n\n{block}");
    let dir = tree(&[("README.md", text.as_str())]);
    let path = dir.path().join("README.md");
    let (code, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("fixed 4 findings in 1 file"), "{err}");
    let fixed = block.replace(
        "[\"r_liteprofile\", \"r_emailaddress\"]",
        "[\"openid\", \"profile\", \"email\"]",
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("# LinkedinSwift\n\n{fixed}\nOr from another view controller:\n\n{fixed}")
    );
    let (_, _, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(err.contains("nothing to fix"), "{err}");
}

/// Found by the `fix` fuzz target: after a header setter left open (here a snippet cut off
/// mid-call), an assignment's value was taken for the setter's second argument, and
/// `--unsafe-fixes` rewrote the base URL to `2.0.0`, which made the next run find new
/// endpoints. `NAME = "…"` is an argument only as a keyword argument.
#[test]
fn an_assignment_after_an_open_setter_call_is_not_its_argument() {
    let text = "// LinkedIn client (work in progress)\nconst headers = new Headers();\nheaders.set(\"X-Restli-Protocol-Version\",\nconst API_BASE = \"https://api.linkedin.com/rest\";\n";
    let dir = tree(&[("client.js", text)]);
    let path = dir.path().join("client.js");
    let (_, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(!out.contains("restli-protocol"), "{out}");
    assert!(err.contains("nothing to fix"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // A keyword argument is still the setter's argument.
    let kt = "// LinkedIn client\nrequest.addHeader(name = \"X-Restli-Protocol-Version\", value = \"1.0.0\")\n";
    let dir = tree(&[("Client.kt", kt)]);
    let path = dir.path().join("Client.kt");
    let (_, out, _) = run(&path, &[]);
    assert!(out.contains("Client.kt:2:"), "{out}");
    assert!(out.contains("restli-protocol-2"), "{out}");
}

/// Found by the `fix` fuzz target (minimised): in a shell file the number `2` in `2-` was
/// rewritten to `2.0.0`, which the next run read as the word `2.0.0-` and rewrote again. A
/// bare token is rewritten only when it stands alone, and in code never (a number replaced
/// by `2.0.0` is a syntax error); a shell word is still fixed, once.
#[test]
fn a_bare_restli_value_is_rewritten_only_as_a_whole_word_where_words_are_strings() {
    let sh = "#!/bin/sh\n# LinkedIn post\ninsert(\"X-Restli-Protocol-Version\", 2-\n";
    let py = "import requests\n\n# LinkedIn\nHEADERS = {\"LinkedIn-Version\": \"202609\", \"X-Restli-Protocol-Version\": 1}\n";
    for (name, text) in [("post.sh", sh), ("client.py", py)] {
        let dir = tree(&[(name, text)]);
        let path = dir.path().join(name);
        let (_, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
        assert!(out.contains("restli-protocol-2"), "{name}: {out}");
        assert!(err.contains("nothing to fix"), "{name}: {err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{name}");
    }
    let word = "#!/bin/sh\n# LinkedIn post\ncurl -H \"LinkedIn-Version: 202609\" -H X-Restli-Protocol-Version:1.0 https://api.linkedin.com/rest/posts\n";
    let dir = tree(&[("post.sh", word)]);
    let path = dir.path().join("post.sh");
    let (_, _, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(err.contains("fixed 1 finding in 1 file"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        word.replace("Version:1.0 ", "Version:2.0.0 ")
    );
    let (code, _, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("nothing to fix"), "{err}");
}

/// Found by the `fix` fuzz target (minimised): the value `//` was rewritten to `2.0.0`, and
/// with the `//` gone the rest of the line read differently: a `/v2/me` it had hidden was
/// found, so the next `--fix` changed the file again. Only a version number is rewritten;
/// other text taken for the value is reported and left alone.
#[test]
fn only_a_version_number_in_x_restli_protocol_version_is_rewritten() {
    let sh = "#!/bin/sh\n# LinkedIn\nr=\"$(\"\"\"X-Restli-Protocol-Version://\" #://linkedin.com/v2/me\n";
    let dir = tree(&[("me.sh", sh)]);
    let path = dir.path().join("me.sh");
    let (_, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(out.contains("is `//`"), "{out}");
    assert!(err.contains("nothing to fix"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), sh);
    // `v2` and `1.0` are version numbers, fixed once.
    let py = "import requests\n\n# LinkedIn\nA = {\"LinkedIn-Version\": \"202609\", \"X-Restli-Protocol-Version\": \"v2\"}\nB = {\"LinkedIn-Version\": \"202609\", \"X-Restli-Protocol-Version\": \"1.0\"}\n";
    let dir = tree(&[("client.py", py)]);
    let path = dir.path().join("client.py");
    let (_, _, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(err.contains("fixed 2 findings in 1 file"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        py.replace("\"v2\"", "\"2.0.0\"")
            .replace("\"1.0\"", "\"2.0.0\"")
    );
}

/// Found by the `fix` fuzz target (minimised): the `/v2/me` fix drops `projection=` and keeps
/// the rest of the query, but here "the rest" was a quote, a backtick and a scope the lexer
/// had read into the URL; moved, it was read as a scope list and fixed again. A query with
/// quotes or spaces in it is not a URL's query: no fix. A URL's query still loses only its
/// projection.
#[test]
fn a_projection_is_dropped_only_from_a_query_that_is_a_urls() {
    let sh = "#!/bin/sh\n# LinkedIn\n\"$(\"://linkedin.com/v2/me?projection=\"()&\"e%20r_emailaddress`\n";
    let dir = tree(&[("me.sh", sh)]);
    let path = dir.path().join("me.sh");
    let (_, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(out.contains("me.sh:3:") && out.contains("v2-me"), "{out}");
    assert!(err.contains("nothing to fix"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), sh);
    let py = "# LinkedIn sign-in\nimport requests\nME = \"https://api.linkedin.com/v2/me?projection=(id,localizedFirstName)&locale=en_US\"\n";
    let dir = tree(&[("me.py", py)]);
    let path = dir.path().join("me.py");
    let (_, _, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(err.contains("fixed 1 finding in 1 file"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        py.replace("v2/me?projection=(id,localizedFirstName)&", "v2/userinfo?")
    );
}

/// Seen when reviewing `--unsafe-fixes` on real repositories (ads-reporting scripts): a
/// `/v2/adAnalyticsV2` call moved to `/rest/adAnalytics` in a file that sends no
/// `LinkedIn-Version`, a call LinkedIn answers with 400. There the finding keeps no fix and
/// says why; where the file sends the header, the move is still offered.
#[test]
fn a_move_to_rest_is_offered_only_where_the_version_header_is_sent() {
    let bare = "import requests\n\n# LinkedIn ads reporting\ndef analytics(token, account):\n    url = \"https://api.linkedin.com/v2/adAnalyticsV2?q=analytics&pivot=CAMPAIGN\"\n    return requests.get(url, headers={\"Authorization\": \"Bearer \" + token})\n";
    let dir = tree(&[("report.py", bare)]);
    let path = dir.path().join("report.py");
    let (_, out, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(out.contains("report.py:5:"), "{out}");
    assert!(err.contains("nothing to fix"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bare);
    let o = bin()
        .args(["check", "--today", TODAY, "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&o.stdout);
    assert!(
        json.contains("this file sends no `LinkedIn-Version`"),
        "{json}"
    );

    let versioned = bare.replace(
        "headers={\"Authorization\": \"Bearer \" + token}",
        "headers={\"Authorization\": \"Bearer \" + token, \"LinkedIn-Version\": \"202609\"}",
    );
    let dir = tree(&[("report.py", versioned.as_str())]);
    let path = dir.path().join("report.py");
    let (_, _, err) = run(&path, &["--fix", "--unsafe-fixes"]);
    assert!(err.contains("fixed 1 finding in 1 file"), "{err}");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("\"https://api.linkedin.com/rest/adAnalytics?q=analytics&pivot=CAMPAIGN\""),
    );
}

#[test]
fn a_notebook_is_reported_but_never_fixed() {
    // Its code is JSON strings, a line each: an edit could cut through the JSON between them.
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("report.ipynb");
    let before = std::fs::read("tests/fixtures/polyglot/report.ipynb").unwrap();
    std::fs::write(&nb, &before).unwrap();
    let (code, out, _) = run(&nb, &["--fix", "--unsafe-fixes"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("report.ipynb:29:34"), "{out}");
    assert_eq!(std::fs::read(&nb).unwrap(), before);
}

/// A Supabase app in round 48's shape (social-scribe): a shared header helper pins 202401
/// (past its sunset) three times, two newer functions pin 202601. The project keeps 202601,
/// so the sunset pins' fixes pin 202601 too, not `--target-version`: the fixed tree pins one
/// version and a second run finds nothing of versions.
#[test]
fn sunset_pins_are_fixed_to_the_version_the_project_keeps() {
    let shared = "export const LI_HEADERS = (token: string) => ({\n  Authorization: `Bearer ${token}`,\n  'LinkedIn-Version': '202401',\n});\nexport const POSTS = { 'LinkedIn-Version': '202401' };\nexport const LIKES = { 'LinkedIn-Version': '202401' };\n";
    let auth = "const LINKEDIN_VERSION = '202601';\nawait fetch('https://api.linkedin.com/rest/posts', { headers: { 'LinkedIn-Version': LINKEDIN_VERSION } });\n";
    let dir = tree(&[("_shared/linkedin.ts", shared), ("auth/index.ts", auth)]);
    let (code, out, _) = run(dir.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("version-inconsistent").count(), 3, "{out}");
    let json = bin()
        .arg("check")
        .arg(dir.path())
        .args(["--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&json.stdout);
    assert_eq!(
        json.matches("(fix: pin 202601, the version the project keeps)")
            .count(),
        3,
        "{json}"
    );
    let (_, _, err) = run(dir.path(), &["--fix", "--unsafe-fixes"]);
    assert!(err.contains("fixed 3 findings in 1 file"), "{err}");
    let path = dir.path().join("_shared/linkedin.ts");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        shared.replace("202401", "202601")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("auth/index.ts")).unwrap(),
        auth
    );
    let (code, out, err) = run(dir.path(), &[]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    // Asked for another version, the tool still pins the kept one: the tree stays consistent.
    let dir = tree(&[("_shared/linkedin.ts", shared), ("auth/index.ts", auth)]);
    run(
        dir.path(),
        &["--fix", "--unsafe-fixes", "--target-version", "202609"],
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("_shared/linkedin.ts")).unwrap(),
        shared.replace("202401", "202601")
    );
}
