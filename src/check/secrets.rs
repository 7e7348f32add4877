//! `hardcoded-token`: access tokens and client secrets in source (and the ranges every
//! report masks). What looks like a credential is decided in [`crate::redact`], which also
//! masks every output: the two cannot drift apart.

use super::*;
pub(super) use crate::redact::Kind as SecretKind;
use crate::redact::{is_placeholder, token_shaped};

impl Checker<'_> {
    pub(super) fn secrets(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lit: &Literal,
        text_has_credentials: bool,
        out: &mut FileCheck,
    ) {
        for (range, kind) in secret_ranges(lit, text_has_credentials || !lit.exact) {
            let aq = lit.value[range.clone()].starts_with("AQ");
            // The parameter name just before a value in the string (`…&client_secret=…`).
            let param = lit.value[..range.start]
                .trim_end_matches(['"', '\'', '`', ' ', ':', '=', '>'])
                .to_ascii_lowercase();
            let span = lit.sub_span(range.clone());
            out.secrets.push(span.clone());
            let value = lit.value[range.clone()].trim();
            // A value the checks cannot read as one (URL-encoded, a template) is masked, not
            // reported.
            let real = !is_placeholder(value) && token_shaped(value);
            let name = lit
                .header_name()
                .map(str::to_ascii_lowercase)
                .unwrap_or_default();
            let names_linkedin = name.contains("linkedin");
            // A secret named after something else (`GOTRUE_JWT_SECRET`, `HCAPTCHA_SECRET`) in
            // a file that also talks to LinkedIn is not a LinkedIn client secret.
            let linkedin_secret = kind != SecretKind::ClientSecret
                || names_linkedin
                || name.starts_with("li_")
                || name.contains("client_secret")
                || name.contains("clientsecret")
                || name == "secret"
                || param.ends_with("client_secret")
                || param.ends_with("clientsecret")
                || aq;
            let ctx = real && facts.linkedin_context && linkedin_secret || names_linkedin;
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
}

/// Ranges of `lit.value` that hold a secret: a token/secret-shaped value bound to a
/// token/secret name, the credentials of an Authorization value, or what
/// [`crate::redact::credentials`] finds anywhere in it (query and form parameters, `Bearer`
/// credentials, LinkedIn-token-shaped runs). `scan: false` skips that last search (the
/// value is copied from a text [`crate::redact::may_hold_credentials`] ruled out).
pub(super) fn secret_ranges(lit: &Literal, scan: bool) -> Vec<(Range<usize>, SecretKind)> {
    let v = &lit.value;
    let mut out = Vec::new();
    // Compared without a lower-cased copy: this runs for every literal.
    let name = lit.header_name().unwrap_or_default();
    let has = |k: &str| crate::extract::context::contains_ignore_ascii_case(name, k);
    let ends = |k: &str| {
        name.len() >= k.len()
            && name.as_bytes()[name.len() - k.len()..].eq_ignore_ascii_case(k.as_bytes())
    };
    let header_line = split_header_line(v);
    if name.eq_ignore_ascii_case("authorization")
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
        .any(|k| has(k)))
        && ![
            "url", "uri", "endpoint", "path", "type", "header", "name", "expires", "ttl", "file",
            "env", "key_id",
        ]
        .iter()
        .any(|k| ends(k));
    if secretish && token_shaped(v) {
        let kind = if has("secret") {
            SecretKind::ClientSecret
        } else {
            SecretKind::AccessToken
        };
        out.push((0..v.len(), kind));
        return out;
    }
    // Query strings, form bodies, `Bearer …`, `AQ…` runs: the masker's own detector.
    if scan {
        out.extend(crate::redact::credentials(v));
    }
    out
}
