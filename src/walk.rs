//! Walk: the paths given → the files to read, gitignore-aware and in parallel.
//!
//! Built on the `ignore` crate (walkdir plus `.gitignore`/`.ignore` handling and a parallel
//! walker; see README "Why `ignore`"). Hidden files are walked (`.env`, `.github/`), `.git/` is
//! not. Output order is made deterministic by the caller, which sorts by path.

use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use std::collections::HashMap;
use std::sync::Arc;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::{WalkBuilder, WalkState};

/// How to walk.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Honour `.gitignore`, `.ignore` and git excludes (default true).
    pub respect_ignore: bool,
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    /// Extra glob patterns to exclude (gitignore syntax), relative to the current directory
    /// (`--exclude`).
    pub exclude: Vec<String>,
    /// Follow symbolic links (default false; loops are detected and reported either way).
    pub follow_links: bool,
    /// Include/exclude globs relative to another directory (a config file's); they apply to
    /// every path.
    pub scopes: Vec<GlobScope>,
    /// Each path's own config, found on demand ([`NearestScope`]); its globs apply to that
    /// path only.
    pub nearest: Option<Nearest>,
}

/// Include and exclude globs (gitignore-style) that are relative to `base`: the directory of
/// the config file that wrote them. `include`, when not empty, keeps only the files that match
/// it; `exclude` wins over `include`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GlobScope {
    pub base: PathBuf,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            respect_ignore: true,
            threads: 0,
            exclude: Vec::new(),
            follow_links: false,
            scopes: Vec::new(),
            nearest: None,
        }
    }
}

/// A problem met while walking; the walk goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub path: String,
    /// The exact bytes of a path that is not UTF-8 ([`path_bytes`]).
    pub path_bytes: Option<Vec<u8>>,
    pub message: String,
}

/// The display form of a path as reached from a command-line path, without a leading `./`.
/// A name that is not UTF-8 (Linux names are bytes) shows each byte that is not as `\xNN`
/// (reports carry the exact bytes too: [`path_bytes`]). On Unix `\` is a character of a file
/// name like any other (`a\b.py` is not `a/b.py`); on Windows it separates, and becomes `/`.
pub fn display_path(p: &Path) -> String {
    let s = match p.to_str() {
        Some(s) => s.to_string(),
        None => escape_non_utf8(p),
    };
    let s = if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s
    };
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

#[cfg(unix)]
fn escape_non_utf8(p: &Path) -> String {
    use std::fmt::Write as _;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in p.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

#[cfg(not(unix))]
fn escape_non_utf8(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// The exact bytes of a path whose name is not UTF-8 (`None` for every other path), as
/// [`display_path`] shows it: without a leading `./`.
pub fn path_bytes(p: &Path) -> Option<Vec<u8>> {
    #[cfg(unix)]
    if p.to_str().is_none() {
        use std::os::unix::ffi::OsStrExt;
        let p = p.strip_prefix(".").unwrap_or(p);
        return Some(p.as_os_str().as_bytes().to_vec());
    }
    let _ = p;
    None
}

/// The config that governs a directory, found on demand: the nearest config file above it.
/// The command line implements it over config discovery (with a cache per directory), so each
/// file is filtered by its own project's include/exclude, whatever the order of the paths.
pub trait NearestScope: Send + Sync {
    /// The globs of the config nearest above `dir` (absolute and normalised), if any.
    fn scope_for(&self, dir: &Path) -> Option<Arc<GlobScope>>;

    /// Whether the file at `path` (as a walk reached it) is a config file, one that would
    /// govern its directory. A walk that assumed there is none below its root
    /// ([`PathFilter::speculate`]) stops when it meets one.
    fn is_config_file(&self, _path: &Path) -> bool {
        false
    }

    /// A walk of `dir` (absolute and normalised) met no config file below it: later questions
    /// about the directories under it need not probe them.
    fn assume_none_below(&self, _dir: &Path) {}
}

/// A shared [`NearestScope`] in [`WalkOptions`].
#[derive(Clone)]
pub struct Nearest(pub Arc<dyn NearestScope>);

impl std::fmt::Debug for Nearest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Nearest(..)")
    }
}

/// Which paths the include/exclude globs keep, compiled once per run.
///
/// Every glob set is matched against the path relative to its own base directory (a config
/// file's directory, or the current directory for `--exclude`), so `exclude = ["build/"]` in
/// `/ci/build/repo/linkedin-lint.toml` excludes `/ci/build/repo/build/`, never the whole
/// checkout. The filter applies to explicitly named files too: pre-commit passes file names,
/// and config excludes must still win (force-exclude is the only behaviour).
///
/// The globs have gitignore semantics (the `ignore` crate's own matcher): `!pattern` re-includes,
/// the last matching line wins, and a file below an excluded directory cannot be re-included.
#[derive(Debug, Default)]
pub struct PathFilter {
    cwd: PathBuf,
    scopes: Vec<CompiledScope>,
    nearest: Option<Nearest>,
    /// The nearest scopes met so far, compiled, by base directory.
    compiled: Mutex<HashMap<PathBuf, Option<Arc<CompiledScope>>>>,
    /// Set while a directory walk assumes that no config lies below its root.
    speculation: Option<Speculation>,
}

/// A walk's assumption that the one root it walks has no config file below it, so every
/// entry is governed by the config that governs the root: no directory is probed for config
/// files (three `statx` calls each, the largest cost of a walk after reading; issue 16).
/// The walk checks each file it meets; at the first config file below the root it stops,
/// and the caller walks again with a probe per directory ([`PathFilter::stop_speculating`]).
#[derive(Debug)]
struct Speculation {
    /// The root, absolute and normalised.
    root: PathBuf,
    /// The root's nearest scope, compiled.
    scope: Option<Arc<CompiledScope>>,
    /// A config file was met below the root: the walk's results are void.
    refuted: std::sync::atomic::AtomicBool,
}

#[derive(Debug)]
struct CompiledScope {
    base: PathBuf,
    include: Option<Gitignore>,
    exclude: Option<Gitignore>,
    /// Whether a file can be judged by this scope at all: false when there are no include
    /// globs and every exclude glob names directories only (`build/`), which no file matches,
    /// so a walked file (whose directories were already judged) skips the matcher.
    judges_files: bool,
}

impl CompiledScope {
    fn new(cwd: &Path, s: &GlobScope) -> Result<Option<CompiledScope>, String> {
        if s.include.is_empty() && s.exclude.is_empty() {
            return Ok(None);
        }
        Ok(Some(CompiledScope {
            base: normalize(&cwd.join(&s.base)),
            include: compile(&s.include)?,
            exclude: compile(&s.exclude)?,
            // A line that does not end in `/` exactly (`build/ ` with a trailing space, which
            // gitignore trims) counts as one that may match files: slower, never wrong.
            judges_files: !s.include.is_empty() || s.exclude.iter().any(|g| !g.ends_with('/')),
        }))
    }

    /// `abs` is absolute and normalised; `walked`: its parent directories were already judged
    /// (a directory walk skips excluded directories), so only the path itself is matched.
    fn excludes(&self, abs: &Path, is_dir: bool, walked: bool) -> bool {
        let Some(rel) = strip_base(abs, &self.base) else {
            return false;
        };
        if rel.as_os_str().is_empty() {
            return false;
        }
        if let Some(g) = &self.exclude {
            // gitignore: a path under an excluded directory stays excluded.
            let parents_excluded = !walked
                && rel
                    .ancestors()
                    .skip(1)
                    .filter(|p| !p.as_os_str().is_empty())
                    .any(|p| g.matched(p, true).is_ignore());
            if parents_excluded || g.matched(rel, is_dir).is_ignore() {
                return true;
            }
        }
        !is_dir
            && self
                .include
                .as_ref()
                .is_some_and(|g| !g.matched_path_or_any_parents(rel, false).is_ignore())
    }
}

impl PathFilter {
    /// Compile the globs of `opts`; an invalid glob is an error naming it.
    pub fn new(opts: &WalkOptions) -> Result<PathFilter, String> {
        let cwd = std::env::current_dir().map_err(|e| format!("current directory: {e}"))?;
        if opts.exclude.len() > crate::input::MAX_GLOBS {
            return Err(format!(
                "{} --exclude globs; the limit is {}",
                opts.exclude.len(),
                crate::input::MAX_GLOBS
            ));
        }
        let mut scopes = Vec::new();
        let cli = GlobScope {
            base: cwd.clone(),
            include: Vec::new(),
            exclude: opts.exclude.clone(),
        };
        for s in std::iter::once(&cli).chain(&opts.scopes) {
            scopes.extend(CompiledScope::new(&cwd, s)?);
        }
        Ok(PathFilter {
            cwd,
            scopes,
            nearest: opts.nearest.clone(),
            compiled: Mutex::default(),
            speculation: None,
        })
    }

    /// Assume that no config file lies below `roots` (one directory) until the walk meets
    /// one: the directories are then not probed. Returns whether the assumption is made
    /// (only with per-directory configs, for one directory root).
    pub fn speculate(&mut self, roots: &[PathBuf]) -> bool {
        let (Some(n), [root]) = (&self.nearest, roots) else {
            return false;
        };
        if !root.is_dir() {
            return false;
        }
        let root = normalize(&self.cwd.join(root));
        let scope = n.0.scope_for(&root).and_then(|s| self.compiled_scope(&s));
        self.speculation = Some(Speculation {
            root,
            scope,
            refuted: Default::default(),
        });
        true
    }

    /// Whether the walk met a config file below its root, so its results are void.
    pub fn speculation_refuted(&self) -> bool {
        self.speculation
            .as_ref()
            .is_some_and(|s| s.refuted.load(Ordering::Relaxed))
    }

    /// Probe every directory from now on.
    pub fn stop_speculating(&mut self) {
        self.speculation = None;
    }

    /// After a walk that met no config file below its root: tell the configs so (the
    /// severity of each finding is looked up by its file's directory after the scan).
    pub fn confirm_speculation(&self) {
        if let (Some(spec), Some(n)) = (&self.speculation, &self.nearest)
            && !spec.refuted.load(Ordering::Relaxed)
        {
            n.0.assume_none_below(&spec.root);
        }
    }

    /// While speculating: whether `path` (a file the walk met, at `depth` below the root) is
    /// a config file below the root's own directory, which refutes the assumption.
    fn refutes(&self, path: &Path, depth: usize) -> bool {
        let (Some(spec), Some(n)) = (&self.speculation, &self.nearest) else {
            return false;
        };
        // Depth 1 is the root's own directory, whose config is known already.
        if depth < 2 || !n.0.is_config_file(path) {
            return false;
        }
        spec.refuted.store(true, Ordering::Relaxed);
        true
    }

    /// Whether `path` (as given or as reached by the walk) is filtered out.
    pub fn excluded(&self, path: &Path, is_dir: bool) -> bool {
        self.excluded_as(path, is_dir, false)
    }

    fn excluded_as(&self, path: &Path, is_dir: bool, walked: bool) -> bool {
        self.excluded_cached(path, is_dir, walked, &mut DirCache::default())
    }

    /// [`Self::excluded_as`], with the nearest scope of the last directory seen kept in
    /// `cache`: the walk hands over a directory's entries together, and most trees have no
    /// config with globs, so most entries cost one comparison of their parent's name.
    fn excluded_cached(
        &self,
        path: &Path,
        is_dir: bool,
        walked: bool,
        cache: &mut DirCache,
    ) -> bool {
        if self.scopes.is_empty() && self.nearest.is_none() {
            return false;
        }
        let speculative = self.speculation.as_ref().filter(|_| walked);
        if speculative.is_some_and(|s| s.scope.is_none()) && self.scopes.is_empty() {
            return false;
        }
        // A path is judged by the config nearest above it (for a directory: above it too, so
        // a project's own config does not decide whether its parent excludes it). Below a
        // root, an entry's name is a real name (never `.` or `..`), so its parent as the walk
        // spells it stands for its normalised parent.
        // Split at the last `/` by bytes: `Path::parent` and `Path::file_name` parse
        // components, and this runs for every entry of the walk.
        let split = split_last(path).filter(|_| walked);
        let parent = split.map(|(dir, _)| dir);
        if let Some(p) = parent
            && cache.dir.as_deref() != Some(p.as_os_str())
        {
            let abs_dir = normalize(&self.cwd.join(p));
            cache.scope = match (&self.nearest, speculative) {
                (_, Some(s)) => s.scope.clone(),
                (Some(n), None) => {
                    n.0.scope_for(&abs_dir)
                        .and_then(|s| self.compiled_scope(&s))
                }
                (None, None) => None,
            };
            cache.abs_dir = abs_dir;
            cache.dir = Some(p.as_os_str().to_owned());
        }
        // A path named on the command line (or a root) is normalised here, once.
        let given = parent.is_none().then(|| normalize(&self.cwd.join(path)));
        let nearest = match (&self.nearest, &given) {
            (None, _) => None,
            (Some(_), None) => cache.scope.clone(),
            (Some(n), Some(abs)) => abs
                .parent()
                .and_then(|d| n.0.scope_for(d))
                .and_then(|s| self.compiled_scope(&s)),
        };
        if self.scopes.is_empty() && nearest.is_none() {
            return false;
        }
        // A walked file under scopes that judge directories only: nothing to match.
        if walked
            && !is_dir
            && !self.scopes.iter().any(|s| s.judges_files)
            && !nearest.as_ref().is_some_and(|c| c.judges_files)
        {
            return false;
        }
        let owned;
        let abs: &Path = match (given, split) {
            (Some(abs), _) => {
                owned = abs;
                &owned
            }
            // Built in the cache's buffer: `Path::join` allocated, then grew, for every entry.
            (None, Some((_, name))) => {
                let buf = cache.entry.as_mut_os_string();
                buf.clear();
                buf.push(cache.abs_dir.as_os_str());
                cache.entry.push(name);
                &cache.entry
            }
            (None, None) => {
                owned = normalize(&self.cwd.join(path));
                &owned
            }
        };
        self.scopes.iter().any(|s| s.excludes(abs, is_dir, walked))
            || nearest.is_some_and(|c| c.excludes(abs, is_dir, walked))
    }

    /// `scope` compiled, once per run.
    fn compiled_scope(&self, scope: &GlobScope) -> Option<Arc<CompiledScope>> {
        let mut cache = self.compiled.lock().expect("no panics while locked");
        cache
            .entry(scope.base.clone())
            .or_insert_with(|| {
                // Configs are validated when loaded: their globs compile.
                CompiledScope::new(&self.cwd, scope)
                    .ok()
                    .flatten()
                    .map(Arc::new)
            })
            .clone()
    }
}

/// One walker thread's memory of the last directory it filtered in
/// ([`PathFilter::excluded_cached`]).
#[derive(Default)]
struct DirCache {
    /// The directory as the walk spells it.
    dir: Option<std::ffi::OsString>,
    /// Its nearest scope.
    scope: Option<Arc<CompiledScope>>,
    /// It, absolute and normalised: an entry's own path is this joined with its name.
    abs_dir: PathBuf,
    /// The buffer an entry's absolute path is built in.
    entry: PathBuf,
}

/// A walked entry's directory and name, split at its last `/` (by bytes; the walk joins
/// names with `/`); a path with no `/`, or ending in one, `.` or `..`, is left to
/// [`Path::parent`]/[`Path::file_name`].
fn split_last(path: &Path) -> Option<(&Path, &std::ffi::OsStr)> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let b = path.as_os_str().as_bytes();
        let i = b.iter().rposition(|&c| c == b'/').unwrap_or(0);
        let (dir, name) = (&b[..i], &b[(i + 1).min(b.len())..]);
        if !(dir.is_empty() || name.is_empty() || name == b"." || name == b"..") {
            return Some((
                Path::new(std::ffi::OsStr::from_bytes(dir)),
                std::ffi::OsStr::from_bytes(name),
            ));
        }
    }
    path.parent().zip(path.file_name())
}

/// `abs` below `base`, both absolute and normalised ([`normalize`]): as
/// [`Path::strip_prefix`], comparing bytes rather than components (it runs for every file of
/// a walk when a config has globs).
fn strip_base<'a>(abs: &'a Path, base: &Path) -> Option<&'a Path> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let rest = abs
            .as_os_str()
            .as_bytes()
            .strip_prefix(base.as_os_str().as_bytes())?;
        let rest = match rest {
            [] => rest,
            _ if base.as_os_str().as_bytes().ends_with(b"/") => rest,
            [b'/', tail @ ..] => tail,
            _ => return None,
        };
        Some(Path::new(std::ffi::OsStr::from_bytes(rest)))
    }
    #[cfg(not(unix))]
    {
        abs.strip_prefix(base).ok()
    }
}

/// `.` and `..` resolved lexically (no file-system access, symbolic links kept).
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// gitignore globs, with the `ignore` crate's own matcher: `name` and `dir/` match at any
/// depth, a glob with an inner `/` (or a leading one) is anchored at the base, `*` stops at
/// `/`, `!glob` re-includes, and a directory's match covers everything below it. An empty
/// glob is an error (it would match nothing, or everything, by surprise).
pub fn compile(globs: &[String]) -> Result<Option<Gitignore>, String> {
    if globs.is_empty() {
        return Ok(None);
    }
    // Matched against paths already relative to the scope's base. A root of `.` tells the
    // matcher to strip nothing, and it skips comparing its root with every path (a
    // component-wise comparison when the root is `""`: a third of a matcher call).
    let mut b = GitignoreBuilder::new(".");
    b.allow_unclosed_class(false);
    for g in globs {
        if g.trim().is_empty() || g.trim() == "!" {
            return Err(format!(
                "empty glob `{g}`: it would match nothing; remove it (to lint nothing, do not run the linter)"
            ));
        }
        // Leading `./` means the base, as `/` does.
        let line = match g.strip_prefix("./") {
            Some(rest) => format!("/{rest}"),
            None => g.clone(),
        };
        b.add_line(None, &line).map_err(|e| match e {
            ignore::Error::Glob { err, .. } => {
                let kind = err.rsplit_once("': ").map_or(err.as_str(), |(_, k)| k);
                format!("invalid glob `{g}`: {kind}")
            }
            other => format!("invalid glob `{g}`: {other}"),
        })?;
    }
    b.build().map(Some).map_err(|e| e.to_string())
}

/// Walk `roots` and call `visit` for each file (in parallel, from several threads), with
/// `explicit` set for files named in `roots`. Explicitly named files are visited even when an
/// ignore file lists them, but `filter` still applies.
pub fn walk<F>(
    roots: &[PathBuf],
    opts: &WalkOptions,
    filter: &PathFilter,
    visit: F,
) -> Vec<WalkError>
where
    F: Fn(&Path, bool) + Sync,
{
    let errors = Mutex::new(Vec::new());
    let (files, dirs): (Vec<&PathBuf>, Vec<&PathBuf>) = roots.iter().partition(|p| !p.is_dir());
    let files: Vec<&PathBuf> = files
        .into_iter()
        .filter(|f| !filter.excluded(f, false))
        .collect();
    visit_files(&files, opts.threads, &visit);
    let Some((first, rest)) = dirs.split_first() else {
        return errors.into_inner().unwrap_or_default();
    };
    // Files a repository commits although its `.gitignore` matches them: the walk never
    // reaches them, so they are visited after it (once, even if a nested `.gitignore`
    // re-includes one and the walk does reach it).
    let committed: std::collections::HashSet<PathBuf> = if opts.respect_ignore {
        dirs.iter()
            .filter(|d| d.join(".git").is_dir())
            .flat_map(|d| crate::git_index::tracked_but_ignored(d))
            .collect()
    } else {
        Default::default()
    };
    let mut b = WalkBuilder::new(first);
    for r in rest {
        b.add(r);
    }
    b.hidden(false)
        .git_ignore(opts.respect_ignore)
        .git_exclude(opts.respect_ignore)
        .git_global(opts.respect_ignore)
        .ignore(opts.respect_ignore)
        .parents(opts.respect_ignore)
        .require_git(false)
        .follow_links(opts.follow_links)
        .threads(opts.threads)
        .filter_entry(|e| e.file_name() != ".git");
    b.build_parallel().run(|| {
        let visit = &visit;
        let errors = &errors;
        let committed = &committed;
        let mut cache = DirCache::default();
        Box::new(move |res| {
            match res {
                Ok(entry) => {
                    let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                    if !is_dir && filter.refutes(entry.path(), entry.depth()) {
                        return WalkState::Quit;
                    }
                    // A root is judged like an explicit path; below it, parents were judged.
                    if filter.excluded_cached(entry.path(), is_dir, entry.depth() > 0, &mut cache) {
                        return if is_dir {
                            WalkState::Skip
                        } else {
                            WalkState::Continue
                        };
                    }
                    if entry.file_type().is_some_and(|t| t.is_file())
                        && (committed.is_empty() || !committed.contains(entry.path()))
                    {
                        visit(entry.path(), false);
                    }
                }
                Err(e) => {
                    let at = error_path(&e);
                    let path = at.as_deref().map(display_path).unwrap_or_default();
                    let path_bytes = at.as_deref().and_then(path_bytes);
                    let message = error_message(&e);
                    errors
                        .lock()
                        .expect("no panics while locked")
                        .push(WalkError {
                            path,
                            path_bytes,
                            message,
                        });
                }
            }
            WalkState::Continue
        })
    });
    if filter.speculation_refuted() {
        return Vec::new();
    }
    // A committed config that `.gitignore` lists is still a config below the root.
    let root_depth = first.components().count();
    if committed
        .iter()
        .any(|f| filter.refutes(f, f.components().count().saturating_sub(root_depth)))
    {
        return Vec::new();
    }
    let committed: Vec<&PathBuf> = committed
        .iter()
        .filter(|f| !filter.excluded(f, false))
        .collect();
    visit_files(&committed, opts.threads, &|f: &Path, _| visit(f, false));
    let mut errs = errors.into_inner().unwrap_or_default();
    errs.sort_by(|a, b| a.path.cmp(&b.path));
    errs
}

/// Visit explicitly named files on `threads` workers (0 = one per core). pre-commit passes
/// thousands of names at once, so they get the same parallelism as a directory walk.
fn visit_files<F>(files: &[&PathBuf], threads: usize, visit: &F)
where
    F: Fn(&Path, bool) + Sync,
{
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(files.len());
    if threads <= 1 {
        files.iter().for_each(|f| visit(f, true));
        return;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some(f) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    visit(f, true);
                }
            });
        }
    });
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn error_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => {
            error_message(err)
        }
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop (back to {})", display_path(ancestor))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_last_agrees_with_parent_and_file_name() {
        for p in [
            "src/api/client.py",
            "./a/b",
            "a",
            "/a",
            "a/b/",
            "a/b/.",
            "a/..",
            "a//b",
            "/",
            "café/ü.rs",
        ] {
            let path = Path::new(p);
            let want = path.parent().zip(path.file_name());
            let got = split_last(path);
            // Same name; the same directory up to how `Path` spells it.
            assert_eq!(got.map(|g| g.1), want.map(|w| w.1), "{p}");
            assert_eq!(
                got.map(|g| g.0.components().collect::<Vec<_>>()),
                want.map(|w| w.0.components().collect::<Vec<_>>()),
                "{p}"
            );
        }
    }

    fn filter(base: &str, include: &[&str], exclude: &[&str]) -> PathFilter {
        let scope = GlobScope {
            base: PathBuf::from(base),
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
        };
        PathFilter::new(&WalkOptions {
            scopes: vec![scope],
            ..WalkOptions::default()
        })
        .unwrap()
    }

    #[test]
    fn globs_are_relative_to_their_base() {
        // A checkout under a directory named like an excluded one is still linted.
        let f = filter("/ci/build/repo", &[], &["build/", "fixtures"]);
        assert!(!f.excluded(Path::new("/ci/build/repo/src/a.rs"), false));
        assert!(f.excluded(Path::new("/ci/build/repo/build/gen.rs"), false));
        assert!(f.excluded(Path::new("/ci/build/repo/build"), true));
        assert!(f.excluded(Path::new("/ci/build/repo/tests/fixtures/a/b.rs"), false));
        assert!(f.excluded(Path::new("/ci/build/repo/./tests/../tests/fixtures"), true));
    }

    /// A walked file under directory-only globs skips the matcher: the answer must be the
    /// matcher's (a file named like an excluded directory is kept; a file glob still counts).
    #[test]
    fn walked_files_under_directory_only_globs() {
        let f = filter("/r", &[], &["build/", "snapshots/"]);
        assert!(!f.excluded_as(Path::new("/r/src/build"), false, true));
        assert!(f.excluded_as(Path::new("/r/src/build"), true, true));
        assert!(!f.excluded_as(Path::new("/r/src/a.rs"), false, true));
        let f = filter("/r", &[], &["build/", "*.min.js"]);
        assert!(f.excluded_as(Path::new("/r/web/app.min.js"), false, true));
        assert!(!f.excluded_as(Path::new("/r/web/app.js"), false, true));
        let f = filter("/r", &["src/"], &["build/"]);
        assert!(f.excluded_as(Path::new("/r/docs/a.md"), false, true));
    }

    #[test]
    fn star_stops_at_slash_and_leading_slash_anchors() {
        let f = filter("/r", &[], &["src/*.rs", "/top.md"]);
        assert!(f.excluded(Path::new("/r/src/a.rs"), false));
        assert!(!f.excluded(Path::new("/r/src/x/b.rs"), false));
        assert!(f.excluded(Path::new("/r/top.md"), false));
        assert!(!f.excluded(Path::new("/r/docs/top.md"), false));
    }

    #[test]
    fn include_keeps_matching_files_and_walks_every_directory() {
        let f = filter("/r", &["src/", "*.yaml"], &["src/gen/"]);
        assert!(!f.excluded(Path::new("/r/src/a.rs"), false));
        assert!(!f.excluded(Path::new("/r/config/app.yaml"), false));
        assert!(f.excluded(Path::new("/r/docs/a.md"), false));
        assert!(!f.excluded(Path::new("/r/docs"), true));
        assert!(
            f.excluded(Path::new("/r/src/gen/x.rs"), false),
            "exclude wins"
        );
    }

    #[test]
    fn command_line_excludes_are_relative_to_the_current_directory() {
        let f = PathFilter::new(&WalkOptions {
            exclude: vec!["tests/fixtures/".into()],
            ..WalkOptions::default()
        })
        .unwrap();
        assert!(f.excluded(Path::new("tests/fixtures/x.rs"), false));
        assert!(f.excluded(Path::new("./tests/fixtures/x.rs"), false));
        let abs = std::env::current_dir().unwrap().join("tests/fixtures/x.rs");
        assert!(f.excluded(&abs, false));
        assert!(!f.excluded(Path::new("src/x.rs"), false));
    }

    #[test]
    fn invalid_glob_is_an_error() {
        let e = PathFilter::new(&WalkOptions {
            exclude: vec!["src/[".into()],
            ..WalkOptions::default()
        })
        .unwrap_err();
        assert!(e.starts_with("invalid glob `src/[`"), "{e}");
    }
}
