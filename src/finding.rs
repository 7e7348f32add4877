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

/// The one registry of checks: each line gives the variant, its stable name (the `rule`
/// field) and its one-line summary. [`Rule`], [`Rule::ALL`], [`Rule::name`] and
/// [`Rule::summary`] all come from it, so they cannot drift apart.
macro_rules! rules {
    ($($(#[$doc:meta])* $variant:ident => $name:literal, $summary:literal;)+) => {
        /// The checks (the `rule` field). These names are a stable contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Rule {
            $($(#[$doc])* $variant,)+
        }

        impl Rule {
            /// Every rule, in registry order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)+];

            pub fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)+
                }
            }

            /// One-line description, for `rules` and SARIF.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Rule::$variant => $summary,)+
                }
            }
        }
    };
}

rules! {
    VersionMalformed => "version-malformed", "A LinkedIn-Version value is not YYYYMM or YYYYMM.RR";
    VersionSunset => "version-sunset", "The pinned LinkedIn-Version has been sunset";
    VersionExpiring => "version-expiring", "The pinned LinkedIn-Version sunsets soon";
    VersionUnknown => "version-unknown", "The LinkedIn-Version does not exist (future or never released)";
    VersionMissing => "version-missing", "A /rest/ request without a LinkedIn-Version header";
    VersionInconsistent => "version-inconsistent", "The codebase pins more than one LinkedIn-Version";
    RestliProtocol => "restli-protocol", "X-Restli-Protocol-Version is not 2.0.0";
    EndpointDeprecated => "endpoint-deprecated", "A retired or deprecated LinkedIn endpoint";
    ScopeDeprecated => "scope-deprecated", "A retired or deprecated OAuth scope is requested";
    ScopeVersionMismatch => "scope-version-mismatch", "An endpoint at the pinned version needs a scope that is not requested";
    AuthScheme => "auth-scheme", "Authorization header without the Bearer scheme";
    HardcodedToken => "hardcoded-token", "A LinkedIn access token or client secret in source";
    UnusedAllow => "unused-allow", "A linkedin-lint allow comment that silences nothing";
}

impl Rule {
    pub fn from_name(s: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.name() == s)
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
    /// As reached from the paths given on the command line, `/`-separated. A file name that
    /// is not UTF-8 shows each byte that is not as `\xNN`; `path_bytes` then has them all.
    pub path: String,
    /// Only for a path that is not UTF-8 (Linux names are bytes): its exact bytes, so a
    /// consumer can open the very file (JSON: an array of numbers 0–255).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<Vec<u8>>,
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
