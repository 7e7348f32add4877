//! `--fix` never writes wrong code: the bytes written for scopes outside scope lists, for
//! changes of API version or response shape, and for half migrations (fixtures in
//! `tests/fixtures/fix/safety/`), and the property that a fix never creates a finding.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{TODAY, bin};
use linkedin_lint::fix::{self, FixOptions};
use linkedin_lint::{Linter, ScanOptions, Severity};

const SAFETY: &str = "tests/fixtures/fix/safety";

/// The files of the safety fixture (`before/`).
fn safety_files() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(Path::new(SAFETY).join("before"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A temporary copy of `before/`.
fn copy_safety() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in safety_files() {
        std::fs::copy(
            Path::new(SAFETY).join("before").join(&name),
            dir.path().join(&name),
        )
        .unwrap();
    }
    dir
}

fn check(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin()
        .arg("check")
        .arg(dir)
        .args(["--today", TODAY, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_bytes(name: &str, got: &[u8], want: &[u8]) {
    if got != want {
        let (g, w) = (String::from_utf8_lossy(got), String::from_utf8_lossy(want));
        panic!(
            "{name}: written file differs (- expected, + got):\n{}",
            similar::TextDiff::from_lines(w.as_ref(), g.as_ref()).unified_diff()
        );
    }
}

/// Run `--fix ARGS` on a copy of `before/`, compare every file with `expected/`, then run
/// again and check nothing changes.
fn fixes_to(args: &[&str], expected: &str) {
    let dir = copy_safety();
    let mut fix_args = vec!["--fix"];
    fix_args.extend_from_slice(args);
    check(dir.path(), &fix_args);
    let once: Vec<Vec<u8>> = safety_files()
        .iter()
        .map(|name| {
            let got = std::fs::read(dir.path().join(name)).unwrap();
            let want = std::fs::read(Path::new(SAFETY).join(expected).join(name)).unwrap();
            assert_bytes(name, &got, &want);
            got
        })
        .collect();
    let (_, _, err) = check(dir.path(), &fix_args);
    assert!(err.contains("nothing to fix"), "second run: {err}");
    for (name, before) in safety_files().iter().zip(once) {
        assert_eq!(
            std::fs::read(dir.path().join(name)).unwrap(),
            before,
            "{name}: second --fix changed it"
        );
    }
}

/// Plain `--fix` writes only what keeps the program's meaning: `w_share` → `w_member_social`
/// in a PHP scope array, and nothing else. Not the OpenID Connect scopes (the files still call
/// `/v2/me`, and other code may), not `in_array('w_share', …)`, not the version bump, not
/// `X-Restli-Protocol-Version: 2.0.0` next to 1.0-style `sort.field` parameters, not
/// `/v2/adAccountsV2` → `/rest/adAccounts`.
#[test]
fn plain_fix_writes_only_meaning_preserving_edits() {
    fixes_to(&[], "after-safe");
}

/// `--unsafe-fixes` rewrites scope lists (each scope its own item, `openid` once) and never a
/// scope outside one: PHP `in_array`, Go `append(scopes, …)`, a map key, `==`, Rust
/// `serde(rename)`, Java `Map.of`, Python `.append(x)` and `("x")`, JS `===` stay as they are.
/// `/v2/me` → `/v2/userinfo` drops the projection, as its help says, and has no fix when the
/// projection is built outside the string. `/v2/adAccountsV2` → `/rest/adAccounts` is made in
/// `client.py`, which sends `LinkedIn-Version`, and not in `ads.js`, which does not.
#[test]
fn unsafe_fixes_rewrite_scope_lists_and_nothing_that_only_looks_like_one() {
    fixes_to(&["--unsafe-fixes"], "after-unsafe");
}

/// Where a deprecated scope has no automatic fix, its help says what to change by hand.
#[test]
fn scopes_outside_lists_have_no_fix_and_say_what_to_do() {
    let (_, out, _) = check(Path::new(SAFETY).join("before").as_path(), &[]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = |f: &serde_json::Value| {
        let p = Path::new(f["path"].as_str().unwrap());
        let t = std::fs::read_to_string(p).unwrap();
        let line = f["span"]["start"]["line"].as_u64().unwrap() as usize;
        t.lines().nth(line - 1).unwrap().to_string()
    };
    let mut manual = Vec::new();
    for f in doc["findings"].as_array().unwrap() {
        if f["rule"] != "scope-deprecated" {
            continue;
        }
        let line = text(f);
        let in_list = [
            "$scopes = [",
            "$posting = [",
            "Scopes = []string{",
            "SCOPES = [",
        ]
        .iter()
        .any(|p| line.contains(p))
            || line.contains("List.of(")
            || line.contains("SCOPES: &[&str]")
            || line.contains("SCOPE: &str")
            || line.contains("const scope =")
            || line.contains("options = { scope:");
        if in_list {
            assert!(f["fix"].is_object(), "list item without fix: {line}");
        } else {
            assert!(f["fix"].is_null(), "fix outside a scope list: {line}");
            let help = f["help"].as_str().unwrap();
            assert!(
                help.contains("No automatic fix here") && help.contains("Change it by hand"),
                "{help}"
            );
            manual.push(line.trim().to_string());
        }
    }
    // in_array ×2, PHP map value, Go map key, append ×2, ==, serde, Map.of ×2, Python ×2, JS ===.
    assert_eq!(manual.len(), 13, "{manual:#?}");
}

/// Findings of a scan, counted by (path, rule, id), with their severity.
fn counts(scan: &linkedin_lint::Scan) -> BTreeMap<(String, String, String), (usize, Severity)> {
    let mut m = BTreeMap::new();
    for f in &scan.findings {
        let e = m
            .entry((f.path.clone(), f.rule.to_string(), f.id.clone()))
            .or_insert((0, f.severity));
        e.0 += 1;
    }
    m
}

/// Scan `dir`, apply the fixes of `opts`, scan again: no finding is new at or above the
/// severity of the least severe finding fixed in that file.
fn no_new_findings(dir: &Path, opts: FixOptions) -> usize {
    let linter = Linter::builder().today(TODAY).build().unwrap();
    let before = linter.scan(&ScanOptions::paths([dir])).unwrap();
    let mut plan = fix::plan(&before, opts);
    let mut floor: BTreeMap<String, Severity> = BTreeMap::new();
    // An unsafe `/v2/…` → `/rest/…` move leaves the request without `LinkedIn-Version` when the
    // file sends none: the help of those entries says to add it, and `version-missing` then
    // points at the request. The only exception, and never for a safe fix.
    let mut moved_to_rest: Vec<String> = Vec::new();
    for f in &plan.files {
        if f.fixed.iter().any(|&i| {
            before.findings[i].fix.as_ref().is_some_and(|x| {
                x.applicability == linkedin_lint::finding::Applicability::MaybeIncorrect
                    && x.edits.iter().any(|e| e.replacement.contains("rest/"))
            })
        }) {
            moved_to_rest.push(f.path.clone());
        }
        let min = f
            .fixed
            .iter()
            .map(|&i| before.findings[i].severity)
            .min()
            .unwrap();
        floor.insert(f.path.clone(), min);
    }
    plan.write();
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    let after = linter.scan(&ScanOptions::paths([dir])).unwrap();
    let (b, a) = (counts(&before), counts(&after));
    for (key, (n, sev)) in &a {
        let Some(min) = floor.get(&key.0) else {
            continue; // not changed
        };
        let was = b.get(key).map_or(0, |x| x.0);
        if key.1 == "version-missing" && moved_to_rest.contains(&key.0) {
            continue;
        }
        assert!(
            *n <= was || sev < min,
            "{}: the fixes created {key:?} ({sev}), fixed findings were at least {min}",
            dir.display()
        );
    }
    floor.len()
}

/// Every fix kind (versions, Rest.li, endpoints, `/uas/oauth2/`, scope lists in arrays, YAML,
/// `.env`, `scope=` parameters, scope strings), in every fixture language: the safe fixes never
/// create a finding, and neither do the unsafe ones on these fixtures.
#[test]
fn a_fix_never_creates_a_finding() {
    let mut dirs: Vec<PathBuf> = Vec::new();
    for case in std::fs::read_dir("tests/fixtures/fix").unwrap() {
        let case = case.unwrap().path();
        let before: Vec<PathBuf> = std::fs::read_dir(&case)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("before"))
            })
            .collect();
        for b in before {
            dirs.push(b);
        }
    }
    let mut changed = 0;
    for unsafe_fixes in [false, true] {
        for src in &dirs {
            let dir = tempfile::tempdir().unwrap();
            if src.is_dir() {
                for e in std::fs::read_dir(src).unwrap() {
                    let p = e.unwrap().path();
                    std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
                }
            } else {
                std::fs::copy(src, dir.path().join(src.file_name().unwrap())).unwrap();
            }
            changed += no_new_findings(dir.path(), FixOptions { unsafe_fixes });
        }
    }
    assert!(
        changed >= 10,
        "the fixtures exercise fixes ({changed} files)"
    );
}

/// `explain` states the principle and the new applicability.
#[test]
fn explain_shows_the_principle_and_each_applicability() {
    let explain = |id: &str| {
        let out = bin().args(["explain", id]).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    for id in ["r-liteprofile", "r-emailaddress"] {
        let s = explain(id);
        assert!(s.contains("fix: maybe-incorrect"), "{s}");
        assert!(s.contains("only inside a list of requested scopes"), "{s}");
        assert!(s.contains("Fix safety:"), "{s}");
    }
    for (id, fix) in [
        ("ad-accounts-v2", "fix: maybe-incorrect"),
        ("uas-oauth2", "fix: machine-applicable"),
        ("w-share", "fix: machine-applicable"),
        ("version-sunset-dated", "fix: maybe-incorrect"),
        ("restli-protocol-2", "fix: maybe-incorrect"),
        ("bearer-scheme", "fix: none"),
    ] {
        let s = explain(id).replace('\n', " ");
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(s.contains(fix), "{id}: {s}");
    }
}
