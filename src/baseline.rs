//! Baselines: adopt the linter on a codebase that already has findings.
//!
//! `--write-baseline FILE` records the current findings; `--baseline FILE` then reports only
//! findings that are not in it, and lists the entries that no longer match anything so they
//! can be dropped. An entry is keyed by path, rule, id and the finding's source line with its
//! whitespace collapsed — not by line number, so editing the file above a finding keeps it
//! baselined. The line comes from the report's masked text, so no secret is ever written.
//! Paths are relative to the baseline file's directory, so a baseline works from any
//! directory of the project.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::walk::{self, GlobScope, normalize};
use crate::{Error, Finding, Scan};

/// The baseline file format version.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    schema_version: u32,
    entries: Vec<Entry>,
}

/// One recorded finding (or several identical ones: `count`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// `/`-separated, relative to the baseline file's directory.
    pub path: String,
    pub rule: String,
    pub id: String,
    /// The finding's first line, trimmed, whitespace collapsed, secrets masked.
    pub text: String,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

type Key = (String, String, String, String);

/// A loaded baseline.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The file, as given.
    pub path: PathBuf,
    /// The directory entry paths are relative to (absolute).
    dir: PathBuf,
    entries: BTreeMap<Key, usize>,
}

/// What filtering a scan through a baseline did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Findings that matched an entry and were removed.
    pub matched: usize,
    /// Entries of scanned files that matched no finding: fixed or changed, to be dropped.
    pub stale: Vec<Entry>,
}

impl Baseline {
    /// Read a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, Error> {
        let limit = crate::input::MAX_BASELINE;
        let text =
            crate::input::read_text_limited(path, limit, "the baseline file").map_err(|e| {
                Error::Io {
                    path: walk::display_path(path),
                    message: e.to_string(),
                }
            })?;
        let file: File = serde_json::from_str(&text).map_err(|e| {
            Error::Usage(format!(
                "{}: not a baseline file: {e}",
                walk::display_path(path)
            ))
        })?;
        if file.schema_version != SCHEMA_VERSION {
            return Err(Error::Usage(format!(
                "{}: baseline schema_version {} is not supported (expected {SCHEMA_VERSION})",
                walk::display_path(path),
                file.schema_version
            )));
        }
        let mut entries = BTreeMap::new();
        for e in file.entries {
            *entries.entry((e.path, e.rule, e.id, e.text)).or_default() += e.count;
        }
        Ok(Baseline {
            path: path.to_path_buf(),
            dir: dir_of(path)?,
            entries,
        })
    }

    /// Remove the findings of `scan` that the baseline records. `roots` are the paths that
    /// were scanned: only entries below them can be stale (a pre-commit run over three files
    /// says nothing about the rest of the baseline).
    pub fn filter(&self, scan: &mut Scan, roots: &[PathBuf]) -> Result<Outcome, Error> {
        let cwd = cwd()?;
        let mut left = self.entries.clone();
        let mut matched = 0;
        let mut keep = Vec::with_capacity(scan.findings.len());
        for f in std::mem::take(&mut scan.findings) {
            let key = key(&f, scan, &self.dir, &cwd);
            match left.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    matched += 1;
                }
                _ => keep.push(f),
            }
        }
        scan.findings = keep;
        let roots: Vec<PathBuf> = roots.iter().map(|r| normalize(&cwd.join(r))).collect();
        let stale = left
            .into_iter()
            .filter(|(k, n)| {
                let file = normalize(&self.dir.join(&k.0));
                *n > 0 && roots.iter().any(|r| file.starts_with(r))
            })
            .map(|((path, rule, id, text), count)| Entry {
                path,
                rule,
                id,
                text,
                count,
            })
            .collect();
        Ok(Outcome { matched, stale })
    }
}

/// Write the findings of `scan` as a baseline at `path`, atomically (a reader never sees a
/// half-written file). Returns the number of findings recorded.
pub fn write(path: &Path, scan: &Scan) -> Result<usize, Error> {
    let dir = dir_of(path)?;
    let cwd = cwd()?;
    let mut counts: BTreeMap<Key, usize> = BTreeMap::new();
    for f in &scan.findings {
        *counts.entry(key(f, scan, &dir, &cwd)).or_default() += 1;
    }
    let entries = counts
        .into_iter()
        .map(|((path, rule, id, text), count)| Entry {
            path,
            rule,
            id,
            text,
            count,
        })
        .collect();
    let doc = File {
        schema_version: SCHEMA_VERSION,
        entries,
    };
    let mut json = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    json.push('\n');
    let io = |e: std::io::Error| Error::Io {
        path: walk::display_path(path),
        message: e.to_string(),
    };
    // The atomic writer: a new file gets the usual mode (umask applies), an existing one
    // keeps its own.
    crate::atomic_write::replace(path, json.as_bytes(), None).map_err(io)?;
    Ok(scan.findings.len())
}

/// A filter that keeps the baseline file itself out of the scan: it quotes the lines of the
/// findings it records, so reading it as JSON would report them again.
pub fn exclude_itself(path: &Path) -> GlobScope {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    GlobScope {
        base: path.parent().unwrap_or(Path::new("")).to_path_buf(),
        include: Vec::new(),
        exclude: name
            .map(|n| format!("/{}", globset::escape(&n)))
            .into_iter()
            .collect(),
    }
}

/// The key of a finding: its path relative to `dir`, rule, id and normalised line.
fn key(f: &Finding, scan: &Scan, dir: &Path, cwd: &Path) -> Key {
    let path = relative(&normalize(&cwd.join(&f.path)), dir);
    let line = scan
        .sources
        .get(&f.path)
        .and_then(|t| t.lines().nth(f.span.start.line - 1))
        .unwrap_or("");
    let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
    (path, f.rule.name().to_string(), f.id.clone(), text)
}

impl Outcome {
    /// The closing message (for standard error, so JSON output stays one document).
    pub fn message(&self, baseline: &Path) -> String {
        let name = walk::display_path(baseline);
        let mut out = String::new();
        if self.matched > 0 {
            out.push_str(&format!(
                "linkedin-lint: {} finding{} in the baseline {name} not shown\n",
                self.matched,
                if self.matched == 1 { "" } else { "s" }
            ));
        }
        if !self.stale.is_empty() {
            let n: usize = self.stale.iter().map(|e| e.count).sum();
            let (entries, match_, them) = if n == 1 {
                ("entry", "matches", "it")
            } else {
                ("entries", "match", "them")
            };
            out.push_str(&format!(
                "linkedin-lint: {n} baseline {entries} in {name} no longer {match_} (fixed or changed); drop {them} with --write-baseline {name}:\n"
            ));
            for e in &self.stale {
                let times = if e.count > 1 {
                    format!(" (×{})", e.count)
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "  {} {}/{}: {}{times}\n",
                    e.path, e.rule, e.id, e.text
                ));
            }
        }
        out
    }
}

/// `path` relative to `dir` (both absolute and normalised), with `..` where needed.
fn relative(path: &Path, dir: &Path) -> String {
    let (p, d): (Vec<_>, Vec<_>) = (path.components().collect(), dir.components().collect());
    let common = p.iter().zip(&d).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..d.len() {
        rel.push("..");
    }
    rel.extend(&p[common..]);
    walk::display_path(&rel)
}

fn dir_of(path: &Path) -> Result<PathBuf, Error> {
    let parent = path.parent().unwrap_or(Path::new(""));
    Ok(normalize(&cwd()?.join(parent)))
}

fn cwd() -> Result<PathBuf, Error> {
    std::env::current_dir().map_err(|e| Error::Io {
        path: ".".into(),
        message: e.to_string(),
    })
}
