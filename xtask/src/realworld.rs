//! `cargo xtask realworld --mirrors DIR`: score the linter on real public code that someone
//! labelled line by line (`tests/realworld/labels/*.tsv`, rubric in `tests/realworld/README.md`).
//!
//! For each labelled repository the labelled commit is extracted from its git mirror
//! (`DIR/<owner>+<name>/repo`, as the search tool's `fetch` leaves it, or `DIR/<owner>+<name>` as a
//! bare repository) into a temporary tree, the release binary checks the whole tree (so findings
//! that need other files are possible), and findings on labelled files are scored per line:
//! a finding on a positive line is a true positive, on an `ok` line or an unlabelled non-comment
//! line a false positive; `unsure` lines count for neither. The third-party code never enters
//! this repository: only the label rows do.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const USAGE: &str = "usage: cargo xtask realworld --mirrors DIR [--labels DIR] [--show misses|fps|all] [--repo NAME] [--json] [--exe BINARY] [--keep DIR]";
/// The rubric's reference date.
const TODAY: &str = "2026-11-23";

pub fn main(args: &[String]) -> i32 {
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("realworld: {e}");
            2
        }
    }
}

struct Args {
    mirrors: PathBuf,
    labels: PathBuf,
    show: Show,
    only: Option<String>,
    json: bool,
    /// A linter binary to score instead of this workspace's release build.
    exe: Option<PathBuf>,
    /// Keep each extracted tree under this directory (for reading misses by hand).
    keep: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq)]
enum Show {
    Nothing,
    Misses,
    Fps,
    All,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        mirrors: PathBuf::new(),
        labels: crate::bench::workspace_root().join("tests/realworld/labels"),
        show: Show::Nothing,
        only: None,
        json: false,
        exe: None,
        keep: None,
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
            "--json" => a.json = true,
            "--exe" => a.exe = Some(value()?.into()),
            "--keep" => a.keep = Some(value()?.into()),
            "--show" => {
                a.show = match value()?.as_str() {
                    "misses" => Show::Misses,
                    "fps" => Show::Fps,
                    "all" => Show::All,
                    other => return Err(format!("--show {other}: expected misses, fps or all")),
                }
            }
            _ => return Err(USAGE.into()),
        }
    }
    if a.mirrors.as_os_str().is_empty() {
        return Err(USAGE.into());
    }
    Ok(a)
}

/// One labelled line after collapsing its rows (most severe verdict wins).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Verdict {
    Ok,
    Unsure,
    Positive,
}

struct Row {
    path: String,
    line: u64,
    verdict: Verdict,
    literal: String,
}

struct Labels {
    repo: String,
    commit: String,
    rows: Vec<Row>,
}

fn read_labels(file: &Path) -> Result<Labels, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut repo = String::new();
    let mut commit = String::new();
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let at = || format!("{}:{}", file.display(), n + 1);
        if cols.len() < 7 {
            return Err(format!("{}: expected 8 tab-separated columns", at()));
        }
        if repo.is_empty() {
            repo = cols[0].to_string();
            commit = cols[1].to_string();
        } else if repo != cols[0] || commit != cols[1] {
            return Err(format!("{}: one repository and commit per file", at()));
        }
        let verdict = match cols[6] {
            "deprecated" | "outdated-version" | "missing-header" => Verdict::Positive,
            "unsure" => Verdict::Unsure,
            "ok" => Verdict::Ok,
            v => return Err(format!("{}: unknown verdict {v:?}", at())),
        };
        rows.push(Row {
            path: cols[2].to_string(),
            line: cols[3]
                .parse()
                .map_err(|_| format!("{}: bad line {:?}", at(), cols[3]))?,
            verdict,
            literal: cols[5].to_string(),
        });
    }
    if repo.is_empty() {
        return Err(format!("{}: no rows", file.display()));
    }
    Ok(Labels { repo, commit, rows })
}

pub(crate) fn git_dir(mirrors: &Path, repo: &str) -> Option<PathBuf> {
    let base = mirrors.join(repo.replace('/', "+"));
    [
        base.join("repo"),
        base.join("repo/.git"),
        base.clone(),
        base.join(".git"),
    ]
    .into_iter()
    .find(|d| d.join("HEAD").is_file() && d.join("objects").is_dir())
}

/// Write the files of `commit` into `dest`. Not `git archive`: snapshots lack their largest
/// blobs, which `git cat-file --batch` reports as missing and we skip.
pub(crate) fn extract(git: &Path, commit: &str, dest: &Path) -> Result<(), String> {
    use std::io::{BufRead, BufReader, Read, Write};
    let git_cmd = || {
        let mut c = Command::new("git");
        c.arg("--git-dir").arg(git);
        c
    };
    let tree = git_cmd()
        .args(["ls-tree", "-r", "-z", commit])
        .output()
        .map_err(|e| format!("git ls-tree: {e}"))?;
    if !tree.status.success() {
        return Err(format!("git ls-tree {commit} in {} failed", git.display()));
    }
    // "<mode> blob <sha>\t<path>", NUL-separated; regular files only (no links, no submodules).
    let entries: Vec<(String, String)> = tree
        .stdout
        .split(|&b| b == 0)
        .filter_map(|e| {
            let e = std::str::from_utf8(e).ok()?;
            let (meta, path) = e.split_once('\t')?;
            let mut m = meta.split(' ');
            let (mode, kind, sha) = (m.next()?, m.next()?, m.next()?);
            (kind == "blob" && mode.starts_with("100")).then(|| (sha.to_string(), path.to_string()))
        })
        .collect();
    let mut child = git_cmd()
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("git cat-file: {e}"))?;
    let mut stdin = child.stdin.take().unwrap();
    let shas: Vec<String> = entries.iter().map(|(s, _)| s.clone()).collect();
    let feeder = std::thread::spawn(move || {
        for s in shas {
            if writeln!(stdin, "{s}").is_err() {
                break;
            }
        }
    });
    let mut out = BufReader::new(child.stdout.take().unwrap());
    for (_, path) in &entries {
        let mut header = String::new();
        out.read_line(&mut header).map_err(|e| e.to_string())?;
        let parts: Vec<&str> = header.split_whitespace().collect();
        if parts.get(1) == Some(&"missing") || parts.len() < 3 {
            continue;
        }
        let size: usize = parts[2]
            .parse()
            .map_err(|_| format!("cat-file: {header}"))?;
        let mut body = vec![0; size + 1]; // the blob and its trailing newline
        out.read_exact(&mut body).map_err(|e| e.to_string())?;
        body.pop();
        let target = dest.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&target, &body).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    let _ = feeder.join();
    let _ = child.wait();
    // A git index beside the files, as a checkout has: the linter reads it to visit files a
    // repository commits although its `.gitignore` lists them (a Spring
    // `application.properties`), so the score is what a user running in the clone gets.
    std::fs::create_dir_all(dest.join(".git")).map_err(|e| format!("{}: {e}", dest.display()))?;
    let index = git_cmd()
        .env("GIT_INDEX_FILE", dest.join(".git").join("index"))
        .args(["read-tree", commit])
        .output()
        .map_err(|e| format!("git read-tree: {e}"))?;
    if !index.status.success() {
        return Err(format!(
            "git read-tree {commit} in {} failed",
            git.display()
        ));
    }
    Ok(())
}

/// A finding reduced to what scoring needs.
struct Hit {
    path: String,
    line: u64,
    what: String,
}

fn lint(exe: &Path, root: &Path) -> Result<Vec<Hit>, String> {
    let out = Command::new(exe)
        .args(["check", ".", "--format", "json", "--today", TODAY])
        .current_dir(root)
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", exe.display()))?;
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("linter output in {} is not JSON: {e}", root.display()))?;
    let findings = doc["findings"].as_array().cloned().unwrap_or_default();
    Ok(findings
        .iter()
        // The rubric labels API usage, not secrets: `hardcoded-token` is not scored.
        .filter(|f| f["rule"] != "hardcoded-token")
        .map(|f| Hit {
            path: f["path"]
                .as_str()
                .unwrap_or("")
                .trim_start_matches("./")
                .to_string(),
            line: f["span"]["start"]["line"].as_u64().unwrap_or(0),
            what: format!(
                "{}/{} {}",
                f["rule"].as_str().unwrap_or("?"),
                f["id"].as_str().unwrap_or("?"),
                f["severity"].as_str().unwrap_or("?")
            ),
        })
        .collect())
}

/// Comment lines are unscored (rubric): a line whose code starts a comment in the file's language.
fn is_comment(path: &str, text: &str) -> bool {
    let t = text.trim_start();
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let prose = matches!(ext.as_str(), "md" | "markdown" | "rst" | "txt" | "adoc");
    if prose {
        return t.starts_with("<!--");
    }
    let hash = matches!(
        ext.as_str(),
        "py" | "rb"
            | "sh"
            | "bash"
            | "zsh"
            | "r"
            | "yml"
            | "yaml"
            | "toml"
            | "pl"
            | "pm"
            | "ex"
            | "exs"
            | "ps1"
            | "cfg"
            | "ini"
            | "env"
            | "properties"
            | "rd"
            | "rmd"
            | "mk"
    ) || path.ends_with("Makefile")
        || path.ends_with("Dockerfile")
        || path.contains(".env");
    t.starts_with("//")
        || t.starts_with("/*")
        || t.starts_with("* ")
        || t == "*"
        || t.starts_with("*/")
        || t.starts_with("<!--")
        || (hash && t.starts_with('#'))
        || (ext == "php" && t.starts_with('#'))
        || (ext == "hs" && t.starts_with("--"))
        || (matches!(ext.as_str(), "sql" | "lua") && t.starts_with("--"))
}

#[derive(Default, Clone, Copy)]
struct Score {
    positives: u64,
    tp: u64,
    fp: u64,
    unsure_hit: u64,
}

impl Score {
    fn recall(&self) -> f64 {
        ratio(self.tp, self.positives)
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn add(&mut self, o: &Score) {
        self.positives += o.positives;
        self.tp += o.tp;
        self.fp += o.fp;
        self.unsure_hit += o.unsure_hit;
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

struct Report {
    repo: String,
    score: Score,
    misses: Vec<String>,
    fps: Vec<String>,
}

fn score_repo(
    exe: &Path,
    git: &Path,
    labels: &Labels,
    keep: Option<&Path>,
) -> Result<Report, String> {
    // By repository and commit: an older snapshot of a repository has a label file of its own.
    let name = format!(
        "{}@{}",
        labels.repo.replace('/', "+"),
        labels.commit.get(..7).unwrap_or(&labels.commit)
    );
    let tmp = match keep {
        Some(dir) => dir.join(&name),
        None => std::env::temp_dir().join(format!(
            "linkedin-lint-realworld-{}-{name}",
            std::process::id(),
        )),
    };
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
    let result = (|| {
        extract(git, &labels.commit, &tmp)?;
        let hits = lint(exe, &tmp)?;
        Ok::<_, String>(tally(&tmp, labels, &hits))
    })();
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

fn tally(root: &Path, labels: &Labels, hits: &[Hit]) -> Report {
    // (path, line) → collapsed verdict and a literal to show.
    let mut lines: BTreeMap<(&str, u64), (Verdict, &str)> = BTreeMap::new();
    for r in &labels.rows {
        let e = lines
            .entry((r.path.as_str(), r.line))
            .or_insert((r.verdict, &r.literal));
        if r.verdict > e.0 {
            *e = (r.verdict, &r.literal);
        }
    }
    let files: BTreeSet<&str> = labels.rows.iter().map(|r| r.path.as_str()).collect();
    let mut hit_at: BTreeMap<(&str, u64), Vec<&str>> = BTreeMap::new();
    for h in hits.iter().filter(|h| files.contains(h.path.as_str())) {
        hit_at
            .entry((h.path.as_str(), h.line))
            .or_default()
            .push(&h.what);
    }
    let mut s = Score::default();
    let mut misses = Vec::new();
    let mut fps = Vec::new();
    let mut text_cache: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (&(path, line), &(verdict, literal)) in &lines {
        let found = hit_at.get(&(path, line));
        match verdict {
            Verdict::Positive => {
                s.positives += 1;
                if found.is_some() {
                    s.tp += 1;
                } else {
                    misses.push(format!("{path}:{line}  {literal}"));
                }
            }
            Verdict::Unsure => s.unsure_hit += u64::from(found.is_some()),
            Verdict::Ok => {
                if let Some(w) = found {
                    s.fp += 1;
                    fps.push(format!(
                        "{path}:{line}  ok-labelled {literal:?}  {}",
                        w.join(", ")
                    ));
                }
            }
        }
    }
    for (&(path, line), what) in &hit_at {
        if lines.contains_key(&(path, line)) {
            continue;
        }
        let text = text_cache.entry(path).or_insert_with(|| {
            std::fs::read(root.join(path))
                .map(|b| {
                    String::from_utf8_lossy(&b)
                        .lines()
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default()
        });
        let src = text
            .get(line as usize - 1)
            .map(String::as_str)
            .unwrap_or("");
        if is_comment(path, src) {
            continue;
        }
        s.fp += 1;
        fps.push(format!("{path}:{line}  unlabelled  {}", what.join(", ")));
    }
    Report {
        repo: labels.repo.clone(),
        score: s,
        misses,
        fps,
    }
}

fn run(args: &[String]) -> Result<i32, String> {
    let a = parse(args)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&a.labels)
        .map_err(|e| format!("{}: {e}", a.labels.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let exe = match &a.exe {
        Some(e) => e.clone(),
        None => crate::bench::build_release()?,
    };
    let mut reports = Vec::new();
    let mut skipped = Vec::new();
    for f in &files {
        let labels = read_labels(f)?;
        if a.only
            .as_ref()
            .is_some_and(|o| !labels.repo.contains(o.as_str()))
        {
            continue;
        }
        let Some(git) = git_dir(&a.mirrors, &labels.repo) else {
            skipped.push(labels.repo.clone());
            continue;
        };
        reports.push(score_repo(&exe, &git, &labels, a.keep.as_deref())?);
    }
    print_reports(&a, &reports, &skipped);
    Ok(0)
}

fn print_reports(a: &Args, reports: &[Report], skipped: &[String]) {
    let mut total = Score::default();
    let (mut macro_r, mut macro_p) = (0.0, 0.0);
    for r in reports {
        total.add(&r.score);
        macro_r += r.score.recall();
        macro_p += r.score.precision();
    }
    let n = reports.len().max(1) as f64;
    if a.json {
        let repos: Vec<_> = reports
            .iter()
            .map(|r| {
                serde_json::json!({"repo": r.repo, "positives": r.score.positives, "tp": r.score.tp,
                    "fp": r.score.fp, "unsure_hits": r.score.unsure_hit,
                    "recall": r.score.recall(), "precision": r.score.precision()})
            })
            .collect();
        let doc = serde_json::json!({"today": TODAY, "repos": repos, "micro": {
            "positives": total.positives, "tp": total.tp, "fp": total.fp,
            "recall": total.recall(), "precision": total.precision()},
            "macro": {"recall": macro_r / n, "precision": macro_p / n}, "skipped": skipped});
        println!("{}", serde_json::to_string_pretty(&doc).unwrap());
        return;
    }
    println!(
        "{:<52} {:>5} {:>4} {:>4} {:>4} {:>7} {:>9}",
        "repository", "pos", "tp", "fn", "fp", "recall", "precision"
    );
    for r in reports {
        let s = &r.score;
        println!(
            "{:<52} {:>5} {:>4} {:>4} {:>4} {:>7.3} {:>9.3}",
            r.repo,
            s.positives,
            s.tp,
            s.positives - s.tp,
            s.fp,
            s.recall(),
            s.precision()
        );
        if matches!(a.show, Show::Misses | Show::All) {
            for m in &r.misses {
                println!("    miss {m}");
            }
        }
        if matches!(a.show, Show::Fps | Show::All) {
            for f in &r.fps {
                println!("    fp   {f}");
            }
        }
    }
    println!(
        "{:<52} {:>5} {:>4} {:>4} {:>4} {:>7.3} {:>9.3}",
        "micro (all lines)",
        total.positives,
        total.tp,
        total.positives - total.tp,
        total.fp,
        total.recall(),
        total.precision()
    );
    println!(
        "{:<52} {:>5} {:>4} {:>4} {:>4} {:>7.3} {:>9.3}",
        format!("macro ({} repositories)", reports.len()),
        "",
        "",
        "",
        "",
        macro_r / n,
        macro_p / n
    );
    println!(
        "findings on unsure lines (not scored): {}",
        total.unsure_hit
    );
    if !skipped.is_empty() {
        println!("no mirror for: {}", skipped.join(", "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_by_language() {
        assert!(is_comment("a.py", "   # scope r_liteprofile"));
        assert!(!is_comment("a.py", "SCOPE = 'r_liteprofile'  # x"));
        assert!(is_comment("a.ts", " * @param scope r_liteprofile"));
        assert!(!is_comment("README.md", "# Scopes: r_liteprofile"));
        assert!(is_comment("x.R", "#' @param scope"));
    }

    #[test]
    fn most_severe_verdict_wins_and_unsure_is_unscored() {
        let row = |line, verdict| Row {
            path: "a.py".into(),
            line,
            verdict,
            literal: "x".into(),
        };
        let labels = Labels {
            repo: "o/r".into(),
            commit: "c".into(),
            rows: vec![
                row(1, Verdict::Ok),
                row(1, Verdict::Positive),
                row(2, Verdict::Positive),
                row(3, Verdict::Unsure),
                row(4, Verdict::Ok),
            ],
        };
        let hit = |line| Hit {
            path: "a.py".into(),
            line,
            what: "r/i".into(),
        };
        let r = tally(
            Path::new("/nonexistent"),
            &labels,
            &[hit(1), hit(3), hit(4)],
        );
        assert_eq!((r.score.positives, r.score.tp, r.score.fp), (2, 1, 1));
        assert_eq!(r.score.unsure_hit, 1);
        assert_eq!(r.misses.len(), 1);
    }
}
