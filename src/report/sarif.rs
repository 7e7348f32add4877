//! `--format sarif`: one SARIF 2.1.0 log, for code-scanning UIs (GitHub code scanning, the
//! VS Code SARIF viewer, Azure DevOps).
//!
//! A hand-written model of the part of SARIF we emit, as typed serde structs: the shape is
//! visible here and checked by the compiler, and the whole model is smaller than the builder
//! boilerplate a generated crate would need. Tests validate the output against the official
//! schema (tests/reports.rs).
//!
//! Choices, each to make the log valid and portable:
//! - `version` is the SARIF version `2.1.0` (never ours) and `$schema` names its schema;
//! - every rule-table entry is a `tool.driver.rules` descriptor, so a result's `ruleIndex`
//!   always resolves and viewers can show help for rules that did not fire;
//! - locations are relative URIs as the paths were given (never machine-specific `file://`
//!   paths, unless the user passed an absolute path), percent-encoded;
//! - regions use our 1-based, exclusive-end, Unicode-scalar columns, declared with
//!   `columnKind: unicodeCodePoints` (SARIF's default would be UTF-16 code units);
//! - only machine-applicable fixes become SARIF `fixes`: SARIF has no applicability levels,
//!   and viewers offer every fix as safe to apply.

use std::io::{self, Write};

use serde::Serialize;

use crate::Scan;
use crate::engine::NoteKind;
use crate::finding::{Applicability, Finding, Severity, Span};
use crate::rules::{Entry, RuleTable};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    /// Only when some file was not scanned, or only partly: one notification each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    invocations: Vec<Invocation<'a>>,
}

/// The run's invocation, to carry `toolExecutionNotifications`: the files the scan skipped
/// (unreadable, binary, too large…) or read in a degraded way.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Text,
    locations: [NotificationLocation; 1],
    descriptor: NotificationId<'a>,
}

/// `unreadable`, `too-large`, … (the JSON notes' `kind`).
#[derive(Serialize)]
struct NotificationId<'a> {
    id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: FileLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileLocation {
    artifact_location: ArtifactLocation,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Descriptor<'a>>,
}

/// A `reportingDescriptor`: one rule-table entry.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    /// The rule-table id (`v2-me`): what results name in `ruleId`.
    id: &'a str,
    /// The check (`endpoint-deprecated`).
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<&'a str>,
    default_configuration: Configuration,
    properties: Properties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: Level,
}

#[derive(Serialize)]
struct Properties {
    tags: [&'static str; 1],
}

#[derive(Clone, Copy, Serialize)]
#[serde(rename_all = "lowercase")]
enum Level {
    Error,
    Warning,
    Note,
}

impl From<Severity> for Level {
    fn from(s: Severity) -> Level {
        match s {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Note,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: Level,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

impl From<&Span> for Region {
    fn from(s: &Span) -> Region {
        Region {
            start_line: s.start.line,
            start_column: s.start.column,
            end_line: s.end.line,
            end_column: s.end.column,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: ByteRegion,
    inserted_content: Content,
}

/// Byte offsets: fix edits are byte ranges of the file as stored on disk.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ByteRegion {
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
struct Content {
    text: String,
}

pub fn render(scan: &Scan, table: &RuleTable, out: &mut dyn Write) -> io::Result<()> {
    let mut rules: Vec<Descriptor<'_>> = table.entries().map(descriptor).collect();
    let mut index: std::collections::HashMap<&str, usize> =
        rules.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    // A finding whose id is not in the table (none today) still gets a descriptor, so every
    // `ruleIndex` resolves.
    for f in &scan.findings {
        if !index.contains_key(f.id.as_str()) {
            index.insert(&f.id, rules.len());
            rules.push(descriptor_of_finding(f));
        }
    }
    let results = scan
        .findings
        .iter()
        .map(|f| result(f, index[f.id.as_str()]))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "linkedin-lint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
            invocations: invocations(scan),
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// One notification per note; the log has no invocation when there is none.
fn invocations(scan: &Scan) -> Vec<Invocation<'_>> {
    if scan.notes.is_empty() {
        return Vec::new();
    }
    let notifications = scan
        .notes
        .iter()
        .map(|n| Notification {
            level: match n.kind {
                NoteKind::Unreadable => "error",
                NoteKind::Degraded => "note",
                _ => "warning",
            },
            message: Text {
                text: format!("{}: {}", n.path, n.message),
            },
            locations: [NotificationLocation {
                physical_location: FileLocation {
                    artifact_location: ArtifactLocation {
                        uri: uri_of(&n.path, n.path_bytes.as_deref()),
                    },
                },
            }],
            descriptor: NotificationId {
                id: note_kind_name(n.kind),
            },
        })
        .collect();
    vec![Invocation {
        execution_successful: true,
        tool_execution_notifications: notifications,
    }]
}

/// The `kind` of a note as JSON writes it.
fn note_kind_name(k: NoteKind) -> &'static str {
    match k {
        NoteKind::Binary => "binary",
        NoteKind::TooLarge => "too-large",
        NoteKind::Unreadable => "unreadable",
        NoteKind::Degraded => "degraded",
        NoteKind::Vanished => "vanished",
        NoteKind::NotAFile => "not-a-file",
    }
}

/// The URI of a file: from its exact bytes when its name is not UTF-8.
fn uri_of(path: &str, bytes: Option<&[u8]>) -> String {
    bytes_to_uri(bytes.unwrap_or(path.as_bytes()))
}

/// The project's homepage or repository from Cargo.toml, when it names one.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| is_absolute_uri(u))
}

fn descriptor(e: Entry<'_>) -> Descriptor<'_> {
    // Generic checks have message templates (`{version}`); their check's summary reads better.
    let short = match e.section {
        crate::rules::Section::Check(_) => e.rule.summary().to_string(),
        _ => crate::reference::capitalized(e.message),
    };
    // What it is, then what breaks at run time (as `linkedin-lint explain` says it).
    let breaks = e
        .breaks
        .unwrap_or_else(|| crate::reference::typical_failure(e.rule));
    let mut full = format!("{short}. At run time: {breaks}");
    if !full.ends_with(['.', '"']) {
        full.push('.');
    }
    Descriptor {
        id: e.id,
        name: e.rule.name(),
        short_description: Text { text: short },
        full_description: Text { text: full },
        help: help(&crate::reference::entry_help(e.help), e.source),
        help_uri: is_absolute_uri(e.source).then_some(e.source),
        default_configuration: Configuration {
            level: e.severity.into(),
        },
        properties: Properties {
            tags: [e.rule.name()],
        },
    }
}

fn descriptor_of_finding(f: &Finding) -> Descriptor<'_> {
    Descriptor {
        id: &f.id,
        name: f.rule.name(),
        short_description: Text {
            text: f.rule.summary().to_string(),
        },
        full_description: Text {
            text: format!("{}.", f.rule.summary()),
        },
        help: help(&f.help, &f.docs),
        help_uri: is_absolute_uri(&f.docs).then_some(f.docs.as_str()),
        default_configuration: Configuration {
            level: f.severity.into(),
        },
        properties: Properties {
            tags: [f.rule.name()],
        },
    }
}

fn help(help: &str, source: &str) -> Help {
    let (text, markdown) = if source.is_empty() {
        (help.to_string(), help.to_string())
    } else if is_absolute_uri(source) {
        (
            format!("{help}\n\nSource: {source}"),
            format!("{help}\n\nSource: <{source}>"),
        )
    } else {
        let s = format!("{help}\n\nSource: {source}");
        (s.clone(), s)
    };
    Help { text, markdown }
}

fn result(f: &Finding, rule_index: usize) -> SarifResult<'_> {
    let related_locations = f
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| Location {
            id: Some(i + 1),
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: path_to_uri(&r.path),
                },
                region: (&r.span).into(),
            },
            message: Some(Text {
                text: r.message.clone(),
            }),
        })
        .collect();
    let fixes = f
        .fix
        .iter()
        .filter(|x| x.applicability == Applicability::MachineApplicable && !x.edits.is_empty())
        .map(|x| SarifFix {
            description: Text {
                text: match x.edits.as_slice() {
                    [one] if one.replacement.is_empty() => "Delete this text".to_string(),
                    [one] => format!("Replace with `{}`", one.replacement),
                    many => format!("Apply {} edits", many.len()),
                },
            },
            artifact_changes: [ArtifactChange {
                artifact_location: ArtifactLocation {
                    uri: uri_of(&f.path, f.path_bytes.as_deref()),
                },
                replacements: x
                    .edits
                    .iter()
                    .map(|e| Replacement {
                        deleted_region: ByteRegion {
                            byte_offset: e.byte_start,
                            byte_length: e.byte_end - e.byte_start,
                        },
                        inserted_content: Content {
                            text: e.replacement.clone(),
                        },
                    })
                    .collect(),
            }],
        })
        .collect();
    SarifResult {
        rule_id: &f.id,
        rule_index,
        level: f.severity.into(),
        message: Text {
            text: f.message.clone(),
        },
        locations: [Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri_of(&f.path, f.path_bytes.as_deref()),
                },
                region: (&f.span).into(),
            },
            message: None,
        }],
        related_locations,
        fixes,
    }
}

/// `scheme:rest` with an RFC 3986 scheme and no spaces: what SARIF's `format: uri` accepts.
fn is_absolute_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !s.contains(char::is_whitespace)
}

/// A finding path (`/`-separated, as reached from the command line) as a URI reference:
/// relative paths stay relative (code-scanning UIs resolve them against the checkout), absolute
/// ones become `file://` URIs. Everything but unreserved characters and `/` is percent-encoded
/// (UTF-8 bytes), so spaces, `#`, `?` and `%` in file names survive.
pub fn path_to_uri(path: &str) -> String {
    bytes_to_uri(path.as_bytes())
}

/// [`path_to_uri`] of a path given as bytes (a name that is not UTF-8 is percent-encoded
/// byte by byte, so the URI names the very file).
fn bytes_to_uri(b: &[u8]) -> String {
    let encode = |s: &[u8]| {
        let mut out = String::with_capacity(s.len());
        for &b in s {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    if b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/' {
        // A Windows drive path, `C:/src/x.rs`: the drive colon stays as it is.
        return format!("file:///{}:{}", b[0] as char, encode(&b[2..]));
    }
    if b.starts_with(b"/") {
        return format!("file://{}", encode(b));
    }
    encode(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_percent_encoded() {
        assert_eq!(path_to_uri("src/client.rs"), "src/client.rs");
        assert_eq!(path_to_uri("my dir/a#b?.rs"), "my%20dir/a%23b%3F.rs");
        assert_eq!(path_to_uri("100%/é.rs"), "100%25/%C3%A9.rs");
        assert_eq!(path_to_uri("../x/y.rs"), "../x/y.rs");
        assert_eq!(path_to_uri("/tmp/a b.rs"), "file:///tmp/a%20b.rs");
        assert_eq!(path_to_uri("C:/src/x.rs"), "file:///C:/src/x.rs");
    }

    #[test]
    fn absolute_uri_check() {
        assert!(is_absolute_uri("https://learn.microsoft.com/x"));
        assert!(!is_absolute_uri("see the wiki"));
        assert!(!is_absolute_uri("wiki page: x"));
        assert!(!is_absolute_uri(""));
    }
}
