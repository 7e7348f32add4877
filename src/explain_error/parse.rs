//! Reading an error response: a status line, headers, a JSON body, an OAuth redirect or log
//! lines, as pasted or piped in.

/// The parts of an error response that explain it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorResponse {
    /// HTTP status: from the status line, else the body's `status`.
    pub status: Option<u16>,
    /// The body's `code` (`ACCESS_DENIED`, `NONEXISTENT_VERSION`, …).
    pub code: Option<String>,
    pub service_error_code: Option<i64>,
    pub message: Option<String>,
    /// `errorDetails.inputErrors` of the newer Marketing error shape.
    pub input_errors: Vec<InputError>,
    /// OAuth `error` (redirect query or token-endpoint JSON) and `error_description`.
    pub oauth_error: Option<String>,
    pub oauth_description: Option<String>,
    /// Headers LinkedIn support asks for when reporting a server error.
    pub request_ids: Vec<(String, String)>,
}

/// One entry of `errorDetails.inputErrors`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputError {
    pub field: Option<String>,
    pub code: Option<String>,
    pub description: Option<String>,
}

/// Response headers worth quoting to LinkedIn support (facts §5, 500).
const REQUEST_ID_HEADERS: [&str; 3] = ["x-li-uuid", "x-li-fabric", "x-li-request-id"];

impl ErrorResponse {
    /// Read an error response; `None` when `input` is not one (no error status, code or
    /// OAuth error anywhere).
    pub fn parse(input: &str) -> Option<ErrorResponse> {
        let mut r = ErrorResponse::default();
        let mut lines = input.trim_start_matches('\u{feff}').lines().peekable();
        let mut locations = Vec::new();
        // `curl -i` prints every response (100 Continue, redirects): the last status counts.
        while let Some(status) = lines.peek().and_then(|l| status_line(l)) {
            lines.next();
            r.status = Some(status);
            r.request_ids.clear();
            locations.clear();
            for h in lines.by_ref() {
                let h = unquote_verbose(h).trim();
                if h.is_empty() {
                    break;
                }
                let Some((name, value)) = h.split_once(':') else {
                    continue;
                };
                let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
                if REQUEST_ID_HEADERS.contains(&name.as_str()) {
                    r.request_ids.push((name, value.to_string()));
                } else if name == "location" {
                    locations.push(value.to_string());
                }
            }
            while lines
                .peek()
                .is_some_and(|l| unquote_verbose(l).trim().is_empty())
            {
                lines.next();
            }
        }
        let body: Vec<&str> = lines.collect();
        let body = body.join("\n");
        if let Some(v) = json_object(&body) {
            r.read_json(&v);
        } else if let Some(q) = query_with_error(&body) {
            r.read_query(&q);
        }
        if r.oauth_error.is_none() {
            // A 302/303 to the app's callback carrying the OAuth error.
            if let Some(q) = locations.iter().find_map(|l| query_with_error(l)) {
                r.read_query(&q);
            }
        }
        let is_error = r.status.is_some_and(|s| s >= 400)
            || r.code.is_some()
            || r.service_error_code.is_some()
            || r.oauth_error.is_some();
        is_error.then_some(r)
    }

    fn read_json(&mut self, v: &serde_json::Value) {
        let text = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        if self.status.is_none() {
            self.status = v
                .get("status")
                .and_then(|s| s.as_u64())
                .filter(|s| (100..600).contains(s))
                .map(|s| s as u16);
        }
        self.code = text("code");
        self.service_error_code = v.get("serviceErrorCode").and_then(|c| c.as_i64());
        self.message = text("message");
        self.oauth_error = text("error");
        self.oauth_description = text("error_description");
        if let Some(errs) = v
            .pointer("/errorDetails/inputErrors")
            .and_then(|e| e.as_array())
        {
            self.input_errors = errs
                .iter()
                .map(|e| InputError {
                    field: e
                        .pointer("/input/inputPath/fieldPath")
                        .and_then(|f| f.as_str())
                        .map(str::to_string),
                    code: e.get("code").and_then(|c| c.as_str()).map(str::to_string),
                    description: e
                        .get("description")
                        .and_then(|c| c.as_str())
                        .map(str::to_string),
                })
                .collect();
        }
    }

    fn read_query(&mut self, q: &[(String, String)]) {
        let get = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        self.oauth_error = get("error");
        self.oauth_description = get("error_description");
    }

    /// `CODE (serviceErrorCode N)` as LinkedIn sent it, for the headline.
    pub(super) fn codes(&self) -> String {
        let mut s = String::new();
        if let Some(c) = &self.code {
            s.push(' ');
            s.push_str(c);
        }
        if let Some(n) = self.service_error_code {
            s.push_str(&format!(" (serviceErrorCode {n})"));
        }
        s
    }
}

/// `HTTP/1.1 403 Forbidden`, `HTTP/2 426`, `< HTTP/2 426` (curl -v) → the status.
fn status_line(line: &str) -> Option<u16> {
    let line = unquote_verbose(line).trim();
    let rest = line.strip_prefix("HTTP/")?;
    let code = rest.split_whitespace().nth(1)?;
    code.parse().ok().filter(|s| (100..600).contains(s))
}

/// `curl -v` prefixes response lines with `< `.
fn unquote_verbose(line: &str) -> &str {
    line.strip_prefix("< ")
        .or_else(|| line.strip_prefix('<'))
        .unwrap_or(line)
}

/// The first JSON object in `text` (a body, or a log line that quotes one).
fn json_object(text: &str) -> Option<serde_json::Value> {
    text.match_indices('{').take(32).find_map(|(i, _)| {
        let mut it = serde_json::Deserializer::from_str(&text[i..]).into_iter();
        match it.next() {
            Some(Ok(v @ serde_json::Value::Object(_))) => Some(v),
            _ => None,
        }
    })
}

/// The decoded query parameters of a URL or query string that carries `error=`.
fn query_with_error(text: &str) -> Option<Vec<(String, String)>> {
    let text = text.trim();
    let start = text.find("error=")?;
    // The query starts after the last `?` before `error=` (or at the string start).
    let q_start = text[..start].rfind('?').map_or(0, |i| i + 1);
    let query = text[q_start..]
        .split(['#', ' ', '\n', '"', '\''])
        .next()
        .unwrap_or("");
    let params: Vec<(String, String)> = query
        .split('&')
        .filter_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            Some((percent_decode(k), percent_decode(v)))
        })
        .collect();
    params.iter().any(|(k, _)| k == "error").then_some(params)
}

/// Form decoding: `+` is a space, `%XX` a byte (invalid escapes stay as they are).
pub(super) fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
