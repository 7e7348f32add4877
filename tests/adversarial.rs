//! Bad input never panics, hangs or silences a file: each case has a test.
// linkedin-lint: allow-file(endpoint-deprecated, hardcoded-token, scope-deprecated) -- test inputs

mod common;

use common::{TODAY, bin, brief, json, tree};

#[test]
fn nul_bytes_and_invalid_utf8() {
    let dir = tree(&[]);
    std::fs::write(
        dir.path().join("a.js"),
        b"const u = 'https://api.linkedin.com/v2/me';\0\0\0",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.py"),
        b"X = '\xff\xfe\xfd'\nU = 'https://api.linkedin.com/v2/me'\n",
    )
    .unwrap();
    let (doc, code) = json(&[dir.path().to_str().unwrap()]);
    let found = brief(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with("b.py:2:30 endpoint-deprecated/v2-me"),
        "{found:?}"
    );
    assert_eq!(code, 0);
}

#[test]
fn huge_single_line_minified_file() {
    // 9 MB on one line (just over the default limit), with a LinkedIn call every ~100 KB. Speed
    // on such files is measured by the benchmark, not asserted here (a timed test is only noise).
    let chunk = format!(
        "{}fetch('https://api.linkedin.com/v2/me');",
        "var a=1,b=[2,3],c={d:'x'};".repeat(4000)
    );
    let text = chunk.repeat(9 * 1024 * 1024 / chunk.len() + 1);
    let dir = tree(&[("bundle.min.js", &text)]);
    let path = dir.path().join("bundle.min.js");
    // Over the default size limit: skipped with a note, quickly.
    let out = bin()
        .arg("check")
        .arg(&path)
        .args(["--today", TODAY])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("over the 8388608-byte limit"));
    // Raised limit: every call is found, spans exact.
    let (doc, _) = json(&[path.to_str().unwrap(), "--max-filesize", "100000000"]);
    let n = doc["findings"].as_array().unwrap().len();
    assert_eq!(n, text.matches("/v2/me").count());
    let f = &doc["findings"][n - 1];
    let (s, e) = (
        f["span"]["byte_start"].as_u64().unwrap() as usize,
        f["span"]["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "/v2/me");
    assert_eq!(
        f["span"]["start"]["column"].as_u64().unwrap() as usize,
        s + 1
    );
}

#[test]
fn deep_nesting_does_not_overflow() {
    let deep =
        |open: &str, close: &str| format!("{}{}", open.repeat(100_000), close.repeat(100_000));
    let dir = tree(&[
        (
            "deep.rs",
            &format!(
                "const U: &str = \"https://api.linkedin.com/v2/me\";\nfn f() {{ let x = {}; }}\n",
                deep("(", ")")
            ),
        ),
        (
            "deep.js",
            &format!(
                "const u = 'https://api.linkedin.com/v2/me';\nconst x = {};\n",
                deep("[", "]")
            ),
        ),
        (
            "deep.json",
            &format!(
                "{{\"url\": \"https://api.linkedin.com/v2/me\", \"x\": {}}}\n",
                deep("[", "]")
            ),
        ),
    ]);
    let (doc, _) = json(&[dir.path().to_str().unwrap()]);
    let found = brief(&doc);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found
            .iter()
            .all(|f| f.ends_with("endpoint-deprecated/v2-me"))
    );
    // The Rust file says how it was read.
    let out = bin()
        .arg("check")
        .arg(dir.path())
        .args(["--today", TODAY])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("deep.rs: nesting depth 100001 exceeds 256; read lexically")
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links() {
    let dir = tree(&[("src/a.py", "U = 'https://api.linkedin.com/v2/me'\n")]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("src/loop")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("nowhere.py"),
        dir.path().join("src/dangling.py"),
    )
    .unwrap();
    // Not following links (default): the loop and the dangling link are not entered.
    let (doc, code) = json(&[dir.path().to_str().unwrap()]);
    assert_eq!(brief(&doc).len(), 1);
    assert_eq!(code, 0);
    // Following links: the loop is detected and reported; the scan still finishes.
    let out = bin()
        .arg("check")
        .arg(dir.path())
        .args(["--today", TODAY, "--follow-links"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("symbolic link loop"), "{s}");
    assert!(s.contains("endpoint-deprecated/v2-me"), "{s}");
    assert_eq!(
        out.status.code(),
        Some(1),
        "unreadable paths make the exit code say so"
    );
}

#[cfg(unix)]
#[test]
fn fifo_named_explicitly_does_not_block() {
    let dir = tree(&[]);
    let fifo = dir.path().join("pipe.py");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(ok, "mkfifo is needed for this test");
    let out = bin()
        .arg("check")
        .arg(&fifo)
        .args(["--today", TODAY])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("pipe.py: not a regular file; skipped"));
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_and_the_scan_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tree(&[
        ("a.py", "U = 'https://api.linkedin.com/v2/me'\n"),
        ("b.py", "U = 'https://api.linkedin.com/v2/me'\n"),
    ]);
    let b = dir.path().join("b.py");
    std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&b).is_ok() {
        // Running as root: permissions do not stop reads. A directory named like a file
        // inside a directory we cannot list is not possible either, so use a path whose
        // read fails for another reason: a dangling link followed explicitly.
        std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::remove_file(&b).unwrap();
        std::os::unix::fs::symlink(dir.path().join("gone.py"), &b).unwrap();
    }
    let out = bin()
        .arg("check")
        .arg(dir.path())
        .args(["--today", TODAY, "--follow-links"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("a.py") && s.contains("endpoint-deprecated/v2-me"),
        "{s}"
    );
    assert!(s.contains("note: ") && s.contains("b.py"), "{s}");
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_root_are_not_followed_unless_asked() {
    let outside = tree(&[(
        "secret_project/client.py",
        "U = 'https://api.linkedin.com/v2/me'\n",
    )]);
    let root = tree(&[("src/ok.py", "print('hello')\n")]);
    std::os::unix::fs::symlink(
        outside.path().join("secret_project"),
        root.path().join("src/linked"),
    )
    .unwrap();
    let (doc, _) = json(&[root.path().to_str().unwrap()]);
    assert_eq!(brief(&doc), Vec::<String>::new());
    let (doc, _) = json(&[root.path().to_str().unwrap(), "--follow-links"]);
    assert_eq!(brief(&doc).len(), 1);
}

#[test]
fn baseline_file_never_holds_a_secret() {
    let secret = "WPL_AP1.g5XfB2vQ9pLr7kTz.Jw3hQ==";
    let dir = tree(&[(
        "oauth.rs",
        &format!("pub const LINKEDIN_CLIENT_SECRET: &str = \"{secret}\";\n"),
    )]);
    let baseline = dir.path().join("baseline.json");
    bin()
        .arg("check")
        .arg(dir.path().join("oauth.rs"))
        .args(["--today", TODAY, "--write-baseline"])
        .arg(&baseline)
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&baseline).unwrap();
    assert!(text.contains("client-secret-literal"), "{text}");
    assert!(
        !text.contains(secret) && !text.contains("g5XfB2vQ9pLr7kTz"),
        "{text}"
    );
}

/// The tool works offline: in a network namespace with no interfaces up, the results are the
/// same. Runs where `unshare -n` is available (root or user namespaces); says so otherwise.
#[cfg(target_os = "linux")]
#[test]
fn works_without_network() {
    let ok = std::process::Command::new("unshare")
        .args(["-n", "true"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("works_without_network: `unshare -n` is not available here; not checked");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("linkedin-lint");
    let args = [
        "check",
        "tests/fixtures/legacy-client",
        "--today",
        TODAY,
        "--format",
        "json",
    ];
    let offline = std::process::Command::new("unshare")
        .arg("-n")
        .arg(&bin)
        .args(args)
        .output()
        .unwrap();
    let online = std::process::Command::new(&bin)
        .args(args)
        .output()
        .unwrap();
    assert_eq!(offline.status.code(), Some(1));
    assert_eq!(offline.stdout, online.stdout);
}

#[test]
fn endless_inputs_are_refused_with_their_name_and_limit() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let dir = tree(&[("a.py", "x = 1\n")]);
    let rules = bin()
        .arg("check")
        .arg(dir.path())
        .args(["--rules", "/dev/zero", "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(rules.status.code(), Some(2));
    let err = String::from_utf8_lossy(&rules.stderr).replace(['\n', '│', ' '], "");
    assert!(
        err.contains("/dev/zero") && err.contains("16777216-bytelimit"),
        "{err}"
    );
    let codegen = bin()
        .args(["codegen", "--lang", "rust", "--check", "--out", "/dev/zero"])
        .args(["--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(codegen.status.code(), Some(2), "{codegen:?}");
    assert!(String::from_utf8_lossy(&codegen.stderr).contains("limit"));
    let stdin = bin()
        .args(["check", "--stdin-filename", "x.py", "--today", TODAY])
        .args(["--max-filesize", "1000"])
        .write_stdin(vec![b' '; 5000])
        .output()
        .unwrap();
    assert_eq!(stdin.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&stdin.stderr).contains("1000-byte limit"));
}

#[test]
fn memory_is_linear_in_the_scopes_of_one_string() {
    // 40,000 scopes in one string (1.1 MB). Each scope used to hold its own copy of the whole
    // string: ~45 GB here. Under a 2 GB address-space limit the run must still finish.
    if !std::path::Path::new("/bin/sh").exists() {
        return;
    }
    let scopes = vec!["r_liteprofile r_emailaddress"; 20_000].join(" ");
    let src = format!(
        "# LinkedIn sign-in\nAUTH = \"https://www.linkedin.com/oauth/v2/authorization\"\nSCOPES = \"{scopes}\"\n"
    );
    let dir = tree(&[("scopes.py", &src)]);
    let exe = assert_cmd::cargo::cargo_bin("linkedin-lint");
    let out = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 2000000 && exec '{}' check '{}' --format json --today {TODAY}",
            exe.display(),
            dir.path().join("scopes.py").display()
        ))
        .output()
        .unwrap();
    // Deprecated scopes are warnings: exit 0, one finding per scope.
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["findings"].as_array().unwrap().len(), 40_000);
}
