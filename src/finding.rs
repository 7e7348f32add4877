//! Findings: what the checks produce and every report and fix consumes.
//!
//! The serialised form of [`Finding`] is the public JSON contract (`schema_version` 1).

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, not `write_str`: tables align with `{:<8}`.
        f.pad(self.as_str())
    }
}

/// The checks (the `rule` field). These names are a stable contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    VersionMalformed,
    VersionSunset,
    VersionExpiring,
    VersionUnknown,
    VersionMissing,
    VersionInconsistent,
    RestliProtocol,
    EndpointDeprecated,
    ScopeDeprecated,
    ScopeVersionMismatch,
    AuthScheme,
    HardcodedToken,
    UnusedAllow,
}

impl Rule {
    pub const ALL: [Rule; 13] = [
        Rule::VersionMalformed,
        Rule::VersionSunset,
        Rule::VersionExpiring,
        Rule::VersionUnknown,
        Rule::VersionMissing,
        Rule::VersionInconsistent,
        Rule::RestliProtocol,
        Rule::EndpointDeprecated,
        Rule::ScopeDeprecated,
        Rule::ScopeVersionMismatch,
        Rule::AuthScheme,
        Rule::HardcodedToken,
        Rule::UnusedAllow,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::VersionMalformed => "version-malformed",
            Rule::VersionSunset => "version-sunset",
            Rule::VersionExpiring => "version-expiring",
            Rule::VersionUnknown => "version-unknown",
            Rule::VersionMissing => "version-missing",
            Rule::VersionInconsistent => "version-inconsistent",
            Rule::RestliProtocol => "restli-protocol",
            Rule::EndpointDeprecated => "endpoint-deprecated",
            Rule::ScopeDeprecated => "scope-deprecated",
            Rule::ScopeVersionMismatch => "scope-version-mismatch",
            Rule::AuthScheme => "auth-scheme",
            Rule::HardcodedToken => "hardcoded-token",
            Rule::UnusedAllow => "unused-allow",
        }
    }

    pub fn from_name(s: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == s)
    }

    /// One-line description, for `rules` and SARIF.
    pub fn summary(self) -> &'static str {
        match self {
            Rule::VersionMalformed => "A LinkedIn-Version value is not YYYYMM or YYYYMM.RR",
            Rule::VersionSunset => "The pinned LinkedIn-Version has been sunset",
            Rule::VersionExpiring => "The pinned LinkedIn-Version sunsets soon",
            Rule::VersionUnknown => {
                "The LinkedIn-Version does not exist (future or never released)"
            }
            Rule::VersionMissing => "A /rest/ request without a LinkedIn-Version header",
            Rule::VersionInconsistent => "The codebase pins more than one LinkedIn-Version",
            Rule::RestliProtocol => "X-Restli-Protocol-Version is not 2.0.0",
            Rule::EndpointDeprecated => "A retired or deprecated LinkedIn endpoint",
            Rule::ScopeDeprecated => "A retired or deprecated OAuth scope is requested",
            Rule::ScopeVersionMismatch => {
                "An endpoint at the pinned version needs a scope that is not requested"
            }
            Rule::AuthScheme => "Authorization header without the Bearer scheme",
            Rule::HardcodedToken => "A LinkedIn access token or client secret in source",
            Rule::UnusedAllow => "A linkedin-lint allow comment that silences nothing",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Rule::from_name(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown rule `{s}`")))
    }
}

/// A 1-based line and column; columns count Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Where a finding is. `end` and `byte_end` are exclusive; byte offsets are into the file as
/// stored on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: LineCol,
    pub end: LineCol,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Whether a fix may be applied without review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Applied by `--fix`.
    MachineApplicable,
    /// Shown; applied only with `--unsafe-fixes`.
    MaybeIncorrect,
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub byte_start: usize,
    pub byte_end: usize,
    pub replacement: String,
}

/// A suggested change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// A secondary location that explains a finding (e.g. where the other version is pinned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub path: String,
    pub span: Span,
    pub message: String,
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    /// The rule-table entry (`v2-me`, `r-liteprofile`, `version-sunset-dated`, …).
    pub id: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// As reached from the paths given on the command line, `/`-separated.
    pub path: String,
    pub span: Span,
    pub fix: Option<Fix>,
    /// The source behind the rule-table entry.
    pub docs: String,
    /// Secondary locations; rendered by the human formats, not part of the JSON contract.
    #[serde(skip)]
    pub related: Vec<Related>,
    /// The finding lies in a comment or prose (severity is capped at `info` there).
    #[serde(skip)]
    pub in_comment: bool,
}

impl Finding {
    /// The order of findings in every output: path, then position, then rule.
    pub fn sort_key(&self) -> (&str, usize, Rule, &str) {
        (&self.path, self.span.byte_start, self.rule, &self.id)
    }
}
