//! The rule table: LinkedIn knowledge as data (`rules/linkedin.yaml`).
//!
//! The default table is embedded in the binary; `--rules FILE` merges more files on top of it,
//! replacing entries with the same `id` and adding new ones. Every YAML error, unknown field,
//! duplicate id or bad value is a [`RuleError`] that points into the file with line and column.
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated, scope-version-mismatch) -- unit-test inputs

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;

pub use crate::calendar::{Calendar, Grade, NotReleased, SunsetEntry};
use crate::calendar::{Date, Version};
use crate::finding::{Applicability, Severity};

/// The embedded default table.
pub const DEFAULT_RULES: &str = include_str!("../rules/linkedin.yaml");
/// The name the embedded table is reported under.
pub const DEFAULT_RULES_NAME: &str = "rules/linkedin.yaml (embedded)";

/// One rule file as written on disk. Every section is optional in a user file; the embedded
/// table must have `versions`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Format of the table; only `1` exists.
    pub schema: u32,
    /// Date of the newest fact in the table.
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub versions: Option<VersionsSection>,
    /// Entries for the checks that are not per-endpoint or per-scope (version checks, headers,
    /// tokens): their ids, severities, messages, help and sources.
    #[serde(default)]
    pub checks: Vec<CheckEntry>,
    #[serde(default)]
    pub endpoints: Vec<EndpointEntry>,
    #[serde(default)]
    pub scopes: Vec<ScopeEntry>,
    #[serde(default)]
    pub requirements: Vec<RequirementEntry>,
}

/// The version calendar.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionsSection {
    /// Documentation of the value format, `YYYYMM[.RR]`.
    pub format: String,
    /// First versioned release (`202206`).
    pub first: String,
    /// Newest released version the table knows.
    pub latest: String,
    /// Support policy for versions without a published sunset date, in months after release.
    pub support_months: u32,
    /// Days before a sunset at which `version-expiring` starts to warn.
    #[serde(default = "default_expiring_days")]
    pub expiring_days: u32,
    /// Source of the policy.
    pub source: String,
    /// Months in which no version was released (e.g. `202412`).
    #[serde(default)]
    pub not_released: Vec<NotReleased>,
    /// Explicit sunset dates; they win over the policy.
    #[serde(default)]
    pub sunsets: Vec<SunsetEntry>,
}

/// What [`RequirementEntry::from`] holds between deserialising and [`load`] parsing it.
fn unparsed_version() -> Version {
    Version {
        year: 0,
        month: 0,
        patch: None,
    }
}

fn default_expiring_days() -> u32 {
    90
}

/// A generic check's entry (version checks, header checks, token checks).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckEntry {
    pub id: String,
    /// The check (`rule` in the output) this entry belongs to, parsed at load.
    pub rule: crate::finding::Rule,
    pub severity: Severity,
    /// Message; `{version}`, `{sunset}`, `{days}`, `{value}`, `{header}` are filled in.
    pub message: String,
    pub help: String,
    pub since: String,
    pub grade: Grade,
    pub source: String,
    /// What a user sees at run time when this breaks (HTTP status, error code), for `explain`.
    #[serde(default)]
    pub breaks: Option<String>,
}

/// An endpoint that moved or was retired.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndpointEntry {
    pub id: String,
    /// The path as it appears in code, e.g. `/v2/me`. A path ending in `/` matches as a
    /// prefix; otherwise the next character must not continue the name.
    pub path: String,
    /// Host the path must be joined to, when the path alone is too generic to judge
    /// (e.g. `www.linkedin.com` for `/uas/oauth2/`). Default: any LinkedIn host.
    #[serde(default)]
    pub host: Option<String>,
    /// Match after any `/` of the path, not only at its start (`…/socialActions/{urn}/likes`).
    /// Use with `host` so that the short path is judged only on LinkedIn URLs.
    #[serde(default)]
    pub segment: bool,
    /// What to use instead (path), if there is a 1:1 replacement.
    #[serde(default)]
    pub replacement: Option<String>,
    /// Whether `--fix` may apply the replacement. Default `none` (no fix offered).
    #[serde(default)]
    pub fix: FixKind,
    pub severity: Severity,
    pub since: String,
    pub grade: Grade,
    pub message: String,
    pub help: String,
    pub source: String,
    #[serde(default)]
    pub breaks: Option<String>,
}

/// An OAuth scope that was retired or deprecated.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeEntry {
    pub id: String,
    pub scope: String,
    /// Scopes to request instead (may be empty: no self-serve replacement).
    #[serde(default)]
    pub replacement: Vec<String>,
    #[serde(default)]
    pub fix: FixKind,
    pub severity: Severity,
    pub since: String,
    pub grade: Grade,
    pub message: String,
    pub help: String,
    pub source: String,
    #[serde(default)]
    pub breaks: Option<String>,
}

/// A scope an endpoint needs from a given version on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementEntry {
    pub id: String,
    pub endpoint: String,
    pub from_version: String,
    /// `from_version`, parsed at load.
    #[serde(skip, default = "unparsed_version")]
    pub from: Version,
    pub scope: String,
    pub severity: Severity,
    pub since: String,
    pub grade: Grade,
    pub message: String,
    pub help: String,
    pub source: String,
    #[serde(default)]
    pub breaks: Option<String>,
}

/// Whether and how a table entry may be fixed automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    #[default]
    None,
    MachineApplicable,
    MaybeIncorrect,
}

impl FixKind {
    pub fn applicability(self) -> Option<Applicability> {
        match self {
            FixKind::None => None,
            FixKind::MachineApplicable => Some(Applicability::MachineApplicable),
            FixKind::MaybeIncorrect => Some(Applicability::MaybeIncorrect),
        }
    }
}

/// The merged, validated table the checks use.
#[derive(Debug, Clone)]
pub struct RuleTable {
    pub updated: String,
    pub calendar: Calendar,
    pub checks: Vec<CheckEntry>,
    pub endpoints: Vec<EndpointEntry>,
    pub scopes: Vec<ScopeEntry>,
    pub requirements: Vec<RequirementEntry>,
}

/// A rule file that could not be loaded. Rendered by miette with the file, line and column.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("invalid rule file {name}: {reason}")]
#[diagnostic(code(linkedin_lint::rules))]
pub struct RuleError {
    pub name: String,
    pub reason: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{reason}")]
    pub span: Option<SourceSpan>,
    /// 1-based line and column of the problem, when known.
    pub line_col: Option<(usize, usize)>,
}

impl RuleError {
    fn new(name: &str, src: &str, reason: String, at: Option<usize>) -> Self {
        let line_col = at.map(|o| line_col(src, o));
        RuleError {
            name: name.to_string(),
            reason,
            src: NamedSource::new(name, src.to_string()),
            span: at.map(|o| SourceSpan::from((o, 0))),
            line_col,
        }
    }
}

fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let before = &src[..offset.min(src.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Parse one rule file. This is the only place that touches the YAML library, so replacing
/// the archived `serde_yaml` with a maintained fork is a one-line change here.
pub fn parse_rule_file(name: &str, src: &str) -> Result<RuleFile, Box<RuleError>> {
    const MAX_NESTING: usize = 64;
    if let Some(at) = flow_nesting_over(src, MAX_NESTING) {
        return Err(Box::new(RuleError::new(
            name,
            src,
            format!("nested more than {MAX_NESTING} levels deep"),
            Some(at),
        )));
    }
    serde_yaml::from_str::<RuleFile>(src).map_err(|e| {
        let at = e.location().map(|l| l.index());
        let mut reason = e.to_string();
        // serde_yaml appends " at line X column Y"; the label already shows where.
        if let Some(i) = reason.find(" at line ") {
            reason.truncate(i);
        }
        Box::new(RuleError::new(name, src, reason, at))
    })
}

/// Load the embedded table, then merge each `(name, text)` file over it in order.
pub fn load(extra: &[(String, String)]) -> Result<RuleTable, Box<RuleError>> {
    // The embedded table is parsed once per process: it never changes, and parsing its 60 KB
    // of YAML is most of the time of a load with small extra files.
    static BASE: OnceLock<RuleFile> = OnceLock::new();
    let base = match BASE.get() {
        Some(base) => base.clone(),
        None => {
            let base = parse_rule_file(DEFAULT_RULES_NAME, DEFAULT_RULES)?;
            BASE.get_or_init(|| base).clone()
        }
    };
    let mut files = vec![(
        DEFAULT_RULES_NAME.to_string(),
        DEFAULT_RULES.to_string(),
        base,
    )];
    for (name, text) in extra {
        let parsed = parse_rule_file(name, text)?;
        files.push((name.clone(), text.clone(), parsed));
    }
    build(files)
}

/// Find where `needle` (an id or value) is written in the YAML, to point an error at it.
fn locate(src: &str, key: &str, value: &str) -> Option<usize> {
    for (pos, _) in src.match_indices(value) {
        let line_start = src[..pos].rfind('\n').map_or(0, |i| i + 1);
        let line = &src[line_start..pos];
        if line.contains(key) {
            return Some(pos);
        }
    }
    src.find(value)
}

fn build(files: Vec<(String, String, RuleFile)>) -> Result<RuleTable, Box<RuleError>> {
    let mut calendar: Option<Calendar> = None;
    let mut updated = String::new();
    let mut checks: Vec<CheckEntry> = Vec::new();
    let mut endpoints: Vec<EndpointEntry> = Vec::new();
    let mut scopes: Vec<ScopeEntry> = Vec::new();
    let mut requirements: Vec<RequirementEntry> = Vec::new();

    for (name, src, mut file) in files {
        let err = |reason: String, key: &str, value: &str| {
            Box::new(RuleError::new(
                &name,
                &src,
                reason,
                locate(&src, key, value),
            ))
        };
        if file.schema != 1 {
            return Err(err(
                format!(
                    "unsupported schema {} (this linkedin-lint reads schema 1)",
                    file.schema
                ),
                "schema",
                &file.schema.to_string(),
            ));
        }
        if let Some(u) = &file.updated {
            Date::parse(u)
                .map_err(|e| err(format!("bad `updated` date {u:?}: {e}"), "updated", u))?;
            if u.as_str() > updated.as_str() {
                updated = u.clone();
            }
        }
        validate_entries(&mut file, &name, &src, &err)?;
        if let Some(v) = file.versions {
            let parsed = parse_versions(&v, &err)?;
            match &mut calendar {
                // A later file's `versions` adds/overrides sunsets and may move `latest`.
                Some(cur) => {
                    cur.latest = parsed.latest;
                    cur.support_months = parsed.support_months;
                    cur.expiring_days = parsed.expiring_days;
                    cur.not_released.extend(parsed.not_released);
                    cur.sunsets.extend(parsed.sunsets);
                }
                None => calendar = Some(parsed),
            }
        }
        merge_by_id(&mut checks, file.checks, |c| &c.id);
        merge_by_id(&mut endpoints, file.endpoints, |e| &e.id);
        merge_by_id(&mut scopes, file.scopes, |s| &s.id);
        merge_by_id(&mut requirements, file.requirements, |r| &r.id);
    }

    let calendar = calendar.ok_or_else(|| {
        Box::new(RuleError::new(
            DEFAULT_RULES_NAME,
            DEFAULT_RULES,
            "the table has no `versions` section".into(),
            None,
        ))
    })?;
    Ok(RuleTable {
        updated,
        calendar,
        checks,
        endpoints,
        scopes,
        requirements,
    })
}

/// Check the entries of one rule file (ids, paths, scopes, dates), parsing each requirement's
/// `from_version` into [`RequirementEntry::from`].
fn validate_entries(
    file: &mut RuleFile,
    name: &str,
    src: &str,
    err: &dyn Fn(String, &str, &str) -> Box<RuleError>,
) -> Result<(), Box<RuleError>> {
    // Ids are unique within one file; across files a later file overrides an earlier one.
    let mut seen = HashSet::new();
    let all_ids = file
        .checks
        .iter()
        .map(|c| &c.id)
        .chain(file.endpoints.iter().map(|e| &e.id))
        .chain(file.scopes.iter().map(|s| &s.id))
        .chain(file.requirements.iter().map(|r| &r.id));
    for id in all_ids {
        if !seen.insert(id.clone()) {
            // Point at the second occurrence.
            let first = locate(src, "id", id).unwrap_or(0);
            let second = src[first + id.len()..]
                .find(id.as_str())
                .map(|o| o + first + id.len());
            return Err(Box::new(RuleError::new(
                name,
                src,
                format!("duplicate id `{id}`"),
                second,
            )));
        }
        if !is_valid_id(id) {
            return Err(err(
                format!("id `{id}` must be lowercase letters, digits and dashes"),
                "id",
                id,
            ));
        }
    }
    for c in &file.checks {
        check_date(&c.since)
            .map_err(|e| err(format!("bad `since` of `{}`: {e}", c.id), "since", &c.since))?;
    }
    for e in &file.endpoints {
        if e.path.trim_matches('/').is_empty() {
            return Err(err(
                format!("endpoint path `{}` names no resource", e.path),
                "path",
                &e.path,
            ));
        }
        if let Some(r) = &e.replacement
            && path_matches_start(&e.path, r)
        {
            return Err(err(
                format!(
                    "the replacement `{r}` of `{}` still matches its path `{}`: every --fix would apply it again",
                    e.id, e.path
                ),
                "replacement",
                r,
            ));
        }
        if !e.path.starts_with('/') {
            return Err(err(
                format!("endpoint path `{}` must start with `/`", e.path),
                "path",
                &e.path,
            ));
        }
        if e.fix != FixKind::None && e.replacement.is_none() {
            return Err(err(
                format!("`{}` has a fix but no replacement", e.id),
                "id",
                &e.id,
            ));
        }
        check_date(&e.since)
            .map_err(|x| err(format!("bad `since` of `{}`: {x}", e.id), "since", &e.since))?;
    }
    for s in &file.scopes {
        if s.scope.is_empty()
            || !s
                .scope
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(err(
                format!("scope `{}` is not a scope name", s.scope),
                "scope",
                &s.scope,
            ));
        }
        if s.fix != FixKind::None && s.replacement.is_empty() {
            return Err(err(
                format!("`{}` has a fix but no replacement", s.id),
                "id",
                &s.id,
            ));
        }
        check_date(&s.since)
            .map_err(|x| err(format!("bad `since` of `{}`: {x}", s.id), "since", &s.since))?;
    }
    for r in &mut file.requirements {
        r.from = Version::parse(&r.from_version).map_err(|e| {
            err(
                format!("bad `from_version` {:?}: {e}", r.from_version),
                "from_version",
                &r.from_version,
            )
        })?;
        check_date(&r.since)
            .map_err(|x| err(format!("bad `since` of `{}`: {x}", r.id), "since", &r.since))?;
    }
    Ok(())
}

/// Check a `versions` section and parse it, once, into calendar form.
fn parse_versions(
    v: &VersionsSection,
    err: &dyn Fn(String, &str, &str) -> Box<RuleError>,
) -> Result<Calendar, Box<RuleError>> {
    let mut sunsets = BTreeMap::new();
    for s in &v.sunsets {
        let ver = Version::parse(&s.version).map_err(|e| {
            err(
                format!("bad version {:?}: {e}", s.version),
                "version",
                &s.version,
            )
        })?;
        let date = Date::parse(&s.date).map_err(|e| {
            err(
                format!("bad sunset date {:?}: {e}", s.date),
                "date",
                &s.date,
            )
        })?;
        sunsets.insert(ver.month_index(), (date, s.clone()));
    }
    let mut not_released = BTreeMap::new();
    for n in &v.not_released {
        let ver = Version::parse(&n.version).map_err(|e| {
            err(
                format!("bad version {:?}: {e}", n.version),
                "version",
                &n.version,
            )
        })?;
        not_released.insert(ver.month_index(), n.clone());
    }
    let mut first_latest = Vec::with_capacity(2);
    for (k, val) in [("first", &v.first), ("latest", &v.latest)] {
        first_latest.push(
            Version::parse(val)
                .map_err(|e| err(format!("bad `{k}` version {val:?}: {e}"), k, val))?,
        );
    }
    Ok(Calendar {
        first: first_latest[0],
        latest: first_latest[1],
        support_months: v.support_months,
        expiring_days: v.expiring_days,
        policy_source: v.source.clone(),
        not_released,
        sunsets,
    })
}

fn check_date(s: &str) -> Result<(), String> {
    // `since` may be a date or a month (`2023-08`) or a version (`202306`).
    if Date::parse(s).is_ok() || Version::parse(s).is_ok() {
        return Ok(());
    }
    if s.len() == 7 && Date::parse(&format!("{s}-01")).is_ok() {
        return Ok(());
    }
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    Err(format!(
        "{s:?} is not a date (YYYY-MM-DD, YYYY-MM, YYYY) or version (YYYYMM)"
    ))
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// Replace entries with the same id in place, append the rest: linear in both lists (a search
/// per item made 160k-entry files take minutes).
fn merge_by_id<T>(into: &mut Vec<T>, new: Vec<T>, id: impl Fn(&T) -> &String) {
    let mut at: HashMap<String, usize> = into
        .iter()
        .enumerate()
        .map(|(i, x)| (id(x).clone(), i))
        .collect();
    for item in new {
        match at.get(id(&item)) {
            Some(&i) => into[i] = item,
            None => {
                at.insert(id(&item).clone(), into.len());
                into.push(item);
            }
        }
    }
}

/// Would an endpoint entry's `path` match at the start of `text`? (Same rule as the checks:
/// a path ending in `/` is a prefix; otherwise the name must end where the path does.)
fn path_matches_start(path: &str, text: &str) -> bool {
    text.starts_with(path)
        && (path.ends_with('/')
            || !text[path.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_'))
}

/// Deepest flow nesting (`[`/`{`) outside quotes and comments, and where it first passes
/// `limit`: checked before the YAML parser sees the text, which takes seconds to reject
/// 100,000 nested brackets.
fn flow_nesting_over(src: &str, limit: usize) -> Option<usize> {
    let (mut depth, mut quote, mut comment) = (0usize, None, false);
    let mut prev = b'\n';
    for (i, b) in src.bytes().enumerate() {
        match (quote, b) {
            _ if comment => comment = b != b'\n',
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'#') if prev.is_ascii_whitespace() => comment = true,
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = b;
    }
    None
}

impl RuleTable {
    /// The entry of a generic check by id.
    pub fn check(&self, id: &str) -> Option<&CheckEntry> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// Whether `id` names an entry of any section (for config keys and allow comments).
    pub fn has_id(&self, id: &str) -> bool {
        self.checks.iter().any(|c| c.id == id)
            || self.endpoints.iter().any(|e| e.id == id)
            || self.scopes.iter().any(|e| e.id == id)
            || self.requirements.iter().any(|e| e.id == id)
    }

    /// Every entry, whatever its section, in table order: checks, endpoints, scopes,
    /// requirements. What `rules`, `explain` and the SARIF rule list show.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        let checks = self.checks.iter().map(|c| Entry {
            id: &c.id,
            rule: c.rule,
            severity: c.severity,
            message: &c.message,
            help: &c.help,
            source: &c.source,
            breaks: c.breaks.as_deref(),
            section: Section::Check(c),
        });
        let endpoints = self.endpoints.iter().map(|e| Entry {
            id: &e.id,
            rule: crate::finding::Rule::EndpointDeprecated,
            severity: e.severity,
            message: &e.message,
            help: &e.help,
            source: &e.source,
            breaks: e.breaks.as_deref(),
            section: Section::Endpoint(e),
        });
        let scopes = self.scopes.iter().map(|e| Entry {
            id: &e.id,
            rule: crate::finding::Rule::ScopeDeprecated,
            severity: e.severity,
            message: &e.message,
            help: &e.help,
            source: &e.source,
            breaks: e.breaks.as_deref(),
            section: Section::Scope(e),
        });
        let requirements = self.requirements.iter().map(|e| Entry {
            id: &e.id,
            rule: crate::finding::Rule::ScopeVersionMismatch,
            severity: e.severity,
            message: &e.message,
            help: &e.help,
            source: &e.source,
            breaks: e.breaks.as_deref(),
            section: Section::Requirement(e),
        });
        checks.chain(endpoints).chain(scopes).chain(requirements)
    }

    /// The entry with this id, in any section.
    pub fn entry(&self, id: &str) -> Option<Entry<'_>> {
        self.entries().find(|e| e.id == id)
    }
}

/// One rule-table entry seen through the fields every section shares.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'t> {
    pub id: &'t str,
    /// The check whose findings carry this id.
    pub rule: crate::finding::Rule,
    pub severity: Severity,
    /// For generic checks a template (`{version}`, `{sunset}`, … are filled in per finding).
    pub message: &'t str,
    pub help: &'t str,
    pub source: &'t str,
    /// What a user sees at run time when this breaks, if the table records it.
    pub breaks: Option<&'t str>,
    pub section: Section<'t>,
}

/// The section an [`Entry`] comes from, with its section-specific fields.
#[derive(Debug, Clone, Copy)]
pub enum Section<'t> {
    Check(&'t CheckEntry),
    Endpoint(&'t EndpointEntry),
    Scope(&'t ScopeEntry),
    Requirement(&'t RequirementEntry),
}

/// The rule-table entries of the `checks` section that the code refers to by id: one typed
/// name each, so a misspelt id does not compile, and a test checks that every one is in the
/// embedded table with the rule the code gives its findings.
macro_rules! check_ids {
    ($($variant:ident => $id:literal, $rule:ident;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum CheckId {
            $($variant,)+
        }

        impl CheckId {
            pub const ALL: &'static [CheckId] = &[$(CheckId::$variant,)+];

            /// The id as written in the table.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(CheckId::$variant => $id,)+
                }
            }

            /// The rule the table files this entry under.
            pub fn rule(self) -> crate::finding::Rule {
                match self {
                    $(CheckId::$variant => crate::finding::Rule::$rule,)+
                }
            }
        }
    };
}

check_ids! {
    VersionFormat => "version-format", VersionMalformed;
    VersionEightDigit => "version-eight-digit", VersionMalformed;
    VersionSunsetDated => "version-sunset-dated", VersionSunset;
    VersionSunsetPolicy => "version-sunset-policy", VersionSunset;
    VersionBeforeFirst => "version-before-first", VersionSunset;
    VersionExpiringDated => "version-expiring-dated", VersionExpiring;
    VersionExpiringPolicy => "version-expiring-policy", VersionExpiring;
    VersionFuture => "version-future", VersionUnknown;
    VersionNotReleased => "version-not-released", VersionUnknown;
    RestWithoutVersion => "rest-without-version", VersionMissing;
    VersionHeaderMisspelled => "version-header-misspelled", VersionMissing;
    MultipleVersions => "multiple-versions", VersionInconsistent;
    RestliProtocol2 => "restli-protocol-2", RestliProtocol;
    BearerScheme => "bearer-scheme", AuthScheme;
    AccessTokenLiteral => "access-token-literal", HardcodedToken;
    ClientSecretLiteral => "client-secret-literal", HardcodedToken;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_id_the_code_names_is_in_the_embedded_table() {
        let t = load(&[]).unwrap();
        for id in CheckId::ALL {
            let e = t
                .check(id.as_str())
                .unwrap_or_else(|| panic!("`{}` is not in the embedded table", id.as_str()));
            assert_eq!(e.rule, id.rule(), "{}", id.as_str());
        }
    }

    #[test]
    fn embedded_table_loads() {
        let t = load(&[]).expect("embedded table is valid");
        assert!(t.endpoints.iter().any(|e| e.id == "v2-me"));
        assert!(t.scopes.iter().any(|s| s.scope == "r_liteprofile"));
        assert!(
            t.requirements
                .iter()
                .any(|r| r.endpoint == "/rest/me" && r.from_version == "202306")
        );
        assert_eq!(t.calendar.first.to_string(), "202206");
    }

    #[test]
    fn the_embedded_table_parsed_once_is_not_changed_by_a_merge() {
        let first = format!("{:?}", load(&[]).unwrap());
        let over = "schema: 1\nendpoints:\n  - id: v2-me\n    path: /v2/me\n    severity: info\n    since: \"2023-08-01\"\n    grade: P\n    message: \"m\"\n    help: \"h\"\n    source: https://example.com\n";
        let merged = load(&[("over.yaml".into(), over.into())]).unwrap();
        let me = merged.endpoints.iter().find(|e| e.id == "v2-me").unwrap();
        assert_eq!(me.severity, Severity::Info);
        assert_eq!(format!("{:?}", load(&[]).unwrap()), first);
    }

    #[test]
    fn every_entry_cites_a_source_and_s_grades_are_not_errors() {
        let t = load(&[]).unwrap();
        for e in &t.endpoints {
            assert!(
                e.source.starts_with("https://"),
                "{} has no source URL",
                e.id
            );
            if e.grade == Grade::S {
                assert_ne!(
                    e.severity,
                    Severity::Error,
                    "{} is S-graded but an error",
                    e.id
                );
            }
        }
        for s in &t.scopes {
            assert!(
                s.source.starts_with("https://"),
                "{} has no source URL",
                s.id
            );
            if s.grade == Grade::S {
                assert_ne!(
                    s.severity,
                    Severity::Error,
                    "{} is S-graded but an error",
                    s.id
                );
            }
        }
        for c in &t.checks {
            assert!(
                c.source.starts_with("https://"),
                "{} has no source URL",
                c.id
            );
            if c.grade == Grade::S {
                assert_ne!(
                    c.severity,
                    Severity::Error,
                    "{} is S-graded but an error",
                    c.id
                );
            }
        }
        for r in &t.requirements {
            assert!(
                r.source.starts_with("https://"),
                "{} has no source URL",
                r.id
            );
            if r.grade == Grade::S {
                assert_ne!(
                    r.severity,
                    Severity::Error,
                    "{} is S-graded but an error",
                    r.id
                );
            }
        }
        for (_, s) in t.calendar.sunsets.values() {
            assert!(
                s.source.starts_with("https://"),
                "sunset {} has no source URL",
                s.version
            );
        }
    }

    #[test]
    fn entries_cover_every_section_once() {
        let t = load(&[]).unwrap();
        let n = t.checks.len() + t.endpoints.len() + t.scopes.len() + t.requirements.len();
        assert_eq!(t.entries().count(), n);
        let me = t.entry("v2-me").unwrap();
        assert_eq!(me.rule, crate::finding::Rule::EndpointDeprecated);
        assert!(matches!(me.section, Section::Endpoint(e) if e.path == "/v2/me"));
        let sunset = t.entry("version-sunset-dated").unwrap();
        assert_eq!(sunset.rule, crate::finding::Rule::VersionSunset);
        assert!(sunset.breaks.unwrap().contains("426"));
        assert_eq!(
            t.entry("rest-me-basicprofile").unwrap().rule,
            crate::finding::Rule::ScopeVersionMismatch
        );
        assert!(t.entry("no-such-id").is_none());
    }

    #[test]
    fn unknown_field_points_at_line_and_column() {
        let src = "schema: 1\nendpoints:\n  - id: x\n    pth: /v2/x\n";
        let e = parse_rule_file("extra.yaml", src).unwrap_err();
        assert!(e.reason.contains("unknown field `pth`"), "{}", e.reason);
        assert_eq!(e.line_col, Some((4, 5)));
    }

    #[test]
    fn duplicate_id_points_at_second_occurrence() {
        let entry = |id: &str| {
            format!(
                "  - id: {id}\n    path: /v2/x\n    severity: warning\n    since: 2023-01-01\n    grade: P\n    message: m\n    help: h\n    source: https://example.com\n"
            )
        };
        let src = format!(
            "schema: 1\nendpoints:\n{}{}",
            entry("dup-x"),
            entry("dup-x")
        );
        let e = load(&[("extra.yaml".into(), src)]).unwrap_err();
        assert_eq!(e.reason, "duplicate id `dup-x`");
        assert_eq!(e.line_col, Some((11, 9)));
    }

    #[test]
    fn bad_version_and_date_are_errors() {
        let src = "schema: 1\nrequirements:\n  - id: r\n    endpoint: /rest/x\n    from_version: \"2023-6\"\n    scope: s\n    severity: error\n    since: 2023-01-01\n    grade: P\n    message: m\n    help: h\n    source: https://example.com\n";
        let e = load(&[("r.yaml".into(), src.into())]).unwrap_err();
        assert!(e.reason.starts_with("bad `from_version`"), "{}", e.reason);
        assert_eq!(e.line_col, Some((5, 20)));
    }

    #[test]
    fn user_file_overrides_by_id() {
        let src = "schema: 1\nendpoints:\n  - id: v2-me\n    path: /v2/me\n    severity: info\n    since: 2023-08-01\n    grade: P\n    message: m\n    help: h\n    source: https://example.com\n";
        let t = load(&[("o.yaml".into(), src.into())]).unwrap();
        let e = t
            .endpoints
            .iter()
            .filter(|e| e.id == "v2-me")
            .collect::<Vec<_>>();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].severity, Severity::Info);
    }

    fn endpoint_file(path: &str, replacement: &str) -> String {
        format!(
            "schema: 1\nendpoints:\n  - id: mine\n    path: {path}\n    replacement: {replacement}\n    fix: maybe-incorrect\n    severity: warning\n    since: 2023-08-01\n    grade: P\n    message: m\n    help: h\n    source: https://example.com\n"
        )
    }

    #[test]
    fn a_replacement_that_matches_its_own_path_is_rejected() {
        let e = load(&[("o.yaml".into(), endpoint_file("/v2/foo", "/v2/foo/bar"))]).unwrap_err();
        assert!(e.to_string().contains("still matches its path"), "{e}");
        // A longer name is another resource: `/v2/foo` → `/v2/fooBar` is fine.
        load(&[("o.yaml".into(), endpoint_file("/v2/foo", "/v2/fooBar"))]).unwrap();
    }

    #[test]
    fn a_path_that_names_no_resource_is_rejected() {
        let e = load(&[("o.yaml".into(), endpoint_file("/", "/rest/x"))]).unwrap_err();
        assert!(e.to_string().contains("names no resource"), "{e}");
    }

    #[test]
    fn deep_flow_nesting_is_rejected_before_parsing() {
        let src = format!(
            "schema: 1\nchecks: {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let e = load(&[("deep.yaml".into(), src)]).unwrap_err();
        assert!(e.to_string().contains("nested more than 64 levels"), "{e}");
        // Brackets in quoted strings and comments do not count.
        assert_eq!(flow_nesting_over("a: '[[[[' # {{{{\n", 2), None);
        assert_eq!(flow_nesting_over("a: [[[1]]]", 2), Some(5));
    }

    #[test]
    fn merge_by_id_replaces_in_place_and_appends_in_order() {
        let mut into = vec![("a".to_string(), 1), ("b".to_string(), 2)];
        merge_by_id(
            &mut into,
            vec![("c".into(), 3), ("a".into(), 4), ("c".into(), 5)],
            |x| &x.0,
        );
        assert_eq!(
            into,
            vec![("a".to_string(), 4), ("b".into(), 2), ("c".into(), 5)]
        );
    }
}
