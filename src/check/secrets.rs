//! `hardcoded-token`: access tokens and client secrets in source (and the ranges every
//! report masks).

use super::*;

impl Checker<'_> {
    pub(super) fn secrets(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lit: &Literal,
        out: &mut FileCheck,
    ) {
        for (range, kind) in secret_ranges(lit) {
            let span = lit.sub_span(range);
            out.secrets.push(span.clone());
            let real = !is_placeholder(&file.text[span.clone()]);
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
                || file.text[span.clone()].starts_with("AQ");
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SecretKind {
    AccessToken,
    ClientSecret,
}

/// Ranges of `lit.value` that hold a secret: a token/secret-shaped value bound to a
/// token/secret name, the credentials of an Authorization value, or a LinkedIn-token-shaped
/// string anywhere.
pub(super) fn secret_ranges(lit: &Literal) -> Vec<(Range<usize>, SecretKind)> {
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

pub(super) fn is_tok_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'+' | b'/' | b'=')
}

/// Long enough, only token characters, mixes letters and digits, and not a placeholder.
pub(super) fn token_shaped(s: &str) -> bool {
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
pub(super) fn is_placeholder(s: &str) -> bool {
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
