//! Allow comments: a comment containing `linkedin-lint: allow(RULE|ID, …)`, optionally followed
//! by `-- reason`, silences those findings on its own line, or on the next line when the
//! comment stands alone on its line; `linkedin-lint: allow-file(…)` silences them in the whole
//! file. Each name is a rule (`endpoint-deprecated`) or a rule-table id (`v2-me`).
//!
//! An allow is accountable: every name that silences nothing — because the finding is gone, or
//! the name is misspelt — is reported as `unused-allow`, so stale allows cannot hide the next
//! finding on that line. A directive quoted in backticks inside a comment is an example in
//! documentation, not a directive.
//!
//! Allows are collected per file from the comments extraction found (every language; HTML
//! comments in Markdown prose), and applied after the tree-wide checks, so they silence
//! cross-file findings (`version-inconsistent`, `version-missing`) too.
// linkedin-lint: allow-file(endpoint-deprecated) -- unit-test inputs

use crate::facts::FileFacts;
use crate::finding::{Finding, Rule, Severity, Span};
use crate::rules::RuleTable;
use crate::source::SourceFile;

const MARKER: &str = "linkedin-lint:";

/// Where an allow applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Findings that start on this 1-based line.
    Line(usize),
    /// Every finding of the file.
    File,
}

/// One name in one allow comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub name: String,
    /// Where the name is written (for `unused-allow`).
    pub span: Span,
    /// The name is neither a rule nor a rule-table id.
    pub unknown: bool,
}

/// One allow comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allow {
    pub scope: Scope,
    pub names: Vec<Allowed>,
    pub reason: Option<String>,
}

/// The allow comments of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allows {
    pub path: String,
    pub allows: Vec<Allow>,
    /// `linkedin-lint:` followed by something that is not a well-formed allow.
    pub malformed: Vec<Span>,
    /// The file is documentation: its `unused-allow` findings are `info`, like its others.
    pub docs: bool,
}

/// Find the allow comments of `file`.
pub fn collect(file: &SourceFile, facts: &FileFacts, table: &RuleTable) -> Allows {
    let mut out = Allows {
        path: file.path.clone(),
        docs: facts.docs,
        ..Allows::default()
    };
    for lit in facts.literals.iter().filter(|l| l.in_comment) {
        let text = &lit.value;
        for (at, _) in text.match_indices(MARKER) {
            if text[..at].matches('`').count() % 2 == 1 {
                continue; // quoted: an example of the syntax
            }
            // Offsets into the file: comment literals are exact; otherwise use the whole comment.
            let file_at = |i: usize| {
                if lit.exact {
                    lit.span.start + i
                } else {
                    lit.span.start
                }
            };
            let rest = &text[at + MARKER.len()..];
            let body = rest.trim_start();
            let body_at = at + MARKER.len() + (rest.len() - body.len());
            let (file_scope, open) = if let Some(b) = body.strip_prefix("allow-file(") {
                (true, b)
            } else if let Some(b) = body.strip_prefix("allow(") {
                (false, b)
            } else {
                if body.starts_with("allow") {
                    let end = body.find(char::is_whitespace).unwrap_or(body.len());
                    out.malformed
                        .push(file.span(file_at(at), file_at(body_at + end)));
                }
                continue;
            };
            let open_at = body_at + (body.len() - open.len());
            let close = open.find(')').filter(|&c| !open[..c].contains('\n'));
            let Some(close) = close else {
                out.malformed.push(file.span(file_at(at), file_at(open_at)));
                continue;
            };
            let mut names = Vec::new();
            let mut offset = open_at;
            for part in open[..close].split(',') {
                let name = part.trim();
                let name_at = offset + (part.len() - part.trim_start().len());
                offset += part.len() + 1;
                if name.is_empty() {
                    continue;
                }
                names.push(Allowed {
                    name: name.to_string(),
                    span: file.span(file_at(name_at), file_at(name_at + name.len())),
                    unknown: Rule::from_name(name).is_none() && !table.has_id(name),
                });
            }
            if names.is_empty() {
                out.malformed
                    .push(file.span(file_at(at), file_at(open_at + close + 1)));
                continue;
            }
            let after = open[close + 1..].trim_start();
            let reason = after
                .strip_prefix("--")
                .map(|r| r.lines().next().unwrap_or("").trim())
                .map(|r| r.trim_end_matches("*/").trim_end_matches("-->").trim())
                .filter(|r| !r.is_empty())
                .map(str::to_string);
            let scope = if file_scope {
                Scope::File
            } else if stands_alone(file, lit.outer.start, lit.outer.end) {
                // The line after the comment's last line.
                Scope::Line(file.line_col(lit.outer.end.max(1) - 1).line + 1)
            } else {
                Scope::Line(file.line_col(lit.outer.start).line)
            };
            out.allows.push(Allow {
                scope,
                names,
                reason,
            });
        }
    }
    out
}

/// Whether the comment at `start..end` is alone on its line(s): only blanks and comment
/// punctuation around it (extractors differ in whether a comment's range includes its `#`,
/// `//`, `*/` or `<!--`).
fn stands_alone(file: &SourceFile, start: usize, end: usize) -> bool {
    let text = &file.text;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let punct = |c: char| c.is_whitespace() || "#/*;!-<>%".contains(c);
    text[line_start..start].chars().all(punct) && text[end..line_end].chars().all(punct)
}

impl Allows {
    /// Drop the findings the allows silence and add an `unused-allow` finding for every name
    /// that silenced nothing and every malformed allow.
    /// No allow comments (well-formed or not) in the file.
    pub fn is_empty(&self) -> bool {
        self.allows.is_empty() && self.malformed.is_empty()
    }

    pub fn apply(&self, findings: &mut Vec<Finding>) {
        if self.allows.is_empty() && self.malformed.is_empty() {
            return;
        }
        let mut used: Vec<Vec<bool>> = self
            .allows
            .iter()
            .map(|a| vec![false; a.names.len()])
            .collect();
        findings.retain(|f| {
            let mut silenced = false;
            for (a, used) in self.allows.iter().zip(used.iter_mut()) {
                if let Scope::Line(l) = a.scope {
                    if l != f.span.start.line {
                        continue;
                    }
                }
                for (n, u) in a.names.iter().zip(used.iter_mut()) {
                    if n.name == f.id || n.name == f.rule.name() {
                        *u = true;
                        silenced = true;
                    }
                }
            }
            !silenced
        });
        for (a, used) in self.allows.iter().zip(&used) {
            for (n, _) in a.names.iter().zip(used).filter(|(_, u)| !**u) {
                let message = if n.unknown {
                    format!("allow `{}`: no rule or rule-table id has this name", n.name)
                } else {
                    format!("allow `{}` silences nothing here", n.name)
                };
                findings.push(self.finding(n.span, message));
            }
        }
        for span in &self.malformed {
            let message = "malformed allow comment: expected `linkedin-lint: allow(RULE|ID, …)` or `allow-file(…)`";
            findings.push(self.finding(*span, message.to_string()));
        }
    }

    fn finding(&self, span: Span, message: String) -> Finding {
        Finding {
            rule: Rule::UnusedAllow,
            id: Rule::UnusedAllow.name().to_string(),
            severity: if self.docs {
                Severity::Info
            } else {
                Severity::Warning
            },
            message,
            help: HELP.to_string(),
            path: self.path.clone(),
            path_bytes: None,
            span,
            fix: None,
            docs: String::new(),
            related: Vec::new(),
            in_comment: self.docs,
        }
    }
}

const HELP: &str = "Remove the name, or the whole comment: its finding is gone, and a stale allow would hide the next finding on that line. Names are rules or rule-table ids (`linkedin-lint rules`); a standalone comment covers the next line, a trailing one its own line.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Lang;

    fn allows(path: &str, text: &str) -> Allows {
        let table = crate::rules::load(&[]).unwrap();
        let lang = Lang::detect(std::path::Path::new(path), b"").unwrap();
        let file = SourceFile::new(path, lang, text.as_bytes().to_vec());
        let facts = crate::extract::extract(&file);
        collect(&file, &facts, &table)
    }

    fn scopes(a: &Allows) -> Vec<(Scope, Vec<&str>, Option<&str>)> {
        a.allows
            .iter()
            .map(|a| {
                (
                    a.scope,
                    a.names.iter().map(|n| n.name.as_str()).collect(),
                    a.reason.as_deref(),
                )
            })
            .collect()
    }

    #[test]
    fn line_next_line_and_file_scopes() {
        let a = allows(
            "a.rs",
            "// linkedin-lint: allow-file(r-liteprofile)\nconst A: &str = \"x\"; // linkedin-lint: allow(v2-me) -- legacy client\n    // linkedin-lint: allow(endpoint-deprecated, v2-me)\nconst B: &str = \"y\";\n/* linkedin-lint: allow(v2-shares) */ const C: &str = \"z\";\n",
        );
        assert_eq!(
            scopes(&a),
            [
                (Scope::File, vec!["r-liteprofile"], None),
                (Scope::Line(2), vec!["v2-me"], Some("legacy client")),
                (Scope::Line(4), vec!["endpoint-deprecated", "v2-me"], None),
                (Scope::Line(5), vec!["v2-shares"], None),
            ]
        );
        let name = &a.allows[2].names[1];
        assert_eq!((name.span.start.line, name.span.start.column), (3, 50));
        assert_eq!(name.span.byte_end - name.span.byte_start, "v2-me".len());
    }

    #[test]
    fn comments_of_every_syntax() {
        let py = allows("a.py", "# linkedin-lint: allow(v2-me)\nx = 1\n");
        assert_eq!(scopes(&py), [(Scope::Line(2), vec!["v2-me"], None)]);
        let yaml = allows("a.yaml", "me: /v2/me  # linkedin-lint: allow(v2-me)\n");
        assert_eq!(scopes(&yaml), [(Scope::Line(1), vec!["v2-me"], None)]);
        let md = allows(
            "a.md",
            "Text.\n<!-- linkedin-lint: allow-file(v2-me) -- examples -->\n```python\n# linkedin-lint: allow(r-liteprofile)\nS = ['r_liteprofile']\n```\n",
        );
        assert_eq!(
            scopes(&md),
            [
                (Scope::File, vec!["v2-me"], Some("examples")),
                (Scope::Line(5), vec!["r-liteprofile"], None),
            ]
        );
        assert!(md.docs);
    }

    #[test]
    fn quoted_examples_and_malformed_allows() {
        let a = allows(
            "a.rs",
            "/// Write `linkedin-lint: allow(v2-me)` above the line.\n// linkedin-lint: allow v2-me\n// linkedin-lint: allow()\n// linkedin-lint: see the README\nfn f() {}\n",
        );
        assert!(a.allows.is_empty(), "{:?}", a.allows);
        let at: Vec<_> = a.malformed.iter().map(|s| s.start.line).collect();
        assert_eq!(at, [2, 3]);
    }

    #[test]
    fn apply_silences_and_reports_unused_names() {
        let table = crate::rules::load(&[]).unwrap();
        let text = "# linkedin-lint: allow(v2-me, r-liteprofile, v2-mee)\nME = 'https://api.linkedin.com/v2/me'\n";
        let file = SourceFile::new("a.py", Lang::Python, text.as_bytes().to_vec());
        let facts = crate::extract::extract(&file);
        let opts = crate::CheckOptions::new(&table, crate::Date::parse("2026-11-23").unwrap());
        let mut findings = crate::Checker::new(&table, opts)
            .check_file(&file, &facts)
            .findings;
        assert_eq!(findings.len(), 1);
        collect(&file, &facts, &table).apply(&mut findings);
        let got: Vec<_> = findings
            .iter()
            .map(|f| {
                (
                    f.rule,
                    f.severity,
                    f.span.start.line,
                    f.span.start.column,
                    f.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Rule::UnusedAllow,
                    Severity::Warning,
                    1,
                    31,
                    "allow `r-liteprofile` silences nothing here"
                ),
                (
                    Rule::UnusedAllow,
                    Severity::Warning,
                    1,
                    46,
                    "allow `v2-mee`: no rule or rule-table id has this name"
                ),
            ]
        );
    }
}
