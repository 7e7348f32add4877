//! `check --fix` / `check --diff`: what they print and the exit code they pick. The planning
//! and writing is [`crate::fix`]'s.

use crate::Scan;
use crate::fix::{FixOptions, Plan, plan};

/// What `check` does next after `--fix` or `--diff`.
#[derive(Debug)]
pub enum AfterFix {
    /// Report this scan; after `--fix` it is a new scan of the fixed files, and the plan says
    /// what was written.
    Report(Scan, Option<Plan>),
    /// `--diff` printed the diff; exit with this code (1: there is something to fix).
    Exit(i32),
}

/// `check --fix` / `check --diff`: plan the fixes of `scan`, then print the diff, or write the
/// files and scan them again so the report shows what remains (as ruff does). Problems and the
/// `--diff` summary go to standard error, so `--format json` output stays one document.
pub fn on_check(
    linter: &crate::Linter,
    opts: &crate::ScanOptions,
    scan: Scan,
    fix: bool,
    diff: bool,
    fix_opts: FixOptions,
    quiet: bool,
) -> Result<AfterFix, crate::Error> {
    if !fix && !diff {
        return Ok(AfterFix::Report(scan, None));
    }
    if opts.stdin.is_some() {
        return Err(crate::Error::Usage(
            "--fix and --diff change files on disk; they cannot be used with --stdin-filename"
                .into(),
        ));
    }
    let mut plan = plan(&scan, fix_opts);
    if diff {
        for p in &plan.problems {
            eprintln!("linkedin-lint: {p}");
        }
        print!("{}", plan.diff());
        if !quiet {
            eprintln!("linkedin-lint: {}", plan.summary(false));
        }
        return Ok(AfterFix::Exit(if plan.files.is_empty() {
            super::EXIT_OK
        } else {
            super::EXIT_FINDINGS
        }));
    }
    plan.write();
    for p in &plan.problems {
        eprintln!("linkedin-lint: {p}");
    }
    let scan = if plan.files.is_empty() {
        scan
    } else {
        linter.scan(opts)?
    };
    Ok(AfterFix::Report(scan, Some(plan)))
}
