//! Helpers shared by the CLI tests.
#![allow(dead_code)]

use assert_cmd::Command;

/// The date every test judges versions on, so results never drift with the calendar.
pub const TODAY: &str = "2026-11-23";

/// The binary, with a fixed date and no colour.
pub fn bin() -> Command {
    let mut c = Command::cargo_bin("linkedin-lint").expect("binary builds");
    c.env_remove("SOURCE_DATE_EPOCH")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// Run `check --format json` on `args` and return the parsed document and the exit code.
pub fn json(args: &[&str]) -> (serde_json::Value, i32) {
    json_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// [`json`], run in `dir`.
pub fn json_in(dir: &std::path::Path, args: &[&str]) -> (serde_json::Value, i32) {
    let out = bin()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (doc, out.status.code().unwrap())
}

/// `path:line:col rule/id` for each finding: compact, exact, easy to read in assertions.
pub fn brief(doc: &serde_json::Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{} {}/{}",
                f["path"].as_str().unwrap(),
                f["span"]["start"]["line"],
                f["span"]["start"]["column"],
                f["rule"].as_str().unwrap(),
                f["id"].as_str().unwrap()
            )
        })
        .collect()
}

/// A temporary directory with the given files.
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// Run `check` in `dir` with `--format short`; (stdout, stderr, exit code).
pub fn short_raw(dir: &std::path::Path, args: &[&str]) -> (String, String, i32) {
    let out = bin()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--today", TODAY, "--format", "short"])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

/// Run `check` in `dir` with `--format short`; (stdout lines cut after `[rule/id]`, exit code).
pub fn short(dir: &std::path::Path, args: &[&str]) -> (Vec<String>, i32) {
    let (s, _, code) = short_raw(dir, args);
    let lines = s
        .lines()
        .map(|l| l[..l.find("] ").map_or(l.len(), |i| i + 1)].to_string())
        .collect();
    (lines, code)
}
