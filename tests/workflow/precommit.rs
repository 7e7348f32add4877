//! pre-commit passes file names: explicit files, force-exclude semantics, quiet skips.

use crate::common::{TODAY, bin, tree};

#[test]
fn explicit_binary_and_unknown_files_are_skipped_quietly() {
    let dir = tree(&[
        ("logo.svg", "<svg>https://api.linkedin.com/v2/me</svg>"),
        ("src/a.py", "ME = 'https://api.linkedin.com/v2/me'\n"),
    ]);
    std::fs::write(
        dir.path().join("logo.png"),
        b"\x89PNG\0\0https://api.linkedin.com/v2/me",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("src/blob.py"),
        b"\0\0https://api.linkedin.com/v2/me",
    )
    .unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args([
            "check",
            "logo.png",
            "logo.svg",
            "src/blob.py",
            "src/a.py",
            "--today",
            TODAY,
        ])
        .args(["--format", "short"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "src/a.py:1:31: warning[endpoint-deprecated/v2-me] `/v2/me` belongs to the deprecated Sign In with LinkedIn product and is restricted to approved developers\n"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // The human report has no note for them either.
    let out = bin()
        .current_dir(dir.path())
        .args([
            "check",
            "logo.png",
            "logo.svg",
            "src/blob.py",
            "--today",
            TODAY,
        ])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(!s.contains("note:"), "{s}");
    assert!(s.starts_with("linkedin-lint: 0 files scanned"), "{s}");
}

#[test]
fn excludes_apply_to_explicit_files() {
    let dir = tree(&[
        ("gen/api.py", "ME = 'https://api.linkedin.com/v2/me'\n"),
        ("src/api.py", "ME = 'https://api.linkedin.com/v2/me'\n"),
    ]);
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "gen/api.py", "src/api.py", "--exclude", "/gen/"])
        .args(["--today", TODAY, "--format", "short"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        s.lines()
            .map(|l| &l[..l.find(": ").unwrap()])
            .collect::<Vec<_>>(),
        ["src/api.py:1:31"]
    );
}

/// Thousands of names on one command line (what pre-commit does) are read in parallel and
/// give the same findings as the directory walk.
#[test]
fn thousands_of_explicit_files_match_the_directory_walk() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for i in 0..2000 {
        let name = format!("pkg{}/m{i}.py", i % 20);
        let text = if i % 100 == 0 {
            "ME = 'https://api.linkedin.com/v2/me'\n".to_string()
        } else {
            format!("def f{i}(x):\n    return x + {i}\n")
        };
        let p = dir.path().join(&name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        names.push(name);
    }
    let by_name = bin()
        .current_dir(dir.path())
        .args(["check", "--today", TODAY, "--format", "json"])
        .args(&names)
        .output()
        .unwrap();
    let walked = bin()
        .current_dir(dir.path())
        .args(["check", ".", "--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    let a: serde_json::Value = serde_json::from_slice(&by_name.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&walked.stdout).unwrap();
    assert_eq!(a["summary"]["files_scanned"], 2000);
    assert_eq!(a["findings"].as_array().unwrap().len(), 20);
    assert_eq!(a["findings"], b["findings"]);
}
