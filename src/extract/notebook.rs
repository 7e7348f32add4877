//! Jupyter notebooks (`.ipynb`): each code cell is read whole in the kernel's language (a
//! dictionary over several lines, a call across lines), and what it finds is placed back on
//! the notebook's own JSON lines. Markdown cells and outputs are not read.
//!
//! The JSON is read with the lexer (its strings and punctuation are all this needs): a cell's
//! `cell_type` comes before its `source` (nbformat sorts keys), and nbformat 3 calls it
//! `input`. Each source line is a JSON string; it is decoded with a map from every decoded
//! byte to its place in the file, so a literal's span points at the right characters even
//! past escapes (`\"`, `\n`, `\u00e9`). A literal whose text in the file differs from its value
//! (an escape inside it) is not exact: it is reported whole and never fixed.
// linkedin-lint: allow-file(endpoint-deprecated, scope-deprecated) -- unit-test inputs

use super::{context, lexer, merge};
use crate::facts::FileFacts;
use crate::source::{Lang, SourceFile};

use lexer::Tok;

/// Read a notebook's code cells.
pub fn extract(file: &SourceFile) -> FileFacts {
    let text = &file.text;
    let lexed = lexer::lex(text, 0, text.len(), Lang::Json);
    let (toks, lits) = (&lexed.toks, &lexed.lits);
    let key_at = |i: usize| -> Option<&str> {
        match (toks.get(i), toks.get(i + 1)) {
            (Some(Tok::Lit(k)), Some(Tok::Punct(':'))) => Some(lits[*k].value.as_str()),
            _ => None,
        }
    };
    let value_at = |i: usize| -> Option<&str> {
        match toks.get(i) {
            Some(Tok::Lit(k)) => Some(lits[*k].value.as_str()),
            _ => None,
        }
    };
    // The kernel's language (`metadata.kernelspec.language`, `language_info.name`); Python
    // when the notebook does not say or names one we do not read.
    let lang = (0..toks.len())
        .find(|&i| key_at(i) == Some("language"))
        .and_then(|i| value_at(i + 2))
        .and_then(Lang::from_fence)
        .filter(|l| !matches!(l, Lang::Markdown | Lang::Notebook | Lang::Html))
        .unwrap_or(Lang::Python);
    let mut out = FileFacts::default();
    let mut code = false;
    let mut i = 0;
    while i < toks.len() {
        match key_at(i) {
            Some("cell_type") => code = value_at(i + 2) == Some("code"),
            Some("source" | "input") if code => {
                let mut parts = Vec::new();
                let mut j = i + 2;
                match toks.get(j) {
                    Some(Tok::Punct('[')) => {
                        j += 1;
                        while let Some(t) = toks.get(j) {
                            match t {
                                Tok::Lit(k) => parts.push(*k),
                                Tok::Punct(']') => break,
                                _ => {}
                            }
                            j += 1;
                        }
                    }
                    Some(Tok::Lit(k)) => parts.push(*k),
                    _ => {}
                }
                merge(&mut out, cell(file, &lexed.lits, &parts, lang));
                code = false;
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// One code cell: its source strings decoded, joined, read as `lang`, and put back in place.
fn cell(
    file: &SourceFile,
    lits: &[crate::facts::Literal],
    parts: &[usize],
    lang: Lang,
) -> FileFacts {
    let mut code = String::new();
    // For each decoded byte: where its character starts and ends in the file.
    let mut at: Vec<(usize, usize)> = Vec::new();
    for &k in parts {
        let span = lits[k].span.clone();
        decode(&file.text[span.clone()], span.start, &mut code, &mut at);
    }
    if code.trim().is_empty() {
        return FileFacts::default();
    }
    let mut facts = context::analyze(lexer::lex(&code, 0, code.len(), lang));
    let place = |r: &std::ops::Range<usize>| -> std::ops::Range<usize> {
        let start = at.get(r.start).map_or(file.text.len(), |p| p.0);
        let end = if r.end > r.start {
            at.get(r.end - 1).map_or(start, |p| p.1)
        } else {
            start
        };
        start..end.max(start)
    };
    for l in &mut facts.literals {
        let span = place(&l.span);
        let outer = place(&l.outer);
        l.exact = l.exact && file.text.get(span.clone()) == Some(l.value.as_str());
        l.span = span;
        l.outer = outer.start.min(l.span.start)..outer.end.max(l.span.end);
    }
    facts
}

/// Decode the body of a JSON string (`raw`, found at `offset` in the file) onto `out`, with
/// each decoded byte's place in the file pushed onto `at`.
fn decode(raw: &str, offset: usize, out: &mut String, at: &mut Vec<(usize, usize)>) {
    let b = raw.as_bytes();
    let mut i = 0;
    let mut push = |out: &mut String, c: char, from: usize, to: usize| {
        let mut buf = [0u8; 4];
        out.push_str(c.encode_utf8(&mut buf));
        at.extend(std::iter::repeat_n(
            (offset + from, offset + to),
            c.len_utf8(),
        ));
    };
    while i < b.len() {
        if b[i] != b'\\' {
            let c = raw[i..].chars().next().unwrap_or('\u{fffd}');
            let n = c.len_utf8().max(1);
            push(out, c, i, i + n);
            i += n;
            continue;
        }
        let esc = b.get(i + 1).copied().unwrap_or(b'\\');
        let simple = match esc {
            b'n' => Some('\n'),
            b't' => Some('\t'),
            b'r' => Some('\r'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            _ => None,
        };
        if let Some(c) = simple {
            push(out, c, i, i + 2);
            i += 2;
            continue;
        }
        let hex = |s: usize| -> Option<u32> {
            raw.get(s..s + 4)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
        };
        match (esc, hex(i + 2)) {
            (b'u', Some(hi @ 0xD800..=0xDBFF)) => {
                let lo = (raw.get(i + 6..i + 8) == Some("\\u"))
                    .then(|| hex(i + 8))
                    .flatten()
                    .filter(|lo| (0xDC00..=0xDFFF).contains(lo));
                match lo {
                    Some(lo) => {
                        let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
                        push(out, c.unwrap_or('\u{fffd}'), i, i + 12);
                        i += 12;
                    }
                    None => {
                        push(out, '\u{fffd}', i, i + 6);
                        i += 6;
                    }
                }
            }
            (b'u', Some(cp)) => {
                push(out, char::from_u32(cp).unwrap_or('\u{fffd}'), i, i + 6);
                i += 6;
            }
            // Not valid JSON: keep the backslash as it is.
            _ => {
                push(out, '\\', i, i + 1);
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(nb: &str) -> (SourceFile, FileFacts) {
        let f = SourceFile::new("n.ipynb", Lang::Notebook, nb.as_bytes().to_vec());
        let facts = extract(&f);
        (f, facts)
    }

    #[test]
    fn a_code_cell_is_read_whole_and_placed_on_its_json_lines() {
        let nb = r#"{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": ["Calls `/v2/me` \"here\"\n"]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [{"name": "stdout", "text": ["https://api.linkedin.com/v2/people\n"]}],
   "source": [
    "headers = {\n",
    "    \"Authorization\": f\"Bearer {token}\",\n",
    "    \"LinkedIn-Version\": \"202405\",\n",
    "}\n",
    "url = \"https://api.linkedin.com/rest/posts\" # caf\u00e9\n"
   ]
  }
 ],
 "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
 "nbformat": 4
}
"#;
        let (f, facts) = facts(nb);
        let vals: Vec<_> = facts.literals.iter().map(|l| l.value.as_str()).collect();
        // Not the Markdown cell, not the output.
        assert!(!vals.iter().any(|v| v.contains("/v2/")), "{vals:?}");
        let version = facts.literals.iter().find(|l| l.value == "202405").unwrap();
        // The key on the line before binds it, across the cell's lines.
        assert_eq!(version.name.as_deref(), Some("LinkedIn-Version"));
        // Past the `\"` escapes before it: the span is the value's own text in the file.
        assert_eq!(&nb[version.span.clone()], "202405");
        assert!(version.exact);
        let url = facts
            .literals
            .iter()
            .find(|l| l.value == "https://api.linkedin.com/rest/posts")
            .unwrap();
        assert_eq!(&nb[url.span.clone()], "https://api.linkedin.com/rest/posts");
        assert_eq!(f.span(url.span.start, url.span.end).start.line, 18);
    }

    #[test]
    fn escapes_inside_a_literal_make_it_inexact_and_nbformat_3_is_read() {
        let nb = r#"{"worksheets": [{"cells": [{"cell_type": "code", "language": "python",
 "input": ["SCOPE = \"r_liteprofile\\tr_emailaddress\"\n", "x = '\u00e9/v1/people/~'"]}]}],
 "metadata": {"language": "python"}}"#;
        let (_, facts) = facts(nb);
        let scope = facts
            .literals
            .iter()
            .find(|l| l.value.starts_with("r_liteprofile"))
            .unwrap();
        assert_eq!(scope.name.as_deref(), Some("SCOPE"));
        let v1 = facts
            .literals
            .iter()
            .find(|l| l.value.contains("/v1/people/~"))
            .unwrap();
        assert!(!v1.exact, "`\\u00e9` is six characters in the file");
        assert!(nb[v1.span.clone()].ends_with("/v1/people/~"));
    }

    #[test]
    fn broken_json_never_panics() {
        for nb in [
            "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"x = \\ud83d\"",
            "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"a\\",
            "{\"cell_type\": \"code\", \"source\": [",
            "\\u12",
        ] {
            let _ = facts(nb);
        }
    }
}
