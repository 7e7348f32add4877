//! Walk: the paths given → the files to read, gitignore-aware and in parallel.
//!
//! Built on the `ignore` crate (walkdir plus `.gitignore`/`.ignore` handling and a parallel
//! walker; see README "Why `ignore`"). Hidden files are walked (`.env`, `.github/`), `.git/` is
//! not. Output order is made deterministic by the caller, which sorts by path.

use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
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
    /// Include/exclude globs relative to another directory (a config file's).
    pub scopes: Vec<GlobScope>,
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
        }
    }
}

/// A problem met while walking; the walk goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub path: String,
    pub message: String,
}

/// The `/`-separated display form of a path as reached from a command-line path.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Which paths the include/exclude globs keep, compiled once per run.
///
/// Every glob set is matched against the path relative to its own base directory (a config
/// file's directory, or the current directory for `--exclude`), so `exclude = ["build/"]` in
/// `/ci/build/repo/linkedin-lint.toml` excludes `/ci/build/repo/build/`, never the whole
/// checkout. The filter applies to explicitly named files too: pre-commit passes file names,
/// and config excludes must still win (force-exclude is the only behaviour).
#[derive(Debug, Default)]
pub struct PathFilter {
    cwd: PathBuf,
    scopes: Vec<CompiledScope>,
}

#[derive(Debug)]
struct CompiledScope {
    base: PathBuf,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

impl PathFilter {
    /// Compile the globs of `opts`; an invalid glob is an error naming it.
    pub fn new(opts: &WalkOptions) -> Result<PathFilter, String> {
        let cwd = std::env::current_dir().map_err(|e| format!("current directory: {e}"))?;
        let mut scopes = Vec::new();
        let cli = GlobScope {
            base: cwd.clone(),
            include: Vec::new(),
            exclude: opts.exclude.clone(),
        };
        for s in std::iter::once(&cli).chain(&opts.scopes) {
            if s.include.is_empty() && s.exclude.is_empty() {
                continue;
            }
            scopes.push(CompiledScope {
                base: normalize(&cwd.join(&s.base)),
                include: compile(&s.include)?,
                exclude: compile(&s.exclude)?,
            });
        }
        Ok(PathFilter { cwd, scopes })
    }

    /// Whether `path` (as given or as reached by the walk) is filtered out.
    pub fn excluded(&self, path: &Path, is_dir: bool) -> bool {
        if self.scopes.is_empty() {
            return false;
        }
        let abs = normalize(&self.cwd.join(path));
        self.scopes.iter().any(|s| {
            let rel = abs.strip_prefix(&s.base).unwrap_or(path);
            let rel = rel.strip_prefix(".").unwrap_or(rel);
            s.exclude.as_ref().is_some_and(|g| g.is_match(rel))
                || (!is_dir && s.include.as_ref().is_some_and(|g| !g.is_match(rel)))
        })
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

/// gitignore-style globs: `name` and `dir/` match at any depth, a glob with an inner `/` (or a
/// leading one) is anchored at the base, `*` stops at `/`, and a directory's match covers
/// everything below it.
pub fn compile(globs: &[String]) -> Result<Option<GlobSet>, String> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let trimmed = g.trim_end_matches('/');
        let pat = if trimmed.contains('/') {
            trimmed
                .trim_start_matches("./")
                .trim_start_matches('/')
                .to_string()
        } else {
            format!("**/{trimmed}")
        };
        for p in [pat.clone(), format!("{pat}/**")] {
            let glob = GlobBuilder::new(&p)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("invalid glob `{g}`: {}", e.kind()))?;
            b.add(glob);
        }
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
        Box::new(move |res| {
            match res {
                Ok(entry) => {
                    let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                    if filter.excluded(entry.path(), is_dir) {
                        return if is_dir {
                            WalkState::Skip
                        } else {
                            WalkState::Continue
                        };
                    }
                    if entry.file_type().is_some_and(|t| t.is_file()) {
                        visit(entry.path(), false);
                    }
                }
                Err(e) => {
                    let path = error_path(&e).map(|p| display_path(&p)).unwrap_or_default();
                    let message = error_message(&e);
                    errors
                        .lock()
                        .expect("no panics while locked")
                        .push(WalkError { path, message });
                }
            }
            WalkState::Continue
        })
    });
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
