//! Walk: the paths given → the files to read, gitignore-aware and in parallel.
//!
//! Built on the `ignore` crate (walkdir plus `.gitignore`/`.ignore` handling and a parallel
//! walker; see README "Why `ignore`"). Hidden files are walked (`.env`, `.github/`), `.git/` is
//! not. Output order is made deterministic by the caller, which sorts by path.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

/// How to walk.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Honour `.gitignore`, `.ignore` and git excludes (default true).
    pub respect_ignore: bool,
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    /// Extra glob patterns to exclude (gitignore syntax), e.g. from the config file.
    pub exclude: Vec<String>,
    /// Follow symbolic links (default false; loops are detected and reported either way).
    pub follow_links: bool,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            respect_ignore: true,
            threads: 0,
            exclude: Vec::new(),
            follow_links: false,
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

/// Walk `roots` and call `visit` for each file (in parallel, from several threads).
/// Explicitly named files are visited even when an ignore file lists them, but `exclude`
/// globs still apply (pre-commit passes file names; config excludes must win).
pub fn walk<F>(roots: &[PathBuf], opts: &WalkOptions, visit: F) -> Vec<WalkError>
where
    F: Fn(&Path, bool) + Sync,
{
    let errors = Mutex::new(Vec::new());
    let excludes = build_excludes(&opts.exclude);
    let (files, dirs): (Vec<&PathBuf>, Vec<&PathBuf>) = roots.iter().partition(|p| !p.is_dir());
    for f in files {
        if excludes.as_ref().is_some_and(|g| g.is_match(f)) {
            continue;
        }
        visit(f, true);
    }
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
    let excludes = &excludes;
    b.build_parallel().run(|| {
        let visit = &visit;
        let errors = &errors;
        Box::new(move |res| {
            match res {
                Ok(entry) => {
                    if excludes.as_ref().is_some_and(|g| g.is_match(entry.path())) {
                        return if entry.file_type().is_some_and(|t| t.is_dir()) {
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

fn build_excludes(globs: &[String]) -> Option<globset::GlobSet> {
    if globs.is_empty() {
        return None;
    }
    let mut b = globset::GlobSetBuilder::new();
    for g in globs {
        // `dir/` and `name` match anywhere below the root, as in gitignore.
        let g = g.trim_end_matches('/');
        let pat = if g.contains('/') {
            g.trim_start_matches("./").to_string()
        } else {
            format!("**/{g}")
        };
        if let Ok(glob) = globset::Glob::new(&pat) {
            b.add(glob);
        }
        if let Ok(glob) = globset::Glob::new(&format!("{pat}/**")) {
            b.add(glob);
        }
    }
    b.build().ok()
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
