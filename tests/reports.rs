//! Every report format on the legacy-client fixture: shape, machine-readability, redaction.

mod common;

use common::{TODAY, bin};

const FIXTURE: &str = "tests/fixtures/legacy-client";
/// The client secret in `src/oauth.rs`; no output may ever contain it.
const SECRET: &str = "WPL_AP1.g5XfB2vQ9pLr7kTz.Jw3hQ==";

/// Run `check FIXTURE --format FORMAT` and return stdout, stderr and the exit code.
fn run(format: &str, extra: &[&str]) -> (String, String, i32) {
    let out = bin()
        .args(["check", FIXTURE, "--today", TODAY, "--format", format])
        .args(extra)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 output"),
        out.status.code().unwrap(),
    )
}

/// The secret, and the middle of it (in case an output escapes or truncates), are absent.
fn assert_redacted(format: &str, text: &str) {
    assert!(
        !text.contains(SECRET) && !text.contains("g5XfB2vQ9pLr7kTz"),
        "--format {format} leaks the client secret:\n{text}"
    );
}

#[test]
fn rustc_format_reads_like_cargo_output() {
    let (out, _, code) = run("rustc", &[]);
    assert_eq!(code, 1);
    assert_redacted("rustc", &out);
    let lines: Vec<&str> = out.lines().collect();
    // What cargo problem matchers do: a header, and on the very next line the location.
    let mut headers = 0;
    for (i, l) in lines.iter().enumerate() {
        let Some(rest) = ["error[", "warning[", "note["]
            .iter()
            .find_map(|p| l.strip_prefix(p))
        else {
            continue;
        };
        headers += 1;
        let (code, msg) = rest.split_once("]: ").expect("`level[code]: message`");
        assert!(!code.contains(' ') && !msg.is_empty(), "{l}");
        let loc = lines[i + 1]
            .trim_start()
            .strip_prefix("--> ")
            .unwrap_or_else(|| panic!("no `  --> path:line:col` after {l:?}: {:?}", lines[i + 1]));
        let mut parts = loc.rsplitn(3, ':');
        let (col, line) = (parts.next().unwrap(), parts.next().unwrap());
        assert!(
            col.parse::<u32>().is_ok() && line.parse::<u32>().is_ok(),
            "{loc}"
        );
    }
    assert_eq!(headers, 24, "one diagnostic per finding");
    assert!(out.contains(
        "error[endpoint-deprecated]: `/uas/oauth2/` is the retired OAuth 2.0 path\n   --> tests/fixtures/legacy-client/src/oauth.rs:10:34\n"
    ));
    assert!(out.contains("   = help: Use `https://www.linkedin.com/oauth/v2/authorization`"));
    assert!(
        out.contains(
            "   = note: rule-table entry `uas-oauth2` (`linkedin-lint explain uas-oauth2`)"
        )
    );
    assert!(out.contains("exit 1: 7 findings at or above error"));
}

#[test]
fn short_format_is_one_line_per_finding() {
    let (out, _, code) = run("short", &[]);
    assert_eq!(code, 1);
    assert_redacted("short", &out);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 24, "{out}");
    assert_eq!(
        lines[0],
        "tests/fixtures/legacy-client/.env.example:3:18: error[version-sunset/version-sunset-dated] LinkedIn-Version 202501 was sunset on 2026-01-15"
    );
    assert!(
        lines.iter().all(|l| l.starts_with(FIXTURE)),
        "no summary lines: {out}"
    );
}
