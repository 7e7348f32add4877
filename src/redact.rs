//! The one credential detector and masker. Every text an output shows goes through [`mask`]
//! (or [`text`], the same with no known ranges): the masked sources every report, `--diff` and
//! baseline reads (`engine::finish`), finding messages, fix problems and `explain-error` input.
//! The `hardcoded-token` check (`check/secrets.rs`) finds its credentials with [`credentials`]
//! and the shape tests here, so what is reported and what is masked cannot drift apart.
//!
//! Credentials are found by shape: values of credential parameters in URL query strings, form
//! bodies and `name=value` / `name: value` text (`?oauth2_access_token=…`, `client_secret=…`),
//! `Bearer` credentials, and LinkedIn-token-shaped runs (`AQ…`). Masking replaces them by `*`,
//! byte for byte, so offsets and columns stay valid.
// linkedin-lint: allow-file(hardcoded-token) -- unit-test inputs (fake credentials)

use std::borrow::Cow;
use std::ops::Range;

/// What a credential is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    AccessToken,
    ClientSecret,
}

/// Parameter names whose values are credentials (`?oauth2_access_token=…`, `client_secret=…`),
/// lower case, and the kind of their value.
const SECRET_PARAMS: [(&str, Kind); 7] = [
    ("oauth2_access_token", Kind::AccessToken),
    ("access_token", Kind::AccessToken),
    ("refresh_token", Kind::AccessToken),
    ("client_secret", Kind::ClientSecret),
    ("clientsecret", Kind::ClientSecret),
    ("id_token", Kind::AccessToken),
    ("password", Kind::ClientSecret),
];

/// LinkedIn access tokens start `AQ` and run to hundreds of characters; 40 is far above any
/// identifier that starts the same way by chance.
const TOKEN_MIN: usize = 40;

/// A byte of a token or secret value: base64url, base64, `.`, `~`, `=`, and `%` (URL-encoded).
fn is_token_byte(b: u8) -> bool {
    is_tok_char(b) || b == b'%'
}

/// A byte of a token as it appears unencoded.
pub fn is_tok_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'+' | b'/' | b'=')
}

/// Long enough, only token characters, mixes letters and digits, and not a template.
pub fn token_shaped(s: &str) -> bool {
    if s.len() < 12 || !s.bytes().all(is_tok_char) || crate::check::is_template(s) {
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
pub fn is_placeholder(s: &str) -> bool {
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

/// Whether [`credentials`] can find anything in `text` or in any substring of it: a file
/// without a parameter name, `bearer ` or `AQ` has no credential in any of its literals that
/// are copied from it byte for byte, and a checker can skip asking for each of them.
pub fn may_hold_credentials(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memmem::find(b, b"AQ").is_some() || folded(b, |lower| names().is_match(lower))
}

/// `f` of `b` lower-cased (same offsets), in the thread's buffer: case-sensitively, the
/// automaton gets its SIMD prefilter and skips most of a text; matched
/// ASCII-case-insensitively, it stepped through every byte (a fifth of the time of a file's
/// analysis, the masking of whole files included).
fn folded<T>(b: &[u8], f: impl FnOnce(&[u8]) -> T) -> T {
    FOLDED.with_borrow_mut(|buf| {
        buf.clear();
        buf.extend(b.iter().map(u8::to_ascii_lowercase));
        let out = f(&buf[..]);
        // A huge file's copy is not kept for the life of the thread.
        if buf.capacity() > 1 << 20 {
            *buf = Vec::new();
        }
        out
    })
}

/// Credentials in `text`, by shape, with their kind. Ranges may overlap.
pub fn credentials(text: &str) -> Vec<(Range<usize>, Kind)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let value_at = |start: usize| {
        let end = b[start..]
            .iter()
            .position(|&c| !is_token_byte(c) || c == b'&')
            .map_or(b.len(), |i| start + i);
        start..end
    };
    // The names are matched in a lower-cased copy ([`folded`]).
    let matches: Vec<aho_corasick::Match> = folded(b, |lower| names().find_iter(lower).collect());
    for m in matches {
        let (i, after) = (m.start(), m.end());
        let Some(&(_, kind)) = SECRET_PARAMS.get(m.pattern().as_usize()) else {
            // `bearer `
            let r = value_at(after);
            if r.len() >= 16 {
                out.push((r, Kind::AccessToken));
            }
            continue;
        };
        // `linkedin_client_secret=…` and `LINKEDIN-ACCESS-TOKEN: …` too, but not
        // `my_access_token_name=…`.
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        if let Some(start) = value_start(b, after) {
            let r = value_at(start);
            // A quoted value, or one that mixes letters and digits as credentials do: not
            // the code that fetches one (`client_secret=os.environ[…]`).
            let quoted = start > 0 && matches!(b[start - 1], b'"' | b'\'' | b'`');
            let v = &b[r.clone()];
            let shaped = v.iter().any(u8::is_ascii_digit) && v.iter().any(u8::is_ascii_alphabetic);
            if r.len() >= 8 && (quoted || shaped) {
                out.push((r, kind));
            }
        }
    }
    for s in memchr::memmem::find_iter(b, b"AQ") {
        let boundary = s == 0 || !is_token_byte(b[s - 1]);
        if !boundary {
            continue;
        }
        let r = value_at(s);
        if r.len() >= TOKEN_MIN && !out.iter().any(|(o, _)| o.start <= s && s < o.end) {
            out.push((r, Kind::AccessToken));
        }
    }
    out
}

/// What [`names`] searches for: the parameter names, then `bearer ` (lower-case).
fn name_patterns() -> Vec<&'static str> {
    SECRET_PARAMS
        .iter()
        .map(|(p, _)| *p)
        .chain(["bearer "])
        .collect()
}

thread_local! {
    /// The text being searched, lower-cased: one buffer per thread.
    static FOLDED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The parameter names, then `bearer `, for a lower-cased text (built once).
fn names() -> &'static aho_corasick::AhoCorasick {
    static NAMES: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        let pats = name_patterns();
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(pats)
            .expect("literal patterns build an automaton")
    });
    &NAMES
}

/// Where the value after a parameter name starts: `name=value` (query strings, form bodies,
/// `.env`, shell), and `name: value`, `"name": "value"`, `name = 'value'`, `name => "value"`
/// (YAML, JSON, code); `None` when no value follows.
fn value_start(b: &[u8], mut i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'=') && b.get(i + 1) != Some(&b'=') {
        return Some(i + 1);
    }
    // A closing quote of the name, spaces, then `:`, `=` or `=>`, spaces, an opening quote.
    if matches!(b.get(i), Some(b'"' | b'\'')) {
        i += 1;
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    match b.get(i) {
        Some(b':') => i += 1,
        Some(b'=') if b.get(i + 1) == Some(&b'>') => i += 2,
        Some(b'=') if b.get(i + 1) != Some(&b'=') => i += 1,
        _ => return None,
    }
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if matches!(b.get(i), Some(b'"' | b'\'' | b'`')) {
        i += 1;
    }
    Some(i)
}

/// Ranges of `text` that hold credentials.
pub fn ranges(text: &str) -> Vec<Range<usize>> {
    credentials(text).into_iter().map(|(r, _)| r).collect()
}

/// `text` with `known` (secrets a check found) and every credential [`credentials`] finds
/// replaced by `*`, byte for byte (borrowed when there is nothing to mask). The one masking
/// function of every output.
pub fn mask<'t>(text: &'t str, known: &[Range<usize>]) -> Cow<'t, str> {
    let mut r = ranges(text);
    r.extend(known.iter().cloned());
    if r.is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(crate::source::mask(text, &r))
    }
}

/// `text` with every credential replaced by `*` (borrowed when there is none).
pub fn text(text: &str) -> Cow<'_, str> {
    mask(text, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_and_form_credentials() {
        assert_eq!(
            text("GET /v2/me?oauth2_access_token=AQXdSP_W41_UPs5ioT&x=1"),
            "GET /v2/me?oauth2_access_token=******************&x=1"
        );
        assert_eq!(
            text("grant_type=x&client_secret=WPL_AP1.abcdEFGH.1234=="),
            "grant_type=x&client_secret=***********************"
        );
        // Too short to be a credential, or another parameter that merely ends the same way.
        assert_eq!(text("client_secret=x"), "client_secret=x");
        assert_eq!(
            text("my_access_token_name=abcdefghijk"),
            "my_access_token_name=abcdefghijk"
        );
        assert_eq!(
            text("if access_token == other_value"),
            "if access_token == other_value"
        );
    }

    #[test]
    fn assignments_in_config_and_code() {
        assert_eq!(
            text("LINKEDIN_CLIENT_SECRET=abcd1234efgh"),
            "LINKEDIN_CLIENT_SECRET=************"
        );
        assert_eq!(
            text("  client_secret: \"abcd1234efgh\""),
            "  client_secret: \"************\""
        );
        assert_eq!(
            text("{\"clientSecret\": \"abcd1234efgh\"}"),
            "{\"clientSecret\": \"************\"}"
        );
        assert_eq!(
            text("'password' => 'hunter2hunter2'"),
            "'password' => '**************'"
        );
        // The code that fetches a credential is not one.
        for code in [
            "client_secret = os.environ[\"LINKEDIN_CLIENT_SECRET\"]",
            "requests.post(url, client_secret=settings.linkedin_secret)",
            "password = get_password()",
        ] {
            assert_eq!(text(code), code);
        }
    }

    #[test]
    fn bearer_and_token_shaped_runs() {
        let tok = format!("AQ{}", "x1Y2".repeat(20));
        let line = format!("Authorization: Bearer {tok}");
        assert_eq!(
            text(&line),
            format!("Authorization: Bearer {}", "*".repeat(tok.len()))
        );
        let json = format!("{{\"message\": \"token {tok} expired\"}}");
        assert!(!text(&json).contains(&tok));
        assert_eq!(text("AQUIRED_STATE is fine"), "AQUIRED_STATE is fine");
    }

    #[test]
    fn known_ranges_are_masked_too() {
        assert_eq!(
            mask("k = 'abc'", std::slice::from_ref(&(5..8))),
            "k = '***'"
        );
        assert!(matches!(mask("nothing here", &[]), Cow::Borrowed(_)));
    }
}
