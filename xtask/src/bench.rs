//! `cargo xtask bench`: generate the corpus, then time linkedin-lint against ripgrep (and
//! semgrep where it is installed) on the same tree and the same literals. See BENCHMARKS.md.
// linkedin-lint: allow-file(endpoint-deprecated) -- the benchmark corpus plants these on purpose

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::corpus::{self, Planted};

const USAGE: &str =
    "usage: cargo xtask bench [--runs N] [--sizes 10000,100000] [--seed N] [--regen]
         [--rg PATH] [--semgrep PATH|none] [--no-build] [--out DIR] [--tree DIR]...
  Generates target/bench-corpus/n<SIZE>/ (deterministic), builds the release binary, checks
  that every planted finding is reported and nothing under the ignored build/ is, then times
  (warm cache, runs interleaved), on each corpus and each --tree DIR: linkedin-lint check
  --format json, rg -F -f PATTERNS (case-sensitive; rg -i as a second column) and the floor
  (xtask floor: walk + read + the prefilter's search), all cores and -j1; 20 explicit files
  (pre-commit); CPU time (wait4) and peak RSS (GNU time); a --timings run per tree; walker:
  ignore (parallel, 1 thread) vs walkdir; semgrep on the smallest corpus.";

struct Opts {
    runs: usize,
    sizes: Vec<usize>,
    seed: u64,
    regen: bool,
    rg: String,
    semgrep: Option<String>,
    build: bool,
    out: PathBuf,
    /// Existing trees to time as they are (no planted findings), e.g. ~/.cargo/registry/src.
    trees: Vec<PathBuf>,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let root = workspace_root();
    let mut o = Opts {
        runs: 5,
        sizes: vec![10_000, 100_000],
        seed: 42,
        regen: false,
        rg: "rg".into(),
        semgrep: Some("semgrep".into()),
        build: true,
        out: root.join("target/bench-corpus"),
        trees: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} needs a value"))
        };
        match a.as_str() {
            "--runs" => o.runs = val()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--sizes" => {
                o.sizes = val()?
                    .split(',')
                    .map(|s| s.trim().replace('k', "000").parse::<usize>())
                    .collect::<Result<_, _>>()
                    .map_err(|e| format!("--sizes: {e}"))?
            }
            "--seed" => o.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--regen" => o.regen = true,
            "--rg" => o.rg = val()?,
            "--semgrep" => {
                let v = val()?;
                o.semgrep = (v != "none").then_some(v);
            }
            "--no-build" => o.build = false,
            "--out" => o.out = PathBuf::from(val()?),
            "--tree" => o.trees.push(PathBuf::from(val()?)),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if o.runs == 0 || o.sizes.is_empty() {
        return Err("--runs and --sizes must not be empty".into());
    }
    o.sizes.sort_unstable();
    Ok(o)
}

pub(crate) fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// `cargo xtask` builds in debug: run `task` in a release build of ourselves instead (the
/// exit code), unless this already is one (`None`; `XTASK_BENCH_DEBUG` keeps debug).
pub(crate) fn in_release(task: &str, args: &[String]) -> Option<i32> {
    if !cfg!(debug_assertions) || std::env::var_os("XTASK_BENCH_DEBUG").is_some() {
        return None;
    }
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "run",
            "--quiet",
            "--release",
            "--package",
            "xtask",
            "--",
            task,
        ])
        .args(args)
        .current_dir(workspace_root())
        .status();
    Some(match status {
        Ok(s) => s.code().unwrap_or(1),
        Err(e) => {
            eprintln!("{task}: cargo run --release: {e}");
            1
        }
    })
}

pub fn main(args: &[String]) -> i32 {
    // The walker comparison and the corpus generator run in this process: measure them
    // optimised.
    if let Some(code) = in_release("bench", args) {
        return code;
    }
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return 2;
        }
    };
    match run(&o) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("bench: {e}");
            1
        }
    }
}

fn sh(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Build the release binary and return its path.
pub(crate) fn build_release() -> Result<PathBuf, String> {
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "build",
            "--release",
            "--package",
            "linkedin-lint",
            "--bin",
            "linkedin-lint",
            "--message-format=json-render-diagnostics",
        ])
        .current_dir(workspace_root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cargo build: {e}"))?;
    if !out.status.success() {
        return Err("cargo build --release failed".into());
    }
    let mut exe = None;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
            && v["target"]["name"] == "linkedin-lint"
            && let Some(p) = v["executable"].as_str()
        {
            exe = Some(PathBuf::from(p));
        }
    }
    exe.ok_or_else(|| "no linkedin-lint executable in cargo's output".into())
}

fn release_exe() -> PathBuf {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    dir.join("release/linkedin-lint")
}

/// The corpus of `n` files: generated unless a stamp of the same generator, size and seed is
/// there already (regenerating 100k files takes a while and evicts the page cache).
fn corpus(o: &Opts, n: usize) -> Result<corpus::Corpus, String> {
    let root = o.out.join(format!("n{n}"));
    let stamp = o.out.join(format!("n{n}.stamp"));
    let key = format!("generator {} n {n} seed {}", corpus::GENERATOR, o.seed);
    if !o.regen
        && let Ok(text) = std::fs::read_to_string(&stamp)
        && let Some(c) = read_stamp(&text, &key, &root)
    {
        return Ok(c);
    }
    let _ = std::fs::remove_dir_all(&root);
    let _ = std::fs::remove_file(&stamp);
    eprintln!("bench: generating {} ...", root.display());
    let t = Instant::now();
    let c = corpus::generate(&root, n, o.seed).map_err(|e| format!("generate: {e}"))?;
    eprintln!(
        "bench: {} files, {:.1} MB, {} planted findings, {} ignored files ({:.1}s)",
        c.files,
        c.bytes as f64 / 1e6,
        c.planted.len(),
        c.ignored_files,
        t.elapsed().as_secs_f64()
    );
    let mut s = format!(
        "{key}\nfiles {}\nbytes {}\nignored {}\n",
        c.files, c.bytes, c.ignored_files
    );
    for p in &c.precommit {
        s.push_str(&format!("precommit {p}\n"));
    }
    for p in &c.planted {
        s.push_str(&format!("planted {} {} {}\n", p.path, p.rule, p.id));
    }
    std::fs::write(&stamp, s).map_err(|e| e.to_string())?;
    Ok(c)
}

fn read_stamp(text: &str, key: &str, root: &Path) -> Option<corpus::Corpus> {
    let mut lines = text.lines();
    if lines.next()? != key {
        return None;
    }
    let mut c = corpus::Corpus {
        root: root.to_path_buf(),
        ..Default::default()
    };
    let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
    for l in lines {
        let (k, v) = l.split_once(' ')?;
        match k {
            "files" => c.files = v.parse().ok()?,
            "bytes" => c.bytes = v.parse().ok()?,
            "ignored" => c.ignored_files = v.parse().ok()?,
            "precommit" => c.precommit.push(v.to_string()),
            "planted" => {
                let mut w = v.split(' ');
                c.planted.push(Planted {
                    path: w.next()?.to_string(),
                    rule: leak(w.next()?),
                    id: leak(w.next()?),
                });
            }
            _ => return None,
        }
    }
    root.is_dir().then_some(c)
}

/// One timed run: wall time, CPU time (user+sys) and peak RSS of the child.
#[derive(Debug, Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
    rss_kb: u64,
    status: i32,
}

/// Run `argv` with stdout drained through a pipe (as a CI log or editor would read it; rg
/// special-cases a stdout of /dev/null), stderr discarded, and reap it with `wait4` for its
/// own rusage.
fn run_once(argv: &[String], cwd: &Path) -> Result<(Sample, Vec<u8>), String> {
    let start = Instant::now();
    let mut child = Command::new(&argv[0])
        .args(&argv[1..])
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{}: {e}", argv[0]))?;
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .expect("piped")
        .read_to_end(&mut out)
        .map_err(|e| e.to_string())?;
    let (status, ru) = wait4(child.id() as i32)?;
    let wall = start.elapsed();
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Ok((
        Sample {
            wall,
            cpu: tv(ru.ru_utime) + tv(ru.ru_stime),
            rss_kb: ru.ru_maxrss as u64,
            status,
        },
        out,
    ))
}

fn wait4(pid: i32) -> Result<(i32, libc::rusage), String> {
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, filled in by wait4.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet reaped (std's Child is never waited on).
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
    if r != pid {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    Ok((code, ru))
}

/// A benchmarked command and its samples.
struct Case {
    name: String,
    argv: Vec<String>,
    cwd: PathBuf,
    ok: fn(i32) -> bool,
    samples: Vec<Sample>,
    /// Peak RSS from one extra run under GNU time (KiB).
    rss_kb: Option<u64>,
    /// Standard output of the warm-up run.
    warmup_out: Vec<u8>,
}

impl Case {
    fn new(name: &str, argv: Vec<String>, cwd: &Path, ok: fn(i32) -> bool) -> Case {
        Case {
            name: name.into(),
            argv,
            cwd: cwd.to_path_buf(),
            ok,
            samples: Vec::new(),
            rss_kb: None,
            warmup_out: Vec::new(),
        }
    }

    fn wall(&self) -> Duration {
        median(self.samples.iter().map(|s| s.wall).collect())
    }

    fn cpu(&self) -> Duration {
        median(self.samples.iter().map(|s| s.cpu).collect())
    }

    /// Peak RSS in MiB: GNU time's figure; else wait4's, which Linux floors at the RSS of
    /// this (the spawning) process, so it is only an upper bound for small children.
    fn rss_mb(&self) -> f64 {
        self.rss_kb
            .unwrap_or_else(|| self.samples.iter().map(|s| s.rss_kb).max().unwrap_or(0))
            as f64
            / 1024.0
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    if v.is_empty() {
        return Duration::ZERO;
    }
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2
    }
}

fn median_f(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

/// Warm up once, then run every case `runs` times, interleaved and rotated (A B C, B C A,
/// C A B, …) so that load from other processes, and each case's predecessor, hit every case
/// alike.
fn measure(cases: &mut [Case], runs: usize) -> Result<(), String> {
    for c in cases.iter_mut() {
        let (s, out) = run_once(&c.argv, &c.cwd)?;
        if !(c.ok)(s.status) {
            return Err(format!(
                "{}: exit status {} ({:?})",
                c.name, s.status, c.argv
            ));
        }
        c.warmup_out = out;
    }
    // Each round starts one case later than the last, so no case always runs right after
    // the same other one (a heavy run before can slow the next on a shared machine).
    let n = cases.len();
    for round in 0..runs {
        for k in 0..n {
            let c = &mut cases[(round + k) % n];
            let (s, _) = run_once(&c.argv, &c.cwd)?;
            c.samples.push(s);
        }
    }
    for c in cases.iter_mut() {
        c.rss_kb = gnu_time_rss(&c.argv, &c.cwd);
    }
    Ok(())
}

/// Peak RSS (KiB) of one run under `/usr/bin/time -f %M` (Debian: `apt-get install time`).
/// A child spawned from here would report at least this process's own peak (Linux carries
/// the parent's high-water mark over `exec`), which GNU time, being tiny, does not.
fn gnu_time_rss(argv: &[String], cwd: &Path) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.is_file() {
        return None;
    }
    let out = std::env::temp_dir().join(format!("xtask-bench-rss-{}", std::process::id()));
    let mut v = vec![
        time.to_string_lossy().to_string(),
        "-f".into(),
        "%M".into(),
        "-o".into(),
        out.to_string_lossy().to_string(),
    ];
    v.extend(argv.iter().cloned());
    run_once(&v, cwd).ok()?;
    let kb = std::fs::read_to_string(&out).ok()?;
    let _ = std::fs::remove_file(&out);
    kb.lines().last()?.trim().parse().ok()
}

/// Median over rounds of `a[i]/b[i]`: pairs run back to back, so this ratio is robust to load
/// drifting between rounds.
fn paired(a: &Case, b: &Case) -> f64 {
    median_f(
        a.samples
            .iter()
            .zip(&b.samples)
            .map(|(x, y)| x.wall.as_secs_f64() / y.wall.as_secs_f64())
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e3)
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn run(o: &Opts) -> Result<(), String> {
    let root = workspace_root();
    let exe = if o.build {
        build_release()?
    } else {
        release_exe()
    };
    let exe_s = exe.to_string_lossy().to_string();
    let rg_version = sh(&o.rg, &["--version"])
        .and_then(|v| v.lines().next().map(str::to_string))
        .ok_or_else(|| format!("{}: not found (cargo install ripgrep --locked)", o.rg))?;
    std::fs::create_dir_all(&o.out).map_err(|e| e.to_string())?;

    // The literal set: exactly what the linter's prefilter searches for.
    let linter = linkedin_lint::Linter::builder()
        .today("2026-11-23")
        .build()
        .map_err(|e| e.to_string())?;
    let lits =
        linkedin_lint::Checker::new(linter.table(), linter.options().clone()).prefilter_literals();
    let patterns = o.out.join("PATTERNS");
    let texts: Vec<&str> = lits.iter().map(|n| n.text.as_str()).collect();
    std::fs::write(&patterns, texts.join("\n") + "\n").map_err(|e| e.to_string())?;
    let pat_s = patterns.to_string_lossy().to_string();

    println!("# linkedin-lint benchmark");
    println!();
    println!(
        "machine: {} cores, {}, {}; load before: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model(),
        mem_total(),
        load()
    );
    println!(
        "linkedin-lint: {} ({})",
        sh(&exe_s, &["--version"]).unwrap_or_default(),
        exe.display()
    );
    println!("rg: {rg_version}");
    println!(
        "rustc: {}",
        sh("rustc", &["--version"]).unwrap_or_else(|| "?".into())
    );
    println!("runs: {} per case (after one warm-up), medians", o.runs);
    println!("PATTERNS: {} literals ({})", lits.len(), patterns.display());
    println!();

    let mut corpora = Vec::new();
    for &n in &o.sizes {
        corpora.push(corpus(o, n)?);
    }

    // Correctness first: the planted findings are all reported, build/ is never read.
    for c in &corpora {
        verify(&exe_s, c)?;
    }

    // The baseline: ripgrep on the same literals, case-sensitive (`-F`; its fast path), and
    // with `-i` (ASCII and some Unicode case folding; the prefilter folds ASCII) as a second
    // column.
    let rg = |extra: &[&str], dir: &Path| -> Vec<String> {
        let mut v = vec![o.rg.clone(), "-F".into(), "-f".into(), pat_s.clone()];
        // Walk what linkedin-lint walks: hidden files too (.env), .gitignore honoured outside
        // a git repository too.
        v.extend(["--hidden", "--no-require-git"].map(String::from));
        v.extend(extra.iter().map(|s| s.to_string()));
        v.push(dir.to_string_lossy().to_string());
        v
    };
    let ll = |extra: &[&str], paths: &[String]| -> Vec<String> {
        let mut v = lint_argv(&exe_s, extra);
        v.extend(paths.iter().cloned());
        v
    };
    // The floor: walk + read + the prefilter's search, with the project's own crates and
    // nothing else (`xtask floor`, this binary).
    let me = std::env::current_exe()
        .map_err(|e| e.to_string())?
        .to_string_lossy()
        .to_string();
    let floor = |extra: &[&str], dir: &Path| -> Vec<String> {
        let mut v = vec![me.clone(), "floor".into()];
        v.extend(extra.iter().map(|s| s.to_string()));
        v.push(dir.to_string_lossy().to_string());
        v
    };
    let ok: fn(i32) -> bool = |s| s == 0 || s == 1;

    // Each tree's cases, both thread settings, interleaved.
    let tree_cases = |dir: &Path| -> Vec<Case> {
        let d = dir.to_string_lossy().to_string();
        vec![
            Case::new("ll", ll(&[], std::slice::from_ref(&d)), &root, ok),
            Case::new("rg", rg(&[], dir), &root, ok),
            Case::new("floor", floor(&[], dir), &root, ok),
            Case::new("ll -j1", ll(&["-j1"], std::slice::from_ref(&d)), &root, ok),
            Case::new("rg -j1", rg(&["-j1"], dir), &root, ok),
            Case::new("floor -j1", floor(&["-j", "1"], dir), &root, ok),
            Case::new("rg -i", rg(&["-i"], dir), &root, ok),
        ]
    };
    let mut results = Vec::new();
    let named: Vec<(String, PathBuf, Option<&corpus::Corpus>)> = corpora
        .iter()
        .map(|c| (format!("n{}", c.files), c.root.clone(), Some(c)))
        .chain(
            o.trees
                .iter()
                .map(|t| (t.display().to_string(), t.clone(), None)),
        )
        .collect();
    for (name, dir, _) in &named {
        let mut cases = tree_cases(dir);
        eprintln!("bench: {name} (load {})", load());
        let before = load();
        measure(&mut cases, o.runs)?;
        results.push((before, load(), cases));
    }

    // Pre-commit: 20 explicit files, whole process, run from the corpus root.
    let small = &corpora[0];
    let mut pre = vec![
        Case::new("ll 20 files", ll(&[], &small.precommit), &small.root, ok),
        Case::new(
            "rg 20 files",
            {
                let mut v = vec![o.rg.clone(), "-F".into(), "-f".into(), pat_s.clone()];
                v.extend(small.precommit.iter().cloned());
                v
            },
            &small.root,
            ok,
        ),
    ];
    eprintln!("bench: pre-commit runs");
    measure(&mut pre, o.runs.max(20))?;

    // Report.
    println!(
        "## Whole trees: `check --format json` vs `rg -F -f PATTERNS --hidden --no-require-git` and the floor"
    );
    println!();
    println!(
        "floor = `xtask floor`: the library's walker, every file read, the prefilter's search; no analysis."
    );
    println!();
    println!(
        "| tree | files | MB | case | threads | median wall ms | median CPU ms | peak RSS MB | ratio vs rg (medians) | ratio vs rg (paired median) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for ((name, _, c), (_, _, cases)) in named.iter().zip(&results) {
        let (files, mb) = c.map_or(("".into(), "".into()), |c| {
            (c.files.to_string(), format!("{:.0}", c.bytes as f64 / 1e6))
        });
        // rg at the same thread setting is the base: cases 1 (all) and 4 (-j1).
        for (k, (tool, threads, base)) in [
            ("linkedin-lint", "all", 1),
            ("rg -F", "all", 1),
            ("floor", "all", 1),
            ("linkedin-lint", "1", 4),
            ("rg -F", "1", 4),
            ("floor", "1", 4),
            ("rg -i -F", "all", 1),
        ]
        .into_iter()
        .enumerate()
        {
            let (case, b) = (&cases[k], &cases[base]);
            println!(
                "| {name} | {files} | {mb} | {tool} | {threads} | {} | {} | {:.1} | {:.2} | {:.2} |",
                ms(case.wall()),
                ms(case.cpu()),
                case.rss_mb(),
                case.wall().as_secs_f64() / b.wall().as_secs_f64(),
                paired(case, b),
            );
        }
    }
    println!();
    for ((name, _, _), (before, after, cases)) in named.iter().zip(&results) {
        let speedup = |all: usize, one: usize| {
            cases[one].wall().as_secs_f64() / cases[all].wall().as_secs_f64()
        };
        println!(
            "- {name}: load {before} → {after}; two threads speed up linkedin-lint x{:.2}, rg x{:.2}, the floor x{:.2}",
            speedup(0, 3),
            speedup(1, 4),
            speedup(2, 5),
        );
    }
    println!();
    if corpora.len() >= 2 {
        let (a, b) = (&results[0].2, &results[corpora.len() - 1].2);
        let bytes = corpora[corpora.len() - 1].bytes as f64 / corpora[0].bytes as f64;
        let r = |k: usize| b[k].wall().as_secs_f64() / a[k].wall().as_secs_f64();
        println!(
            "Linearity n{} vs n{}: bytes x{bytes:.2}; time x{:.2} (linkedin-lint), x{:.2} (rg), x{:.2} (linkedin-lint -j1), x{:.2} (rg -j1)",
            o.sizes[o.sizes.len() - 1],
            o.sizes[0],
            r(0),
            r(1),
            r(3),
            r(4),
        );
        println!();
    }
    println!(
        "## Pre-commit: 20 explicit files, whole process (n{} corpus)",
        o.sizes[0]
    );
    println!();
    println!("| tool | median wall ms | min ms | median CPU ms | peak RSS MB |");
    println!("|---|---|---|---|---|");
    for c in &pre {
        println!(
            "| {} | {} | {} | {} | {:.1} |",
            c.name,
            ms(c.wall()),
            ms(c.samples.iter().map(|s| s.wall).min().unwrap_or_default()),
            ms(c.cpu()),
            c.rss_mb()
        );
    }
    println!();

    stages(
        &exe_s,
        &named.iter().map(|n| n.1.clone()).collect::<Vec<_>>(),
    )?;
    walkers(&corpora[corpora.len() - 1], o.runs)?;
    if let Some(sg) = &o.semgrep {
        semgrep(sg, o, small, &exe_s)?;
    }

    // Targets, on the largest corpus.
    let last = &results[corpora.len() - 1].2;
    let pre_ms = pre[0].wall().as_secs_f64() * 1e3;
    println!("## Targets (n{})", o.sizes[o.sizes.len() - 1]);
    println!();
    let yes = |b: bool| if b { "met" } else { "NOT met" };
    for (ll_k, rg_k, label) in [(0, 1, "all threads"), (3, 4, "-j1")] {
        let ratio = last[ll_k].wall().as_secs_f64() / last[rg_k].wall().as_secs_f64();
        println!(
            "- within 1.2x of rg -F ({label}): {ratio:.2}x (paired {:.2}x) — {}",
            paired(&last[ll_k], &last[rg_k]),
            yes(ratio <= 1.2)
        );
    }
    let ours = last[3].wall().as_secs_f64() / last[0].wall().as_secs_f64();
    let theirs = last[4].wall().as_secs_f64() / last[1].wall().as_secs_f64();
    println!(
        "- two threads speed the scan up as much as rg: x{ours:.2} vs x{theirs:.2} — {}",
        yes(ours >= theirs * 0.95)
    );
    println!(
        "- 20 explicit files under 30 ms: {pre_ms:.1} ms — {}",
        yes(pre_ms < 30.0)
    );
    println!(
        "- peak RSS under 64 MB: {:.1} MB (all threads), {:.1} MB (-j1) — {}",
        last[0].rss_mb(),
        last[3].rss_mb(),
        yes(last[0].rss_mb() < 64.0 && last[3].rss_mb() < 64.0)
    );
    println!("- load after: {}", load());
    Ok(())
}

/// Where linkedin-lint's time goes on each tree: one `check -j1 --timings` run, its table.
fn stages(exe: &str, trees: &[PathBuf]) -> Result<(), String> {
    println!("## Stages (`check -j1 --timings`, one run each)");
    println!();
    for t in trees {
        let mut argv = lint_argv(exe, &["-j1", "--timings"]);
        argv.push(t.to_string_lossy().to_string());
        let out = Command::new(&argv[0])
            .args(&argv[1..])
            .stdout(Stdio::null())
            .output()
            .map_err(|e| format!("{}: {e}", argv[0]))?;
        println!("{}:", t.display());
        println!();
        println!("```");
        print!("{}", String::from_utf8_lossy(&out.stderr));
        println!("```");
        println!();
    }
    Ok(())
}

/// `linkedin-lint check --format json --today 2026-11-23 EXTRA…`: the command every case times.
fn lint_argv(exe: &str, extra: &[&str]) -> Vec<String> {
    [exe, "check", "--format", "json", "--today", "2026-11-23"]
        .iter()
        .chain(extra)
        .map(|s| s.to_string())
        .collect()
}

/// Every planted finding is reported; nothing is reported from the ignored build/ directory.
fn verify(exe: &str, c: &corpus::Corpus) -> Result<(), String> {
    let argv = lint_argv(exe, &["."]);
    let (s, out) = run_once(&argv, &c.root)?;
    if s.status != 0 && s.status != 1 {
        return Err(format!("linkedin-lint exited {}", s.status));
    }
    let doc: serde_json::Value =
        serde_json::from_slice(&out).map_err(|e| format!("JSON output: {e}"))?;
    let found: std::collections::BTreeSet<(String, String, String)> = doc["findings"]
        .as_array()
        .ok_or("no findings array")?
        .iter()
        .map(|f| {
            let g = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (g("path"), g("rule"), g("id"))
        })
        .collect();
    let missing: Vec<&Planted> = c
        .planted
        .iter()
        .filter(|p| !found.contains(&(p.path.clone(), p.rule.to_string(), p.id.to_string())))
        .collect();
    let in_build = found.iter().filter(|f| f.0.starts_with("build/")).count();
    let scanned = doc["summary"]["files_scanned"].as_u64().unwrap_or(0);
    println!(
        "corpus {}: {} files ({:.1} MB) + {} ignored under build/; planted findings {} — found {}, missing {}; findings in total {}; files scanned {}; findings under build/ {}",
        c.root.display(),
        c.files,
        c.bytes as f64 / 1e6,
        c.ignored_files,
        c.planted.len(),
        c.planted.len() - missing.len(),
        missing.len(),
        found.len(),
        scanned,
        in_build
    );
    if let Some(m) = missing.first() {
        return Err(format!(
            "{} planted findings not reported, e.g. {} {}/{}",
            missing.len(),
            m.path,
            m.rule,
            m.id
        ));
    }
    if in_build > 0 {
        return Err("findings under the .gitignored build/ directory".into());
    }
    Ok(())
}

/// The README's "Why `ignore`": our walker (ignore, parallel and one thread) vs walkdir.
fn walkers(c: &corpus::Corpus, runs: usize) -> Result<(), String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let roots = vec![c.root.clone()];
    let mut rows = Vec::new();
    for threads in [0usize, 1] {
        let mut times = Vec::new();
        let mut count = 0;
        for _ in 0..=runs {
            let n = AtomicUsize::new(0);
            let t = Instant::now();
            let opts = linkedin_lint::WalkOptions {
                threads,
                ..Default::default()
            };
            let filter = linkedin_lint::walk::PathFilter::new(&opts).expect("no globs to build");
            linkedin_lint::walk::walk(&roots, &opts, &filter, |_, _| {
                n.fetch_add(1, Ordering::Relaxed);
            });
            times.push(t.elapsed());
            count = n.into_inner();
        }
        times.remove(0);
        let label = if threads == 0 {
            "ignore, parallel (linkedin-lint's walker), .gitignore honoured"
        } else {
            "ignore, 1 thread, .gitignore honoured"
        };
        rows.push((label.to_string(), count, median(times)));
    }
    for skip_build in [false, true] {
        let mut times = Vec::new();
        let mut count = 0;
        for _ in 0..=runs {
            let t = Instant::now();
            count = walkdir::WalkDir::new(&c.root)
                .into_iter()
                .filter_entry(|e| !(skip_build && e.depth() == 1 && e.file_name() == "build"))
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .count();
            times.push(t.elapsed());
        }
        times.remove(0);
        let label = if skip_build {
            "walkdir, 1 thread, build/ skipped by name"
        } else {
            "walkdir, 1 thread, no ignore handling (lists build/ too)"
        };
        rows.push((label.to_string(), count, median(times)));
    }
    println!("## Walkers: listing {} (no file reads)", c.root.display());
    println!();
    println!("| walker | files | median ms |");
    println!("|---|---|---|");
    for (l, n, t) in rows {
        println!("| {l} | {n} | {} |", ms(t));
    }
    println!();
    Ok(())
}

/// semgrep with equivalent `pattern-regex` rules, where it is installed, on the smallest
/// corpus. `--no-git-ignore`: inside a git work tree semgrep scans only files git tracks,
/// and the corpus lies in the ignored target/; build/ is excluded by name instead.
fn semgrep(sg: &str, o: &Opts, c: &corpus::Corpus, exe: &str) -> Result<(), String> {
    let Some(version) = sh(sg, &["--version"]).filter(|v| !v.is_empty()) else {
        println!("semgrep: not run ({sg} not found; `pip install semgrep`)\n");
        return Ok(());
    };
    let rules = o.out.join("semgrep-rules.yml");
    let mut y = String::from("rules:\n");
    for (id, re) in [
        ("v2-me", r"/v2/me\b"),
        ("v2-ugc-posts", r"/v2/ugcPosts\b"),
        ("r-liteprofile", r"\br_liteprofile\b"),
        ("r-emailaddress", r"\br_emailaddress\b"),
        (
            "version-sunset",
            r#"(?i)linkedin[-_ ]?(api[-_]?)?version['"]?\s*[:=,>]*\s*['"]?2023\d\d"#,
        ),
    ] {
        y.push_str(&format!(
            "  - id: {id}\n    pattern-regex: |-\n      {re}\n    message: {id}\n    languages: [generic]\n    severity: ERROR\n"
        ));
    }
    std::fs::write(&rules, y).map_err(|e| e.to_string())?;
    let argv: Vec<String> = [
        sg,
        "scan",
        "--config",
        &rules.to_string_lossy(),
        "--metrics=off",
        "--disable-version-check",
        "--json",
        "--quiet",
        "--no-git-ignore",
        "--exclude=build",
        ".",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let runs = o.runs.min(3);
    let mut cases = vec![
        Case::new("semgrep", argv, &c.root, |s| s == 0 || s == 1),
        Case::new("linkedin-lint", lint_argv(exe, &["."]), &c.root, |s| {
            s == 0 || s == 1
        }),
    ];
    eprintln!("bench: semgrep runs");
    measure(&mut cases, runs)?;
    let (s, l) = (&cases[0], &cases[1]);
    let results = serde_json::from_slice::<serde_json::Value>(&s.warmup_out)
        .ok()
        .and_then(|v| v["results"].as_array().map(Vec::len));
    println!(
        "## semgrep {version} (5 pattern-regex rules, generic language), {} files",
        c.files
    );
    println!();
    println!(
        "semgrep median {} ms (CPU {} ms, peak RSS {:.0} MB) vs linkedin-lint {} ms: semgrep/linkedin-lint = {:.1}x",
        ms(s.wall()),
        ms(s.cpu()),
        s.rss_mb(),
        ms(l.wall()),
        s.wall().as_secs_f64() / l.wall().as_secs_f64()
    );
    println!(
        "semgrep reported {} matches (the linter: {} planted findings, all found)",
        results.map_or_else(|| "?".to_string(), |n| n.to_string()),
        c.planted.len()
    );
    println!();
    Ok(())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "?".into())
}

fn mem_total() -> String {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines().next().and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<f64>().ok())
                    .map(|kb| format!("{:.1} GiB RAM", kb / 1048576.0))
            })
        })
        .unwrap_or_else(|| "?".into())
}
