//! `cargo xtask …`: project tasks that use the linkedin-lint library in-process.

use std::process::ExitCode;

mod bench;
mod corpus;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("lint-linkedin") => {
            // Same parser and code path as the binary, run in-process through the library.
            let argv = std::iter::once("cargo xtask lint-linkedin".to_string()).chain(args[1..].iter().cloned());
            ExitCode::from(linkedin_lint::cli::main(argv) as u8)
        }
        Some("bench") => ExitCode::from(bench::main(&args[1..]) as u8),
        _ => {
            eprintln!("usage: cargo xtask lint-linkedin [PATHS] [FLAGS] | bench [--runs N] …");
            ExitCode::from(2)
        }
    }
}
