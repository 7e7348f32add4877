//! Extraction: a file's text → [`FileFacts`]. One reader per language family:
//! Rust with syn ([`rust`]); code in other languages with a careful lexer ([`lexer`]) and the
//! shared context analyzer ([`context`]); YAML, `.env`, `.properties`/INI and HTTP snippets
//! line by line ([`config`]); Markdown with a CommonMark parser ([`markdown`]).
// linkedin-lint: allow-file(endpoint-deprecated, version-sunset, version-inconsistent, scope-deprecated) -- unit-test inputs

pub mod config;
pub mod context;
pub mod lexer;
pub mod lisp;
pub mod markdown;
pub mod notebook;
pub mod rust;
pub mod xml;

use crate::facts::FileFacts;
use crate::source::{Lang, SourceFile};

/// Extract the facts of one file.
pub fn extract(file: &SourceFile) -> FileFacts {
    match file.lang {
        Lang::Rust => rust::extract(file),
        Lang::Markdown => markdown::extract(file, 0, file.text.len()),
        Lang::Yaml | Lang::Env | Lang::Properties => {
            config::extract(&file.text, 0, file.text.len(), file.lang)
        }
        Lang::Html => html(file, 0, file.text.len()),
        Lang::Xml => xml::extract(&file.text, 0, file.text.len()),
        Lang::Notebook => notebook::extract(file),
        lang => lexical(file, 0, file.text.len(), lang),
    }
}

/// HTML (and HTML templates: EJS, ERB, Handlebars, Twig, Nunjucks): the code of its
/// `<script>` elements (not `src=` ones, not data blocks such as
/// `type="application/ld+json"`), read as JavaScript, and the URLs of its links and forms
/// (`<a href="https://www.linkedin.com/oauth/v2/authorization?…&scope=…">`); other markup and
/// text are not read.
pub fn html(file: &SourceFile, start: usize, end: usize) -> FileFacts {
    // Only this range, lower-cased once (a Markdown file calls this per `html` block). `lower`
    // is indexed from `start`: ASCII lower-casing keeps every byte offset.
    let lower = file.text[start..end].to_ascii_lowercase();
    let find = |from: usize, pat: &str| lower[from - start..].find(pat).map(|i| from + i);
    let mut out = FileFacts::default();
    let mut scripts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = start;
    while let Some(tag_start) = find(at, "<script") {
        let Some(tag_end) = find(tag_start, ">") else {
            break;
        };
        let tag = &lower[tag_start - start..tag_end - start];
        let body = tag_end + 1;
        let close = find(body, "</script").unwrap_or(end);
        let script = tag
            .split_once("type=")
            .map(|(_, t)| t.trim_start_matches(['"', '\'']))
            .is_none_or(|t| {
                t.starts_with("module")
                    || t.starts_with("text/javascript")
                    || t.starts_with("application/javascript")
            });
        if script && close > body {
            merge(&mut out, lexical(file, body, close, Lang::JavaScript));
        }
        scripts.push(tag_start..close.max(body));
        at = close.max(body);
    }
    let mut comments: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = start;
    while let Some(open) = find(at, "<!--") {
        let close = find(open + 4, "-->").map_or(end, |c| c + 3);
        comments.push(open..close);
        at = close;
    }
    let inside =
        |ranges: &[std::ops::Range<usize>], p: usize| ranges.iter().any(|r| r.contains(&p));
    for attr in ["href=", "action="] {
        let mut at = start;
        while let Some(p) = find(at, attr) {
            at = p + attr.len();
            let spaced = p > start && file.text.as_bytes()[p - 1].is_ascii_whitespace();
            let Some(&q) = file
                .text
                .as_bytes()
                .get(at)
                .filter(|&&q| q == b'"' || q == b'\'')
            else {
                continue;
            };
            if !spaced || inside(&scripts, p) {
                continue;
            }
            let vs = at + 1;
            let Some(ve) = file.text[vs..end].find(q as char).map(|i| vs + i) else {
                break;
            };
            at = ve + 1;
            let raw = &file.text[vs..ve];
            let (value, exact) = if raw.contains("&amp;") {
                (raw.replace("&amp;", "&"), false)
            } else {
                (raw.to_string(), true)
            };
            if !context::gives_context(&value) && !value.contains("linkedin.com") {
                continue;
            }
            let mut lit = crate::facts::Literal::new(
                crate::facts::LitKind::Str,
                value,
                vs..ve,
                vs - 1..ve + 1, // with its quotes
                exact,
            );
            lit.in_comment = inside(&comments, p);
            out.linkedin_context |= !lit.in_comment;
            out.literals.push(lit);
        }
    }
    out.literals.sort_by_key(|l| l.span.start);
    out
}

/// Lex `text[start..end]` as `lang` and analyze the tokens.
pub fn lexical(file: &SourceFile, start: usize, end: usize, lang: Lang) -> FileFacts {
    let mut lexed = lexer::lex(&file.text, start, end, lang);
    if lang == Lang::Clojure {
        lisp::pair_forms(&mut lexed);
    }
    context::analyze(lexed)
}

/// Add the facts of one block (a Markdown code block) to the file's. Each block numbers its
/// lists from 1, so its list ids are moved past the file's: otherwise the lists of two blocks
/// were one, and a scope fix in the second block deleted scopes "already in" the first.
fn merge(into: &mut FileFacts, from: FileFacts) {
    into.linkedin_context |= from.linkedin_context;
    into.local_server |= from.local_server;
    into.client_sends_version |= from.client_sends_version;
    let offset = into
        .literals
        .iter()
        .filter_map(|l| l.list)
        .max()
        .unwrap_or(0);
    into.literals.extend(from.literals.into_iter().map(|mut l| {
        l.list = l.list.map(|id| id + offset);
        l
    }));
    into.defines.extend(from.defines);
    into.uses.extend(from.uses);
    into.version_keys.extend(from.version_keys);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_reads_its_scripts_as_javascript() {
        let page = "<html><head><script src=\"https://platform.linkedin.com/in.js\"></script>\n<script type=\"application/ld+json\">{\"url\": \"/v2/me\"}</script>\n<SCRIPT>\n  IN.API.Raw('/people/~/current-status').result(show);\n</SCRIPT></head>\n<body><p>'/v2/ugcPosts'</p></body></html>";
        let f = SourceFile::new("demo.html", Lang::Html, page.as_bytes().to_vec());
        let facts = extract(&f);
        let vals: Vec<_> = facts.literals.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(vals, ["/people/~/current-status"]);
        let l = &facts.literals[0];
        assert_eq!(&page[l.span.clone()], "/people/~/current-status");
    }

    /// An Express app's login page (an EJS view): the sign-in link is the request.
    #[test]
    fn html_reads_the_urls_of_its_links_and_forms() {
        let page = "<html>\n  <body>\n    <!-- <a href=\"https://www.linkedin.com/uas/oauth2/authorization\">old</a> -->\n    <a href=\"https://www.linkedin.com/oauth/v2/authorization?response_type=code&client_id=7852\n&redirect_uri=http://localhost:8080/auth/linkedin/callback&state=<%= state %>&scope=r_basicprofile r_emailaddress\">Login with Linkedin </a>\n    <a href='/about'>About</a>\n    <form action=\"https://api.linkedin.com/v2/ugcPosts?a=1&amp;b=2\"></form>\n  </body>\n</html>\n";
        let f = SourceFile::new("views/login.ejs", Lang::Html, page.as_bytes().to_vec());
        let facts = extract(&f);
        let got: Vec<_> = facts
            .literals
            .iter()
            .map(|l| (l.value.as_str(), l.in_comment, l.exact))
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[0],
            (
                "https://www.linkedin.com/uas/oauth2/authorization",
                true,
                true
            )
        );
        assert!(got[1].0.ends_with("&scope=r_basicprofile r_emailaddress"));
        assert_eq!(&page[facts.literals[1].span.clone()], got[1].0);
        assert_eq!(
            got[2],
            ("https://api.linkedin.com/v2/ugcPosts?a=1&b=2", false, false)
        );
        assert!(facts.linkedin_context);
    }

    #[test]
    fn markdown_reads_fenced_blocks_and_inline_code_as_docs() {
        let md = "# LinkedIn\nCall `/v2/me` here.\n\n```bash\ncurl -H 'LinkedIn-Version: 202301' https://api.linkedin.com/v2/me\n```\n";
        let f = SourceFile::new("README.md", Lang::Markdown, md.as_bytes().to_vec());
        let facts = extract(&f);
        let vals: Vec<_> = facts.literals.iter().map(|l| l.value.as_str()).collect();
        assert!(vals.contains(&"LinkedIn-Version: 202301"), "{vals:?}");
        assert!(vals.contains(&"https://api.linkedin.com/v2/me"), "{vals:?}");
        // Inline code in a document about the LinkedIn API is read too (as docs, not comments).
        assert!(vals.contains(&"/v2/me"), "{vals:?}");
        assert!(facts.docs);
    }
}
