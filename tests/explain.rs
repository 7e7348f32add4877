//! The reference commands through the binary: explain-error, explain, rules, versions.

mod common;

use common::{TODAY, bin, tree};
use predicates::prelude::*;

const E426: &str = "HTTP/2 426\r\ncontent-type: application/json\r\n\r\n{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version 20250401 is not active\"}\r\n";

#[test]
fn explain_error_reads_a_file_or_stdin() {
    let dir = tree(&[("426.txt", E426)]);
    let from_file = bin()
        .args(["explain-error", "--today", TODAY])
        .arg(dir.path().join("426.txt"))
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "HTTP 426 NONEXISTENT_VERSION\n  \"Requested version 20250401 is not active\"\n",
        ))
        .stdout(predicate::str::contains("sunset on 2026-04-15"))
        .stdout(predicate::str::contains(
            "version-sunset (version-sunset-dated)",
        ))
        .get_output()
        .stdout
        .clone();
    for args in [&["explain-error", "-"][..], &["explain-error"][..]] {
        let from_stdin = bin()
            .args(args)
            .args(["--today", TODAY])
            .write_stdin(E426)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        assert_eq!(from_stdin, from_file);
    }
}

#[test]
fn explain_error_rejects_what_is_not_an_error_response() {
    for input in ["hello\n", "{\"id\": 1}", "HTTP/1.1 200 OK\n\n{}"] {
        bin()
            .args(["explain-error", "-"])
            .write_stdin(input)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(
                "<stdin> is not a LinkedIn error response",
            ));
    }
    bin()
        .args(["explain-error", "does/not/exist.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does/not/exist.json"));
}

#[test]
fn explain_rules_and_versions_commands() {
    bin()
        .args(["explain", "rest-me-basicprofile"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "Why it breaks: HTTP 403 ACCESS_DENIED",
        ))
        .stdout(predicate::str::contains("Caveat:        Permission cache"));
    bin()
        .args(["explain", "no-such-thing"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "`no-such-thing` is neither a rule nor a rule-table id",
        ));
    let rules = bin().args(["rules", "--format", "json"]).output().unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&rules.stdout).unwrap();
    let table = linkedin_lint::rules::load(&[]).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), table.entries().count());
    bin()
        .args(["versions", "--today", TODAY])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "202601    active          2027-01-15  published",
        ))
        .stdout(predicate::str::contains("\nRecommended pin: 202609 "));
}

#[test]
fn readme_explain_error_example_is_real_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let out = bin()
        .args(["explain-error", "--today", TODAY])
        .write_stdin("HTTP/2 403\r\n\r\n{\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\",\"message\":\"Not enough permissions to access: partnerApiMe.GET.20230601\"}")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    // Everything up to the note, which the README shortens.
    let shown = &out[..out.find("\nNote:").unwrap() + 1];
    assert!(
        readme.contains(shown),
        "README example is stale; the output is:\n{out}"
    );
}

#[test]
fn explain_error_never_echoes_a_token_from_the_response() {
    // A 401 body whose message quotes the token, and a request line with it in the query.
    let tok = format!("AQ{}", "Vb7_kQ2x".repeat(20));
    let input = format!(
        "GET /v2/me?oauth2_access_token={tok} HTTP/1.1\r\n\r\n{{\"status\":401,\"serviceErrorCode\":65600,\"code\":\"INVALID_ACCESS_TOKEN\",\"message\":\"Invalid access token {tok}\"}}"
    );
    let out = bin()
        .args(["explain-error", "-", "--today", TODAY])
        .write_stdin(input)
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains("65600") || all.contains("INVALID_ACCESS_TOKEN"),
        "{all}"
    );
    assert!(!all.contains(&tok[..20]), "token echoed:\n{all}");
}

#[test]
fn explain_error_input_is_bounded() {
    let out = bin()
        .args(["explain-error", "-", "--today", TODAY])
        .write_stdin(vec![b'{'; 2 * 1024 * 1024])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("larger than the 1048576-byte limit"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
