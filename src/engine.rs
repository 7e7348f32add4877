//! The scan engine: read → prefilter → extract → check → finish, over a walked tree or one
//! in-memory file. [`Linter`] is its entry point; `lib.rs` re-exports what users need.
// linkedin-lint: allow-file(endpoint-deprecated) -- unit-test inputs

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::Error;
use crate::calendar::{Date, Version};
use crate::check::{CheckOptions, Checker, FileCheck};
use crate::finding::{Finding, Rule, Severity};
use crate::prefilter::Prefilter;
use crate::rules::{self, RuleTable};
use crate::source::{self, Lang, Snapshot, SourceFile};
use crate::timings::{Stage, Timings, timed};
use crate::walk::WalkOptions;
use crate::{extract, redact, suppress, walk};
use std::borrow::Cow;
use std::time::Instant;

/// What to scan.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    pub walk: WalkOptions,
    /// Files larger than this are skipped with a note (bytes). Default 8 MiB.
    pub max_filesize: Option<u64>,
    /// Analyse every file, not only those the prefilter picks (for tests of the prefilter's
    /// promise that it never changes a result; much slower).
    pub no_prefilter: bool,
    /// Lint this text as if it were the file at `.0` (editors' unsaved buffers).
    pub stdin: Option<(String, Vec<u8>)>,
    /// Add each stage's time to these (`check --timings`).
    pub timings: Option<Arc<Timings>>,
}

impl ScanOptions {
    pub fn paths<P: Into<PathBuf>>(paths: impl IntoIterator<Item = P>) -> ScanOptions {
        ScanOptions {
            paths: paths.into_iter().map(Into::into).collect(),
            ..ScanOptions::default()
        }
    }
}

/// Default maximum file size.
pub const DEFAULT_MAX_FILESIZE: u64 = 8 * 1024 * 1024;

/// Something the user should know about a file that was not (fully) analysed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Note {
    pub path: String,
    /// Only for a path that is not UTF-8: its exact bytes (as [`Finding::path_bytes`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<Vec<u8>>,
    pub kind: NoteKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NoteKind {
    /// Binary file, skipped.
    Binary,
    /// Larger than the size limit, skipped.
    TooLarge,
    /// Could not be read (permissions, vanished, symlink loop): an error; the scan went on.
    Unreadable,
    /// Read, but in a degraded way (lexed instead of parsed, decoded as Latin-1).
    Degraded,
    /// Deleted between the walk and the read.
    Vanished,
    /// A FIFO, socket or device named explicitly.
    NotAFile,
}

/// The result of a scan.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Sorted by path, position, rule.
    pub findings: Vec<Finding>,
    /// Text of every file that has a finding, by path, as reports may show it: secrets
    /// masked with `*`, and only the lines a finding can point at kept, with a line of
    /// context either side; every other line is empty. Line and column numbers hold, byte
    /// offsets do not. So memory holds a few lines per finding, not whole files.
    pub sources: BTreeMap<String, Arc<str>>,
    /// The secrets the checks found in each file that has a finding (byte ranges of the file
    /// on disk), for `--diff` to mask the file it reads again.
    pub secrets: BTreeMap<String, Vec<std::ops::Range<usize>>>,
    pub notes: Vec<Note>,
    pub files_scanned: usize,
    /// What was read from every file that has a finding, so `--fix` can tell whether the file
    /// changed before it writes.
    pub snapshots: BTreeMap<String, Snapshot>,
    /// The real path of each file with a finding whose name is not UTF-8 (its `path` shows
    /// the bytes that are not as `\xNN`), for `--fix` to open the very file.
    pub fs_paths: BTreeMap<String, PathBuf>,
}

impl Note {
    /// A note about the file at `path` (as walked).
    pub fn new(path: &Path, kind: NoteKind, message: impl Into<String>) -> Note {
        Note {
            path: walk::display_path(path),
            path_bytes: walk::path_bytes(path),
            kind,
            message: message.into(),
        }
    }
}

impl Scan {
    /// The file behind a finding's `path`: the path itself, unless its name is not UTF-8.
    pub fn fs_path(&self, path: &str) -> PathBuf {
        self.fs_paths
            .get(path)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(path))
    }

    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// Files that could not be read.
    pub fn unreadable(&self) -> usize {
        self.notes
            .iter()
            .filter(|n| n.kind == NoteKind::Unreadable)
            .count()
    }
}

/// The per-file hook of [`Linter::scan_streaming`]: called from the walker's threads.
pub type OnFile<'a> = &'a (dyn Fn(&[Finding]) + Sync);

/// The linter: a rule table, the check options, and the prefilter built from them once.
pub struct Linter {
    table: RuleTable,
    opts: CheckOptions,
    prefilter: Prefilter,
}

/// Builds a [`Linter`].
#[derive(Debug, Default)]
pub struct LinterBuilder {
    today: Option<String>,
    target_version: Option<String>,
    /// Where the target version comes from, for errors (default `--target-version`).
    target_origin: Option<String>,
    expiring_days: Option<u32>,
    rule_files: Vec<PathBuf>,
}

impl LinterBuilder {
    /// The date to judge versions on, `YYYY-MM-DD` (default: `SOURCE_DATE_EPOCH`, else today).
    pub fn today(mut self, date: &str) -> Self {
        self.today = Some(date.to_string());
        self
    }

    pub fn target_version(mut self, v: &str) -> Self {
        self.target_version = Some(v.to_string());
        self
    }

    /// [`target_version`](Self::target_version), naming where it was set (`linkedin-lint.toml:
    /// target-version`) in the error when it is not a released version.
    pub fn target_version_from(mut self, v: &str, origin: impl Into<String>) -> Self {
        self.target_origin = Some(origin.into());
        self.target_version(v)
    }

    pub fn expiring_days(mut self, days: u32) -> Self {
        self.expiring_days = Some(days);
        self
    }

    /// Merge a rule file over the embedded table (repeatable; later files win).
    pub fn rules_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.rule_files.push(path.into());
        self
    }

    pub fn build(self) -> Result<Linter, Error> {
        let mut extra = Vec::new();
        for p in &self.rule_files {
            let text =
                crate::input::read_text_limited(p, crate::input::MAX_TOOL_FILE, "the rule file")
                    .map_err(|e| Error::Io {
                        path: walk::display_path(p),
                        message: e.to_string(),
                    })?;
            extra.push((walk::display_path(p), text));
        }
        let table = rules::load(&extra)?;
        let today = match &self.today {
            Some(d) => Date::parse(d).map_err(|e| Error::Usage(format!("--today {d:?}: {e}")))?,
            None => Date::today().map_err(Error::Usage)?,
        };
        let mut opts = CheckOptions::new(&table, today);
        if let Some(d) = self.expiring_days {
            opts.expiring_days = d;
            opts.target_version = table.calendar.recommended(today, d);
        }
        if let Some(v) = &self.target_version {
            let origin = self.target_origin.as_deref().unwrap_or("--target-version");
            let version =
                Version::parse(v).map_err(|e| Error::Usage(format!("{origin} {v:?}: {e}")))?;
            // Fixes and codegen write it into code: a month without a release, or one still
            // to come, is refused here, for every command alike.
            table
                .calendar
                .check_released(version, today)
                .map_err(|e| Error::Usage(format!("{origin} {v}: {e}")))?;
            opts.target_version = version;
        }
        Ok(Linter::new(table, opts))
    }
}

impl Linter {
    pub fn builder() -> LinterBuilder {
        LinterBuilder::default()
    }

    pub fn new(table: RuleTable, opts: CheckOptions) -> Linter {
        let pats = Checker::new(&table, opts.clone()).prefilter_literals();
        let prefilter = Prefilter::with(&pats);
        Linter {
            table,
            opts,
            prefilter,
        }
    }

    pub fn table(&self) -> &RuleTable {
        &self.table
    }

    pub fn options(&self) -> &CheckOptions {
        &self.opts
    }

    /// Scan the paths (and/or standard input) of `scan`.
    pub fn scan(&self, scan: &ScanOptions) -> Result<Scan, Error> {
        self.scan_with(scan, None, None)
    }

    /// [`scan`](Self::scan), calling `on_file` with each file's findings (sorted) as soon as
    /// that file is checked: from the walker's threads, in the order files finish. They are
    /// final: the returned [`Scan`] holds them unchanged. Findings that need the whole tree
    /// (`version-inconsistent`, `scope-version-mismatch`, `version-missing`) exist only once
    /// the walk is over, so they are only in the returned `Scan`. For streaming reports
    /// (`--format jsonl`); every other report renders the sorted `Scan`.
    pub fn scan_streaming(&self, scan: &ScanOptions, on_file: OnFile<'_>) -> Result<Scan, Error> {
        self.scan_with(scan, Some(on_file), None)
    }

    /// [`Linter::scan`], adding 1 to `progress` for every file walked (from the worker
    /// threads), so a caller can show how far a long run has got.
    pub fn scan_with_progress(
        &self,
        scan: &ScanOptions,
        progress: Option<&std::sync::atomic::AtomicUsize>,
    ) -> Result<Scan, Error> {
        self.scan_with(scan, None, progress)
    }

    fn scan_with(
        &self,
        scan: &ScanOptions,
        on_file: Option<OnFile<'_>>,
        progress: Option<&std::sync::atomic::AtomicUsize>,
    ) -> Result<Scan, Error> {
        let checker = Checker::new(&self.table, self.opts.clone());
        let (mut results, notes, scanned, _) = self.collect(&checker, scan, on_file, progress)?;
        let started = Instant::now();
        // The results are not kept: their checks are moved, not copied.
        let checks = results
            .iter_mut()
            .map(|r| std::mem::take(&mut r.check))
            .collect();
        let scan_result = finish(
            &checker,
            &results.iter().collect::<Vec<_>>(),
            checks,
            notes,
            scanned,
            &|_| true,
        );
        if let Some(t) = &scan.timings {
            t.set_finish(started.elapsed());
        }
        Ok(scan_result)
    }

    /// Walk, read and check every file of `scan` (the tree-wide checks not yet run): the
    /// per-file results sorted by path, the notes, the count of files scanned, and the filter
    /// the walk used.
    fn collect(
        &self,
        checker: &Checker<'_>,
        scan: &ScanOptions,
        on_file: Option<OnFile<'_>>,
        progress: Option<&std::sync::atomic::AtomicUsize>,
    ) -> Result<(Vec<FileResult>, Vec<Note>, usize, walk::PathFilter), Error> {
        for p in &scan.paths {
            if std::fs::symlink_metadata(p).is_err() {
                return Err(Error::Usage(format!(
                    "{}: no such file or directory",
                    walk::display_path(p)
                )));
            }
        }
        let mut filter = walk::PathFilter::new(&scan.walk).map_err(Error::Usage)?;
        // A streaming caller writes each file's findings as it goes, which a second walk
        // could not take back: it gets a probe per directory from the start.
        let speculating = on_file.is_none() && filter.speculate(&scan.paths);
        let max = scan.max_filesize.unwrap_or(DEFAULT_MAX_FILESIZE);
        let results: Mutex<Vec<FileResult>> = Mutex::new(Vec::new());
        let notes: Mutex<Vec<Note>> = Mutex::new(Vec::new());
        let scanned = std::sync::atomic::AtomicUsize::new(0);
        let timings = scan.timings.as_deref();
        let walk_started = Instant::now();
        let visit = |path: &Path, explicit: bool| {
            if let Some(p) = progress {
                p.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            match self.read(path, max, explicit, scan.no_prefilter, timings) {
                ReadOutcome::Skip(note) => {
                    if let Some(n) = note {
                        notes.lock().expect("unpoisoned").push(n);
                    }
                }
                ReadOutcome::NoCandidate => {
                    scanned.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                ReadOutcome::File(file) => {
                    scanned.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let mut r = analyze(checker, file, timings);
                    r.set_fs_path(path);
                    if let Some(n) = &r.note {
                        notes.lock().expect("unpoisoned").push(n.clone());
                    }
                    stream(on_file, &r);
                    results.lock().expect("unpoisoned").push(r);
                }
            }
        };
        let mut errors = walk::walk(&scan.paths, &scan.walk, &filter, visit);
        if speculating && filter.speculation_refuted() {
            // A config below the root: walk again, each directory with its own config.
            results.lock().expect("unpoisoned").clear();
            notes.lock().expect("unpoisoned").clear();
            scanned.store(0, std::sync::atomic::Ordering::Relaxed);
            filter.stop_speculating();
            errors = walk::walk(&scan.paths, &scan.walk, &filter, visit);
        }
        filter.confirm_speculation();
        if let Some(t) = timings {
            t.set_walk(walk_started.elapsed());
        }
        let mut results = results.into_inner().expect("unpoisoned");
        let mut notes = notes.into_inner().expect("unpoisoned");
        for e in errors {
            notes.push(Note {
                path: e.path,
                path_bytes: e.path_bytes,
                kind: NoteKind::Unreadable,
                message: e.message,
            });
        }
        // An editor's buffer of an excluded file is excluded too.
        if let Some((path, bytes)) = scan
            .stdin
            .as_ref()
            .filter(|s| !filter.excluded(Path::new(&s.0), false))
        {
            let lang = Lang::detect(Path::new(path), bytes).unwrap_or(Lang::Rust);
            let file = SourceFile::new(path.clone(), lang, bytes.clone());
            scanned.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let r = analyze(checker, file, timings);
            stream(on_file, &r);
            results.push(r);
        }
        results.sort_by(|a, b| a.path.cmp(&b.path));
        notes.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
        Ok((results, notes, scanned.into_inner(), filter))
    }

    /// [`Linter::scan`], keeping every file's own result so that one file can later be
    /// checked again ([`Workspace::update`]) and the tree-wide checks re-run
    /// ([`Workspace::scan`]) without walking or reading the tree again: the language server.
    /// Also returns the scan's notes.
    pub fn scan_workspace(&self, scan: &ScanOptions) -> Result<(Workspace, Vec<Note>), Error> {
        let checker = Checker::new(&self.table, self.opts.clone());
        let (results, notes, _, filter) = self.collect(&checker, scan, None, None)?;
        let files = results.into_iter().map(|r| (r.path.clone(), r)).collect();
        let ws = Workspace {
            files,
            filter,
            max_filesize: scan.max_filesize.unwrap_or(DEFAULT_MAX_FILESIZE),
        };
        Ok((ws, notes))
    }

    /// Lint one in-memory file (as `path`); for editors and tests.
    pub fn check_text(&self, path: &str, text: &str) -> Scan {
        self.check_bytes(path, text.as_bytes())
    }

    /// Lint one in-memory file given as bytes (any encoding) as if it were `path`.
    pub fn check_bytes(&self, path: &str, bytes: &[u8]) -> Scan {
        let checker = Checker::new(&self.table, self.opts.clone());
        let lang = Lang::detect(Path::new(path), bytes).unwrap_or(Lang::Rust);
        let file = SourceFile::new(path, lang, bytes.to_vec());
        let mut r = analyze(&checker, file, None);
        let notes = r.note.clone().into_iter().collect();
        let checks = vec![std::mem::take(&mut r.check)];
        finish(&checker, &[&r], checks, notes, 1, &|_| true)
    }

    /// Read one file once, and decide: skipped (with a note or not), no candidate, or a file
    /// to analyse. The display path is only built when something is reported about the file.
    ///
    /// Most files of a tree are read only to be ruled out by the prefilter, so this is the
    /// scan's hot path, and it makes as few system calls as ripgrep does: a walked file is
    /// opened and read into this thread's buffer (no `stat`: the walk saw a regular file;
    /// an `fstat` only for files over 64 KiB), and its bytes are copied out only when it is
    /// a candidate.
    fn read(
        &self,
        path: &Path,
        max: u64,
        explicit: bool,
        no_prefilter: bool,
        timings: Option<&Timings>,
    ) -> ReadOutcome {
        /// Read in one go; a larger file is checked against the size limit first.
        const FIRST: u64 = 64 * 1024;
        thread_local! {
            static BUF: std::cell::RefCell<Vec<u8>> =
                std::cell::RefCell::new(Vec::with_capacity(FIRST as usize + 1));
        }
        let started = timings.map(|_| Instant::now());
        let unreadable = |e: std::io::Error| {
            ReadOutcome::Skip(Some(Note::new(path, NoteKind::Unreadable, e.to_string())))
        };
        let by_name = Lang::detect(path, b"");
        // Unknown files are not ours to mention.
        let too_large = |len: u64| {
            ReadOutcome::Skip(by_name.map(|_| {
                let message = format!("{len} bytes is over the {max}-byte limit; skipped");
                Note::new(path, NoteKind::TooLarge, message)
            }))
        };
        if explicit {
            // Stat before opening: opening a FIFO or device would block or never end. (The
            // walk only hands over regular files.)
            let meta = match std::fs::metadata(path) {
                Ok(m) => m,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return vanished(path),
                Err(e) => return unreadable(e),
            };
            if !meta.is_file() {
                return ReadOutcome::Skip(Some(Note::new(
                    path,
                    NoteKind::NotAFile,
                    "not a regular file; skipped",
                )));
            }
            if meta.len() > max {
                return too_large(meta.len());
            }
        }
        let mut f = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return vanished(path),
            Err(e) => return unreadable(e),
        };
        BUF.with_borrow_mut(|buf| {
            buf.clear();
            if by_name.is_none() {
                // Only a shebang can make an unknown name ours: read the head first, and the
                // rest only if it names a language (images, CSS, lock files… are never read
                // whole).
                if let Err(e) = f.by_ref().take(256).read_to_end(buf) {
                    return unreadable(e);
                }
                if Lang::detect(path, buf).is_none() {
                    return ReadOutcome::Skip(None);
                }
            }
            let first = FIRST.min(max.saturating_add(1));
            if let Err(e) = f.by_ref().take(first).read_to_end(buf) {
                return unreadable(e);
            }
            if buf.len() as u64 >= first {
                match f.metadata() {
                    Ok(m) if m.len() > max => return too_large(m.len()),
                    Ok(_) => {}
                    Err(e) => return unreadable(e),
                }
                // At most one byte past the limit: a file that grew since is still caught.
                let rest = max.saturating_add(1).saturating_sub(buf.len() as u64);
                if let Err(e) = f.by_ref().take(rest).read_to_end(buf) {
                    return unreadable(e);
                }
                if buf.len() as u64 > max {
                    return too_large(buf.len() as u64);
                }
            }
            if let (Some(t), Some(s)) = (timings, started) {
                t.add(Stage::Read, s.elapsed(), buf.len());
            }
            let out = timed(timings, Stage::Prefilter, buf.len(), || {
                self.admit(path, by_name, buf, explicit, no_prefilter)
            });
            // A thread keeps a large buffer only until its next file.
            if buf.capacity() > 4 * FIRST as usize {
                *buf = Vec::with_capacity(FIRST as usize + 1);
            }
            out
        })
    }

    /// What to do with the bytes read for `path` (from disk or an editor): skip them (binary,
    /// unknown type), nothing to check (the prefilter), or a file to analyse.
    /// `by_name`: the language its name gives (`Lang::detect` with no head), known already.
    fn admit(
        &self,
        path: &Path,
        by_name: Option<Lang>,
        bytes: &[u8],
        explicit: bool,
        no_prefilter: bool,
    ) -> ReadOutcome {
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        let lang = by_name.or_else(|| Lang::detect(path, &bytes[..bytes.len().min(256)]));
        let Some(lang) = lang else {
            return ReadOutcome::Skip(None);
        };
        if !utf16 && memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
            // Named explicitly (pre-commit passes every staged file): skipped quietly.
            return ReadOutcome::Skip(
                (!explicit && by_name.is_some())
                    .then(|| Note::new(path, NoteKind::Binary, "binary file (NUL bytes); skipped")),
            );
        }
        // The prefilter: files without any literal a check needs are never tokenised.
        if !utf16 && !no_prefilter && !self.prefilter.is_match(bytes) {
            return ReadOutcome::NoCandidate;
        }
        ReadOutcome::File(SourceFile::new(
            walk::display_path(path),
            lang,
            bytes.to_vec(),
        ))
    }
}

/// A file that disappeared between the walk and the read: noted, not a failure.
fn vanished(path: &Path) -> ReadOutcome {
    ReadOutcome::Skip(Some(Note::new(
        path,
        NoteKind::Vanished,
        "disappeared during the scan; skipped",
    )))
}

enum ReadOutcome {
    Skip(Option<Note>),
    NoCandidate,
    File(SourceFile),
}

struct FileResult {
    path: String,
    /// The file's real path, when its name is not UTF-8 (then `path` is not it).
    fs_path: Option<PathBuf>,
    /// The lines a finding can point at, masked ([`excerpt`]); only while the file may get
    /// a finding (reports show its source).
    text: Option<String>,
    /// What the scan read, for `--fix` to tell whether the file changed since.
    snapshot: Option<Snapshot>,
    check: FileCheck,
    allows: suppress::Allows,
    note: Option<Note>,
}

fn analyze(checker: &Checker<'_>, file: SourceFile, timings: Option<&Timings>) -> FileResult {
    let started = timings.map(|_| Instant::now());
    let mut facts = extract::extract(&file);
    let started = match (timings, started) {
        (Some(t), Some(s)) => {
            let now = Instant::now();
            t.add_extract(file.lang, now - s, file.text.len());
            Some(now)
        }
        _ => None,
    };
    let mut note = facts.note.clone().map(|m| Note {
        path: file.path.clone(),
        path_bytes: None,
        kind: NoteKind::Degraded,
        message: m,
    });
    if file.encoding == source::Encoding::Latin1 {
        note = Some(Note {
            path: file.path.clone(),
            path_bytes: None,
            kind: NoteKind::Degraded,
            message: "not valid UTF-8; read as Latin-1 (no fixes are applied to it)".into(),
        });
    }
    let mut check = checker.check_file_taking_names(&file, &mut facts);
    check.path = file.path.clone();
    // Masked now, as streamed findings are written before `finish`.
    check.findings = check.findings.into_iter().map(redact_finding).collect();
    keep_credentials_out_of_fixes(&file, &mut check.findings);
    // A notebook's code lives in JSON strings, one per line: an edit could cut through the
    // JSON between them. Its findings are reported, never fixed.
    if file.lang == source::Lang::Notebook {
        check.findings.iter_mut().for_each(|f| f.fix = None);
    }
    let allows = suppress::collect(&file, &facts, checker.table);
    // Most candidates end without a finding: drop their text now rather than hold every
    // candidate's text (and line index) until the cross-file checks have run. A file with
    // allow comments keeps it: an unused allow is a finding.
    let keep = check.may_have_findings() || !allows.is_empty();
    let snapshot = keep.then(|| Snapshot::of(&file));
    // The one masking path: the secrets the checks found and every credential-shaped run of
    // the text, before any report, diff or baseline can see it. Then only the lines that a
    // finding can point at are kept: the file's text is dropped here.
    let text = keep.then(|| {
        let masked = redact::mask(&file.text, &check.secrets);
        excerpt(&masked, &shown_lines(&check, &allows))
    });
    if let (Some(t), Some(s)) = (timings, started) {
        t.add(Stage::Check, s.elapsed(), file.text.len());
    }
    FileResult {
        path: file.path,
        fs_path: None,
        text,
        snapshot,
        check,
        allows,
        note,
    }
}

impl FileResult {
    /// Record that the file was read from `path`: when its name is not UTF-8, its findings
    /// and note carry the exact bytes, and `--fix` the path to open.
    fn set_fs_path(&mut self, path: &Path) {
        let Some(bytes) = walk::path_bytes(path) else {
            return;
        };
        for f in &mut self.check.findings {
            f.path_bytes = Some(bytes.clone());
        }
        if let Some(n) = &mut self.note {
            n.path_bytes = Some(bytes);
        }
        self.fs_path = Some(path.to_path_buf());
    }
}

/// Hand one file's findings, in report order, to a streaming caller.
fn stream(on_file: Option<OnFile<'_>>, r: &FileResult) {
    if let Some(on_file) = on_file {
        let mut findings = r.check.findings.clone();
        // The file's allows apply now; unused allows are only known after the tree-wide
        // checks, and are reported then.
        r.allows.apply(&mut findings);
        findings.retain(|f| f.rule != Rule::UnusedAllow);
        sort_findings(&mut findings);
        on_file(&findings);
    }
}

/// Report order (path, position, rule), without duplicates.
fn sort_findings(findings: &mut Vec<Finding>) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup_by(|a, b| a.sort_key() == b.sort_key() && a.span == b.span);
}

/// The tree-wide checks over every file's result, then allow comments, masking and report
/// order: the [`Scan`]. `checks` are the results' checks, in the same order (moved out of
/// results that are not kept, copies of kept ones). Only the files `wanted` picks get their
/// findings and text into it (every file counts for the tree-wide checks).
fn finish(
    checker: &Checker<'_>,
    results: &[&FileResult],
    mut checks: Vec<FileCheck>,
    notes: Vec<Note>,
    files_scanned: usize,
    wanted: &dyn Fn(&str) -> bool,
) -> Scan {
    debug_assert_eq!(results.len(), checks.len());
    let mut secrets = BTreeMap::new();
    let mut fs_paths = BTreeMap::new();
    for r in results {
        if let Some(p) = &r.fs_path {
            fs_paths.insert(r.path.clone(), p.clone());
        }
    }
    checker.finish(&mut checks);
    let mut scan = Scan {
        notes,
        files_scanned,
        ..Scan::default()
    };
    for (r, mut check) in results.iter().copied().zip(checks) {
        if !wanted(&r.path) {
            continue;
        }
        // After the tree-wide checks, so allows silence cross-file findings too.
        r.allows.apply(&mut check.findings);
        if check.findings.is_empty() {
            continue;
        }
        debug_assert!(
            r.text.is_some(),
            "{}: a finding, but its text was dropped",
            r.path
        );
        if let Some(s) = r.snapshot {
            scan.snapshots.insert(r.path.clone(), s);
        }
        // Masked and cut down in `analyze`.
        if !check.secrets.is_empty() {
            secrets.insert(r.path.clone(), std::mem::take(&mut check.secrets));
        }
        scan.sources.insert(
            r.path.clone(),
            Arc::from(r.text.as_deref().unwrap_or_default()),
        );
        scan.findings
            .extend(check.findings.into_iter().map(redact_finding));
    }
    // Tree-wide findings name files by path only.
    for f in scan.findings.iter_mut().filter(|f| f.path_bytes.is_none()) {
        f.path_bytes = fs_paths.get(&f.path).and_then(|p| walk::path_bytes(p));
    }
    fs_paths.retain(|p, _| scan.sources.contains_key(p));
    scan.fs_paths = fs_paths;
    scan.secrets = secrets;
    sort_findings(&mut scan.findings);
    scan
}

/// A scan kept file by file ([`Linter::scan_workspace`]), for a language server: a file can
/// be checked again from an editor's buffer or from disk, and the tree-wide checks re-run over
/// what is known, without walking or reading the rest of the tree again. Files the prefilter
/// passed over are not kept (they cannot have a finding, nor add to a tree-wide one).
pub struct Workspace {
    files: BTreeMap<String, FileResult>,
    /// The walk's excludes (config and flags), for files checked later.
    filter: walk::PathFilter,
    max_filesize: u64,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("files", &self.files.len())
            .finish()
    }
}

impl Workspace {
    /// Check `bytes` as the file at `path` (an editor's buffer), in place of what was known
    /// of it. The same rules as the scan apply: excludes, the size limit, binary and unknown
    /// files, the prefilter. Returns a note when the text was skipped or read in a degraded
    /// way.
    pub fn update(&mut self, linter: &Linter, path: &str, bytes: &[u8]) -> Option<Note> {
        let p = Path::new(path);
        let key = walk::display_path(p);
        self.files.remove(&key);
        if self.filter.excluded(p, false) {
            return None;
        }
        let len = bytes.len() as u64;
        if len > self.max_filesize {
            return Some(Note {
                path_bytes: None,
                path: key,
                kind: NoteKind::TooLarge,
                message: format!(
                    "{len} bytes is over the {}-byte limit; skipped",
                    self.max_filesize
                ),
            });
        }
        match linter.admit(p, Lang::detect(p, b""), bytes, false, false) {
            ReadOutcome::Skip(note) => note,
            ReadOutcome::NoCandidate => None,
            ReadOutcome::File(file) => {
                let checker = Checker::new(&linter.table, linter.opts.clone());
                let r = analyze(&checker, file, None);
                let note = r.note.clone();
                self.files.insert(key, r);
                note
            }
        }
    }

    /// Check the file at `path` again as it is on disk (an editor closed it without saving,
    /// or it changed outside the editor); a file that is gone is forgotten.
    pub fn reload(&mut self, linter: &Linter, path: &str) -> Option<Note> {
        let key = walk::display_path(Path::new(path));
        self.files.remove(&key);
        match linter.read(Path::new(path), self.max_filesize, false, false, None) {
            ReadOutcome::File(file) if !self.filter.excluded(Path::new(path), false) => {
                let checker = Checker::new(&linter.table, linter.opts.clone());
                let r = analyze(&checker, file, None);
                let note = r.note.clone();
                self.files.insert(key, r);
                note
            }
            ReadOutcome::Skip(note) => note.filter(|n| n.kind != NoteKind::Vanished),
            _ => None,
        }
    }

    /// The tree-wide checks and allow comments over every known file, as [`Linter::scan`]
    /// finishes; the findings (and masked texts) are those of the files `wanted` picks.
    pub fn scan(&self, linter: &Linter, wanted: &dyn Fn(&str) -> bool) -> Scan {
        let checker = Checker::new(&linter.table, linter.opts.clone());
        let results: Vec<&FileResult> = self.files.values().collect();
        // `Checker::finish` adds to the checks: it works on copies, so the kept files can be
        // finished again.
        let checks = results.iter().map(|r| r.check.clone()).collect();
        finish(
            &checker,
            &results,
            checks,
            Vec::new(),
            results.len(),
            wanted,
        )
    }

    /// The valid LinkedIn versions pinned in the file at `path`, with where.
    pub fn versions(&self, path: &str) -> &[(Version, crate::finding::Span)] {
        self.files
            .get(&walk::display_path(Path::new(path)))
            .map_or(&[], |r| &r.check.versions)
    }

    /// The file's text as reports show it: masked, and only the lines a finding can point at
    /// (line breaks kept, so positions on those lines hold).
    pub fn text(&self, path: &str) -> Option<&str> {
        self.files
            .get(&walk::display_path(Path::new(path)))
            .and_then(|r| r.text.as_deref())
    }

    /// How many files the workspace holds (files that may have findings).
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Line ranges (1-based, inclusive, with one line of context) that a finding of this file can
/// point at, now or after the tree-wide checks: its findings and every site the tree-wide
/// checks and `unused-allow` make findings at.
fn shown_lines(check: &FileCheck, allows: &suppress::Allows) -> Vec<(usize, usize)> {
    let mut spans: Vec<crate::finding::Span> = Vec::new();
    for f in check.pending_findings() {
        spans.push(f.span);
        spans.extend(
            f.related
                .iter()
                .filter(|r| r.path == f.path)
                .map(|r| r.span),
        );
    }
    spans.extend(check.pending_sites());
    spans.extend(
        allows
            .allows
            .iter()
            .flat_map(|a| a.names.iter().map(|n| n.span)),
    );
    spans.extend(allows.malformed.iter().copied());
    let mut lines: Vec<(usize, usize)> = spans
        .iter()
        .map(|s| {
            (
                s.start.line.saturating_sub(1),
                s.end.line.max(s.start.line) + 1,
            )
        })
        .collect();
    lines.sort_unstable();
    lines
}

/// `text` with every line outside `keep` (sorted line ranges) emptied: line breaks stay, so
/// line and column numbers hold.
fn excerpt(text: &str, keep: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut ranges = keep.iter().peekable();
    // Lines found with memchr: `split_inclusive('\n')` cost more than the rest of this.
    let mut start = 0;
    let mut n = 0;
    while start < text.len() {
        n += 1;
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i + 1);
        while ranges.peek().is_some_and(|r| r.1 < n) {
            ranges.next();
        }
        if ranges.peek().is_some_and(|r| r.0 <= n) {
            out.push_str(&text[start..end]);
        } else if text.as_bytes()[end - 1] == b'\n' {
            out.push('\n');
        }
        start = end;
    }
    out
}

/// A finding's texts as reports may show them: messages quote file contents (a URL, a header
/// value), so they are masked as the sources are. Fix edits are left whole: `--fix` writes
/// them (no fix rewrites a credential, and every report that shows one masks it).
fn redact_finding(mut f: Finding) -> Finding {
    for s in [&mut f.message, &mut f.help]
        .into_iter()
        .chain(f.related.iter_mut().map(|r| &mut r.message))
    {
        if let Cow::Owned(m) = redact::text(s) {
            *s = m;
        }
    }
    f
}

/// A fix that rewrites a string holding a credential (`/v2/me?oauth2_access_token=AQ…` →
/// `/v2/userinfo?…`) would carry it in its replacement, which JSON and SARIF print. Each such
/// edit is narrowed to the bytes that change (the credential is the same on both sides); a fix
/// that would still carry one is dropped.
fn keep_credentials_out_of_fixes(file: &SourceFile, findings: &mut [Finding]) {
    for f in findings.iter_mut() {
        let Some(fix) = &mut f.fix else { continue };
        let mut ok = true;
        for e in &mut fix.edits {
            if redact::ranges(&e.replacement).is_empty() {
                continue;
            }
            let old = (file.encoding == source::Encoding::Utf8)
                .then(|| file.text.get(e.byte_start..e.byte_end))
                .flatten();
            let Some(old) = old else {
                ok = false;
                break;
            };
            let new = e.replacement.as_str();
            let prefix: usize = old
                .chars()
                .zip(new.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a.len_utf8())
                .sum();
            let suffix: usize = old[prefix..]
                .chars()
                .rev()
                .zip(new[prefix..].chars().rev())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a.len_utf8())
                .sum();
            let narrowed = new[prefix..new.len() - suffix].to_string();
            if !redact::ranges(&narrowed).is_empty() {
                ok = false;
                break;
            }
            e.byte_start += prefix;
            e.byte_end -= suffix;
            e.replacement = narrowed;
        }
        if !ok {
            f.fix = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A kept workspace finds what a scan finds, before and after one file changes (in
    /// memory for the workspace, on disk for the scan), cross-file findings included.
    #[test]
    fn a_kept_workspace_finds_what_a_scan_finds() {
        // 26 days before 202601's sunset: inside the `version-expiring` window.
        let linter = Linter::builder().today("2026-12-20").build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.py");
        let pin = |v: &str| format!("HEADERS = {{\"LinkedIn-Version\": \"{v}\"}}\n");
        std::fs::write(&a, pin(&format!("{}04", 2023))).unwrap();
        std::fs::write(dir.path().join("b.py"), pin("202601")).unwrap();
        std::fs::write(dir.path().join("c.py"), "print('no candidate')\n").unwrap();
        let opts = ScanOptions::paths([dir.path()]);
        let (mut ws, _) = linter.scan_workspace(&opts).unwrap();
        assert_eq!(ws.len(), 2, "only candidates are kept");
        let same = |ws: &Workspace| {
            let kept = ws.scan(&linter, &|_| true).findings;
            assert_eq!(kept, linter.scan(&opts).unwrap().findings);
            kept.len()
        };
        assert!(same(&ws) > 2, "sunset, expiring, and the outlier pin");
        let a_path = walk::display_path(&a);
        for text in [
            pin("202601"),
            "no pin here\n".into(),
            pin(&format!("{}01", 2024)),
        ] {
            ws.update(&linter, &a_path, text.as_bytes());
            std::fs::write(&a, &text).unwrap();
            same(&ws);
        }
        // Only the files asked for, with their cross-file findings (a's pin is the older one).
        let only_a = ws.scan(&linter, &|p| p.ends_with("a.py")).findings;
        assert!(only_a.iter().all(|f| f.path.ends_with("a.py")));
        assert!(only_a.iter().any(|f| f.rule == Rule::VersionInconsistent));
        // Too large for the limit: skipped with a note, and forgotten.
        let mut small = linter
            .scan_workspace(&ScanOptions {
                max_filesize: Some(10),
                ..ScanOptions::paths([dir.path()])
            })
            .unwrap()
            .0;
        let note = small.update(&linter, &a_path, pin("202601").as_bytes());
        assert_eq!(note.map(|n| n.kind), Some(NoteKind::TooLarge));
        assert!(small.versions(&a_path).is_empty());
    }

    /// A file deleted between the walk and the read is noted, not a failure.
    #[test]
    fn file_deleted_during_the_scan_is_noted() {
        let linter = Linter::builder().today("2026-11-23").build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone.py");
        match linter.read(&gone, DEFAULT_MAX_FILESIZE, false, false, None) {
            ReadOutcome::Skip(Some(n)) => {
                assert_eq!(n.kind, NoteKind::Vanished);
                assert!(n.path.ends_with("gone.py"));
            }
            _ => panic!("expected a vanished note"),
        }
    }

    /// The size limit holds for walked files (read without a `stat`) on both sides of the
    /// first 64 KiB read, and a file just under it is read whole.
    #[test]
    fn walked_files_keep_to_the_size_limit() {
        let linter = Linter::builder().today("2026-11-23").build().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let call = "URL = \"https://api.linkedin.com/v2/me\"\n";
        for (name, pad) in [
            ("small.py", 100),
            ("edge.py", 64 * 1024),
            ("big.py", 200_000),
        ] {
            let text = format!("{}{call}", "#\n".repeat(pad / 2));
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let scan = |max: u64| {
            let s = linter
                .scan(&ScanOptions {
                    max_filesize: Some(max),
                    ..ScanOptions::paths([dir.path()])
                })
                .unwrap();
            let mut found: Vec<String> = s
                .findings
                .iter()
                .map(|f| f.path.rsplit('/').next().unwrap().to_string())
                .collect();
            found.dedup();
            let mut large: Vec<String> = s
                .notes
                .iter()
                .filter(|n| n.kind == NoteKind::TooLarge)
                .map(|n| n.path.rsplit('/').next().unwrap().to_string())
                .collect();
            large.sort();
            (found, large)
        };
        assert_eq!(
            scan(50),
            (
                vec![],
                vec!["big.py".into(), "edge.py".into(), "small.py".into()]
            )
        );
        assert_eq!(
            scan(1000),
            (
                vec!["small.py".into()],
                vec!["big.py".into(), "edge.py".into()]
            )
        );
        assert_eq!(
            scan(100_000),
            (
                vec!["edge.py".into(), "small.py".into()],
                vec!["big.py".into()]
            )
        );
        assert_eq!(scan(300_000).1, Vec::<String>::new());
        assert_eq!(scan(300_000).0.len(), 3);
    }
}
