//! linkedin-lint: find stale LinkedIn API usage — sunset `LinkedIn-Version` pins, retired
//! endpoints and scopes, wrong headers, hard-coded tokens — before LinkedIn's 400/403/426 does.
//!
//! The pipeline reads top-down:
//! [`walk`] → prefilter → `extract` (→ `facts`) → `check` (→ [`finding`]) → [`report`]; the
//! engine that runs it is `engine.rs`, and `ARCHITECTURE.md` draws the whole picture.
//!
//! Use it from your own `xtask`:
//!
//! ```no_run
//! use linkedin_lint::{Linter, ScanOptions};
//!
//! let linter = Linter::builder().today("2026-11-23").build()?;
//! let scan = linter.scan(&ScanOptions::paths(["src"]))?;
//! for f in &scan.findings {
//!     println!("{}:{}:{}: {}[{}] {}", f.path, f.span.start.line, f.span.start.column, f.rule, f.id, f.message);
//! }
//! std::process::exit(if scan.has_errors() { 1 } else { 0 });
//! # Ok::<(), linkedin_lint::Error>(())
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub(crate) mod atomic_write;
pub(crate) mod baseline;
pub(crate) mod calendar;
pub(crate) mod check;
#[allow(clippy::print_stdout, clippy::print_stderr)] // the command line prints; nothing else does
pub mod cli;
pub mod codegen;
pub mod config;
mod engine;
mod error;
pub(crate) mod escape;
pub(crate) mod explain_error;
pub(crate) mod extract;
pub(crate) mod facts;
pub mod finding;
pub mod fix;
pub(crate) mod git_index;
pub mod hook;
pub(crate) mod input;
pub mod prefilter;
pub(crate) mod redact;
pub(crate) mod reference;
pub mod report;
pub mod rules;
pub mod server;
pub mod source;
pub(crate) mod suppress;
pub mod timings;
pub mod walk;

pub use calendar::{Date, Version};
pub use check::{CheckOptions, Checker, FileCheck};
pub use engine::{
    DEFAULT_MAX_FILESIZE, Linter, LinterBuilder, Note, NoteKind, OnFile, Scan, ScanOptions,
    Workspace,
};
pub use error::Error;
pub use finding::{Finding, Rule, Severity};
pub use rules::{RuleError, RuleTable};
pub use walk::WalkOptions;
