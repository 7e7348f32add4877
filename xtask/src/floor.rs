//! `xtask floor DIR… [-j N] [--search prefilter|automaton|none]`: the floor under a scan, built
//! from the project's own crates: walk (the library's walker: `ignore`, `.gitignore`
//! honoured, hidden files read), read every file, and search it for the prefilter's literals.
//! No reader, no check, no report. `cargo xtask bench` times it as its own process beside
//! linkedin-lint and ripgrep: what linkedin-lint costs above it is the analysis.
//!
//! `--search prefilter` (default) is the library's [`linkedin_lint::prefilter::Prefilter`];
//! `automaton` one ASCII-case-insensitive Aho–Corasick automaton over the whole file (what
//! the prefilter was before); `none` reads without searching.

use std::io::Read as _;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

pub fn main(args: &[String]) -> i32 {
    let mut roots = Vec::new();
    let mut threads = 0;
    let mut search = "prefilter".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-j" | "--threads" => match it.next().and_then(|v| v.parse().ok()) {
                Some(n) => threads = n,
                None => return usage("-j needs a number"),
            },
            "--search" => match it.next() {
                Some(v) if ["prefilter", "automaton", "none"].contains(&v.as_str()) => {
                    search = v.clone()
                }
                _ => return usage("--search prefilter|automaton|none"),
            },
            s if s.starts_with('-') => return usage(&format!("unknown flag {s}")),
            p => roots.push(PathBuf::from(p)),
        }
    }
    if roots.is_empty() {
        return usage("no directory given");
    }
    let linter = match linkedin_lint::Linter::builder().today("2026-11-23").build() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("floor: {e}");
            return 1;
        }
    };
    let lits =
        linkedin_lint::Checker::new(linter.table(), linter.options().clone()).prefilter_literals();
    let prefilter = linkedin_lint::prefilter::Prefilter::with(&lits);
    let automaton = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(lits.iter().map(|n| n.text.as_str()))
        .expect("literals build");
    let opts = linkedin_lint::WalkOptions {
        threads,
        ..Default::default()
    };
    let filter = match linkedin_lint::walk::PathFilter::new(&opts) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("floor: {e}");
            return 1;
        }
    };
    let (files, bytes, hits) = (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0));
    linkedin_lint::walk::walk(&roots, &opts, &filter, |path, _| {
        let mut buf = Vec::new();
        let Ok(mut f) = std::fs::File::open(path) else {
            return;
        };
        if f.read_to_end(&mut buf).is_err() {
            return;
        }
        files.fetch_add(1, Relaxed);
        bytes.fetch_add(buf.len() as u64, Relaxed);
        let hit = match search.as_str() {
            "prefilter" => prefilter.is_match(&buf),
            "automaton" => automaton.is_match(&buf),
            _ => false,
        };
        if hit {
            hits.fetch_add(1, Relaxed);
        }
    });
    println!(
        "{} files, {:.1} MB, {} with a literal",
        files.into_inner(),
        bytes.into_inner() as f64 / 1e6,
        hits.into_inner()
    );
    0
}

fn usage(e: &str) -> i32 {
    eprintln!("error: {e}");
    eprintln!("usage: cargo xtask floor DIR... [-j N] [--search prefilter|automaton|none]");
    2
}
