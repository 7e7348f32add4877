//! `--format github`: GitHub Actions workflow commands, one annotation per finding.
//!
//! ```text
//! ::error file=src/oauth.rs,line=10,col=34,endLine=10,endColumn=46,title=linkedin-lint%3A endpoint-deprecated/uas-oauth2::`/uas/oauth2/` is the retired OAuth 2.0 path%0AUse …
//! ```
//!
//! Annotations work on every repository and plan, unlike SARIF upload. Escaping follows
//! GitHub's toolkit (`@actions/core` `command.ts`): data escapes `%`, CR and LF; property
//! values also escape `:` and `,`, which would otherwise end the value. Columns are 1-based
//! with an exclusive end, as in every other format.
//!
//! Before that, control characters in file names and in what a finding quotes of a file are
//! written as escapes (`\n`, `\x1b`: [`crate::escape::text`]): the runner reads the log line by
//! line, and ESC or BEL would reach the terminal of whoever reads the log. The only line break
//! in a message is the one between message and help, sent as `%0A`.

use std::io::{self, Write};

use crate::Scan;
use crate::escape;
use crate::finding::Severity;

pub fn render(scan: &Scan, out: &mut dyn Write) -> io::Result<()> {
    for f in &scan.findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let title = format!("linkedin-lint: {}/{}", f.rule, escape::text(&f.id));
        let mut message = escape::text(&f.message).into_owned();
        if !f.help.is_empty() {
            message.push('\n');
            message.push_str(&escape::text(&f.help));
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&escape::text(&f.path)),
            f.span.start.line,
            f.span.start.column,
            f.span.end.line,
            f.span.end.column,
            escape_property(&title),
            escape_data(&message),
        )?;
    }
    Ok(())
}

/// The message part of a command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A `key=value` property of a command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(
            escape_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b"
        );
        assert_eq!(
            escape_property("linkedin-lint: a,b%\n"),
            "linkedin-lint%3A a%2Cb%25%0A"
        );
        // `%` first, so an escape is never escaped twice.
        assert_eq!(escape_data("%0A"), "%250A");
    }
}
