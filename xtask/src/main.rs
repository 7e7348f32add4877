//! `cargo xtask …`: project tasks that use the linkedin-lint library in-process.

use std::process::ExitCode;

mod bench;
mod bench_server;
mod corpus;
mod fixcheck;
mod floor;
mod realworld;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("lint-linkedin") => {
            // Same parser and code path as the binary, run in-process through the library.
            let argv = std::iter::once("cargo xtask lint-linkedin".to_string())
                .chain(args[1..].iter().cloned());
            ExitCode::from(linkedin_lint::cli::main(argv) as u8)
        }
        Some("codegen") => codegen(&args[1..]),
        Some("bench") => ExitCode::from(bench::main(&args[1..]) as u8),
        Some("bench-server") => ExitCode::from(bench_server::main(&args[1..]) as u8),
        Some("realworld") => ExitCode::from(realworld::main(&args[1..]) as u8),
        Some("fixcheck") => ExitCode::from(fixcheck::main(&args[1..]) as u8),
        Some("floor") => ExitCode::from(floor::main(&args[1..]) as u8),
        _ => {
            eprintln!(
                "usage: cargo xtask lint-linkedin [PATHS] [FLAGS] | cargo xtask codegen [--check] | cargo xtask bench [--runs N] … | cargo xtask bench-server [--changes N] | cargo xtask realworld --mirrors DIR | cargo xtask fixcheck --mirrors DIR"
            );
            ExitCode::from(2)
        }
    }
}

/// The generated examples kept in the repository, and the date they are generated for (fixed, so
/// they only change when the rule table or the generator does).
const CODEGEN_TODAY: &str = "2026-11-23";
const CODEGEN_EXAMPLES: [(linkedin_lint::codegen::Language, &str); 4] = {
    use linkedin_lint::codegen::Language::*;
    [
        (Rust, "tests/fixtures/codegen/linkedin_version.rs"),
        (Typescript, "tests/fixtures/codegen/linkedinVersion.ts"),
        (Python, "tests/fixtures/codegen/linkedin_version.py"),
        (Go, "tests/fixtures/codegen/linkedin_version.go"),
    ]
};

/// `cargo xtask codegen [--check]`: regenerate the examples, or (CI) fail with a diff when one
/// is stale.
fn codegen(args: &[String]) -> ExitCode {
    use linkedin_lint::codegen::{self, Constants, Freshness};

    let check = match args {
        [] => false,
        [a] if a == "--check" => true,
        _ => {
            eprintln!("usage: cargo xtask codegen [--check]");
            return ExitCode::from(2);
        }
    };
    let linter = match linkedin_lint::Linter::builder()
        .today(CODEGEN_TODAY)
        .build()
    {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let constants = Constants::new(&linter);
    // Paths (and the diff headers) relative to the workspace root, wherever cargo runs from.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("{}: {e}", root.display());
        return ExitCode::from(2);
    }
    let mut stale = 0;
    for (lang, rel) in CODEGEN_EXAMPLES {
        let path = std::path::Path::new(rel);
        let text = codegen::generate(lang, &constants);
        let result = if check {
            codegen::check(path, &text).map(|f| match f {
                Freshness::Fresh => {}
                Freshness::Stale { diff } => {
                    print!("{diff}");
                    eprintln!("{rel} is stale");
                    stale += 1;
                }
            })
        } else {
            codegen::write(path, &text).map(|written| {
                if written {
                    eprintln!("wrote {rel}");
                }
            })
        };
        if let Err(e) = result {
            eprintln!("{rel}: {e}");
            return ExitCode::from(2);
        }
    }
    if stale > 0 {
        eprintln!("run `cargo xtask codegen` and commit the result");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
