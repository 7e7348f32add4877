//! Rust: tokenised by proc-macro2 (syn's tokeniser, with `span-locations`) and each literal
//! read by `syn::Lit`, so every literal is found with its exact span and value, raw strings
//! and macro bodies (`format!`, `concat!`, `json!`, `vec!`) included. A file that does not
//! tokenise as Rust is still read lexically, with a note.
//!
//! The tokens are all the facts need. The file is not also parsed into a `syn::File`: that
//! parse only checked the grammar, cost half of the Rust reader's time (issue 16), and its
//! failures (a nightly feature, a `{{placeholder}}` template) sent a file whose every token
//! was exact to the less precise lexer.
// linkedin-lint: allow-file(endpoint-deprecated) -- unit-test inputs

use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use super::lexer::{self, Lexed, Tok};
use crate::facts::{FileFacts, LitKind, Literal};
use crate::source::{Lang, SourceFile};

/// Deeper bracket nesting than this is not tokenised (the token tree is walked, and
/// dropped, recursively); such files are read lexically instead of risking a stack overflow.
pub const MAX_PARSE_DEPTH: usize = 256;

/// Extract the facts of a Rust file.
pub fn extract(file: &SourceFile) -> FileFacts {
    let facts = extract_spanned(file);
    // proc-macro2 keeps the text of every file it has tokenised, for its span locations, in a
    // map per thread that only grows (and panics past 4 GB): a long scan or the language
    // server would keep every Rust file it ever read. Every span has become a byte offset.
    proc_macro2::extra::invalidate_current_thread_spans();
    facts
}

fn extract_spanned(file: &SourceFile) -> FileFacts {
    let text = &file.text;
    let depth = max_depth(text.as_bytes());
    if depth > MAX_PARSE_DEPTH {
        let mut f = super::lexical(file, 0, text.len(), Lang::Rust);
        f.note = Some(format!(
            "nesting depth {depth} exceeds {MAX_PARSE_DEPTH}; read lexically instead of as Rust tokens"
        ));
        return f;
    }
    // proc-macro2 does not accept a byte-order mark; a space keeps every char column.
    let src = text.strip_prefix('\u{feff}').map(|r| format!(" {r}"));
    let src = src.as_deref().unwrap_or(text);
    let parsed = TokenStream::from_str(src).map_err(|e| {
        let s = e.span().start();
        format!("{}:{}: {e}", s.line, s.column + 1)
    });
    match parsed {
        Ok(ts) => {
            let mut lexed = Lexed::default();
            let mut code = Vec::new();
            convert(file, ts, &mut lexed, &mut code);
            // Comments are not tokens (for secrets only): they lie between the literal tokens,
            // so only those gaps are searched, not the whole file lexed again (issue 16).
            lexed
                .lits
                .extend(lexer::comments_outside(text, &code, Lang::Rust));
            super::context::analyze(lexed)
        }
        Err(msg) => {
            let mut f = super::lexical(file, 0, text.len(), Lang::Rust);
            f.note = Some(format!(
                "this file does not tokenise as Rust ({msg}); read lexically"
            ));
            f
        }
    }
}

/// Maximum nesting of `([{`, counted roughly (strings are not skipped: an overestimate only
/// sends a file to the lexer).
fn max_depth(s: &[u8]) -> usize {
    let (mut d, mut max) = (0usize, 0usize);
    for &b in s {
        match b {
            b'(' | b'[' | b'{' => {
                d += 1;
                max = max.max(d);
            }
            b')' | b']' | b'}' => d = d.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// `code` gets the byte range of every literal token, in order (the places no comment is).
fn convert(
    file: &SourceFile,
    ts: TokenStream,
    out: &mut Lexed<'_>,
    code: &mut Vec<std::ops::Range<usize>>,
) {
    let mut iter = ts.into_iter().peekable();
    while let Some(tt) = iter.next() {
        match tt {
            TokenTree::Group(g) => {
                // `//! …` is `#![doc = "…"]`: an inner doc comment, a comment as `///` is.
                if out.toks.ends_with(&[Tok::Punct('#'), Tok::Punct('!')]) && is_doc(&g) {
                    out.toks.truncate(out.toks.len() - 2);
                    doc_ranges(file, &g, code);
                    continue;
                }
                // The group is dropped before its stream is iterated: with no other owner,
                // proc-macro2 hands the tokens over instead of copying them.
                let (delimiter, stream) = (g.delimiter(), g.stream());
                drop(g);
                let (open, close) = match delimiter {
                    Delimiter::Parenthesis => ('(', ')'),
                    Delimiter::Bracket => ('[', ']'),
                    Delimiter::Brace => ('{', '}'),
                    Delimiter::None => {
                        convert(file, stream, out, code);
                        continue;
                    }
                };
                out.toks.push(Tok::Punct(open));
                convert(file, stream, out, code);
                out.toks.push(Tok::Punct(close));
            }
            TokenTree::Ident(i) => out.toks.push(Tok::Ident(i.to_string().into())),
            TokenTree::Punct(p) => {
                // `#[doc = "…"]` is a doc comment: the lexer reports comments.
                if p.as_char() == '#' {
                    if let Some(TokenTree::Group(g)) = iter.peek() {
                        if is_doc(g) {
                            doc_ranges(file, g, code);
                            iter.next();
                            continue;
                        }
                    }
                }
                out.toks.push(Tok::Punct(p.as_char()));
            }
            TokenTree::Literal(l) => {
                let span = l.span();
                let (s, e) = (span.start(), span.end());
                let range = file.offset_of(s.line, s.column)..file.offset_of(e.line, e.column);
                code.push(range.clone());
                if let Some(lit) = literal(file, l, range) {
                    out.lits.push(lit);
                    out.toks.push(Tok::Lit(out.lits.len() - 1));
                }
            }
        }
    }
}

/// `[doc …]`: a doc attribute's brackets.
fn is_doc(g: &proc_macro2::Group) -> bool {
    g.delimiter() == Delimiter::Bracket
        && matches!(g.stream().into_iter().next(), Some(TokenTree::Ident(i)) if i == "doc")
}

/// A doc attribute is dropped, but a string written in it (`#[doc = "see https://…"]`, not a
/// doc comment's text) is still code: no comment is looked for inside it.
fn doc_ranges(file: &SourceFile, g: &proc_macro2::Group, code: &mut Vec<std::ops::Range<usize>>) {
    for t in g.stream() {
        if let TokenTree::Literal(l) = t {
            let span = l.span();
            let (s, e) = (span.start(), span.end());
            let r = file.offset_of(s.line, s.column)..file.offset_of(e.line, e.column);
            if file.text.as_bytes().get(r.start) != Some(&b'/') {
                code.push(r);
            }
        }
    }
}

/// The literal token `l`, whose bytes are `outer` of the file.
fn literal(
    file: &SourceFile,
    l: proc_macro2::Literal,
    outer: std::ops::Range<usize>,
) -> Option<Literal> {
    let (os, oe) = (outer.start, outer.end);
    let raw = file.text.get(os..oe)?;
    let (kind, value) = match syn::Lit::new(l) {
        syn::Lit::Str(s) => (LitKind::Str, s.value()),
        syn::Lit::ByteStr(b) => (
            LitKind::Str,
            String::from_utf8_lossy(&b.value()).into_owned(),
        ),
        syn::Lit::CStr(c) => (LitKind::Str, c.value().to_string_lossy().into_owned()),
        syn::Lit::Int(i) => (LitKind::Int, i.base10_digits().to_string()),
        _ => return None,
    };
    let (cs, ce) = match kind {
        LitKind::Int => (os, oe),
        LitKind::Str => {
            let q1 = raw.find('"')?;
            let q2 = raw.rfind('"')?;
            (os + q1 + 1, os + q2.max(q1 + 1))
        }
    };
    let exact = file.text.get(cs..ce) == Some(value.as_str());
    let mut lit = Literal::new(kind, value, cs..ce, os..oe, exact);
    if kind == LitKind::Str {
        lit.lead_ident = lexer::lead_ident(&file.text[cs..ce], true);
    }
    Some(lit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rs(src: &str) -> (SourceFile, FileFacts) {
        let f = SourceFile::new("a.rs", Lang::Rust, src.as_bytes().to_vec());
        let facts = extract(&f);
        (f, facts)
    }

    /// Comments are found between the literal tokens: doc comments (`//!`, `///`) and block
    /// comments are comments; a `//` inside a byte string or a written `#[doc = "…"]` is not.
    #[test]
    fn comments_lie_between_the_literal_tokens() {
        let src = "//! Module docs: https://api.linkedin.com/v2/me\n\n/// Item docs.\npub const U: &str = \"https://api.linkedin.com/v2/userinfo\";\nconst P: &[u8] = b\"//# in a byte string\";\n#[doc = \"written // doc\"]\nfn f() -> char { /* a /* nested */ block */ '/' }\n";
        let (_, facts) = rs(src);
        let comments: Vec<&str> = facts
            .literals
            .iter()
            .filter(|l| l.in_comment)
            .map(|l| l.value.as_str())
            .collect();
        assert_eq!(
            comments,
            [
                "! Module docs: https://api.linkedin.com/v2/me",
                "/ Item docs.",
                " a /* nested */ block ",
            ]
        );
        assert!(
            facts
                .literals
                .iter()
                .any(|l| !l.in_comment && l.value == "//# in a byte string")
        );
        // The inner doc comment is not also a string of the code (`#![doc = "…"]`).
        assert!(
            !facts
                .literals
                .iter()
                .any(|l| !l.in_comment && l.value.contains("Module docs"))
        );
    }

    /// proc-macro2's span map is emptied after each file: the next text tokenised starts at
    /// offset 0 again (it would start after every file read so far, whose texts the map kept),
    /// and the same file read again, after others, gives the same spans.
    #[test]
    fn each_file_is_read_afresh() {
        let src = "fn f() {\n    let u = \"https://api.linkedin.com/v2/me\";\n}\n";
        let spans = |facts: &FileFacts| -> Vec<(String, usize, usize)> {
            facts
                .literals
                .iter()
                .map(|l| (l.value.clone(), l.span.start, l.span.end))
                .collect()
        };
        let first = spans(&rs(src).1);
        for i in 0..50 {
            rs(&format!("// file {i}\n{}", "fn g() {}\n".repeat(i)));
        }
        assert_eq!(spans(&rs(src).1), first);
        assert!(!first.is_empty());
        let next = TokenStream::from_str("x").unwrap();
        let start = next.into_iter().next().unwrap().span().byte_range().start;
        assert!(
            start <= 1,
            "the span map still holds earlier files: x starts at {start}"
        );
        proc_macro2::extra::invalidate_current_thread_spans();
    }

    #[test]
    fn literals_in_macros_with_exact_spans() {
        let src = "const BASE: &str = \"https://api.linkedin.com\";\nfn f() {\n    let u = format!(\"{BASE}/v2/me\");\n    let j = serde_json::json!({\"LinkedIn-Version\": \"202401\"});\n    let r = r#\"/v2/ugcPosts\"#;\n}\n";
        let (f, facts) = rs(src);
        assert!(facts.note.is_none(), "{:?}", facts.note);
        let me = facts
            .literals
            .iter()
            .find(|l| l.value == "{BASE}/v2/me")
            .unwrap();
        assert_eq!(&f.text[me.span.clone()], "{BASE}/v2/me");
        assert_eq!(me.base.as_deref(), Some("https://api.linkedin.com"));
        let v = facts.literals.iter().find(|l| l.value == "202401").unwrap();
        assert_eq!(v.name.as_deref(), Some("LinkedIn-Version"));
        let r = facts
            .literals
            .iter()
            .find(|l| l.value == "/v2/ugcPosts")
            .unwrap();
        assert_eq!(&f.text[r.outer.clone()], "r#\"/v2/ugcPosts\"#");
        assert_eq!(&f.text[r.span.clone()], "/v2/ugcPosts");
    }

    #[test]
    fn unparsable_file_is_lexed_with_a_note() {
        let (_, facts) = rs("fn f( { let u = \"https://api.linkedin.com/v2/me\";");
        assert!(
            facts
                .note
                .as_deref()
                .unwrap()
                .starts_with("this file does not tokenise as Rust (1:7: ")
        );
        assert!(
            facts
                .literals
                .iter()
                .any(|l| l.value == "https://api.linkedin.com/v2/me")
        );
    }

    /// A cargo-generate template is not Rust's grammar, but every token is exact.
    #[test]
    fn a_file_outside_the_grammar_is_still_read_from_its_tokens() {
        let src = "fn {{crate_name}}() {\n    let u = r#\"/v2/ugcPosts\"#;\n}\n";
        let (f, facts) = rs(src);
        assert_eq!(facts.note, None);
        let l = facts
            .literals
            .iter()
            .find(|l| l.value == "/v2/ugcPosts")
            .unwrap();
        assert_eq!(&f.text[l.span.clone()], "/v2/ugcPosts");
        assert!(l.exact);
    }

    #[test]
    fn deep_nesting_falls_back() {
        let src = format!(
            "fn f() {{ let x = {}1{}; let u = \"/v2/me\"; }}",
            "(".repeat(100_000),
            ")".repeat(100_000)
        );
        let (_, facts) = rs(&src);
        assert!(facts.note.as_deref().unwrap().contains("nesting depth"));
        assert!(facts.literals.iter().any(|l| l.value == "/v2/me"));
    }

    #[test]
    fn doc_comments_are_comments() {
        let (_, facts) = rs("/// see https://api.linkedin.com/v2/me\nfn f() {}\n");
        assert!(facts.literals.iter().all(|l| l.in_comment));
        assert!(!facts.linkedin_context);
    }

    #[test]
    fn escaped_strings_are_inexact() {
        let (_, facts) = rs("const X: &str = \"a\\u{2F}v2/me\";");
        let l = facts.literals.iter().find(|l| !l.in_comment).unwrap();
        assert_eq!(l.value, "a/v2/me");
        assert!(!l.exact);
    }
}
