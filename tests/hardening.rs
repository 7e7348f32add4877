//! Hostile inputs and hostile surroundings: file names and file contents that try to steer the
//! terminal or the CI log, and `--fix` in directories shared with other users.
// linkedin-lint: allow-file(endpoint-deprecated) -- test inputs

mod common;

use std::path::Path;

use common::{TODAY, bin, tree};

/// A file with two findings: a deprecated endpoint and a sunset version.
const LINKEDIN: &str = "API = 'https://api.linkedin.com/v2/me'\nLINKEDIN_VERSION = '202304'\n";

/// `check . --format FORMAT --color never` in `dir`: (stdout, stderr).
fn check_in(dir: &Path, format: &str, extra: &[&str]) -> (String, String) {
    let out = bin()
        .current_dir(dir)
        .args([
            "check", ".", "--today", TODAY, "--color", "never", "--format", format,
        ])
        .args(extra)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// The GitHub Actions runner reads a line as a workflow command when it starts with `::` after
/// leading white space.
fn is_workflow_command(line: &str) -> bool {
    line.trim_start().starts_with("::")
}

fn assert_inert(format: &str, what: &str, text: &str) {
    // JSON escapes C0 only: DEL and C1 are valid unescaped in JSON strings (and serde_json
    // leaves them so); those formats are for programs, not terminals.
    let json = matches!(format, "json" | "jsonl" | "sarif");
    let raw = |c: char| c.is_control() && c != '\n' && !(json && c >= '\u{7f}');
    if let Some(c) = text.chars().find(|&c| raw(c)) {
        panic!("{format} {what}: raw control character {c:?}:\n{text}");
    }
    if format != "github" {
        if let Some(l) = text.lines().find(|l| is_workflow_command(l)) {
            panic!("{format} {what}: a line reads as a workflow command: {l:?}\n{text}");
        }
    }
}

#[cfg(unix)]
#[test]
fn file_names_and_contents_cannot_inject_control_characters_or_workflow_commands() {
    let content = "X = '\x1b[2J\x07'; LINKEDIN_VERSION = '202304'\n\
                   LINKEDIN_VERSION = '2023\x1b]0;title\x07 ::error file=a::b\x7f\u{9b}31m'\n\
                   LINKEDIN_VERSION = '20\x1b]8;;https://evil.example\x07x\x1b]8;;\x07'\n\
                   note = 'lone\rcarriage'\n\
                   API = 'https://api.linkedin.com/v2/me'\n";
    let dir = tree(&[
        ("x\n::error file=evil.py,line=1::INJECTED.py", LINKEDIN),
        ("\x1b]0;pwned\x07\x1b[31mred\x1b[0m.py", LINKEDIN),
        ("c1\u{9b}31m\u{85}del\x7f.py", LINKEDIN),
        ("::error file=x::leading.py", LINKEDIN),
        (" ::warning file=x::space.py", LINKEDIN),
        ("tab\there\rcr.py", LINKEDIN),
        ("content.py", content),
    ]);

    let (json, _) = check_in(dir.path(), "json", &[]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    for name in [
        "INJECTED.py",
        "red\x1b[0m.py",
        "del\x7f.py",
        "leading.py",
        "space.py",
        "cr.py",
    ] {
        assert!(
            findings
                .iter()
                .any(|f| f["path"].as_str().unwrap().ends_with(name)),
            "no finding in {name:?}: the test would test nothing"
        );
    }
    let in_content = |line: u64| {
        findings.iter().any(|f| {
            f["path"].as_str().unwrap().ends_with("content.py")
                && f["span"]["start"]["line"] == line
        })
    };
    assert!(
        in_content(1) && in_content(2) && in_content(3),
        "findings on the lines with escape sequences:\n{json}"
    );

    let annotation = regex::Regex::new(r"^::(error|warning|notice) [^:]*,title=[^:]*::").unwrap();
    for format in [
        "human", "rustc", "short", "github", "json", "jsonl", "sarif",
    ] {
        let (out, err) = check_in(dir.path(), format, &[]);
        assert_inert(format, "stdout", &out);
        assert_inert(format, "stderr", &err);
        if format == "github" {
            let commands: Vec<&str> = out.lines().filter(|l| is_workflow_command(l)).collect();
            for l in &commands {
                assert!(annotation.is_match(l), "not one of our annotations: {l:?}");
            }
            assert_eq!(commands.len(), findings.len(), "{out}");
            assert!(
                out.contains("file=x\\n%3A%3Aerror file=evil.py%2Cline=1"),
                "{out}"
            );
        }
    }

    let (short, _) = check_in(dir.path(), "short", &[]);
    assert!(
        short.contains("x\\n::error file=evil.py,line=1::INJECTED.py:1:32: warning["),
        "{short}"
    );
    assert!(
        short.contains("\\x1b]0;pwned\\x07\\x1b[31mred\\x1b[0m.py:"),
        "{short}"
    );
    assert!(short.contains("c1\\u{9b}31m\\u{85}del\\x7f.py:"), "{short}");
    assert!(
        short.contains("./::error file=x::leading.py:1:32:"),
        "{short}"
    );
    assert!(short.contains("tab\\there\\rcr.py:"), "{short}");
    assert!(
        short
            .contains("LinkedIn-Version `2023\\x1b]0;title\\x07 ::error file=a::b\\x7f\\u{9b}31m`"),
        "{short}"
    );

    // Snippets show control characters as one visible character each, so the columns of the
    // rustc header and the carets stay those of the finding.
    let (rustc, _) = check_in(dir.path(), "rustc", &[]);
    let col = findings
        .iter()
        .find(|f| {
            f["path"].as_str().unwrap().ends_with("content.py") && f["span"]["start"]["line"] == 1
        })
        .unwrap()["span"]["start"]["column"]
        .as_u64()
        .unwrap();
    assert!(
        rustc.contains(&format!("content.py:1:{col}\n")),
        "column {col}:\n{rustc}"
    );
    let lines: Vec<&str> = rustc.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("1 | X = '␛[2J␇'; LINKEDIN_VERSION = '202304'"))
        .unwrap_or_else(|| panic!("{rustc}"));
    let caret = lines[at + 1].chars().position(|c| c == '^').unwrap();
    let version = lines[at].chars().count() - "202304'".chars().count();
    assert_eq!(caret, version, "{}\n{}", lines[at], lines[at + 1]);
    let (human, _) = check_in(dir.path(), "human", &[]);
    assert!(human.contains("lone␍carriage"), "{human}");
}

/// No control character is needed to start a line with `::` in the default format: miette
/// wraps long help lines, and a help line quoting a file name with a space before `::` could
/// break right there. Which name length breaks there depends on the wrap width, so try many.
/// Text wraps only between words, and Unicode line breaking never breaks before `:`, so no
/// wrap starts a line with `::` today; the escaping stays as the guard if that ever changes.
#[test]
fn wrapped_help_lines_cannot_start_a_workflow_command() {
    for k in 185..=205 {
        let crafted = format!("{} ::error file=x::pwned.py", "p".repeat(k));
        let dir = tree(&[
            ("a.py", "LINKEDIN_VERSION = '202509'\n"),
            (crafted.as_str(), "LINKEDIN_VERSION = '202510'\n"),
        ]);
        let (out, err) = check_in(dir.path(), "human", &[]);
        assert!(out.contains("pinned here"), "{out}{err}");
        assert_inert("human", "stdout", &out);
    }
}

#[cfg(unix)]
mod fix {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    use std::path::Path;
    use std::process::Command;

    use super::common::TODAY;

    fn fixture() -> Vec<u8> {
        std::fs::read("tests/fixtures/fix/python/before.py").unwrap()
    }

    /// Whether this process may change owners (root, or CAP_CHOWN).
    fn privileged(dir: &Path) -> bool {
        let p = dir.join(".probe");
        std::fs::write(&p, "").unwrap();
        let ok = std::os::unix::fs::chown(&p, Some(1234), Some(5678)).is_ok();
        std::fs::remove_file(&p).unwrap();
        ok
    }

    /// `check PATH --fix --format short` as the user `uid`:`gid` (the current user for `None`).
    fn fix_as(dir: &Path, user: Option<(u32, u32)>) -> std::io::Result<std::process::Output> {
        use std::os::unix::process::CommandExt as _;
        let mut c = Command::new(env!("CARGO_BIN_EXE_linkedin-lint"));
        c.env_remove("SOURCE_DATE_EPOCH")
            .env("NO_COLOR", "1")
            .current_dir(dir)
            .args(["check", ".", "--fix", "--today", TODAY, "--format", "short"]);
        if let Some((uid, gid)) = user {
            c.uid(uid).gid(gid);
        }
        c.output()
    }

    #[test]
    fn fix_keeps_owner_group_and_mode() {
        let dir = tempfile::tempdir().unwrap();
        if !privileged(dir.path()) {
            eprintln!("skipped: changing owners needs root");
            return;
        }
        let p = dir.path().join("client.py");
        std::fs::write(&p, fixture()).unwrap();
        std::os::unix::fs::chown(&p, Some(1234), Some(5678)).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        let out = fix_as(dir.path(), None).unwrap();
        assert_ne!(std::fs::read(&p).unwrap(), fixture(), "{out:?}");
        let m = std::fs::metadata(&p).unwrap();
        assert_eq!((m.uid(), m.gid()), (1234, 5678), "owner and group kept");
        assert_eq!(m.mode() & 0o7777, 0o640, "mode kept");
    }

    /// The finding: run as `nobody` in a world-writable directory, `--fix` replaced root's 0644
    /// file (a rename needs only the directory's permission) and the file became nobody's.
    #[test]
    fn fix_as_another_user_does_not_take_over_files() {
        let dir = tempfile::tempdir().unwrap();
        if !privileged(dir.path()) {
            eprintln!("skipped: running as another user needs root");
            return;
        }
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let nobody = (65534, 65534);
        match fix_as(dir.path(), Some(nobody)) {
            Ok(o) if o.status.code().is_some() => {}
            other => {
                eprintln!("skipped: cannot run the binary as nobody here: {other:?}");
                return;
            }
        }
        // Not writable by nobody: must not be replaced.
        let locked = dir.path().join("locked.py");
        std::fs::write(&locked, fixture()).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
        // Writable by nobody, but a replacement would be nobody's: must not be replaced either.
        let shared = dir.path().join("shared.py");
        std::fs::write(&shared, fixture()).unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o666)).unwrap();

        let out = fix_as(dir.path(), Some(nobody)).unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.lines()
                .any(|l| l.contains("locked.py") && l.contains("not writable by this user")),
            "{err}"
        );
        assert!(
            err.lines()
                .any(|l| l.contains("shared.py") && l.contains("is owned by 0:0")),
            "{err}"
        );
        for (p, mode) in [(&locked, 0o644), (&shared, 0o666)] {
            assert_eq!(std::fs::read(p).unwrap(), fixture(), "{}", p.display());
            let m = std::fs::metadata(p).unwrap();
            assert_eq!((m.uid(), m.gid(), m.mode() & 0o777), (0, 0, mode));
        }
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
    }

    /// Temporary files that an interrupted run left behind are removed by a later write to the
    /// same directory once they are old; fresh ones (maybe another run's) and other files stay.
    #[test]
    fn stale_temporary_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("client.py");
        std::fs::write(&p, fixture()).unwrap();
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        let make = |name: &str, old: bool| {
            let f = std::fs::File::create(dir.path().join(name)).unwrap();
            if old {
                f.set_modified(two_hours_ago).unwrap();
            }
        };
        make(".linkedin-lint.Ab3xQ9.tmp", true);
        make(".linkedin-lint.zz00ZZ.tmp", true);
        make(".linkedin-lint.Fr35h1.tmp", false);
        make(".linkedin-lint.notes.tmp", true);
        make("keep.tmp", true);
        let out = fix_as(dir.path(), None).unwrap();
        assert_ne!(std::fs::read(&p).unwrap(), fixture(), "{out:?}");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".linkedin-lint.Fr35h1.tmp",
                ".linkedin-lint.notes.tmp",
                "client.py",
                "keep.tmp"
            ]
        );
    }
}

/// `--target-version` (or a config's `target-version`) that names a month without a release,
/// or one still to come, is refused by every command, as `codegen` refuses it: `--fix` would
/// otherwise write it into code.
#[test]
fn unreleased_target_versions_are_refused_by_check_and_fix() {
    let dir = common::tree(&[("a.py", "LINKEDIN_VERSION = '202304'\n")]);
    for v in ["202412", "209912"] {
        for extra in [&[][..], &["--fix"][..], &["--diff"][..]] {
            let out = bin()
                .current_dir(dir.path())
                .args(["check", ".", "--today", TODAY, "--target-version", v])
                .args(extra)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{v} {extra:?}: {err}");
            assert!(
                err.contains(&format!("--target-version {v}: no such LinkedIn version")),
                "{err}"
            );
        }
    }
    std::fs::write(
        dir.path().join("linkedin-lint.toml"),
        "target-version = \"202412\"\n",
    )
    .unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["check", ".", "--today", TODAY, "--fix"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("linkedin-lint.toml: target-version 202412: no such LinkedIn version"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.py")).unwrap(),
        "LINKEDIN_VERSION = '202304'\n"
    );
}

/// A config or baseline that is a device, or absurdly large, fails at once with an error that
/// names the input and the limit, instead of reading until memory runs out.
#[cfg(unix)]
#[test]
fn config_and_baseline_reads_are_bounded() {
    let dir = common::tree(&[("a.py", LINKEDIN)]);
    for (flag, what, limit) in [
        ("--config", "the config file", 1024 * 1024),
        ("--baseline", "the baseline file", 64 * 1024 * 1024),
    ] {
        let started = std::time::Instant::now();
        let out = bin()
            .current_dir(dir.path())
            .args(["check", ".", "--today", TODAY, flag, "/dev/zero"])
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag}: {err}");
        assert!(
            err.contains(&format!(
                "cannot read /dev/zero: {what} is larger than the {limit}-byte limit"
            )),
            "{err}"
        );
        assert!(
            started.elapsed().as_secs() < 30,
            "{flag}: {:?}",
            started.elapsed()
        );
    }
}

/// 2 million excludes (20 MB): refused by size before parsing; 20,000 short ones (under the
/// size limit): refused by count before compiling any glob. Both name the config.
#[test]
fn configs_with_runaway_glob_lists_fail_fast() {
    let dir = common::tree(&[("a.py", LINKEDIN)]);
    let list = |n: usize| {
        let globs: Vec<String> = (0..n).map(|i| format!("\"g{i}\"")).collect();
        format!("exclude = [{}]\n", globs.join(","))
    };
    std::fs::write(dir.path().join("huge.toml"), list(2_000_000)).unwrap();
    std::fs::write(dir.path().join("many.toml"), list(20_000)).unwrap();
    for (config, expected) in [
        (
            "huge.toml",
            "cannot read huge.toml: the config file is larger than the 1048576-byte limit",
        ),
        (
            "many.toml",
            "many.toml: 20000 include/exclude globs; the limit",
        ),
    ] {
        let started = std::time::Instant::now();
        let out = bin()
            .current_dir(dir.path())
            .args(["check", ".", "--today", TODAY, "--config", config])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{config}: {err}");
        // miette wraps long lines.
        let err = err
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" │ ", " ");
        assert!(err.contains(expected), "{err}");
        assert!(
            started.elapsed().as_secs() < 20,
            "{config}: {:?}",
            started.elapsed()
        );
    }
}

/// Linux file names are bytes: one that is not UTF-8 is scanned, reported with `\xNN` escapes
/// and its exact bytes (JSON `path_bytes`, a percent-encoded SARIF URI), and fixed in place. A
/// backslash is part of a name, not a separator: `a\b.py` is neither shown as nor confused
/// with `a/b.py`.
#[cfg(unix)]
#[test]
fn byte_and_backslash_file_names_are_scanned_reported_and_fixed() {
    use std::os::unix::ffi::OsStrExt;
    let dir = common::tree(&[
        ("a\\b.py", "LINKEDIN_VERSION = '202304'\n"),
        ("a/b.py", "print('no LinkedIn here')\n"),
    ]);
    let name = b"caf\xe9.py";
    let cafe = dir.path().join(std::ffi::OsStr::from_bytes(name));
    std::fs::write(&cafe, "LINKEDIN_VERSION = '202304'\n").unwrap();

    let (out, _) = check_in(dir.path(), "json", &[]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = doc["findings"].as_array().unwrap();
    let sunset = |path: &str| {
        findings
            .iter()
            .find(|f| f["path"] == path && f["rule"] == "version-sunset")
            .unwrap_or_else(|| panic!("no version-sunset in {path}: {out}"))
    };
    let f = sunset("caf\\xe9.py");
    let bytes: Vec<u8> = serde_json::from_value(f["path_bytes"].clone()).unwrap();
    assert_eq!(bytes, name);
    assert!(sunset("a\\b.py").get("path_bytes").is_none());
    assert!(!findings.iter().any(|f| f["path"] == "a/b.py"), "{out}");

    let (out, _) = check_in(dir.path(), "sarif", &[]);
    assert!(out.contains("\"uri\": \"caf%E9.py\""), "{out}");
    let (out, _) = check_in(dir.path(), "short", &[]);
    assert!(
        out.contains("caf\\xe9.py:1:21: error[version-sunset/"),
        "{out}"
    );

    check_in(dir.path(), "short", &["--fix", "--unsafe-fixes"]);
    assert_eq!(
        std::fs::read_to_string(&cafe).unwrap(),
        "LINKEDIN_VERSION = '202609'\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a\\b.py")).unwrap(),
        "LINKEDIN_VERSION = '202609'\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a/b.py")).unwrap(),
        "print('no LinkedIn here')\n"
    );
}

/// Every file that is not scanned says so in every format: a `notes` array (JSON), `note`
/// lines (JSONL), `toolExecutionNotifications` (SARIF), `note:` lines with the report (human,
/// rustc) or on standard error (short, github).
#[cfg(unix)]
#[test]
fn every_file_not_scanned_is_a_note_in_every_format() {
    use std::os::unix::ffi::OsStrExt;
    let big = format!("LINKEDIN_VERSION = '202304'\n{}", "# padding\n".repeat(200));
    let dir = common::tree(&[("big.py", &big), ("ok.py", LINKEDIN)]);
    std::fs::write(dir.path().join("nul.py"), [0u8; 100]).unwrap();
    let odd = dir.path().join(std::ffi::OsStr::from_bytes(b"big\xff.py"));
    std::fs::write(&odd, &big).unwrap();
    std::os::unix::fs::symlink("loop.py", dir.path().join("loop.py")).unwrap();
    let extra = ["--max-filesize", "1000", "--follow-links"];
    let expected = [
        ("big.py", "too-large"),
        ("big\\xff.py", "too-large"),
        ("loop.py", "unreadable"),
        ("nul.py", "binary"),
    ];

    let (out, _) = check_in(dir.path(), "json", &extra);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let notes: Vec<(String, String)> = doc["notes"]
        .as_array()
        .unwrap_or_else(|| panic!("no notes: {out}"))
        .iter()
        .map(|n| {
            (
                n["path"].as_str().unwrap().into(),
                n["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(p, k)| (p.to_string(), k.to_string()))
        .collect();
    assert_eq!(notes, want);
    let odd_note = &doc["notes"][1];
    let bytes: Vec<u8> = serde_json::from_value(odd_note["path_bytes"].clone()).unwrap();
    assert_eq!(bytes, b"big\xff.py");

    let (out, _) = check_in(dir.path(), "jsonl", &extra);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let noted: Vec<(String, String)> = lines
        .iter()
        .filter(|l| l["type"] == "note")
        .map(|n| {
            (
                n["path"].as_str().unwrap().into(),
                n["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(noted, want);
    assert_eq!(lines.last().unwrap()["type"], "summary");

    let (out, _) = check_in(dir.path(), "sarif", &extra);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let notifications = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap_or_else(|| panic!("no notifications: {out}"))
        .clone();
    let ids: Vec<(String, String)> = notifications
        .iter()
        .map(|n| {
            let uri = &n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
            (
                uri.as_str().unwrap().into(),
                n["descriptor"]["id"].as_str().unwrap().into(),
            )
        })
        .collect();
    let mut want_uris = want.clone();
    want_uris[1].0 = "big%FF.py".into();
    assert_eq!(ids, want_uris);

    for format in ["human", "rustc", "short", "github"] {
        let (out, err) = check_in(dir.path(), format, &extra);
        let shown = if matches!(format, "short" | "github") {
            &err
        } else {
            &out
        };
        for (path, _) in expected {
            assert!(
                shown
                    .lines()
                    .any(|l| l.contains("note: ") && l.contains(&format!("{path}: "))),
                "{format}: no note for {path}\nstdout:\n{out}\nstderr:\n{err}"
            );
        }
    }
}

/// A scan keeps a few lines per finding, not whole files: 200 files of 3 MB with findings
/// would otherwise hold 600 MB until the report is written. Only the lines a finding can point
/// at (one line of context either side) are kept; the others are empty, so line and column
/// numbers still hold.
#[test]
fn a_scan_keeps_the_lines_findings_show_not_whole_files() {
    let filler = "x = compute_something(1, 2, 3)  # nothing to see here\n".repeat(20_000);
    let text = format!(
        "{filler}API = 'https://api.linkedin.com/v2/me'\n{filler}LINKEDIN_VERSION = '202304'\n{filler}"
    );
    assert!(text.len() > 3_000_000);
    let linter = linkedin_lint::Linter::builder()
        .today(TODAY)
        .build()
        .unwrap();
    let scan = linter.check_text("big.py", &text);
    assert_eq!(scan.findings.len(), 2, "{:?}", scan.findings);
    let kept = &scan.sources["big.py"];
    let lines = text.lines().count();
    // One byte per line break, plus the lines shown.
    assert!(kept.len() < lines + 1_000, "{} bytes kept", kept.len());
    for f in &scan.findings {
        let line = kept.lines().nth(f.span.start.line - 1).unwrap();
        assert!(
            line.contains("LINKEDIN") || line.contains("linkedin.com"),
            "{line:?}"
        );
    }
}
