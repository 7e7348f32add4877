//! Checks: facts × rule table × today's date → findings. Pure: no I/O.
//!
//! [`Checker::check_file`] judges one file; [`Checker::finish`] runs the checks that need the
//! whole tree (`version-inconsistent`, `scope-version-mismatch`, `version-missing`).
//!
//! One file per rule family: `version` (pinned versions), `headers`
//! (Rest.li protocol, auth scheme, misspelt version header), `endpoints`, `scopes`, `secrets`,
//! and `tree` (the cross-file checks). This file holds the per-file and per-tree data, the
//! dispatcher ([`Checker::check_file`]) and the helpers every family shares.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

use crate::calendar::{Date, Status, SunsetBasis, Version, VersionError};
use crate::facts::{FileFacts, LitKind, Literal};
use crate::finding::{Applicability, Edit, Finding, Fix, Related, Rule, Severity, Span};
use crate::prefilter::Needle;
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

mod endpoints;
mod headers;
mod scopes;
mod secrets;
mod tree;
mod version;

use endpoints::{is_linkedin_host, url_parts};
use scopes::*;

/// A finding of `rule` from a table entry, at `span` of `path`, without fix or related places.
fn table_finding(rule: Rule, e: Entry<'_>, path: &str, span: Span) -> Finding {
    Finding {
        rule,
        id: e.id.to_string(),
        severity: e.severity,
        message: e.message.to_string(),
        help: e.help.to_string(),
        path: path.to_string(),
        path_bytes: None,
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

/// `out` with the file's names `finish` needs: its `uses`, and its `defines` ahead of the
/// names `judge` added (bases named without a `const`).
fn with_names(
    mut out: FileCheck,
    uses: Option<Vec<String>>,
    defines: Option<Vec<String>>,
) -> FileCheck {
    if let Some(u) = uses {
        out.uses = u;
    }
    if let Some(mut d) = defines {
        d.append(&mut out.defines);
        out.defines = d;
    }
    out
}

/// Which of a file's names the tree-wide checks read ([`Checker::check_file`]).
#[derive(Debug, Default, Clone, Copy)]
struct NamesNeeded {
    /// `uses`: the file has `/rest/` sites, relative paths or LinkedIn context.
    uses: bool,
    /// `defines`: the file sets the version header or talks to LinkedIn.
    defines: bool,
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
    /// LinkedIn API bases the file defines (`https://api.linkedin.com/v2`): [`BASE_V1`],
    /// [`BASE_V2`], [`BASE_REST`] bits.
    pub li_bases: u8,
    /// Bases a LinkedIn client library the file imports sends relative paths to, without a
    /// URL in the file: LinkedIn's Python `RestliClient` sends `resource_path` to `/rest` with
    /// a `version_string`, else to `/v2`. They place a path that exists only under `/v2`
    /// (`/ugcPosts`, `/adAccountsV2`), not a generic one (`/me`), whose base depends on the call.
    pub library_bases: u8,
    /// Names the file binds to a LinkedIn base (`LINKEDIN_API_BASE: str =
    /// "https://api.linkedin.com/v2"`), with its [`BASE_V1`]/[`BASE_V2`]/[`BASE_REST`] bit,
    /// or to another host's URL ([`BASE_ELSEWHERE`]): a path another file joins to that name
    /// (`f"{settings.LINKEDIN_API_BASE}/me"`) is sent there.
    pub bound_bases: Vec<(String, u8)>,
    /// The file holds a URL of another host's API (`https://graph.facebook.com/v2`).
    pub foreign_base: bool,
    /// The file holds the API's bare host (`https://api.linkedin.com`), a base a client joins
    /// whole `/v2/…` paths to.
    pub li_host: bool,
    /// The file names a URL on the API's host (`https://api.linkedin.com/v2/…`): in a
    /// document, the paths it names without the host (`GET {baseURL}/v2/organizations`) are
    /// that API's too.
    pub li_url: bool,
    /// Bases the file names without a host (`API_PATH = '/v1'`, `@api_version = "/v1"`): a
    /// gem joins them to the host another file holds (`:site => "https://api.linkedin.com"`),
    /// so they count as [`FileCheck::li_bases`] once some file of the tree has
    /// [`FileCheck::li_host`].
    pub prefix_bases: u8,
    /// Findings of host-less `/v2/…` paths whose rule needs LinkedIn's host (`'/v2/images'`):
    /// kept by [`Checker::finish`] when some file of the tree holds the bare host.
    pub hostless: Vec<Finding>,
    /// The file sets some request header (it builds its own requests).
    pub builds_headers: bool,
    /// A `/rest/` URL written in place (not bound to a name that a helper may be given).
    pub rest_inline: bool,
    /// Paths that are retired once joined to a LinkedIn base defined elsewhere (`'/ugcPosts'`
    /// with `baseURL: 'https://api.linkedin.com/v2'` in a constructor or another file).
    pub relative: Vec<RelativeSite>,
    /// The language `codegen` would write for this file's project (Rust, TypeScript for
    /// JavaScript and TypeScript, Python, Go), if it is one of those.
    pub codegen_lang: Option<crate::codegen::Language>,
    /// The file was written by `linkedin-lint codegen`: its version is the project's own.
    pub generated: bool,
    /// Names and keys whose value this file sends as `LinkedIn-Version` without defining
    /// them ([`FileFacts::version_keys`]).
    pub version_keys: Vec<String>,
    /// Versions bound to a name in a file where nothing says the name is a LinkedIn version:
    /// they count once another file sends that name's value as the header.
    pub version_candidates: Vec<VersionCandidate>,
}

/// A `YYYYMM` value bound to a name (`lkd.api_version = '202401'` in an R option list), with
/// what it would be reported as if the name turns out to feed `LinkedIn-Version`.
#[derive(Debug, Clone)]
pub struct VersionCandidate {
    /// [`version_key`] of the name.
    pub key: String,
    pub version: Option<(Version, Span)>,
    pub findings: Vec<Finding>,
}

/// How names and keys are compared across files: lower case, the last `.`-separated part
/// (`lkd.api_version` in `getOption()` and `api_version` in `list(lkd.api_version = …)`).
/// A schema's `default` stands for its key: a component schema's
/// `"api_version": {"type": "string", "default": "202401"}` is `api_version`'s value.
pub fn version_key(name: &str) -> String {
    let mut parts = name.rsplit('.');
    let last = parts.next().unwrap_or(name);
    let key = match parts.next() {
        Some(parent) if last.eq_ignore_ascii_case("default") => parent,
        _ => last,
    };
    key.to_ascii_lowercase()
}

/// A relative path literal and the finding it makes when joined to a LinkedIn base of `kind`.
#[derive(Debug, Clone)]
pub struct RelativeSite {
    /// [`BASE_V1`], [`BASE_V2`] or [`BASE_REST`].
    pub kind: u8,
    /// A short name other APIs use too (`/me`, `/people`): needs stronger evidence.
    pub generic: bool,
    /// A v1 idiom (`people/~`, `:(fields)`): a v1 path wherever the v1 base is. Other paths
    /// are v1 paths only in a file whose one LinkedIn base is v1.
    pub v1_idiom: bool,
    /// The path is a versioned name (`adCampaigns`) whose unversioned name differs
    /// (`adCampaignsV2`): joined to `/v2` only where `/v2` is the one LinkedIn API base in
    /// reach, since a client that holds both bases sends it to `/rest/` (LinkedIn's own
    /// clients do).
    pub versioned_name: bool,
    /// The path is asked of a client (`client.get('me')`, `@RequestLine("GET /me")`): it may
    /// also take its base from a file that builds a client on this file's interface.
    pub asked: bool,
    /// The path is bound to a name that says it is one (`path = "/people"`, `resource_url`):
    /// a request path being built, not a body's `_path` or a test's expected value.
    pub path_named: bool,
    /// The path is an unversioned name only `/v2` has (`adCampaignsV2`): wrong under any
    /// LinkedIn base, `/rest` included (a dlt config's `base_url: …/rest` with
    /// `"path": "adCampaignsV2"` is answered 404).
    pub unversioned_name: bool,
    /// The path follows a base named for `/rest` (`${REST_BASE}/ugcPosts`): joined to `/rest`
    /// only, even where `/v2` is a base too.
    pub rest_named: bool,
    /// The file has no LinkedIn context of its own: the path counts only where the file uses
    /// a name defined beside a LinkedIn base (a helper of the client module).
    pub borrowed: bool,
    /// The name interpolated before the path (`{settings.LINKEDIN_API_BASE}/me` →
    /// `LINKEDIN_API_BASE`), when the file does not bind it itself: another file's
    /// [`FileCheck::bound_bases`] may.
    pub lead: Option<String>,
    /// The same path is retired under `/v2` and under `/rest` alike (`/ugcPosts`,
    /// `/assets?action=registerUpload`): which of the two the base is does not matter.
    pub any_base: bool,
    pub finding: Finding,
}

/// Client classes of LinkedIn's own libraries whose bases are built in
/// ([`FileCheck::library_bases`]).
const LIBRARY_CLIENTS: &[&str] = &["RestliClient"];

/// Bits of [`FileCheck::li_bases`].
pub const BASE_V1: u8 = 1;
pub const BASE_V2: u8 = 2;
pub const BASE_REST: u8 = 4;
/// Of [`FileCheck::bound_bases`] only: a name bound to a URL on a host other than the API's.
pub const BASE_ELSEWHERE: u8 = 8;

/// The checks, with everything built once from the rule table.
pub struct Checker<'t> {
    pub table: &'t RuleTable,
    pub opts: CheckOptions,
    known_scopes: HashSet<&'t str>,
    /// The known scopes as one automaton: a literal holding none of them (most strings) is
    /// no scope list unless its name says so, and is not split into tokens.
    scope_words: aho_corasick::AhoCorasick,
    /// Each endpoint entry's path without its leading and trailing `/`: a path that holds
    /// none of them matches no entry (in any of the ways `endpoints` tries), so the entries
    /// are not tried one by one.
    endpoint_cores: aho_corasick::AhoCorasick,
    /// Every endpoint path (of the entries not bound to a host) and requirement path of the
    /// table has a `/` after its first character: a literal without a `/`, a host or a base
    /// cannot match one.
    paths_need_slash: bool,
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
        let scope_words = aho_corasick::AhoCorasick::new(known_scopes.iter())
            .expect("scope names build an automaton");
        let endpoint_cores = aho_corasick::AhoCorasick::new(table.endpoints.iter().map(|e| {
            let p = e.path.strip_prefix('/').unwrap_or(&e.path);
            p.strip_suffix('/').unwrap_or(p)
        }))
        .expect("endpoint paths build an automaton");
        Checker {
            table,
            opts,
            known_scopes,
            scope_words,
            endpoint_cores,
            paths_need_slash: table
                .endpoints
                .iter()
                // An entry bound to a host only matches a literal with a host or a base.
                .filter(|e| e.host.is_none())
                .map(|e| e.path.as_str())
                .chain(table.requirements.iter().map(|r| r.endpoint.as_str()))
                .all(|p| p.get(1..).is_some_and(|rest| rest.contains('/'))),
        }
    }

    /// Every literal any check reacts to contains one of these, standing as each says: the
    /// prefilter for whole files.
    ///
    /// Tokens need no literal of their own: a `hardcoded-token` finding needs LinkedIn
    /// context (a `linkedin` literal, name or identifier, or `X-Restli-Protocol-Version`), so
    /// every file that can have one already contains `linkedin` or `restli`. (An `AQ` entry,
    /// matched case-insensitively, made every `dataQuery`, `opaque` or base64 blob a
    /// candidate: most of the prefilter's hits on real code, and never a finding.)
    pub fn prefilter_literals(&self) -> Vec<Needle> {
        // Every finding needs one of these in its file: LinkedIn context ("linkedin", a Rest.li
        // header), a version name without the word LinkedIn (`LI_VERSION`, `liApiVersion`),
        // or a scope the table knows. A path such as `/v2/me` alone never makes a finding
        // (it needs LinkedIn context), so paths are not literals here: most files that
        // mention another API's `/v2/` are never tokenised. `tests/prefilter.rs` checks that
        // results are the same with the prefilter off.
        let mut v: Vec<Needle> = ["linkedin", "restli"].map(Needle::anywhere).to_vec();
        // A version name counts only as the whole name (`is_version` compares the name's
        // last part with `liversion`): `CLI_VERSION` and `current_cli_version_has_changed`,
        // common in tools, are not LinkedIn's.
        for name in [
            "li_version",
            "liversion",
            "li-version",
            "li_api_version",
            "liapiversion",
            "li-api-version",
        ] {
            v.push(Needle::word(name, true));
        }
        // A scope counts only as a whole lower-case word, as `split_scopes` reads one:
        // `MEDIA_ERR_NETWORK` (in every DOM typing) holds no `r_network`.
        let scopes = self.table.scopes.iter().map(|s| &s.scope);
        for scope in scopes.chain(self.table.requirements.iter().map(|r| &r.scope)) {
            v.push(Needle::word(scope.as_str(), false));
        }
        // A quoted version a file defines for another file's header (`export const
        // API_REVISION = '202405'` with nothing about LinkedIn beside it): every plausible
        // `YYYYMM` in quotes. Rare outside LinkedIn code (0 of deno's 14,798 files).
        let first = Version::parse("202206").map_or(0, |f| f.month_index());
        for i in first..=self.opts.today.month_index() + 13 {
            let m = Version::from_month_index(i).to_string();
            v.push(Needle::anywhere(format!("'{m}")));
            v.push(Needle::anywhere(format!("\"{m}")));
        }
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
        let (out, names) = self.judge(file, facts);
        let uses = names.uses.then(|| facts.uses.clone());
        let defines = names.defines.then(|| facts.defines.clone());
        with_names(out, uses, defines)
    }

    /// [`Self::check_file`], moving the file's names out of `facts` instead of copying them:
    /// a scan drops the facts right after (the copies were a seventh of the allocations of
    /// a candidate's analysis; issue 16).
    pub(crate) fn check_file_taking_names(
        &self,
        file: &SourceFile,
        facts: &mut FileFacts,
    ) -> FileCheck {
        let (out, names) = self.judge(file, facts);
        let uses = names.uses.then(|| std::mem::take(&mut facts.uses));
        let defines = names.defines.then(|| std::mem::take(&mut facts.defines));
        with_names(out, uses, defines)
    }

    /// The checks of one file, and which of its names `finish` will need.
    fn judge(&self, file: &SourceFile, facts: &FileFacts) -> (FileCheck, NamesNeeded) {
        let mut names = NamesNeeded::default();
        let mut out = FileCheck {
            path: file.path.clone(),
            docs: facts.docs,
            codegen_lang: codegen_lang(file.lang),
            generated: crate::codegen::is_generated(&file.text),
            ..FileCheck::default()
        };
        let mut scope_lists: BTreeMap<ListKey, ScopeList> = BTreeMap::new();
        let sections = endpoints::sections(facts);
        // One search of the file instead of one per literal (most files hold no credential).
        let text_has_credentials = crate::redact::may_hold_credentials(&file.text);
        let foreign = endpoints::foreign_sections(facts);
        // A file with no LinkedIn context of its own that names LinkedIn somewhere (a comment,
        // a message: `"LinkedIn organization ID"`) and calls names of other files may borrow
        // a client's base ([`RelativeSite::borrowed`]). Only such files: the prefilter passes
        // every file that names LinkedIn, so a scan finds the same with it off.
        let borrowable = !facts.linkedin_context
            && !facts.docs
            && !facts.uses.is_empty()
            && crate::extract::context::contains_ignore_ascii_case(&file.text, "linkedin");
        for (idx, lit) in facts.literals.iter().enumerate() {
            self.secrets(file, facts, lit, text_has_credentials, &mut out);
            if lit.in_comment || foreign[idx] {
                continue;
            }
            let (header, value_range) = header_of(lit);
            let value = &lit.value[value_range.clone()];
            if lit.header.is_some()
                || header.is_some_and(is_known_header)
                || is_request_header_name(lit.value.trim())
            {
                out.builds_headers = true;
            }
            // A value that is itself a header's name (`LINKEDIN_VERSION = "LinkedIn-Version"`,
            // `AUTHORIZATION: 'Authorization'`) names the header; it is not its value.
            let header = header.filter(|_| !is_known_header(value.trim()));
            if header.is_some_and(|h| h.eq_ignore_ascii_case("linkedin-version")) {
                out.sets_version = true;
            }
            if lit.value.eq_ignore_ascii_case("linkedin-version") {
                out.sets_version = true;
            }
            if self.is_version(lit, header, value, facts.linkedin_context) {
                out.sets_version = true;
                self.version(file, lit, value_range.clone(), &mut out);
            } else if let Some(name) = lit
                .name
                .as_deref()
                .filter(|_| !facts.docs && self.plausible_version(value))
            {
                let mut tmp = FileCheck::default();
                self.version(file, lit, value_range.clone(), &mut tmp);
                out.version_candidates.push(VersionCandidate {
                    key: version_key(name),
                    version: tmp.versions.pop(),
                    findings: tmp.findings,
                });
            }
            if header.is_some_and(|h| h.eq_ignore_ascii_case("x-restli-protocol-version")) {
                self.restli(file, lit, value_range.clone(), &mut out);
            }
            if header.is_some_and(|h| h.eq_ignore_ascii_case("authorization"))
                && (facts.linkedin_context)
            {
                self.auth(file, facts, lit, value_range.clone(), &mut out);
            }
            if lit.kind == LitKind::Str {
                self.misspelled_header(file, facts, lit, &mut out);
                self.endpoints(file, facts, lit, &mut out);
                self.relative(file, facts, lit, &sections, borrowable, &mut out);
                self.doc_versions(file, facts, lit, &mut out);
                self.doc_scopes(file, facts, lit, &mut out);
                self.collect_scopes(idx, lit, &mut scope_lists);
            }
        }
        self.scopes(file, facts, &scope_lists, &mut out);
        out.sets_version |= facts.client_sends_version;
        if !out.sets_version {
            withhold_rest_fixes(&mut out);
        }
        if facts.docs {
            for f in out
                .findings
                .iter_mut()
                .chain(out.relative.iter_mut().map(|r| &mut r.finding))
                .chain(out.hostless.iter_mut())
            {
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
        names.uses =
            !out.rest_sites.is_empty() || !out.relative.is_empty() || facts.linkedin_context;
        if facts
            .uses
            .iter()
            .any(|u| LIBRARY_CLIENTS.contains(&u.as_str()))
        {
            out.library_bases = BASE_V2 | BASE_REST;
        }
        // LinkedIn's JavaScript SDK sent `IN.API.Raw(path)` to the v1 API.
        if facts
            .uses
            .iter()
            .any(|u| u == crate::extract::context::JS_SDK)
        {
            out.library_bases |= BASE_V1;
        }
        out.version_keys = facts.version_keys.iter().map(|k| version_key(k)).collect();
        names.defines = out.sets_version || (facts.linkedin_context && !facts.docs);
        out.li_bases |= endpoints::assembled_base(&facts.literals);
        if facts.linkedin_context && !facts.docs {
            out.prefix_bases = endpoints::prefix_bases(&facts.literals);
        }
        out.bound_bases = facts
            .literals
            .iter()
            .filter(|l| !l.in_comment && !facts.docs)
            // The name first: most literals are bound to none, and need no URL parse.
            .filter_map(|l| {
                let name = l.name.as_ref()?;
                let kind = endpoints::base_kind(&l.value);
                (kind != 0).then(|| (name.clone(), kind))
            })
            .collect();
        if out.li_bases != 0 {
            // `NON_VERSIONED_BASE_URL = '…'` without a `const`: the name is defined all the same.
            out.defines.extend(
                facts
                    .literals
                    .iter()
                    .filter(|l| url_parts(&l.value).0.is_some_and(is_linkedin_host))
                    .filter_map(|l| l.name.clone()),
            );
        }
        (out, names)
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

    /// The checks that need every file: run once after all files are checked.
    pub fn finish(&self, files: &mut [FileCheck]) {
        self.resolve_version_keys(files);
        self.inconsistent(files);
        self.mismatch(files);
        self.missing(files);
        self.resolve_relative(files);
        self.resolve_hostless(files);
    }
}

impl FileCheck {
    /// Whether the file can have a finding once [`Checker::finish`] has run: it has one now,
    /// or holds a site that a cross-file check may turn into one (`versions` for
    /// `version-inconsistent`, `requirement_sites` for `scope-version-mismatch`, `rest_sites`
    /// for `version-missing`). Keep in step with `finish`: the scan drops the text of files
    /// for which this is false.
    pub fn may_have_findings(&self) -> bool {
        self.pending_findings().next().is_some()
            || self.pending_sites().next().is_some()
            || !self.version_candidates.is_empty()
    }

    /// Every finding the file holds, and every one [`Checker::finish`] may still keep
    /// (relative and host-less paths, a version candidate's). The scan keeps their lines of
    /// the file's text for the reports.
    pub fn pending_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .chain(self.relative.iter().map(|r| &r.finding))
            .chain(self.hostless.iter())
            .chain(self.version_candidates.iter().flat_map(|c| &c.findings))
    }

    /// The sites a cross-file check may report a finding at: pinned versions (a candidate's
    /// too), `/rest/` requests, scope requirements.
    pub fn pending_sites(&self) -> impl Iterator<Item = Span> + '_ {
        self.versions
            .iter()
            .chain(
                self.version_candidates
                    .iter()
                    .filter_map(|c| c.version.as_ref()),
            )
            .map(|(_, s)| *s)
            .chain(self.rest_sites.iter().copied())
            .chain(self.requirement_sites.iter().map(|(_, s)| *s))
    }
}

/// A `/v2/…` → `/rest/…` rewrite makes a call that LinkedIn answers with HTTP 400
/// (`VERSION_MISSING`) unless it sends `LinkedIn-Version`: in a file that sends no such header,
/// the finding keeps no fix and its help says what to do first. (Reviewing `--unsafe-fixes` on
/// the labelled repositories found 20 such rewrites in files that never send the header.)
fn withhold_rest_fixes(out: &mut FileCheck) {
    let to_rest = |f: &Finding| {
        f.rule == Rule::EndpointDeprecated
            && f.fix.as_ref().is_some_and(|x| {
                x.edits.iter().any(|e| {
                    let r = e.replacement.trim_start_matches('/');
                    r.starts_with("rest/") || e.replacement.contains("/rest/")
                })
            })
    };
    let findings = out
        .findings
        .iter_mut()
        .chain(out.relative.iter_mut().map(|r| &mut r.finding));
    for f in findings.filter(|f| to_rest(f)) {
        f.fix = None;
        f.help.push_str(
            " No automatic fix here: this file sends no `LinkedIn-Version`, which every `/rest/` \
             call needs; send the header, then move the call.",
        );
    }
}

/// The text of a docstring (a multi-line string of a LinkedIn file, its value exactly the
/// file's text) whose usage examples `doc_versions` and `doc_scopes` read.
fn docstring<'l>(facts: &FileFacts, lit: &'l Literal) -> Option<&'l str> {
    let v = lit.value.as_str();
    (facts.linkedin_context && lit.exact && v.contains('\n')).then_some(v)
}

/// The findings of a docstring example, as documentation: `info` at most, and no fix.
fn push_as_docs(example: FileCheck, out: &mut FileCheck) {
    out.findings
        .extend(example.findings.into_iter().map(|mut f| {
            f.severity = f.severity.min(Severity::Info);
            f.fix = None;
            f
        }));
}

/// `Name: value` inside one string (curl `-H`, raw HTTP): (name, range of value).
fn split_header_line(v: &str) -> Option<(&str, Range<usize>)> {
    if !may_be_header_line(v) {
        return None;
    }
    header_line(v)
}

/// Whether `v` can be a header line at all, from its first word: most literals (prose, URLs,
/// comments) are not `space* name space* :`, and this spares searching them whole for a `:`.
/// A non-ASCII byte leaves it to [`header_line`] (`trim` knows Unicode spaces).
fn may_be_header_line(v: &str) -> bool {
    let b = v.as_bytes();
    let skip = |mut i: usize, f: fn(&u8) -> bool| {
        while b.get(i).is_some_and(f) {
            i += 1;
        }
        i
    };
    let i = skip(0, u8::is_ascii_whitespace);
    let i = skip(i, |c| c.is_ascii_alphanumeric() || *c == b'-');
    let i = skip(i, u8::is_ascii_whitespace);
    matches!(b.get(i), Some(b':') | Some(0x80..))
}

/// The definition: the first `:` splits; the trimmed name is letters, digits and dashes.
fn header_line(v: &str) -> Option<(&str, Range<usize>)> {
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
        // `LinkedIn-Version:` alone (a raw HTTP line read word by word): its value is the
        // next literal, which the context pass binds to the header.
        if r.is_empty() {
            return (None, 0..lit.value.len());
        }
        if is_known_header(h) {
            return (Some(h), r);
        }
    }
    (lit.header_name(), 0..lit.value.len())
}

/// A header name that code building its own requests sets.
fn is_request_header_name(h: &str) -> bool {
    is_known_header(h)
        || ["content-type", "accept", "x-restli-method", "user-agent"]
            .iter()
            .any(|k| h.eq_ignore_ascii_case(k))
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

/// A value built at run time (`${v}`, `{}`, `%s`, `$VERSION`) is not a literal to judge.
pub(crate) fn is_template(v: &str) -> bool {
    v.contains("${")
        || v.contains("{}")
        || v.contains("%s")
        || v.contains("#{")
        || v.starts_with('$')
        || v.contains("{{")
        || v.starts_with('{') && v.ends_with('}')
}

/// Fill `{name}` placeholders.
/// The language `codegen` writes for a file of `lang`.
fn codegen_lang(lang: crate::source::Lang) -> Option<crate::codegen::Language> {
    use crate::codegen::Language;
    use crate::source::Lang;
    match lang {
        Lang::Rust => Some(Language::Rust),
        Lang::JavaScript => Some(Language::Typescript),
        Lang::Python => Some(Language::Python),
        Lang::Go => Some(Language::Go),
        _ => None,
    }
}

fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in vars {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

#[cfg(test)]
mod tests;
