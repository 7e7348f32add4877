//! `endpoint-deprecated`: retired endpoints, and the `/rest/` and requirement sites the
//! tree-wide checks need.
// linkedin-lint: allow-file(endpoint-deprecated) -- path shapes the check matches, not requests

use super::*;
use std::borrow::Cow;

impl Checker<'_> {
    pub(super) fn endpoints(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lit: &Literal,
        out: &mut FileCheck,
    ) {
        let v = &lit.value;
        let (host, mut path_start) = url_parts(v);
        // After a base joined with `+`/`.` (`POSTS_BASE + "{post-id}"`), a leading placeholder
        // is the path's next segment, not the base: that is `lead_ident`'s case.
        if lit.base.is_some() && lit.lead_ident.is_none() && host.is_none() {
            path_start = 0;
        }
        let own_linkedin = host.is_some_and(is_linkedin_host);
        if host.is_some() && !own_linkedin {
            // A CORS proxy's URL (`https://cors-anywhere.herokuapp.com/https://api.linkedin.com
            // /v2/me`, how a browser app reaches the API): the request is the URL it carries.
            if let Some(off) = proxied(v, path_start) {
                let mut inner = lit.clone();
                inner.value = v[off..].to_string();
                if inner.exact {
                    inner.span.start += off;
                }
                return self.endpoints(file, facts, &inner, out);
            }
            return; // another API's URL: never a finding
        }
        let base_host = lit.base.as_deref().and_then(|b| url_parts(b).0);
        if facts.local_server && host.is_none() && !base_host.is_some_and(is_linkedin_host) {
            return; // a route of the test's own mock server
        }
        let context = own_linkedin
            || match base_host {
                Some(h) => is_linkedin_host(h),
                None => facts.linkedin_context,
            };
        if !context {
            return;
        }
        // A mock's dispatch in a test (`url.includes('api.linkedin.com/v2/me')` in a
        // `.spec.ts`): the rubric's fake URL, not a request.
        if is_test_path(&file.path) && in_url_test(&file.text, lit.outer.start) {
            return;
        }
        // The path as requested: a base's own path (`https://api.linkedin.com/v2`) joined to
        // the literal's path (`/adAccountsV2`). `pre` bytes of `joined` come from the base.
        let own = &v[path_start..];
        // Every table path has a `/` after its first character, so a literal without one
        // (most strings of a file) matches none; no base, no URL, nothing to look up.
        if self.paths_need_slash && lit.base.is_none() && host.is_none() && !own.contains('/') {
            return;
        }
        // `"/v2/me returned 200 but no `id` field: {}"`, `"/v2/me network error: {}"`: a log
        // or error message that names the endpoint first, then says what happened. (A path
        // followed by an HTTP version, `/v2/me HTTP/1.1`, is a request line.)
        if host.is_none() && lit.base.is_none() && own.starts_with('/') {
            // Only after a plain path: a space inside a placeholder or a projection
            // (`{int start}`, `?projection=(#{ fields })`) is part of the path.
            if let Some((_, words)) = own
                .split_once(char::is_whitespace)
                .filter(|(p, _)| !p.contains(['{', '(', '?', '#', '[', '$', '%']))
            {
                let words = words.trim_start();
                if words.split_whitespace().count() >= 2
                    && words.starts_with(|c: char| c.is_ascii_alphabetic())
                    && !words.starts_with("HTTP/")
                {
                    return;
                }
            }
        }
        // `"v2/assets image upload failed"`: a slash-less path followed by words is a message.
        if host.is_none()
            && lit.base.is_none()
            && !own.starts_with('/')
            && own
                .split(['?', '#'])
                .next()
                .is_some_and(|p| p.contains(char::is_whitespace))
        {
            return;
        }
        let joined = joined_path(own, host, lit.base.as_deref());
        let pre = joined.len() - own.len();
        let path = joined.as_str();
        // Map a range of `joined` to the file; `None` when it lies wholly in the base.
        let to_file = |r: Range<usize>| -> Option<Range<usize>> {
            if r.end <= pre {
                return None;
            }
            let s = path_start + r.start.saturating_sub(pre);
            Some(lit.locate(&file.text, s..path_start + r.end - pre))
        };
        // `${supabaseUrl}/rest/v1/posts` is Supabase's PostgREST (LinkedIn's `/rest/`
        // resources are names, never `v1`), which apps that post to LinkedIn often use too.
        let rest = (path.starts_with("/rest/") || path.starts_with("rest/"))
            && !path.trim_start_matches('/').starts_with("rest/v1/");
        if rest && !in_assertion(&file.text, lit.outer.start) {
            let l = if path.starts_with('/') { 5 } else { 4 };
            if let Some(r) = to_file(0..l).or_else(|| to_file(0..path.len())) {
                out.rest_inline |= lit.name.is_none() && lit.list.is_none() && pre == 0;
                out.rest_sites.push(file.span(r.start, r.end));
            }
        }
        for (ri, req) in self.table.requirements.iter().enumerate() {
            if path_matches(path, &req.endpoint) {
                if let Some(r) =
                    to_file(0..req.endpoint.len() - usize::from(!path.starts_with('/')))
                {
                    out.requirement_sites.push((ri, file.span(r.start, r.end)));
                }
            }
        }
        // The first table entry that matches at the start of the path wins.
        let actual_host = host.or(base_host);
        let host_ok = |e: &crate::rules::EndpointEntry| {
            e.host
                .as_deref()
                .is_none_or(|h| actual_host.is_some_and(|a| a.eq_ignore_ascii_case(h)))
        };
        // Where the entry matches: at the start of the path, or (`segment: true`) after any `/`.
        let at = |e: &crate::rules::EndpointEntry| -> Option<usize> {
            if path_matches(path, &e.path) || is_bare_base(path, &e.path) {
                return Some(0);
            }
            if e.segment {
                return path
                    .match_indices(e.path.as_str())
                    .map(|(p, _)| p)
                    .find(|&p| p > 0 && path_matches(&path[p..], &e.path));
            }
            None
        };
        let found = if self.endpoint_cores.is_match(path) {
            self.table
                .endpoints
                .iter()
                .filter(|e| host_ok(e))
                .find_map(|e| at(e).map(|p| (e, p)))
        } else {
            None
        };
        let Some((e, start)) = found else {
            // A whole `/v2/…` or `/v1/…` path with no host (`'/v2/images'`, a client
            // generator's `Path="/v1/people/id={MemberToken}"`): judged on LinkedIn's host,
            // kept if the tree holds it ([`Checker::resolve_hostless`]).
            if actual_host.is_none()
                && lit.base.is_none()
                && (path.starts_with("/v2/")
                    || path.starts_with("/v1/")
                    // `{ endpoint: 'v2/organizations?q=roleAssignee' }` joined to
                    // `'https://api.linkedin.com/'`: a named or asked-for path, no leading slash.
                    || (lit.name.is_some() || lit.request_arg)
                        && (path.starts_with("v2/") || path.starts_with("v1/"))
                    // A gem's `API_PATH = '/v1'`, joined to every request.
                    || path == "/v1" && lit.name.is_some())
            {
                let mut joined = lit.clone();
                joined.base = Some("https://api.linkedin.com".to_string());
                let mut tmp = FileCheck::default();
                self.endpoints(file, facts, &joined, &mut tmp);
                out.hostless.extend(tmp.findings.into_iter().map(|mut f| {
                    f.fix = None;
                    f
                }));
            }
            return;
        };
        let slash = start > 0 || path.starts_with('/');
        let mut plen = if slash {
            e.path.len()
        } else {
            e.path.len() - 1
        };
        // A base without its last `/` (`$baseurl = "https://www.linkedin.com/uas/oauth2"`).
        let bare = start == 0 && is_bare_base(path, &e.path);
        if bare {
            plen -= 1;
        }
        // The deprecated path is all in the base: reported where the base is defined. Except
        // the retired v1 API's own prefix: every path joined to a v1 base is a v1 request of
        // its own (`BASE_URL + "companies{id}:"`), reported at the literal.
        // A directory entry (`/uas/oauth2/`, `/v1/`) whose name is all in the base and only its
        // closing `/` in this literal is in the base too (`"{$baseurl}/authorization"`).
        let in_base = e.path.ends_with('/') && start + plen == pre + 1;
        let span = match to_file(start..start + plen).filter(|_| !in_base) {
            Some(span) => span,
            None if e.path == "/v1/" && start == 0 && path.len() > pre && !own.is_empty() => {
                lit.sub_span(0..v.len())
            }
            None => return,
        };
        let mut replacement = e.replacement.clone().unwrap_or_default();
        if !slash {
            replacement = replacement.trim_start_matches('/').to_string();
        }
        if bare {
            replacement = replacement.trim_end_matches('/').to_string();
        }
        let mut f = table_finding(
            Rule::EndpointDeprecated,
            entry_of!(e),
            &file.path,
            file.span(span.start, span.end),
        );
        // A fix only when the whole old path is in this literal. `/v2/userinfo` takes no
        // `projection` (its help says to drop it): the fix drops it from the same string, and
        // there is no fix when the projection goes on outside the string.
        let mut end = span.end;
        if lit.exact && replacement.ends_with("/userinfo") {
            match drop_projection(&file.text[span.end..lit.span.end]) {
                Some((len, query)) => {
                    end = span.end + len;
                    replacement.push_str(&query);
                }
                None => replacement.clear(),
            }
        }
        if let (Some(app), true, false, 0) = (
            e.fix.applicability(),
            lit.exact,
            replacement.is_empty(),
            pre,
        ) {
            f.fix = Some(Fix {
                applicability: app,
                edits: vec![Edit {
                    byte_start: file.disk_offset(span.start),
                    byte_end: file.disk_offset(end),
                    replacement,
                }],
            });
        }
        out.findings.push(f);
    }
}

/// Host and where the path starts: `https://api.linkedin.com/v2/me` → (host, 24);
/// `//api.linkedin.com/x` (scheme-relative) too; a bare path → (None, 0); after a leading
/// interpolation (`${API}/v2/me`, `{}/v2/me`, `%s/v2`, `$API/v2`) the path starts after it.
/// The path as requested: the base's own path (`https://api.linkedin.com/v2`, when the
/// literal has no host of its own) joined to the literal's path `own` (`/adAccountsV2`).
fn joined_path(own: &str, host: Option<&str>, base: Option<&str>) -> String {
    let base_path = match (host, base) {
        (None, Some(b)) => match url_parts(b) {
            (Some(_), ps) => b[ps..]
                .split(['?', '#'])
                .next()
                .unwrap_or("")
                .trim_end_matches('/'),
            _ => "",
        },
        _ => "",
    };
    if base_path.is_empty() {
        own.to_string()
    } else if own.starts_with('/') {
        format!("{base_path}{own}")
    } else {
        format!("{base_path}/{own}")
    }
}

/// The literal at `at` is an argument of a test assertion on its line (`expect_equal(p$url,
/// "…/rest/posts")`, `assertEquals(…)`, `expect(url).toBe("…")`): a value compared, not a
/// request made.
fn in_assertion(text: &str, at: usize) -> bool {
    let line = &text[text[..at].rfind('\n').map_or(0, |p| p + 1)..at];
    let mut depth = 0usize;
    for (p, c) in line.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                let callee = line[..p]
                    .trim_end()
                    .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '!'))
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if callee.starts_with("expect")
                    || callee.starts_with("assert")
                    || matches!(callee.as_str(), "tobe" | "toequal" | "tostrictequal" | "eq")
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// The literal at `at` is what a URL is tested against (`url.includes("…")`,
/// `url.startsWith("…")`, `path.contains("…")`): a method called on another value, with the
/// literal as its first argument.
fn in_url_test(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end();
    let Some(before) = head.strip_suffix('(') else {
        return false;
    };
    let name_start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |p| p + 1);
    let method = before[name_start..].to_ascii_lowercase();
    before[..name_start].ends_with('.')
        && matches!(
            method.as_str(),
            "includes" | "startswith" | "endswith" | "contains" | "indexof" | "match"
        )
}

/// A test file by its name or folder (`x.spec.ts`, `x.test.js`, `x_test.go`, `tests/…`,
/// `__tests__/…`, `spec/…`).
fn is_test_path(path: &str) -> bool {
    // Either separator, without a copy of the path (this runs for every endpoint literal).
    let mut parts = path.rsplit(['/', '\\']);
    let name = parts.next().unwrap_or(path);
    name.contains(".spec.")
        || name.contains(".test.")
        || name.contains("_test.")
        || name.starts_with("test_")
        || parts.any(|d| matches!(d, "test" | "tests" | "__tests__" | "spec" | "__mocks__"))
}

pub(super) fn url_parts(v: &str) -> (Option<&str>, usize) {
    // `://` found by its `:` (memchr), not a substring searcher built for every literal.
    let scheme_end =
        memchr::memchr_iter(b':', v.as_bytes()).find(|&i| v[i + 1..].starts_with("//"));
    let after_scheme = if let Some(i) = scheme_end {
        Some(i + 3)
    } else if v.starts_with("//") {
        Some(2)
    } else if v.starts_with("api.linkedin.com") || v.starts_with("www.linkedin.com") {
        Some(0)
    } else {
        None
    };
    if let Some(hs) = after_scheme {
        let he = v[hs..]
            .find(['/', '?', '#', ' ', '"', '\''])
            .map_or(v.len(), |k| hs + k);
        let host = &v[hs..he];
        let host = host.rsplit('@').next().unwrap_or(host);
        let host = host.split(':').next().unwrap_or(host);
        return (Some(host), he);
    }
    // Leading interpolation.
    for (open, close) in [("${", "}"), ("#{", "}"), ("{", "}")] {
        if let Some(rest) = v.strip_prefix(open) {
            if let Some(k) = rest.find(close) {
                return (None, open.len() + k + close.len());
            }
        }
    }
    if let Some(rest) = v.strip_prefix("%s") {
        return (None, v.len() - rest.len());
    }
    if let Some(rest) = v.strip_prefix('$') {
        // `$base/v2`, and PHP property chains `$this->apiBase/v2`.
        let b = rest.as_bytes();
        let mut n = 0;
        loop {
            n += b[n..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
                .count();
            if b[n..].starts_with(b"->") {
                n += 2;
            } else {
                break;
            }
        }
        return (None, 1 + n);
    }
    (None, 0)
}

pub(super) fn is_linkedin_host(h: &str) -> bool {
    let h = h.to_ascii_lowercase();
    h == "linkedin.com" || h.ends_with(".linkedin.com")
}

/// `path` is a directory `pattern` (`/uas/oauth2/`) named without its last `/`, and nothing
/// after it: a base that paths are joined to (`"{$baseurl}/authorization"`).
fn is_bare_base(path: &str, pattern: &str) -> bool {
    pattern.len() > 1
        && pattern
            .strip_suffix('/')
            .is_some_and(|p| path == p || !path.starts_with('/') && path == &p[1..])
}

/// `path` starts with `pattern` (or with it minus the leading `/`), at a name boundary.
pub(super) fn path_matches(path: &str, pattern: &str) -> bool {
    let rest = if let Some(r) = path.strip_prefix(pattern) {
        r
    } else if let Some(r) = path
        .strip_prefix(&pattern[1..])
        .filter(|_| !path.starts_with('/'))
    {
        r
    } else {
        return false;
    };
    pattern.ends_with('/')
        || !rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// The query after a path with its `projection=` parameters left out: (length of the query in
/// `rest`, the query to write instead). `None` when a projection is not complete in `rest`
/// (`"/v2/me?projection=(" + fields + ")"`): it cannot be dropped from this string alone.
fn drop_projection(rest: &str) -> Option<(usize, String)> {
    let Some(q) = rest.strip_prefix('?') else {
        return Some((0, String::new()));
    };
    let qlen = q.find('#').unwrap_or(q.len());
    // Only a query as URLs carry it: a quote or a space says the string holds more than the
    // URL (a lexer's guess in broken code), and moving that text moves what is read around
    // it (found by the `fix` fuzz target).
    if q[..qlen]
        .chars()
        .any(|c| c.is_whitespace() || "\"'`<>\\^|".contains(c))
    {
        return None;
    }
    let mut kept: Vec<&str> = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    let mut params: Vec<&str> = Vec::new();
    for (i, c) in q[..qlen].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '&' if depth == 0 => {
                params.push(&q[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    params.push(&q[start..qlen]);
    for p in params {
        if p.starts_with("projection=") {
            let open = p.matches('(').count() + p.matches("%28").count();
            let close = p.matches(')').count() + p.matches("%29").count();
            if open != close || p == "projection=" {
                return None;
            }
        } else {
            kept.push(p);
        }
    }
    let query = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    Some((1 + qlen, query))
}

/// First path segments other APIs use too (`/me`, `/people`, `/posts`): such a relative path
/// is LinkedIn's only with stronger evidence than the file's LinkedIn context.
const GENERIC_SEGMENTS: &[&str] = &[
    "me",
    "people",
    "shares",
    "likes",
    "images",
    "videos",
    "conversions",
    "organizations",
    "assets",
    "posts",
];

/// `text` with each `${…}` / `#{…}` expression (balanced braces) written as `{}`.
fn without_interpolations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['$', '#']) {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        if !tail[1..].starts_with('{') {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
            continue;
        }
        let mut depth = 0usize;
        let mut end = tail.len();
        for (j, c) in tail.char_indices().skip(1) {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = j + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push_str("{}");
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The first segment of a relative path: up to its next `/`, query, `:(fields)`, fragment,
/// extension or index (`people` of `/people/~:(id)`).
fn first_segment(path: &str) -> &str {
    let p = path.trim_start_matches('/');
    p.find(['/', '?', ':', '(', '#', '.', '['])
        .map_or(p, |e| &p[..e])
}

/// `text` without the `{}` marks of interpolations that lie inside a segment (the lexer's
/// `"/#{type}-search"` is `/{}-search`, `"…/group-memberships#{opts}"` is
/// `…/group-memberships{}`): what is left is the segment's own text. A mark that is a whole
/// segment (`/companies/{}/shares`) stands for an id and stays.
fn without_inline_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("{}") {
        let whole = (i == 0 || rest[..i].ends_with('/'))
            && (rest[i + 2..].is_empty() || rest[i + 2..].starts_with(['/', '?']));
        out.push_str(&rest[..i]);
        if whole {
            out.push_str("{}");
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Whether a URL of another host reads as an API's (`https://graph.facebook.com/v2`,
/// `https://www.googleapis.com/…`, `https://slack.com/api/`), not as content: a repository,
/// an image or a page shared in a post (`'originalUrl' => 'https://github.com/…'`).
/// `v` (host `h`, path from `start`) is the URL of another service's API
/// (`https://graph.facebook.com/v2`), not LinkedIn's, a local server or a bare name.
fn is_foreign_api_url(v: &str, h: &str, start: usize) -> bool {
    !is_linkedin_host(h)
        && (v.starts_with("http") || v.starts_with("//"))
        && h.contains('.')
        && !h.starts_with("localhost")
        && names_an_api(h, &v[start..])
}

fn names_an_api(host: &str, path: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let first = path
        .trim_start_matches('/')
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let versioned = first.len() >= 2
        && first.starts_with('v')
        && first[1..].bytes().all(|b| b.is_ascii_digit());
    host.contains("api")
        || host.starts_with("graph.")
        || versioned
        || ["api", "rest", "graphql", "oauth", "oauth2"].contains(&first.as_str())
}

/// First path segments of the v1 API (resources and the member's sub-resources): a plain
/// relative path is a v1 path only when it starts with one.
const V1_RESOURCES: &[&str] = &[
    "people",
    "people-search",
    "companies",
    "company-search",
    "groups",
    "group-memberships",
    "posts",
    "comments",
    "jobs",
    "job-search",
    "job-bookmarks",
    "job-suggestions",
    "network",
    "connections",
    "shares",
    "likes",
    "mailbox",
    "following",
    "suggestions",
    "current-status",
];

/// Names that say a bare word is a path (`{'path': 'adCampaignsV2'}`, `resource_path=`).
fn names_a_path(name: Option<&str>) -> bool {
    name.is_some_and(|n| {
        let n = n.to_ascii_lowercase();
        ["path", "resource", "endpoint", "url", "uri", "route"]
            .iter()
            .any(|k| n.contains(k))
    }) || name == Some("Address") // a .NET request's `Address = "me"` (IdentityModel)
}

/// A literal that reads as a path relative to an API base: `/ugcPosts`, `people/~:(id)`,
/// `organizations/${id}`, `adCampaignsV2` (camelCase or named as a path). Prose, absolute
/// paths (`/v2/…`, `/rest/…`) and file names are not.
/// Whether the text after a literal makes it the left side of an `in` test (Python's
/// `"x" in y`, JavaScript's `'x' in obj`).
fn is_membership_test(after: &str) -> bool {
    let t = after.trim_start_matches([' ', '\t']);
    t.strip_prefix("in")
        .is_some_and(|r| r.starts_with([' ', '\t', '(']))
}

fn relative_path_like(own: &str, name: Option<&str>) -> bool {
    // `"/people/~:(#{Enum.join(fields, ",")})"`: an interpolated expression is not the path's
    // text (its spaces and punctuation are code).
    let owned;
    let own = if own.contains("{") {
        owned = without_interpolations(own);
        owned.as_str()
    } else {
        own
    };
    // `'%s/%s/shares' % (COMPANIES, company_id)`, `"{}/{}/likes".format(…)`: a segment that is
    // only a placeholder stands for an id; the path goes on after it.
    if let Some((seg, rest)) = own.trim_start_matches('/').split_once('/') {
        if is_placeholder_segment(seg) && !rest.is_empty() {
            return relative_path_like(&own[own.len() - rest.len() - 1..], name);
        }
    }
    // `ugcPosts[${i}]=${urn}`: a query parameter of another request, not a resource.
    let head = own.split(['/', '?']).next().unwrap_or(own);
    if head.contains(['[', '=']) {
        return false;
    }
    let first = own.chars().next();
    if own.len() < 2
        || own.len() > 300
        || !first.is_some_and(|c| c == '/' || c == '~' || c.is_ascii_alphabetic())
        || own.starts_with("//")
        || own.chars().any(char::is_whitespace)
    {
        return false;
    }
    let t = own.trim_start_matches('/').as_bytes();
    if ["v1/", "v2/", "rest/", "v1", "v2", "rest", "oauth/", "uas/"]
        .iter()
        .any(|p| {
            t.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
                && (p.ends_with('/') || t.len() == p.len())
        })
    {
        return false;
    }
    let seg_end = own
        .trim_start_matches('/')
        .find(['/', '?', ':', '(', '#', '.', '['])
        .unwrap_or(own.trim_start_matches('/').len());
    let seg = &own.trim_start_matches('/')[..seg_end];
    if seg.is_empty()
        || !seg
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'~' || b == b'-')
    {
        return false;
    }
    // A file (`/assets/logo.png`, `docs/guide.md`), not a resource.
    let last = own.split(['?', '#']).next().unwrap_or(own);
    let last = last.rsplit('/').next().unwrap_or(last);
    if let Some((_, ext)) = last.rsplit_once('.') {
        if (1..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return false;
        }
    }
    if own.contains('/') || own.contains('~') {
        return true;
    }
    // A bare word: one bound to a path name, one with a query, or a camelCase name only a
    // resource has (`adCampaignsV2`, `ugcPosts`); `emailAddress` is a response field too.
    let camel = seg.bytes().skip(1).any(|b| b.is_ascii_uppercase())
        && seg.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
    let resource_word = ["V2", "Statistics", "Posts", "Actions"]
        .iter()
        .any(|s| seg.ends_with(s));
    // `?q=` is a Rest.li finder (`organizations?q=vanityName`) and `?projection=` a Rest.li
    // field selection (`me?projection=(id)`): only an API path has one.
    camel && (resource_word || own.contains('?'))
        || names_a_path(name)
        || own.contains("?q=")
        || own.contains("?projection=")
}

impl Checker<'_> {
    /// A bare camelCase word that is the name of a `/v2/` resource in the table
    /// (`$client->post('adCampaigns', …)`, `get('ugcPosts')`): a resource, not a field name.
    /// One-word names (`me`, `organizations`) are too common to count on their own, and
    /// `emailAddress` is also the response field every sign-in library reads.
    fn names_a_v2_resource(&self, own: &str) -> bool {
        // A Rest.li action on a resource that exists only under `/v2`
        // (`assets?action=registerUpload`) is LinkedIn's idiom, whatever the resource's name
        // looks like. A resource `/rest` has too (`images?action=initializeUpload`) says
        // nothing of the base: a client may send it to either.
        if let Some((word, query)) = own.split_once('?') {
            return query.starts_with("action=")
                && !word.is_empty()
                && word.bytes().all(|b| b.is_ascii_alphanumeric())
                && self.table.endpoints.iter().any(|e| {
                    e.path.strip_prefix("/v2/") == Some(word)
                        && e.replacement
                            .as_deref()
                            .and_then(|r| r.strip_prefix("/rest/"))
                            != Some(word)
                });
        }
        let camel = own != "emailAddress"
            && own.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && own.bytes().any(|b| b.is_ascii_uppercase())
            && own.bytes().all(|b| b.is_ascii_alphanumeric());
        camel
            && self
                .table
                .endpoints
                .iter()
                .any(|e| e.path.strip_prefix("/v2/") == Some(own))
    }

    /// A word that is the name of a `/v2/` resource in the table (`me`, `emailAddress`,
    /// `organizations`): taken as a path only where a client is asked for it
    /// ([`Literal::request_arg`]).
    fn is_v2_resource(&self, own: &str) -> bool {
        !own.is_empty()
            && own.bytes().all(|b| b.is_ascii_alphanumeric())
            && self
                .table
                .endpoints
                .iter()
                .any(|e| e.path.strip_prefix("/v2/") == Some(own))
    }

    /// Record the LinkedIn bases a literal defines, and the finding a relative path makes once
    /// joined to a `/v2`, `/v1` or `/rest` base that may be defined elsewhere
    /// (`Checker::finish` resolves it). `borrowable`: the file has no LinkedIn context of its
    /// own but may take a client's ([`RelativeSite::borrowed`]).
    pub(super) fn relative(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lit: &Literal,
        sections: &Sections,
        borrowable: bool,
        out: &mut FileCheck,
    ) {
        let v = lit.value.as_str();
        let (host, path_start) = url_parts(v);
        if let Some(h) = host {
            if h.eq_ignore_ascii_case("api.linkedin.com") {
                let p = base_path(&v[path_start..]);
                out.li_host |= p.is_empty() && !lit.in_comment;
                out.li_url |= !lit.in_comment;
                // The whole v1 API is retired, so a path joined to any v1 URL
                // (`https://api.linkedin.com/v1/people/`) is a v1 path.
                out.li_bases |= path_base_kind(p);
            } else {
                out.foreign_base |= is_foreign_api_url(v, h, path_start);
            }
            return;
        }
        // A file with no LinkedIn context of its own may still call a LinkedIn client's
        // helper (`liGet("/ugcPosts", …)` imported from `client.ts`, which holds the base):
        // where it is `borrowable`, its paths are kept only where the tree links it to a file
        // with a LinkedIn base.
        let borrowed = !facts.linkedin_context;
        if borrowed && !borrowable
            || facts.local_server
            || lit
                .base
                .as_deref()
                .is_some_and(|b| url_parts(b).0.is_some())
        {
            return; // no LinkedIn context, or joined to a base the per-file check already read
        }
        // `$"{_settings.RestApiUrl}/videos"`: a path after a base named for `/rest` is joined
        // to `/rest` only (GenPosting keeps `ApiUrl` and `RestApiUrl` side by side).
        let rest_named = lit.lead_ident.as_deref().is_some_and(names_rest_base);
        // `${basePath}/media/${imagePath}`: a file-system path, not a URL.
        if lit.base.is_none() && lit.lead_ident.as_deref().is_some_and(names_a_file_path) {
            return;
        }
        // A key of a config section whose base is another API's, or `/rest`.
        if let Some(bits) = lit
            .name
            .as_deref()
            .and_then(|n| n.rsplit_once('.'))
            .and_then(|(parent, _)| sections.get(parent))
        {
            if bits & (SECTION_FOREIGN | SECTION_REST) != 0 {
                return;
            }
        }
        let own = &v[path_start..];
        // A bare word under a `name` key is a name (a dlt resource's `name: leadForms` names
        // its table; `resources.name` is no path for holding "resource").
        let last_key = lit.name.as_deref().and_then(|n| n.rsplit('.').next());
        if last_key.is_some_and(|k| k.eq_ignore_ascii_case("name")) && !own.contains('/') {
            return;
        }
        // `assert "ugcPosts" in str(call)`, `'ugcPosts' in payload`: a membership test looks
        // for the word, it requests nothing.
        if lit.outer.end <= file.text.len() && is_membership_test(&file.text[lit.outer.end..]) {
            return;
        }
        // `router.get('/linkedin/posts/:id/likes', …)`: a route of the app's own server (a
        // `:name` parameter segment), not a request to LinkedIn.
        if own.split('/').any(|seg| {
            seg.strip_prefix(':')
                .is_some_and(|p| p.starts_with(|c: char| c.is_ascii_alphabetic()))
        }) {
            return;
        }
        // `path += "/~"`: the member selector alone is a fragment of a path built elsewhere
        // (`path = "/people"`), which is what is reported.
        if own.trim_matches('/') == "~" {
            return;
        }
        let seg = first_segment(own);
        // The path as sent, without its interpolations: `"#{person_path(o)}/group-memberships
        // #{group_options(o)}"` continues a v1 path with `/group-memberships`, and
        // `"/#{type}-search"` is one of v1's `people-search`, `company-search`, `job-search`.
        let bare = if own.contains('{') {
            Cow::Owned(without_inline_placeholders(&without_interpolations(own)))
        } else {
            Cow::Borrowed(own)
        };
        let bare_seg = first_segment(&bare);
        let v1_resource = V1_RESOURCES
            .iter()
            .any(|r| r.eq_ignore_ascii_case(seg) || r.eq_ignore_ascii_case(bare_seg))
            || bare_seg == "-search" && bare.starts_with('/');
        let path_like = relative_path_like(own, lit.name.as_deref())
            || v1_resource && bare.starts_with('/') && relative_path_like(&bare, lit.name.as_deref())
            || self.names_a_v2_resource(own)
            || lit.request_arg && self.is_v2_resource(own)
            // `createCall('GET', 'companies', …)`: judged as v1 only in a v1-only tree.
            || lit.request_arg && own.len() <= 64 && v1_resource;
        if !path_like {
            return;
        }
        // A Rest.li action (`assets?action=registerUpload`) is LinkedIn's idiom, never generic.
        let generic =
            GENERIC_SEGMENTS.contains(&seg) && !own.contains('~') && !own.contains("?action=");
        let first_site = out.relative.len();
        for (kind, base) in [
            (BASE_V2, "https://api.linkedin.com/v2"),
            (BASE_V1, "https://api.linkedin.com/v1"),
            // Only the few `/rest/…` entries (`ugcPosts`, `assets?action=registerUpload`)
            // match here: MCP servers join `'/ugcPosts'` to `https://api.linkedin.com/rest`.
            (BASE_REST, "https://api.linkedin.com/rest"),
        ] {
            // v1's catch-all entry matches any path: v1 idioms (`people/~`, `:(fields)`), or
            // any path in a file whose one LinkedIn base is v1 (`resolve_relative` decides).
            // `~` as the member (`people/~`, `~/connections`), not a v2 decoration (`handle~`).
            let v1_idiom = own.starts_with('~') || own.contains("/~") || own.contains(":(");
            // Other paths only as `/resource/…` of the v1 API (not XPath `number(//a/b)`, not
            // a map key, not the app's own routes `/login`, `/emails` in a multi-provider file).
            // (After a placeholder, `"{post-id}/relation-to-viewer"`, it continues an id.)
            let plain = bare.starts_with('/')
                && !bare.contains(['(', ' '])
                && (path_start > 0 || v1_resource)
                // A resource a client is asked for (`createCall('GET', 'companies/' + id)`).
                || lit.request_arg && v1_resource && !own.contains(' ');
            // Under `/rest` a path, not a bare word (`"resource_name": "ugcPosts"` in a
            // record of what was posted).
            let rest_path = own.starts_with('/') || own.contains('?') || lit.request_arg;
            if kind == BASE_V1 && !v1_idiom && !plain
                || kind == BASE_REST && (v1_idiom || !rest_path)
                || rest_named && kind != BASE_REST
            {
                continue;
            }
            let mut joined = lit.clone();
            joined.base = Some(base.to_string());
            if kind == BASE_V1 {
                // The v1 entry is the `/v1/` prefix itself, which lies wholly in the base
                // (`"~/connections"`): judge `/v1/<path>` and report the whole literal.
                joined.value = format!("/v1/{}", bare.trim_start_matches('/'));
                joined.exact = false;
                joined.base = Some("https://api.linkedin.com".to_string());
            }
            let mut tmp = FileCheck::default();
            self.endpoints(file, facts, &joined, &mut tmp);
            for mut finding in tmp.findings {
                // Joined to `/rest`, only the entries written under `/rest/` (not a host-wide
                // segment entry such as v2's `…/likes`).
                if kind == BASE_REST
                    && !self
                        .table
                        .endpoints
                        .iter()
                        .any(|e| e.id == finding.id && e.path.starts_with("/rest/"))
                {
                    continue;
                }
                finding.fix = None; // the base is elsewhere: a person checks the whole URL
                let versioned_name = self.table.endpoints.iter().any(|e| {
                    e.id == finding.id && {
                        let unversioned = format!("{}V2", e.path);
                        self.table.endpoints.iter().any(|u| u.path == unversioned)
                    }
                });
                let unversioned_name = kind == BASE_V2
                    && seg.len() > 2
                    && seg.ends_with("V2")
                    && self.table.endpoints.iter().any(|e| {
                        e.id == finding.id && e.path.trim_start_matches("/v2/").starts_with(seg)
                    });
                out.relative.push(RelativeSite {
                    kind,
                    generic,
                    v1_idiom,
                    versioned_name,
                    asked: lit.request_arg,
                    path_named: names_a_path(lit.name.as_deref()),
                    unversioned_name,
                    rest_named,
                    borrowed,
                    lead: lit.lead_ident.clone().or_else(|| lit.base_name.clone()),
                    any_base: false,
                    finding,
                });
            }
        }
        let sites = &mut out.relative[first_site..];
        let under = |k: u8| sites.iter().any(|s| s.kind == k);
        if under(BASE_V2) && under(BASE_REST) {
            for s in sites {
                s.any_base = true;
            }
        }
    }
}

/// The offset in `v` of a LinkedIn URL that makes up the whole path of another host's URL
/// (a CORS proxy's `https://proxy.example/https://api.linkedin.com/v2/me`).
fn proxied(v: &str, path_start: usize) -> Option<usize> {
    let inner = v.get(path_start..)?.strip_prefix('/')?;
    if !(inner.starts_with("https://") || inner.starts_with("http://")) {
        return None;
    }
    url_parts(inner)
        .0
        .is_some_and(is_linkedin_host)
        .then_some(path_start + 1)
}

/// A URL's path as a base: without query, fragment, trailing `/` or a trailing placeholder.
fn base_path(p: &str) -> &str {
    let p = p
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    without_trailing_placeholder(p)
}

/// The API a base path on LinkedIn's host names: [`BASE_V1`] for `/v1` (and any path under
/// it: the whole v1 API is retired), [`BASE_V2`] for `/v2`, [`BASE_REST`] for `/rest`, else 0.
fn path_base_kind(p: &str) -> u8 {
    match p {
        "/v1" => BASE_V1,
        _ if p.starts_with("/v1/") => BASE_V1,
        "/v2" => BASE_V2,
        "/rest" => BASE_REST,
        _ => 0,
    }
}

/// What a name bound to `v` says about the paths joined to it: [`path_base_kind`] of a base
/// on `api.linkedin.com` (`https://api.linkedin.com/v2/`), [`BASE_ELSEWHERE`] for a URL on
/// any other host (another API's, or LinkedIn's own web app: `https://www.linkedin.com/
/// voyager/api`), 0 for anything else (not a URL, or an API URL that is no base).
pub(super) fn base_kind(v: &str) -> u8 {
    match url_parts(v) {
        (Some(h), start) if h.eq_ignore_ascii_case("api.linkedin.com") => {
            path_base_kind(base_path(&v[start..]))
        }
        (Some(_), _) => BASE_ELSEWHERE,
        _ => 0,
    }
}

/// `/v2/${path}`, `/v2/\(path)`, `/v2/{}`, `/v2/%s` → `/v2`: a URL that ends in one
/// interpolated segment is a base the segment is joined to (PovioKitAuth's
/// `"https://api.linkedin.com/v2/\(path)"` over an enum of resource names).
fn without_trailing_placeholder(p: &str) -> &str {
    match p.rsplit_once('/') {
        Some((head, last)) if is_placeholder_segment(last) => head,
        _ => p,
    }
}

/// A path segment that is only a placeholder for a value filled in at run time: `%s`, `%d`,
/// `%v`, `{}`, or a name in `{…}`, `${…}`, `#{…}`, Swift's `\(…)`.
fn is_placeholder_segment(seg: &str) -> bool {
    let wrapped = |open: &str, close: char| {
        seg.strip_prefix(open)
            .and_then(|r| r.strip_suffix(close))
            .is_some_and(|inner| {
                !inner.is_empty()
                    && inner
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"_.".contains(&b))
            })
    };
    matches!(seg, "%s" | "%d" | "%v" | "{}")
        || wrapped("${", '}')
        || wrapped("#{", '}')
        || wrapped("\\(", ')')
        || wrapped("{", '}')
}

/// What the keys of one section of a config (`a.b.c` → section `a.b`) say of its base.
pub(super) type Sections = std::collections::HashMap<String, u8>;
/// A key of the section is another API's URL (`api-base-url: https://graph.facebook.com`).
const SECTION_FOREIGN: u8 = 1;
/// A key of the section is the `/rest` path word or a `/rest` base.
const SECTION_REST: u8 = 2;

/// The sections of a file whose keys are dotted paths (YAML, TOML, JSON, Spring `@Value`
/// keys): a relative path under `linkedin.ads` is joined to that section's base, not to a
/// `/v2` base elsewhere in the file (integrixs' `application-adapters.yml` keeps Facebook's
/// `messages-endpoint: /me/messages` and LinkedIn's `rest-path: /rest` beside a `/v2` base).
pub(super) fn sections(facts: &FileFacts) -> Sections {
    let mut out = Sections::new();
    if !facts.linkedin_context {
        return out;
    }
    for l in facts.literals.iter().filter(|l| !l.in_comment) {
        let Some((parent, _)) = l.name.as_deref().and_then(|n| n.rsplit_once('.')) else {
            continue;
        };
        let v = l.value.trim();
        let (host, start) = url_parts(v);
        let bits = match host {
            Some(h) if is_linkedin_host(h) => {
                let p = v[start..].trim_end_matches('/');
                if p == "/rest" { SECTION_REST } else { 0 }
            }
            Some(h) if is_foreign_api_url(v, h, start) => SECTION_FOREIGN,
            Some(_) => 0,
            None if v == "/rest" || v == "/rest/" => SECTION_REST,
            None => 0,
        };
        if bits != 0 {
            *out.entry(parent.to_string()).or_default() |= bits;
        }
    }
    out
}

/// For each literal of a config file: whether it lies in another API's section — the nearest
/// enclosing section (`cin7-core.proxy`) that holds an API URL holds only another API's
/// (`base_url: https://inventory.dearsystems.com/externalapi`), and no enclosing section is
/// named for LinkedIn. A catalog of providers (Nango's `providers.yaml`: thousands of
/// entries, LinkedIn's among them) keeps each provider's `/v2/me` check endpoint and its
/// `x-api-version` header beside its own base; they are not LinkedIn's.
pub(super) fn foreign_sections(facts: &FileFacts) -> Vec<bool> {
    let mut out = vec![false; facts.literals.len()];
    if !facts.linkedin_context {
        return out;
    }
    // Section → (holds a LinkedIn URL, holds another API's URL), over every ancestor.
    let mut held: std::collections::HashMap<&str, (bool, bool)> = Default::default();
    for l in facts.literals.iter().filter(|l| !l.in_comment) {
        let Some(name) = l.name.as_deref().filter(|n| n.contains('.')) else {
            continue;
        };
        let v = l.value.trim();
        let (Some(h), start) = url_parts(v) else {
            continue;
        };
        let key = name.rsplit('.').next().unwrap_or(name).to_ascii_lowercase();
        let li = is_linkedin_host(h);
        let names_base = ["base", "api", "host"].iter().any(|k| key.contains(k));
        let foreign = !li
            && h.contains('.')
            && (is_foreign_api_url(v, h, start) || names_base && v.starts_with("http"));
        if !li && !foreign {
            continue;
        }
        for (i, _) in name.match_indices('.') {
            let e = held.entry(&name[..i]).or_default();
            e.0 |= li;
            e.1 |= foreign;
        }
    }
    if held.values().all(|&(_, foreign)| !foreign) {
        return out;
    }
    for (k, l) in facts.literals.iter().enumerate() {
        let Some(name) = l.name.as_deref() else {
            continue;
        };
        for (i, _) in name.rmatch_indices('.') {
            let section = &name[..i];
            let last = section.rsplit('.').next().unwrap_or(section);
            if last.to_ascii_lowercase().contains("linkedin") {
                break;
            }
            match held.get(section) {
                Some((true, _)) => break,
                Some((false, true)) => {
                    out[k] = true;
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

/// The base a file assembles from a bare host and a version word (keboola's
/// `BASE_URL = "https://api.linkedin.com"`, `API_VERSION = "v2"`, then
/// `f"{BASE_URL}/{API_VERSION}"`): the word's bit when both are in the file and the word is
/// bound to a name that says version. Comments do not count.
///
/// A file that also binds the `/rest` path word (integrixs' `rest-path:/rest`, joined as
/// `apiBaseUrl + restPath + adCampaignsEndpoint`) builds its URLs on `/rest`: a `v2` word
/// beside it (`api-version:v2`, never joined) names the path's old version, not a base.
pub(super) fn assembled_base(literals: &[Literal]) -> u8 {
    let live = || literals.iter().filter(|l| !l.in_comment);
    let bare_host = live().any(|l| {
        let (host, start) = url_parts(&l.value);
        host.is_some_and(|h| h.eq_ignore_ascii_case("api.linkedin.com"))
            && l.value[start..].trim_matches('/').is_empty()
    });
    if !bare_host {
        return 0;
    }
    if live().any(|l| l.name.is_some() && l.value.trim_matches('/') == "rest") {
        return BASE_REST;
    }
    // `API_VERSION = "v2"`, and a gem's `API_PREFIX = "v2/"` that every resource is added to
    // (`Configuration::API_PREFIX + "adCampaignsV2"`).
    prefix_bases(literals)
}

/// A name a base's segment is bound to: `API_VERSION`, `API_PREFIX`, `API_PATH`, a client's
/// `api_resource = '/v2'` beside `api_host = 'https://api.linkedin.com'`.
fn names_a_base_part(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["version", "prefix", "path", "resource"]
        .iter()
        .any(|k| n.contains(k))
}

/// The bases named prefixes of a file stand for: `API_PATH = '/v1'`, `@api_version = "/v1"`,
/// `API_PREFIX = "v2/"` (a name of a version, a prefix or a path, bound to nothing but the
/// base's segment). With LinkedIn's bare host in the same file that is [`assembled_base`];
/// with the host in another file, [`Checker::finish`] joins them.
pub(super) fn prefix_bases(literals: &[Literal]) -> u8 {
    // The value first: judging the name splits it into words, for every named literal.
    literals
        .iter()
        .filter(|l| !l.in_comment)
        .map(|l| {
            let bit = match l.value.trim_matches('/') {
                "v1" => BASE_V1,
                "v2" => BASE_V2,
                "rest" => BASE_REST,
                _ => 0,
            };
            if bit != 0 && l.name.as_deref().is_some_and(names_a_base_part) {
                bit
            } else {
                0
            }
        })
        .fold(0, |bits, b| bits | b)
}

/// An identifier that names a place on disk (`basePath`, `__dirname`, `UPLOAD_DIR`,
/// `filePath`): what follows it is a file's path. (`API_ROOT`, `baseUrl` are URLs.)
fn names_a_file_path(id: &str) -> bool {
    last_part_has_word(
        id,
        &[
            "path",
            "dir",
            "dirname",
            "directory",
            "folder",
            "file",
            "filepath",
        ],
    )
}

/// An identifier whose last part has the word `rest` (`_settings.RestApiUrl`, `REST_BASE`,
/// `restUrl`): the versioned API's base. `restli`, `restaurant` are other words.
fn names_rest_base(id: &str) -> bool {
    last_part_has_word(id, &["rest"])
}

/// The last part of a dotted/member identifier (`_settings.RestApiUrl` → `RestApiUrl`) has one
/// of `words` as a whole word, in any case.
fn last_part_has_word(id: &str, words: &[&str]) -> bool {
    let last = id.rsplit(['.', ':', '>', '$']).next().unwrap_or(id);
    crate::extract::context::split_words(last)
        .iter()
        .any(|w| words.iter().any(|k| w.eq_ignore_ascii_case(k)))
}
