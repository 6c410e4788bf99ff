//! `callactions lsp`: the language server for action files (LSP 3.17 over stdio).
//!
//! One synchronous loop: read a message, answer it, publish what changed. Checking a
//! 500-action file takes milliseconds, so nothing is gained from threads and a runtime, and
//! answers come in the order asked. Every finding comes from the engine (`check::source`),
//! every fix from the findings, every variable from the table. A handler that panics is
//! answered with an internal error and the server goes on; a frame that is not a message
//! is answered with the protocol's error.

mod actions;
mod completion;
mod context;
mod diagnostics;
mod documents;
mod hover;
mod outline;
mod position;
mod transport;

use std::io::{self, BufRead, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, HoverRequest, InlayHintRequest,
    Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, DocumentSymbolResponse,
    HoverProviderCapability, InitializeParams, InitializeResult, OneOf, PositionEncodingKind,
    PublishDiagnosticsParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use serde_json::Value;

use crate::check::Policy;
use crate::error::Error;
use crate::settings::{Flags, Settings};
use documents::Documents;
use position::Encoding;
use transport::Frame;

/// Serves one client on `input` and `output` until it says `exit` or the input ends.
pub fn serve(input: &mut impl BufRead, output: &mut impl Write) -> io::Result<()> {
    let mut server = Server::default();
    loop {
        match transport::read(input)? {
            Frame::End => return Ok(()),
            Frame::Malformed { id, code, message } => {
                transport::write_error(output, id, code, &message)?;
            }
            Frame::Message(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                for answer in server.handle(message) {
                    transport::write(output, &answer)?;
                }
                if exit {
                    return Ok(());
                }
            }
        }
    }
}

#[derive(Default)]
struct Server {
    initialized: bool,
    shutting_down: bool,
    encoding: Option<Encoding>,
    documents: Documents,
    /// The workspace's folder, where the project file is looked for from.
    root: Option<PathBuf>,
    /// The project's settings (env files, rule levels), from the workspace's folder.
    settings: Option<Settings>,
    /// The project file, when its findings are published (so they can be cleared).
    project_published: Option<Uri>,
    /// Notifications to send after the answer at hand (the project file's findings).
    pending: Vec<Message>,
}

impl Server {
    /// Reads the project's settings again. A project file with errors is the editor's to
    /// show, as `validate` shows them: its findings are published on it (and cleared once
    /// it reads), and the documents are checked with the rules' own levels meanwhile.
    fn read_settings(&mut self, root: Option<PathBuf>) {
        let encoding = self.encoding();
        let (settings, findings) = match settings_for(root) {
            Ok(settings) => (Some(settings), None),
            Err(Error::Project {
                source,
                diagnostics: found,
            }) => {
                // Findings name the file as the command line would, maybe relative.
                let uri = found
                    .first()
                    .and_then(|d| documents::absolute(&d.path))
                    .and_then(|path| documents::uri_of(&path));
                let published: Vec<_> = found
                    .iter()
                    .map(|d| diagnostics::to_lsp_diagnostic(&source, d, encoding))
                    .collect();
                (None, uri.map(|uri| (uri, published)))
            }
            Err(_) => (None, None),
        };
        self.settings = settings;
        if let Some(previous) = self.project_published.take()
            && findings.as_ref().is_none_or(|(uri, _)| *uri != previous)
        {
            self.pending.push(clear(&previous));
        }
        if let Some((uri, published)) = findings {
            self.pending.push(notify(&uri, published));
            self.project_published = Some(uri);
        }
    }

    fn encoding(&self) -> Encoding {
        self.encoding.unwrap_or(Encoding::Utf16)
    }

    /// What to send for one message: its answer, and diagnostics to publish.
    fn handle(&mut self, message: Message) -> Vec<Message> {
        let mut out = self.handle_one(message);
        out.append(&mut self.pending);
        out
    }

    fn handle_one(&mut self, message: Message) -> Vec<Message> {
        match message {
            Message::Request(request) => vec![Message::Response(self.request(request))],
            Message::Notification(notification) => {
                let result = catch_unwind(AssertUnwindSafe(|| self.notification(notification)));
                result.unwrap_or_default()
            }
            // The server sends no requests, so a response is nothing it waits for.
            Message::Response(_) => Vec::new(),
        }
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        if request.method == "initialize" {
            return self.initialize(request);
        }
        if !self.initialized {
            return error(id, ErrorCode::ServerNotInitialized, "initialize first");
        }
        if request.method == "shutdown" {
            self.shutting_down = true;
            return Response::new_ok(id, Value::Null);
        }
        if self.shutting_down {
            return error(id, ErrorCode::InvalidRequest, "the server is shutting down");
        }
        let answered = catch_unwind(AssertUnwindSafe(|| self.answer(&request)));
        match answered {
            Ok(Ok(result)) => Response::new_ok(id, result),
            Ok(Err((code, message))) => error(id, code, &message),
            Err(_) => error(
                id,
                ErrorCode::InternalError,
                "the request failed inside the server",
            ),
        }
    }

    fn initialize(&mut self, request: Request) -> Response {
        let params: InitializeParams = match serde_json::from_value(request.params) {
            Ok(params) => params,
            Err(e) => return error(request.id, ErrorCode::InvalidParams, &e.to_string()),
        };
        let offered = params
            .capabilities
            .general
            .and_then(|g| g.position_encodings)
            .unwrap_or_default();
        let encoding = match offered.contains(&PositionEncodingKind::UTF8) {
            true => Encoding::Utf8,
            false => Encoding::Utf16,
        };
        self.encoding = Some(encoding);
        #[allow(deprecated)]
        let root = params
            .workspace_folders
            .and_then(|folders| folders.first().map(|f| documents::path_of(&f.uri)))
            .or_else(|| params.root_uri.as_ref().map(documents::path_of));
        self.read_settings(root.clone());
        self.root = root;
        self.initialized = true;
        let capabilities = ServerCapabilities {
            position_encoding: Some(match encoding {
                Encoding::Utf8 => PositionEncodingKind::UTF8,
                Encoding::Utf16 => PositionEncodingKind::UTF16,
            }),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(["{", ".", ":", " "].map(str::to_owned).to_vec()),
                ..CompletionOptions::default()
            }),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
            document_symbol_provider: Some(OneOf::Left(true)),
            inlay_hint_provider: Some(OneOf::Left(true)),
            ..ServerCapabilities::default()
        };
        let result = InitializeResult {
            capabilities,
            server_info: Some(ServerInfo {
                name: "callactions".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        };
        Response::new_ok(request.id, result)
    }

    /// The answer to a request, or the error code and message to answer with.
    fn answer(&mut self, request: &Request) -> Result<Value, (ErrorCode, String)> {
        let encoding = self.encoding();
        let params = request.params.clone();
        let invalid = |e: serde_json::Error| (ErrorCode::InvalidParams, e.to_string());
        let unknown = |uri: &Uri| {
            (
                ErrorCode::InvalidParams,
                format!("{} is not open", uri.as_str()),
            )
        };
        let json = |value: Result<Value, serde_json::Error>| value.map_err(invalid);
        match request.method.as_str() {
            Completion::METHOD => {
                let params: lsp_types::CompletionParams =
                    serde_json::from_value(params).map_err(invalid)?;
                let at = params.text_document_position;
                let document = self
                    .documents
                    .get(&at.text_document.uri)
                    .ok_or_else(|| unknown(&at.text_document.uri))?;
                let offset = position::to_offset(&document.source.text, at.position, encoding);
                json(serde_json::to_value(completion::complete(
                    document, offset, encoding,
                )))
            }
            HoverRequest::METHOD => {
                let params: lsp_types::HoverParams =
                    serde_json::from_value(params).map_err(invalid)?;
                let at = params.text_document_position_params;
                let document = self
                    .documents
                    .get(&at.text_document.uri)
                    .ok_or_else(|| unknown(&at.text_document.uri))?;
                let offset = position::to_offset(&document.source.text, at.position, encoding);
                json(serde_json::to_value(hover::hover(document, offset)))
            }
            CodeActionRequest::METHOD => {
                let params: lsp_types::CodeActionParams =
                    serde_json::from_value(params).map_err(invalid)?;
                let uri = &params.text_document.uri;
                let document = self.documents.get(uri).ok_or_else(|| unknown(uri))?;
                json(serde_json::to_value(actions::code_actions(
                    uri,
                    document,
                    params.range,
                    encoding,
                )))
            }
            DocumentSymbolRequest::METHOD => {
                let params: lsp_types::DocumentSymbolParams =
                    serde_json::from_value(params).map_err(invalid)?;
                let uri = &params.text_document.uri;
                let document = self.documents.get(uri).ok_or_else(|| unknown(uri))?;
                json(serde_json::to_value(DocumentSymbolResponse::Nested(
                    outline::symbols(document, encoding),
                )))
            }
            InlayHintRequest::METHOD => {
                let params: lsp_types::InlayHintParams =
                    serde_json::from_value(params).map_err(invalid)?;
                let uri = &params.text_document.uri;
                let document = self.documents.get(uri).ok_or_else(|| unknown(uri))?;
                json(serde_json::to_value(outline::inlay_hints(
                    document,
                    params.range,
                    encoding,
                )))
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("`{other}` is not a request this server answers"),
            )),
        }
    }

    /// What a notification changes: the diagnostics to publish.
    fn notification(&mut self, notification: Notification) -> Vec<Message> {
        let encoding = self.encoding();
        // A save, or a watched file (the project file, an env file) that changed: the
        // settings are read again and every open document checked again.
        let reread = [DidSaveTextDocument::METHOD, DidChangeWatchedFiles::METHOD]
            .contains(&notification.method.as_str());
        if reread {
            let root = self
                .settings
                .as_ref()
                .and_then(|s| s.project.as_ref())
                .map(|p| p.root.clone());
            self.read_settings(root.or_else(|| self.root.clone()));
        }
        let settings = &self.settings;
        let env = |name: &str| match settings {
            Some(settings) => settings.env.get(name),
            None => std::env::var(name).ok(),
        };
        let policy = match settings {
            Some(settings) => settings.policy(&env),
            None => Policy::new(&env),
        };
        let documents = &mut self.documents;
        let params = notification.params;
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(params) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(params)
                else {
                    return Vec::new();
                };
                let uri = params.text_document.uri;
                let document = documents.open(uri.clone(), params.text_document.text, &policy);
                vec![publish(&uri, document, encoding)]
            }
            DidChangeTextDocument::METHOD => {
                let Ok(params) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(params)
                else {
                    return Vec::new();
                };
                let uri = params.text_document.uri;
                documents
                    .change(&uri, params.content_changes, encoding, &policy)
                    .map(|document| publish(&uri, document, encoding))
                    .into_iter()
                    .collect()
            }
            DidSaveTextDocument::METHOD | DidChangeWatchedFiles::METHOD => {
                documents.recheck(&policy);
                documents
                    .uris()
                    .iter()
                    .filter_map(|uri| documents.get(uri).map(|d| publish(uri, d, encoding)))
                    .collect()
            }
            DidCloseTextDocument::METHOD => {
                let Ok(params) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(params)
                else {
                    return Vec::new();
                };
                documents.close(&params.text_document.uri);
                vec![clear(&params.text_document.uri)]
            }
            _ => Vec::new(),
        }
    }
}

/// The project's settings from the workspace folder, or why there are none: without a
/// project file, the process environment and the rules' own levels.
fn settings_for(root: Option<PathBuf>) -> Result<Settings, Error> {
    Settings::resolve(Flags {
        from: root,
        ..Flags::default()
    })
}

fn publish(uri: &Uri, document: &documents::Document, encoding: Encoding) -> Message {
    let diagnostics = document
        .checked
        .diagnostics
        .iter()
        .map(|d| diagnostics::to_lsp_diagnostic(&document.source, d, encoding))
        .collect();
    notify(uri, diagnostics)
}

fn clear(uri: &Uri) -> Message {
    notify(uri, Vec::new())
}

fn notify(uri: &Uri, diagnostics: Vec<lsp_types::Diagnostic>) -> Message {
    let params = PublishDiagnosticsParams {
        uri: uri.clone(),
        diagnostics,
        version: None,
    };
    Message::Notification(Notification::new(
        PublishDiagnostics::METHOD.to_owned(),
        params,
    ))
}

fn error(id: RequestId, code: ErrorCode, message: &str) -> Response {
    Response::new_err(id, code as i32, message.to_owned())
}
