//! Config files: discovery, keys, errors with spans, flags over config.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

use crate::common::{TODAY, bin, short, tree};

const ME: &str = "ME = 'https://api.linkedin.com/v2/me'\n";
const SUNSET: &str = "HEADERS = {'LinkedIn-Version': '202304'}\n";

#[test]
fn config_is_found_upward_and_its_keys_apply() {
    let dir = tree(&[
        (
            "linkedin-lint.toml",
            "exclude = [\"gen/\"]\nfail-on = \"warning\"\n[severity]\nv2-me = \"info\"\nversion-sunset = \"warning\"\n",
        ),
        ("app/gen/api.py", ME),
        ("app/src/api.py", ME),
        ("app/src/version.py", SUNSET),
    ]);
    // Scan root app/: the config two levels up applies; its globs are relative to its directory
    // (gen/ is a bare name, so app/gen/ is excluded).
    let (found, code) = short(dir.path(), &["app"]);
    assert_eq!(
        found,
        [
            "app/src/api.py:1:31: info[endpoint-deprecated/v2-me]",
            "app/src/version.py:1:33: warning[version-sunset/version-sunset-dated]",
        ]
    );
    assert_eq!(code, 1, "config fail-on = warning");
    // Flags win: --fail-on error passes, --exit-zero always passes.
    assert_eq!(short(dir.path(), &["app", "--fail-on", "error"]).1, 0);
    assert_eq!(short(dir.path(), &["app", "--exit-zero"]).1, 0);
    // --isolated: no config at all.
    let (found, code) = short(dir.path(), &["app", "--isolated"]);
    assert_eq!(
        found,
        [
            "app/gen/api.py:1:31: warning[endpoint-deprecated/v2-me]",
            "app/src/api.py:1:31: warning[endpoint-deprecated/v2-me]",
            "app/src/version.py:1:33: error[version-sunset/version-sunset-dated]",
        ]
    );
    assert_eq!(code, 1);
    // From inside app/, with explicit file names (pre-commit style), the same config applies.
    let (found, _) = short(&dir.path().join("app"), &["gen/api.py", "src/api.py"]);
    assert_eq!(found, ["src/api.py:1:31: info[endpoint-deprecated/v2-me]"]);
}

#[test]
fn severity_off_drops_findings_and_docs_stay_info() {
    let dir = tree(&[
        (
            ".linkedin-lint.toml",
            "[severity]\nendpoint-deprecated = \"error\"\nr-liteprofile = \"off\"\n",
        ),
        (
            "api.py",
            "ME = 'https://api.linkedin.com/v2/me'\nSCOPES = ['r_liteprofile', 'r_emailaddress']\n",
        ),
        (
            "README.md",
            "```python\nME = 'https://api.linkedin.com/v2/me'\n```\n",
        ),
    ]);
    let (found, code) = short(dir.path(), &["."]);
    assert_eq!(
        found,
        [
            "README.md:2:31: info[endpoint-deprecated/v2-me]",
            "api.py:1:31: error[endpoint-deprecated/v2-me]",
            "api.py:2:29: warning[scope-deprecated/r-emailaddress]",
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn cargo_toml_metadata_and_relative_rule_files() {
    let rules = "schema: 1\nendpoints:\n  - id: v2-network-sizes\n    path: /v2/networkSizes\n    severity: error\n    since: \"2024-01\"\n    grade: P\n    message: networkSizes is gone\n    help: remove it\n    source: https://example.com/changelog\n";
    let dir = tree(&[
        (
            "Cargo.toml",
            "[workspace]\nmembers = []\n\n[workspace.metadata.linkedin-lint]\nrules = [\"lint/extra.yaml\"]\n",
        ),
        ("lint/extra.yaml", rules),
        (
            "crates/a/src/lib.rs",
            "const U: &str = \"https://api.linkedin.com/v2/networkSizes/1\";\n",
        ),
    ]);
    let (found, code) = short(&dir.path().join("crates/a"), &["src/lib.rs"]);
    assert_eq!(
        found,
        ["src/lib.rs:1:42: error[endpoint-deprecated/v2-network-sizes]"]
    );
    assert_eq!(code, 1);
}

#[test]
fn config_errors_point_at_file_line_and_column() {
    let dir = tree(&[
        (
            "linkedin-lint.toml",
            "expiring-days = 30\nexclud = [\"gen/\"]\n",
        ),
        ("api.py", ME),
    ]);
    let out = bin()
        .current_dir(dir.path())
        .args(["check", ".", "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(
            "linkedin-lint: error: linkedin-lint.toml:2:1: unknown key `exclud`; did you mean `exclude`?"
        ),
        "{err}"
    );
    // Unknown severity keys are checked against the rule table, with their span.
    std::fs::write(
        dir.path().join("linkedin-lint.toml"),
        "[severity]\nv2-mee = \"off\"\n",
    )
    .unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["check", ".", "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(
            "linkedin-lint: error: linkedin-lint.toml:2:1: unknown rule or id `v2-mee`"
        ),
        "{err}"
    );
    // A config file that does not exist is an error too, not a silent default.
    bin()
        .current_dir(dir.path())
        .args(["check", ".", "--config", "nope.toml"])
        .assert()
        .code(2);
}

#[test]
fn show_config_prints_a_valid_config_and_flags_override() {
    let dir = tree(&[
        (
            "linkedin-lint.toml",
            "expiring-days = 30\nexclude = [\"gen/\"]\n[severity]\nv2-me = \"off\"\n",
        ),
        ("gen/api.py", ME),
    ]);
    let out = bin()
        .current_dir(dir.path())
        .args([
            "check",
            "--show-config",
            "--today",
            TODAY,
            "--expiring-days",
            "60",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let shown = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        shown,
        "# linkedin-lint configuration from linkedin-lint.toml, with command-line flags applied\n\
         # include and exclude are relative to the current directory\n\
         # versions judged as of 2026-11-23\n\
         target-version = \"202609\"\n\
         expiring-days = 60\n\
         fail-on = \"error\"\n\
         include = []\n\
         exclude = [\"gen/\"]\n\
         rules = []\n\
         \n\
         [severity]\n\
         v2-me = \"off\"\n"
    );
    // What it prints is itself a config file that --config accepts.
    std::fs::write(dir.path().join("shown.toml"), &shown).unwrap();
    let (found, code) = short(dir.path(), &[".", "--config", "shown.toml"]);
    assert_eq!((found, code), (Vec::<String>::new(), 0));
    // --isolated shows the defaults.
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "--show-config", "--isolated", "--today", TODAY])
        .output()
        .unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        shown.starts_with("# linkedin-lint configuration: no config file"),
        "{shown}"
    );
    assert!(shown.contains("expiring-days = 30\n"), "{shown}");
}
