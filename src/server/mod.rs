//! `linkedin-lint server`: a language server over stdio (LSP 3.17), on `lsp-server` and
//! `lsp-types`, the crates rust-analyzer is built on.
//!
//! The loop reads every message the client has sent before it does any work, so a burst of
//! keystrokes is checked once, at its last version, and a request cancelled while it waited
//! is answered `RequestCanceled` instead of being run. Diagnostics are published when the
//! queue is empty (or before a request that needs them): never for a version older than the
//! newest one received. Nothing here prints: the protocol owns stdout, and errors reach the
//! client's log (`window/logMessage`).

mod convert;
mod state;

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, HoverParams, HoverProviderCapability, InitializeParams,
    LogMessageParams, MessageType, PositionEncodingKind, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, notification, request,
};

use state::State;
pub use state::{FIX_ALL, Settings};

/// Serve on standard input and output until the client says `exit`. `Ok` after a `shutdown`
/// request and `exit` (exit code 0); `Err` with the reason otherwise (exit code 1).
pub fn run(settings: Settings) -> Result<(), String> {
    let (connection, writer) = stdio();
    let result = serve(&connection, settings);
    // Let the writer send everything queued (the last responses) before the process ends.
    drop(connection);
    let _ = writer.join();
    result
}

/// The server on any connection (stdio, or an in-memory pair for benchmarks).
pub fn serve(connection: &Connection, settings: Settings) -> Result<(), String> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| format!("initialize: {e}"))?;
    let params: InitializeParams =
        serde_json::from_value(params).map_err(|e| format!("initialize: {e}"))?;
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "linkedin-lint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| format!("initialize: {e}"))?;
    let state = State::new(settings, roots(&params)).map_err(|e| e.to_string())?;
    Server {
        sender: connection.sender.clone(),
        receiver: connection.receiver.clone(),
        state,
        queue: VecDeque::new(),
        shutdown: false,
    }
    .main_loop()
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::from(FIX_ALL),
            ]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// The directories to scan: the workspace folders, else the root URI (none: only open
/// documents are checked).
#[allow(deprecated)] // root_uri: older clients (Neovim 0.7) send only it
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    let folders = params.workspace_folders.iter().flatten().map(|f| &f.uri);
    let mut roots: Vec<PathBuf> = folders
        .chain(params.root_uri.as_ref())
        .filter_map(|u| u.to_file_path().ok())
        .map(|p| crate::walk::normalize(&p))
        .filter(|p| p.is_dir())
        .collect();
    roots.sort();
    roots.dedup();
    // A folder inside another is scanned with it.
    let all = roots.clone();
    roots.retain(|r| !all.iter().any(|o| o != r && r.starts_with(o)));
    roots
}

struct Server {
    sender: Sender<Message>,
    receiver: Receiver<Message>,
    state: State,
    /// Messages received and not handled yet.
    queue: VecDeque<Message>,
    shutdown: bool,
}

impl Server {
    fn main_loop(mut self) -> Result<(), String> {
        self.flush_log();
        loop {
            if self.queue.is_empty() {
                if self.state.is_dirty() {
                    self.publish();
                }
                match self.receiver.recv() {
                    Ok(m) => self.queue.push_back(m),
                    Err(_) => return Err("the client closed the connection without `exit`".into()),
                }
            }
            self.drain();
            let Some(message) = self.queue.pop_front() else {
                continue;
            };
            if let Message::Notification(n) = &message {
                if n.method == notification::Exit::METHOD {
                    return if self.shutdown {
                        Ok(())
                    } else {
                        Err("`exit` without `shutdown`".into())
                    };
                }
            }
            // A bug in a check must not take the editor's diagnostics down with it.
            let id = match &message {
                Message::Request(r) => Some(r.id.clone()),
                _ => None,
            };
            let handled = std::panic::catch_unwind(AssertUnwindSafe(|| self.handle(message)));
            if handled.is_err() {
                self.log(
                    MessageType::ERROR,
                    "internal error (a panic); see stderr".into(),
                );
                if let Some(id) = id {
                    self.respond_err(id, ErrorCode::InternalError, "internal error".into());
                }
            }
            self.flush_log();
        }
    }

    /// Take every message already received; a `$/cancelRequest` for a request still waiting
    /// answers it `RequestCanceled` at once.
    fn drain(&mut self) {
        while let Ok(m) = self.receiver.try_recv() {
            if let Message::Notification(n) = &m {
                if n.method == notification::Cancel::METHOD {
                    self.cancel(n);
                    continue;
                }
            }
            self.queue.push_back(m);
        }
    }

    fn cancel(&mut self, n: &Notification) {
        let Ok(p) = serde_json::from_value::<lsp_types::CancelParams>(n.params.clone()) else {
            return;
        };
        let id: RequestId = match p.id {
            lsp_types::NumberOrString::Number(i) => i.into(),
            lsp_types::NumberOrString::String(s) => s.into(),
        };
        let waiting = self
            .queue
            .iter()
            .position(|m| matches!(m, Message::Request(r) if r.id == id));
        if let Some(i) = waiting {
            self.queue.remove(i);
            self.respond_err(id, ErrorCode::RequestCanceled, "cancelled".into());
        }
    }

    fn handle(&mut self, message: Message) {
        match message {
            Message::Request(r) => self.request(r),
            Message::Notification(n) => self.notification(n),
            Message::Response(_) => {} // we send no requests
        }
    }

    fn request(&mut self, r: Request) {
        if self.shutdown {
            self.respond_err(r.id, ErrorCode::InvalidRequest, "shutting down".into());
            return;
        }
        // Answers about findings need the newest ones.
        if self.state.is_dirty() {
            self.publish();
        }
        let result = match r.method.as_str() {
            request::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(serde_json::Value::Null)
            }
            request::CodeActionRequest::METHOD => params::<CodeActionParams>(&r).map(|p| {
                let actions = self.state.code_actions(
                    &p.text_document.uri,
                    p.range,
                    p.context.only.as_deref(),
                );
                serde_json::to_value(actions).expect("serialisable")
            }),
            request::HoverRequest::METHOD => params::<HoverParams>(&r).map(|p| {
                let at = p.text_document_position_params;
                let hover = self.state.hover(&at.text_document.uri, at.position);
                serde_json::to_value(hover).expect("serialisable")
            }),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("unknown request {}", r.method),
            )),
        };
        match result {
            Ok(v) => self.send(Response::new_ok(r.id, v).into()),
            Err((code, message)) => self.respond_err(r.id, code, message),
        }
    }

    fn notification(&mut self, n: Notification) {
        let state = &mut self.state;
        let Notification { method, params } = n;
        match method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    let d = p.text_document;
                    state.open(d.uri, &d.language_id, d.version, d.text);
                }
            }
            notification::DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    // Full sync: the last change holds the whole text.
                    if let Some(c) = p.content_changes.into_iter().last() {
                        state.change(&p.text_document.uri, p.text_document.version, c.text);
                    }
                }
            }
            notification::DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    if let Some(cleared) = state.close(&p.text_document.uri) {
                        self.notify::<notification::PublishDiagnostics>(cleared);
                    }
                }
            }
            notification::DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(params) {
                    if is_config(&p.text_document.uri) {
                        if let Err(e) = state.reload() {
                            self.log(MessageType::ERROR, format!("reload: {e}"));
                        }
                    }
                }
            }
            _ => {} // `initialized`, `$/setTrace`, …: nothing to do
        }
    }

    fn publish(&mut self) {
        let state = &mut self.state;
        match std::panic::catch_unwind(AssertUnwindSafe(|| state.refresh())) {
            Ok(published) => {
                for p in published {
                    self.notify::<notification::PublishDiagnostics>(p);
                }
            }
            Err(_) => {
                self.state.settle();
                self.log(
                    MessageType::ERROR,
                    "internal error (a panic); see stderr".into(),
                );
            }
        }
        self.flush_log();
    }

    fn flush_log(&mut self) {
        for m in std::mem::take(&mut self.state.log) {
            self.log(MessageType::LOG, m);
        }
    }

    fn log(&self, typ: MessageType, message: String) {
        self.notify::<notification::LogMessage>(LogMessageParams {
            typ,
            message: format!("linkedin-lint: {message}"),
        });
    }

    fn notify<N: notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params).into());
    }

    fn respond_err(&self, id: RequestId, code: ErrorCode, message: String) {
        self.send(Response::new_err(id, code as i32, message).into());
    }

    fn send(&self, m: Message) {
        // The client is gone: the next receive ends the loop.
        let _ = self.sender.send(m);
    }
}

/// A request's parameters, or the error to answer.
fn params<P: serde::de::DeserializeOwned>(r: &Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(r.params.clone())
        .map_err(|e| (ErrorCode::InvalidParams, format!("{}: {e}", r.method)))
}

/// A file whose change changes the configuration.
fn is_config(uri: &lsp_types::Url) -> bool {
    let name = uri.path().rsplit('/').next().unwrap_or("");
    crate::config::FILE_NAMES.contains(&name) || name == "Cargo.toml"
}

/// The stdio transport. Unlike `Connection::stdio` (which hands over one message at a time),
/// the reader queues everything the client sent, so the loop sees a burst of changes, or a
/// request and its cancellation, together.
fn stdio() -> (Connection, std::thread::JoinHandle<()>) {
    let (to_loop, from_client) = crossbeam_channel::unbounded();
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        loop {
            match Message::read(&mut stdin) {
                Ok(Some(m)) => {
                    let exit = matches!(&m, Message::Notification(n) if n.method == notification::Exit::METHOD);
                    if to_loop.send(m).is_err() || exit {
                        break;
                    }
                }
                // A message that is not JSON-RPC: skip it; the framing was read, so the next
                // one starts cleanly.
                Err(e) if e.kind() == std::io::ErrorKind::InvalidData => continue,
                Ok(None) | Err(_) => break,
            }
        }
    });
    let (to_client, from_loop) = crossbeam_channel::unbounded::<Message>();
    let writer = std::thread::spawn(move || {
        let mut stdout = std::io::stdout().lock();
        for m in from_loop {
            if m.write(&mut stdout).is_err() {
                break;
            }
        }
    });
    (
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        writer,
    )
}
