//! Everyday use of the command line: per-file configs, mistyped commands, standard input,
//! quiet and statistics output, completions.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

#[path = "common/mod.rs"]
mod common;

use common::{TODAY, bin, json_in, short, tree};

const ME: &str = "ME = 'https://api.linkedin.com/v2/me'\n";

/// A repository whose root config excludes `vendor/` and makes `/v2/me` an error, with an
/// `api/` project that has its own config (`/v2/me` is info there).
fn nested() -> tempfile::TempDir {
    tree(&[
        (
            "linkedin-lint.toml",
            "exclude = [\"vendor/\"]\n[severity]\nv2-me = \"error\"\n",
        ),
        ("api/linkedin-lint.toml", "[severity]\nv2-me = \"info\"\n"),
        ("api/client.py", ME),
        ("vendor/lib.py", ME),
        ("app.py", ME),
    ])
}

#[test]
fn each_file_gets_its_nearest_config_whatever_the_order() {
    let dir = nested();
    let expected = [
        "api/client.py:1:31: info[endpoint-deprecated/v2-me]",
        "app.py:1:31: error[endpoint-deprecated/v2-me]",
    ];
    for args in [
        ["api/client.py", "app.py", "vendor/lib.py"],
        ["vendor/lib.py", "app.py", "api/client.py"],
        ["app.py", "vendor/lib.py", "api/client.py"],
    ] {
        let (found, code) = short(dir.path(), &args);
        assert_eq!(found, expected, "{args:?}");
        assert_eq!(code, 1, "{args:?}");
    }
    // Only the api/ file: its own config, so nothing fails; vendor/ alone: excluded by the root.
    assert_eq!(short(dir.path(), &["api/client.py"]).1, 0);
    assert_eq!(short(dir.path(), &["vendor/lib.py"]), (vec![], 0));
    // The directory walk agrees.
    assert_eq!(short(dir.path(), &["."]).0, expected);
    // --config overrides for every file.
    let (found, _) = short(dir.path(), &["--config", "api/linkedin-lint.toml", "."]);
    assert_eq!(
        found,
        [
            "api/client.py:1:31: info[endpoint-deprecated/v2-me]",
            "app.py:1:31: info[endpoint-deprecated/v2-me]",
            "vendor/lib.py:1:31: info[endpoint-deprecated/v2-me]",
        ]
    );
}

#[test]
fn a_nested_config_that_does_not_parse_is_a_config_error() {
    let dir = tree(&[
        ("api/linkedin-lint.toml", "exclud = []\n"),
        ("api/a.py", ME),
    ]);
    let out = bin()
        .current_dir(dir.path())
        .args(["check", ".", "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("api/linkedin-lint.toml"), "{err}");
}

/// `check ARGS` in `dir`, JSON: findings as `path:line rule/id`, the notes' paths, files
/// scanned.
fn scan_json(dir: &std::path::Path, args: &[&str]) -> (Vec<String>, Vec<String>, u64) {
    let (doc, _) = json_in(dir, args);
    let findings = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_string();
            let line = &f["span"]["start"]["line"];
            format!("{}:{line} {}/{}", s("path"), s("rule"), s("id"))
        })
        .collect();
    let notes = doc["notes"]
        .as_array()
        .map(|n| {
            n.iter()
                .map(|n| n["path"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default();
    let scanned = doc["summary"]["files_scanned"].as_u64().unwrap();
    (findings, notes, scanned)
}

/// A directory walk assumes that no config lies below its root, so it probes no directory
/// (issue 16); the first config it meets below the root sends it round again with a probe
/// per directory. Whatever the order the files were met in, nothing from the first round is
/// kept: each finding, note and scanned file is counted once.
#[test]
fn a_config_met_deep_in_a_walk_governs_its_directory() {
    let mut files: Vec<(String, String)> = (0..30)
        .map(|i| (format!("app/m{i:02}.py"), ME.to_string()))
        .collect();
    files.push((
        "app/deep/linkedin-lint.toml".into(),
        "exclude = [\"gen/\"]\n[severity]\nv2-me = \"off\"\n".into(),
    ));
    files.push(("app/deep/client.py".into(), ME.into()));
    files.push(("app/deep/gen/client.py".into(), ME.into()));
    files.push(("app/blob.py".into(), "x = 1\0\0\n".into()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = tree(&refs);
    let (findings, notes, scanned) = scan_json(dir.path(), &["."]);
    let expected: Vec<String> = (0..30)
        .map(|i| format!("app/m{i:02}.py:1 endpoint-deprecated/v2-me"))
        .collect();
    assert_eq!(findings, expected);
    assert_eq!(notes, ["app/blob.py"]);
    // The 30 modules, the deep client (its findings turned off) and the config itself;
    // not gen/, which the deep config excludes, nor the binary file.
    assert_eq!(scanned, 32);
}

/// A `Cargo.toml` below the root that carries our table is a config too; one that does not
/// is only a manifest.
#[test]
fn a_crate_manifest_with_our_table_governs_its_crate() {
    let rs = "pub const ME: &str = \"https://api.linkedin.com/v2/me\";\n";
    let dir = tree(&[
        ("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n"),
        (
            "crates/api/Cargo.toml",
            "[package]\nname = \"api\"\n\n[package.metadata.linkedin-lint]\nexclude = [\"gen/\"]\n",
        ),
        ("crates/api/src/lib.rs", rs),
        ("crates/api/gen/client.rs", rs),
        ("crates/web/Cargo.toml", "[package]\nname = \"web\"\n"),
        ("crates/web/gen/client.rs", rs),
    ]);
    let (findings, _, _) = scan_json(dir.path(), &["."]);
    assert_eq!(
        findings,
        [
            "crates/api/src/lib.rs:1 endpoint-deprecated/v2-me",
            "crates/web/gen/client.rs:1 endpoint-deprecated/v2-me",
        ]
    );
}

/// The walk finds nested configs among the files it reads, so one that the ignore files
/// hide (an untracked local override in a subdirectory) governs only files named on the
/// command line, which are judged by a probe of their directories. A config at or above the
/// directory named is always found.
#[test]
fn a_nested_config_the_ignore_files_hide_is_found_for_named_files_only() {
    let dir = tree(&[
        (".gitignore", "local.toml\napi/linkedin-lint.toml\n"),
        ("api/linkedin-lint.toml", "[severity]\nv2-me = \"info\"\n"),
        ("api/client.py", ME),
    ]);
    assert_eq!(
        short(dir.path(), &["."]).0,
        ["api/client.py:1:31: warning[endpoint-deprecated/v2-me]"]
    );
    assert_eq!(
        short(dir.path(), &["api/client.py"]).0,
        ["api/client.py:1:31: info[endpoint-deprecated/v2-me]"]
    );
    assert_eq!(
        short(dir.path(), &["api"]).0,
        ["api/client.py:1:31: info[endpoint-deprecated/v2-me]"]
    );
}

#[test]
fn fail_on_is_per_file_too() {
    let dir = tree(&[
        ("linkedin-lint.toml", "fail-on = \"warning\"\n"),
        ("lib/linkedin-lint.toml", "fail-on = \"error\"\n"),
        ("lib/a.py", ME),
    ]);
    // lib/a.py has a warning; its own config fails only on errors.
    assert_eq!(short(dir.path(), &["lib/a.py", "linkedin-lint.toml"]).1, 0);
    assert_eq!(short(dir.path(), &["linkedin-lint.toml", "lib/a.py"]).1, 0);
    assert_eq!(
        short(dir.path(), &["lib/a.py", "--fail-on", "warning"]).1,
        1
    );
}

#[test]
fn gitignore_negation_and_empty_globs() {
    let dir = tree(&[
        (
            "linkedin-lint.toml",
            "exclude = [\"vendor/*\", \"!vendor/keep.py\"]\n",
        ),
        ("vendor/keep.py", ME),
        ("vendor/drop.py", ME),
    ]);
    let expected = ["vendor/keep.py:1:31: warning[endpoint-deprecated/v2-me]"];
    assert_eq!(short(dir.path(), &["."]).0, expected);
    assert_eq!(
        short(dir.path(), &["vendor/drop.py", "vendor/keep.py"]).0,
        expected
    );
    std::fs::write(dir.path().join("linkedin-lint.toml"), "exclude = [\"\"]\n").unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("linkedin-lint.toml"), "{err}");
    assert!(err.contains("empty glob"), "{err}");
}

/// The hook: a staged file under `api/` (its own config) must not make the root config's
/// excludes disappear for a staged file in `vendor/`.
#[test]
fn hook_applies_each_staged_files_own_config() {
    let exe = std::path::PathBuf::from(env!("CARGO_BIN_EXE_linkedin-lint"));
    let path = format!(
        "{}:{}",
        exe.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let dir = tree(&[
        ("linkedin-lint.toml", "exclude = [\"vendor/\"]\n"),
        ("api/linkedin-lint.toml", "expiring-days = 30\n"),
        ("api/a.py", "H = {'LinkedIn-Version': '202610'}\n"),
        ("vendor/old.py", "H = {'LinkedIn-Version': '202304'}\n"),
    ]);
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(dir.path())
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", "1795392000") // 2026-11-23
            .env_remove("LINKEDIN_LINT")
            .output()
            .unwrap()
    };
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["config", "user.name", "Test"],
        &["config", "user.email", "test@example.com"],
        &["config", "commit.gpgsign", "false"],
    ] {
        assert!(git(args).status.success());
    }
    let out = bin()
        .current_dir(dir.path())
        .arg("install-hook")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // git lists api/ before vendor/: the first staged file used to pick the config.
    assert!(git(&["add", "."]).status.success());
    let out = git(&["commit", "-q", "-m", "vendored"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn run(args: &[&str]) -> (String, String, i32) {
    run_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Run the binary in `dir`: (stdout, stderr, exit code).
fn run_in(dir: &std::path::Path, args: &[&str]) -> (String, String, i32) {
    let out = bin().current_dir(dir).args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap(),
    )
}

#[test]
fn a_mistyped_command_is_named_not_taken_as_a_path() {
    let (_, err, code) = run(&["verions"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "linkedin-lint: error: unknown command `verions`; did you mean `versions`?\n"
        ),
        "{err}"
    );
    assert!(err.contains("--help"), "{err}");
    // A path that does not exist and looks like no command is still that.
    let (_, err, code) = run(&["no/such/dir"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "linkedin-lint: error: no/such/dir: no such file or directory\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn user_errors_are_one_line_without_internal_codes() {
    let (_, err, code) = run(&[
        "check",
        "--today",
        "2026-13-01",
        "tests/fixtures/legacy-client",
    ]);
    assert_eq!(code, 2);
    assert!(!err.contains("linkedin_lint::"), "{err}");
    assert!(err.starts_with("linkedin-lint: error: --today"), "{err}");
}

#[test]
fn explain_and_config_suggest_the_id_meant() {
    let (_, err, code) = run(&["explain", "v2-mee"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `v2-me`?"), "{err}");
    let dir = tree(&[(
        "linkedin-lint.toml",
        "[severity]\nversion-sunsett = \"off\"\n",
    )]);
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `version-sunset`?"), "{err}");
}

#[test]
fn dash_reads_standard_input_and_output_format_is_an_alias() {
    let out = bin()
        .args(["check", "-", "--stdin-filename", "src/a.py", "--isolated"])
        .args(["--today", TODAY, "--output-format", "short"])
        .write_stdin(ME)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "src/a.py:1:31: warning[endpoint-deprecated/v2-me] `/v2/me` belongs to the deprecated Sign In with LinkedIn product and is restricted to approved developers\n"
    );
    // Without a name: reported as `-`, the language from a shebang.
    let out = bin()
        .args([
            "check",
            "-",
            "--isolated",
            "--today",
            TODAY,
            "--format",
            "short",
        ])
        .write_stdin(format!("#!/usr/bin/env python3\n{ME}"))
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.starts_with("-:2:31: warning[endpoint-deprecated/v2-me]"),
        "{s}"
    );
}

#[test]
fn the_baseline_file_gets_the_usual_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tree(&[("a.py", ME)]);
    let out = bin()
        .current_dir(dir.path())
        .args([
            "check",
            ".",
            "--today",
            TODAY,
            "--write-baseline",
            "base.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mode = std::fs::metadata(dir.path().join("base.json"))
        .unwrap()
        .permissions()
        .mode();
    // 0666 less the umask, as any file the user writes (not a temporary file's 0600).
    std::fs::write(dir.path().join("plain"), "").unwrap();
    let plain = std::fs::metadata(dir.path().join("plain"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, plain & 0o777);
}

#[test]
fn json_and_jsonl_summaries_count_info() {
    let dir = tree(&[(
        "README.md",
        "```python\nME = 'https://api.linkedin.com/v2/me'\n```\n",
    )]);
    for format in ["json", "jsonl"] {
        let out = bin()
            .current_dir(dir.path())
            .args(["check", ".", "--today", TODAY, "--format", format])
            .output()
            .unwrap();
        let s = String::from_utf8_lossy(&out.stdout);
        let last: serde_json::Value = match format {
            "json" => serde_json::from_str(&s).unwrap(),
            _ => serde_json::from_str(s.lines().last().unwrap()).unwrap(),
        };
        assert_eq!(last["summary"]["info"], 1, "{format}: {s}");
    }
}

#[test]
fn the_recommended_pin_agrees_with_the_table() {
    // Before, at the edge of and after the table's active versions.
    for day in ["2026-11-23", "2027-07-01", "2027-10-01"] {
        let (out, _, code) = run(&["versions", "--today", day]);
        assert_eq!(code, 0);
        let rec = out
            .lines()
            .find(|l| l.starts_with("Recommended pin: "))
            .unwrap();
        let v = &rec["Recommended pin: ".len()..][..6];
        let row = out.lines().find(|l| l.starts_with(v)).unwrap();
        let status = row.split_whitespace().nth(1).unwrap();
        match status {
            "active" => assert!(
                rec.contains("neither sunset nor expiring"),
                "{day}: {rec}\n{row}"
            ),
            other => {
                assert!(rec.contains(&format!("({other}: ")), "{day}: {rec}\n{row}");
                assert!(!rec.contains("neither sunset nor expiring"), "{day}: {rec}");
            }
        }
    }
}

#[test]
fn statistics_count_findings_per_rule_and_id() {
    let (out, _, code) = run(&[
        "check",
        "tests/fixtures/legacy-client",
        "--today",
        TODAY,
        "--statistics",
    ]);
    assert_eq!(code, 1, "the exit code is the run's");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("    4  "), "{out}");
    assert!(
        out.contains("    2  endpoint-deprecated/uas-oauth2 ") && !out.contains("-->"),
        "{out}"
    );
}

/// A TypeScript file that pins `version` in its client's headers.
fn ts_pin(version: &str) -> String {
    format!(
        "const res = await fetch('https://api.linkedin.com/rest/posts', {{\n  headers: {{ 'LinkedIn-Version': '{version}' }},\n}});\n"
    )
}

/// `check --format json` in `dir`: the `version-inconsistent` findings as (path:line, help).
fn inconsistent(dir: &std::path::Path) -> Vec<(String, String)> {
    let out = bin()
        .current_dir(dir)
        .args(["check", ".", "--today", TODAY, "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "version-inconsistent")
        .map(|f| {
            let at = format!(
                "{}:{}",
                f["path"].as_str().unwrap(),
                f["span"]["start"]["line"]
            );
            (at, f["help"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn version_inconsistent_names_the_outliers_in_the_projects_language() {
    let mut files: Vec<(String, String)> = (0..5)
        .map(|i| (format!("src/api{i}.ts"), ts_pin("202601")))
        .collect();
    files.push(("src/legacy.ts".into(), ts_pin("202511")));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = tree(&refs);
    let found = inconsistent(dir.path());
    assert_eq!(found.len(), 1, "only the outlier: {found:?}");
    assert_eq!(found[0].0, "src/legacy.ts:2");
    let help = &found[0].1;
    assert!(
        help.contains("the rest of the codebase pins 202601"),
        "{help}"
    );
    assert!(
        help.contains("codegen --lang typescript --out src/linkedin-version.ts"),
        "{help}"
    );
    assert!(!help.contains("--lang rust"), "{help}");

    // Pins only in YAML: no language to name.
    let dir = tree(&[
        (
            "a.yaml",
            "linkedin:\n  version: \"202601\"\n  url: https://api.linkedin.com/rest/posts\n",
        ),
        (
            "b.yaml",
            "linkedin:\n  version: \"202511\"\n  url: https://api.linkedin.com/rest/posts\n",
        ),
    ]);
    let found = inconsistent(dir.path());
    assert_eq!(found.len(), 1, "a tie keeps the newer version: {found:?}");
    assert_eq!(found[0].0, "b.yaml:2");
    assert!(
        found[0].1.contains("--lang rust|typescript|python|go"),
        "{}",
        found[0].1
    );
}

#[test]
fn version_inconsistent_measures_against_the_generated_constant() {
    let generated = bin()
        .args(["codegen", "--lang", "python", "--today", TODAY])
        .args(["--target-version", "202601"])
        .output()
        .unwrap();
    let generated = String::from_utf8(generated.stdout).unwrap();
    let pin = |v: &str| {
        format!(
            "import requests\nrequests.get('https://api.linkedin.com/rest/posts', headers={{'LinkedIn-Version': '{v}'}})\n"
        )
    };
    let (a, b, c) = (pin("202511"), pin("202511"), pin("202601"));
    let dir = tree(&[
        ("app/linkedin_version.py", generated.as_str()),
        ("app/a.py", a.as_str()),
        ("app/b.py", b.as_str()),
        ("app/c.py", c.as_str()),
    ]);
    let found = inconsistent(dir.path());
    let at: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(at, ["app/a.py:2", "app/b.py:2"], "{found:?}");
    assert!(
        found[0]
            .1
            .contains("import `LINKEDIN_VERSION` from `app/linkedin_version.py`"),
        "{}",
        found[0].1
    );
}

#[test]
fn human_output_shows_a_repeated_finding_once_with_its_other_places() {
    let files: Vec<(String, String)> = (0..14)
        .map(|i| (format!("src/api{i:02}.ts"), ts_pin("202512")))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = tree(&refs);
    let (human, _, _) = run_in(dir.path(), &["check", ".", "--today", TODAY]);
    assert_eq!(
        human
            .matches("version-unknown/version-not-released (")
            .count(),
        1,
        "{human}"
    );
    assert!(
        human.contains("  = the same at 13 more places:\n      src/api01.ts:2:35\n"),
        "{human}"
    );
    assert!(
        human.contains("      … and 3 more (`--format short` lists every finding)"),
        "{human}"
    );
    assert!(
        human.contains("14 warnings"),
        "the summary counts every finding: {human}"
    );
    // Every other format keeps one entry per place.
    let (lines, _) = short(dir.path(), &["."]);
    assert_eq!(lines.len(), 14, "{lines:?}");
}

#[test]
fn quiet_prints_the_findings_only() {
    for format in ["human", "rustc"] {
        let (out, err, code) = run(&[
            "check",
            "tests/fixtures/legacy-client",
            "--today",
            TODAY,
            "--format",
            format,
            "-q",
        ]);
        assert_eq!(code, 1, "the exit code is the run's");
        assert!(out.contains("version-sunset"), "{out}");
        assert!(
            !out.contains("files scanned") && !out.contains("exit 1"),
            "{out}"
        );
        assert!(!out.lines().any(|l| l.starts_with("note: ")), "{out}");
        assert_eq!(err, "");
    }
    // --fix --quiet: no summary on standard error either.
    let dir = tree(&[(
        "client.py",
        "H = {'X-Restli-Protocol-Version': '1.0.0'}\nU = 'https://api.linkedin.com/rest/posts'\n",
    )]);
    let fix = [
        "check",
        ".",
        "--today",
        TODAY,
        "--fix",
        "--unsafe-fixes",
        "--quiet",
    ];
    let (_, err, _) = run_in(dir.path(), &fix);
    assert_eq!(err, "");
    let fixed = std::fs::read_to_string(dir.path().join("client.py")).unwrap();
    assert!(fixed.contains("2.0.0"), "{fixed}");
}

#[test]
fn completions_and_man_page_name_every_subcommand() {
    let subcommands = [
        "check",
        "explain",
        "rules",
        "versions",
        "codegen",
        "explain-error",
        "install-hook",
        "completions",
    ];
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (out, err, code) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        for sub in subcommands {
            assert!(out.contains(sub), "{shell} completion lacks {sub}");
        }
        assert!(
            out.contains("output-format") && out.contains("quiet"),
            "{shell}"
        );
    }
    let (man, _, code) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(man.contains(".TH linkedin-lint 1"), "{man}");
    assert!(man.contains(".SH SUBCOMMANDS"), "{man}");
    for sub in subcommands {
        assert!(
            man.contains(&sub.replace('-', "\\-")),
            "man page lacks {sub}"
        );
    }
    let (page, _, code) = run(&["man", "check"]);
    assert_eq!(code, 0);
    assert!(page.contains(".TH linkedin-lint-check 1"), "{page}");
    assert!(page.contains("\\-\\-statistics"), "{page}");
    let (_, err, code) = run(&["man", "chek"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `check`?"), "{err}");
    let (_, err, code) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'tcsh'"), "{err}");
}

#[test]
fn human_text_wraps_between_words_at_columns() {
    let ends_inside_a_word = regex::Regex::new(r"[A-Za-z0-9]-$").unwrap();
    for width in [40, 47, 54, 61, 68, 75, 82, 89, 96] {
        let out = bin()
            .env("COLUMNS", width.to_string())
            .args(["check", "--today", TODAY])
            .args([
                "tests/fixtures/rules/hardcoded-token",
                "tests/fixtures/legacy-client",
            ])
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        // Prose (messages, help), not the quoted source lines and their frame.
        let prose = out.lines().filter(|l| !l.contains(['│', '·', '╭', '╰']));
        for line in prose {
            assert!(
                !ends_inside_a_word.is_match(line),
                "COLUMNS={width}: {line:?}\n{out}"
            );
            // Wrapped text inside a report; one word longer than the line (a path) stays whole.
            let wrapped = line.starts_with(' ') && line.trim().contains(' ');
            if wrapped && !line.contains("https://") {
                assert!(line.chars().count() <= width, "COLUMNS={width}: {line:?}");
            }
        }
        assert!(out.contains("2-legged"), "COLUMNS={width}\n{out}");
    }
}

#[test]
fn every_user_error_is_one_line_and_a_pointer_to_help() {
    let dir = tree(&[
        (
            "bad-config/linkedin-lint.toml",
            "[severity]\n\tv2-mee = \"error\"\n",
        ),
        ("bad-config/a.py", ME),
        ("bad-toml/linkedin-lint.toml", "exclude = [\n"),
        ("bad-toml/a.py", ME),
        (
            "bad-rules.yaml",
            "schema: 1\nendpoints:\n  - id: x\n    severity: fatal\n",
        ),
        ("a.py", ME),
    ]);
    let cases: [(&[&str], &str); 7] = [
        (
            &["check", "missing.py"],
            "linkedin-lint: error: missing.py: no such file or directory",
        ),
        (
            &["check", "bad-config"],
            "linkedin-lint: error: bad-config/linkedin-lint.toml:2:2: unknown rule or id `v2-mee` (did you mean `v2-me`?",
        ),
        (
            &["check", "bad-toml"],
            "linkedin-lint: error: bad-toml/linkedin-lint.toml:1:",
        ),
        (
            &["check", "--rules", "bad-rules.yaml", "a.py"],
            "linkedin-lint: error: bad-rules.yaml:4:15: endpoints[0].severity: unknown variant `fatal`",
        ),
        (
            &["check", "--rules", "none.yaml", "a.py"],
            "linkedin-lint: error: cannot read none.yaml",
        ),
        (
            &["check", "--today", "2026-02-30", "a.py"],
            "linkedin-lint: error: --today \"2026-02-30\"",
        ),
        (
            &["versions", "--today", "soon"],
            "linkedin-lint: error: --today \"soon\": expected YYYY-MM-DD",
        ),
    ];
    for (args, first) in cases {
        let (_, err, code) = run_in(dir.path(), args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with(first), "{args:?}: {err}");
        assert!(
            err.ends_with("\n\nFor more information, try '--help'.\n"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("linkedin_lint::"), "{args:?}: {err}");
    }
    // The place in the file, with the tab shown escaped and the caret under the id.
    let (_, err, _) = run_in(dir.path(), &["check", "bad-config"]);
    assert!(
        err.contains("\n2 | \\tv2-mee = \"error\"\n  |   ^^^^^^\n"),
        "{err}"
    );
    // --verbose: the full report, with the internal code.
    let (_, err, code) = run_in(dir.path(), &["check", "bad-config", "--verbose"]);
    assert_eq!(code, 2);
    assert!(err.contains("linkedin_lint::config"), "{err}");
    // An option before the command turns the command into a path: say so.
    let (_, err, code) = run(&["--verbose", "check", "."]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`check` is a command: put options after it"),
        "{err}"
    );
}

#[test]
fn command_line_excludes_have_gitignore_negation_too() {
    let dir = tree(&[("vendor/keep.py", ME), ("vendor/drop.py", ME)]);
    let (lines, _) = short(
        dir.path(),
        &[
            ".",
            "--isolated",
            "--exclude",
            "vendor/*",
            "--exclude",
            "!vendor/keep.py",
        ],
    );
    assert_eq!(
        lines,
        ["vendor/keep.py:1:31: warning[endpoint-deprecated/v2-me]"]
    );
}

/// `--timings` adds a table of the run's stages to standard error and changes nothing else:
/// the same report on standard output, the same exit code.
#[test]
fn timings_go_to_stderr_and_leave_the_report_alone() {
    let dir = tree(&[
        ("app.py", ME),
        (
            "lib.go",
            "package lib\n\nconst Base = \"https://api.linkedin.com/v2/me\"\n",
        ),
        ("notes.log", "not ours\n"),
        ("util.py", "print('nothing about the API here')\n"),
    ]);
    let run = |extra: &[&str]| {
        let out = bin()
            .current_dir(dir.path())
            .args(["check", ".", "--format", "json", "--today", TODAY, "-j1"])
            .args(extra)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        // The elapsed time is the only thing that differs between two runs.
        let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        (
            doc["findings"].clone(),
            out.status.code(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (plain, plain_code, plain_err) = run(&[]);
    let (timed, timed_code, err) = run(&["--timings"]);
    assert_eq!(plain, timed);
    assert_eq!(plain_code, timed_code);
    assert_eq!(plain_err, "");
    assert!(err.starts_with("timings: "), "{err}");
    assert!(err.contains("1 worker thread"), "{err}");
    let row = |name: &str| -> Vec<String> {
        let line = err
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no {name} row in\n{err}"));
        line.split_whitespace().map(String::from).collect()
    };
    // Read and prefilter see the three files of known types; two are candidates.
    assert_eq!(row("read")[2], "3", "{err}");
    assert_eq!(row("prefilter")[2], "3", "{err}");
    assert_eq!(row("extract")[2], "2", "{err}");
    assert_eq!(row("python")[2], "1", "{err}");
    assert_eq!(row("go")[2], "1", "{err}");
    assert_eq!(row("check")[2], "2", "{err}");
    for name in ["walk", "tree-wide", "render"] {
        row(name);
    }
}
