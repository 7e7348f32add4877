//! Editors: unsaved buffers through --stdin-filename, and the README's editor set-ups checked
//! against the real output.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

use std::io::Write as _;
use std::process::Stdio;

use crate::common::{TODAY, bin, tree};

/// Lint `text` as `name` (run in `dir`); (JSON document, exit code).
fn stdin(
    dir: &std::path::Path,
    name: &str,
    text: &str,
    extra: &[&str],
) -> (serde_json::Value, i32) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_linkedin-lint"))
        .current_dir(dir)
        .args([
            "check",
            "--stdin-filename",
            name,
            "--today",
            TODAY,
            "--format",
            "json",
        ])
        .args(extra)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

fn brief(doc: &serde_json::Value) -> Vec<String> {
    crate::common::brief(doc)
}

#[test]
fn stdin_is_linted_as_the_named_file() {
    let dir = tree(&[("src/client.py", "# saved version: nothing here\n")]);
    // The unsaved buffer differs from the file on disk; the name picks the language (Python:
    // `#` starts a comment, so the commented URL is not a finding) and is the reported path.
    let buffer = "# old: https://api.linkedin.com/v2/me\nME = f\"{BASE}/v2/userinfo\"\nH = {'LinkedIn-Version': '202304'}\n";
    let (doc, code) = stdin(dir.path(), "src/client.py", buffer, &[]);
    assert_eq!(
        brief(&doc),
        ["src/client.py:3:27 version-sunset/version-sunset-dated"]
    );
    assert_eq!(doc["summary"]["files_scanned"], 1);
    assert_eq!(code, 1);
    // The name picks the reader: `#` starts a comment in Python, not in JavaScript.
    let text = "# \"https://api.linkedin.com/v2/me\"\n";
    assert_eq!(
        brief(&stdin(dir.path(), "web/me.py", text, &[]).0),
        Vec::<String>::new()
    );
    assert_eq!(
        brief(&stdin(dir.path(), "web/me.js", text, &[]).0),
        ["web/me.js:1:28 endpoint-deprecated/v2-me"]
    );
}

#[test]
fn stdin_follows_the_config_of_the_named_file() {
    let dir = tree(&[
        (
            "linkedin-lint.toml",
            "exclude = [\"gen/\"]\n[severity]\nv2-me = \"error\"\n",
        ),
        ("app/placeholder.txt", ""),
    ]);
    let me = "ME = 'https://api.linkedin.com/v2/me'\n";
    // Found from the named file's directory, even when the editor runs elsewhere.
    let (doc, code) = stdin(&dir.path().join("app"), "api.py", me, &[]);
    assert_eq!(brief(&doc), ["api.py:1:31 endpoint-deprecated/v2-me"]);
    assert_eq!(doc["findings"][0]["severity"], "error");
    assert_eq!(code, 1);
    // An excluded file stays excluded in the editor.
    let (doc, code) = stdin(dir.path(), "gen/api.py", me, &[]);
    assert_eq!(
        (
            doc["summary"]["files_scanned"].clone(),
            brief(&doc).len(),
            code
        ),
        (0.into(), 0, 0)
    );
    // So does a file outside the config's include globs.
    std::fs::write(
        dir.path().join("linkedin-lint.toml"),
        "include = [\"src/\"]\n",
    )
    .unwrap();
    let (doc, _) = stdin(dir.path(), "docs/api.py", me, &[]);
    assert_eq!(doc["summary"]["files_scanned"], 0);
    let (doc, _) = stdin(dir.path(), "src/api.py", me, &[]);
    assert_eq!(brief(&doc), ["src/api.py:1:31 endpoint-deprecated/v2-me"]);
    // Allow comments work on the buffer too.
    let (doc, _) = stdin(
        dir.path(),
        "api.py",
        "ME = 'https://api.linkedin.com/v2/me'  # linkedin-lint: allow(v2-me)\n",
        &[],
    );
    assert_eq!(brief(&doc), Vec::<String>::new());
}

/// The README's VS Code task: its problem matcher's pattern, taken from the README itself,
/// matches every line that `--format short` prints, with the right groups.
#[test]
fn readme_vscode_problem_matcher_reads_the_short_format() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```json\n{\n  \"version\": \"2.0.0\"")
        .expect("VS Code tasks.json in README")
        + 8;
    let end = start + readme[start..].find("```").unwrap();
    let tasks: serde_json::Value = serde_json::from_str(&readme[start..end]).unwrap();
    let task = &tasks["tasks"][0];
    let args: Vec<&str> = task["args"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(
        args.windows(2).any(|w| w == ["--format", "short"]),
        "{args:?}"
    );
    let pattern = &task["problemMatcher"]["pattern"];
    let re = regex::Regex::new(pattern["regexp"].as_str().unwrap()).unwrap();
    let group = |k: &str| pattern[k].as_u64().unwrap() as usize;

    let out = bin()
        .args([
            "check",
            "tests/fixtures/legacy-client",
            "--today",
            TODAY,
            "--format",
            "short",
        ])
        .output()
        .unwrap();
    let short = String::from_utf8(out.stdout).unwrap();
    let (doc, _) = crate::common::json(&["tests/fixtures/legacy-client"]);
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(short.lines().count(), findings.len());
    for (line, f) in short.lines().zip(findings) {
        let c = re
            .captures(line)
            .unwrap_or_else(|| panic!("no match: {line}"));
        assert_eq!(&c[group("file")], f["path"].as_str().unwrap());
        assert_eq!(
            c[group("line")].parse::<u64>().unwrap(),
            f["span"]["start"]["line"].as_u64().unwrap()
        );
        assert_eq!(
            c[group("column")].parse::<u64>().unwrap(),
            f["span"]["start"]["column"].as_u64().unwrap()
        );
        assert_eq!(&c[group("severity")], f["severity"].as_str().unwrap());
        assert_eq!(
            &c[group("code")],
            format!(
                "{}/{}",
                f["rule"].as_str().unwrap(),
                f["id"].as_str().unwrap()
            )
        );
        assert_eq!(&c[group("message")], f["message"].as_str().unwrap());
    }
}
