//! `linkedin-lint install-hook`: a plain git pre-commit hook, for teams that do not use the
//! pre-commit framework (which uses `.pre-commit-hooks.yaml` instead).

use std::path::PathBuf;
use std::process::Command;

use crate::Error;

/// The hook script. It lints the staged files that exist in the commit (added, copied,
/// modified, renamed) as they are in the working tree; NUL-separated names survive spaces and
/// newlines; a submodule's new commit is not a file to lint. The project's config applies, so
/// its excludes filter the names too.
pub const SCRIPT: &str = r#"#!/bin/sh
# linkedin-lint pre-commit hook, written by `linkedin-lint install-hook`.
# Lints the staged files; skip it once with `git commit --no-verify`.
# LINKEDIN_LINT names the binary when it is not `linkedin-lint` on PATH.
lint="${LINKEDIN_LINT:-linkedin-lint}"
git diff --cached --quiet --diff-filter=ACMR --ignore-submodules=all && exit 0
if ! command -v "$lint" >/dev/null 2>&1; then
    echo "linkedin-lint: '$lint' not found; install linkedin-lint, or set LINKEDIN_LINT to its path" >&2
    exit 1
fi
if ! git diff --cached --name-only --diff-filter=ACMR --ignore-submodules=all -z |
    xargs -0 "$lint" check --; then
    echo "linkedin-lint: commit blocked; fix the findings above, or commit with --no-verify" >&2
    exit 1
fi
"#;

/// Write [`SCRIPT`] as the repository's pre-commit hook; refuses to replace an existing hook
/// unless `force`. Returns the hook's path.
pub fn install(force: bool) -> Result<PathBuf, Error> {
    // `--git-path hooks` honours core.hooksPath and linked worktrees.
    let out = Command::new("git")
        .args(["rev-parse", "--git-path", "hooks"])
        .output()
        .map_err(|e| Error::Usage(format!("cannot run git: {e}")))?;
    if !out.status.success() {
        return Err(Error::Usage(format!(
            "install-hook needs a git repository: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let hook = dir.join("pre-commit");
    let shown = crate::walk::display_path(&hook);
    if hook.exists() && !force {
        return Err(Error::Usage(format!(
            "{shown} already exists; add `--force` to replace it"
        )));
    }
    let io = |e: std::io::Error| Error::Io {
        path: shown.clone(),
        message: e.to_string(),
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    std::fs::write(&hook, SCRIPT).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).map_err(io)?;
    }
    Ok(hook)
}
