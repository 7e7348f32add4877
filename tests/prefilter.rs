//! The prefilter's promise: it only skips work, never a finding. Every fixture tree gives the
//! same findings with the prefilter off (every file tokenised) as with it on.
// linkedin-lint: allow-file(scope-deprecated) -- test inputs

mod common;

#[test]
fn prefilter_never_changes_a_result() {
    for dir in [
        "tests/fixtures/legacy-client",
        "tests/fixtures/polyglot",
        "tests/fixtures/sample",
        "tests/fixtures/fix",
    ] {
        let (on, code_on) = common::json(&[dir]);
        let (off, code_off) = common::json(&[dir, "--no-prefilter"]);
        assert_eq!(
            on["findings"], off["findings"],
            "{dir}: the prefilter changed the findings"
        );
        assert_eq!(code_on, code_off, "{dir}");
        assert!(
            !on["findings"].as_array().unwrap().is_empty(),
            "{dir}: no findings to compare"
        );
    }
}

#[test]
fn files_that_only_call_other_apis_are_not_candidates_but_li_names_are() {
    let dir = common::tree(&[
        (
            "other.py",
            "ME = 'https://api.example.com/v2/me'\nscopes = ['email', 'profile']\n",
        ),
        ("li.py", "LI_VERSION = '202304'\n"),
    ]);
    let (doc, _) = common::json(&[dir.path().to_str().unwrap()]);
    let found = common::brief(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with("li.py:1:15 version-sunset/version-sunset-dated"),
        "{found:?}"
    );
}

/// Shapes from denoland/deno, which the prefilter used to pass on (a 2.3 MB DOM typing for
/// `MEDIA_ERR_NETWORK`, a polyfill for `inspector_network_bridge`, a 106 KB Rust file for
/// `current_cli_version_has_changed`): a scope counts as a whole lower-case word and a version
/// name as a whole name, as the checks read them. The real names beside them still count.
#[test]
fn words_inside_other_words_do_not_make_a_candidate() {
    let dir = common::tree(&[
        (
            "lib.dom.d.ts",
            "interface MediaError {\n    readonly MEDIA_ERR_NETWORK: 2;\n}\n",
        ),
        (
            "process.ts",
            "core.loadExtScript(\"ext:deno_node/inspector_network_bridge.js\");\n",
        ),
        (
            "upgrade.rs",
            "const CLI_VERSION: &str = env!(\"CARGO_PKG_VERSION\");\n\
             fn current_cli_version_has_changed() -> bool {\n    CLI_VERSION.is_empty()\n}\n",
        ),
        ("li.py", "LI_VERSION = 202405\n"),
        (
            "auth.js",
            "const AUTH = \"https://example.com/oauth/authorize?scope=openid%2Cr_liteprofile\";\n",
        ),
    ]);
    let (on, err_on, code_on) = common::short_raw(dir.path(), &["--timings"]);
    let (off, _, code_off) = common::short_raw(dir.path(), &["--no-prefilter"]);
    assert_eq!(on, off, "the prefilter changed the findings");
    assert_eq!((code_on, code_off), (1, 1));
    let found: Vec<&str> = on.lines().map(|l| &l[..l.find(' ').unwrap()]).collect();
    assert_eq!(found, ["auth.js:1:66:", "li.py:1:14:"]);
    // Only the two files with findings were tokenised.
    let extract = err_on
        .lines()
        .find(|l| l.trim_start().starts_with("extract "))
        .unwrap_or_else(|| panic!("no extract line in\n{err_on}"));
    let files: Vec<&str> = extract.split_whitespace().collect();
    assert_eq!(files[2], "2", "{err_on}");
}
