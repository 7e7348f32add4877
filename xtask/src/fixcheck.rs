//! `cargo xtask fixcheck --mirrors DIR`: check `--fix` on real code.
//!
//! For each repository of the labelled real-world set (`tests/realworld/labels/*.tsv`) the
//! labelled commit is extracted from its mirror (as `cargo xtask realworld` does), scanned once
//! for the findings and their fixes, and then fixed twice, each time on a fresh copy: with
//! `--fix` (machine-applicable fixes) and with `--fix --unsafe-fixes`. Every file a run changed
//! is checked:
//!
//! - **parse**: it still parses (Rust with syn, most other languages with tree-sitter, JSON,
//!   YAML and TOML with their parsers) if it parsed cleanly before;
//! - **new findings**: a re-scan finds nothing in it, at or above the severity of the findings
//!   fixed there, that the first scan did not (compared as a `(rule, id)` multiset: lines move);
//! - **idempotent**: a second `--fix` changes nothing;
//! - **span**: only bytes inside the edits of the findings' fixes changed.
//!
//! The third-party code is only ever in a temporary directory.
// linkedin-lint: allow-file(hardcoded-token) -- unit-test inputs (fake credentials)

use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::realworld::{extract, git_dir};

const USAGE: &str =
    "usage: cargo xtask fixcheck --mirrors DIR [--labels DIR] [--repo NAME] [--show] [--keep]";
/// The rubric's reference date, as in `realworld`.
const TODAY: &str = "2026-11-23";

pub fn main(args: &[String]) -> i32 {
    if cfg!(not(feature = "grammars")) {
        eprintln!(
            "fixcheck: built without the `grammars` feature, so only Rust, JSON, YAML and TOML \
             are parse-checked; `cargo fixcheck --mirrors DIR` checks every language"
        );
    }
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fixcheck: {e}");
            2
        }
    }
}

struct Args {
    mirrors: PathBuf,
    labels: PathBuf,
    only: Option<String>,
    show: bool,
    keep: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        mirrors: PathBuf::new(),
        labels: crate::bench::workspace_root().join("tests/realworld/labels"),
        only: None,
        show: false,
        keep: false,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--mirrors" => a.mirrors = value()?.into(),
            "--labels" => a.labels = value()?.into(),
            "--repo" => a.only = Some(value()?),
            "--show" => a.show = true,
            "--keep" => a.keep = true,
            _ => return Err(USAGE.into()),
        }
    }
    if a.mirrors.as_os_str().is_empty() {
        return Err(USAGE.into());
    }
    Ok(a)
}

/// The repository and commit of a label file (its first row).
fn repo_of(file: &Path) -> Result<(String, String), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    text.lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .and_then(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .ok_or_else(|| format!("{}: no rows", file.display()))
}

// ---------------------------------------------------------------------------------------------
// Findings, as the linter's JSON reports them.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Edit {
    start: usize,
    end: usize,
    replacement: String,
}

#[derive(Clone, Debug)]
struct Finding {
    path: String,
    rule: String,
    id: String,
    severity: Severity,
    line: u64,
    message: String,
    /// `(machine-applicable?, edits)`.
    fix: Option<(bool, Vec<Edit>)>,
}

impl Finding {
    fn kind(&self) -> String {
        format!("{}/{}", self.rule, self.id)
    }
}

fn findings_of(doc: &serde_json::Value) -> Vec<Finding> {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("?").to_string();
    doc["findings"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|f| Finding {
            path: s(&f["path"]).trim_start_matches("./").to_string(),
            rule: s(&f["rule"]),
            id: s(&f["id"]),
            severity: match f["severity"].as_str() {
                Some("error") => Severity::Error,
                Some("warning") => Severity::Warning,
                _ => Severity::Info,
            },
            line: f["span"]["start"]["line"].as_u64().unwrap_or(0),
            message: s(&f["message"]),
            fix: f["fix"].as_object().map(|fix| {
                let edits = fix["edits"]
                    .as_array()
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .map(|e| Edit {
                        start: e["byte_start"].as_u64().unwrap_or(0) as usize,
                        end: e["byte_end"].as_u64().unwrap_or(0) as usize,
                        replacement: s(&e["replacement"]),
                    })
                    .collect();
                (fix["applicability"] == "machine-applicable", edits)
            }),
        })
        .collect()
}

/// `linkedin-lint check . --format json …` in `root`: the findings, and what it said on stderr.
fn lint(exe: &Path, root: &Path, extra: &[&str]) -> Result<(Vec<Finding>, String), String> {
    let out = Command::new(exe)
        .args(["check", ".", "--format", "json", "--today", TODAY])
        .args(extra)
        .current_dir(root)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", exe.display()))?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "`check {}` in {} printed no JSON ({e}); stderr: {stderr}",
            extra.join(" "),
            root.display()
        )
    })?;
    Ok((findings_of(&doc), stderr))
}

// ---------------------------------------------------------------------------------------------
// Trees on disk.

fn digest(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// Relative path → digest of every regular file under `root`.
fn hash_tree(root: &Path) -> BTreeMap<String, u64> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .ok()?
                .to_string_lossy()
                .into_owned();
            Some((rel, digest(&std::fs::read(e.path()).ok()?)))
        })
        .collect()
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).expect("under from");
        let target = to.join(rel);
        let res = if e.file_type().is_dir() {
            std::fs::create_dir_all(&target)
        } else if e.file_type().is_file() {
            std::fs::copy(e.path(), &target).map(drop)
        } else {
            Ok(())
        };
        res.map_err(|err| format!("{}: {err}", target.display()))?;
    }
    Ok(())
}

/// Paths whose digest differs between two trees (including files added or removed).
fn changed(a: &BTreeMap<String, u64>, b: &BTreeMap<String, u64>) -> Vec<String> {
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The pure checks.

fn overlaps(a: &Edit, b: &Edit) -> bool {
    (a.start < b.end && b.start < a.end)
        || (a.start == a.end && b.start == b.end && a.start == b.start)
}

/// The fixes `--fix` should have applied to one file, chosen as the linter documents it: in
/// file order, a machine-applicable fix before a maybe-incorrect one on the same range, the same
/// edits applied once, and a fix that overlaps one already chosen left out. Returns the indices
/// (into `fixes`) of the fixed findings and the expected new contents.
fn expected(before: &[u8], fixes: &[(usize, bool, &[Edit])]) -> (Vec<usize>, Vec<u8>) {
    let mut cands: Vec<(usize, bool, Vec<Edit>)> = fixes
        .iter()
        .filter(|(_, _, e)| !e.is_empty())
        .map(|&(i, safe, e)| {
            let mut e = e.to_vec();
            e.sort_by_key(|x| (x.start, x.end));
            (i, safe, e)
        })
        .collect();
    cands.sort_by_key(|(i, safe, e)| (e[0].start, e[e.len() - 1].end, !safe, *i));
    let mut accepted: Vec<Vec<Edit>> = Vec::new();
    let mut fixed = Vec::new();
    for (i, _, edits) in cands {
        let fits = edits
            .iter()
            .all(|e| e.start <= e.end && e.end <= before.len());
        if !fits {
            continue;
        }
        if accepted.contains(&edits) {
            fixed.push(i);
        } else if !accepted
            .iter()
            .any(|a| a.iter().any(|x| edits.iter().any(|y| overlaps(x, y))))
        {
            accepted.push(edits);
            fixed.push(i);
        }
    }
    let mut all: Vec<&Edit> = accepted.iter().flatten().collect();
    all.sort_by_key(|e| (e.start, e.end));
    let mut out = Vec::with_capacity(before.len());
    let mut at = 0;
    for e in all {
        out.extend_from_slice(&before[at.min(e.start)..e.start]);
        out.extend_from_slice(e.replacement.as_bytes());
        at = e.end;
    }
    out.extend_from_slice(&before[at.min(before.len())..]);
    (fixed, out)
}

/// Whether `after` differs from `before` only inside `edits` (any of them, applied or not):
/// the bytes between the merged edit ranges must all be there, in order, and nothing else outside
/// them. `None` if so, else the byte offset in `before` of the first gap that did not survive.
fn out_of_span(before: &[u8], after: &[u8], edits: &[&Edit]) -> Option<usize> {
    // Merge the ranges; what lies between them (the gaps) must be kept verbatim.
    let mut ranges: Vec<(usize, usize)> = edits
        .iter()
        .map(|e| (e.start.min(before.len()), e.end.min(before.len())))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    // gaps[k] = (offset in before, bytes); a wildcard stands between consecutive gaps.
    let mut gaps = Vec::new();
    let mut at = 0;
    for &(s, e) in &merged {
        gaps.push((at, &before[at..s]));
        at = e;
    }
    gaps.push((at, &before[at..]));
    if merged.is_empty() {
        return (before != after).then(|| common_prefix(before, after));
    }
    // Glob matching with `*` only: anchored first and last gaps, the others leftmost.
    let (first, last) = (gaps[0], gaps[gaps.len() - 1]);
    if !after.starts_with(first.1) {
        return Some(first.0 + common_prefix(first.1, after));
    }
    if after.len() < first.1.len() + last.1.len() || !after.ends_with(last.1) {
        return Some(last.0);
    }
    let mut pos = first.1.len();
    let end = after.len() - last.1.len();
    for &(off, gap) in &gaps[1..gaps.len() - 1] {
        match find(&after[pos..end], gap) {
            Some(i) => pos += i + gap.len(),
            None => return Some(off),
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Findings of the re-scan, at or above `floor`, that the first scan did not have: `(rule, id)`
/// compared as multisets, since lines move when a fix adds or removes some.
fn new_findings<'a>(
    before: &[&Finding],
    after: &[&'a Finding],
    floor: Severity,
) -> Vec<&'a Finding> {
    let mut have: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in before.iter().filter(|f| f.severity >= floor) {
        *have.entry((&f.rule, &f.id)).or_default() += 1;
    }
    let mut new = Vec::new();
    for f in after.iter().filter(|f| f.severity >= floor) {
        match have.get_mut(&(f.rule.as_str(), f.id.as_str())) {
            Some(n) if *n > 0 => *n -= 1,
            _ => new.push(*f),
        }
    }
    new
}

// ---------------------------------------------------------------------------------------------
// Does it parse?

enum Parsed {
    Clean,
    /// Where the first error is (1-based line) and what it is.
    Broken(usize, String),
    NotChecked,
}

#[cfg(feature = "grammars")]
fn grammar(path: &str) -> Option<tree_sitter::Language> {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    Some(match ext.as_str() {
        "py" | "pyi" => tree_sitter_python::LANGUAGE.into(),
        "js" | "mjs" | "cjs" | "jsx" => tree_sitter_javascript::LANGUAGE.into(),
        "ts" | "mts" | "cts" => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
        "tsx" => tree_sitter_typescript::LANGUAGE_TSX.into(),
        "go" => tree_sitter_go::LANGUAGE.into(),
        "java" => tree_sitter_java::LANGUAGE.into(),
        "rb" | "rake" | "gemspec" => tree_sitter_ruby::LANGUAGE.into(),
        "php" => tree_sitter_php::LANGUAGE_PHP.into(),
        "cs" => tree_sitter_c_sharp::LANGUAGE.into(),
        "kt" | "kts" => tree_sitter_kotlin_ng::LANGUAGE.into(),
        _ => return None,
    })
}

fn parses(path: &str, bytes: &[u8]) -> Parsed {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let text = || String::from_utf8_lossy(bytes);
    let by = |r: Result<(), (usize, String)>| match r {
        Ok(()) => Parsed::Clean,
        Err((line, msg)) => Parsed::Broken(line, msg),
    };
    match ext.as_str() {
        "rs" => by(syn::parse_file(&text())
            .map(drop)
            .map_err(|e| (e.span().start().line, e.to_string()))),
        "json" => by(serde_json::from_slice::<serde_json::Value>(bytes)
            .map(drop)
            .map_err(|e| (e.line(), e.to_string()))),
        "yml" | "yaml" => {
            use serde::Deserialize as _;
            let t = text();
            for doc in serde_yaml::Deserializer::from_str(&t) {
                if let Err(e) = serde_yaml::Value::deserialize(doc) {
                    let line = e.location().map_or(0, |l| l.line());
                    return Parsed::Broken(line, e.to_string());
                }
            }
            Parsed::Clean
        }
        "toml" => by(toml::from_str::<toml::Table>(&text())
            .map(drop)
            .map_err(|e| (0, e.message().to_string()))),
        #[cfg(feature = "grammars")]
        _ => match grammar(path) {
            None => Parsed::NotChecked,
            Some(lang) => tree_sitter_errors(lang, bytes),
        },
        #[cfg(not(feature = "grammars"))]
        _ => Parsed::NotChecked,
    }
}

#[cfg(feature = "grammars")]
fn tree_sitter_errors(lang: tree_sitter::Language, bytes: &[u8]) -> Parsed {
    let mut parser = tree_sitter::Parser::new();
    if parser.set_language(&lang).is_err() {
        return Parsed::NotChecked;
    }
    let Some(tree) = parser.parse(bytes, None) else {
        return Parsed::NotChecked;
    };
    if !tree.root_node().has_error() {
        return Parsed::Clean;
    }
    // The first ERROR or MISSING node, depth first.
    let mut cursor = tree.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            let what = if node.is_missing() {
                format!("MISSING {}", node.kind())
            } else {
                "ERROR".to_string()
            };
            return Parsed::Broken(node.start_position().row + 1, what);
        }
        if node.has_error() && cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return Parsed::Broken(0, "error".into());
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One repository.

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum FailKind {
    Parse,
    NewFinding,
    NotIdempotent,
    OutOfSpan,
}

impl FailKind {
    fn name(self) -> &'static str {
        match self {
            FailKind::Parse => "parse failure",
            FailKind::NewFinding => "new finding",
            FailKind::NotIdempotent => "not idempotent",
            FailKind::OutOfSpan => "out-of-span change",
        }
    }
}

struct Failure {
    mode: &'static str,
    kind: FailKind,
    path: String,
    detail: String,
    excerpt: String,
}

#[derive(Default)]
struct ModeResult {
    files_changed: usize,
    /// `(rule/id, applicability)` → fixes applied.
    fixes: BTreeMap<(String, &'static str), usize>,
    parse_checked: usize,
    /// Changed files that did not parse cleanly before the fix either.
    parse_broken_before: usize,
    /// Changed files in a language no parser here reads: extension → count.
    not_parse_checked: BTreeMap<String, usize>,
    /// Files whose new contents are not the recorded edits applied as documented (but stay
    /// inside their spans): the linter chose differently from `expected`.
    other_selection: usize,
    /// What the linter said it refused to fix (stderr lines).
    refused: Vec<String>,
    failures: Vec<Failure>,
}

impl ModeResult {
    fn count(&self, k: FailKind) -> usize {
        self.failures.iter().filter(|f| f.kind == k).count()
    }
    fn fixes_applied(&self) -> usize {
        self.fixes.values().sum()
    }
}

struct RepoResult {
    repo: String,
    findings: usize,
    fixable: usize,
    modes: Vec<ModeResult>,
}

const MODES: [(&str, &[&str]); 2] = [
    ("fix", &["--fix"]),
    ("unsafe", &["--fix", "--unsafe-fixes"]),
];

fn check_repo(
    exe: &Path,
    git: &Path,
    repo: &str,
    commit: &str,
    keep: bool,
) -> Result<RepoResult, String> {
    let tmp = std::env::temp_dir().join(format!(
        "linkedin-lint-fixcheck-{}-{}",
        std::process::id(),
        repo.replace('/', "+")
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    let base = tmp.join("base");
    std::fs::create_dir_all(&base).map_err(|e| format!("{}: {e}", base.display()))?;
    let result = (|| {
        extract(git, commit, &base)?;
        let (scan, _) = lint(exe, &base, &[])?;
        let base_hashes = hash_tree(&base);
        let mut modes = Vec::new();
        for (i, (name, flags)) in MODES.iter().enumerate() {
            let dir = tmp.join(name);
            copy_tree(&base, &dir)?;
            modes.push(check_mode(
                exe,
                &base,
                &dir,
                &base_hashes,
                &scan,
                name,
                flags,
                i == 1,
            )?);
        }
        Ok(RepoResult {
            repo: repo.to_string(),
            findings: scan.len(),
            fixable: scan.iter().filter(|f| f.fix.is_some()).count(),
            modes,
        })
    })();
    if keep {
        eprintln!("fixcheck: kept {}", tmp.display());
    } else {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn check_mode(
    exe: &Path,
    base: &Path,
    dir: &Path,
    base_hashes: &BTreeMap<String, u64>,
    scan: &[Finding],
    mode: &'static str,
    flags: &[&str],
    unsafe_fixes: bool,
) -> Result<ModeResult, String> {
    let mut r = ModeResult::default();
    let (_, stderr) = lint(exe, dir, flags)?;
    r.refused = stderr
        .lines()
        .filter(|l| {
            l.starts_with("linkedin-lint: ")
                && !l.contains("fixed ")
                && !l.contains("nothing to fix")
        })
        .map(mask)
        .collect();
    let fixed_hashes = hash_tree(dir);
    let files = changed(base_hashes, &fixed_hashes);
    r.files_changed = files.len();
    let (rescan, _) = lint(exe, dir, &[])?;

    let read = |root: &Path, p: &str| std::fs::read(root.join(p)).unwrap_or_default();
    let mut fixed_contents: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
    for path in &files {
        let before = read(base, path);
        let after = read(dir, path);
        let fail = |kind, detail: String, excerpt: String| Failure {
            mode,
            kind,
            path: path.clone(),
            detail,
            excerpt,
        };
        // The fixes this mode may apply to this file.
        let eligible: Vec<(usize, bool, &[Edit])> = scan
            .iter()
            .enumerate()
            .filter(|(_, f)| &f.path == path)
            .filter_map(|(i, f)| {
                let (safe, edits) = f.fix.as_ref()?;
                (*safe || unsafe_fixes).then_some((i, *safe, edits.as_slice()))
            })
            .collect();
        let (applied, want) = expected(&before, &eligible);
        let spans: Vec<&Edit> = eligible.iter().flat_map(|(_, _, e)| e.iter()).collect();
        if let Some(off) = out_of_span(&before, &after, &spans) {
            let line = before[..off.min(before.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            r.failures.push(fail(
                FailKind::OutOfSpan,
                format!(
                    "line {line}: bytes outside every fix edit changed ({} fix edits in file)",
                    spans.len()
                ),
                excerpt(&before, &after, Some(line)),
            ));
        } else if after != want {
            r.other_selection += 1;
        }
        for &i in &applied {
            let f = &scan[i];
            let app = match f.fix {
                Some((true, _)) => "machine-applicable",
                _ => "maybe-incorrect",
            };
            *r.fixes.entry((f.kind(), app)).or_default() += 1;
        }

        // (a) It still parses.
        match parses(path, &before) {
            Parsed::NotChecked => {
                let ext = Path::new(path).extension().map_or("(none)".into(), |e| {
                    e.to_string_lossy().to_ascii_lowercase()
                });
                *r.not_parse_checked.entry(ext).or_default() += 1;
            }
            Parsed::Broken(..) => r.parse_broken_before += 1,
            Parsed::Clean => {
                r.parse_checked += 1;
                if let Parsed::Broken(line, msg) = parses(path, &after) {
                    r.failures.push(fail(
                        FailKind::Parse,
                        format!("line {line}: {}", mask(&msg)),
                        excerpt(&before, &after, Some(line)),
                    ));
                }
            }
        }

        // (b) Nothing new at or above the severity of what was fixed here.
        let floor = applied
            .iter()
            .map(|&i| scan[i].severity)
            .min()
            .unwrap_or(Severity::Info);
        let old: Vec<&Finding> = scan.iter().filter(|f| &f.path == path).collect();
        let now: Vec<&Finding> = rescan.iter().filter(|f| &f.path == path).collect();
        for f in new_findings(&old, &now, floor) {
            r.failures.push(fail(
                FailKind::NewFinding,
                format!(
                    "line {}: {} {:?}: {}",
                    f.line,
                    f.kind(),
                    f.severity,
                    mask(&f.message)
                ),
                excerpt(&before, &after, Some(f.line as usize)),
            ));
        }
        fixed_contents.insert(path, after);
    }

    // (c) A second run changes nothing.
    lint(exe, dir, flags)?;
    for path in changed(&fixed_hashes, &hash_tree(dir)) {
        let first = fixed_contents
            .get(path.as_str())
            .cloned()
            .unwrap_or_else(|| read(base, &path));
        let second = read(dir, &path);
        r.failures.push(Failure {
            mode,
            kind: FailKind::NotIdempotent,
            detail: "a second --fix changed it again".into(),
            excerpt: excerpt(&first, &second, None),
            path,
        });
    }
    Ok(r)
}

// ---------------------------------------------------------------------------------------------
// Showing it.

/// Anything that looks like a credential: a long run of word characters mixing letters and
/// digits (a JWT's parts, an API key, a client secret) keeps its first four characters. Names
/// (`oauth2_access_token`: letters, underscores, a digit) are not tokens.
fn mask(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let letters = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
        if word.len() >= 20 && letters >= 2 && digits >= 2 {
            out.extend(word.chars().take(4));
            out.push_str("…[masked]");
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+') {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The changed lines nearest `near` (1-based line of `before` or `after`), as `-`/`+` lines.
fn excerpt(before: &[u8], after: &[u8], near: Option<usize>) -> String {
    let (b, a) = (
        String::from_utf8_lossy(before),
        String::from_utf8_lossy(after),
    );
    let diff = similar::TextDiff::from_lines(b.as_ref(), a.as_ref());
    let groups = diff.grouped_ops(0);
    let distance = |g: &Vec<similar::DiffOp>| {
        let line = g.first().map_or(0, |op| op.old_range().start + 1);
        near.map_or(0, |n| line.abs_diff(n))
    };
    let Some(group) = groups.iter().min_by_key(|g| distance(g)) else {
        return "      (no line changed)".into();
    };
    let mut out = String::new();
    let mut shown = 0;
    for op in group {
        for change in diff.iter_changes(op) {
            if shown == 8 {
                out.push_str("      …\n");
                return out;
            }
            let sign = match change.tag() {
                similar::ChangeTag::Delete => '-',
                similar::ChangeTag::Insert => '+',
                similar::ChangeTag::Equal => ' ',
            };
            let line = change.value().trim_end_matches(['\n', '\r']);
            let line: String = line.chars().take(160).collect();
            let at = change
                .old_index()
                .or(change.new_index())
                .map_or(0, |i| i + 1);
            out.push_str(&format!("      {sign}{at:>5} {}\n", mask(&line)));
            shown += 1;
        }
    }
    out
}

fn run(args: &[String]) -> Result<i32, String> {
    let a = parse_args(args)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&a.labels)
        .map_err(|e| format!("{}: {e}", a.labels.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let exe = crate::bench::build_release()?;
    let mut results = Vec::new();
    let mut skipped = Vec::new();
    for f in &files {
        let (repo, commit) = repo_of(f)?;
        if a.only.as_ref().is_some_and(|o| !repo.contains(o.as_str())) {
            continue;
        }
        let Some(git) = git_dir(&a.mirrors, &repo) else {
            skipped.push(repo);
            continue;
        };
        eprintln!("fixcheck: {repo}");
        results.push(check_repo(&exe, &git, &repo, &commit, a.keep)?);
    }
    let failures = print_results(&a, &results, &skipped);
    Ok(if failures > 0 { 1 } else { 0 })
}

/// Prints the table (and with `--show` every failure); returns the number of failures.
fn print_results(a: &Args, results: &[RepoResult], skipped: &[String]) -> usize {
    let header = format!(
        "{:<48} {:<6} {:>5} {:>5} {:>5} {:>6} {:>5} {:>5} {:>5} {:>6} {:>5}",
        "repository",
        "mode",
        "finds",
        "fixbl",
        "files",
        "fixes",
        "parse",
        "new",
        "idem",
        "span",
        "other"
    );
    println!("{header}");
    println!(
        "{:<48} {:<6} {:>5} {:>5} {:>5} {:>6} {:>5} {:>5} {:>5} {:>6} {:>5}",
        "", "", "", "", "chgd", "", "fail", "find", "fail", "fail", "sel"
    );
    let mut totals: Vec<ModeResult> = MODES.iter().map(|_| ModeResult::default()).collect();
    let mut total_failures = 0;
    for r in results {
        for (i, m) in r.modes.iter().enumerate() {
            println!(
                "{:<48} {:<6} {:>5} {:>5} {:>5} {:>6} {:>5} {:>5} {:>5} {:>6} {:>5}",
                if i == 0 { r.repo.as_str() } else { "" },
                MODES[i].0,
                if i == 0 {
                    r.findings.to_string()
                } else {
                    String::new()
                },
                if i == 0 {
                    r.fixable.to_string()
                } else {
                    String::new()
                },
                m.files_changed,
                m.fixes_applied(),
                m.count(FailKind::Parse),
                m.count(FailKind::NewFinding),
                m.count(FailKind::NotIdempotent),
                m.count(FailKind::OutOfSpan),
                m.other_selection,
            );
            let t = &mut totals[i];
            t.files_changed += m.files_changed;
            for (k, n) in &m.fixes {
                *t.fixes.entry(k.clone()).or_default() += n;
            }
            t.parse_checked += m.parse_checked;
            t.parse_broken_before += m.parse_broken_before;
            for (k, n) in &m.not_parse_checked {
                *t.not_parse_checked.entry(k.clone()).or_default() += n;
            }
            t.other_selection += m.other_selection;
            total_failures += m.failures.len();
        }
    }
    let all: Vec<&Failure> = results
        .iter()
        .flat_map(|r| r.modes.iter().flat_map(|m| &m.failures))
        .collect();
    for (i, (mode, _)) in MODES.iter().enumerate() {
        let t = &totals[i];
        let n = |k| {
            all.iter()
                .filter(|f| f.mode == *mode && f.kind == k)
                .count()
        };
        println!(
            "{:<48} {:<6} {:>5} {:>5} {:>5} {:>6} {:>5} {:>5} {:>5} {:>6} {:>5}",
            if i == 0 {
                format!("total ({} repositories)", results.len())
            } else {
                String::new()
            },
            mode,
            if i == 0 {
                results
                    .iter()
                    .map(|r| r.findings)
                    .sum::<usize>()
                    .to_string()
            } else {
                String::new()
            },
            if i == 0 {
                results.iter().map(|r| r.fixable).sum::<usize>().to_string()
            } else {
                String::new()
            },
            t.files_changed,
            t.fixes_applied(),
            n(FailKind::Parse),
            n(FailKind::NewFinding),
            n(FailKind::NotIdempotent),
            n(FailKind::OutOfSpan),
            t.other_selection,
        );
    }
    println!();
    for (i, (mode, _)) in MODES.iter().enumerate() {
        let t = &totals[i];
        println!(
            "--{mode}: {} changed files parse-checked, {} already unparsable before (skipped), not parse-checked: {}",
            t.parse_checked,
            t.parse_broken_before,
            if t.not_parse_checked.is_empty() {
                "none".to_string()
            } else {
                t.not_parse_checked
                    .iter()
                    .map(|(e, n)| format!(".{e} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );
        for ((kind, app), n) in &t.fixes {
            println!("    {n:>5}  {kind} ({app})");
        }
    }
    if !skipped.is_empty() {
        println!("no mirror for: {}", skipped.join(", "));
    }
    if a.show {
        for r in results {
            let fails: Vec<&Failure> = r.modes.iter().flat_map(|m| &m.failures).collect();
            let refused: BTreeSet<&String> = r.modes.iter().flat_map(|m| &m.refused).collect();
            if fails.is_empty() && refused.is_empty() {
                continue;
            }
            println!("\n== {}", r.repo);
            for l in refused {
                println!("  refused: {l}");
            }
            for f in fails {
                println!("  [{}] {}: {}  {}", f.mode, f.kind.name(), f.path, f.detail);
                print!("{}", f.excerpt);
            }
        }
    }
    println!(
        "\n{} failure(s); goal: 0 parse failures, 0 new findings, 0 non-idempotent files, 0 out-of-span changes",
        total_failures
    );
    total_failures
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, replacement: &str) -> Edit {
        Edit {
            start,
            end,
            replacement: replacement.into(),
        }
    }

    fn finding(rule: &str, severity: Severity) -> Finding {
        Finding {
            path: "a.py".into(),
            rule: rule.into(),
            id: "x".into(),
            severity,
            line: 1,
            message: String::new(),
            fix: None,
        }
    }

    #[test]
    fn changes_inside_the_edits_only() {
        let before = b"v = '202304'\nw = 'r_liteprofile'\n";
        let e1 = edit(5, 11, "202609");
        let e2 = edit(18, 31, "profile");
        let good = b"v = '202609'\nw = 'profile'\n";
        assert_eq!(out_of_span(before, good, &[&e1, &e2]), None);
        // An edit that was not applied (e.g. it overlapped another) is fine too.
        assert_eq!(
            out_of_span(before, b"v = '202609'\nw = 'r_liteprofile'\n", &[&e1, &e2]),
            None
        );
        // A changed byte outside the edits: the line ending, or a quote next to an edit.
        assert_eq!(
            out_of_span(before, b"v = '202609'\r\nw = 'profile'\n", &[&e1, &e2]),
            Some(11)
        );
        assert_eq!(
            out_of_span(before, b"v = \"202609'\nw = 'profile'\n", &[&e1, &e2]),
            Some(4)
        );
        assert_eq!(
            out_of_span(before, b"v = '202609'\nw = 'profile'\n#", &[&e1, &e2]),
            Some(31)
        );
        // No edit at all: any change is out of span.
        assert_eq!(out_of_span(b"abc", b"abd", &[]), Some(2));
        assert_eq!(out_of_span(b"abc", b"abc", &[]), None);
        // An insertion (empty range) may add bytes at its offset only.
        let ins = edit(3, 3, "X");
        assert_eq!(out_of_span(b"abcdef", b"abcXdef", &[&ins]), None);
        assert_eq!(out_of_span(b"abcdef", b"abcdXef", &[&ins]), Some(3));
    }

    #[test]
    fn expected_selection_first_wins_and_dedupes() {
        let before = b"0123456789";
        let a = [edit(2, 4, "ab")];
        let b = [edit(3, 5, "XY")]; // overlaps a: left out
        let c = [edit(2, 4, "ab")]; // same as a: counted, applied once
        let d = [edit(8, 8, "!")];
        let (fixed, out) = expected(
            before,
            &[(0, true, &a), (1, true, &b), (2, false, &c), (3, true, &d)],
        );
        assert_eq!(fixed, vec![0, 2, 3]);
        assert_eq!(out, b"01ab4567!89");
    }

    #[test]
    fn new_findings_are_a_multiset_difference_above_the_floor() {
        let before = [
            finding("deprecated-scope", Severity::Warning),
            finding("version", Severity::Error),
        ];
        let b: Vec<&Finding> = before.iter().collect();
        let after = [
            finding("deprecated-scope", Severity::Warning), // still there: not new
            finding("deprecated-scope", Severity::Warning), // a second one: new
            finding("hint", Severity::Info),                // below the floor
        ];
        let a: Vec<&Finding> = after.iter().collect();
        let new = new_findings(&b, &a, Severity::Warning);
        assert_eq!(new.len(), 1);
        assert_eq!(new[0].rule, "deprecated-scope");
        assert_eq!(new_findings(&b, &a, Severity::Info).len(), 2);
        assert!(new_findings(&b, &a, Severity::Error).is_empty());
    }

    #[test]
    #[cfg(feature = "grammars")]
    fn parse_check_by_language() {
        let clean = |p: &str, t: &str| matches!(parses(p, t.as_bytes()), Parsed::Clean);
        assert!(clean("a.py", "scopes = ['openid', 'profile']\n"));
        assert!(!clean("a.py", "scopes = ['openid', 'profile'\n"));
        assert!(clean("a.ts", "const v: string = '202609';\n"));
        assert!(!clean("a.ts", "const v: string = '202609;\n"));
        assert!(clean("a.rs", "const V: &str = \"202609\";"));
        assert!(!clean("a.rs", "const V: &str = \"202609\""));
        assert!(!clean("a.json", "{\"v\": 1,}"));
        assert!(matches!(parses("a.md", b"# x"), Parsed::NotChecked));
    }

    #[test]
    fn masks_what_looks_like_a_token() {
        assert_eq!(
            mask("Bearer AQV8x9kLmN0pQrStUvWxYz123456 ok 202304"),
            "Bearer AQV8…[masked] ok 202304"
        );
        assert_eq!(
            mask("?oauth2_access_token=AQV8x9kLmN0pQrStUvWxYz123456"),
            "?oauth2_access_token=AQV8…[masked]"
        );
        assert_eq!(
            mask("https://api.linkedin.com/rest/posts"),
            "https://api.linkedin.com/rest/posts"
        );
    }
}
