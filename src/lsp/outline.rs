//! The outline (an action per symbol: its name, its event) and inlay hints (the sample
//! value each placeholder renders to, cut short).

use lsp_types::{DocumentSymbol, InlayHint, InlayHintKind, InlayHintLabel, Range, SymbolKind};
use serde_json::Value;

use super::documents::Document;
use super::position::{Encoding, to_lsp};
use crate::payload;
use crate::rules::place;

/// Characters of a sample value an inlay hint shows.
const HINT_WIDTH: usize = 24;

pub fn symbols(document: &Document, encoding: Encoding) -> Vec<DocumentSymbol> {
    let source = &document.source;
    document
        .checked
        .file
        .actions
        .iter()
        .map(|action| {
            let range = Range::new(
                to_lsp(source, action.entry.start, encoding),
                to_lsp(source, action.entry.end, encoding),
            );
            #[allow(deprecated)]
            DocumentSymbol {
                name: action.name.clone(),
                detail: Some(format!(
                    "{} · {} {}",
                    action.event,
                    action.method.name(),
                    action.url.text
                )),
                kind: SymbolKind::EVENT,
                tags: None,
                deprecated: None,
                range,
                selection_range: Range::new(range.start, range.start),
                children: None,
            }
        })
        .collect()
}

pub fn inlay_hints(document: &Document, range: Range, encoding: Encoding) -> Vec<InlayHint> {
    let source = &document.source;
    let mut hints = Vec::new();
    for action in &document.checked.file.actions {
        let sample = payload::sample_ref(action.event);
        for (_, placeholder) in place::payload_placeholders(action) {
            let position = to_lsp(source, placeholder.span.end, encoding);
            if position < range.start || range.end < position {
                continue;
            }
            let Some(value) = payload::get(sample, &placeholder.path) else {
                continue;
            };
            hints.push(InlayHint {
                position,
                label: InlayHintLabel::String(format!("= {}", short(value))),
                kind: Some(InlayHintKind::PARAMETER),
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            });
        }
    }
    hints
}

/// A value as JSON, cut after [`HINT_WIDTH`] characters, on one line.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(HINT_WIDTH) {
        None => text,
        Some((end, _)) => format!("{}…", &text[..end]),
    }
}
