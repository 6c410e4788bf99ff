//! The open documents: their text as the client has it (full or incremental changes), and
//! the engine's verdict on it, made once per change and read by every request.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::position::{Encoding, to_offset};
use crate::check::{self, Checked, Policy};
use crate::diagnostic::Diagnostic;
use crate::rules::yaml_syntax;
use crate::source::Source;

/// An open document and what the engine made of it.
pub struct Document {
    pub path: PathBuf,
    pub source: Arc<Source>,
    /// The engine's verdict; its file has the actions that could be read.
    pub checked: Checked,
}

#[derive(Default)]
pub struct Documents {
    open: HashMap<Uri, Document>,
}

impl Documents {
    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(uri)
    }

    pub fn open(&mut self, uri: Uri, text: String, policy: &Policy<'_>) -> &Document {
        let path = path_of(&uri);
        let document = analyse(path, text, policy);
        self.open.insert(uri.clone(), document);
        &self.open[&uri]
    }

    /// Applies the client's changes, in order, to the document's text.
    pub fn change(
        &mut self,
        uri: &Uri,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
        policy: &Policy<'_>,
    ) -> Option<&Document> {
        let document = self.open.get(uri)?;
        let mut text = document.source.text.clone();
        for change in changes {
            match change.range {
                None => text = change.text,
                Some(range) => {
                    let start = to_offset(&text, range.start, encoding);
                    let end = to_offset(&text, range.end, encoding).max(start);
                    text.replace_range(start..end, &change.text);
                }
            }
        }
        let path = document.path.clone();
        self.open.insert(uri.clone(), analyse(path, text, policy));
        self.open.get(uri)
    }

    pub fn close(&mut self, uri: &Uri) {
        self.open.remove(uri);
    }

    pub fn uris(&self) -> Vec<Uri> {
        self.open.keys().cloned().collect()
    }

    /// Checks every open document again (the settings changed).
    pub fn recheck(&mut self, policy: &Policy<'_>) {
        for document in self.open.values_mut() {
            let text = document.source.text.clone();
            *document = analyse(document.path.clone(), text, policy);
        }
    }
}

/// The file path of a `file://` URI (for the project's per-file rule levels), or the URI
/// as it is.
/// `path` from the root, its `.` and `..` taken lexically: links are kept as the editor
/// names them, where resolving them would give another URI for the same file.
pub fn absolute(path: &std::path::Path) -> Option<PathBuf> {
    use std::path::Component;
    let joined = std::env::current_dir().ok()?.join(path);
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Some(out)
}

/// The `file://` URI of a path (its bytes outside the unreserved ones percent-encoded).
pub fn uri_of(path: &std::path::Path) -> Option<Uri> {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    let text = path.to_str()?;
    let encoded = percent_encoding::utf8_percent_encode(text, KEEP);
    std::str::FromStr::from_str(&format!("file://{encoded}")).ok()
}

pub fn path_of(uri: &Uri) -> PathBuf {
    let text = uri.as_str();
    match text.strip_prefix("file://") {
        Some(path) => PathBuf::from(
            percent_encoding::percent_decode_str(path)
                .decode_utf8_lossy()
                .into_owned(),
        ),
        None => PathBuf::from(text),
    }
}

fn analyse(path: PathBuf, text: String, policy: &Policy<'_>) -> Document {
    let source = Arc::new(Source::new(text));
    let mut checked = check::source(&path, Arc::clone(&source), policy);
    if let Some(readable) = readable_part(&path, &source, &checked.diagnostics, policy) {
        // The YAML error stays; the findings of the actions before it are added.
        checked.diagnostics.extend(readable.diagnostics);
        checked.file.actions = readable.file.actions;
        checked.diagnostics.sort();
        checked.diagnostics.dedup();
    }
    Document {
        path,
        source,
        checked,
    }
}

/// A document that does not parse mid-edit: the actions before the list item where the
/// YAML breaks, checked by the engine as a file of their own. (The item that breaks is
/// left out whole, so no finding comes from cutting it.)
fn readable_part(
    path: &Path,
    source: &Source,
    diagnostics: &[Diagnostic],
    policy: &Policy<'_>,
) -> Option<Checked> {
    let broken = diagnostics
        .iter()
        .find(|d| d.rule == yaml_syntax::RULE.id)?;
    let at = source.offset(broken.span.start);
    let item = super::context::enclosing_item(&source.text, at)?;
    let prefix = source.text[..item.start].to_owned();
    if prefix.trim().is_empty() {
        return None;
    }
    let checked = check::source(path, Arc::new(Source::new(prefix)), policy);
    // Only what stands before the cut, and nothing the cut itself could cause.
    let cut = source.pos_at(item.start);
    let mut readable = checked;
    readable.diagnostics.retain(|d| {
        d.span.start < cut
            && d.rule != yaml_syntax::RULE.id
            && d.rule != crate::rules::invalid_file::RULE.id
    });
    Some(readable)
}
