//! How the linter fits a team's workflow: pre-commit and git hooks, config files, allow
//! comments, baselines and editors. One test binary, one module per topic.
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated, version-sunset, version-inconsistent, version-expiring, hardcoded-token) -- test inputs

#[path = "../common/mod.rs"]
mod common;

mod baseline;
mod config;
mod editors;
mod precommit;
mod suppress;
