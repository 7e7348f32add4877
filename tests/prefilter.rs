//! The prefilter's promise: it only skips work, never a finding. Every fixture tree gives the
//! same findings with the prefilter off (every file tokenised) as with it on.

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
