//! Markdown read with a CommonMark parser (`pulldown-cmark`): code blocks (fenced, in list
//! items and blockquotes too) are read as their language; prose and inline code are scanned
//! for LinkedIn endpoint URLs and paths, OAuth scope names and `LinkedIn-Version: …` header
//! lines when the document is about the LinkedIn API. Everything is documentation (findings
//! capped at `info`); HTML comments stay comments (allow comments, secrets).
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated, version-sunset, version-inconsistent) -- unit-test inputs

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::{config, lexical, merge};
use crate::facts::{FileFacts, LitKind, Literal};
use crate::source::{Lang, SourceFile};

/// Read `file.text[start..end]` as Markdown.
pub fn extract(file: &SourceFile, start: usize, end: usize) -> FileFacts {
    let text = &file.text[..end];
    let md = &text[start..];
    let mut out = FileFacts::default();
    let about_linkedin = about_linkedin(md);
    // The open code block: its language and the contiguous source ranges of its text.
    let mut block: Option<(Option<Lang>, Vec<Range<usize>>)> = None;
    let mut comment_end = 0;
    // The prose block (paragraph, list item, table cell, heading) being read is a migration
    // note ("`/v2/me` was replaced by …"): what it names is history, not usage.
    let mut history = false;
    // The cells of the table row being read: a row `| LinkedIn-Version | 202401 |` is a
    // header and its value (the HTTP module set-up of a no-code tool's guide).
    let mut cells: Vec<Range<usize>> = Vec::new();
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES).into_offset_iter();
    for (ev, r) in parser {
        let r = r.start + start..r.end + start;
        match ev {
            Event::Start(Tag::TableHead | Tag::TableRow) => cells.clear(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) if about_linkedin && !history => {
                if let Some(lit) = header_row(text, &cells) {
                    out.literals.push(lit);
                }
            }
            Event::Start(Tag::TableCell) => cells.push(r.clone()),
            _ => {}
        }
        match ev {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => Lang::from_fence(&info),
                    CodeBlockKind::Indented => None,
                };
                block = Some((lang, Vec::new()));
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::Heading { .. }) => {
                history = migration_note(&text[r.clone()]);
            }
            Event::End(TagEnd::CodeBlock) => {
                match block.take() {
                    Some((Some(lang), ranges)) => {
                        for r in join(ranges) {
                            merge(&mut out, read_code(file, r, lang));
                        }
                    }
                    // A block of `NAME=value` lines with no language (the `.env` a README
                    // tells you to write): read as the `.env` file it is.
                    Some((None, ranges)) if is_env_block(text, &ranges) => {
                        for r in join(ranges) {
                            merge(&mut out, read_code(file, r, Lang::Env));
                        }
                    }
                    // No language we read (none given, `http`, `console`, an indented
                    // block): read it like prose, which finds URLs, paths, scope names and
                    // header lines without needing to know the syntax.
                    Some((None, ranges)) if about_linkedin => {
                        for r in join(ranges) {
                            prose(text, r, &mut out.literals);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => match &mut block {
                Some((_, ranges)) => ranges.push(r),
                None if about_linkedin && !history && text.get(r.clone()) == Some(&*t) => {
                    prose(text, r, &mut out.literals);
                }
                None => {}
            },
            Event::Code(c) if block.is_none() && about_linkedin && !history => {
                if let Some(k) = text[r.clone()].find(&*c) {
                    let s = r.start + k;
                    prose(text, s..s + c.len(), &mut out.literals);
                } else {
                    // A code span broken over lines (`curl -H … ⏎ "https://…"`): the parser
                    // joins its lines with a space, so read the source between the backticks.
                    prose(text, r, &mut out.literals);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) if r.start >= comment_end => {
                if let Some(c) = text[r.clone()].find("<!--") {
                    let (os, s) = (r.start + c, r.start + c + 4);
                    let e = text[s..].find("-->").map_or(text.len(), |i| s + i);
                    let oe = (e + 3).min(text.len());
                    let mut lit =
                        Literal::new(LitKind::Str, text[s..e].to_string(), s..e, os..oe, true);
                    lit.in_comment = true;
                    out.literals.push(lit);
                    comment_end = oe;
                }
            }
            _ => {}
        }
    }
    out.docs = true;
    // A document about the API: the paths it names are the API's (judged as docs).
    out.linkedin_context |= about_linkedin;
    out
}

/// A table row whose first cell names the `LinkedIn-Version` header and whose second holds a
/// version (`` | `LinkedIn-Version` | `202401` | ``): the version, as that header's value.
fn header_row(text: &str, cells: &[Range<usize>]) -> Option<Literal> {
    let [key, value, ..] = cells else {
        return None;
    };
    let unwrap = |r: &Range<usize>| {
        let cell = &text[r.clone()];
        let inner = cell.trim().trim_matches(['`', '"', '\'', '*']).trim();
        // Where the inner text starts: the cell's own text, so the span is exact.
        let at = r.start + cell.find(inner).unwrap_or(0);
        (inner, at)
    };
    let (k, _) = unwrap(key);
    let (v, at) = unwrap(value);
    if !k.eq_ignore_ascii_case("linkedin-version")
        || !(6..=8).contains(&v.len())
        || !v.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut lit = Literal::new(
        LitKind::Str,
        v.to_string(),
        at..at + v.len(),
        at..at + v.len(),
        true,
    );
    lit.header = Some(k.to_string());
    Some(lit)
}

fn read_code(file: &SourceFile, r: Range<usize>, lang: Lang) -> FileFacts {
    match lang {
        Lang::Yaml | Lang::Env | Lang::Properties => {
            config::extract(&file.text, r.start, r.end, lang)
        }
        Lang::Markdown | Lang::Notebook => FileFacts::default(),
        Lang::Html => super::html(file, r.start, r.end),
        Lang::Xml => super::xml::extract(&file.text, r.start, r.end),
        l => lexical(file, r.start, r.end, l),
    }
}

/// Every line of the block is an environment assignment (`LINKEDIN_API_VERSION=202510`,
/// `export K=v`) or a `#` comment, and there is at least one assignment.
fn is_env_block(text: &str, ranges: &[Range<usize>]) -> bool {
    let mut any = false;
    for r in ranges {
        for line in text[r.clone()].lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let line = line.strip_prefix("export ").unwrap_or(line);
            let Some((name, _)) = line.split_once('=') else {
                return false;
            };
            let name_ok = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            if !name_ok {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Merge ranges that touch (a block's lines) into one.
fn join(ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if last.end == r.start => last.end = r.end,
            _ => out.push(r),
        }
    }
    out
}

/// Does the document talk about LinkedIn's API (not just link to a LinkedIn profile)?
pub fn about_linkedin(md: &str) -> bool {
    let lc = md.to_ascii_lowercase();
    [
        "api.linkedin.com",
        "linkedin api",
        "linkedin-version",
        "linkedin.com/oauth",
        "linkedin.com/uas/",
        // Links to LinkedIn's API documentation, old and new (a provider list's section).
        "developer.linkedin.com",
        "learn.microsoft.com/en-us/linkedin",
        // A sign-in library's own README: the provider named in its code samples
        // (`passport.authenticate('linkedin', { scope: […] })`), or its strategy class.
        "'linkedin'",
        "\"linkedin\"",
        "linkedinstrategy",
        "linkedin oauth",
        // A sign-in library's README in words ("Android LinkedIn login integration").
        "linkedin login",
        "login with linkedin",
        "sign in with linkedin",
        "linkedin sign-in",
        "linkedin sign in",
        // Set-up steps: "Create a LinkedIn app at https://www.linkedin.com/developers/apps".
        "linkedin.com/developers",
    ]
    .iter()
    .any(|k| lc.contains(k))
}

/// Prose that tells what changed rather than what the code does.
fn migration_note(s: &str) -> bool {
    let lc = s.to_ascii_lowercase();
    [
        "used to",
        "no longer",
        "removed",
        "replaced",
        "instead of",
        "migrat",
        "deprecated",
        "previous",
    ]
    .iter()
    .any(|k| lc.contains(k))
}

/// Scan prose `text[r]` for endpoint URLs/paths, scope names and version header lines.
fn prose(text: &str, r: Range<usize>, lits: &mut Vec<Literal>) {
    let s = &text[r.clone()];
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let at_word = i == 0 || !is_word(b[i - 1]) && b[i - 1] != b'/' && b[i - 1] != b'.';
        let rest = &s[i..];
        let len = if !at_word {
            0
        } else if rest.starts_with("https://") || rest.starts_with("http://") {
            let n = token_len(rest);
            if rest[..n].contains("linkedin.com") {
                n
            } else {
                0
            }
        } else if ["/v1/", "/v2/", "/rest/"]
            .iter()
            .any(|p| rest.starts_with(p))
        {
            token_len(rest)
        } else if rest
            .as_bytes()
            .get(..16)
            .is_some_and(|h| h.eq_ignore_ascii_case(b"linkedin-version"))
        {
            let after = &rest[16..];
            let t = after.trim_start_matches([':', ' ', '\t', '=', '"', '\'']);
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            if (6..=8).contains(&digits) && after.len() - t.len() >= 1 {
                rest.len() - t.len() + digits
            } else {
                0
            }
        } else if rest.starts_with("r_") || rest.starts_with("w_") || rest.starts_with("rw_") {
            let n = rest.bytes().take_while(|c| is_word(*c)).count();
            let ok = n > 3
                && rest[..n]
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c == b'_' || c.is_ascii_digit());
            if ok { n } else { 0 }
        } else {
            0
        };
        if len > 0 {
            let (st, en) = (r.start + i, r.start + i + len);
            lits.push(Literal::new(
                LitKind::Str,
                text[st..en].to_string(),
                st..en,
                st..en,
                true,
            ));
            i += len;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Length of a URL or path token: up to whitespace or a closing bracket/quote, without
/// trailing sentence punctuation.
fn token_len(s: &str) -> usize {
    let n = s
        .find(|c: char| {
            c.is_whitespace() || matches!(c, ')' | '>' | ']' | '"' | '\'' | '`' | '<' | '|')
        })
        .unwrap_or(s.len());
    s[..n]
        .trim_end_matches(['.', ',', ':', ';', '!', '?'])
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(md: &str) -> Vec<(String, bool)> {
        let f = SourceFile::new("README.md", Lang::Markdown, md.as_bytes().to_vec());
        let facts = extract(&f, 0, md.len());
        facts
            .literals
            .iter()
            .map(|l| {
                assert_eq!(&md[l.span.clone()], l.value);
                (l.value.clone(), l.in_comment)
            })
            .collect()
    }

    #[test]
    fn restructured_text_is_read_as_markdown() {
        // Sphinx docs (`.rst`, read by this reader): a `code-block` directive's indented body
        // is an indented code block here, scanned like prose in a document about LinkedIn.
        assert_eq!(
            Lang::detect(std::path::Path::new("docs/examples/linkedin.rst"), b""),
            Some(Lang::Markdown)
        );
        // So is a WordPress plugin's `readme.txt`, and any other text file (a setup guide).
        assert_eq!(
            Lang::detect(std::path::Path::new("readme.txt"), b""),
            Some(Lang::Markdown)
        );
        assert_eq!(
            Lang::detect(std::path::Path::new("docs/requests.txt"), b""),
            Some(Lang::Markdown)
        );
        assert_eq!(Lang::detect(std::path::Path::new("notes.log"), b""), None);
        let rst = "LinkedIn OAuth 2 Tutorial\n=========================\n\n.. code-block:: pycon\n\n    >>> scope = ['r_liteprofile']\n    >>> authorization_base_url = 'https://www.linkedin.com/oauth/v2/authorization'\n    >>> r = linkedin.get('https://api.linkedin.com/v2/me')\n";
        let v: Vec<_> = values(rst).into_iter().map(|(v, _)| v).collect();
        assert!(v.iter().any(|v| v == "r_liteprofile"), "{v:?}");
        assert!(
            v.iter().any(|v| v == "https://api.linkedin.com/v2/me"),
            "{v:?}"
        );
    }

    /// Modelled on an MCP server's README (round 25): the `.env` to write, in a block with
    /// no language, is read as a `.env` file (its version is judged); a shell session with
    /// an assignment among commands is not.
    #[test]
    fn an_unlabelled_block_of_assignments_is_a_dotenv() {
        let md = "# Setup\n\nAdd these fields to `.env`:\n\n```\nLINKEDIN_CLIENT_ID=your_id\n# pinned\nexport LINKEDIN_API_VERSION=202510\n```\n";
        let f = SourceFile::new("README.md", Lang::Markdown, md.as_bytes().to_vec());
        let facts = extract(&f, 0, md.len());
        let named: Vec<_> = facts
            .literals
            .iter()
            .filter(|l| !l.in_comment)
            .map(|l| (l.name.as_deref().unwrap_or(""), l.value.as_str()))
            .collect();
        assert_eq!(
            named,
            [
                ("LINKEDIN_CLIENT_ID", "your_id"),
                ("LINKEDIN_API_VERSION", "202510")
            ]
        );
        let md = "# Setup\n\n```\nLINKEDIN_API_VERSION=202510\nnpm start\n```\n";
        let f = SourceFile::new("README.md", Lang::Markdown, md.as_bytes().to_vec());
        assert!(
            extract(&f, 0, md.len())
                .literals
                .iter()
                .all(|l| l.name.is_none())
        );
    }

    #[test]
    fn a_sign_in_librarys_readme_is_about_linkedin() {
        // An indented sample (no language) in the README of a strategy that names no URL.
        let md = "# Passport-LinkedIn\n\nRequest more permissions:\n\n    app.get('/auth/linkedin',\n      passport.authenticate('linkedin', { scope: ['r_basicprofile', 'r_emailaddress'] }));\n";
        let v: Vec<_> = values(md).into_iter().map(|(v, _)| v).collect();
        assert!(v.iter().any(|v| v == "r_emailaddress"), "{v:?}");
        // A page that only links to a LinkedIn profile is not.
        let md = "# Me\n\nFind me on [LinkedIn](https://www.linkedin.com/in/me).\n\n    scope: ['r_emailaddress']\n";
        assert!(values(md).is_empty());
        // An Android sign-in library that says what it is in words, and tells in prose which
        // scopes to pass (inline code).
        let md = "# Android-LinkedIn-Login\nAndroid LinkedIn login integration with email.\n\nProvide permission `scope=listOf(\"r_liteprofile\", \"r_emailaddress\")` at start.\n";
        let v: Vec<_> = values(md).into_iter().map(|(v, _)| v).collect();
        assert!(v.iter().any(|v| v.contains("r_liteprofile")), "{v:?}");
        // A bot's set-up steps: create the app on LinkedIn's developer portal and request
        // these permissions (RorieDev/linkedin's MCP server).
        let md = "LinkedIn MCP Server\n\n1. Create a LinkedIn app at https://www.linkedin.com/developers/apps and request the `w_member_social`, `r_liteprofile`, and `r_emailaddress` permissions.\n";
        let v: Vec<_> = values(md).into_iter().map(|(v, _)| v).collect();
        assert!(v.iter().any(|v| v == "r_liteprofile"), "{v:?}");
    }

    #[test]
    fn a_provider_lists_linkedin_section_is_about_linkedin() {
        // A multi-provider auth plugin's provider list: the section links LinkedIn's developer
        // docs and names the legacy `/uas/oauth2` URLs, but no API host.
        let md = "### GitHub\n\n- `scope`: Defaults to `['user:email']`\n\n### LinkedIn\n\n[Provider Documentation](https://developer.linkedin.com/docs/oauth2)\n\n- `scope`: Defaults to `['r_basicprofile', 'r_emailaddress']`\n- `auth`: https://www.linkedin.com/uas/oauth2/authorization\n";
        let v: Vec<_> = values(md).into_iter().map(|(v, _)| v).collect();
        assert!(v.iter().any(|v| v == "r_emailaddress"), "{v:?}");
        assert!(
            v.iter()
                .any(|v| v == "https://www.linkedin.com/uas/oauth2/authorization"),
            "{v:?}"
        );
        // Without the link and the URL, a list of provider names says nothing about the API.
        let md = "### LinkedIn\n\n- `scope`: Defaults to `['r_basicprofile', 'r_emailaddress']`\n";
        assert!(values(md).is_empty());
    }

    #[test]
    fn prose_list_items_tables_and_nested_fences() {
        let md = "# LinkedIn API\n\n- Call `GET /v2/me` with scope r_liteprofile.\n- Send `LinkedIn-Version: 202304`.\n\n| a | https://api.linkedin.com/v2/shares |\n|---|---|\n\n> ```sh\n> curl https://api.linkedin.com/v2/ugcPosts\n> ```\n\n<!-- linkedin-lint: allow(x) -->\n";
        let v: Vec<_> = values(md).into_iter().map(|(v, _)| v).collect();
        assert_eq!(
            v,
            [
                "/v2/me",
                "r_liteprofile",
                "LinkedIn-Version: 202304",
                "https://api.linkedin.com/v2/shares",
                "https://api.linkedin.com/v2/ugcPosts",
                " linkedin-lint: allow(x) "
            ]
        );
    }

    #[test]
    fn blocks_without_a_language_are_read_like_prose() {
        // Shapes from real READMEs: an unlabelled Go snippet, an indented HTTP request.
        let md = "# LinkedIn API client\n\n```\nscopes := []string{\"r_liteprofile\", \"r_emailaddress\"}\n```\n\n    GET https://api.linkedin.com/v2/me\n";
        let v: Vec<_> = values(md).into_iter().map(|(v, _)| v).collect();
        assert_eq!(
            v,
            [
                "r_liteprofile",
                "r_emailaddress",
                "https://api.linkedin.com/v2/me"
            ]
        );
        // Not in a document that is not about the LinkedIn API.
        assert!(values("# Notes\n\n```\nr_liteprofile\n```\n").is_empty());
    }

    #[test]
    fn migration_notes_are_history_not_usage() {
        let md = "# LinkedIn API\n\nWe used to call `/v2/me`; it was replaced by `/v2/userinfo`.\n\nCall `/v2/shares`.\n";
        let v: Vec<_> = values(md).into_iter().map(|(v, _)| v).collect();
        assert_eq!(v, ["/v2/shares"]);
    }

    #[test]
    fn prose_without_linkedin_api_context_is_not_read() {
        assert!(values("# Other\n\nCall `/v2/me` with r_liteprofile.\n").is_empty());
    }
}
