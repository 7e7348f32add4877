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
