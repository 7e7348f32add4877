//! `version-malformed`, `version-sunset`, `version-expiring`, `version-unknown`: the pinned
//! `LinkedIn-Version` values of one file.

use super::*;

impl Checker<'_> {
    pub(super) fn is_version(
        &self,
        lit: &Literal,
        header: Option<&str>,
        value: &str,
        ctx: bool,
    ) -> bool {
        if is_known_header(value.trim()) {
            return false; // the header's name (`LINKEDIN_VERSION = "LinkedIn-Version"`)
        }
        if header.is_some_and(|h| h.eq_ignore_ascii_case("linkedin-version")) {
            return !is_template(value);
        }
        let Some(name) = &lit.name else { return false };
        // Every name below says `version`: most names do not (no copy of them is made).
        if !crate::extract::context::contains_ignore_ascii_case(name, "version") {
            return false;
        }
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
        if weak && ctx && looks_like_version(value) {
            return true;
        }
        // Any other name with `version` in it (`ADS_VERSION`, `version_string`,
        // `DEFAULT_VERSIONED_MONTH`) in a LinkedIn file: only a plausible LinkedIn version.
        ctx && norm.contains("version") && self.plausible_version(value)
    }

    /// `YYYYMM` or `YYYYMM.RR` from 2022-06 (the first versioned release) to 13 months after
    /// today: a value that can only be a LinkedIn version when a `version` name holds it.
    pub(super) fn plausible_version(&self, value: &str) -> bool {
        let v = value.trim();
        let (main, rr) = match v.split_once('.') {
            Some((m, r)) => (m, Some(r)),
            None => (v, None),
        };
        if main.len() != 6
            || !main.bytes().all(|b| b.is_ascii_digit())
            || rr.is_some_and(|r| r.len() != 2 || !r.bytes().all(|b| b.is_ascii_digit()))
        {
            return false;
        }
        let Ok(parsed) = Version::parse(v) else {
            return false;
        };
        let first = Version::parse("202206").map_or(0, |f| f.month_index());
        let i = parsed.month_index();
        i >= first && i <= self.opts.today.month_index() + 13
    }

    /// Usage examples in a docstring (a statement-level string of a LinkedIn file):
    /// `version_string="202302"`, `"LinkedIn-Version": "202302"`, `versionString: '202302'`
    /// are documentation version facts (info), each at its exact span.
    pub(super) fn doc_versions(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lit: &Literal,
        out: &mut FileCheck,
    ) {
        let Some(v) = docstring(facts, lit) else {
            return;
        };
        // Each `key = "…"` / `"key": "…"` whose key names a version (`version_string`,
        // `LinkedIn-Version`, and typos of it seen in real docstrings: `vesrion_string`).
        let is_key = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
        for (at, _) in v.match_indices(['=', ':']) {
            let before = v[..at].trim_end().trim_end_matches(['"', '\'']);
            let key_start = before
                .char_indices()
                .rev()
                .find(|(_, c)| !is_key(*c))
                .map_or(0, |(p, c)| p + c.len_utf8());
            let key = &before[key_start..];
            if !names_version(key) {
                continue;
            }
            let Some(after_op) = v.get(at + 1..) else {
                continue;
            };
            let after_op = after_op.trim_start();
            let Some(q) = after_op.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            let body = &after_op[1..];
            let Some(end) = body.find(q) else { continue };
            let value = &body[..end];
            if !self.plausible_version(value) {
                continue;
            }
            let vstart = v.len() - body.len();
            let mut doc = lit.clone();
            doc.name = Some(key.to_string());
            doc.header = None;
            doc.span = lit.sub_span(vstart..vstart + value.len());
            doc.value = value.to_string();
            let mut tmp = FileCheck::default();
            self.version(file, &doc, 0..value.len(), &mut tmp);
            push_as_docs(tmp, out);
        }
    }

    pub(super) fn version(
        &self,
        file: &SourceFile,
        lit: &Literal,
        r: Range<usize>,
        out: &mut FileCheck,
    ) {
        let raw = &lit.value[r.clone()];
        let value = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        let r = r.start + lead..r.start + lead + value.len();
        // `LINKEDIN_API_VERSION=v2` names the path's API version (`/v2/`), not a
        // `LinkedIn-Version` pin; sent as the header itself, `v2` is still malformed.
        let the_header = [&lit.header, &lit.name]
            .into_iter()
            .flatten()
            .any(|n| n.eq_ignore_ascii_case("linkedin-version"));
        if !the_header && is_path_version(value) {
            return;
        }
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
        let Some(v) = self.parse_version(file, lit, value, span.clone(), out) else {
            return;
        };
        out.versions.push((v, file.span(span.start, span.end)));
        let vs = v.to_string();
        let cal = &self.table.calendar;
        let status = cal.status(v, self.opts.today, self.opts.expiring_days);
        let Some((id, rule, vars_sunset, days)) = status_entry(status) else {
            return;
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
            self.dated_sunset_source(v, &mut f);
        }
        if v.month_only() != self.opts.target_version.month_only() {
            // A bump changes which API version the program gets: every version in between may
            // change request and response shapes, so it waits for `--unsafe-fixes`.
            f.fix = fix(Applicability::MaybeIncorrect);
            f.help = format!("{} (fix: pin {target})", f.help.trim_end_matches('.'));
            // An eight-digit value's `YYYYMM` fix edits the same bytes: one run must reach the
            // pin, so that fix gives way to this one (a second run would otherwise bump it).
            if value != vs {
                for m in out.findings.iter_mut().rev().take(1) {
                    if m.rule == Rule::VersionMalformed && m.span == f.span {
                        m.fix = None;
                    }
                }
            }
        }
        out.findings.push(f);
    }

    /// Parse a version value; a malformed one is reported (and `None` when it cannot be
    /// judged further). An eight-digit `YYYYMMDD` is reported and then judged as `YYYYMM`.
    fn parse_version(
        &self,
        file: &SourceFile,
        lit: &Literal,
        value: &str,
        span: Range<usize>,
        out: &mut FileCheck,
    ) -> Option<Version> {
        match Version::parse(value) {
            Ok(v) => Some(v),
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
                Some(v)
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
                None
            }
        }
    }

    /// A published sunset date: its source is the finding's docs, and an S-graded date that
    /// no primary source confirms makes at most a warning.
    fn dated_sunset_source(&self, v: Version, f: &mut Finding) {
        let cal = &self.table.calendar;
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
}

pub(super) fn looks_like_version(v: &str) -> bool {
    let v = v.trim();
    let main = v.split('.').next().unwrap_or("");
    (main.len() == 6 || main.len() == 8)
        && main.bytes().all(|b| b.is_ascii_digit())
        && main.starts_with("20")
}

/// The table entry, rule, sunset date and days left for a version's status; `None` when the
/// version is active (nothing to report).
fn status_entry(status: Status) -> Option<(CheckId, Rule, Option<Date>, Option<i64>)> {
    let dated = |basis, dated, policy| {
        if basis == SunsetBasis::Dated {
            dated
        } else {
            policy
        }
    };
    Some(match status {
        Status::Active { .. } => return None,
        Status::Sunset { sunset, basis } => (
            dated(
                basis,
                CheckId::VersionSunsetDated,
                CheckId::VersionSunsetPolicy,
            ),
            Rule::VersionSunset,
            Some(sunset),
            None,
        ),
        Status::Expiring {
            sunset,
            basis,
            days,
        } => (
            dated(
                basis,
                CheckId::VersionExpiringDated,
                CheckId::VersionExpiringPolicy,
            ),
            Rule::VersionExpiring,
            Some(sunset),
            Some(days),
        ),
        Status::BeforeFirst => (CheckId::VersionBeforeFirst, Rule::VersionSunset, None, None),
        Status::NotReleased => (
            CheckId::VersionNotReleased,
            Rule::VersionUnknown,
            None,
            None,
        ),
        Status::Future => (CheckId::VersionFuture, Rule::VersionUnknown, None, None),
    })
}

/// A key that names a version: contains `version`, or a part of it (split at `_`/`-`) is
/// `version` with two letters swapped (`vesrion_string`, `api_verison`).
pub(super) fn names_version(key: &str) -> bool {
    let lc = key.to_ascii_lowercase();
    lc.contains("version")
        || lc.split(['_', '-']).any(|part| {
            part.len() == 7 && {
                let (a, b) = (part.as_bytes(), b"version");
                let diff: Vec<usize> = (0..7).filter(|&i| a[i] != b[i]).collect();
                diff.len() == 2
                    && diff[1] == diff[0] + 1
                    && a[diff[0]] == b[diff[1]]
                    && a[diff[1]] == b[diff[0]]
            }
        })
}

/// An API path version (`v2`, `V1`, `rest`), as a variable named for "the API version" holds.
fn is_path_version(value: &str) -> bool {
    value.eq_ignore_ascii_case("rest")
        || value.len() == 2 && value.starts_with(['v', 'V']) && value.as_bytes()[1].is_ascii_digit()
}
