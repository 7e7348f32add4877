//! The errors that stop a run before anything is scanned.

use miette::{Diagnostic, NamedSource, SourceSpan};

use crate::rules::RuleError;

/// Errors that stop a run before anything is scanned (exit code 2).
#[derive(Debug, thiserror::Error, Diagnostic)]
#[non_exhaustive]
pub enum Error {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] Box<RuleError>),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(#[from] Box<ConfigError>),
    #[error("{0}")]
    #[diagnostic(code(linkedin_lint::usage))]
    Usage(String),
    #[error("cannot read {path}: {message}")]
    #[diagnostic(code(linkedin_lint::io))]
    Io { path: String, message: String },
}

/// A config file that could not be used. Rendered by miette with the file, line and column.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("invalid config file {name}: {reason}")]
#[diagnostic(code(linkedin_lint::config))]
pub struct ConfigError {
    pub name: String,
    pub reason: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{reason}")]
    pub span: Option<SourceSpan>,
}
