//! `endpoint-deprecated`: retired endpoints, and the `/rest/` and requirement sites the
//! tree-wide checks need.

use super::*;

impl Checker<'_> {
    pub(super) fn endpoints(
        &self,
        file: &SourceFile,
        facts: &FileFacts,
        lit: &Literal,
        out: &mut FileCheck,
    ) {
        let v = &lit.value;
        let (host, path_start) = url_parts(v);
        let own_linkedin = host.is_some_and(is_linkedin_host);
        if host.is_some() && !own_linkedin {
            return; // another API's URL: never a finding
        }
        let base_host = lit.base.as_deref().and_then(|b| url_parts(b).0);
        let context = own_linkedin
            || match base_host {
                Some(h) => is_linkedin_host(h),
                None => facts.linkedin_context,
            };
        if !context {
            return;
        }
        // The path as requested: a base's own path (`https://api.linkedin.com/v2`) joined to
        // the literal's path (`/adAccountsV2`). `pre` bytes of `joined` come from the base.
        let own = &v[path_start..];
        let joined = joined_path(own, host, lit.base.as_deref());
        let pre = joined.len() - own.len();
        let path = joined.as_str();
        // Map a range of `joined` to the file; `None` when it lies wholly in the base.
        let to_file = |r: Range<usize>| -> Option<Range<usize>> {
            if r.end <= pre {
                return None;
            }
            let s = path_start + r.start.saturating_sub(pre);
            Some(lit.sub_span(s..path_start + r.end - pre))
        };
        let rest = path.starts_with("/rest/") || path.starts_with("rest/");
        if rest {
            let l = if path.starts_with('/') { 5 } else { 4 };
            if let Some(r) = to_file(0..l).or_else(|| to_file(0..path.len())) {
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
            if path_matches(path, &e.path) {
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
        let Some((e, start)) = self
            .table
            .endpoints
            .iter()
            .filter(|e| host_ok(e))
            .find_map(|e| at(e).map(|p| (e, p)))
        else {
            return;
        };
        let slash = start > 0 || path.starts_with('/');
        let plen = if slash {
            e.path.len()
        } else {
            e.path.len() - 1
        };
        let Some(span) = to_file(start..start + plen) else {
            return; // the deprecated path is all in the base: reported where the base is defined
        };
        let mut replacement = e.replacement.clone().unwrap_or_default();
        if !slash {
            replacement = replacement.trim_start_matches('/').to_string();
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

pub(super) fn url_parts(v: &str) -> (Option<&str>, usize) {
    let after_scheme = if let Some(i) = v.find("://") {
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
