//! Facts: what extraction finds in a file and the checks judge.
//!
//! A fact is a literal (string, number, config scalar) with its exact span and the context
//! the checks need: the name it is bound to (const, variable, key, header name), a base URL it
//! is joined to, the list it belongs to, and whether it sits in a comment.

use std::ops::Range;

/// What kind of literal a fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LitKind {
    /// A string (any quoting), a config scalar, or a shell word.
    Str,
    /// An integer literal (`LINKEDIN_VERSION = 202401`).
    Int,
}

/// One literal in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub kind: LitKind,
    /// The decoded value (escapes resolved).
    pub value: String,
    /// Byte range of the value's source text (inside the quotes).
    pub span: Range<usize>,
    /// Byte range of the whole literal, quotes and prefixes included.
    pub outer: Range<usize>,
    /// `value` is byte-for-byte `text[span]`, so a range inside the value is a range of the file.
    pub exact: bool,
    /// In a comment or in prose (Markdown outside code).
    pub in_comment: bool,
    /// The name the literal is bound to: const/static/variable, object/dict/map key, keyword
    /// argument, header name in a setter call, or a dotted key path in config files.
    pub name: Option<String>,
    /// The header this literal is the value of, when known from a setter call
    /// (`.header("LinkedIn-Version", VERSION)` marks the literal bound to `VERSION`).
    pub header: Option<String>,
    /// The value of a base (URL) the literal is appended to: `format!("{BASE}/v2/me")`,
    /// `BASE + "/v2/me"`, `${API}/v2/me`.
    pub base: Option<String>,
    /// An identifier interpolated at the very start of the literal (`${API}/v2/me`), resolved
    /// to `base` once the file's constants are known.
    pub lead_ident: Option<String>,
    /// The name of a base the literal is joined to that the file does not bind (`BASE + "/me"`,
    /// `creds['main_domain_linkedin'] + '/me'`): another file may ([`crate::check`] looks).
    pub base_name: Option<String>,
    /// Literals of one list (array, slice, `vec!`, `%w[]`) share an id.
    pub list: Option<u32>,
    /// The first argument of an HTTP method called on a client (`$client->get('me', …)`,
    /// `self.api.post("ugcPosts", …)`): a resource name relative to the client's base.
    pub request_arg: bool,
    /// Inside a later argument of a call whose first argument is another API's URL
    /// (`nock('https://api.github.com', { reqheaders: { Authorization: 'token …' } })`,
    /// `fetch('https://api.github.com/user', { headers })`): part of a request that is not
    /// LinkedIn's.
    pub foreign_call: bool,
}

impl Literal {
    pub fn new(
        kind: LitKind,
        value: String,
        span: Range<usize>,
        outer: Range<usize>,
        exact: bool,
    ) -> Literal {
        Literal {
            kind,
            value,
            span,
            outer,
            exact,
            in_comment: false,
            name: None,
            header: None,
            base: None,
            lead_ident: None,
            base_name: None,
            list: None,
            request_arg: false,
            foreign_call: false,
        }
    }

    /// The header name this literal is a value of: from a setter call, or its key when the
    /// key is a header name (`{"LinkedIn-Version": "202401"}`).
    pub fn header_name(&self) -> Option<&str> {
        self.header.as_deref().or(self.name.as_deref())
    }

    /// The file range of `value[r]`: exact when the literal has no escapes, else the whole value.
    pub fn sub_span(&self, r: Range<usize>) -> Range<usize> {
        if self.exact {
            self.span.start + r.start..self.span.start + r.end
        } else {
            self.span.clone()
        }
    }

    /// The file range of `value[r]` for a report, `text` being the file's text. Unlike
    /// [`Literal::sub_span`] it also places a part of a literal with escapes (a shell
    /// `node -e "…\`Bearer \${t}\`…"` over several lines) where that part is written verbatim:
    /// at the same occurrence in the source as in the value, else the whole value. Only for
    /// locating findings; an edit needs an exact literal.
    pub fn locate(&self, text: &str, r: Range<usize>) -> Range<usize> {
        if self.exact {
            return self.sub_span(r);
        }
        let (Some(needle), Some(before), Some(src)) = (
            self.value.get(r.clone()),
            self.value.get(..r.start),
            text.get(self.span.clone()),
        ) else {
            return self.span.clone();
        };
        if needle.is_empty() {
            return self.span.clone();
        }
        // Escapes change lengths, not the order of what is written verbatim: the k-th
        // occurrence in the value is the k-th in the source, if the source has as many.
        let in_src: Vec<usize> = src.match_indices(needle).map(|(at, _)| at).collect();
        if in_src.len() != self.value.matches(needle).count() {
            return self.span.clone();
        }
        match in_src.get(before.matches(needle).count()) {
            Some(&at) => self.span.start + at..self.span.start + at + needle.len(),
            None => self.span.clone(),
        }
    }
}

/// Everything extraction learnt about one file.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    pub literals: Vec<Literal>,
    /// Code in the file (not comments) clearly talks to LinkedIn: a `linkedin.com` literal, a
    /// LinkedIn header name, a LinkedIn client import or an identifier naming LinkedIn.
    pub linkedin_context: bool,
    /// Identifiers the file defines at top level (consts, functions), and ones it uses; used to
    /// see whether a `/rest/` request gets its version header from a helper in another file.
    pub defines: Vec<String>,
    pub uses: Vec<String>,
    /// The file is documentation (Markdown): findings in it are reported at most as `info`.
    pub docs: bool,
    /// A note for the user about how the file was read (e.g. syn failed, lexed instead).
    pub note: Option<String>,
    /// Names and config keys whose value this file sends as `LinkedIn-Version` but does not
    /// define: `'LinkedIn-Version' = getOption('lkd.api_version')` gives `lkd.api_version`,
    /// `{'LinkedIn-Version': API_VERSION}` without a local `API_VERSION` gives `API_VERSION`.
    /// Another file that binds a version to one of them pins the header.
    pub version_keys: Vec<String>,
    /// The file starts a local mock HTTP server (Go's `httptest.NewServer`, OkHttp's
    /// `MockWebServer`, WireMock), so its host-less paths (`r.URL.Path == "/v2/me"`,
    /// `server.URL + "/v2/me"`) are routes of that fake server, not requests to LinkedIn. Not
    /// Rust's mock crates: a Rust file holds its tests beside the code they test; nor a mock
    /// built on LinkedIn's own host (`new MockServer("https://api.linkedin.com")`).
    pub local_server: bool,
    /// A LinkedIn Rest.li client is called with a version (`restli_client.get(resource_path=
    /// "/posts", version_string=V)`, `versionString: V`): the client sends `LinkedIn-Version`
    /// itself, so the file's `/rest/` requests carry it.
    pub client_sends_version: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A literal of `src` (the text inside its quotes, at offset 1 of the file) whose value
    /// is `value`.
    fn lit(src: &str, value: &str) -> (String, Literal) {
        let text = format!("\"{src}\"");
        let exact = src == value;
        let l = Literal::new(
            LitKind::Str,
            value.into(),
            1..1 + src.len(),
            0..text.len(),
            exact,
        );
        (text, l)
    }

    #[test]
    fn locate_places_verbatim_parts_of_escaped_literals() {
        let (text, l) = lit(r"a\nb /v2/me c /v2/me", "a\nb /v2/me c /v2/me");
        // The second `/v2/me` of the value is the second of the source.
        let second = l.value.rfind("/v2/me").unwrap();
        let r = l.locate(&text, second..second + 6);
        assert_eq!(&text[r.clone()], "/v2/me");
        assert_eq!(r.start, text.rfind("/v2/me").unwrap());
        let first = l.value.find("/v2/me").unwrap();
        assert_eq!(
            l.locate(&text, first..first + 6).start,
            text.find("/v2/me").unwrap()
        );
        // A part an escape produced (the newline) is not in the source: the whole value.
        assert_eq!(l.locate(&text, 1..2), l.span);
        // An exact literal maps by offset, as `sub_span` does.
        let (text, l) = lit("x /v2/me", "x /v2/me");
        assert_eq!(&text[l.locate(&text, 2..8)], "/v2/me");
    }

    #[test]
    fn locate_gives_the_whole_value_when_escapes_make_occurrences() {
        // `\x2fv2` decodes to `/v2`: the value has one more `/v2` than the source, so the
        // order cannot be trusted.
        let (text, l) = lit(r"\x2fv2 /v2", "/v2 /v2");
        assert_eq!(l.locate(&text, 4..7), l.span);
    }
}
