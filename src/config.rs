//! Configuration files and what they change in a run.
//!
//! A config is `linkedin-lint.toml` or `.linkedin-lint.toml`, or the
//! `[workspace.metadata.linkedin-lint]` / `[package.metadata.linkedin-lint]` table of a
//! `Cargo.toml`. Each file is governed by the nearest one above it ([`Hierarchy`], cached per
//! directory), configs are not merged; the run's own settings come from the config nearest the
//! directory all paths share ([`resolve`]). `--config FILE` names one for every file,
//! `--isolated` ignores them. Command-line flags win over the file.
//!
//! Unknown keys and bad values are errors that point into the file (line and column), like
//! rule-file errors. Severity overrides are applied after checking ([`SeverityOverrides`]), so
//! every rule and every output sees them the same way.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use miette::{NamedSource, SourceSpan};
use serde::{Deserialize, Serialize};
use toml::Spanned;

pub use crate::error::ConfigError;
use crate::finding::{Rule, Severity};
use crate::rules::RuleTable;
use crate::walk::{self, GlobScope};
use crate::{Error, Linter, Scan, Version};

/// Config file names, in the order they are looked for in each directory (then `Cargo.toml`).
pub const FILE_NAMES: [&str; 2] = ["linkedin-lint.toml", ".linkedin-lint.toml"];

/// The keys of a config file (the same in a `Cargo.toml` metadata table).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// The version fixes move to (`YYYYMM`).
    pub target_version: Option<Spanned<String>>,
    /// Days before a sunset at which `version-expiring` warns.
    pub expiring_days: Option<u32>,
    /// Rule name or rule-table id → `off` / `info` / `warning` / `error`.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Level>,
    /// Only files matching one of these globs are linted (default: every file).
    #[serde(default)]
    pub include: Vec<Spanned<String>>,
    /// Files and directories never linted, even when named on the command line.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// Extra rule files, merged over the embedded table, relative to the config file.
    #[serde(default)]
    pub rules: Vec<Spanned<String>>,
    /// The severity at which a run fails (`--fail-on` wins).
    pub fail_on: Option<Severity>,
}

/// A severity override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// A loaded config file.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file, as a display path.
    pub path: String,
    /// The directory its relative paths and globs are resolved against.
    pub dir: PathBuf,
    text: String,
    pub file: ConfigFile,
}

impl Config {
    fn error(&self, reason: impl Into<String>, span: Option<std::ops::Range<usize>>) -> Error {
        config_error(&self.path, &self.text, reason.into(), span)
    }

    /// Parse `text` (a config file, or a `Cargo.toml` when `cargo` is set; then `None` when it
    /// has no linkedin-lint table) and check what can be checked without the rule table.
    fn parse(path: &Path, text: String, cargo: bool) -> Result<Option<Config>, Error> {
        let name = walk::display_path(path);
        let parsed = if cargo {
            toml::from_str::<Manifest>(&text).map(|m| m.table())
        } else {
            toml::from_str::<ConfigFile>(&text).map(|f| Ok(Some(f)))
        };
        let file = match parsed {
            Ok(Ok(Some(f))) => f,
            Ok(Ok(None)) => return Ok(None),
            Ok(Err(span)) => {
                let reason = "both [workspace.metadata.linkedin-lint] and [package.metadata.linkedin-lint] are set; keep one";
                return Err(config_error(&name, &text, reason.into(), Some(span)));
            }
            Err(e) => {
                let reason = suggest(e.message().trim_end());
                return Err(config_error(&name, &text, reason, e.span()));
            }
        };
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let config = Config {
            path: name,
            dir,
            text,
            file,
        };
        config.validate()?;
        Ok(Some(config))
    }

    fn validate(&self) -> Result<(), Error> {
        if let Some(v) = &self.file.target_version {
            Version::parse(v.get_ref())
                .map_err(|e| self.error(format!("target-version: {e}"), Some(v.span())))?;
        }
        let globs = self.file.include.len() + self.file.exclude.len();
        if globs > crate::input::MAX_GLOBS {
            let reason = format!(
                "{globs} include/exclude globs; the limit is {}",
                crate::input::MAX_GLOBS
            );
            return Err(self.error(reason, None));
        }
        for g in self.file.include.iter().chain(&self.file.exclude) {
            walk::compile(std::slice::from_ref(g.get_ref()))
                .map_err(|e| self.error(e, Some(g.span())))?;
        }
        for r in &self.file.rules {
            let p = self.dir.join(r.get_ref());
            if !p.is_file() {
                let reason = format!("rule file {} not found", walk::display_path(&p));
                return Err(self.error(reason, Some(r.span())));
            }
        }
        Ok(())
    }

    /// The severity overrides, with every key checked against the rule table.
    pub fn overrides(&self, table: &RuleTable) -> Result<SeverityOverrides, Error> {
        let mut o = SeverityOverrides::default();
        for (key, level) in &self.file.severity {
            let name = key.get_ref();
            let rule = Rule::from_name(name);
            if rule.is_none() && !table.has_id(name) {
                let ids: Vec<String> = table.entries().map(|e| e.id.to_string()).collect();
                let names = Rule::ALL.iter().map(|r| r.name());
                let hint = did_you_mean(name, names.chain(ids.iter().map(String::as_str)))
                    .map(|m| format!("did you mean `{m}`? "))
                    .unwrap_or_default();
                let reason = format!(
                    "unknown rule or id `{name}` ({hint}`linkedin-lint rules` lists the ids)"
                );
                return Err(self.error(reason, Some(key.span())));
            }
            if let Some(r) = rule {
                o.by_rule.insert(r, *level);
            }
            if table.has_id(name) {
                o.by_id.insert(name.clone(), *level);
            }
        }
        Ok(o)
    }

    fn globs(&self) -> GlobScope {
        let strings = |v: &[Spanned<String>]| v.iter().map(|s| s.get_ref().clone()).collect();
        GlobScope {
            base: self.dir.clone(),
            include: strings(&self.file.include),
            exclude: strings(&self.file.exclude),
        }
    }
}

fn config_error(
    name: &str,
    text: &str,
    reason: String,
    span: Option<std::ops::Range<usize>>,
) -> Error {
    Error::Config(Box::new(ConfigError {
        name: name.to_string(),
        reason,
        src: NamedSource::new(name, text.to_string()),
        span: span.map(|r| SourceSpan::from((r.start, r.end - r.start))),
    }))
}

/// The parts of a `Cargo.toml` that can hold a linkedin-lint table; the rest is ignored.
#[derive(Deserialize)]
struct Manifest {
    workspace: Option<ManifestSection>,
    package: Option<ManifestSection>,
}

#[derive(Deserialize)]
struct ManifestSection {
    metadata: Option<Metadata>,
}

#[derive(Deserialize)]
struct Metadata {
    #[serde(rename = "linkedin-lint")]
    linkedin_lint: Option<Spanned<ConfigFile>>,
}

impl Manifest {
    /// The table, or the span of the second one when both sections have one.
    fn table(self) -> Result<Option<ConfigFile>, std::ops::Range<usize>> {
        let get = |s: Option<ManifestSection>| s.and_then(|s| s.metadata?.linkedin_lint);
        match (get(self.workspace), get(self.package)) {
            (Some(_), Some(p)) => Err(p.span()),
            (w, p) => Ok(w.or(p).map(Spanned::into_inner)),
        }
    }
}

/// Load the config file at `path` (`--config`): a linkedin-lint TOML file, or a `Cargo.toml`
/// that must then have a linkedin-lint table.
pub fn load(path: &Path) -> Result<Config, Error> {
    parse(path, read(path)?)
}

/// [`load`] on text already read: `path` names the file in errors, says whether it is a
/// `Cargo.toml`, and is where the config's globs are anchored. Nothing is read from disk (the
/// `config` fuzz target parses with it).
pub fn parse(path: &Path, text: String) -> Result<Config, Error> {
    let cargo = path.file_name().is_some_and(|n| n == "Cargo.toml");
    Config::parse(path, text, cargo)?.ok_or_else(|| {
        Error::Usage(format!(
            "{}: no [workspace.metadata.linkedin-lint] or [package.metadata.linkedin-lint] table",
            walk::display_path(path)
        ))
    })
}

/// Find the config that applies to a scan rooted at `start` (a file or directory): the
/// nearest one going up. Paths stay as the user wrote them (relative stays relative), so
/// globs and reports line up with the paths the walk produces.
pub fn discover(start: &Path) -> Result<Option<Config>, Error> {
    let cwd = current_dir()?;
    let start = if start.is_dir() {
        start
    } else {
        start.parent().unwrap_or(Path::new(""))
    };
    let abs = cwd.join(start);
    for dir in abs.ancestors() {
        if let Some(c) = find_in(dir, &cwd)? {
            return Ok(Some(c));
        }
    }
    Ok(None)
}

fn current_dir() -> Result<PathBuf, Error> {
    std::env::current_dir().map_err(|e| Error::Io {
        path: ".".into(),
        message: e.to_string(),
    })
}

/// The config file of `dir` itself, if it has one.
fn find_in(dir: &Path, cwd: &Path) -> Result<Option<Config>, Error> {
    for name in FILE_NAMES {
        let p = dir.join(name);
        if p.is_file() {
            let text = read(&p)?;
            return Config::parse(&shorten(&p, cwd), text, false);
        }
    }
    let manifest = dir.join("Cargo.toml");
    if manifest.is_file() {
        let text = read(&manifest)?;
        // Most manifests never mention us: skip parsing them.
        if text.contains("linkedin-lint") {
            return Config::parse(&shorten(&manifest, cwd), text, true);
        }
    }
    Ok(None)
}

/// What a config says about the files it governs: its globs, severity overrides and fail-on.
#[derive(Debug)]
pub struct Project {
    pub config: Config,
    pub globs: Arc<GlobScope>,
    pub severity: SeverityOverrides,
    pub fail_on: Option<Severity>,
}

/// Configs per file, hierarchically (ruff's model): each file is governed by the nearest config
/// above it, found on demand and cached per directory. Used by the walk (include/exclude), and
/// after the scan for severity overrides and fail-on. A config that cannot be used stops the
/// run: the first such error is kept ([`Hierarchy::take_error`]).
pub struct Hierarchy {
    cwd: PathBuf,
    table: RuleTable,
    /// By the directory's bytes (absolute and normalised): hashing a `Path` parses its
    /// components, and this is looked up for every directory of a walk.
    dirs: Mutex<HashMap<std::ffi::OsString, Option<Arc<Project>>>>,
    error: Mutex<Option<Error>>,
    /// Directories a walk went through without meeting a config file below them
    /// ([`walk::NearestScope::assume_none_below`]): the directories under them are not probed.
    walked: Mutex<Vec<PathBuf>>,
}

impl std::fmt::Debug for Hierarchy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hierarchy").field("cwd", &self.cwd).finish()
    }
}

impl Hierarchy {
    /// Severity keys are checked against `table` (the run's rule table).
    pub fn new(table: &RuleTable) -> Result<Hierarchy, Error> {
        Ok(Hierarchy {
            cwd: current_dir()?,
            table: table.clone(),
            dirs: Mutex::default(),
            error: Mutex::default(),
            walked: Mutex::default(),
        })
    }

    /// The project of the config nearest above `dir` (absolute and normalised), if any.
    pub fn for_dir(&self, dir: &Path) -> Option<Arc<Project>> {
        let mut visited = Vec::new();
        let mut found = None;
        for d in dir.ancestors() {
            if let Some(hit) = self.dirs.lock().expect("unpoisoned").get(d.as_os_str()) {
                found = hit.clone();
                break;
            }
            visited.push(d.as_os_str().to_owned());
            if self.below_walked(d) {
                continue;
            }
            match find_in(d, &self.cwd).and_then(|c| c.map(|c| self.project(c)).transpose()) {
                Ok(Some(p)) => {
                    found = Some(Arc::new(p));
                    break;
                }
                Ok(None) => {}
                Err(e) => {
                    self.error.lock().expect("unpoisoned").get_or_insert(e);
                    return None;
                }
            }
        }
        let mut dirs = self.dirs.lock().expect("unpoisoned");
        for d in visited {
            dirs.insert(d, found.clone());
        }
        found
    }

    /// Whether `dir` lies strictly below a directory that a walk went through without
    /// meeting a config file.
    fn below_walked(&self, dir: &Path) -> bool {
        let walked = self.walked.lock().expect("unpoisoned");
        walked.iter().any(|w| dir != w && dir.starts_with(w))
    }

    /// The project governing the file at `path` (as the walk or the user wrote it).
    pub fn for_file(&self, path: &Path) -> Option<Arc<Project>> {
        let abs = walk::normalize(&self.cwd.join(path));
        self.for_dir(abs.parent().unwrap_or(&abs))
    }

    fn project(&self, config: Config) -> Result<Project, Error> {
        Ok(Project {
            globs: Arc::new(config.globs()),
            severity: config.overrides(&self.table)?,
            fail_on: config.file.fail_on,
            config,
        })
    }

    /// The first config error met (a nested config that does not parse, an unknown id).
    pub fn take_error(&self) -> Option<Error> {
        self.error.lock().expect("unpoisoned").take()
    }
}

impl walk::NearestScope for Hierarchy {
    fn scope_for(&self, dir: &Path) -> Option<Arc<GlobScope>> {
        self.for_dir(dir).map(|p| p.globs.clone())
    }

    /// What [`find_in`] would find: a config file by name, or a `Cargo.toml` that mentions
    /// us (read to tell; a manifest that cannot be read is left to the probe to report).
    fn assume_none_below(&self, dir: &Path) {
        self.walked
            .lock()
            .expect("unpoisoned")
            .push(dir.to_path_buf());
    }

    fn is_config_file(&self, path: &Path) -> bool {
        let Some(name) = path.file_name() else {
            return false;
        };
        if FILE_NAMES.iter().any(|n| name == *n) {
            return true;
        }
        name == "Cargo.toml"
            && std::fs::read(path).map_or(true, |b| {
                memchr::memmem::find(&b, b"linkedin-lint").is_some()
            })
    }
}

/// `path` relative to `cwd` when it is below it, so reports show `linkedin-lint.toml:3:1`.
fn shorten(path: &Path, cwd: &Path) -> PathBuf {
    path.strip_prefix(cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

fn read(path: &Path) -> Result<String, Error> {
    let limit = crate::input::MAX_CONFIG_FILE;
    crate::input::read_text_limited(path, limit, "the config file").map_err(|e| Error::Io {
        path: walk::display_path(path),
        message: e.to_string(),
    })
}

/// The closest candidate to `word`, when it is close enough to be a typo (for "did you mean"
/// in config keys, `explain` and mistyped subcommands).
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// serde's ``unknown field `excldue`, expected one of `target-version`, …`` (or ``unknown
/// variant``) as ``unknown key `excldue`; did you mean `exclude`?`` when one is close, with the
/// full list after it; any other message as it is.
fn suggest(message: &str) -> String {
    let parse = |kind: &str| -> Option<(String, Vec<String>)> {
        let rest = message.strip_prefix(kind)?.strip_prefix(" `")?;
        let (word, rest) = rest.split_once('`')?;
        let list = rest.strip_prefix(", expected ")?;
        let list = list.strip_prefix("one of ").unwrap_or(list);
        let expected = list
            .split(", ")
            .map(|c| c.trim_matches('`').to_string())
            .collect();
        Some((word.to_string(), expected))
    };
    let (what, (word, expected)) = match (parse("unknown field"), parse("unknown variant")) {
        (Some(f), _) => ("key", f),
        (None, Some(v)) => ("value", v),
        (None, None) => return message.to_string(),
    };
    let list = expected
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match did_you_mean(&word, expected.iter().map(String::as_str)) {
        Some(m) => format!("unknown {what} `{word}`; did you mean `{m}`? (expected one of {list})"),
        None => format!("unknown {what} `{word}` (expected one of {list})"),
    }
}

/// Severity overrides by rule name and by rule-table id; an id wins over its rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeverityOverrides {
    by_rule: BTreeMap<Rule, Level>,
    by_id: BTreeMap<String, Level>,
}

impl SeverityOverrides {
    /// Re-grade or drop (`off`) findings (also used on each file's findings when streaming).
    pub fn apply_to(&self, findings: &mut Vec<crate::finding::Finding>) {
        findings.retain_mut(|f| self.apply_one(f));
    }

    /// Re-grade one finding; false when it is turned off.
    fn apply_one(&self, f: &mut crate::finding::Finding) -> bool {
        let level = self.by_id.get(&f.id).or_else(|| self.by_rule.get(&f.rule));
        let Some(level) = level else {
            return true;
        };
        let Some(sev) = level.severity() else {
            return false;
        };
        f.severity = if f.in_comment {
            sev.min(Severity::Info)
        } else {
            sev
        };
        true
    }

    /// Re-grade or drop (`off`) the findings of `scan`. Findings in documentation stay at
    /// `info` at most, whatever the override.
    pub fn apply(&self, scan: &mut Scan) {
        if self.by_rule.is_empty() && self.by_id.is_empty() {
            return;
        }
        self.apply_to(&mut scan.findings);
        let keep: std::collections::BTreeSet<&str> =
            scan.findings.iter().map(|f| f.path.as_str()).collect();
        scan.sources.retain(|p, _| keep.contains(p.as_str()));
    }
}

/// What `check` takes from the config files and the command line together.
///
/// The run's settings (`target-version`, `expiring-days`, `rules`, and what `--show-config`
/// prints) come from `--config`, else from the config nearest the directory all the paths
/// share, so they do not depend on the order of the paths. `include`/`exclude`, `[severity]`
/// and `fail-on` apply per file from the config nearest each file ([`Hierarchy`]), unless
/// `--config` names one for all.
pub struct Resolved {
    pub config: Option<Config>,
    pub linter: Linter,
    /// The run config's overrides (every file's, without a hierarchy).
    pub severity: SeverityOverrides,
    /// Globs that apply to every file (`--config`'s).
    pub scopes: Vec<GlobScope>,
    /// The run config's fail-on, with `--fail-on` over it.
    pub fail_on: Severity,
    /// Each file's own config (none with `--config` or `--isolated`).
    pub hierarchy: Option<Arc<Hierarchy>>,
    fail_on_flag: Option<Severity>,
}

impl Resolved {
    /// The severity from which a finding in `path` fails the run: `--fail-on`, else the
    /// file's config's `fail-on`, else `error`.
    pub fn fail_on_for(&self, path: &str) -> Severity {
        match (&self.hierarchy, self.fail_on_flag) {
            (_, Some(f)) => f,
            (None, None) => self.fail_on,
            (Some(h), None) => h
                .for_file(Path::new(path))
                .and_then(|p| p.fail_on)
                .unwrap_or(Severity::Error),
        }
    }

    /// Apply each finding's own config's severity overrides (also used when streaming).
    pub fn apply_severity(&self, findings: &mut Vec<crate::finding::Finding>) {
        let Some(h) = &self.hierarchy else {
            self.severity.apply_to(findings);
            return;
        };
        let mut by_path: HashMap<String, Option<Arc<Project>>> = HashMap::new();
        findings.retain_mut(|f| {
            let project = by_path
                .entry(f.path.clone())
                .or_insert_with(|| h.for_file(Path::new(&f.path)));
            project.as_ref().is_none_or(|p| p.severity.apply_one(f))
        });
    }

    /// [`Resolved::apply_severity`] over a scan, dropping the text of files left without
    /// findings.
    pub fn apply(&self, scan: &mut Scan) {
        self.apply_severity(&mut scan.findings);
        let keep: std::collections::BTreeSet<&str> =
            scan.findings.iter().map(|f| f.path.as_str()).collect();
        scan.sources.retain(|p, _| keep.contains(p.as_str()));
    }

    /// A nested config met during the run that could not be used (exit 2).
    pub fn check_nested(&self) -> Result<(), Error> {
        match self.hierarchy.as_ref().and_then(|h| h.take_error()) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// What the command line says that resolving the configuration needs: the caller (the
/// command line, or an xtask) fills it in.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub paths: Vec<PathBuf>,
    pub stdin_filename: Option<String>,
    /// Ignore every config file.
    pub isolated: bool,
    /// Use this config file instead of discovering one.
    pub config: Option<PathBuf>,
    pub today: Option<String>,
    pub target_version: Option<String>,
    pub expiring_days: Option<u32>,
    /// Rule files, merged after the config's.
    pub rules: Vec<PathBuf>,
    pub fail_on: Option<Severity>,
    pub exclude: Vec<String>,
}

/// Find or load the config for `a` and build the linter with the flags over it.
pub fn resolve(a: &Flags) -> Result<Resolved, Error> {
    let config = if a.isolated {
        None
    } else if let Some(p) = &a.config {
        Some(load(p)?)
    } else {
        discover(&common_dir(a)?)?
    };
    let file = config.as_ref().map(|c| &c.file);
    let mut b = Linter::builder();
    if let Some(t) = &a.today {
        b = b.today(t);
    }
    let expiring = a.expiring_days.or(file.and_then(|f| f.expiring_days));
    if let Some(d) = expiring {
        b = b.expiring_days(d);
    }
    let from_file =
        (config.as_ref()).and_then(|c| Some((c.file.target_version.as_ref()?.get_ref(), &c.path)));
    match (&a.target_version, from_file) {
        (Some(v), _) => b = b.target_version(v),
        (None, Some((v, path))) => b = b.target_version_from(v, format!("{path}: target-version")),
        (None, None) => {}
    }
    // Config rule files first, so the command line's win on equal ids.
    if let Some(c) = &config {
        for r in &c.file.rules {
            b = b.rules_file(c.dir.join(r.get_ref()));
        }
    }
    for r in &a.rules {
        b = b.rules_file(r);
    }
    let linter = b.build()?;
    let severity = match &config {
        Some(c) => c.overrides(linter.table())?,
        None => SeverityOverrides::default(),
    };
    let fail_on = a
        .fail_on
        .or(file.and_then(|f| f.fail_on))
        .unwrap_or(Severity::Error);
    let hierarchy = if a.isolated || a.config.is_some() {
        None
    } else {
        Some(Arc::new(Hierarchy::new(linter.table())?))
    };
    let scopes = match hierarchy {
        Some(_) => Vec::new(),
        None => config.iter().map(Config::globs).collect(),
    };
    Ok(Resolved {
        config,
        linter,
        severity,
        scopes,
        fail_on,
        hierarchy,
        fail_on_flag: a.fail_on,
    })
}

/// The deepest directory that holds every path of the run (and the `--stdin-filename`), so the
/// run's config does not depend on the order of the paths.
fn common_dir(a: &Flags) -> Result<PathBuf, Error> {
    let cwd = current_dir()?;
    let mut paths: Vec<PathBuf> = a.paths.clone();
    paths.extend(a.stdin_filename.as_ref().map(PathBuf::from));
    if paths.is_empty() {
        return Ok(cwd);
    }
    let dirs = paths.iter().map(|p| {
        let abs = walk::normalize(&cwd.join(p));
        if abs.is_dir() {
            abs
        } else {
            abs.parent().map(Path::to_path_buf).unwrap_or(abs)
        }
    });
    let mut common: Option<PathBuf> = None;
    for d in dirs {
        common = Some(match common {
            None => d,
            Some(c) => c
                .components()
                .zip(d.components())
                .take_while(|(x, y)| x == y)
                .map(|(x, _)| x)
                .collect(),
        });
    }
    Ok(common.unwrap_or(cwd))
}

/// The effective configuration as `--show-config` prints it: a valid config file.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Shown {
    target_version: String,
    expiring_days: u32,
    fail_on: Severity,
    include: Vec<String>,
    exclude: Vec<String>,
    rules: Vec<String>,
    severity: BTreeMap<String, Level>,
}

impl Resolved {
    /// `--show-config`: the effective settings as TOML, with where they came from.
    pub fn show(&self, a: &Flags) -> String {
        let opts = self.linter.options();
        let file = self.config.as_ref().map(|c| &c.file);
        let strings = |f: fn(&ConfigFile) -> &Vec<Spanned<String>>| -> Vec<String> {
            file.map(|c| f(c).iter().map(|s| s.get_ref().clone()).collect())
                .unwrap_or_default()
        };
        let mut rules: Vec<String> = self
            .config
            .iter()
            .flat_map(|c| {
                c.file
                    .rules
                    .iter()
                    .map(|r| walk::display_path(&c.dir.join(r.get_ref())))
            })
            .collect();
        rules.extend(a.rules.iter().map(|p| walk::display_path(p)));
        let shown = Shown {
            target_version: opts.target_version.to_string(),
            expiring_days: opts.expiring_days,
            fail_on: self.fail_on,
            include: strings(|c| &c.include),
            exclude: strings(|c| &c.exclude),
            rules,
            severity: file
                .map(|f| {
                    f.severity
                        .iter()
                        .map(|(k, v)| (k.get_ref().clone(), *v))
                        .collect()
                })
                .unwrap_or_default(),
        };
        let mut out = match &self.config {
            Some(c) => format!(
                "# linkedin-lint configuration from {}, with command-line flags applied\n# include and exclude are relative to {}\n",
                c.path,
                match walk::display_path(&c.dir).as_str() {
                    "" => "the current directory".to_string(),
                    d => d.to_string(),
                }
            ),
            None => {
                "# linkedin-lint configuration: no config file (defaults and command-line flags)\n"
                    .into()
            }
        };
        out.push_str(&format!("# versions judged as of {}\n", opts.today));
        if !a.exclude.is_empty() {
            out.push_str(&format!(
                "# --exclude (relative to the current directory): {}\n",
                a.exclude.join(", ")
            ));
        }
        out.push_str(&toml::to_string(&shown).expect("plain data serialises"));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Option<Config>, Error> {
        Config::parse(Path::new("linkedin-lint.toml"), text.to_string(), false)
    }

    fn reason(e: Error) -> (String, Option<(usize, usize)>) {
        match e {
            Error::Config(c) => {
                let at = c.span.map(|s| {
                    let before = &c.src.inner()[..s.offset()];
                    let line = before.matches('\n').count() + 1;
                    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
                    (line, col)
                });
                (c.reason, at)
            }
            other => panic!("not a config error: {other:?}"),
        }
    }

    #[test]
    fn parse_is_load_without_the_read() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("linkedin-lint.toml", "exclude = [\"vendor/\"]\n"),
            ("linkedin-lint.toml", "excldue = 1\n"),
            (
                "Cargo.toml",
                "[package.metadata.linkedin-lint]\nexclude = [\"gen/\"]\n",
            ),
            ("Cargo.toml", "[package]\nname = \"x\"\n"),
            (
                "Cargo.toml",
                "[workspace.metadata.linkedin-lint]\n[package.metadata.linkedin-lint]\n",
            ),
        ];
        for (name, text) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            let loaded = format!("{:?}", load(&path));
            assert_eq!(
                format!("{:?}", super::parse(&path, text.to_string())),
                loaded
            );
        }
    }

    #[test]
    fn mistyped_keys_and_values_get_a_did_you_mean() {
        let (why, at) = reason(parse("excldue = [\"vendor/\"]\n").unwrap_err());
        assert!(
            why.starts_with(
                "unknown key `excldue`; did you mean `exclude`? (expected one of `target-version`"
            ),
            "{why}"
        );
        assert_eq!(at, Some((1, 1)));
        let (why, at) = reason(parse("\nfail-on = \"eror\"\n").unwrap_err());
        assert!(
            why.starts_with("unknown value `eror`; did you mean `error`?"),
            "{why}"
        );
        assert_eq!(at, Some((2, 11)));
        let (why, _) = reason(parse("[severity]\nv2-me = \"warn\"\n").unwrap_err());
        assert!(why.contains("did you mean `warning`?"), "{why}");
        let (why, _) = reason(parse("zzz = 1\n").unwrap_err());
        assert!(
            why.starts_with("unknown key `zzz` (expected one of "),
            "{why}"
        );
    }

    #[test]
    fn every_key_parses() {
        let c = parse(
            "target-version = \"202609\"\nexpiring-days = 30\nfail-on = \"warning\"\ninclude = [\"src/\"]\nexclude = [\"tests/fixtures/\"]\nrules = []\n[severity]\nversion-expiring = \"error\"\nv2-me = \"off\"\n",
        )
        .unwrap()
        .unwrap();
        assert_eq!(c.file.target_version.unwrap().into_inner(), "202609");
        assert_eq!(c.file.expiring_days, Some(30));
        assert_eq!(c.file.fail_on, Some(Severity::Warning));
        assert_eq!(c.file.severity.len(), 2);
    }

    #[test]
    fn unknown_key_points_at_it() {
        let (r, at) = reason(parse("expiring-days = 30\nexclud = [\"x\"]\n").unwrap_err());
        assert!(
            r.starts_with("unknown key `exclud`; did you mean `exclude`? (expected one of"),
            "{r}"
        );
        assert_eq!(at, Some((2, 1)));
    }

    #[test]
    fn bad_values_point_at_them() {
        let (r, at) = reason(parse("[severity]\nv2-me = \"fatal\"\n").unwrap_err());
        assert!(
            r.starts_with("unknown value `fatal` (expected one of"),
            "{r}"
        );
        assert_eq!(at, Some((2, 9)));
        let (r, at) = reason(parse("target-version = \"2026-09\"\n").unwrap_err());
        assert!(r.starts_with("target-version: "), "{r}");
        assert_eq!(at, Some((1, 18)));
        let (r, at) = reason(parse("exclude = [\"ok/\", \"src/[\"]\n").unwrap_err());
        assert_eq!(
            r,
            "invalid glob `src/[`: unclosed character class; missing ']'"
        );
        assert_eq!(at, Some((1, 19)));
    }

    #[test]
    fn severity_keys_must_be_rules_or_ids() {
        let table = crate::rules::load(&[]).unwrap();
        let c = parse("[severity]\nversion-expiring = \"error\"\nv2-me = \"off\"\n")
            .unwrap()
            .unwrap();
        let o = c.overrides(&table).unwrap();
        assert_eq!(o.by_rule[&Rule::VersionExpiring], Level::Error);
        assert_eq!(o.by_id["v2-me"], Level::Off);
        let c = parse("[severity]\n\"v2-mee\" = \"off\"\n")
            .unwrap()
            .unwrap();
        let (r, at) = reason(c.overrides(&table).unwrap_err());
        assert_eq!(
            r,
            "unknown rule or id `v2-mee` (did you mean `v2-me`? `linkedin-lint rules` lists the ids)"
        );
        assert_eq!(at, Some((2, 1)));
    }

    #[test]
    fn cargo_metadata_tables() {
        let m = |t: &str| Config::parse(Path::new("Cargo.toml"), t.to_string(), true);
        assert!(
            m("[package]\nname = \"x\"\n[dependencies]\nlinkedin-lint = \"0.1\"\n")
                .unwrap()
                .is_none()
        );
        let c =
            m("[package]\nname = \"x\"\n[package.metadata.linkedin-lint]\nexpiring-days = 10\n")
                .unwrap()
                .unwrap();
        assert_eq!(c.file.expiring_days, Some(10));
        let c = m("[workspace.metadata.linkedin-lint]\nfail-on = \"warning\"\n")
            .unwrap()
            .unwrap();
        assert_eq!(c.file.fail_on, Some(Severity::Warning));
        let (r, at) =
            reason(m("[workspace.metadata.linkedin-lint]\nexpiring-day = 1\n").unwrap_err());
        assert!(
            r.starts_with("unknown key `expiring-day`; did you mean `expiring-days`?"),
            "{r}"
        );
        assert_eq!(at, Some((2, 1)));
        let (r, _) = reason(
            m("[workspace.metadata.linkedin-lint]\n[package.metadata.linkedin-lint]\n")
                .unwrap_err(),
        );
        assert!(
            r.starts_with("both [workspace.metadata.linkedin-lint] and"),
            "{r}"
        );
    }
}
