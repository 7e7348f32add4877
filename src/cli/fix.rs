//! `check --fix` / `check --diff`: what they print and the exit code they pick. The planning
//! and writing is [`crate::fix`]'s.

use crate::Scan;
use crate::fix::{FixOptions, Plan, plan, plan_and_write};

/// What `check` does next after `--fix` or `--diff`.
#[derive(Debug)]
// Made once per run and matched at once: boxing the scan would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum AfterFix {
    /// Report this scan; after `--fix` it is a new scan of the fixed files, and the plan says
    /// what was written.
    Report(Scan, Option<Plan>),
    /// `--diff` printed the diff; exit with this code (1: there is something to fix).
    Exit(i32),
}

/// `check --fix` / `check --diff`: plan the fixes of `scan`, then print the diff, or write the
/// files (each as soon as it is planned, so one file's text is held at a time) and scan them
/// again so the report shows what remains (as ruff does). Problems and the
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
    if !diff {
        let plan = plan_and_write(&scan, fix_opts);
        for p in &plan.problems {
            eprintln!("linkedin-lint: {p}");
        }
        let scan = if plan.files.is_empty() {
            scan
        } else {
            // The scan's kept lines are dropped before the new scan keeps its own.
            drop(scan);
            linter.scan(opts)?
        };
        return Ok(AfterFix::Report(scan, Some(plan)));
    }
    let plan = plan(&scan, fix_opts);
    for p in &plan.problems {
        eprintln!("linkedin-lint: {p}");
    }
    print!("{}", plan.diff());
    if !quiet {
        eprintln!("linkedin-lint: {}", plan.summary(false));
    }
    Ok(AfterFix::Exit(if plan.files.is_empty() {
        super::EXIT_OK
    } else {
        super::EXIT_FINDINGS
    }))
}
