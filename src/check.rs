//! Checks: facts × rule table × today's date → findings. Pure: no I/O.
//!
//! [`Checker::check_file`] judges one file; [`Checker::finish`] runs the checks that need the
//! whole tree (`version-inconsistent`, `scope-version-mismatch`, `version-missing`).
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated) -- unit-test inputs

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

use crate::calendar::{Date, Status, SunsetBasis, Version, VersionError};
use crate::facts::{FileFacts, LitKind, Literal};
use crate::finding::{Applicability, Edit, Finding, Fix, Related, Rule, Severity, Span};
use crate::rules::{CheckEntry, CheckId, RuleTable};
use crate::source::SourceFile;

/// The fields of a rule-table entry that every finding of it carries.
struct Entry<'e> {
    id: &'e str,
    severity: Severity,
    message: &'e str,
    help: &'e str,
    source: &'e str,
}

macro_rules! entry_of {
    ($e:expr) => {
        Entry {
            id: &$e.id,
            severity: $e.severity,
            message: &$e.message,
            help: &$e.help,
            source: &$e.source,
        }
    };
}

/// A finding of `rule` from a table entry, at `span` of `path`, without fix or related places.
fn table_finding(rule: Rule, e: Entry<'_>, path: &str, span: Span) -> Finding {
    Finding {
        rule,
        id: e.id.to_string(),
        severity: e.severity,
        message: e.message.to_string(),
        help: e.help.to_string(),
        path: path.to_string(),
        span,
        fix: None,
        docs: e.source.to_string(),
        related: Vec::new(),
        in_comment: false,
    }
}

/// Settings of a run that the checks depend on.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The date every date-dependent result is computed for.
    pub today: Date,
    /// Days before a sunset at which `version-expiring` warns (default from the table).
    pub expiring_days: u32,
    /// The version fixes move version literals to (default: the recommended pin on `today`).
    pub target_version: Version,
}

impl CheckOptions {
    /// Defaults for `today` from the table: its warning window and recommended version.
    pub fn new(table: &RuleTable, today: Date) -> CheckOptions {
        let expiring_days = table.calendar.expiring_days;
        CheckOptions {
            today,
            expiring_days,
            target_version: table.calendar.recommended(today, expiring_days),
        }
    }
}

/// What checking one file produced, including what the tree-wide checks need.
#[derive(Debug, Clone, Default)]
pub struct FileCheck {
    /// Display path of the file.
    pub path: String,
    pub findings: Vec<Finding>,
    /// Byte ranges of `text` that hold secrets: every report masks them.
    pub secrets: Vec<Range<usize>>,
    /// Valid LinkedIn versions pinned in the file.
    pub versions: Vec<(Version, Span)>,
    /// The file sets a LinkedIn-Version header (or defines the version).
    pub sets_version: bool,
    /// `/rest/` request sites in LinkedIn context.
    pub rest_sites: Vec<Span>,
    /// Requirement sites: (requirement index, span).
    pub requirement_sites: Vec<(usize, Span)>,
    /// Every scope the file requests.
    pub scopes: BTreeSet<String>,
    pub defines: Vec<String>,
    pub uses: Vec<String>,
    pub docs: bool,
}

/// The checks, with everything built once from the rule table.
pub struct Checker<'t> {
    pub table: &'t RuleTable,
    pub opts: CheckOptions,
    known_scopes: HashSet<&'t str>,
}

/// Scopes that are current; knowing them tells a scope list from other strings.
const CURRENT_SCOPES: &[&str] = &[
    "openid",
    "profile",
    "email",
    "w_member_social",
    "r_member_social",
    "w_organization_social",
    "r_organization_social",
    "rw_organization_admin",
    "r_organization_admin",
    "r_ads",
    "rw_ads",
    "r_ads_reporting",
    "r_basicprofile",
    "r_1st_connections_size",
    "r_marketing_leadgen_automation",
    "r_events",
    "rw_events",
    "rw_dmp_segments",
    "r_organization_lookup",
];

impl<'t> Checker<'t> {
    pub fn new(table: &'t RuleTable, opts: CheckOptions) -> Checker<'t> {
        let mut known_scopes: HashSet<&str> = CURRENT_SCOPES.iter().copied().collect();
        known_scopes.extend(table.scopes.iter().map(|s| s.scope.as_str()));
        known_scopes.extend(table.requirements.iter().map(|r| r.scope.as_str()));
        Checker {
            table,
            opts,
            known_scopes,
        }
    }

    /// Every literal any check reacts to contains one of these (case-insensitively): the
    /// prefilter for whole files.
    ///
    /// Tokens need no literal of their own: a `hardcoded-token` finding needs LinkedIn
    /// context (a `linkedin` literal, name or identifier, or `X-Restli-Protocol-Version`), so
    /// every file that can have one already contains `linkedin` or `restli`. (An `AQ` entry,
    /// matched case-insensitively, made every `dataQuery`, `opaque` or base64 blob a
    /// candidate: most of the prefilter's hits on real code, and never a finding.)
    pub fn prefilter_literals(&self) -> Vec<String> {
        // Every finding needs one of these in its file: LinkedIn context ("linkedin", a Rest.li
        // header), a version name without the word LinkedIn (`LI_VERSION`, `liApiVersion`),
        // or a scope the table knows. A path such as `/v2/me` alone never makes a finding
        // (it needs LinkedIn context), so paths are not literals here: most files that
        // mention another API's `/v2/` are never tokenised. `tests/prefilter.rs` checks that
        // results are the same with the prefilter off.
        let mut v: Vec<String> = [
            "linkedin",
            "restli",
            "li_version",
            "liversion",
            "li-version",
            "li_api_version",
            "liapiversion",
            "li-api-version",
        ]
        .map(String::from)
        .to_vec();
        v.extend(self.table.scopes.iter().map(|s| s.scope.clone()));
        v.extend(self.table.requirements.iter().map(|r| r.scope.clone()));
        v.sort();
        v.dedup();
        v
    }

    /// The table's entry for `id`. Every [`CheckId`] is in the embedded table (a unit test
    /// checks it), and rule files can override entries but not remove them.
    fn entry(&self, id: CheckId) -> CheckEntry {
        self.table
            .check(id.as_str())
            .cloned()
            .unwrap_or_else(|| CheckEntry {
                id: id.as_str().to_string(),
                rule: id.rule(),
                severity: Severity::Warning,
                message: id.as_str().to_string(),
                help: String::new(),
                since: String::new(),
                grade: crate::rules::Grade::P,
                source: String::new(),
                breaks: None,
            })
    }

    /// Judge one file.
    pub fn check_file(&self, file: &SourceFile, facts: &FileFacts) -> FileCheck {
        let mut out = FileCheck {
            path: file.path.clone(),
            docs: facts.docs,
            ..FileCheck::default()
        };
        let mut scope_lists: BTreeMap<ListKey, ScopeList> = BTreeMap::new();
        for (idx, lit) in facts.literals.iter().enumerate() {
            self.secrets(file, facts, lit, &mut out);
            if lit.in_comment {
                continue;
            }
            let (header, value_range) = header_of(lit);
            let value = &lit.value[value_range.clone()];
            if header.is_some_and(|h| h.eq_ignore_ascii_case("linkedin-version")) {
                out.sets_version = true;
            }
            if lit.value.eq_ignore_ascii_case("linkedin-version") {
                out.sets_version = true;
            }
            if self.is_version(lit, header, value, facts.linkedin_context) {
                out.sets_version = true;
                self.version(file, lit, value_range.clone(), &mut out);
            }
            if header.is_some_and(|h| h.eq_ignore_ascii_case("x-restli-protocol-version")) {
                self.restli(file, lit, value_range.clone(), &mut out);
            }
            if header.is_some_and(|h| h.eq_ignore_ascii_case("authorization"))
                && (facts.linkedin_context)
            {
                self.auth(file, lit, value_range.clone(), &mut out);
            }
            if lit.kind == LitKind::Str {
                self.misspelled_header(file, facts, lit, &mut out);
                self.endpoints(file, facts, lit, &mut out);
                self.collect_scopes(idx, lit, &mut scope_lists);
            }
        }
        self.scopes(file, facts, &scope_lists, &mut out);
        if facts.docs {
            for f in &mut out.findings {
                f.severity = f.severity.min(Severity::Info);
                f.in_comment = true;
            }
            // Docs do not pin versions or make requests.
            out.versions.clear();
            out.rest_sites.clear();
            out.requirement_sites.clear();
        }
        // `finish` reads `uses` only of files with /rest/ sites and `defines` only of files
        // that set the version; every identifier of every candidate adds up on a big tree.
        if !out.rest_sites.is_empty() {
            out.uses = facts.uses.clone();
        }
        if out.sets_version {
            out.defines = facts.defines.clone();
        }
        out
    }

    fn finding(
        &self,
        file: &SourceFile,
        rule: Rule,
        e: &CheckEntry,
        span: Range<usize>,
        vars: &[(&str, &str)],
    ) -> Finding {
        let mut f = table_finding(
            rule,
            entry_of!(e),
            &file.path,
            file.span(span.start, span.end),
        );
        f.message = fill(&e.message, vars);
        f.help = fill(&e.help, vars);
        f
    }

    fn is_version(&self, lit: &Literal, header: Option<&str>, value: &str, ctx: bool) -> bool {
        if header.is_some_and(|h| h.eq_ignore_ascii_case("linkedin-version")) {
            return !is_template(value);
        }
        let Some(name) = &lit.name else { return false };
        let norm: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
            .collect::<String>()
            .to_ascii_lowercase();
        let last = norm.rsplit('.').next().unwrap_or("");
        // The header's name, not its value: `LINKEDIN_VERSION_HEADER = "LinkedIn-Version"`.
        if last.ends_with("header") || last.ends_with("headername") {
            return false;
        }
        let strong = last.contains("linkedinversion")
            || last.contains("linkedinapiversion")
            || last == "liversion"
            || last == "liapiversion"
            || (norm.contains("linkedin") && (last == "version" || last == "apiversion"));
        if strong {
            return !is_template(value) && !value.is_empty();
        }
        // Weak names need LinkedIn context and a value shaped like a LinkedIn version.
        let weak = matches!(last, "version" | "apiversion" | "restliversion")
            || last.ends_with("apiversion");
        weak && ctx && looks_like_version(value)
    }

    fn version(&self, file: &SourceFile, lit: &Literal, r: Range<usize>, out: &mut FileCheck) {
        let raw = &lit.value[r.clone()];
        let value = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        let r = r.start + lead..r.start + lead + value.len();
        let span = lit.sub_span(r);
        let target = self.opts.target_version.to_string();
        let fix = |applicability| {
            lit.exact.then(|| Fix {
                applicability,
                edits: vec![Edit {
                    byte_start: file.disk_offset(span.start),
                    byte_end: file.disk_offset(span.end),
                    replacement: target.clone(),
                }],
            })
        };
        let v = match Version::parse(value) {
            Ok(v) => v,
            Err(VersionError::EightDigit(v)) => {
                let e = self.entry(CheckId::VersionEightDigit);
                let mut f = self.finding(
                    file,
                    Rule::VersionMalformed,
                    &e,
                    span.clone(),
                    &[("value", value), ("expected", &v.to_string())],
                );
                f.fix = lit.exact.then(|| Fix {
                    applicability: Applicability::MaybeIncorrect,
                    edits: vec![Edit {
                        byte_start: file.disk_offset(span.start),
                        byte_end: file.disk_offset(span.end),
                        replacement: v.to_string(),
                    }],
                });
                out.findings.push(f);
                v
            }
            Err(VersionError::Malformed(reason)) => {
                let e = self.entry(CheckId::VersionFormat);
                let mut f = self.finding(
                    file,
                    Rule::VersionMalformed,
                    &e,
                    span,
                    &[("value", value), ("reason", &reason)],
                );
                f.message = format!("{} ({reason})", f.message);
                out.findings.push(f);
                return;
            }
        };
        out.versions.push((v, file.span(span.start, span.end)));
        let vs = v.to_string();
        let cal = &self.table.calendar;
        let (id, rule, vars_sunset, days) =
            match cal.status(v, self.opts.today, self.opts.expiring_days) {
                Status::Active { .. } => return,
                Status::Sunset { sunset, basis } => (
                    if basis == SunsetBasis::Dated {
                        CheckId::VersionSunsetDated
                    } else {
                        CheckId::VersionSunsetPolicy
                    },
                    Rule::VersionSunset,
                    Some(sunset),
                    None,
                ),
                Status::Expiring {
                    sunset,
                    basis,
                    days,
                } => (
                    if basis == SunsetBasis::Dated {
                        CheckId::VersionExpiringDated
                    } else {
                        CheckId::VersionExpiringPolicy
                    },
                    Rule::VersionExpiring,
                    Some(sunset),
                    Some(days),
                ),
                Status::BeforeFirst => {
                    (CheckId::VersionBeforeFirst, Rule::VersionSunset, None, None)
                }
                Status::NotReleased => (
                    CheckId::VersionNotReleased,
                    Rule::VersionUnknown,
                    None,
                    None,
                ),
                Status::Future => (CheckId::VersionFuture, Rule::VersionUnknown, None, None),
            };
        let e = self.entry(id);
        let sunset = vars_sunset.map(|d| d.to_string()).unwrap_or_default();
        let days = days.map(|d| d.to_string()).unwrap_or_default();
        let mut f = self.finding(
            file,
            rule,
            &e,
            span.clone(),
            &[
                ("version", &vs),
                ("sunset", &sunset),
                ("days", &days),
                ("target", &target),
                ("value", value),
            ],
        );
        if id == CheckId::VersionSunsetDated || id == CheckId::VersionExpiringDated {
            if let Some((_, s)) = cal.sunsets.get(&v.month_index()) {
                f.docs = s.source.clone();
                // An S-graded date alone does not make an error. It does when a primary
                // source confirms that this or a later version has already been sunset
                // (LinkedIn sunsets versions in order).
                let confirmed = cal.sunsets.iter().any(|(idx, (d, e))| {
                    *idx >= v.month_index()
                        && e.grade == crate::rules::Grade::P
                        && *d <= self.opts.today
                });
                if s.grade == crate::rules::Grade::S && !confirmed {
                    f.severity = f.severity.min(Severity::Warning);
                    f.help = format!(
                        "{} (The sunset date comes from secondary sources only.)",
                        f.help.trim_end()
                    );
                }
            }
        }
        if v.month_only() != self.opts.target_version.month_only() {
            f.fix = fix(Applicability::MachineApplicable);
            f.help = format!("{} (fix: pin {target})", f.help.trim_end_matches('.'));
        }
        out.findings.push(f);
    }

    /// `Linkedin-Versoin`, `LinkedIn_Version`, `X-LinkedIn-Version`: a header name that is
    /// meant to be LinkedIn-Version but is not.
    fn misspelled_header(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lit: &Literal,
        out: &mut FileCheck,
    ) {
        let v = &lit.value;
        let (name, r) = match split_header_line(v) {
            Some((n, r)) if !n.is_empty() => {
                let s = v.find(n).unwrap_or(0);
                let _ = r;
                (n, s..s + n.len())
            }
            _ => (v.trim(), 0..v.len()),
        };
        let shaped = (8..=32).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && (name.contains('-') || name.contains('_'));
        if !shaped || name.eq_ignore_ascii_case("linkedin-version") {
            return;
        }
        // Env-var style names (`LINKEDIN_VERSION`) are names, not headers.
        let env_style = name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if env_style {
            return;
        }
        let norm: String = name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        // Cheap tests first: the edit distance runs only for the few names that can pass.
        if !facts.linkedin_context {
            return;
        }
        if norm != "linkedinversion" && !within_edit_distance(&norm, "linkedinversion", 2) {
            return;
        }
        let e = self.entry(CheckId::VersionHeaderMisspelled);
        let f = self.finding(
            file,
            Rule::VersionMissing,
            &e,
            lit.sub_span(r),
            &[("value", name)],
        );
        out.findings.push(f);
    }

    fn restli(&self, file: &SourceFile, lit: &Literal, r: Range<usize>, out: &mut FileCheck) {
        let value = lit.value[r.clone()].trim();
        if value == "2.0.0" || is_template(value) {
            return;
        }
        let span = lit.sub_span(r);
        let e = self.entry(CheckId::RestliProtocol2);
        let mut f = self.finding(
            file,
            Rule::RestliProtocol,
            &e,
            span.clone(),
            &[("value", value)],
        );
        if lit.exact && !value.is_empty() {
            f.fix = Some(Fix {
                applicability: Applicability::MachineApplicable,
                edits: vec![Edit {
                    byte_start: file.disk_offset(span.start),
                    byte_end: file.disk_offset(span.end),
                    replacement: "2.0.0".into(),
                }],
            });
        }
        out.findings.push(f);
    }

    fn auth(&self, file: &SourceFile, lit: &Literal, r: Range<usize>, out: &mut FileCheck) {
        let value = lit.value[r.clone()].trim_start();
        if value.is_empty()
            || is_template(value) && !bare_token_placeholder(value)
            || value
                .get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case("bearer "))
        {
            return;
        }
        if value.eq_ignore_ascii_case("bearer") {
            return; // "Bearer" + " " + token, built up elsewhere
        }
        let scheme: String = value
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let e = self.entry(CheckId::BearerScheme);
        // Never echo the value: only its scheme word, and only if it is short and alphabetic.
        let shown =
            if !scheme.is_empty() && scheme.len() <= 12 && value[scheme.len()..].starts_with(' ') {
                scheme
            } else {
                "(no scheme)".into()
            };
        let f = self.finding(
            file,
            Rule::AuthScheme,
            &e,
            lit.sub_span(r),
            &[("value", &shown)],
        );
        out.findings.push(f);
    }

    fn secrets(&self, file: &SourceFile, facts: &FileFacts, lit: &Literal, out: &mut FileCheck) {
        for (range, kind) in secret_ranges(lit) {
            let span = lit.sub_span(range);
            out.secrets.push(span.clone());
            let real = !is_placeholder(&file.text[span.clone()]);
            let ctx = real && facts.linkedin_context
                || lit
                    .name
                    .as_deref()
                    .is_some_and(|n| n.to_ascii_lowercase().contains("linkedin"));
            if ctx && !facts.docs {
                let e = self.entry(match kind {
                    SecretKind::AccessToken => CheckId::AccessTokenLiteral,
                    SecretKind::ClientSecret => CheckId::ClientSecretLiteral,
                });
                out.findings
                    .push(self.finding(file, Rule::HardcodedToken, &e, span, &[]));
            }
        }
    }

    fn endpoints(&self, file: &SourceFile, facts: &FileFacts, lit: &Literal, out: &mut FileCheck) {
        let v = &lit.value;
        let (host, path_start) = url_parts(v);
        let own_linkedin = host.is_some_and(is_linkedin_host);
        if host.is_some() && !own_linkedin {
            return; // another API's URL: never a finding
        }
        let base_host = lit.base.as_deref().and_then(|b| url_parts(b).0);
        let context = own_linkedin
            || match base_host {
                Some(h) => is_linkedin_host(h),
                None => facts.linkedin_context,
            };
        if !context {
            return;
        }
        // The path as requested: a base's own path (`https://api.linkedin.com/v2`) joined to
        // the literal's path (`/adAccountsV2`). `pre` bytes of `joined` come from the base.
        let own = &v[path_start..];
        let base_path = match (host, lit.base.as_deref()) {
            (None, Some(b)) => match url_parts(b) {
                (Some(_), ps) => b[ps..]
                    .split(['?', '#'])
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('/'),
                _ => "",
            },
            _ => "",
        };
        let joined = if base_path.is_empty() {
            own.to_string()
        } else if own.starts_with('/') {
            format!("{base_path}{own}")
        } else {
            format!("{base_path}/{own}")
        };
        let pre = joined.len() - own.len();
        let path = joined.as_str();
        // Map a range of `joined` to the file; `None` when it lies wholly in the base.
        let to_file = |r: Range<usize>| -> Option<Range<usize>> {
            if r.end <= pre {
                return None;
            }
            let s = path_start + r.start.saturating_sub(pre);
            Some(lit.sub_span(s..path_start + r.end - pre))
        };
        let rest = path.starts_with("/rest/") || path.starts_with("rest/");
        if rest {
            let l = if path.starts_with('/') { 5 } else { 4 };
            if let Some(r) = to_file(0..l).or_else(|| to_file(0..path.len())) {
                out.rest_sites.push(file.span(r.start, r.end));
            }
        }
        for (ri, req) in self.table.requirements.iter().enumerate() {
            if path_matches(path, &req.endpoint) {
                if let Some(r) =
                    to_file(0..req.endpoint.len() - usize::from(!path.starts_with('/')))
                {
                    out.requirement_sites.push((ri, file.span(r.start, r.end)));
                }
            }
        }
        // The first table entry that matches at the start of the path wins.
        let actual_host = host.or(base_host);
        let host_ok = |e: &crate::rules::EndpointEntry| {
            e.host
                .as_deref()
                .is_none_or(|h| actual_host.is_some_and(|a| a.eq_ignore_ascii_case(h)))
        };
        // Where the entry matches: at the start of the path, or (`segment: true`) after any `/`.
        let at = |e: &crate::rules::EndpointEntry| -> Option<usize> {
            if path_matches(path, &e.path) {
                return Some(0);
            }
            if e.segment {
                return path
                    .match_indices(e.path.as_str())
                    .map(|(p, _)| p)
                    .find(|&p| p > 0 && path_matches(&path[p..], &e.path));
            }
            None
        };
        let Some((e, start)) = self
            .table
            .endpoints
            .iter()
            .filter(|e| host_ok(e))
            .find_map(|e| at(e).map(|p| (e, p)))
        else {
            return;
        };
        let slash = start > 0 || path.starts_with('/');
        let plen = if slash {
            e.path.len()
        } else {
            e.path.len() - 1
        };
        let Some(span) = to_file(start..start + plen) else {
            return; // the deprecated path is all in the base: reported where the base is defined
        };
        let mut replacement = e.replacement.clone().unwrap_or_default();
        if !slash {
            replacement = replacement.trim_start_matches('/').to_string();
        }
        let mut f = table_finding(
            Rule::EndpointDeprecated,
            entry_of!(e),
            &file.path,
            file.span(span.start, span.end),
        );
        // A fix only when the whole old path is in this literal.
        if let (Some(app), true, false, 0) = (
            e.fix.applicability(),
            lit.exact,
            replacement.is_empty(),
            pre,
        ) {
            f.fix = Some(Fix {
                applicability: app,
                edits: vec![Edit {
                    byte_start: file.disk_offset(span.start),
                    byte_end: file.disk_offset(span.end),
                    replacement,
                }],
            });
        }
        out.findings.push(f);
    }

    fn collect_scopes(&self, idx: usize, lit: &Literal, lists: &mut BTreeMap<ListKey, ScopeList>) {
        let Some((region, sep)) = scope_region(&lit.value) else {
            return;
        };
        let tokens = split_scopes(&lit.value, region.clone(), sep);
        if tokens.is_empty() {
            return;
        }
        let name_says_scope = lit
            .name
            .as_deref()
            .is_some_and(|n| n.to_ascii_lowercase().contains("scope"));
        let known = tokens
            .iter()
            .any(|t| self.known_scopes.contains(&lit.value[t.clone()]));
        if !(known || name_says_scope && tokens.len() > 1) {
            return;
        }
        // Array elements form one list; a space/comma list inside one string is its own list.
        let key = match (lit.list, tokens.len()) {
            (Some(l), 1) => ListKey::Array(l),
            _ => ListKey::Literal(idx),
        };
        let entry = lists.entry(key).or_insert_with(|| ScopeList {
            sep,
            items: Vec::new(),
        });
        for t in tokens {
            entry.items.push((lit.clone(), t));
        }
    }

    fn scopes(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lists: &BTreeMap<ListKey, ScopeList>,
        out: &mut FileCheck,
    ) {
        for (key, list) in lists {
            let present: BTreeSet<String> = list
                .items
                .iter()
                .map(|(l, r)| l.value[r.clone()].to_string())
                .collect();
            // What the code requests from LinkedIn: lists in LinkedIn context, or lists that
            // name a scope of the table (`"email"` in some other form is not a request).
            let table_scope = present.iter().any(|p| {
                self.table.scopes.iter().any(|s| &s.scope == p)
                    || self.table.requirements.iter().any(|r| &r.scope == p)
            });
            if facts.linkedin_context || table_scope {
                out.scopes.extend(present.iter().cloned());
            }
            let mut items: Vec<ScopeItem<'_>> = list
                .items
                .iter()
                .map(|(l, r)| {
                    let scope = &l.value[r.clone()];
                    (
                        l,
                        r.clone(),
                        self.table.scopes.iter().find(|s| s.scope == scope),
                    )
                })
                .collect();
            items.sort_by_key(|(l, r, _)| (l.outer.start, r.start));
            // Each fix leaves out scopes the list has or an earlier fix of the list adds. That
            // is only right if the earlier fix is applied whenever this one is: so the
            // machine-applicable fixes come first (they never rely on a maybe-incorrect one),
            // and only an entry that has a fix counts as adding anything.
            let fixable = |i: usize| {
                let (lit, _, e) = &items[i];
                e.and_then(|e| e.fix.applicability()).filter(|_| lit.exact)
            };
            let mut order: Vec<usize> = (0..items.len()).collect();
            order.sort_by_key(|&i| fixable(i) != Some(Applicability::MachineApplicable));
            let mut news: Vec<Option<Vec<&str>>> = vec![None; items.len()];
            let mut added: BTreeSet<&str> = BTreeSet::new();
            for i in order {
                let (Some(e), Some(_)) = (items[i].2, fixable(i)) else {
                    continue;
                };
                let new: Vec<&str> = e
                    .replacement
                    .iter()
                    .map(String::as_str)
                    .filter(|s| !present.contains(*s) && !added.contains(s))
                    .collect();
                added.extend(new.iter().copied());
                news[i] = Some(new);
            }
            let removed: Vec<bool> = news
                .iter()
                .map(|n| n.as_ref().is_some_and(Vec::is_empty))
                .collect();
            for (i, (lit, r, e)) in items.iter().enumerate() {
                let Some(e) = e else { continue };
                let span = lit.sub_span(r.clone());
                let mut f = table_finding(
                    Rule::ScopeDeprecated,
                    entry_of!(e),
                    &file.path,
                    file.span(span.start, span.end),
                );
                if let (Some(app), Some(new)) = (fixable(i), &news[i]) {
                    // Removals take the separator before the item, except at the head of the
                    // list, where they take the one after it: so removing several neighbours
                    // gives edits that do not overlap.
                    let mut nb = list_neighbours(&items, i, *key);
                    nb.at_head = removed[..i].iter().all(|r| *r);
                    f.fix =
                        scope_fix(file, *key, list.sep, lit, r.clone(), nb, new).map(|edits| Fix {
                            applicability: app,
                            edits,
                        });
                }
                out.findings.push(f);
            }
        }
    }

    /// The checks that need every file: run once after all files are checked.
    pub fn finish(&self, files: &mut [FileCheck]) {
        self.inconsistent(files);
        self.mismatch(files);
        self.missing(files);
    }

    fn inconsistent(&self, files: &mut [FileCheck]) {
        let mut sites: Vec<(usize, Version, Span)> = Vec::new();
        for (fi, f) in files.iter().enumerate() {
            for (v, s) in &f.versions {
                sites.push((fi, *v, *s));
            }
        }
        let distinct: BTreeSet<Version> = sites.iter().map(|s| s.1).collect();
        if distinct.len() < 2 {
            return;
        }
        let e = self.entry(CheckId::MultipleVersions);
        for (fi, v, span) in &sites {
            let others: Vec<String> = distinct
                .iter()
                .filter(|o| *o != v)
                .map(|o| o.to_string())
                .collect();
            let related: Vec<Related> = sites
                .iter()
                .filter(|s| s.1 != *v)
                .take(3)
                .map(|s| Related {
                    path: files[s.0].path.clone(),
                    span: s.2,
                    message: format!("{} pinned here", s.1),
                })
                .collect();
            let vs = v.to_string();
            let others_s = others.join(", ");
            let vars = [("version", vs.as_str()), ("value", others_s.as_str())];
            let mut f = table_finding(
                Rule::VersionInconsistent,
                entry_of!(e),
                &files[*fi].path,
                *span,
            );
            f.message = fill(&e.message, &vars);
            f.help = fill(&e.help, &vars);
            f.related = related;
            files[*fi].findings.push(f);
        }
    }

    fn mismatch(&self, files: &mut [FileCheck]) {
        let requested: BTreeSet<String> = files
            .iter()
            .flat_map(|f| f.scopes.iter().cloned())
            .collect();
        if requested.is_empty() {
            return; // the code requests no scopes we can see: nothing to compare with
        }
        let tree_versions: Vec<Version> = files
            .iter()
            .flat_map(|f| f.versions.iter().map(|v| v.0))
            .collect();
        // The scopes that apply to a file: its own, else those of the nearest directory that
        // requests any (a monorepo's other project must not hide a missing scope).
        let by_path: Vec<(String, BTreeSet<String>)> = files
            .iter()
            .filter(|f| !f.scopes.is_empty())
            .map(|f| (f.path.clone(), f.scopes.clone()))
            .collect();
        let nearest = |path: &str| -> BTreeSet<String> {
            let mut dir = path;
            while let Some((parent, _)) = dir.rsplit_once('/') {
                let prefix = format!("{parent}/");
                let set: BTreeSet<String> = by_path
                    .iter()
                    .filter(|(p, _)| p.starts_with(&prefix))
                    .flat_map(|(_, s)| s.iter().cloned())
                    .collect();
                if !set.is_empty() {
                    return set;
                }
                dir = parent;
            }
            requested.clone()
        };
        for file in files.iter_mut() {
            let local: Vec<Version> = file.versions.iter().map(|v| v.0).collect();
            let scopes = if file.requirement_sites.is_empty() {
                BTreeSet::new()
            } else if file.scopes.is_empty() {
                nearest(&file.path)
            } else {
                file.scopes.clone()
            };
            for (ri, span) in file.requirement_sites.clone() {
                let req = &self.table.requirements[ri];
                if scopes.contains(&req.scope) {
                    continue;
                }
                let from = req.from;
                let pinned = if local.is_empty() {
                    &tree_versions
                } else {
                    &local
                };
                // No pinned version: the request needs one anyway, and any current one is newer.
                let applies = pinned.is_empty()
                    || pinned.iter().any(|v| v.month_index() >= from.month_index());
                if !applies {
                    continue;
                }
                let f = table_finding(Rule::ScopeVersionMismatch, entry_of!(req), &file.path, span);
                file.findings.push(f);
            }
        }
    }

    fn missing(&self, files: &mut [FileCheck]) {
        // Names defined by files that set the version header: using one is using the helper.
        let helpers: HashSet<String> = files
            .iter()
            .filter(|f| f.sets_version)
            .flat_map(|f| f.defines.iter().cloned())
            .collect();
        let e = self.entry(CheckId::RestWithoutVersion);
        for f in files.iter_mut() {
            if f.sets_version
                || f.rest_sites.is_empty()
                || f.uses.iter().any(|u| helpers.contains(u))
            {
                continue;
            }
            for span in f.rest_sites.clone() {
                let finding = table_finding(Rule::VersionMissing, entry_of!(e), &f.path, span);
                f.findings.push(finding);
            }
        }
    }
}

impl FileCheck {
    /// Whether the file can have a finding once [`Checker::finish`] has run: it has one now,
    /// or holds a site that a cross-file check may turn into one (`versions` for
    /// `version-inconsistent`, `requirement_sites` for `scope-version-mismatch`, `rest_sites`
    /// for `version-missing`). Keep in step with `finish`: the scan drops the text of files
    /// for which this is false.
    pub fn may_have_findings(&self) -> bool {
        !self.findings.is_empty()
            || !self.versions.is_empty()
            || !self.requirement_sites.is_empty()
            || !self.rest_sites.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ListKey {
    Array(u32),
    Literal(usize),
}

#[derive(Debug)]
struct ScopeList {
    sep: Sep,
    items: Vec<(Literal, Range<usize>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Space,
    Comma,
    Plus,
    Pct20,
}

impl Sep {
    fn as_str(self) -> &'static str {
        match self {
            Sep::Space => " ",
            Sep::Comma => ",",
            Sep::Plus => "+",
            Sep::Pct20 => "%20",
        }
    }
}

/// The part of a string that lists scopes: after `scope=` up to `&`, or the whole string.
fn scope_region(v: &str) -> Option<(Range<usize>, Sep)> {
    let region = match v.find("scope=") {
        Some(i) if i == 0 || matches!(v.as_bytes()[i - 1], b'?' | b'&' | b' ' | b'"' | b'\'') => {
            let s = i + 6;
            let e = v[s..]
                .find(['&', '#', '"', '\'', ' '])
                .map_or(v.len(), |k| s + k);
            s..e
        }
        _ => 0..v.len(),
    };
    let r = &v[region.clone()];
    let sep = if r.contains("%20") {
        Sep::Pct20
    } else if r.contains('+') {
        Sep::Plus
    } else if r.contains(',') {
        Sep::Comma
    } else if region.start > 0 {
        // A `scope=` query parameter with one scope: a space is not allowed in a URL.
        Sep::Pct20
    } else {
        Sep::Space
    };
    Some((region, sep))
}

/// Tokens of a scope list; empty unless every token is shaped like a scope.
fn split_scopes(v: &str, region: Range<usize>, sep: Sep) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let r = &v[region.clone()];
    let mut i = 0;
    let bytes = r.as_bytes();
    while i < bytes.len() {
        // Skip separators.
        if bytes[i] == b' '
            || bytes[i] == b','
            || bytes[i] == b'+'
            || bytes[i] == b'\t'
            || bytes[i] == b'\n'
        {
            i += 1;
            continue;
        }
        if r[i..].starts_with("%20") || r[i..].starts_with("%2C") || r[i..].starts_with("%2c") {
            i += 3;
            continue;
        }
        let s = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        if i == s {
            return Vec::new(); // a character no scope has: not a scope list
        }
        let tok = &r[s..i];
        if !tok.as_bytes()[0].is_ascii_lowercase() || tok.bytes().any(|b| b.is_ascii_uppercase()) {
            return Vec::new();
        }
        out.push(region.start + s..region.start + i);
    }
    let _ = sep;
    out
}

/// The items before and after one item of a scope list, as ranges of the file's text: the
/// neighbouring tokens of a scope string, or the neighbouring elements (quotes included) of an
/// array.
#[derive(Debug, Default)]
struct Neighbours {
    prev: Option<Range<usize>>,
    next: Option<Range<usize>>,
    /// Every item before this one is removed by its fix.
    at_head: bool,
}

type ScopeItem<'a> = (
    &'a Literal,
    Range<usize>,
    Option<&'a crate::rules::ScopeEntry>,
);

fn list_neighbours(items: &[ScopeItem<'_>], i: usize, key: ListKey) -> Neighbours {
    let range = |(l, r, _): &ScopeItem<'_>| match key {
        ListKey::Literal(_) => l.sub_span(r.clone()),
        ListKey::Array(_) => l.outer.clone(),
    };
    Neighbours {
        prev: i.checked_sub(1).map(|j| range(&items[j])),
        next: items.get(i + 1).map(range),
        at_head: false,
    }
}

/// Between two scopes of one string: only separators (`split_scopes` skips nothing else).
fn is_token_separator(between: &str) -> bool {
    let mut rest = between;
    while !rest.is_empty() {
        if let Some(r) = ["%20", "%2C", "%2c"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
        {
            rest = r;
        } else if rest.starts_with([' ', ',', '+', '\t', '\n', '\r']) {
            rest = &rest[1..];
        } else {
            return false;
        }
    }
    true
}

/// Between two array elements: whitespace and one comma (`", "`, `",\n    "`), or a YAML
/// block-sequence dash on a new line (`"\n  - "`). Comments or other elements in between make
/// the gap no separator to copy.
fn is_element_separator(between: &str) -> bool {
    let solid: String = between.chars().filter(|c| !c.is_whitespace()).collect();
    match solid.as_str() {
        "" | "," => true,
        "-" => {
            // The dash starts the last line of the gap and is followed by a space.
            let last_line = &between[between.rfind('\n').map_or(between.len(), |i| i + 1)..];
            last_line.trim() == "-" && last_line.ends_with(char::is_whitespace)
        }
        _ => false,
    }
}

/// A YAML block-sequence item (`  - r_liteprofile`) with no neighbour to copy from: the next item
/// goes on its own line with the same indentation and line ending.
fn yaml_item_separator(text: &str, item: &Range<usize>) -> Option<String> {
    let line_start = text[..item.start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..item.start];
    if prefix.trim() != "-" || !prefix.ends_with(char::is_whitespace) {
        return None;
    }
    let eol = match text[item.end..].find('\n') {
        Some(i) if text[..item.end + i].ends_with('\r') => "\r\n",
        _ => "\n",
    };
    Some(format!("{eol}{prefix}"))
}

/// Edits that replace one deprecated scope in its list by `new` (empty: remove it), written the
/// way the list already is: the same quoting, and the separator the list uses between its items
/// (copied from a neighbour: `", "`, `",\n    "`, `"\n  - "`, `"%20"`), so a multi-line array
/// stays one item per line and a YAML sequence stays a sequence.
fn scope_fix(
    file: &SourceFile,
    key: ListKey,
    sep: Sep,
    lit: &Literal,
    r: Range<usize>,
    nb: Neighbours,
    new: &[&str],
) -> Option<Vec<Edit>> {
    let text = &file.text;
    let edit = |s: usize, e: usize, rep: String| Edit {
        byte_start: file.disk_offset(s),
        byte_end: file.disk_offset(e),
        replacement: rep,
    };
    let (item, clean): (Range<usize>, fn(&str) -> bool) = match key {
        ListKey::Literal(_) => (lit.sub_span(r), is_token_separator),
        ListKey::Array(_) => (lit.outer.clone(), is_element_separator),
    };
    let gap_next = nb
        .next
        .map(|n| item.end..n.start)
        .filter(|g| g.start <= g.end && clean(&text[g.clone()]));
    let gap_prev = nb
        .prev
        .map(|p| p.end..item.start)
        .filter(|g| g.start <= g.end && clean(&text[g.clone()]));
    if new.is_empty() {
        // Remove the item with the separator on one side of it.
        let (first, second) = if nb.at_head {
            (
                gap_next.map(|g| item.start..g.end),
                gap_prev.map(|g| g.start..item.end),
            )
        } else {
            (
                gap_prev.map(|g| g.start..item.end),
                gap_next.map(|g| item.start..g.end),
            )
        };
        if let Some(cut) = first.or(second) {
            return Some(vec![edit(cut.start, cut.end, String::new())]);
        }
        return match key {
            ListKey::Literal(_) => None,
            ListKey::Array(_) => {
                // Neighbours separated by something else (a comment, a constant): drop the
                // element with its comma, `"x", ` or `, "x"`.
                let after = &text[item.end..];
                let ws_comma = after.len() - after.trim_start_matches([',', ' ', '\t']).len();
                if after.trim_start_matches([' ', '\t']).starts_with(',') {
                    return Some(vec![edit(item.start, item.end + ws_comma, String::new())]);
                }
                let trimmed = text[..item.start].trim_end_matches([' ', '\t']);
                trimmed
                    .ends_with(',')
                    .then(|| vec![edit(trimmed.len() - 1, item.end, String::new())])
            }
        };
    }
    let between = match gap_next.or(gap_prev) {
        Some(g) => text[g].to_string(),
        None => match key {
            ListKey::Literal(_) => sep.as_str().to_string(),
            ListKey::Array(_) => yaml_item_separator(text, &item).unwrap_or_else(|| ", ".into()),
        },
    };
    let (open, close) = match key {
        ListKey::Literal(_) => ("", ""),
        ListKey::Array(_) => (
            &text[lit.outer.start..lit.span.start],
            &text[lit.span.end..lit.outer.end],
        ),
    };
    let rep = new
        .iter()
        .map(|s| format!("{open}{s}{close}"))
        .collect::<Vec<_>>()
        .join(&between);
    Some(vec![edit(item.start, item.end, rep)])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SecretKind {
    AccessToken,
    ClientSecret,
}

/// Ranges of `lit.value` that hold a secret: a token/secret-shaped value bound to a
/// token/secret name, the credentials of an Authorization value, or a LinkedIn-token-shaped
/// string anywhere.
fn secret_ranges(lit: &Literal) -> Vec<(Range<usize>, SecretKind)> {
    let v = &lit.value;
    let mut out = Vec::new();
    let name = lit
        .header_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    let header_line = split_header_line(v);
    if name == "authorization"
        || header_line
            .as_ref()
            .is_some_and(|(h, _)| h.eq_ignore_ascii_case("authorization"))
    {
        let r = header_line.map(|(_, r)| r).unwrap_or(0..v.len());
        let val = &v[r.clone()];
        let cred = match val.split_once(' ') {
            Some((_, c)) => r.start + (val.len() - c.len())..r.end,
            None => r,
        };
        let c = &v[cred.clone()];
        if token_shaped(c.trim()) {
            return vec![(cred, SecretKind::AccessToken)];
        }
    }
    let secretish = !name.is_empty()
        && ([
            "token",
            "secret",
            "password",
            "passwd",
            "bearer",
            "apikey",
            "api_key",
            "credential",
        ]
        .iter()
        .any(|k| name.contains(k)))
        && ![
            "url", "uri", "endpoint", "path", "type", "header", "name", "expires", "ttl", "file",
            "env", "key_id",
        ]
        .iter()
        .any(|k| name.ends_with(k));
    if secretish && token_shaped(v) {
        let kind = if name.contains("secret") {
            SecretKind::ClientSecret
        } else {
            SecretKind::AccessToken
        };
        out.push((0..v.len(), kind));
        return out;
    }
    // LinkedIn access tokens: `AQ` + a long base64url run.
    let b = v.as_bytes();
    let mut i = 0;
    while i + 2 <= b.len() {
        if &b[i..i + 2] == b"AQ" && (i == 0 || !is_tok_char(b[i - 1])) {
            let mut j = i;
            while j < b.len() && is_tok_char(b[j]) {
                j += 1;
            }
            if j - i >= 60 && token_shaped(&v[i..j]) {
                out.push((i..j, SecretKind::AccessToken));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn is_tok_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'+' | b'/' | b'=')
}

/// Long enough, only token characters, mixes letters and digits, and not a placeholder.
fn token_shaped(s: &str) -> bool {
    if s.len() < 12 || !s.bytes().all(is_tok_char) || is_template(s) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if ["<", "****", "http"].iter().any(|p| lower.contains(p)) {
        return false;
    }
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let upper = s.bytes().filter(u8::is_ascii_uppercase).count();
    let lowc = s.bytes().filter(u8::is_ascii_lowercase).count();
    // Identifier-like words (`ACCESS_TOKEN_KEY`) are not secrets.
    digits > 0 && lowc + upper > 0 && !(s.contains('_') && lowc == 0 && digits == 0)
}

/// A token-shaped value that says it is not real (`your-token-here`, `fake…`): still masked in
/// every output, but not reported as a hard-coded secret.
fn is_placeholder(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
        "your",
        "xxxx",
        "example",
        "changeme",
        "placeholder",
        "dummy",
        "redacted",
        "test_",
        "fake",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// `Name: value` inside one string (curl `-H`, raw HTTP): (name, range of value).
fn split_header_line(v: &str) -> Option<(&str, Range<usize>)> {
    let (name, _) = v.split_once(':')?;
    let n = name.trim();
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    let start = name.len() + 1;
    let lead = v[start..].len() - v[start..].trim_start().len();
    let end = v.trim_end().len().max(start + lead);
    Some((n, start + lead..end))
}

/// The header a literal is a value of, and the range of the value inside the literal.
fn header_of(lit: &Literal) -> (Option<&str>, Range<usize>) {
    if let Some(h) = lit.header_name() {
        if is_known_header(h) {
            return (Some(h), 0..lit.value.len());
        }
    }
    if let Some((h, r)) = split_header_line(&lit.value) {
        if is_known_header(h) {
            return (Some(h), r);
        }
    }
    (lit.header_name(), 0..lit.value.len())
}

fn is_known_header(h: &str) -> bool {
    [
        "linkedin-version",
        "x-restli-protocol-version",
        "authorization",
    ]
    .iter()
    .any(|k| h.eq_ignore_ascii_case(k))
}

/// `${LI_TOKEN}`, `$ACCESS_TOKEN`, `{token}`: the whole value is one interpolated token, so
/// the header is sent without a scheme (`Bearer ${LI_TOKEN}` is fine).
fn bare_token_placeholder(v: &str) -> bool {
    let v = v.trim();
    let inner = v
        .strip_prefix("${")
        .or_else(|| v.strip_prefix("#{"))
        .or_else(|| v.strip_prefix('{'))
        .and_then(|r| r.strip_suffix('}'))
        .or_else(|| v.strip_prefix('$'));
    let Some(name) = inner else { return false };
    let lc = name.to_ascii_lowercase();
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        && lc.contains("token")
        && !["bearer", "header", "auth"].iter().any(|k| lc.contains(k))
}

/// A value built at run time (`${v}`, `{}`, `%s`, `$VERSION`) is not a literal to judge.
fn is_template(v: &str) -> bool {
    v.contains("${")
        || v.contains("{}")
        || v.contains("%s")
        || v.contains("#{")
        || v.starts_with('$')
        || v.contains("{{")
        || v.starts_with('{') && v.ends_with('}')
}

fn looks_like_version(v: &str) -> bool {
    let v = v.trim();
    let main = v.split('.').next().unwrap_or("");
    (main.len() == 6 || main.len() == 8)
        && main.bytes().all(|b| b.is_ascii_digit())
        && main.starts_with("20")
}

/// Host and where the path starts: `https://api.linkedin.com/v2/me` → (host, 24);
/// `//api.linkedin.com/x` (scheme-relative) too; a bare path → (None, 0); after a leading
/// interpolation (`${API}/v2/me`, `{}/v2/me`, `%s/v2`, `$API/v2`) the path starts after it.
fn url_parts(v: &str) -> (Option<&str>, usize) {
    let after_scheme = if let Some(i) = v.find("://") {
        Some(i + 3)
    } else if v.starts_with("//") {
        Some(2)
    } else if v.starts_with("api.linkedin.com") || v.starts_with("www.linkedin.com") {
        Some(0)
    } else {
        None
    };
    if let Some(hs) = after_scheme {
        let he = v[hs..]
            .find(['/', '?', '#', ' ', '"', '\''])
            .map_or(v.len(), |k| hs + k);
        let host = &v[hs..he];
        let host = host.rsplit('@').next().unwrap_or(host);
        let host = host.split(':').next().unwrap_or(host);
        return (Some(host), he);
    }
    // Leading interpolation.
    for (open, close) in [("${", "}"), ("#{", "}"), ("{", "}")] {
        if let Some(rest) = v.strip_prefix(open) {
            if let Some(k) = rest.find(close) {
                return (None, open.len() + k + close.len());
            }
        }
    }
    if let Some(rest) = v.strip_prefix("%s") {
        return (None, v.len() - rest.len());
    }
    if let Some(rest) = v.strip_prefix('$') {
        // `$base/v2`, and PHP property chains `$this->apiBase/v2`.
        let b = rest.as_bytes();
        let mut n = 0;
        loop {
            n += b[n..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                .count();
            if b[n..].starts_with(b"->") {
                n += 2;
            } else {
                break;
            }
        }
        return (None, 1 + n);
    }
    (None, 0)
}

fn is_linkedin_host(h: &str) -> bool {
    let h = h.to_ascii_lowercase();
    h == "linkedin.com" || h.ends_with(".linkedin.com")
}

/// `path` starts with `pattern` (or with it minus the leading `/`), at a name boundary.
fn path_matches(path: &str, pattern: &str) -> bool {
    let rest = if let Some(r) = path.strip_prefix(pattern) {
        r
    } else if let Some(r) = path
        .strip_prefix(&pattern[1..])
        .filter(|_| !path.starts_with('/'))
    {
        r
    } else {
        return false;
    };
    pattern.ends_with('/')
        || !rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Levenshtein distance (small strings only).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = Vec::with_capacity(b.len() + 1);
    for (i, ca) in a.chars().enumerate() {
        cur.clear();
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// `edit_distance(a, b) <= max`, without the table when the lengths alone rule it out.
fn within_edit_distance(a: &str, b: &str, max: usize) -> bool {
    a.chars().count().abs_diff(b.chars().count()) <= max && edit_distance(a, b) <= max
}

/// Fill `{name}` placeholders.
fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in vars {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_value_with_multibyte_char_at_seven() {
        // Found by the `readers` fuzz target: `value[..7]` cut a multi-byte char.
        let linter = crate::Linter::builder()
            .today("2026-11-23")
            .build()
            .unwrap();
        let src = "const API = \"https://api.linkedin.com\";\nconst h = {\"Authorization\": \"Token \u{93}x\"};\n";
        let scan = linter.check_text("a.ts", src);
        assert!(scan.findings.iter().any(|f| f.id == "bearer-scheme"));
    }

    #[test]
    fn slashless_requirement_path_before_multibyte_char() {
        // Found by the `readers` fuzz target: `rest/meÿ` (no leading slash) was measured with
        // the slash, so the span ended inside `ÿ`.
        let linter = crate::Linter::builder()
            .today("2026-11-23")
            .build()
            .unwrap();
        // Also with an ASCII character after the path: the span must not take it in.
        for tail in ["\u{ff}", "?x=1"] {
            let src = format!(
                "const linkedin = 1;\nconst u = \"rest/me{tail}\";\nconst s = [\"r_liteprofile\"];\n"
            );
            let scan = linter.check_text("a.ts", &src);
            let f = scan
                .findings
                .iter()
                .find(|f| f.id == "rest-me-basicprofile")
                .expect("requirement finding");
            assert_eq!(
                &src[f.span.byte_start..f.span.byte_end],
                "rest/me",
                "{tail}"
            );
        }
    }

    #[test]
    fn bounded_edit_distance_agrees_with_the_table() {
        for (a, b) in [
            ("linkedinversion", "linkedinversion"),
            ("linkedinverison", "linkedinversion"),
            ("linkdinversion", "linkedinversion"),
            ("xlinkedinversion", "linkedinversion"),
            ("linkedin", "linkedinversion"),
            ("usercache", "linkedinversion"),
            ("", "ab"),
        ] {
            for max in 0..4 {
                let table = edit_distance(a, b) <= max;
                assert_eq!(within_edit_distance(a, b, max), table, "{a} {b} {max}");
            }
        }
    }

    #[test]
    fn bare_token_placeholders() {
        assert!(bare_token_placeholder("${LI_TOKEN}"));
        assert!(bare_token_placeholder("$ACCESS_TOKEN"));
        assert!(bare_token_placeholder("{token}"));
        assert!(!bare_token_placeholder("${AUTH_HEADER}"));
        assert!(!bare_token_placeholder("${bearerToken}"));
        assert!(!bare_token_placeholder("Bearer ${LI_TOKEN}"));
        assert!(!bare_token_placeholder("${API}/v2/me"));
    }

    #[test]
    fn url_parts_and_paths() {
        assert_eq!(
            url_parts("https://api.linkedin.com/v2/me"),
            (Some("api.linkedin.com"), 24)
        );
        assert_eq!(
            url_parts("//api.linkedin.com/v2/me").0,
            Some("api.linkedin.com")
        );
        assert_eq!(url_parts("${API}/v2/me"), (None, 6));
        assert_eq!(url_parts("/v2/me"), (None, 0));
        assert!(path_matches("/v2/me?x", "/v2/me"));
        assert!(!path_matches("/v2/members", "/v2/me"));
        assert!(path_matches("v2/ugcPosts", "/v2/ugcPosts"));
        assert!(path_matches("/v1/people/~:(id)", "/v1/"));
    }

    #[test]
    fn scope_lists() {
        let v = "r_liteprofile r_emailaddress w_member_social";
        let (r, sep) = scope_region(v).unwrap();
        assert_eq!(sep, Sep::Space);
        assert_eq!(split_scopes(v, r, sep).len(), 3);
        let v = "https://www.linkedin.com/oauth/v2/authorization?response_type=code&scope=r_liteprofile%20r_emailaddress&state=x";
        let (r, sep) = scope_region(v).unwrap();
        assert_eq!(sep, Sep::Pct20);
        let toks = split_scopes(v, r, sep);
        assert_eq!(&v[toks[1].clone()], "r_emailaddress");
        let v = "alter_emailaddress(x)";
        let (r, sep) = scope_region(v).unwrap();
        assert!(split_scopes(v, r, sep).is_empty());
    }

    /// `text` (as the file `path`) with the fixes of its scope findings applied.
    fn scope_fixed(linter: &crate::Linter, path: &str, text: &str, unsafe_fixes: bool) -> String {
        let scan = linter.check_text(path, text);
        let mut edits: Vec<&Edit> = scan
            .findings
            .iter()
            .filter(|f| f.rule == Rule::ScopeDeprecated)
            .filter_map(|f| f.fix.as_ref())
            .filter(|f| unsafe_fixes || f.applicability == Applicability::MachineApplicable)
            .flat_map(|f| &f.edits)
            .collect();
        edits.sort_by_key(|e| (e.byte_start, e.byte_end));
        for w in edits.windows(2) {
            assert!(
                w[0].byte_end <= w[1].byte_start,
                "overlapping edits {w:?} in {text:?}"
            );
        }
        let mut out = String::new();
        let mut at = 0;
        for e in edits {
            out.push_str(&text[at..e.byte_start]);
            out.push_str(&e.replacement);
            at = e.byte_end;
        }
        out + &text[at..]
    }

    fn linter() -> crate::Linter {
        crate::Linter::builder()
            .today("2026-11-23")
            .build()
            .unwrap()
    }

    #[test]
    fn scope_fixes_keep_the_list_layout() {
        let l = linter();
        let cases = [
            // One item per line stays one item per line.
            (
                "a.ts",
                "const s = [\n  \"r_liteprofile\",\n  \"w_member_social\",\n];\n",
                "const s = [\n  \"openid\",\n  \"profile\",\n  \"w_member_social\",\n];\n",
            ),
            // Quoting is kept; replacements already in the list or added by another fix are not
            // repeated.
            (
                "a.py",
                "S = ['r_liteprofile', 'r_emailaddress', 'w_member_social']\n",
                "S = ['openid', 'profile', 'email', 'w_member_social']\n",
            ),
            // A YAML block sequence stays a sequence, also with one item (and CRLF).
            (
                "a.yaml",
                "scopes:\r\n  - r_liteprofile\r\nother: 1\r\n",
                "scopes:\r\n  - openid\r\n  - profile\r\nother: 1\r\n",
            ),
            (
                "a.yaml",
                "a:\n  scopes:\n    - r_liteprofile\n  more:\n    - r_emailaddress\n",
                "a:\n  scopes:\n    - openid\n    - profile\n  more:\n    - openid\n    - email\n",
            ),
            // A comma-and-space separated string keeps `, `.
            (
                "a.py",
                "SCOPE = 'r_liteprofile, w_member_social'\n",
                "SCOPE = 'openid, profile, w_member_social'\n",
            ),
            // A `scope=` query parameter with one scope gets `%20`, never a space.
            (
                "a.py",
                "U = 'https://www.linkedin.com/oauth/v2/authorization?scope=r_liteprofile&state=1'\n",
                "U = 'https://www.linkedin.com/oauth/v2/authorization?scope=openid%20profile&state=1'\n",
            ),
        ];
        for (path, before, after) in cases {
            assert_eq!(scope_fixed(&l, path, before, false), after, "{before}");
        }
    }

    #[test]
    fn scopes_already_requested_are_removed_without_overlapping_edits() {
        let l = linter();
        let cases = [
            (
                "S = ['openid', 'profile', 'email', 'r_liteprofile', 'r_emailaddress']\n",
                "S = ['openid', 'profile', 'email']\n",
            ),
            (
                "S = ['r_liteprofile', 'r_emailaddress', 'openid', 'profile', 'email']\n",
                "S = ['openid', 'profile', 'email']\n",
            ),
            (
                "S = ['openid', 'r_liteprofile', 'profile', 'r_emailaddress', 'email']\n",
                "S = ['openid', 'profile', 'email']\n",
            ),
            (
                "S = [\n    'openid',\n    'r_liteprofile',\n    'profile',\n]\n",
                "S = [\n    'openid',\n    'profile',\n]\n",
            ),
            (
                "SCOPE = 'openid profile r_liteprofile'\n",
                "SCOPE = 'openid profile'\n",
            ),
        ];
        for (before, after) in cases {
            assert_eq!(scope_fixed(&l, "a.py", before, false), after, "{before}");
        }
    }

    #[test]
    fn a_safe_scope_fix_never_relies_on_a_maybe_incorrect_one() {
        // `x_legacy` (maybe-incorrect) and `r_liteprofile` (machine-applicable) both become
        // `openid profile`. `--fix` alone applies only the second, which must therefore bring
        // both scopes itself, even though `x_legacy` comes first in the list.
        let dir = tempfile::tempdir().unwrap();
        let rules = dir.path().join("rules.yaml");
        std::fs::write(
            &rules,
            "schema: 1\nscopes:\n  - id: x-legacy\n    scope: x_legacy\n    replacement: [openid, profile]\n    fix: maybe-incorrect\n    severity: warning\n    since: \"2020\"\n    grade: P\n    message: m\n    help: h\n    source: https://example.com/x\n",
        )
        .unwrap();
        let l = crate::Linter::builder()
            .today("2026-11-23")
            .rules_file(&rules)
            .build()
            .unwrap();
        let before = "S = ['x_legacy', 'r_liteprofile']\n";
        assert_eq!(
            scope_fixed(&l, "a.py", before, false),
            "S = ['x_legacy', 'openid', 'profile']\n"
        );
        assert_eq!(
            scope_fixed(&l, "a.py", before, true),
            "S = ['openid', 'profile']\n"
        );
    }

    #[test]
    fn the_name_of_the_version_header_is_not_a_version() {
        let scan = linter().check_text(
            "a.py",
            "API = 'https://api.linkedin.com'\nLINKEDIN_VERSION_HEADER = 'LinkedIn-Version'\nLINKEDIN_VERSION = '202609'\n",
        );
        assert!(scan.findings.is_empty(), "{:?}", scan.findings);
    }

    #[test]
    fn secrets() {
        let mut l = Literal::new(
            LitKind::Str,
            "Bearer AQXdSP_W41_UPs5ioT_t8HESyODB4FqbkJ8LrV_5mff4gPODzOYR".into(),
            0..10,
            0..10,
            true,
        );
        l.header = Some("Authorization".into());
        let r = secret_ranges(&l);
        assert_eq!(r[0].0, 7..l.value.len());
        let mut l = Literal::new(
            LitKind::Str,
            "WPL_AP1.abcDEF123456.xyZ==".into(),
            0..10,
            0..10,
            true,
        );
        l.name = Some("LINKEDIN_CLIENT_SECRET".into());
        assert_eq!(secret_ranges(&l)[0].1, SecretKind::ClientSecret);
        let mut l = Literal::new(
            LitKind::Str,
            "your-client-secret-here!".into(),
            0..10,
            0..10,
            true,
        );
        l.name = Some("client_secret".into());
        assert!(secret_ranges(&l).is_empty());
        let mut l = Literal::new(
            LitKind::Str,
            "https://www.linkedin.com/oauth/v2/accessToken".into(),
            0..10,
            0..10,
            true,
        );
        l.name = Some("TOKEN_URL".into());
        assert!(secret_ranges(&l).is_empty());
    }
}
