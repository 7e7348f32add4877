//! What the server knows: the configuration, the workspace scan (kept file by file, see
//! [`Workspace`]) and the open documents with their last diagnostics. Everything that finds or
//! fixes something is the engine's (`engine.rs`, `fix.rs`, `reference.rs`); this translates.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, Hover, HoverContents, Location,
    MarkupContent, MarkupKind, Position, PublishDiagnosticsParams, Range, Url, WorkspaceEdit,
};

use super::convert::{self, LineIndex};
use crate::config::{Flags, Resolved};
use crate::finding::{Applicability, Finding, Span};
use crate::fix::{FixOptions, plan_text};
use crate::{Error, ScanOptions, WalkOptions, Workspace};

/// The kind of the "fix all safe" source action (`source.fixAll` is what editors run on save).
pub const FIX_ALL: &str = "source.fixAll.linkedin-lint";

/// How the server was started: the command line's settings, resolved again when a config
/// file changes.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub flags: Flags,
    pub max_filesize: Option<u64>,
}

/// One open document.
#[derive(Debug)]
struct Doc {
    path: String,
    version: i32,
    text: String,
    index: LineIndex,
    /// Its findings at the last refresh (after severity overrides), in report order.
    findings: Vec<Finding>,
    /// What was last published for it, to publish only what changed.
    published: Option<Vec<Diagnostic>>,
    /// The text changed since it was last checked and published.
    dirty: bool,
    /// The last note logged for it (too large, binary, degraded), to log each once.
    note: Option<String>,
}

pub struct State {
    settings: Settings,
    roots: Vec<PathBuf>,
    cfg: Resolved,
    workspace: Workspace,
    docs: HashMap<Url, Doc>,
    /// The tree-wide checks must run again (a document was closed, the config reloaded).
    stale: bool,
    /// Messages for the client's log (`window/logMessage`), taken by the loop.
    pub log: Vec<String>,
}

impl State {
    /// Resolve the configuration for the workspace `roots` and scan them once. A config that
    /// cannot be used is logged, and the defaults apply until it is fixed and saved.
    pub fn new(settings: Settings, roots: Vec<PathBuf>) -> Result<State, Error> {
        let mut log = Vec::new();
        let mut flags = settings.flags.clone();
        flags.paths = roots.clone();
        let cfg = match crate::config::resolve(&flags) {
            Ok(c) => c,
            Err(e) => {
                log.push(format!(
                    "configuration error, using the defaults until it is fixed: {e}"
                ));
                flags.isolated = true;
                flags.config = None;
                crate::config::resolve(&flags)?
            }
        };
        let opts = ScanOptions {
            paths: roots.clone(),
            walk: WalkOptions {
                scopes: cfg.scopes.clone(),
                nearest: cfg.hierarchy.clone().map(|h| {
                    crate::walk::Nearest(h as std::sync::Arc<dyn crate::walk::NearestScope>)
                }),
                exclude: flags.exclude.clone(),
                ..WalkOptions::default()
            },
            max_filesize: settings.max_filesize,
            ..ScanOptions::default()
        };
        let (workspace, notes) = match cfg.linter.scan_workspace(&opts) {
            Ok(w) => w,
            Err(e) => {
                log.push(format!("workspace not scanned: {e}"));
                let none = ScanOptions {
                    paths: Vec::new(),
                    ..opts
                };
                cfg.linter.scan_workspace(&none)?
            }
        };
        if let Err(e) = cfg.check_nested() {
            log.push(format!("configuration error: {e}"));
        }
        log.extend(notes.iter().map(|n| format!("{}: {}", n.path, n.message)));
        log.push(format!(
            "scanned {} ({} files may have findings)",
            roots
                .iter()
                .map(|r| r.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            workspace.len()
        ));
        Ok(State {
            settings,
            roots,
            cfg,
            workspace,
            docs: HashMap::new(),
            stale: false,
            log,
        })
    }

    /// Build everything again (a config file changed), keeping the open documents.
    pub fn reload(&mut self) -> Result<(), Error> {
        let mut fresh = State::new(self.settings.clone(), self.roots.clone())?;
        for (uri, doc) in self.docs.drain() {
            fresh.docs.insert(uri, Doc { dirty: true, ..doc });
        }
        self.log.append(&mut fresh.log);
        *self = State {
            log: std::mem::take(&mut self.log),
            ..fresh
        };
        Ok(())
    }

    pub fn open(&mut self, uri: Url, language_id: &str, version: i32, text: String) {
        let path = convert::path_of(&uri, Some(language_id));
        let doc = Doc {
            path,
            version,
            index: LineIndex::new(&text),
            text,
            findings: Vec::new(),
            published: None,
            dirty: true,
            note: None,
        };
        self.docs.insert(uri, doc);
    }

    /// A new full text of an open document (full sync). Versions older than the one held are
    /// ignored: a late message must not bring back old text. It is checked at the next
    /// [`State::refresh`], so a burst of changes is checked once.
    pub fn change(&mut self, uri: &Url, version: i32, text: String) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        if version < doc.version {
            return;
        }
        doc.version = version;
        doc.index = LineIndex::new(&text);
        doc.text = text;
        doc.dirty = true;
    }

    /// The document is closed: the file counts as it is on disk again, and its diagnostics are
    /// cleared (returned for publication).
    pub fn close(&mut self, uri: &Url) -> Option<PublishDiagnosticsParams> {
        let doc = self.docs.remove(uri)?;
        if uri.scheme() == "file" {
            if let Some(n) = self.workspace.reload(&self.cfg.linter, &doc.path) {
                self.log.push(format!("{}: {}", n.path, n.message));
            }
        } else {
            self.workspace.update(&self.cfg.linter, &doc.path, b"");
        }
        self.stale = true;
        Some(PublishDiagnosticsParams::new(uri.clone(), Vec::new(), None))
    }

    /// Check one open document's text again (only that file; the tree-wide checks follow in
    /// [`State::refresh`]).
    fn check(&mut self, uri: &Url) {
        let Some(doc) = self.docs.get_mut(uri) else {
            return;
        };
        let note = self
            .workspace
            .update(&self.cfg.linter, &doc.path, doc.text.as_bytes())
            .map(|n| format!("{}: {}", n.path, n.message));
        if note.is_some() && note != doc.note {
            self.log.extend(note.clone());
        }
        doc.note = note;
    }

    /// Give up on the pending refresh (it panicked): wait for the next change rather than
    /// fail again at once.
    pub fn settle(&mut self) {
        self.stale = false;
        for d in self.docs.values_mut() {
            d.dirty = false;
        }
    }

    /// Whether diagnostics may have changed since they were last published.
    pub fn is_dirty(&self) -> bool {
        self.stale || self.docs.values().any(|d| d.dirty)
    }

    /// Re-run the tree-wide checks over the workspace (cheap: per-file results are kept) and
    /// return the diagnostics to publish: every document whose text changed, and every other
    /// open document whose diagnostics changed (a cross-file finding came or went).
    pub fn refresh(&mut self) -> Vec<PublishDiagnosticsParams> {
        let changed: Vec<Url> = (self.docs.iter())
            .filter(|(_, d)| d.dirty)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in &changed {
            self.check(uri);
        }
        self.stale = false;
        let open: HashSet<&str> = self.docs.values().map(|d| d.path.as_str()).collect();
        let mut scan = self.workspace.scan(&self.cfg.linter, &|p| open.contains(p));
        self.cfg.apply_severity(&mut scan.findings);
        let mut by_path: HashMap<String, Vec<Finding>> = HashMap::new();
        for f in scan.findings {
            by_path.entry(f.path.clone()).or_default().push(f);
        }
        let mut fresh: Vec<(Url, Vec<Finding>, Vec<Diagnostic>)> = Vec::new();
        for (uri, doc) in &self.docs {
            let findings = by_path.remove(&doc.path).unwrap_or_default();
            let diagnostics = findings.iter().map(|f| self.diagnostic(doc, f)).collect();
            fresh.push((uri.clone(), findings, diagnostics));
        }
        let mut out = Vec::new();
        for (uri, findings, diagnostics) in fresh {
            let doc = self.docs.get_mut(&uri).expect("listed above");
            doc.findings = findings;
            if doc.dirty || doc.published.as_ref() != Some(&diagnostics) {
                doc.dirty = false;
                doc.published = Some(diagnostics.clone());
                out.push(PublishDiagnosticsParams::new(
                    uri,
                    diagnostics,
                    Some(doc.version),
                ));
            }
        }
        out
    }

    fn diagnostic(&self, doc: &Doc, f: &Finding) -> Diagnostic {
        convert::diagnostic(f, &doc.index, &doc.text, &|path, span| {
            self.location(path, span)
        })
    }

    /// Where a span of another file is: exact for an open document; from the span's line and
    /// column (and the file's text when the workspace kept it) otherwise.
    fn location(&self, path: &str, span: &Span) -> Option<Location> {
        if let Some((uri, d)) = self.docs.iter().find(|(_, d)| d.path == path) {
            let range = d.index.range(&d.text, span.byte_start, span.byte_end);
            return Some(Location::new(uri.clone(), range));
        }
        let text = self.workspace.text(path);
        let range = Range::new(
            convert::position_of(text, span.start),
            convert::position_of(text, span.end),
        );
        Some(Location::new(convert::uri_of(path)?, range))
    }

    /// Quick fixes for the findings in `range` (safe ones preferred, unsafe ones labelled),
    /// and the "fix all safe" source action, restricted to the kinds in `only`. The edits are
    /// planned as `--fix` plans them ([`plan_text`]).
    pub fn code_actions(
        &self,
        uri: &Url,
        range: Range,
        only: Option<&[CodeActionKind]>,
    ) -> Vec<CodeActionOrCommand> {
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        // A requested kind covers ours when ours is it or below it (`source` covers
        // `source.fixAll.linkedin-lint`).
        let wants = |kind: &str| {
            only.is_none_or(|o| {
                o.iter()
                    .any(|k| kind == k.as_str() || kind.starts_with(&format!("{}.", k.as_str())))
            })
        };
        let mut out = Vec::new();
        if wants(CodeActionKind::QUICKFIX.as_str()) {
            let from = doc.index.offset(&doc.text, range.start);
            let to = doc.index.offset(&doc.text, range.end);
            for f in doc.findings.iter().filter(|f| {
                f.fix.is_some() && convert::touches(f.span.byte_start, f.span.byte_end, from, to)
            }) {
                let opts = FixOptions { unsafe_fixes: true };
                let planned = plan_text(&[f], &doc.path, &doc.text, opts);
                if planned.edits.is_empty() {
                    continue;
                }
                let safe = f.fix.as_ref().map(|x| x.applicability)
                    == Some(Applicability::MachineApplicable);
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix_title(f, &planned.edits, safe),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![self.diagnostic(doc, f)]),
                    edit: Some(self.edit(uri, doc, &planned.edits)),
                    is_preferred: Some(safe),
                    ..CodeAction::default()
                }));
            }
        }
        if wants(FIX_ALL) {
            let all: Vec<&Finding> = doc.findings.iter().collect();
            let planned = plan_text(&all, &doc.path, &doc.text, FixOptions::default());
            if !planned.edits.is_empty() {
                let n = planned.fixed.len();
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!(
                        "Fix all safe linkedin-lint findings ({n} fix{})",
                        if n == 1 { "" } else { "es" }
                    ),
                    kind: Some(CodeActionKind::from(FIX_ALL)),
                    edit: Some(self.edit(uri, doc, &planned.edits)),
                    ..CodeAction::default()
                }));
            }
        }
        out
    }

    fn edit(&self, uri: &Url, doc: &Doc, edits: &[crate::finding::Edit]) -> WorkspaceEdit {
        let edits = convert::text_edits(edits, &doc.index, &doc.text);
        WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))
    }

    /// Hover on a finding (its message and `explain` text) or on a pinned LinkedIn-Version
    /// (its status and sunset date on the run's day).
    pub fn hover(&self, uri: &Url, pos: Position) -> Option<Hover> {
        let doc = self.docs.get(uri)?;
        let at = doc.index.offset(&doc.text, pos);
        let table = self.cfg.linter.table();
        let mut parts = Vec::new();
        let mut range = None;
        for (v, span) in self.workspace.versions(&doc.path) {
            if convert::touches(span.byte_start, span.byte_end, at, at) {
                let opts = self.cfg.linter.options();
                parts.push(crate::reference::version_status(table, opts, *v));
                range.get_or_insert(doc.index.range(&doc.text, span.byte_start, span.byte_end));
            }
        }
        for f in doc
            .findings
            .iter()
            .filter(|f| convert::touches(f.span.byte_start, f.span.byte_end, at, at))
        {
            let explained = crate::reference::explain(table, &f.id).unwrap_or_else(|| {
                crate::reference::explain(table, f.rule.name()).unwrap_or_default()
            });
            parts.push(format!(
                "**{}/{}** ({}): {}\n\n```text\n{}\n```",
                f.rule,
                f.id,
                f.severity,
                f.message,
                explained.trim_end()
            ));
            range.get_or_insert(
                doc.index
                    .range(&doc.text, f.span.byte_start, f.span.byte_end),
            );
        }
        if parts.is_empty() {
            return None;
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range,
        })
    }
}

/// A quick fix's title: what it writes, and "(unsafe)" for a fix that needs review.
fn fix_title(f: &Finding, edits: &[crate::finding::Edit], safe: bool) -> String {
    let what = match edits {
        [e] if !e.replacement.is_empty()
            && e.replacement.len() <= 60
            && !e.replacement.contains('\n') =>
        {
            format!("replace with `{}`", e.replacement)
        }
        _ => "apply the fix".to_string(),
    };
    format!(
        "{}/{}: {what}{}",
        f.rule,
        f.id,
        if safe { "" } else { " (unsafe)" }
    )
}
