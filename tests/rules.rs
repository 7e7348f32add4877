//! One fixture pair per rule (ruff's snapshot-per-rule style): `tests/fixtures/rules/<rule>/`
//! holds a realistic client that must fire the rule (`fires.*`, its findings snapshotted in
//! `--format short`) and the same client written the current way (`clean.*`, no findings at
//! all). Adding a rule means adding its directory here: `every_rule_has_fixtures` checks.

mod common;

use common::{TODAY, bin};

const DIR: &str = "tests/fixtures/rules";

/// The run date for a rule's fixtures: the team's reference date, except for
/// `version-expiring`, whose window (30 days) holds no release on that date; 2026-12-20 is 26
/// days before 202601's sunset.
fn today_for(path: &str) -> &'static str {
    if path.contains("/version-expiring/") {
        "2026-12-20"
    } else {
        TODAY
    }
}

/// `check --format short` of one fixture file: its findings, one per line.
fn short(path: &str) -> (String, i32) {
    let out = bin()
        .args([
            "check",
            path,
            "--isolated",
            "--today",
            today_for(path),
            "--format",
            "short",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    (stdout, out.status.code().unwrap())
}

/// The fixture of `rule` whose name starts with `stem` (`fires` or `clean`).
fn fixture(rule: &str, stem: &str) -> String {
    let dir = format!("{}/{DIR}/{rule}", env!("CARGO_MANIFEST_DIR"));
    let name = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.starts_with(&format!("{stem}.")))
        .unwrap_or_else(|| panic!("no {stem}.* fixture in {dir}"));
    format!("{DIR}/{rule}/{name}")
}

#[test]
fn every_rule_has_fixtures() {
    for rule in linkedin_lint::Rule::ALL {
        fixture(rule.name(), "fires");
        fixture(rule.name(), "clean");
    }
}

#[test]
fn each_rule_fires_on_its_fixture() {
    for rule in linkedin_lint::Rule::ALL {
        let (out, _) = short(&fixture(rule.name(), "fires"));
        assert!(
            out.contains(&format!("[{}/", rule.name())),
            "{rule} does not fire on its fixture:\n{out}"
        );
        insta::assert_snapshot!(format!("{rule}-fires"), out);
    }
}

#[test]
fn clean_fixtures_have_no_findings() {
    for rule in linkedin_lint::Rule::ALL {
        let path = fixture(rule.name(), "clean");
        let (out, code) = short(&path);
        assert_eq!(out, "", "{path} has findings");
        assert_eq!(code, 0, "{path}");
    }
}
