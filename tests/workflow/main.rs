//! How the linter fits a team's workflow: pre-commit and git hooks, config files, allow
//! comments, baselines and editors. One test binary, one module per topic.

#[path = "../common/mod.rs"]
mod common;

mod baseline;
mod config;
mod editors;
mod precommit;
mod suppress;
