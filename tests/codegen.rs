//! `linkedin-lint codegen`: the output of every language (insta snapshots), the committed
//! examples' freshness, `--out` and `--check`, and the generated code as the linter sees it.

mod common;

use common::{TODAY, bin};
use linkedin_lint::Linter;
use linkedin_lint::codegen::{self, Constants, Language};

fn generated(lang: Language) -> String {
    let linter = Linter::builder().today(TODAY).build().unwrap();
    codegen::generate(lang, &Constants::new(&linter))
}

#[test]
fn rust_snapshot() {
    insta::assert_snapshot!(generated(Language::Rust));
}

#[test]
fn typescript_snapshot() {
    insta::assert_snapshot!(generated(Language::Typescript));
}

#[test]
fn python_snapshot() {
    insta::assert_snapshot!(generated(Language::Python));
}

#[test]
fn go_snapshot() {
    insta::assert_snapshot!(generated(Language::Go));
}

/// The examples in tests/fixtures/codegen are what `cargo xtask codegen` writes (for the fixed
/// date `TODAY`); CI also checks them with `cargo xtask codegen --check`.
#[test]
fn committed_examples_are_fresh() {
    let mut seen = Vec::new();
    for entry in std::fs::read_dir("tests/fixtures/codegen").unwrap() {
        let path = entry.unwrap().path();
        let lang = match path.extension().and_then(|e| e.to_str()) {
            Some("rs") => Language::Rust,
            Some("ts") => Language::Typescript,
            Some("py") => Language::Python,
            Some("go") => Language::Go,
            _ => continue,
        };
        let fresh = codegen::check(&path, &generated(lang)).unwrap();
        assert_eq!(
            fresh,
            codegen::Freshness::Fresh,
            "{} is stale: run `cargo xtask codegen`",
            path.display()
        );
        seen.push(lang);
    }
    assert_eq!(seen.len(), Language::ALL.len(), "one example per language");
}

#[test]
fn out_writes_what_stdout_shows_and_check_compares() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("linkedin_version.ts");
    let shown = bin()
        .args(["codegen", "--lang", "typescript", "--today", TODAY])
        .output()
        .unwrap();
    assert!(shown.status.success());
    let args = ["codegen", "--lang", "typescript", "--today", TODAY, "--out"];
    bin().args(args).arg(&out).assert().success().stdout("");
    assert_eq!(std::fs::read(&out).unwrap(), shown.stdout);
    // Fresh: exit 0, nothing printed.
    bin()
        .args(args)
        .arg(&out)
        .arg("--check")
        .assert()
        .code(0)
        .stdout("");
    // Edited by hand: exit 1 with a diff from the file to the generated text.
    let text = String::from_utf8(shown.stdout).unwrap();
    std::fs::write(&out, text.replace("\"202609\"", "\"202601\"")).unwrap();
    let stale = bin().args(args).arg(&out).arg("--check").output().unwrap();
    assert_eq!(stale.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&stale.stdout);
    assert!(
        diff.contains("-export const LINKEDIN_VERSION = \"202601\";\n+export const LINKEDIN_VERSION = \"202609\";\n"),
        "{diff}"
    );
    assert!(String::from_utf8_lossy(&stale.stderr).contains("regenerate it"));
    // --check never writes.
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("\"202601\"")
    );
    // A missing file is stale too.
    let missing = dir.path().join("missing.ts");
    bin()
        .args(args)
        .arg(&missing)
        .arg("--check")
        .assert()
        .code(1);
    assert!(!missing.exists());
}

#[test]
fn out_keeps_an_unchanged_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("v.go");
    let args = ["codegen", "--lang", "go", "--today", TODAY, "--out"];
    bin().args(args).arg(&out).assert().success();
    let mtime = std::fs::metadata(&out).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    bin().args(args).arg(&out).assert().success();
    assert_eq!(std::fs::metadata(&out).unwrap().modified().unwrap(), mtime);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn usage_errors_exit_2() {
    // --check needs a file to compare with.
    bin()
        .args(["codegen", "--lang", "rust", "--check"])
        .assert()
        .code(2);
    bin().args(["codegen", "--lang", "cobol"]).assert().code(2);
    // A version that does not exist (no December 2025 release; a future month).
    for v in ["202512", "202712"] {
        let out = bin()
            .args([
                "codegen",
                "--lang",
                "rust",
                "--today",
                TODAY,
                "--target-version",
                v,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{v}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn an_old_target_version_is_generated_with_a_warning() {
    let out = bin()
        .args([
            "codegen",
            "--lang",
            "python",
            "--today",
            TODAY,
            "--target-version",
            "202304",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("202304 was sunset on 2024-04-15"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("LINKEDIN_VERSION: Final[str] = \"202304\""));
    assert!(text.contains("Version 202304 sunsets on 2024-04-15 (date published by LinkedIn:"));
}

/// The linter sees each generated constant as the pin: clean while the version is supported,
/// flagged once it is sunset (so a stale generated file cannot go unnoticed).
#[test]
fn the_linter_sees_the_generated_pin_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, name) in [
        (Language::Rust, "linkedin_version.rs"),
        (Language::Typescript, "linkedinVersion.ts"),
        (Language::Python, "linkedin_version.py"),
        (Language::Go, "linkedin_version.go"),
    ] {
        std::fs::write(dir.path().join(name), generated(lang)).unwrap();
    }
    let (doc, code) = common::json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(doc["findings"], serde_json::json!([]), "{doc:#}");
    let out = bin()
        .arg("check")
        .arg(dir.path())
        .args(["--today", "2027-10-01", "--format", "short"])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    let flagged: Vec<&str> = report
        .lines()
        .filter(|l| l.contains("version-sunset/version-sunset-policy"))
        .collect();
    assert_eq!(flagged.len(), 4, "{report}");
}

/// `version-inconsistent` tells where the one version should come from.
#[test]
fn version_inconsistent_points_at_codegen() {
    let (doc, _) = common::json(&["tests/fixtures/legacy-client"]);
    let helps: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "version-inconsistent")
        .map(|f| f["help"].as_str().unwrap())
        .collect();
    assert!(!helps.is_empty());
    for h in helps {
        assert!(
            h.contains("`linkedin-lint codegen --lang rust --out src/linkedin_version.rs`"),
            "{h}"
        );
    }
}

/// A project that runs `cargo fmt` over the generated module must not make `--check` fail.
#[test]
fn generated_rust_is_rustfmt_clean() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("linkedin_version.rs");
    std::fs::write(&file, generated(Language::Rust)).unwrap();
    let status = std::process::Command::new("rustfmt")
        .args(["--edition", "2024", "--check"])
        .arg(&file)
        .status();
    match status {
        Ok(s) => assert!(s.success(), "rustfmt would change the generated file"),
        Err(e) => eprintln!("rustfmt not available ({e}); skipped"),
    }
}
