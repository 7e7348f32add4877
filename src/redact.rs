//! Text-level redaction for output that is not built from findings' spans (`--diff` lines,
//! `explain-error` echoes): credentials in URL query or form parameters, `Bearer` credentials
//! and LinkedIn-token-shaped runs are replaced by `*`, byte for byte, so offsets stay valid.

use std::borrow::Cow;

/// Parameter names whose values are credentials (`?oauth2_access_token=…`, `client_secret=…`).
const SECRET_PARAMS: [&str; 6] = [
    "oauth2_access_token",
    "access_token",
    "refresh_token",
    "client_secret",
    "id_token",
    "password",
];

/// LinkedIn access tokens start `AQ` and run to hundreds of characters; 40 is far above any
/// identifier that starts the same way by chance.
const TOKEN_MIN: usize = 40;

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'%' | b'+' | b'/' | b'=')
}

/// Ranges of `text` that hold credentials.
pub fn ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let value_at = |start: usize| {
        let end = b[start..]
            .iter()
            .position(|&c| !is_token_byte(c) || c == b'&')
            .map_or(b.len(), |i| start + i);
        start..end
    };
    for p in SECRET_PARAMS {
        for (i, _) in lower.match_indices(p) {
            let before_ok = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
            let after = i + p.len();
            if before_ok && b.get(after) == Some(&b'=') {
                let r = value_at(after + 1);
                if r.len() >= 8 {
                    out.push(r);
                }
            }
        }
    }
    for (i, _) in lower.match_indices("bearer ") {
        let r = value_at(i + 7);
        if r.len() >= 16 {
            out.push(r);
        }
    }
    let mut i = 0;
    while let Some(o) = text[i..].find("AQ") {
        let s = i + o;
        let boundary = s == 0 || !is_token_byte(b[s - 1]);
        let r = value_at(s);
        if boundary && r.len() >= TOKEN_MIN {
            i = r.end;
            out.push(r);
        } else {
            i = s + 2;
        }
    }
    out
}

/// `text` with every credential replaced by `*` (borrowed when there is none).
pub fn text(text: &str) -> Cow<'_, str> {
    let r = ranges(text);
    if r.is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(crate::source::mask(text, &r))
    }
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
}
