//! Header checks of one file: `restli-protocol`, `auth-scheme`, and a misspelt
//! `LinkedIn-Version` header name (`version-missing`).

use super::*;

impl Checker<'_> {
    /// `Linkedin-Versoin`, `LinkedIn_Version`, `X-LinkedIn-Version`: a header name that is
    /// meant to be LinkedIn-Version but is not.
    pub(super) fn misspelled_header(
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
        // Cheap tests first: the copy and the edit distance are made only for the few names
        // that can pass (within two edits of `linkedinversion`'s 15 letters).
        if !facts.linkedin_context
            || !(13..=17).contains(&name.bytes().filter(u8::is_ascii_alphanumeric).count())
        {
            return;
        }
        let norm: String = name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        // A misspelt `Version` keeps its `v`: `linkedin_session` (a settings key) is two
        // edits away too, and is no header.
        if norm != "linkedinversion"
            && !(norm.contains('v') && within_edit_distance(&norm, "linkedinversion", 2))
        {
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

    pub(super) fn restli(
        &self,
        file: &SourceFile,
        lit: &Literal,
        r: Range<usize>,
        out: &mut FileCheck,
    ) {
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
        // A value with no closing delimiter after it (a bare URL the lexer read between
        // other tokens: `"X-Restli-Protocol-Version": https://api.`) would run into what
        // follows: `2.0.0.` is read as one token next time, and `--fix` would not be
        // idempotent. Found by the `fix` fuzz target.
        let bytes = file.text.as_bytes();
        let runs_on = bytes
            .get(span.end)
            .is_some_and(|&b| b == b'.' || b == b'_' || b.is_ascii_alphanumeric());
        // A bare token (a number or shell word, no quotes) is rewritten only when it stands
        // alone: in `insert(NAME, 2-x)` the value is an expression, and in a shell file
        // `2.0.0-x` would be read back as one word (`2` was a number, `2.0.0-x` is a word), so
        // the next `--fix` would rewrite it again. Found by the `fix` fuzz target.
        // In code, a bare token is a number or a name: `2.0.0` in its place is a syntax error;
        // only where unquoted words are strings (shell, YAML, .env, properties) is it a value.
        let bare = lit.span == lit.outer;
        let words_are_strings = matches!(
            file.lang,
            crate::source::Lang::Shell
                | crate::source::Lang::Yaml
                | crate::source::Lang::Env
                | crate::source::Lang::Properties
        );
        let apart = |b: Option<&u8>, delims: &[u8]| {
            b.is_none_or(|&b| b.is_ascii_whitespace() || delims.contains(&b))
        };
        let runs_on = runs_on
            || bare && !words_are_strings
            || bare
                && !(apart(bytes.get(span.end), b";,)]}>\"'`|&(<")
                    && apart(
                        span.start.checked_sub(1).and_then(|i| bytes.get(i)),
                        b"(,:=[{;|&<>\"'`",
                    ));
        // Only a version number (`1.0.0`, `2.0`, `1`, `v2`) is rewritten. Anything else is text the
        // readers took for the value (`//`, a name, a URL): rewriting it changes what is read
        // around it (`"…Version://" #://…/v2/me` hid an endpoint that `2.0.0` let through, so
        // the next `--fix` found more to fix: the `fix` fuzz target).
        let number = value.strip_prefix(['v', 'V']).unwrap_or(value);
        let version_shaped = number.starts_with(|c: char| c.is_ascii_digit())
            && number.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        if lit.exact && version_shaped && !runs_on {
            // 2.0.0 encodes query parameters differently (`sort=(field:x)`, not `sort.field=x`):
            // the same code may build 1.0-style parameters, so the switch needs a review.
            f.fix = Some(Fix {
                applicability: Applicability::MaybeIncorrect,
                edits: vec![Edit {
                    byte_start: file.disk_offset(span.start),
                    byte_end: file.disk_offset(span.end),
                    replacement: "2.0.0".into(),
                }],
            });
        }
        out.findings.push(f);
    }

    pub(super) fn auth(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lit: &Literal,
        r: Range<usize>,
        out: &mut FileCheck,
    ) {
        // Another API's request (`nock('https://api.github.com', { reqheaders: { Authorization:
        // 'token …' } })` in a test of a multi-provider sign-in).
        if lit.foreign_call {
            return;
        }
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
        // `const token = `Bearer ${…}`` a few lines up, then `Authorization: `${token}``: the
        // name holds the scheme already.
        if let Some(name) = placeholder_name(value) {
            if facts.literals.iter().any(|l| {
                l.name.as_deref() == Some(name)
                    && l.value
                        .get(..7)
                        .is_some_and(|p| p.eq_ignore_ascii_case("bearer "))
            }) {
                return;
            }
        }
        // A URL is never a credential: `{Env.authorization: 'https://www.linkedin.com/oauth'}`
        // names an authorization endpoint, not the header.
        if value.contains("://") {
            return;
        }
        // A log redactor's mask (`$headers['Authorization'] = ['REDACTED']`) is not sent.
        let mask = value.trim_matches(|c: char| "[]<>()*-_ ".contains(c));
        if ["redacted", "hidden", "masked", "filtered"]
            .iter()
            .any(|m| mask.eq_ignore_ascii_case(m))
            || value.bytes().all(|b| b == b'*')
        {
            return;
        }
        let scheme: String = value
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        // LinkedIn takes no `Basic` credentials anywhere (its token endpoint reads the client
        // secret from the form): in a file that talks to LinkedIn, `Basic` is another
        // service's request (a multi-platform poster refreshing its Pinterest token).
        if scheme.eq_ignore_ascii_case("basic") && value[scheme.len()..].starts_with(' ') {
            return;
        }
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
}

/// `${LI_TOKEN}`, `$ACCESS_TOKEN`, `{token}`: the whole value is one interpolated token, so
/// the header is sent without a scheme (`Bearer ${LI_TOKEN}` is fine).
pub(super) fn bare_token_placeholder(v: &str) -> bool {
    let Some(name) = placeholder_name(v) else {
        return false;
    };
    let lc = name.to_ascii_lowercase();
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        && lc.contains("token")
        && !["bearer", "header", "auth"].iter().any(|k| lc.contains(k))
}

/// The name a value that is wholly one interpolation holds: `${token}`, `#{t}`, `{t}`, `$t`.
fn placeholder_name(v: &str) -> Option<&str> {
    let v = v.trim();
    v.strip_prefix("${")
        .or_else(|| v.strip_prefix("#{"))
        .or_else(|| v.strip_prefix('{'))
        .and_then(|r| r.strip_suffix('}'))
        .or_else(|| v.strip_prefix('$'))
}

/// Levenshtein distance (small strings only).
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
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
pub(super) fn within_edit_distance(a: &str, b: &str, max: usize) -> bool {
    a.chars().count().abs_diff(b.chars().count()) <= max && edit_distance(a, b) <= max
}
