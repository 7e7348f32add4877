//! Findings → LSP values: positions in UTF-16 code units (what LSP counts by default), ranges,
//! diagnostics, text edits, file URIs. Pure; the state and the loop call it.

use std::path::Path;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, TextEdit, Url,
};

use crate::finding::{Edit, Finding, LineCol, Severity, Span};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "linkedin-lint";

/// Where each line of a text starts, to turn byte offsets into LSP positions and back. Lines
/// end at `\n`, `\r\n` or a lone `\r`, as LSP defines them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while let Some(off) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + off;
            i = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(i);
        }
        LineIndex { starts }
    }

    /// The position of byte `offset` of `text` (clamped to the text, and to a character
    /// boundary: a finding's span never splits one, but a stale one might).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        Position::new(line as u32, utf16_len(&text[start..offset]))
    }

    /// The byte offset of `pos` in `text`; a column past the end of its line (or inside a
    /// surrogate pair) is clamped, a line past the end gives the end of the text.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .copied()
            .unwrap_or(text.len());
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units + c.len_utf16() as u32 > pos.character {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        start + line.len()
    }

    pub fn range(&self, text: &str, byte_start: usize, byte_end: usize) -> Range {
        Range::new(
            self.position(text, byte_start),
            self.position(text, byte_end),
        )
    }
}

fn utf16_len(s: &str) -> u32 {
    if s.is_ascii() {
        s.len() as u32
    } else {
        s.encode_utf16().count() as u32
    }
}

/// The position of a 1-based line and character column (a span's [`LineCol`]) in `text`, for
/// files whose byte offsets do not index the text (decoded from Latin-1 or UTF-16). Without the
/// text, characters are taken for UTF-16 units.
pub fn position_of(text: Option<&str>, lc: LineCol) -> Position {
    let line = lc.line.saturating_sub(1);
    let chars = lc.column.saturating_sub(1);
    let character = text
        .and_then(|t| t.split('\n').nth(line))
        .map(|l| l.chars().take(chars).map(char::len_utf16).sum::<usize>())
        .unwrap_or(chars);
    Position::new(line as u32, character as u32)
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The diagnostic of a finding of the open document `text`. The message is the finding's
/// message and help, as the other formats show them (neither ever holds a secret); the code is
/// `rule/id` and links to the finding's source, like SARIF's `helpUri`. `related` places the
/// finding's secondary locations (in other files, so the caller, who knows their texts).
pub fn diagnostic(
    f: &Finding,
    index: &LineIndex,
    text: &str,
    related: &dyn Fn(&str, &Span) -> Option<Location>,
) -> Diagnostic {
    let related_information: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .filter_map(|r| {
            Some(DiagnosticRelatedInformation {
                location: related(&r.path, &r.span)?,
                message: r.message.clone(),
            })
        })
        .collect();
    let message = if f.help.is_empty() {
        f.message.clone()
    } else {
        format!("{}\n{}", f.message, f.help)
    };
    Diagnostic {
        range: index.range(text, f.span.byte_start, f.span.byte_end),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(format!("{}/{}", f.rule, f.id))),
        code_description: Url::parse(&f.docs)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related_information.is_empty()).then_some(related_information),
        tags: None,
        data: None,
    }
}

/// Byte-range edits of `text` as LSP text edits.
pub fn text_edits(edits: &[Edit], index: &LineIndex, text: &str) -> Vec<TextEdit> {
    edits
        .iter()
        .map(|e| TextEdit {
            range: index.range(text, e.byte_start, e.byte_end),
            new_text: e.replacement.clone(),
        })
        .collect()
}

/// Whether the byte range `[start, end)` touches `[from, to]` (an empty range at a finding's
/// edge still counts: a cursor right after a literal is on it).
pub fn touches(start: usize, end: usize, from: usize, to: usize) -> bool {
    start <= to && from <= end
}

/// The path a finding would have for the document at `uri`: the file's absolute path for
/// `file:` URIs; otherwise (an unsaved buffer) the URI's path with an extension for the
/// editor's language id, so the language is known.
pub fn path_of(uri: &Url, language_id: Option<&str>) -> String {
    if uri.scheme() == "file" {
        if let Ok(p) = uri.to_file_path() {
            return crate::walk::display_path(&crate::walk::normalize(&p));
        }
    }
    let name = uri.path().trim_start_matches('/').replace(['/', '\\'], "_");
    let ext = language_id.and_then(extension_for).unwrap_or("");
    if ext.is_empty() || Path::new(&name).extension().is_some() {
        format!("{}:{name}", uri.scheme())
    } else {
        format!("{}:{name}.{ext}", uri.scheme())
    }
}

/// A file extension for an editor's language id (LSP's well-known identifiers).
fn extension_for(id: &str) -> Option<&'static str> {
    Some(match id {
        "rust" => "rs",
        "python" => "py",
        "javascript" | "javascriptreact" => "js",
        "typescript" | "typescriptreact" => "ts",
        "go" => "go",
        "java" => "java",
        "kotlin" => "kt",
        "csharp" => "cs",
        "ruby" => "rb",
        "php" => "php",
        "shellscript" | "sh" | "bash" => "sh",
        "yaml" => "yaml",
        "toml" => "toml",
        "json" => "json",
        "markdown" => "md",
        _ => return None,
    })
}

/// The URI of a finding's path, when it names a file.
pub fn uri_of(path: &str) -> Option<Url> {
    Path::new(path)
        .is_absolute()
        .then(|| Url::from_file_path(path).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Applicability, Fix, Rule};

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn positions_count_utf16_units_after_non_ascii_text() {
        // `é` is 2 bytes and 1 UTF-16 unit; `😀` is 4 bytes and 2 units.
        let text = "ab\nx = \"é😀\"; v = \"202304\"\n";
        let idx = LineIndex::new(text);
        let at = text.find("202304").unwrap();
        assert_eq!(idx.position(text, at), pos(1, 16));
        assert_eq!(idx.offset(text, pos(1, 16)), at);
        assert_eq!(idx.position(text, 0), pos(0, 0));
        assert_eq!(idx.position(text, text.len()), pos(2, 0));
    }

    #[test]
    fn every_kind_of_line_break_starts_a_line() {
        let text = "a\r\nb\rc\nd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, text.find('b').unwrap()), pos(1, 0));
        assert_eq!(idx.position(text, text.find('c').unwrap()), pos(2, 0));
        assert_eq!(idx.position(text, text.find('d').unwrap()), pos(3, 0));
        // The line break itself is not part of a line's columns.
        assert_eq!(idx.offset(text, pos(0, 99)), 1);
        assert_eq!(idx.offset(text, pos(9, 0)), text.len());
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "é";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 1), pos(0, 0));
        assert_eq!(idx.position(text, 99), pos(0, 1));
        // Inside a surrogate pair: the character's start.
        let text = "😀x";
        let idx = LineIndex::new(text);
        assert_eq!(idx.offset(text, pos(0, 1)), 0);
        assert_eq!(idx.offset(text, pos(0, 2)), 4);
    }

    #[test]
    fn line_col_positions_use_the_line_text() {
        let text = "é😀v\nz";
        let lc = LineCol { line: 1, column: 3 };
        assert_eq!(position_of(Some(text), lc), pos(0, 3));
        assert_eq!(position_of(None, lc), pos(0, 2));
    }

    fn finding(text: &str, needle: &str) -> Finding {
        let start = text.find(needle).unwrap();
        let end = start + needle.len();
        Finding {
            rule: Rule::VersionSunset,
            id: "version-sunset-dated".into(),
            severity: Severity::Error,
            message: "LinkedIn-Version 202304 was sunset on 2024-04-15".into(),
            help: "Move to a supported version".into(),
            path: "/w/a.py".into(),
            path_bytes: None,
            span: Span {
                start: LineCol { line: 1, column: 1 },
                end: LineCol { line: 1, column: 1 },
                byte_start: start,
                byte_end: end,
            },
            fix: Some(Fix {
                applicability: Applicability::MaybeIncorrect,
                edits: vec![Edit {
                    byte_start: start,
                    byte_end: end,
                    replacement: "202609".into(),
                }],
            }),
            docs: "https://learn.microsoft.com/en-us/linkedin/marketing/versioning".into(),
            related: Vec::new(),
            in_comment: false,
        }
    }

    #[test]
    fn a_finding_becomes_a_diagnostic_with_code_link_and_utf16_range() {
        let text = "# café ☕\nV = \"202304\"\n";
        let f = finding(text, "202304");
        let idx = LineIndex::new(text);
        let d = diagnostic(&f, &idx, text, &|_, _| None);
        assert_eq!(d.range, Range::new(pos(1, 5), pos(1, 11)));
        assert_eq!(d.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(
            d.code,
            Some(NumberOrString::String(
                "version-sunset/version-sunset-dated".into()
            ))
        );
        assert_eq!(
            d.code_description.unwrap().href.as_str(),
            "https://learn.microsoft.com/en-us/linkedin/marketing/versioning"
        );
        assert_eq!(d.source.as_deref(), Some("linkedin-lint"));
        assert_eq!(
            d.message,
            "LinkedIn-Version 202304 was sunset on 2024-04-15\nMove to a supported version"
        );
        assert!(d.related_information.is_none());
    }

    #[test]
    fn a_docs_field_that_is_not_a_web_address_gets_no_link() {
        let text = "V = \"202304\"";
        let mut f = finding(text, "202304");
        f.docs = "rules/linkedin.yaml".into();
        let d = diagnostic(&f, &LineIndex::new(text), text, &|_, _| None);
        assert!(d.code_description.is_none());
    }

    #[test]
    fn a_fix_becomes_text_edits_in_utf16_positions() {
        let text = "s = \"😀\"; v = \"202304\"";
        let f = finding(text, "202304");
        let edits = text_edits(&f.fix.unwrap().edits, &LineIndex::new(text), text);
        assert_eq!(
            edits,
            vec![TextEdit {
                range: Range::new(pos(0, 15), pos(0, 21)),
                new_text: "202609".into(),
            }]
        );
    }

    #[test]
    fn documents_map_to_finding_paths() {
        let uri = Url::parse("file:///w/src/a%20b.py").unwrap();
        assert_eq!(path_of(&uri, Some("python")), "/w/src/a b.py");
        let untitled = Url::parse("untitled:Untitled-1").unwrap();
        assert_eq!(path_of(&untitled, Some("python")), "untitled:Untitled-1.py");
        assert_eq!(uri_of("/w/src/a b.py"), Some(uri));
        assert_eq!(uri_of("relative.py"), None);
    }
}
