//! `linkedin-lint server` end to end: the binary is spawned and spoken to in JSON-RPC over its
//! stdin/stdout, as an editor does. The Neovim test (`#[ignore]`, run by `.ci/run`) does the
//! same through a real editor's LSP client.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod common;
use common::{TODAY, tree};

/// `café 😀` before the findings: UTF-16 columns differ from bytes and from characters there.
const CLIENT: &str = "\"\"\"LinkedIn client.\"\"\"\nHEADERS = {\"X-Note\": \"café 😀\", \"LinkedIn-Version\": \"202304\"}\nSCOPES = [\"w_share\", \"openid\"]\n";
const OTHER: &str = "\"\"\"Another LinkedIn helper.\"\"\"\nLINKEDIN_VERSION = \"202601\"\n";

/// A language client: the server process and the messages it sent, read on a thread.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: mpsc::Receiver<Value>,
    /// Messages received but not yet asked for.
    seen: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(root: &Path, extra: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_linkedin-lint"))
            .args(["server", "--today", TODAY])
            .args(extra)
            .current_dir(root)
            .env_remove("SOURCE_DATE_EPOCH")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if out.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length")];
                out.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            incoming,
            seen: Vec::new(),
            next_id: 0,
        };
        let uri = url(root);
        let init = c.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri, "capabilities": {},
                    "workspaceFolders": [{ "uri": uri, "name": "ws" }] }),
        );
        assert_eq!(
            init["result"]["capabilities"]["positionEncoding"], "utf-16",
            "{init}"
        );
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, msg: Value) {
        let body = serde_json::to_vec(&msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Send a request without waiting; returns its id.
    fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait(&format!("the answer to {method}"), |m| {
            m["id"] == id && m.get("method").is_none()
        })
    }

    /// The first message (received or to come) that `pred` accepts; the others are kept.
    fn wait(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&pred) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(m) if pred(&m) => return m,
                Ok(m) => self.seen.push(m),
                Err(_) => panic!("no {what} within 30 s; received: {:#?}", self.seen),
            }
        }
    }

    /// The next diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait(&format!("diagnostics for {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "python", "version": 1, "text": text } }),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                    "contentChanges": [{ "text": text }] }),
        );
    }

    /// `shutdown` then `exit`; the exit code.
    fn stop(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null);
        wait_exit(&mut self.child)
    }
}

/// A server on a workspace holding only `client.py` (`CLIENT`), started with `extra`; and the
/// document's URI.
fn on_client(extra: &[&str]) -> (tempfile::TempDir, Client, String) {
    let dir = tree(&[("client.py", CLIENT)]);
    let c = Client::start(dir.path(), extra);
    let client = url(&dir.path().join("client.py"));
    (dir, c, client)
}

impl Client {
    fn hover(&mut self, uri: &str, line: u64, character: u64) -> Value {
        let id = self.hover_later(uri, line, character);
        self.wait("the hover", |m| m["id"] == id)
    }

    fn hover_later(&mut self, uri: &str, line: u64, character: u64) -> i64 {
        self.send_request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        )
    }
}

/// The titles of a code-action answer.
fn titles(r: &Value) -> Vec<&str> {
    r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect()
}

fn wait_exit(child: &mut Child) -> i32 {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code().unwrap_or(-1);
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn url(path: &Path) -> String {
    format!("file://{}", path.canonicalize().unwrap().display())
}

fn range(sl: u64, sc: u64, el: u64, ec: u64) -> Value {
    json!({ "start": { "line": sl, "character": sc }, "end": { "line": el, "character": ec } })
}

/// `line:col code` of each diagnostic (0-based, UTF-16), in order.
fn brief(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            format!(
                "{}:{}-{}:{} {} {}",
                d["range"]["start"]["line"],
                d["range"]["start"]["character"],
                d["range"]["end"]["line"],
                d["range"]["end"]["character"],
                d["severity"],
                d["code"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn diagnostics_follow_the_buffer_with_utf16_ranges_and_cross_file_checks() {
    // client.py pins 202304 (sunset), other.py 202601 and third.py 202602 (both current): the
    // project keeps the newest of the current pins, 202602; client.py and other.py differ.
    let third = "LINKEDIN_VERSION = \"202602\"  # linkedin\n";
    let dir = tree(&[
        ("client.py", CLIENT),
        ("other.py", OTHER),
        ("third.py", third),
    ]);
    let mut c = Client::start(dir.path(), &[]);
    let client = url(&dir.path().join("client.py"));
    let other = url(&dir.path().join("other.py"));
    let third = url(&dir.path().join("third.py"));

    c.open(&client, CLIENT);
    let d = c.diagnostics(&client, 1);
    // `"202304"`'s digits start at character 52 (0-based), UTF-16 column 53 (😀 is two units).
    assert_eq!(
        brief(&d),
        [
            "1:53-1:59 1 version-sunset/version-sunset-dated",
            "1:53-1:59 2 version-inconsistent/multiple-versions",
            "2:11-2:18 1 scope-deprecated/w-share",
        ]
    );
    assert_eq!(d[0]["source"], "linkedin-lint");
    assert_eq!(
        d[0]["codeDescription"]["href"],
        "https://docs.microsoft.com/en-us/linkedin/marketing/integrations/recent-changes"
    );
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("LinkedIn-Version 202304 was sunset on 2024-04-15\n"),
        "{}",
        d[0]["message"]
    );
    // The kept version's pin, in another file.
    let related = &d[1]["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], third.as_str());
    assert_eq!(related["location"]["range"], range(0, 20, 0, 26));

    // other.py pins a current version the project does not keep.
    c.open(&other, OTHER);
    let other_alone = ["1:20-1:26 2 version-inconsistent/multiple-versions"];
    assert_eq!(brief(&c.diagnostics(&other, 1)), other_alone);

    // Editing the buffer (unsaved) to 202601: now most pins are 202601, so the sunset and
    // cross-file findings go from both open files (third.py is the outlier now).
    let edited = CLIENT.replace("202304", "202601");
    c.change(&client, 2, &edited);
    assert_eq!(
        brief(&c.diagnostics(&client, 2)),
        ["2:11-2:18 1 scope-deprecated/w-share"]
    );
    assert_eq!(brief(&c.diagnostics(&other, 1)), Vec::<String>::new());

    // Closing the buffer without saving: the file on disk counts again.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": client } }),
    );
    let m = c.wait("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == client.as_str()
            && m["params"]["diagnostics"] == json!([])
    });
    assert!(m["params"]["version"].is_null());
    assert_eq!(brief(&c.diagnostics(&other, 1)), other_alone);
    assert_eq!(c.stop(), 0);
}

#[test]
fn code_actions_are_the_fixes_of_check_fix() {
    let (dir, mut c, client) = on_client(&[]);
    c.open(&client, CLIENT);
    c.diagnostics(&client, 1);

    let whole = range(0, 0, 3, 0);
    let r = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": client }, "range": whole, "context": { "diagnostics": [] } }),
    );
    let actions = r["result"].as_array().unwrap();
    assert_eq!(
        titles(&r),
        [
            "version-sunset/version-sunset-dated: replace with `202609` (unsafe)",
            "scope-deprecated/w-share: replace with `\"w_member_social\"`",
            "Fix all safe linkedin-lint findings (1 fix)",
        ]
    );
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], false);
    assert_eq!(
        actions[0]["diagnostics"][0]["code"],
        "version-sunset/version-sunset-dated"
    );
    assert_eq!(
        actions[0]["edit"]["changes"][client.as_str()],
        json!([{ "range": range(1, 53, 1, 59), "newText": "202609" }])
    );
    assert_eq!(actions[1]["isPreferred"], true);
    assert_eq!(
        actions[1]["edit"]["changes"][client.as_str()],
        json!([{ "range": range(2, 10, 2, 19), "newText": "\"w_member_social\"" }])
    );
    // Fix-all applies what `check --fix` applies: the safe fix only.
    assert_eq!(actions[2]["kind"], "source.fixAll.linkedin-lint");
    assert_eq!(
        actions[2]["edit"]["changes"][client.as_str()],
        actions[1]["edit"]["changes"][client.as_str()]
    );

    // Only what is asked for: a cursor on the scope line, quick fixes only.
    let r = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": client }, "range": range(2, 12, 2, 12),
                "context": { "diagnostics": [], "only": ["quickfix"] } }),
    );
    assert_eq!(
        titles(&r),
        ["scope-deprecated/w-share: replace with `\"w_member_social\"`"]
    );
    let r = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": client }, "range": whole,
                "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    assert_eq!(r["result"].as_array().unwrap().len(), 1, "{r}");

    // The same edit as `check --fix` makes on disk.
    let out = common::bin()
        .current_dir(dir.path())
        .args([
            "check",
            "--fix",
            "--isolated",
            "--today",
            TODAY,
            "client.py",
        ])
        .output()
        .unwrap();
    assert!(out.status.code().is_some());
    let on_disk = std::fs::read_to_string(dir.path().join("client.py")).unwrap();
    assert_eq!(
        on_disk,
        CLIENT.replace("\"w_share\"", "\"w_member_social\"")
    );
    assert_eq!(c.stop(), 0);
}

#[test]
fn hover_explains_findings_and_versions() {
    let (_dir, mut c, client) = on_client(&[]);
    c.open(&client, CLIENT);
    c.diagnostics(&client, 1);

    let r = c.hover(&client, 1, 55);
    let text = r["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        text.starts_with(
            "LinkedIn-Version 202304: sunset as of 2026-11-23, sunset date 2024-04-15 (published). Recommended pin: 202609"
        ),
        "{text}"
    );
    assert!(
        text.contains("**version-sunset/version-sunset-dated** (error)"),
        "{text}"
    );
    assert!(
        text.contains("Why it breaks: HTTP 426 NONEXISTENT_VERSION"),
        "{text}"
    );
    assert_eq!(r["result"]["range"], range(1, 53, 1, 59));

    // Nothing to say about plain code.
    let r = c.hover(&client, 0, 2);
    assert_eq!(r["result"], Value::Null);
    assert_eq!(c.stop(), 0);
}

#[test]
fn config_applies_per_file_and_errors_are_logged_not_fatal() {
    let dir = tree(&[
        ("client.py", CLIENT),
        (
            "linkedin-lint.toml",
            "exclude = [\"vendor/\"]\n[severity]\nversion-sunset = \"warning\"\n",
        ),
        ("vendor/lib.py", CLIENT),
        // A nested project with a config the server cannot use.
        ("api/linkedin-lint.toml", "expiring-day = 1\n"),
        ("api/other.py", OTHER),
    ]);
    let mut c = Client::start(dir.path(), &[]);
    let client = url(&dir.path().join("client.py"));
    c.open(&client, CLIENT);
    assert_eq!(
        brief(&c.diagnostics(&client, 1))[0],
        "1:53-1:59 2 version-sunset/version-sunset-dated"
    );
    // An excluded file is not linted, open or not.
    let vendored = url(&dir.path().join("vendor/lib.py"));
    c.open(&vendored, CLIENT);
    assert_eq!(c.diagnostics(&vendored, 1), Vec::<Value>::new());
    let log = c.wait("the config error in the log", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap()
                .contains("configuration error")
    });
    assert!(
        log["params"]["message"]
            .as_str()
            .unwrap()
            .contains("expiring-day"),
        "{log}"
    );
    assert_eq!(c.stop(), 0);

    // A broken top-level config: logged, and the defaults apply.
    std::fs::write(dir.path().join("linkedin-lint.toml"), "fail-on = 3\n").unwrap();
    let mut c = Client::start(dir.path(), &[]);
    c.wait("the config error in the log", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap()
                .contains("configuration error, using the defaults")
    });
    c.open(&client, CLIENT);
    assert_eq!(
        brief(&c.diagnostics(&client, 1))[0],
        "1:53-1:59 1 version-sunset/version-sunset-dated"
    );
    assert_eq!(c.stop(), 0);
}

#[test]
fn huge_and_malformed_buffers_never_crash_the_server() {
    let (_dir, mut c, client) = on_client(&["--max-filesize", "1000"]);
    let huge = CLIENT.repeat(100);
    c.open(&client, &huge);
    assert_eq!(c.diagnostics(&client, 1), Vec::<Value>::new());
    c.wait("the size note", |m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap()
                .contains("over the 1000-byte limit")
    });
    // Unbalanced brackets, a NUL byte, a lone surrogate's replacement: still an answer.
    for (v, text) in [
        (2, "HEADERS = {{{{[[[\"LinkedIn-Version\": \"202304\""),
        (3, "x = \"\u{0}\" # linkedin \u{FFFD}"),
        (4, CLIENT),
    ] {
        c.change(&client, v, text);
        c.diagnostics(&client, v);
    }
    // A message that is not JSON is skipped; the next one is answered.
    write!(c.stdin, "Content-Length: 5\r\n\r\n{{oops").unwrap();
    let r = c.hover(&client, 1, 55);
    assert!(r["result"]["contents"]["value"].is_string(), "{r}");
    // An unknown request is an error answer, not a crash.
    let r = c.request("linkedin/unknown", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    assert_eq!(c.stop(), 0);
}

#[test]
fn cancelled_requests_and_superseded_versions_are_not_answered() {
    let (_dir, mut c, client) = on_client(&[]);
    // A 5,000-line buffer keeps the server busy while the rest arrives.
    let big = CLIENT.repeat(1700);
    c.open(&client, &big);
    for v in 2..=6 {
        c.change(
            &client,
            v,
            &big.replacen("202304", &format!("2023{v:02}"), 1),
        );
    }
    let id = c.hover_later(&client, 1, 55);
    c.notify("$/cancelRequest", json!({ "id": id }));
    let r = c.wait("the cancelled hover", |m| m["id"] == id);
    assert_eq!(r["error"]["code"], -32800, "{r}");
    c.change(&client, 7, CLIENT);
    c.diagnostics(&client, 7);
    // No diagnostics for an older version after a newer one.
    let published: Vec<i64> = c
        .seen
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert!(published.windows(2).all(|w| w[0] < w[1]), "{published:?}");
    assert_eq!(c.stop(), 0);
}

#[test]
fn no_message_ever_holds_a_token() {
    let fixture = include_str!("fixtures/rules/hardcoded-token/fires.py");
    // The token, as the fixture spells it (not copied here: this file would hold a token).
    let token = fixture
        .split("LINKEDIN_ACCESS_TOKEN = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert!(token.len() > 40, "{token}");
    let dir = tree(&[("client.py", fixture)]);
    let mut c = Client::start(dir.path(), &[]);
    let client = url(&dir.path().join("client.py"));
    c.open(&client, fixture);
    let d = c.diagnostics(&client, 1);
    let at = d
        .iter()
        .find(|d| d["code"] == "hardcoded-token/access-token-literal")
        .unwrap_or_else(|| panic!("{d:#?}"));
    let mut answers = vec![json!(d)];
    for method in ["textDocument/hover", "textDocument/codeAction"] {
        let r = c.request(
            method,
            json!({ "textDocument": { "uri": client }, "position": at["range"]["start"],
                    "range": at["range"], "context": { "diagnostics": [] } }),
        );
        answers.push(r);
    }
    answers.append(&mut c.seen);
    assert!(answers[1]["result"]["contents"]["value"].is_string());
    for a in &answers {
        assert!(!a.to_string().contains(&token[..20]), "{a}");
    }
    assert_eq!(c.stop(), 0);
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let (_dir, mut c, _) = on_client(&[]);
    c.notify("exit", Value::Null);
    assert_eq!(wait_exit(&mut c.child), 1);
}

/// Neovim's own LSP client (0.7+: `vim.lsp.start_client`) opens a file, gets the diagnostics
/// and a code action, and applies it. Needs `nvim`; `.ci/run` installs it and runs this.
#[test]
#[ignore = "needs Neovim (`.ci/run` installs it and runs this with --ignored)"]
fn neovim_shows_the_diagnostics_and_applies_a_code_action() {
    let dir = tree(&[("client.py", CLIENT), ("other.py", OTHER)]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nvim/lsp.lua");
    let out = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .current_dir(dir.path())
        .env("LINKEDIN_LINT", env!("CARGO_BIN_EXE_linkedin-lint"))
        .env("LINKEDIN_LINT_TODAY", TODAY)
        .env("FIXTURE", dir.path().join("client.py"))
        .stdin(Stdio::null())
        .output()
        .expect("nvim runs (apt-get install neovim)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "nvim failed ({:?})\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    assert!(stderr.contains("nvim-lsp: ok"), "{stdout}\n{stderr}");
}
