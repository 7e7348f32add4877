//! The `linkedin-lint` binary: everything lives in the library (`linkedin_lint::cli`).

fn main() {
    std::process::exit(linkedin_lint::cli::main(std::env::args_os()));
}
