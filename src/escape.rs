//! What reports show of file names and file contents, made safe for terminals and CI logs.
//!
//! A file name or a line of a scanned file is data, but printed raw it can act: a newline
//! followed by `::error file=…::…` is a GitHub Actions workflow command in the job log, ESC and
//! BEL start terminal escape sequences (colours, titles, cursor moves, hyperlinks). The human,
//! rustc, short and github reports pass every such string through this module; JSON, JSON
//! Lines and SARIF escape control characters through their own encoders.
//!
//! The control characters are those of Unicode category Cc: C0 (U+0000–U+001F), DEL (U+007F)
//! and C1 (U+0080–U+009F).

use std::borrow::Cow;

/// `s` with every control character written as an escape: `\n`, `\r`, `\t`, `\x1b`, `\x7f`,
/// `\u{9b}`. For file names, messages and anything else shown on one line. Backslashes are left
/// as they are (Windows paths stay readable).
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x80 && c.is_control() => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Source text for a snippet: lines stay lines (`\n` and `\r\n`) and tabs stay tabs (the
/// renderers lay them out); every other control character becomes one visible character, as
/// rustc shows them: C0 as its Control Picture (ESC as `␛`, a lone CR as `␍`), DEL as `␡`, C1
/// as `�`. One character for one keeps every line and column of a finding where it was.
pub fn snippet(s: &str) -> Cow<'_, str> {
    let unsafe_at = |i: usize, c: char| {
        c.is_control() && c != '\n' && c != '\t' && !(c == '\r' && s[i + 1..].starts_with('\n'))
    };
    if !s.char_indices().any(|(i, c)| unsafe_at(i, c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        if !unsafe_at(i, c) {
            out.push(c);
        } else if (c as u32) < 0x20 {
            out.push(char::from_u32(0x2400 + c as u32).expect("U+2400–U+241F are characters"));
        } else if c == '\u{7f}' {
            out.push('\u{2421}');
        } else {
            out.push('\u{fffd}');
        }
    }
    Cow::Owned(out)
}

/// Whether a line would be read as a GitHub Actions workflow command: the runner trims
/// leading white space, then looks for `::`.
fn is_workflow_command(line: &str) -> bool {
    line.trim_start().starts_with("::")
}

/// A relative path shown at the start of a line (`path:line:col: …`), with `./` in front when
/// the line would otherwise read as a workflow command (a file named `::error file=…::x.py`):
/// the same file, and still `path:line:col` to editors and problem matchers.
pub fn line_start_path(path: &str) -> Cow<'_, str> {
    if is_workflow_command(path) {
        Cow::Owned(format!("./{path}"))
    } else {
        Cow::Borrowed(path)
    }
}

/// Rendered lines, with a `\` before the `::` of every line that would read as a workflow
/// command. No control character is left to start a line by then, but wrapping can: a long
/// help line that quotes a file name such as `a ::error file=x::y.py` breaks before the `::`.
pub fn workflow_commands(rendered: &str) -> Cow<'_, str> {
    if !rendered.lines().any(is_workflow_command) {
        return Cow::Borrowed(rendered);
    }
    let mut out = String::with_capacity(rendered.len() + 8);
    for line in rendered.split_inclusive('\n') {
        if is_workflow_command(line) {
            let indent = line.len() - line.trim_start().len();
            out.push_str(&line[..indent]);
            out.push('\\');
            out.push_str(&line[indent..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_every_control_character() {
        assert!(matches!(text("src/a b.py"), Cow::Borrowed(_)));
        assert!(matches!(text("C:\\dir\\é.py"), Cow::Borrowed(_)));
        assert_eq!(
            text("x\n::error file=evil.py::I\r\t"),
            "x\\n::error file=evil.py::I\\r\\t"
        );
        assert_eq!(text("\x1b[31mred\x07\0\x7f"), "\\x1b[31mred\\x07\\x00\\x7f");
        assert_eq!(text("a\u{9b}31m\u{85}"), "a\\u{9b}31m\\u{85}");
        for c in (0..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
            assert!(
                !text(&format!("a{c}b")).chars().any(char::is_control),
                "{c:?}"
            );
        }
    }

    #[test]
    fn lines_never_start_a_workflow_command() {
        assert_eq!(line_start_path("src/a.py"), "src/a.py");
        assert_eq!(line_start_path("::error x::y.py"), "./::error x::y.py");
        assert_eq!(line_start_path(" \t::x"), "./ \t::x");
        let plain = "  help: a ::b\n  x\n";
        assert!(matches!(workflow_commands(plain), Cow::Borrowed(_)));
        assert_eq!(
            workflow_commands("  help: long\n        ::error file=x::y\n::warning::z"),
            "  help: long\n        \\::error file=x::y\n\\::warning::z"
        );
    }

    #[test]
    fn snippet_keeps_lines_tabs_and_columns() {
        let plain = "a\r\n\tb\nc";
        assert!(matches!(snippet(plain), Cow::Borrowed(_)));
        let s = "x = '\x1b]0;title\x07'\r\ny\rz\x7f\u{9b}\n";
        let got = snippet(s);
        assert_eq!(got, "x = '␛]0;title␇'\r\ny␍z␡\u{fffd}\n");
        assert_eq!(got.chars().count(), s.chars().count());
        assert_eq!(got.lines().count(), s.lines().count());
        assert!(
            !got.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\r')
        );
    }
}
