//! Line-oriented readers for configuration: YAML, `.env`, `.properties`/INI.
//!
//! Each scalar becomes a literal named by its dotted key path (`linkedin.api_version`), so the
//! checks see `LINKEDIN_VERSION=202401` and `api_version: 202401` under a `linkedin` key the
//! same way they see a Rust const. Sequences (`- r_liteprofile`, `[a, b]`) share a list id.
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated) -- unit-test inputs

use crate::facts::{FileFacts, LitKind, Literal};
use crate::source::Lang;

/// Read `text[start..end]` as a config file of `lang`.
pub fn extract(text: &str, start: usize, end: usize, lang: Lang) -> FileFacts {
    let mut r = Reader {
        text,
        out: FileFacts::default(),
        next_list: 1000,
    };
    match lang {
        Lang::Yaml => r.yaml(start, end),
        _ => r.keyvalue(start, end),
    }
    let mut f = r.out;
    // docker-compose's `LINKEDIN_API_VERSION: ${LINKEDIN_API_VERSION:-202411}`: the default
    // is what is sent unless the environment says otherwise.
    let defaults: Vec<Literal> = f
        .literals
        .iter()
        .filter_map(super::context::placeholder_default)
        .collect();
    f.literals.extend(defaults);
    f.linkedin_context = mentions_linkedin(&f.literals);
    f
}

/// A config gives LinkedIn context when a value or a key outside comments names LinkedIn.
pub(super) fn mentions_linkedin(literals: &[Literal]) -> bool {
    literals.iter().any(|l| {
        !l.in_comment
            && (l.value.to_ascii_lowercase().contains("linkedin")
                || l.name
                    .as_deref()
                    .is_some_and(|n| n.to_ascii_lowercase().contains("linkedin")))
    })
}

struct Reader<'a> {
    text: &'a str,
    out: FileFacts,
    next_list: u32,
}

fn lines(text: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = start;
    std::iter::from_fn(move || {
        if pos >= end {
            return None;
        }
        let e = text[pos..end].find('\n').map_or(end, |i| pos + i);
        let line = (pos, text[pos..e].trim_end_matches('\r'));
        pos = e + 1;
        Some(line)
    })
}

impl Reader<'_> {
    /// Push the scalar `text[s..e]` (already trimmed), unquoting it.
    fn scalar(&mut self, s: usize, e: usize, name: Option<String>, list: Option<u32>) {
        let raw = &self.text[s..e];
        if raw.is_empty() {
            return;
        }
        let b = raw.as_bytes();
        let quoted = b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[b.len() - 1] == b[0];
        let (cs, ce) = if quoted { (s + 1, e - 1) } else { (s, e) };
        let src = &self.text[cs..ce];
        let (value, exact) = if quoted && b[0] == b'"' {
            super::lexer::unescape(src)
        } else {
            (src.to_string(), true)
        };
        let kind = if !quoted && value.bytes().all(|c| c.is_ascii_digit()) {
            LitKind::Int
        } else {
            LitKind::Str
        };
        let mut lit = Literal::new(kind, value, cs..ce, s..e, exact);
        lit.name = name;
        lit.list = list;
        lit.lead_ident = super::lexer::lead_ident(src, true);
        self.out.literals.push(lit);
    }

    fn comment(&mut self, s: usize, e: usize) {
        let mut lit = Literal::new(LitKind::Str, self.text[s..e].to_string(), s..e, s..e, true);
        lit.in_comment = true;
        self.out.literals.push(lit);
    }

    /// Strip a trailing ` # comment` outside quotes; returns the end of the value.
    fn value_end(&mut self, s: usize, e: usize) -> usize {
        let v = &self.text[s..e];
        let mut q: Option<char> = None;
        for (i, c) in v.char_indices() {
            match (q, c) {
                (None, '"' | '\'') if i == 0 || v[..i].ends_with([' ', '[', ',', ':']) => {
                    q = Some(c)
                }
                (Some(x), c) if c == x => q = None,
                (None, '#') if i == 0 || v[..i].ends_with([' ', '\t']) => {
                    self.comment(s + i + 1, e);
                    return s + v[..i].trim_end().len();
                }
                _ => {}
            }
        }
        s + v.trim_end().len()
    }

    fn flow_list(&mut self, s: usize, e: usize, name: Option<String>) {
        // `[a, "b", c]` on one line.
        self.next_list += 1;
        let list = Some(self.next_list);
        let inner_s = s + 1;
        let inner_e = if self.text[..e].ends_with(']') {
            e - 1
        } else {
            e
        };
        let mut p = inner_s;
        for part in self.text[inner_s..inner_e].split(',') {
            let lead = part.len() - part.trim_start().len();
            let (ps, pe) = (p + lead, p + part.trim_end().len());
            if pe > ps {
                self.scalar(ps, pe, name.clone(), list);
            }
            p += part.len() + 1;
        }
    }

    fn yaml(&mut self, start: usize, end: usize) {
        // Stack of (indent, key).
        let mut keys: Vec<(usize, String)> = Vec::new();
        let mut seq_list: Option<(usize, u32)> = None;
        let mut block_scalar: Option<usize> = None;
        for (ls, line) in lines(self.text, start, end) {
            let content = line.trim_start();
            let indent = line.len() - content.len();
            if content.is_empty() {
                continue;
            }
            if let Some(bi) = block_scalar {
                if indent > bi {
                    let s = ls + indent;
                    let name = Some(path(&keys));
                    self.scalar(s, ls + line.len(), name, None);
                    continue;
                }
                block_scalar = None;
            }
            if content.starts_with('#') {
                self.comment(ls + indent + 1, ls + line.len());
                continue;
            }
            if content == "---" || content == "..." {
                keys.clear();
                continue;
            }
            let mut s = ls + indent;
            let e = ls + line.len();
            let mut item_indent = indent;
            // `- item` or `- key: value`.
            let mut in_seq = false;
            while self.text[s..e].starts_with("- ") || &self.text[s..e] == "-" {
                in_seq = true;
                s += 1;
                while s < e && self.text.as_bytes()[s] == b' ' {
                    s += 1;
                }
                item_indent = s - ls;
            }
            while keys
                .last()
                .is_some_and(|(i, _)| *i >= if in_seq { indent + 1 } else { item_indent })
            {
                keys.pop();
            }
            if !in_seq && seq_list.is_some_and(|(i, _)| indent <= i) {
                // A key at the sequence's level or above ends it: the next `- item` starts
                // another list.
                seq_list = None;
            }
            if in_seq {
                let list = match seq_list {
                    Some((i, l)) if i == indent => l,
                    _ => {
                        self.next_list += 1;
                        seq_list = Some((indent, self.next_list));
                        self.next_list
                    }
                };
                if let Some((k, v)) = split_key(&self.text[s..e]) {
                    let _ = (k, v);
                } else {
                    let ve = self.value_end(s, e);
                    let name = Some(path(&keys));
                    // docker-compose `environment:` lists: `- KEY=value`.
                    if let Some((k, _)) = self.text[s..ve].split_once('=') {
                        if !k.is_empty()
                            && k.bytes()
                                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
                        {
                            self.scalar(s + k.len() + 1, ve, Some(k.to_string()), None);
                            continue;
                        }
                    }
                    if self.text[s..ve].starts_with('[') {
                        self.flow_list(s, ve, name);
                    } else {
                        self.scalar(s, ve, name, Some(list));
                    }
                    continue;
                }
            }
            let Some((klen, vstart)) = split_key(&self.text[s..e]) else {
                let ve = self.value_end(s, e);
                self.scalar(s, ve, Some(path(&keys)), None);
                continue;
            };
            let key = self.text[s..s + klen]
                .trim()
                .trim_matches(['"', '\''])
                .to_string();
            keys.push((item_indent, key));
            let vs = s + vstart;
            let vs = vs + (self.text[vs..e].len() - self.text[vs..e].trim_start().len());
            let ve = self.value_end(vs, e);
            if vs >= ve {
                continue;
            }
            let v = &self.text[vs..ve];
            if v.starts_with('|') || v.starts_with('>') {
                block_scalar = Some(indent);
                continue;
            }
            let name = Some(path(&keys));
            if v.starts_with('[') {
                self.flow_list(vs, ve, name);
            } else if !v.starts_with('{') && !v.starts_with('&') && !v.starts_with('*') {
                self.scalar(vs, ve, name, None);
            }
        }
    }

    /// `.env`, `.properties`, INI and HTTP-request snippets: `KEY=value`, `key: value`,
    /// `[section]`, `GET https://…`.
    fn keyvalue(&mut self, start: usize, end: usize) {
        let mut section: Option<String> = None;
        for (ls, line) in lines(self.text, start, end) {
            let content = line.trim_start();
            let s = ls + (line.len() - content.len());
            let e = ls + line.len();
            if content.is_empty() {
                continue;
            }
            if content.starts_with(['#', ';', '!']) {
                self.comment(s + 1, e);
                continue;
            }
            if content.starts_with('[') && content.trim_end().ends_with(']') {
                section = Some(content.trim().trim_matches(['[', ']']).trim().to_string());
                continue;
            }
            let content = content.strip_prefix("export ").unwrap_or(content);
            let s = e - content.len();
            // `GET https://…` request lines (HTTP snippets in docs).
            let method = content
                .split_once(' ')
                .filter(|(m, _)| HTTP_METHODS.contains(m));
            if let Some((_, url)) = method {
                let url = url.trim_start();
                let us = e - url.len();
                let ue = us + url.split_whitespace().next().unwrap_or("").len();
                self.scalar(us, ue, None, None);
                continue;
            }
            let Some(sep) = content.find(['=', ':']) else {
                continue;
            };
            let key = content[..sep].trim();
            if key.is_empty() || key.contains(' ') {
                continue;
            }
            let vs = s + sep + 1;
            let vs = vs + (self.text[vs..e].len() - self.text[vs..e].trim_start().len());
            let ve = self.value_end(vs, e);
            let name = match &section {
                Some(sec) => format!("{sec}.{key}"),
                None => key.to_string(),
            };
            if vs < ve {
                self.scalar(vs, ve, Some(name), None);
            }
        }
    }
}

const HTTP_METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// `key: rest` → (key length, offset of rest). Quoted keys allowed; `http://x` is not a key.
fn split_key(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'"' | b'\'')) {
        let q = b[0];
        i = 1 + s[1..].find(q as char)? + 1;
    }
    while i < b.len() {
        if b[i] == b':' && (i + 1 == b.len() || b[i + 1] == b' ' || b[i + 1] == b'\t') {
            return Some((i, i + 1));
        }
        if b[i] == b' ' && i > 0 && !matches!(b[0], b'"' | b'\'') && s[..i].contains(['[', '{']) {
            return None;
        }
        i += 1;
    }
    None
}

fn path(keys: &[(usize, String)]) -> String {
    keys.iter()
        .map(|(_, k)| k.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit<'a>(f: &'a FileFacts, v: &str) -> &'a Literal {
        f.literals
            .iter()
            .find(|l| l.value == v)
            .unwrap_or_else(|| panic!("no {v:?} in {:?}", f.literals))
    }

    #[test]
    fn yaml_paths_lists_and_comments() {
        let src = "linkedin:\n  api_version: \"202401\" # pinned\n  scopes:\n    - r_liteprofile\n    - r_emailaddress\n  base: https://api.linkedin.com\nother: [a, 'b']\n";
        let f = extract(src, 0, src.len(), Lang::Yaml);
        let v = lit(&f, "202401");
        assert_eq!(v.name.as_deref(), Some("linkedin.api_version"));
        assert_eq!(&src[v.span.clone()], "202401");
        assert_eq!(
            lit(&f, "r_liteprofile").name.as_deref(),
            Some("linkedin.scopes")
        );
        assert_eq!(
            lit(&f, "r_liteprofile").list,
            lit(&f, "r_emailaddress").list
        );
        assert_eq!(
            lit(&f, "https://api.linkedin.com").name.as_deref(),
            Some("linkedin.base")
        );
        assert_eq!(lit(&f, "b").name.as_deref(), Some("other"));
        assert!(lit(&f, " pinned").in_comment);
        assert!(f.linkedin_context);
    }

    #[test]
    fn request_line_with_several_spaces() {
        // Found by the property test: the URL's offset ignored extra spaces.
        let src = "GET   https://api.linkedin.com/v2/me 🙂\n";
        let f = extract(src, 0, src.len(), Lang::Properties);
        assert_eq!(
            &src[lit(&f, "https://api.linkedin.com/v2/me").span.clone()],
            "https://api.linkedin.com/v2/me"
        );
    }

    #[test]
    fn sibling_yaml_sequences_are_separate_lists() {
        for src in [
            "a:\n  scopes:\n    - r_liteprofile\n  other:\n    - r_emailaddress\n",
            "scopes:\n- r_liteprofile\nother:\n- r_emailaddress\n",
        ] {
            let f = extract(src, 0, src.len(), Lang::Yaml);
            assert_ne!(
                lit(&f, "r_liteprofile").list,
                lit(&f, "r_emailaddress").list,
                "{src}"
            );
        }
        // Keys inside an item do not end the sequence.
        let src = "- name: x\n  scope: r_liteprofile\n- r_emailaddress\n- w_member_social\n";
        let f = extract(src, 0, src.len(), Lang::Yaml);
        assert_eq!(
            lit(&f, "r_emailaddress").list,
            lit(&f, "w_member_social").list
        );
    }

    #[test]
    fn env_and_ini() {
        let src = "# LinkedIn\nexport LINKEDIN_VERSION=202304\nLINKEDIN_SCOPE=\"r_liteprofile r_emailaddress\"\n[linkedin]\nversion = 202305\n";
        let f = extract(src, 0, src.len(), Lang::Env);
        assert_eq!(lit(&f, "202304").name.as_deref(), Some("LINKEDIN_VERSION"));
        assert_eq!(lit(&f, "202304").kind, LitKind::Int);
        assert_eq!(
            lit(&f, "r_liteprofile r_emailaddress").name.as_deref(),
            Some("LINKEDIN_SCOPE")
        );
        assert_eq!(lit(&f, "202305").name.as_deref(), Some("linkedin.version"));
    }
}
