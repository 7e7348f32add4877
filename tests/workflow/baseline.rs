//! Baselines: written once, then only new findings are reported and stale entries listed.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

use std::path::Path;

use crate::common::tree;

const CLIENT: &str = "\
pub const LINKEDIN_CLIENT_SECRET: &str = \"WPL_AP1.g5XfB2vQ9pLr7kTz.Jw3hQ==\";
pub const ME:   &str =   \"https://api.linkedin.com/v2/me\";
";

/// Run `check` in `dir`; (stdout, stderr, exit code).
fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    crate::common::short_raw(dir, args)
}

#[test]
fn baseline_file_is_deterministic_relative_and_free_of_secrets() {
    let dir = tree(&[
        ("src/client.rs", CLIENT),
        ("src/other.py", "U = 'https://api.linkedin.com/v2/me'\n"),
    ]);
    let (out, err, code) = run(
        dir.path(),
        &["src", "--write-baseline", "lint/baseline.json"],
    );
    // The directory must exist; the error names the file.
    assert_eq!((out.as_str(), code), ("", 2), "{err}");
    std::fs::create_dir(dir.path().join("lint")).unwrap();
    let (out, err, code) = run(
        dir.path(),
        &["src", "--write-baseline", "lint/baseline.json"],
    );
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        (
            "",
            "linkedin-lint: wrote 3 findings to the baseline lint/baseline.json\n",
            0
        )
    );
    let written = std::fs::read_to_string(dir.path().join("lint/baseline.json")).unwrap();
    assert_eq!(
        written,
        r#"{
  "schema_version": 1,
  "entries": [
    {
      "path": "../src/client.rs",
      "rule": "endpoint-deprecated",
      "id": "v2-me",
      "text": "pub const ME: &str = \"https://api.linkedin.com/v2/me\";"
    },
    {
      "path": "../src/client.rs",
      "rule": "hardcoded-token",
      "id": "client-secret-literal",
      "text": "pub const LINKEDIN_CLIENT_SECRET: &str = \"********************************\";"
    },
    {
      "path": "../src/other.py",
      "rule": "endpoint-deprecated",
      "id": "v2-me",
      "text": "U = 'https://api.linkedin.com/v2/me'"
    }
  ]
}
"#
    );
    // Written again: byte for byte the same.
    run(
        dir.path(),
        &["src", "--write-baseline", "lint/baseline.json"],
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("lint/baseline.json")).unwrap(),
        written
    );
}

#[test]
fn edits_above_keep_findings_baselined_new_ones_are_reported_fixed_ones_are_stale() {
    let dir = tree(&[
        ("client.rs", CLIENT),
        ("other.py", "U = 'https://api.linkedin.com/v2/me'\n"),
    ]);
    run(dir.path(), &[".", "--write-baseline", "baseline.json"]);
    assert_eq!(
        run(dir.path(), &[".", "--baseline", "baseline.json"]),
        (
            String::new(),
            "linkedin-lint: 3 findings in the baseline baseline.json not shown\n".into(),
            0
        )
    );
    // Lines inserted above and whitespace changed: still the same findings.
    let edited = format!(
        "//! Client.\n\nuse std::fmt;\n\n{}",
        CLIENT.replace("ME:   &str =   ", "ME: &str = ")
    );
    std::fs::write(dir.path().join("client.rs"), &edited).unwrap();
    let (out, _, code) = run(dir.path(), &[".", "--baseline", "baseline.json"]);
    assert_eq!((out.as_str(), code), ("", 0));
    // A new finding is reported; fixing one makes its entry stale.
    std::fs::write(
        dir.path().join("client.rs"),
        format!("{edited}pub const SHARES: &str = \"https://api.linkedin.com/v2/shares\";\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("other.py"),
        "U = 'https://api.linkedin.com/v2/userinfo'\n",
    )
    .unwrap();
    let (out, err, code) = run(dir.path(), &[".", "--baseline", "baseline.json"]);
    assert_eq!(
        out,
        "client.rs:7:51: warning[endpoint-deprecated/v2-shares] the legacy Share API `/v2/shares` is replaced by the versioned Posts API `/rest/posts`\n"
    );
    assert_eq!(
        err,
        "linkedin-lint: 2 findings in the baseline baseline.json not shown\n\
         linkedin-lint: 1 baseline entry in baseline.json no longer matches (fixed or changed); drop it with --write-baseline baseline.json:\n  \
         other.py endpoint-deprecated/v2-me: U = 'https://api.linkedin.com/v2/me'\n"
    );
    assert_eq!(code, 0);
    // A pre-commit run over one file says nothing about the other file's entries.
    let (_, err, _) = run(dir.path(), &["client.rs", "--baseline", "baseline.json"]);
    assert_eq!(
        err,
        "linkedin-lint: 2 findings in the baseline baseline.json not shown\n"
    );
    // From a subdirectory, the same baseline matches (paths are relative to the baseline).
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let (out, err, _) = run(
        &dir.path().join("sub"),
        &["../client.rs", "--baseline", "../baseline.json"],
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert_eq!(
        err,
        "linkedin-lint: 2 findings in the baseline ../baseline.json not shown\n"
    );
}

#[test]
fn a_broken_baseline_is_a_usage_error() {
    let dir = tree(&[
        ("a.py", "U = 1\n"),
        (
            "b.json",
            "{\"schema_version\": 1, \"entries\": [{\"path\": 1}]}",
        ),
    ]);
    let (out, err, code) = run(dir.path(), &[".", "--baseline", "b.json"]);
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(
        err.contains("b.json: not a baseline file: invalid type"),
        "{err}"
    );
    let (_, _, code) = run(dir.path(), &[".", "--baseline", "missing.json"]);
    assert_eq!(code, 2);
}
