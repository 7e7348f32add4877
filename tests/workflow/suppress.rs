//! Allow comments through the command line: line, next-line and file allows, cross-file
//! findings, unused allows, and their severity from the config.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

use crate::common::{TODAY, bin, tree};

fn short(dir: &std::path::Path, args: &[&str]) -> (String, i32) {
    let (out, _, code) = crate::common::short_raw(dir, args);
    (out, code)
}

#[test]
fn allows_silence_their_line_the_next_line_or_the_file() {
    let dir = tree(&[
        (
            "client.py",
            "ME = 'https://api.linkedin.com/v2/me'  # linkedin-lint: allow(v2-me) -- until the OIDC move\n\
             # linkedin-lint: allow(scope-deprecated)\n\
             SCOPES = ['r_liteprofile', 'r_emailaddress']\n\
             SHARES = 'https://api.linkedin.com/v2/shares'\n",
        ),
        (
            "legacy.js",
            "// linkedin-lint: allow-file(endpoint-deprecated) -- frozen, deleted in Q3\n\
             const a = 'https://api.linkedin.com/v2/me';\n\
             const b = 'https://api.linkedin.com/v2/ugcPosts';\n",
        ),
    ]);
    let (out, code) = short(dir.path(), &["."]);
    assert_eq!(
        out,
        "client.py:4:35: warning[endpoint-deprecated/v2-shares] the legacy Share API `/v2/shares` is replaced by the versioned Posts API `/rest/posts`\n"
    );
    assert_eq!(code, 0);
}

#[test]
fn allows_silence_cross_file_findings() {
    let dir = tree(&[
        (
            "a.py",
            "H = {'LinkedIn-Version': '202606'}  # linkedin-lint: allow(version-inconsistent)\n",
        ),
        ("b.py", "H = {'LinkedIn-Version': '202605'}\n"),
        // 202607 is the version kept (most pins): the other two are the ones reported.
        ("c.py", "H = {'LinkedIn-Version': '202607'}\n"),
        ("d.py", "H = {'LinkedIn-Version': '202607'}\n"),
    ]);
    let (out, _) = short(dir.path(), &["."]);
    assert_eq!(
        out.lines()
            .map(|l| &l[..l.find("] ").unwrap() + 1])
            .collect::<Vec<_>>(),
        ["b.py:1:27: warning[version-inconsistent/multiple-versions]"]
    );
}

#[test]
fn unused_and_misspelt_allows_are_reported() {
    let dir = tree(&[(
        "client.py",
        "# linkedin-lint: allow(v2-me, v2-mee)\nME = 'https://api.linkedin.com/v2/me'\n\nX = 1  # linkedin-lint: allow(r-liteprofile)\n",
    )]);
    let (out, code) = short(dir.path(), &["."]);
    assert_eq!(
        out,
        "client.py:1:31: warning[unused-allow/unused-allow] allow `v2-mee`: no rule or rule-table id has this name\n\
         client.py:4:31: warning[unused-allow/unused-allow] allow `r-liteprofile` silences nothing here\n"
    );
    assert_eq!(code, 0);
    assert_eq!(short(dir.path(), &[".", "--fail-on", "warning"]).1, 1);
    // The rule has an explanation and its severity can be set in the config like any other.
    let json = bin()
        .current_dir(dir.path())
        .args(["check", ".", "--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        doc["findings"][0]["help"]
            .as_str()
            .unwrap()
            .starts_with("Remove the name")
    );
    std::fs::write(
        dir.path().join("linkedin-lint.toml"),
        "[severity]\nunused-allow = \"off\"\n",
    )
    .unwrap();
    assert_eq!(short(dir.path(), &["."]), (String::new(), 0));
}

#[test]
fn a_file_with_only_an_allow_comment_is_still_read() {
    let dir = tree(&[(
        "notes.sh",
        "#!/bin/sh\n# linkedin-lint: allow(v2-me)\necho hi\n",
    )]);
    let (out, _) = short(dir.path(), &["."]);
    assert_eq!(
        out,
        "notes.sh:2:24: warning[unused-allow/unused-allow] allow `v2-me` silences nothing here\n"
    );
}
