//! The core engine end to end through the binary: findings, spans, exit codes, errors.
// linkedin-lint: allow-file(endpoint-deprecated, hardcoded-token) -- test inputs

mod common;

use common::{TODAY, bin, brief, json, tree};
use predicates::prelude::*;

#[test]
fn legacy_client_findings_are_exact() {
    let (doc, code) = json(&["tests/fixtures/legacy-client"]);
    assert_eq!(code, 1);
    let p = "tests/fixtures/legacy-client";
    let expected = [
        // Four versions at one site each: the newest (202501, .env.example) is the one kept.
        format!("{p}/.env.example:3:18 version-sunset/version-sunset-dated"),
        format!("{p}/README.md:6:62 version-sunset/version-sunset-policy"),
        format!("{p}/README.md:7:27 endpoint-deprecated/v2-shares"),
        format!("{p}/config/social.yaml:3:17 version-sunset/version-sunset-dated"),
        format!("{p}/config/social.yaml:3:17 version-inconsistent/multiple-versions"),
        format!("{p}/config/social.yaml:5:7 scope-deprecated/r-liteprofile"),
        format!("{p}/src/linkedin.rs:6:37 version-sunset/version-sunset-dated"),
        format!("{p}/src/linkedin.rs:6:37 version-inconsistent/multiple-versions"),
        format!("{p}/src/linkedin.rs:7:32 restli-protocol/restli-protocol-2"),
        format!("{p}/src/linkedin.rs:24:38 endpoint-deprecated/v2-me"),
        format!("{p}/src/linkedin.rs:34:35 endpoint-deprecated/v2-ugc-posts"),
        format!("{p}/src/linkedin.rs:38:42 endpoint-deprecated/ad-accounts-v2"),
        format!("{p}/src/linkedin.rs:46:42 version-malformed/version-eight-digit"),
        format!("{p}/src/linkedin.rs:46:42 version-sunset/version-sunset-dated"),
        format!("{p}/src/linkedin.rs:46:42 version-inconsistent/multiple-versions"),
        format!("{p}/src/oauth.rs:4:43 hardcoded-token/client-secret-literal"),
        format!("{p}/src/oauth.rs:6:40 scope-deprecated/r-liteprofile"),
        format!("{p}/src/oauth.rs:6:57 scope-deprecated/r-emailaddress"),
        format!("{p}/src/oauth.rs:10:34 endpoint-deprecated/uas-oauth2"),
        format!("{p}/src/oauth.rs:10:149 scope-deprecated/r-liteprofile"),
        format!("{p}/src/oauth.rs:10:165 scope-deprecated/r-emailaddress"),
        format!("{p}/src/oauth.rs:14:54 endpoint-deprecated/uas-oauth2"),
        format!("{p}/src/profile.rs:5:24 scope-version-mismatch/rest-me-basicprofile"),
    ];
    assert_eq!(brief(&doc), expected);
    // The other API's `/v2/me` (src/github.rs) is not a finding.
    assert!(!brief(&doc).iter().any(|f| f.contains("github.rs")));
    assert_eq!(doc["summary"]["files_scanned"], 9);
    assert_eq!(doc["summary"]["errors"], 7);
    assert_eq!(doc["summary"]["warnings"], 14);
}

#[test]
fn json_contract_shape() {
    let (doc, _) = json(&["tests/fixtures/legacy-client/src/linkedin.rs"]);
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["tool"]["name"], "linkedin-lint");
    let f = &doc["findings"][0];
    let mut keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "docs", "fix", "help", "id", "message", "path", "rule", "severity", "span"
        ]
    );
    // The version literal `"202304"` on line 6: exact span, byte offsets into the file.
    assert_eq!(f["id"], "version-sunset-dated");
    assert_eq!(
        f["span"]["start"],
        serde_json::json!({"line": 6, "column": 37})
    );
    assert_eq!(
        f["span"]["end"],
        serde_json::json!({"line": 6, "column": 43})
    );
    let text = std::fs::read_to_string("tests/fixtures/legacy-client/src/linkedin.rs").unwrap();
    let (s, e) = (
        f["span"]["byte_start"].as_u64().unwrap() as usize,
        f["span"]["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "202304");
    assert_eq!(f["fix"]["applicability"], "maybe-incorrect");
    assert_eq!(f["fix"]["edits"][0]["replacement"], "202609");
    assert!(f["docs"].as_str().unwrap().starts_with("https://"));
}

#[test]
fn secrets_never_appear_in_any_output() {
    let secret = "WPL_AP1.g5XfB2vQ9pLr7kTz.Jw3hQ==";
    for format in ["human", "json", "short"] {
        let out = bin()
            .args([
                "check",
                "tests/fixtures/legacy-client/src/oauth.rs",
                "--today",
                TODAY,
                "--format",
                format,
            ])
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            all.contains("client-secret-literal"),
            "{format}: finding missing"
        );
        assert!(
            !all.contains(secret) && !all.contains("g5XfB2vQ9pLr7kTz"),
            "{format} leaks the secret:\n{all}"
        );
    }
}

#[test]
fn exit_codes() {
    // Clean tree: 0.
    let dir = tree(&[("src/main.rs", "fn main() { println!(\"hello\"); }\n")]);
    bin()
        .arg("check")
        .arg(dir.path())
        .args(["--today", TODAY])
        .assert()
        .code(0);
    // Warnings only: 0 by default, 1 with --fail-on warning.
    let dir = tree(&[("api.py", "ME = 'https://api.linkedin.com/v2/me'\n")]);
    bin()
        .arg("check")
        .arg(dir.path())
        .args(["--today", TODAY])
        .assert()
        .code(0);
    bin()
        .arg("check")
        .arg(dir.path())
        .args(["--today", TODAY, "--fail-on", "warning"])
        .assert()
        .code(1);
    // Errors: 1, or 0 with --exit-zero.
    let dir = tree(&[("api.py", "VERSION = {'LinkedIn-Version': '202304'}\n")]);
    bin()
        .arg(dir.path())
        .args(["--today", TODAY])
        .assert()
        .code(1);
    bin()
        .arg(dir.path())
        .args(["--today", TODAY, "--exit-zero"])
        .assert()
        .code(0);
}

#[test]
fn missing_path_is_a_usage_error() {
    bin()
        .args(["check", "does/not/exist", "--today", TODAY])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "does/not/exist: no such file or directory",
        ));
}

#[test]
fn malformed_rule_file_points_at_line_and_column() {
    let dir = tree(&[(
        "extra.yaml",
        "schema: 1\nendpoints:\n  - id: my-old\n    path: /v2/old\n    severity: fatal\n",
    )]);
    let rules = dir.path().join("extra.yaml");
    bin()
        .args([
            "check",
            "tests/fixtures/legacy-client",
            "--today",
            TODAY,
            "--rules",
        ])
        .arg(&rules)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown variant `fatal`"))
        .stderr(predicate::str::contains("extra.yaml:5:15"));
}

#[test]
fn user_rules_add_entries() {
    let dir = tree(&[
        (
            "extra.yaml",
            "schema: 1\nendpoints:\n  - id: v2-network-sizes\n    path: /v2/networkSizes\n    severity: error\n    since: \"2024-01\"\n    grade: P\n    message: networkSizes is gone\n    help: remove it\n    source: https://example.com/changelog\n",
        ),
        (
            "client.js",
            "const u = 'https://api.linkedin.com/v2/networkSizes/urn:li:organization:1';\n",
        ),
    ]);
    let (doc, code) = json(&[
        dir.path().join("client.js").to_str().unwrap(),
        "--rules",
        dir.path().join("extra.yaml").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(doc["findings"][0]["id"], "v2-network-sizes");
}

#[test]
fn gitignore_binary_and_size_limits() {
    let dir = tree(&[
        (".gitignore", "target/\n"),
        (
            "target/gen.rs",
            "const U: &str = \"https://api.linkedin.com/v2/me\";\n",
        ),
        (
            "src/a.rs",
            "const U: &str = \"https://api.linkedin.com/v2/me\";\n",
        ),
        (
            "src/big.rs",
            &format!(
                "const U: &str = \"https://api.linkedin.com/v2/me\";\n{}",
                "// pad\n".repeat(200)
            ),
        ),
    ]);
    std::fs::write(
        dir.path().join("src/blob.rs"),
        b"\0\0\0https://api.linkedin.com/v2/me",
    )
    .unwrap();
    let root = dir.path().to_str().unwrap();
    let (doc, _) = json(&[root, "--max-filesize", "1000"]);
    let found = brief(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with("src/a.rs:1:42 endpoint-deprecated/v2-me"),
        "{found:?}"
    );
    let human = bin()
        .args(["check", root, "--today", TODAY, "--max-filesize", "1000"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&human.stdout);
    assert!(out.contains("blob.rs: binary file"), "{out}");
    assert!(
        out.contains("big.rs: ") && out.contains("over the 1000-byte limit"),
        "{out}"
    );
    // --no-ignore walks target/ too.
    let (doc, _) = json(&[root, "--no-ignore"]);
    assert!(brief(&doc).iter().any(|f| f.contains("target/gen.rs")));
}

#[test]
fn several_paths_and_deterministic_order() {
    let a = json(&[
        "tests/fixtures/legacy-client/src",
        "tests/fixtures/legacy-client/config",
    ])
    .0;
    let b = json(&[
        "tests/fixtures/legacy-client/config",
        "tests/fixtures/legacy-client/src",
        "-j",
        "1",
    ])
    .0;
    assert_eq!(a["findings"], b["findings"]);
    assert!(brief(&a).iter().any(|f| f.contains("config/social.yaml")));
}

#[test]
fn today_from_source_date_epoch() {
    // 2024-03-20: 202304 is still supported then (sunset 2024-04-15) but expiring.
    let out = bin()
        .env("SOURCE_DATE_EPOCH", "1710892800")
        .args([
            "check",
            "tests/fixtures/legacy-client/src/linkedin.rs",
            "--format",
            "short",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("linkedin.rs:6:37: warning[version-expiring/version-expiring-dated]"),
        "{s}"
    );
}

#[test]
fn human_output_has_snippet_help_and_summary() {
    bin()
        .args([
            "check",
            "tests/fixtures/legacy-client/src/linkedin.rs",
            "--today",
            TODAY,
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "version-sunset/version-sunset-dated",
        ))
        .stdout(predicate::str::contains(
            "6 │ pub const LINKEDIN_VERSION: &str = \"202304\";",
        ))
        .stdout(predicate::str::contains(
            "help: Requests pinned to a sunset version are rejected",
        ))
        .stdout(predicate::str::contains(
            "linkedin-lint: 1 file scanned, 2 errors, 6 warnings",
        ))
        .stdout(predicate::str::contains(
            "exit 1: 2 findings at or above error",
        ))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn jsonl_stream_honours_allow_comments() {
    let dir = tree(&[(
        "a.py",
        "U = 'https://api.linkedin.com/v2/me'  # linkedin-lint: allow(v2-me)\nV = 'https://api.linkedin.com/v2/ugcPosts'\n# linkedin-lint: allow(r-liteprofile)\nW = 1\n",
    )]);
    let out = bin()
        .arg("check")
        .arg(dir.path())
        .args(["--today", TODAY, "--format", "jsonl", "--isolated"])
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(
        ids.contains(&"v2-ugc-posts") && ids.contains(&"unused-allow"),
        "{ids:?}"
    );
    assert_eq!(lines.last().unwrap()["type"], "summary");
}

/// A Spring app that commits its `application.properties` although its `.gitignore` lists it
/// (seen in two labelled repositories): git tracks the file, so it is read; an ignored file git
/// does not track is still skipped, and `--exclude` still applies.
#[test]
fn committed_files_a_gitignore_lists_are_read() {
    let props = "spring.security.oauth2.client.provider.linkedin.user-info-uri=https://api.linkedin.com/v2/me\n";
    let dir = tree(&[
        (
            ".gitignore",
            "**/src/main/resources/application.properties\nlocal/\n",
        ),
        ("app/src/main/resources/application.properties", props),
        ("local/application.properties", props),
    ]);
    let git = |args: &[&str]| {
        let st = std::process::Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("git is installed");
        assert!(st.status.success(), "git {args:?}: {st:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-f", "app/src/main/resources/application.properties"]);
    git(&["add", ".gitignore"]);
    let (found, code) = common::short(dir.path(), &["."]);
    assert_eq!(
        found,
        ["app/src/main/resources/application.properties:1:87: warning[endpoint-deprecated/v2-me]"]
    );
    assert_eq!(code, 0, "a warning");
    let (found, _) = common::short(dir.path(), &[".", "--exclude", "app/"]);
    assert_eq!(found, Vec::<String>::new());
    // Without the index (not a repository), the walk honours `.gitignore` alone.
    std::fs::remove_dir_all(dir.path().join(".git")).unwrap();
    let (found, _) = common::short(dir.path(), &["."]);
    assert_eq!(found, Vec::<String>::new());
}
