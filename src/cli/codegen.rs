//! `linkedin-lint codegen`: its arguments, and what it prints and exits with.

use std::io;
use std::path::Path;

use crate::codegen::{Constants, Freshness, Language, check, generate, write};

/// `linkedin-lint codegen`.
#[derive(Debug, Clone, clap::Args)]
pub struct CodegenArgs {
    /// The language to write.
    #[arg(long, value_enum)]
    pub lang: Language,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Write nothing; exit 1 with a diff when FILE is not what would be generated, 0 when it is.
    #[arg(long, requires = "out")]
    pub check: bool,
    #[command(flatten)]
    pub table: super::TableArgs,
}

/// Run `codegen`; returns the exit code.
pub fn run(a: &CodegenArgs) -> Result<i32, crate::Error> {
    use super::{EXIT_FINDINGS, EXIT_OK};
    use crate::calendar::Status;

    let linter = a.table.builder().build()?;
    let c = Constants::new(&linter);
    let opts = linter.options();
    match linter
        .table()
        .calendar
        .status(c.version, opts.today, opts.expiring_days)
    {
        Status::Active { .. } => {}
        Status::Expiring { sunset, days, .. } => eprintln!(
            "linkedin-lint: warning: {} sunsets on {sunset}, in {days} days",
            c.version
        ),
        Status::Sunset { sunset, .. } => eprintln!(
            "linkedin-lint: warning: {} was sunset on {sunset}; requests pinned to it fail",
            c.version
        ),
        // Refused when the linter was built (`Calendar::check_released`).
        Status::BeforeFirst | Status::NotReleased | Status::Future => {}
    }
    let text = generate(a.lang, &c);
    let io_err = |path: &Path, e: io::Error| crate::Error::Io {
        path: crate::walk::display_path(path),
        message: e.to_string(),
    };
    match (&a.out, a.check) {
        (None, _) => {
            print!("{text}");
            Ok(EXIT_OK)
        }
        (Some(out), false) => {
            write(out, &text).map_err(|e| io_err(out, e))?;
            Ok(EXIT_OK)
        }
        (Some(out), true) => match check(out, &text).map_err(|e| io_err(out, e))? {
            Freshness::Fresh => Ok(EXIT_OK),
            Freshness::Stale { diff } => {
                print!("{diff}");
                eprintln!(
                    "linkedin-lint: {} is not what `linkedin-lint codegen --lang {}` generates; \
                     regenerate it (the diff above goes from the file to the generated text)",
                    crate::walk::display_path(out),
                    a.lang.name()
                );
                Ok(EXIT_FINDINGS)
            }
        },
    }
}
