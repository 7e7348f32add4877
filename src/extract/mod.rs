//! Extraction: a file's text → [`FileFacts`]. One reader per language family:
//! Rust with syn ([`rust`]); code in other languages with a careful lexer ([`lexer`]) and the
//! shared context analyzer ([`context`]); YAML, `.env`, `.properties`/INI and HTTP snippets
//! line by line ([`config`]); Markdown by reading each fenced block as its language.
// linkedin-lint: allow-file(endpoint-deprecated, version-sunset, version-inconsistent) -- unit-test inputs

pub mod config;
pub mod context;
pub mod lexer;
pub mod rust;

use crate::facts::{FileFacts, LitKind, Literal};
use crate::source::{Lang, SourceFile};

/// Extract the facts of one file.
pub fn extract(file: &SourceFile) -> FileFacts {
    match file.lang {
        Lang::Rust => rust::extract(file),
        Lang::Markdown => markdown(file),
        Lang::Yaml | Lang::Env | Lang::Properties => {
            config::extract(&file.text, 0, file.text.len(), file.lang)
        }
        lang => lexical(file, 0, file.text.len(), lang),
    }
}

/// Lex `text[start..end]` as `lang` and analyze the tokens.
pub fn lexical(file: &SourceFile, start: usize, end: usize, lang: Lang) -> FileFacts {
    context::analyze(lexer::lex(&file.text, start, end, lang))
}

/// Markdown: fenced code blocks are read as their language and marked as documentation
/// (findings there are capped at `info`); prose and inline code are not read (LinkedIn context comes from code).
/// HTML comments in prose are kept as comments (allow comments, secrets).
fn markdown(file: &SourceFile) -> FileFacts {
    let text = &file.text;
    let mut out = FileFacts::default();
    let mut pos = 0;
    let mut open: Option<(String, usize, Option<Lang>)> = None;
    while pos < text.len() {
        let eol = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = &text[pos..eol];
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let fence: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        if let (None, Some(c)) = (&open, line.find("<!--")) {
            let (os, s) = (pos + c, pos + c + 4);
            let e = text[s..].find("-->").map_or(text.len(), |i| s + i);
            let oe = (e + 3).min(text.len());
            let mut lit = Literal::new(LitKind::Str, text[s..e].to_string(), s..e, os..oe, true);
            lit.in_comment = true;
            out.literals.push(lit);
            pos = text[oe..].find('\n').map_or(text.len(), |i| oe + i + 1);
            continue;
        }
        match &open {
            None if fence.len() >= 3 && indent < 4 => {
                let info = trimmed[fence.len()..].trim();
                open = Some((fence, eol, Lang::from_fence(info)));
            }
            Some((f, start, lang))
                if trimmed.trim_end().starts_with(f.as_str())
                    && fence.len() >= f.len()
                    && trimmed.trim_end().len() == fence.len() =>
            {
                if let Some(lang) = lang {
                    let block = match lang {
                        Lang::Rust => lexical(file, *start, pos, Lang::Rust),
                        Lang::Yaml | Lang::Env | Lang::Properties => {
                            config::extract(text, *start, pos, *lang)
                        }
                        l => lexical(file, *start, pos, *l),
                    };
                    merge(&mut out, block);
                }
                open = None;
            }
            _ => {}
        }
        pos = eol;
    }
    out.docs = true;
    out
}

fn merge(into: &mut FileFacts, from: FileFacts) {
    into.linkedin_context |= from.linkedin_context;
    into.literals.extend(from.literals);
    into.defines.extend(from.defines);
    into.uses.extend(from.uses);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_reads_fenced_blocks_as_docs() {
        let md = "# LinkedIn\nCall `/v2/me` here.\n\n```bash\ncurl -H 'LinkedIn-Version: 202301' https://api.linkedin.com/v2/me\n```\n";
        let f = SourceFile::new("README.md", Lang::Markdown, md.as_bytes().to_vec());
        let facts = extract(&f);
        let vals: Vec<_> = facts.literals.iter().map(|l| l.value.as_str()).collect();
        assert!(vals.contains(&"LinkedIn-Version: 202301"), "{vals:?}");
        assert!(vals.contains(&"https://api.linkedin.com/v2/me"), "{vals:?}");
        assert!(!vals.contains(&"/v2/me"));
        assert!(facts.docs);
    }
}
