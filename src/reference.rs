//! The reference commands: `explain RULE|ID`, `rules` and `versions`. Each renders the rule
//! table (and, for `versions`, its calendar on `--today`) to text or JSON, without I/O, so
//! the CLI only prints and the output is unit-tested.

use serde::Serialize;

use crate::calendar::{Date, Status, SunsetBasis, Version};
use crate::check::CheckOptions;
use crate::finding::{Rule, Severity};
use crate::rules::{Entry, FixKind, RuleTable, Section};

/// A scope or product change takes a while to reach tokens (facts §4, one LinkedIn support
/// answer) and forces members to re-authorize (authorization-code-flow docs).
pub const PERMISSION_CACHE: &str = "Permission cache: after a scope or product change, members must re-authorize (requesting different scopes invalidates their earlier tokens), and for about five minutes a new token may still act with its old permissions; wait before concluding the change did not work.";

/// When a fix may be applied without review: ruff's rule, applied to every fix kind (the
/// README's fix section says the same).
pub const FIX_PRINCIPLE: &str = "A fix is machine-applicable (applied by plain --fix) only if the program means the same after it, apart from the one thing the finding is about, and it creates no new finding. A fix that changes which API version or response shape the program gets (a version bump, Rest.li 1.0 to 2.0, a /v2 to /rest move, /v2/me to /v2/userinfo) is maybe-incorrect: shown, and applied only with --unsafe-fixes after a review. Where the right change depends on code the tool cannot see, there is no fix and the help says what to change by hand.";

/// `explain RULE|ID`; `None` when `what` is neither.
/// An entry's help as said of the entry rather than of one finding: the parts a finding fills
/// in from the tree (`version-inconsistent`'s kept version and codegen command) in general words.
pub fn entry_help(help: &str) -> String {
    help.replace(" (the rest of the codebase pins {keep})", "")
        .replace("{keep}", "the version most pins use")
        .replace("{codegen}", crate::codegen::GENERIC_HELP)
}

pub fn explain(table: &RuleTable, what: &str) -> Option<String> {
    if let Some(rule) = Rule::from_name(what) {
        return Some(explain_rule(table, rule));
    }
    table.entry(what).map(explain_entry)
}

fn explain_rule(table: &RuleTable, rule: Rule) -> String {
    let mut out = format!("{rule}: {}\n\n", rule.summary());
    out.push_str(&labelled("Why it breaks", typical_failure(rule)));
    if is_scope_rule(rule) {
        out.push_str(&labelled("Caveat", PERMISSION_CACHE));
    }
    let entries: Vec<Entry<'_>> = table.entries().filter(|e| e.rule == rule).collect();
    if entries.is_empty() {
        out.push_str("\nThis rule has no rule-table entries.\n");
        return out;
    }
    out.push_str("\nEntries (`linkedin-lint explain ID` shows one):\n");
    let width = entries.iter().map(|e| e.id.len()).max().unwrap_or(0);
    for e in &entries {
        let what = match e.section {
            Section::Check(c) => c.message.clone(),
            Section::Endpoint(x) => format!("endpoint {}", x.path),
            Section::Scope(x) => format!("scope {}", x.scope),
            Section::Requirement(x) => {
                format!("{} needs {} from {}", x.endpoint, x.scope, x.from_version)
            }
        };
        out.push_str(&format!("  {:<width$}  {:<7}  {what}\n", e.id, e.severity));
    }
    out
}

fn explain_entry(e: Entry<'_>) -> String {
    let mut out = format!("{} ({}, {})\n\n", e.id, e.rule, e.severity);
    let (what, detail) = match e.section {
        // A generic check's message is a template; its rule's summary says what it is.
        Section::Check(c) => (
            format!("{}.", e.rule.summary()),
            format!(
                "Reported as: {}; fix: {}",
                c.message,
                check_fix(e.rule, e.id)
            ),
        ),
        Section::Endpoint(x) => {
            let host = x
                .host
                .as_ref()
                .map(|h| format!(" on {h}"))
                .unwrap_or_default();
            let to = x
                .replacement
                .as_ref()
                .map(|r| format!(", replaced by {r}"))
                .unwrap_or_default();
            (
                sentence(e.message),
                format!("Path {}{host}{to}; fix: {}", x.path, fix_kind(x.fix)),
            )
        }
        Section::Scope(x) => {
            let to = if x.replacement.is_empty() {
                ", no replacement".to_string()
            } else {
                format!(", replaced by {}", x.replacement.join(" "))
            };
            let fix = match x.fix {
                FixKind::None => fix_kind(x.fix).to_string(),
                k => format!(
                    "{}, only inside a list of requested scopes (an array or list literal, \
                     a scope setter's arguments, a separated scope string, a `scope=` \
                     parameter), each new scope its own item and none twice; elsewhere (a \
                     comparison, a map key, a name, a single `.append(x)`) none: change it by \
                     hand{}",
                    fix_kind(k),
                    if x.replacement.iter().any(|r| r == "openid") {
                        "; maybe-incorrect because tokens with the new scopes no longer work \
                         for /v2/me, /v2/emailAddress or /v2/people wherever the code calls \
                         them: --unsafe-fixes applies it together with /v2/me -> /v2/userinfo"
                    } else {
                        ""
                    }
                ),
            };
            (
                sentence(e.message),
                format!("Scope {}{to}; fix: {fix}", x.scope),
            )
        }
        Section::Requirement(x) => (
            sentence(e.message),
            format!(
                "{} needs scope {} from version {}",
                x.endpoint, x.scope, x.from_version
            ),
        ),
    };
    out.push_str(&labelled("What it is", &what));
    out.push_str(&labelled("", &detail));
    out.push_str(&labelled(
        "Why it breaks",
        e.breaks.unwrap_or_else(|| typical_failure(e.rule)),
    ));
    out.push_str(&labelled("What to do", &entry_help(e.help)));
    out.push_str(&labelled("Fix safety", FIX_PRINCIPLE));
    if is_scope_rule(e.rule) {
        out.push_str(&labelled("Caveat", PERMISSION_CACHE));
    }
    out.push_str(&labelled("Source", e.source));
    out
}

/// A table message as a sentence: capitalised, ending in a full stop.
fn sentence(s: &str) -> String {
    let mut s = capitalized(s);
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

fn is_scope_rule(rule: Rule) -> bool {
    matches!(rule, Rule::ScopeDeprecated | Rule::ScopeVersionMismatch)
}

/// The fix a generic check's findings carry (built in `check/version.rs` and `headers.rs`).
fn check_fix(rule: Rule, id: &str) -> &'static str {
    match rule {
        Rule::VersionSunset | Rule::VersionExpiring | Rule::VersionUnknown => {
            "maybe-incorrect (applied with --fix --unsafe-fixes): the version literal becomes \
             the target version; every version in between may change request and response \
             shapes, so read their migration notes first"
        }
        Rule::VersionMalformed if id == "version-eight-digit" => {
            "maybe-incorrect (applied with --fix --unsafe-fixes): `20240101` becomes `202401`"
        }
        Rule::RestliProtocol => {
            "maybe-incorrect (applied with --fix --unsafe-fixes): the value becomes 2.0.0, \
             which encodes query parameters differently (`sort=(field:x)`, not `sort.field=x`)"
        }
        _ => "none (the change needs a person)",
    }
}

fn fix_kind(f: FixKind) -> &'static str {
    match f {
        FixKind::None => "none (the change needs a person)",
        FixKind::MachineApplicable => "machine-applicable (applied by --fix)",
        FixKind::MaybeIncorrect => "maybe-incorrect (applied with --fix --unsafe-fixes)",
    }
}

pub(crate) fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// What a run-time failure of each rule looks like, for `explain RULE` and for entries whose
/// table row records no `breaks` (facts §5).
pub fn typical_failure(rule: Rule) -> &'static str {
    match rule {
        Rule::VersionMalformed => {
            "LinkedIn answers a version it does not serve with HTTP 426 NONEXISTENT_VERSION; how it answers a malformed value is not documented."
        }
        Rule::VersionSunset | Rule::VersionExpiring | Rule::VersionUnknown => {
            "HTTP 426 NONEXISTENT_VERSION: \"Requested version YYYYMM01 is not active\"."
        }
        Rule::VersionMissing => {
            "HTTP 400 VERSION_MISSING: \"A version must be present. Please specify a version by adding the LinkedIn-Version header.\""
        }
        Rule::VersionInconsistent => {
            "Nothing at first: each pinned version fails with HTTP 426 NONEXISTENT_VERSION after its own sunset date, so mixed pins break one call site at a time."
        }
        Rule::RestliProtocol => {
            "Requests are read with Rest.li protocol 1.0, which encodes keys, URNs and lists differently from 2.0, so parameters written for 2.0 are misread or rejected."
        }
        Rule::EndpointDeprecated => {
            "A retired endpoint answers with an HTTP error instead of data (the v1 API answers 410; restricted ones answer 403 ACCESS_DENIED). The unversioned /v2/ Marketing APIs have no published end date, so they can stop working without a dated notice."
        }
        Rule::ScopeDeprecated => {
            "The authorization redirect comes back with error=unauthorized_scope_error (\"Scope ... is not authorized for your application\") for an app that does not have the scope; calls made without it answer 403 ACCESS_DENIED."
        }
        Rule::ScopeVersionMismatch => {
            "HTTP 403 ACCESS_DENIED: \"Not enough permissions to access: RESOURCE.METHOD.YYYYMM01\"."
        }
        Rule::AuthScheme => "HTTP 401: \"Unknown authentication schema\".",
        Rule::HardcodedToken => {
            "Nothing at first: the secret is readable by anyone with the source. An access-token literal fails with HTTP 401 (serviceErrorCode 65600, \"Invalid access token\") once it expires or is revoked."
        }
        Rule::UnusedAllow => "Nothing: an unused allow comment only hides future findings.",
    }
}

/// `Label:        text`, wrapped at 100 columns under the text column; an empty label
/// continues the previous row.
pub fn labelled(label: &str, text: &str) -> String {
    const INDENT: usize = 15;
    const WIDTH: usize = 100;
    let head = if label.is_empty() {
        String::new()
    } else {
        format!("{label}:")
    };
    // A label longer than the column gets the text on the same line after one space.
    let indent = INDENT.max(head.chars().count() + 1);
    let mut out = String::new();
    let mut line = format!("{head:<indent$}");
    let mut len = indent;
    let mut empty = true;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if !empty && len + 1 + w > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(INDENT);
            len = INDENT;
            empty = true;
        }
        if !empty {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// One row of `rules`.
#[derive(Serialize)]
struct RuleRow<'t> {
    id: &'t str,
    rule: &'static str,
    severity: Severity,
    summary: &'t str,
    source: &'t str,
}

/// `rules`: every entry, in table order.
pub fn rules(table: &RuleTable, json: bool) -> String {
    let rows: Vec<RuleRow<'_>> = table
        .entries()
        .map(|e| RuleRow {
            id: e.id,
            rule: e.rule.name(),
            severity: e.severity,
            summary: e.message,
            source: e.source,
        })
        .collect();
    if json {
        return serde_json::to_string_pretty(&rows).expect("serialisable") + "\n";
    }
    let idw = rows.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let rw = rows.iter().map(|r| r.rule.len()).max().unwrap_or(4).max(4);
    let mut out = format!(
        "{:<idw$}  {:<rw$}  {:<8}  summary\n",
        "id", "rule", "severity"
    );
    for r in &rows {
        out.push_str(&format!(
            "{:<idw$}  {:<rw$}  {:<8}  {}\n",
            r.id, r.rule, r.severity, r.summary
        ));
    }
    out
}

#[derive(Serialize)]
struct Calendar {
    today: String,
    expiring_days: u32,
    recommended: String,
    versions: Vec<VersionRow>,
}

#[derive(Serialize)]
struct VersionRow {
    version: String,
    /// `active`, `expiring`, `sunset` or `never released`.
    status: &'static str,
    sunset: Option<String>,
    /// `published` (a date in the table) or `policy` (release + support months); empty
    /// without a sunset.
    sunset_basis: &'static str,
    /// Whether the table knows the version (later months are judged by the policy alone).
    in_table: bool,
}

/// A version's status on the options' day, as `versions` names it, and its sunset.
fn status_of(
    table: &RuleTable,
    opts: &CheckOptions,
    v: Version,
) -> (&'static str, Option<(Date, SunsetBasis)>) {
    match table.calendar.status(v, opts.today, opts.expiring_days) {
        Status::Active { sunset, basis } => ("active", Some((sunset, basis))),
        Status::Expiring { sunset, basis, .. } => ("expiring", Some((sunset, basis))),
        Status::Sunset { sunset, basis } => ("sunset", Some((sunset, basis))),
        // Before the first version and after today are outside the range shown.
        Status::NotReleased | Status::BeforeFirst | Status::Future => ("never released", None),
    }
}

/// One version's line of `versions`, for an editor's hover on a `LinkedIn-Version` value:
/// its status on the options' day, its sunset date and where that date comes from, and the
/// recommended pin.
pub fn version_status(table: &RuleTable, opts: &CheckOptions, v: Version) -> String {
    let (status, sunset) = status_of(table, opts, v);
    let sunset = match sunset {
        Some((d, SunsetBasis::Dated)) => format!(", sunset date {d} (published)"),
        Some((d, SunsetBasis::Policy)) => {
            format!(", sunset date {d} (estimated from the support policy)")
        }
        None => String::new(),
    };
    let rec = table.calendar.recommended(opts.today, opts.expiring_days);
    format!(
        "LinkedIn-Version {v}: {status} as of {}{sunset}. Recommended pin: {rec} (`linkedin-lint versions` lists every version).",
        opts.today
    )
}

/// `versions`: every month from the first version to the later of the table's latest and
/// `today`, with status and sunset on `today`, and the recommended pin.
pub fn versions(table: &RuleTable, opts: &CheckOptions, json: bool) -> String {
    let cal = &table.calendar;
    let today = opts.today;
    let last = cal.latest.month_index().max(today.month_index());
    let rows: Vec<VersionRow> = (cal.first.month_index()..=last)
        .map(|idx| {
            let v = Version::from_month_index(idx);
            let (status, sunset) = status_of(table, opts, v);
            VersionRow {
                version: v.to_string(),
                status,
                sunset: sunset.map(|(d, _)| d.to_string()),
                sunset_basis: match sunset {
                    Some((_, SunsetBasis::Dated)) => "published",
                    Some((_, SunsetBasis::Policy)) => "policy",
                    None => "",
                },
                in_table: idx <= cal.latest.month_index(),
            }
        })
        .collect();
    let rec = cal.recommended(today, opts.expiring_days);
    if json {
        let doc = Calendar {
            today: today.to_string(),
            expiring_days: opts.expiring_days,
            recommended: rec.to_string(),
            versions: rows,
        };
        return serde_json::to_string_pretty(&doc).expect("serialisable") + "\n";
    }
    let mut out = format!(
        "LinkedIn Marketing API versions on {today} (expiring: sunset within {} days)\n",
        opts.expiring_days
    );
    out.push_str(&format!(
        "{:<8}  {:<14}  {:<10}  basis\n",
        "version", "status", "sunset"
    ));
    for r in &rows {
        let note = if r.in_table {
            ""
        } else {
            " (newer than the rule table)"
        };
        let line = format!(
            "{:<8}  {:<14}  {:<10}  {}{note}",
            r.version,
            r.status,
            r.sunset.as_deref().unwrap_or("-"),
            r.sunset_basis
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    // Say what the table says about the pin: when no version is active, the fallback is
    // expiring (or sunset), and the reason must not claim otherwise.
    let why = match cal.status(rec, today, opts.expiring_days) {
        Status::Active { .. } => {
            format!(
                "the newest version the table knows that is neither sunset nor expiring on {today}"
            )
        }
        Status::Expiring { sunset, .. } => format!(
            "expiring: it sunsets on {sunset}; no version the table knows is active on {today}, so this is the newest one not yet sunset. Update linkedin-lint for newer versions"
        ),
        _ => format!(
            "sunset: every version the table knows is sunset on {today}. Update linkedin-lint for newer versions"
        ),
    };
    out.push_str(&format!("\nRecommended pin: {rec} ({why})\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Date;

    fn table() -> RuleTable {
        crate::rules::load(&[]).unwrap()
    }

    #[test]
    fn version_status_says_status_sunset_and_the_pin() {
        let t = table();
        let opts = CheckOptions::new(&t, Date::parse("2026-11-23").unwrap());
        let v = |s: &str| Version::parse(s).unwrap();
        assert_eq!(
            version_status(&t, &opts, v(&format!("{}04", 2023))),
            "LinkedIn-Version 202304: sunset as of 2026-11-23, sunset date 2024-04-15 (published). Recommended pin: 202609 (`linkedin-lint versions` lists every version)."
        );
        assert!(
            version_status(&t, &opts, v("202609"))
                .starts_with("LinkedIn-Version 202609: active as of 2026-11-23, sunset date ")
        );
    }

    #[test]
    fn explain_entry_has_every_part() {
        let t = table();
        let s = explain(&t, "rest-me-basicprofile").unwrap();
        assert!(s.starts_with("rest-me-basicprofile (scope-version-mismatch, warning)\n\n"));
        for part in [
            "What it is:    `/rest/me` at version 202306",
            "               /rest/me needs scope r_basicprofile from version 202306",
            "Why it breaks: HTTP 403 ACCESS_DENIED: \"Not enough permissions to access: partnerApiMe.GET.20230601\"",
            "What to do:    Add `r_basicprofile`",
            "Caveat:        Permission cache: after a scope or product change, members must",
            "Source:        https://stackoverflow.com/a/77847104",
        ] {
            assert!(s.contains(part), "missing {part:?} in\n{s}");
        }
        assert!(s.lines().all(|l| l.chars().count() <= 100), "{s}");
    }

    #[test]
    fn explain_uses_breaks_or_the_rules_typical_failure() {
        let t = table();
        let v2me = explain(&t, "v2-me").unwrap();
        assert!(v2me.contains("Why it breaks: HTTP 403 ACCESS_DENIED: \"Not enough permissions to access: me.GET.NO_VERSION\""));
        assert!(v2me.contains("Path /v2/me, replaced by /v2/userinfo; fix: maybe-incorrect"));
        assert!(!v2me.contains("Permission cache"), "not a scope rule");
        assert!(
            v2me.contains("restricted to\n               approved developers.\n"),
            "{v2me}"
        );
        // multiple-versions records no `breaks`: the rule's typical failure stands in.
        let mv = explain(&t, "multiple-versions").unwrap();
        assert!(
            mv.contains("Why it breaks: Nothing at first: each pinned version fails with HTTP 426"),
            "{mv}"
        );
        assert!(mv.contains("Reported as: LinkedIn-Version {version} is pinned here"));
        let scope = explain(&t, "r-contactinfo").unwrap();
        assert!(scope.contains("unauthorized_scope_error"), "{scope}");
        assert!(scope.contains("Permission cache"));
        assert!(explain(&t, "nope").is_none());
    }

    #[test]
    fn explain_rule_lists_its_entries() {
        let t = table();
        let s = explain(&t, "scope-deprecated").unwrap();
        assert!(
            s.starts_with("scope-deprecated: A retired or deprecated OAuth scope is requested\n")
        );
        assert!(s.contains("Why it breaks: "));
        assert!(s.contains("Caveat:        Permission cache: "));
        let n = t.scopes.len();
        assert_eq!(
            s.lines()
                .filter(|l| l.starts_with("  ") && l.contains("  scope "))
                .count(),
            n,
            "{s}"
        );
        assert!(
            s.contains("  r-liteprofile             warning  scope r_liteprofile\n"),
            "{s}"
        );
        let unused = explain(&t, "unused-allow").unwrap();
        assert!(unused.contains("no rule-table entries"));
    }

    #[test]
    fn every_entry_and_rule_explains() {
        let t = table();
        for e in t.entries() {
            let s = explain(&t, e.id).unwrap();
            assert!(
                s.contains("Why it breaks: ") && s.contains("Source:"),
                "{}",
                e.id
            );
        }
        for r in Rule::ALL {
            assert!(explain(&t, r.name()).is_some());
        }
    }

    #[test]
    fn rules_lists_every_entry_aligned() {
        let t = table();
        let text = rules(&t, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), t.entries().count() + 1);
        let col = lines[0].find("severity").unwrap();
        assert!(
            lines[1..].iter().all(|l| {
                let sev = &l[col..];
                sev.starts_with("error ") || sev.starts_with("warning ") || sev.starts_with("info ")
            }),
            "{text}"
        );
        let json: serde_json::Value = serde_json::from_str(&rules(&t, true)).unwrap();
        let first = &json[0];
        assert_eq!(first["id"], "version-format");
        assert_eq!(first["rule"], "version-malformed");
        assert_eq!(first["severity"], "error");
        assert!(first["source"].as_str().unwrap().starts_with("https://"));
        let me = json
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "v2-me")
            .unwrap();
        assert!(
            me["summary"]
                .as_str()
                .unwrap()
                .starts_with("`/v2/me` belongs")
        );
    }

    #[test]
    fn versions_calendar_statuses_and_pin() {
        let t = table();
        let today = Date::parse("2026-11-23").unwrap();
        let opts = CheckOptions::new(&t, today);
        let s = versions(&t, &opts, false);
        let row = |v: &str| {
            s.lines()
                .find(|l| l.starts_with(v))
                .unwrap_or_else(|| panic!("no {v} in\n{s}"))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(row("202206"), "202206 sunset 2023-08-24 published");
        assert_eq!(row("202412"), "202412 never released -");
        // 53 days from its sunset: outside the 30-day window.
        assert_eq!(row("202601"), "202601 active 2027-01-15 published");
        assert_eq!(row("202603"), "202603 active 2027-03-16 published");
        assert_eq!(row("202609"), "202609 active 2027-09-15 policy");
        assert_eq!(
            row("202611"),
            "202611 active 2027-11-15 policy (newer than the rule table)"
        );
        assert!(s.contains("\nRecommended pin: 202609 "));
        let json: serde_json::Value = serde_json::from_str(&versions(&t, &opts, true)).unwrap();
        assert_eq!(json["recommended"], "202609");
        assert_eq!(json["today"], "2026-11-23");
        let dec = json["versions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["version"] == "202512")
            .unwrap();
        assert_eq!(dec["status"], "never released");
        assert_eq!(dec["sunset"], serde_json::Value::Null);
    }

    #[test]
    fn labelled_wraps_under_the_text_column() {
        let s = labelled("Fix", &"word ".repeat(40));
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].starts_with("Fix:           word"));
        assert!(lines[1].starts_with("               word"));
        assert!(lines.iter().all(|l| l.len() <= 100));
        assert_eq!(
            labelled("A label wider than 15", "x"),
            "A label wider than 15: x\n"
        );
    }
}
