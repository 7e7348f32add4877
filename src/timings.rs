//! Where a scan's time goes (`check --timings`): CPU time per stage, summed over the worker
//! threads, and file and byte counts per stage. For finding the slow stage, not for
//! benchmarking: `cargo xtask bench` times whole runs against ripgrep.
//!
//! The counters are plain atomics that the workers add to; reading the clock costs about
//! 20 ns, a few times per file, and only when timings were asked for.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::{Duration, Instant};

use crate::source::Lang;

/// A stage of the per-file pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// stat, open and read (system calls and the copy into memory).
    Read,
    /// Type detection, the binary test and the literal search that picks candidates.
    Prefilter,
    /// The reader of the file's language: tokens, literals, context.
    Extract,
    /// The per-file checks, masking and the excerpt kept for reports.
    Check,
}

const STAGES: [Stage; 4] = [Stage::Read, Stage::Prefilter, Stage::Extract, Stage::Check];

/// One counter set: nanoseconds, files and bytes.
#[derive(Debug, Default)]
struct Counter {
    nanos: AtomicU64,
    files: AtomicU64,
    bytes: AtomicU64,
}

impl Counter {
    fn add(&self, d: Duration, bytes: usize) {
        self.nanos.fetch_add(d.as_nanos() as u64, Relaxed);
        self.files.fetch_add(1, Relaxed);
        self.bytes.fetch_add(bytes as u64, Relaxed);
    }
}

/// The time of one scan, by stage (thread time, summed) and, for extraction, by language.
#[derive(Debug)]
pub struct Timings {
    stages: [Counter; 4],
    /// Extraction by language, indexed as [`Lang::ALL`].
    by_lang: [Counter; Lang::ALL.len()],
    /// The tree-wide checks and everything after the walk (wall time, one thread).
    finish: AtomicU64,
    /// The walk with every file's stages in it (wall time).
    walk_wall: AtomicU64,
    started: Instant,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            stages: Default::default(),
            by_lang: Default::default(),
            finish: AtomicU64::new(0),
            walk_wall: AtomicU64::new(0),
            started: Instant::now(),
        }
    }
}

impl Timings {
    pub fn new() -> Timings {
        Timings::default()
    }

    /// Add `d` (one file of `bytes`) to `stage`.
    pub fn add(&self, stage: Stage, d: Duration, bytes: usize) {
        self.stages[stage as usize].add(d, bytes);
    }

    /// Add `d` to the extraction time of `lang`.
    pub fn add_extract(&self, lang: Lang, d: Duration, bytes: usize) {
        self.add(Stage::Extract, d, bytes);
        self.by_lang[lang as usize].add(d, bytes);
    }

    pub(crate) fn set_walk(&self, d: Duration) {
        self.walk_wall.store(d.as_nanos() as u64, Relaxed);
    }

    pub(crate) fn set_finish(&self, d: Duration) {
        self.finish.store(d.as_nanos() as u64, Relaxed);
    }

    /// The table `--timings` prints to standard error: each stage's thread time, files and
    /// bytes, the walk's own share (its wall time times the threads, less the stages: an
    /// estimate), the tree-wide step, and `render` (measured by the caller, `None` when not).
    pub fn report(&self, threads: usize, render: Option<Duration>) -> String {
        let ms = |n: u64| n as f64 / 1e6;
        let mut s = String::new();
        let walk_wall = self.walk_wall.load(Relaxed);
        let total = self.started.elapsed();
        let _ = writeln!(
            s,
            "timings: {:.1} ms wall in all; {threads} worker thread{}",
            total.as_secs_f64() * 1e3,
            if threads == 1 { "" } else { "s" }
        );
        let _ = writeln!(
            s,
            "  {:<22} {:>10} {:>9} {:>10}",
            "stage", "thread ms", "files", "MB"
        );
        let mut staged = 0;
        for st in STAGES {
            let c = &self.stages[st as usize];
            let n = c.nanos.load(Relaxed);
            staged += n;
            let name = match st {
                Stage::Read => "read",
                Stage::Prefilter => "prefilter",
                Stage::Extract => "extract",
                Stage::Check => "check",
            };
            let _ = writeln!(
                s,
                "  {name:<22} {:>10.1} {:>9} {:>10.1}",
                ms(n),
                c.files.load(Relaxed),
                c.bytes.load(Relaxed) as f64 / 1e6
            );
            if st == Stage::Extract {
                for (lang, c) in Lang::ALL.iter().zip(&self.by_lang) {
                    let files = c.files.load(Relaxed);
                    if files == 0 {
                        continue;
                    }
                    let _ = writeln!(
                        s,
                        "    {:<20} {:>10.1} {files:>9} {:>10.1}",
                        lang.name(),
                        ms(c.nanos.load(Relaxed)),
                        c.bytes.load(Relaxed) as f64 / 1e6
                    );
                }
            }
        }
        let walk_own = (walk_wall * threads as u64).saturating_sub(staged);
        let _ = writeln!(
            s,
            "  {:<22} {:>10.1}   (walk wall {:.1} ms x {threads}, less the stages; includes idle)",
            "walk (estimate)",
            ms(walk_own),
            ms(walk_wall)
        );
        let _ = writeln!(
            s,
            "  {:<22} {:>10.1}",
            "tree-wide (finish)",
            ms(self.finish.load(Relaxed))
        );
        if let Some(r) = render {
            let _ = writeln!(s, "  {:<22} {:>10.1}", "render", r.as_secs_f64() * 1e3);
        }
        s
    }
}

/// Time `f` into `stage` of `t`, when timings are on.
pub(crate) fn timed<R>(
    t: Option<&Timings>,
    stage: Stage,
    bytes: usize,
    f: impl FnOnce() -> R,
) -> R {
    match t {
        None => f(),
        Some(t) => {
            let start = Instant::now();
            let r = f();
            t.add(stage, start.elapsed(), bytes);
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_lists_each_stage_and_the_languages_seen() {
        let t = Timings::new();
        t.add(Stage::Read, Duration::from_millis(3), 1000);
        t.add_extract(Lang::Python, Duration::from_millis(2), 500);
        t.set_walk(Duration::from_millis(10));
        let r = t.report(1, Some(Duration::from_millis(1)));
        assert!(r.contains("read"), "{r}");
        assert!(r.contains("    python"), "{r}");
        assert!(
            !r.contains("    rust"),
            "languages never read are not listed: {r}"
        );
        // 10 ms of walk on one thread, less 5 ms in the stages.
        assert!(r.contains("walk (estimate)               5.0"), "{r}");
        assert!(r.contains("render"), "{r}");
    }
}
