//! `cargo xtask bench-server`: how long after a `didChange` the language server publishes the
//! diagnostics of a 5,000-line file. Spawns the release binary (`linkedin-lint server`) on a
//! generated workspace and speaks LSP to it over pipes, as an editor does; each change waits
//! for its diagnostics before the next is sent, and the time is taken from writing the change
//! to reading the whole `publishDiagnostics` for that version.
// linkedin-lint: allow-file(endpoint-deprecated) -- the benchmark's generated client calls it

use std::io::BufReader;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{Value, json};

const USAGE: &str = "usage: cargo xtask bench-server [--changes N] [--lines N]";

pub fn main(args: &[String]) -> i32 {
    if let Some(code) = crate::bench::in_release("bench-server", args) {
        return code;
    }
    let (mut changes, mut lines) = (50usize, 5000usize);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let n = it.next().and_then(|v| v.parse().ok());
        match (a.as_str(), n) {
            ("--changes", Some(n)) => changes = n,
            ("--lines", Some(n)) => lines = n,
            _ => {
                eprintln!("{USAGE}");
                return 2;
            }
        }
    }
    match run(changes, lines) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("bench-server: {e}");
            1
        }
    }
}

/// A Python module of `lines` lines: plain code, with a LinkedIn call every 50 lines (a
/// version pin, a retired endpoint, a scope list), as a big API client module has.
fn module(lines: usize, variant: usize) -> String {
    let mut out =
        String::from("\"\"\"Generated LinkedIn API client for the server benchmark.\"\"\"\n");
    for i in 1..lines {
        let line = match i % 50 {
            0 => format!(
                "HEADERS_{i} = {{\"LinkedIn-Version\": \"202304\", \"X-Restli-Protocol-Version\": \"2.0.0\"}}"
            ),
            10 => format!("PROFILE_{i} = session.get(\"https://api.linkedin.com/v2/me\")"),
            20 => format!("SCOPES_{i} = [\"r_liteprofile\", \"w_share\"]"),
            _ if i == lines / 2 => {
                // The line each change rewrites: a pin comes and goes, so findings change too.
                if variant.is_multiple_of(2) {
                    format!(
                        "PIN = {{\"LinkedIn-Version\": \"2025{:02}\"}}",
                        1 + variant % 12
                    )
                } else {
                    format!("pin_{variant} = {variant}")
                }
            }
            k if k % 3 == 0 => format!("def helper_{i}(value):"),
            k if k % 3 == 1 => format!("    return value * {i} + len(\"plain text {i}\")"),
            _ => String::new(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn run(changes: usize, lines: usize) -> Result<(), String> {
    let exe = crate::bench::build_release()?;
    let dir =
        std::env::temp_dir().join(format!("linkedin-lint-bench-server-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let text = module(lines, 0);
    std::fs::write(dir.join("client.py"), &text).map_err(|e| e.to_string())?;
    for i in 0..20 {
        let other = format!("LINKEDIN_VERSION_{i} = \"202601\"  # linkedin\n");
        std::fs::write(dir.join(format!("other_{i}.py")), other).map_err(|e| e.to_string())?;
    }
    let result = measure(&exe, &dir, changes, lines);
    let _ = std::fs::remove_dir_all(&dir);
    let (times, diagnostics, bytes) = result?;
    println!(
        "bench-server: {lines}-line file ({:.0} KB, {diagnostics} diagnostics), 21 files in the workspace, {changes} changes (full sync), load {}",
        bytes as f64 / 1024.0,
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    for (what, pick) in [("wall", 0), ("server CPU", 1)] {
        let mut ms: Vec<f64> = times
            .iter()
            .map(|t| if pick == 0 { t.0 } else { t.1 }.as_secs_f64() * 1000.0)
            .collect();
        ms.sort_by(f64::total_cmp);
        let pct = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
        println!(
            "didChange -> publishDiagnostics, {what}: median {:.1} ms, p95 {:.1} ms, min {:.1} ms, max {:.1} ms",
            pct(0.5),
            pct(0.95),
            ms[0],
            ms[ms.len() - 1]
        );
    }
    Ok(())
}

/// One change's wall time and the server's CPU time for it.
type Timing = (Duration, Duration);

/// Time each change (wall time, and the server's CPU time: the machine may be shared); also
/// the number of diagnostics of the first version and the file size.
fn measure(
    exe: &Path,
    dir: &Path,
    changes: usize,
    lines: usize,
) -> Result<(Vec<Timing>, usize, usize), String> {
    let mut child = Command::new(exe)
        .args(["server", "--today", "2026-11-23"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("{}: {e}", exe.display()))?;
    let mut stdin = child.stdin.take().expect("piped");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
    let mut send = |m: Message| m.write(&mut stdin).map_err(|e| e.to_string());
    let mut next = || -> Result<Message, String> {
        Message::read(&mut stdout)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| "the server closed its output".to_string())
    };
    let root = format!("file://{}", dir.display());
    let uri = format!("{root}/client.py");
    let request = |id: i32, method: &str, params: Value| {
        Message::Request(Request::new(RequestId::from(id), method.into(), params))
    };
    let notify = |method: &str, params: Value| {
        Message::Notification(Notification::new(method.into(), params))
    };
    send(request(
        1,
        "initialize",
        json!({ "capabilities": {}, "rootUri": root }),
    ))?;
    while !matches!(next()?, Message::Response(_)) {}
    send(notify("initialized", json!({})))?;
    // The diagnostics of `version`: how many.
    let mut wait = |version: usize| -> Result<usize, String> {
        loop {
            if let Message::Notification(n) = next()?
                && n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri.as_str()
                && n.params["version"] == version
            {
                return Ok(n.params["diagnostics"].as_array().map_or(0, Vec::len));
            }
        }
    };
    let text = module(lines, 0);
    send(notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "python", "version": 1, "text": text } }),
    ))?;
    let diagnostics = wait(1)?;
    let mut times = Vec::new();
    for v in 2..changes + 2 {
        let changed = module(lines, v);
        let msg = notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": v }, "contentChanges": [{ "text": changed }] }),
        );
        let cpu = cpu_time(child.id());
        let start = Instant::now();
        send(msg)?;
        wait(v)?;
        times.push((start.elapsed(), cpu_time(child.id()).saturating_sub(cpu)));
    }
    send(request(2, "shutdown", Value::Null))?;
    while !matches!(next()?, Message::Response(_)) {}
    send(notify("exit", Value::Null))?;
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("the server exited with {status}"));
    }
    Ok((times, diagnostics, text.len()))
}

/// CPU time of every thread of process `pid` so far (`/proc/PID/task/*/schedstat`, in ns).
fn cpu_time(pid: u32) -> Duration {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Duration::ZERO;
    };
    let ns: u64 = tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    Duration::from_nanos(ns)
}
