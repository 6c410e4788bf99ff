//! Completion from context: inside `${`, the variables of the enclosing action's event
//! (an unavailable one is not offered); after an open namespace, the file's declared keys,
//! then the sample's; after `env.`, the names the file uses; the keys of an action, the
//! events, the methods and common headers elsewhere. All from the variable table.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, MarkupContent,
    MarkupKind, Range, TextEdit,
};
use serde_json::Value;

use super::context::{self, Spot};
use super::documents::Document;
use super::position::{Encoding, to_lsp};
use crate::action::{ACTION_FIELDS, Method};
use crate::event::Event;
use crate::payload;
use crate::variable::{self, VARIABLES, Variable};

const HEADERS: [(&str, &str); 6] = [
    ("Content-Type", "application/json"),
    ("Authorization", "Bearer ${env.TOKEN}"),
    ("Accept", "application/json"),
    ("X-Api-Key", "${env.API_KEY}"),
    ("Idempotency-Key", "${callInfo.callSid}"),
    ("User-Agent", "callactions"),
];

pub fn complete(document: &Document, offset: usize, encoding: Encoding) -> Vec<CompletionItem> {
    let text = &document.source.text;
    let replace = |start: usize| {
        let range = Range::new(
            to_lsp(&document.source, document.source.pos_at(start), encoding),
            to_lsp(&document.source, document.source.pos_at(offset), encoding),
        );
        move |new_text: String| Some(CompletionTextEdit::Edit(TextEdit { range, new_text }))
    };
    match context::spot(text, offset) {
        Spot::Placeholder { typed, start } => {
            let event = context::enclosing_event(text, offset);
            let edit = replace(start);
            placeholders(document, &typed, event)
                .into_iter()
                .map(|mut item| {
                    item.text_edit = edit(item.label.clone());
                    item
                })
                .collect()
        }
        Spot::Value { key, typed, start } => {
            let edit = replace(start);
            values(&key)
                .into_iter()
                .filter(|item| item.label.starts_with(typed.as_str()))
                .map(|mut item| {
                    item.text_edit = edit(item.label.clone());
                    item
                })
                .collect()
        }
        Spot::Key {
            typed,
            start,
            in_headers,
        } => {
            let edit = replace(start);
            let keys: Vec<CompletionItem> = match in_headers {
                true => HEADERS
                    .iter()
                    .map(|(name, example)| {
                        item(
                            name,
                            CompletionItemKind::PROPERTY,
                            &format!("e.g. `{name}: {example}`"),
                            "",
                        )
                    })
                    .collect(),
                false => ACTION_FIELDS
                    .iter()
                    .map(|f| item(f.key, CompletionItemKind::FIELD, f.description, ""))
                    .collect(),
            };
            keys.into_iter()
                .filter(|k| k.label.to_lowercase().starts_with(&typed.to_lowercase()))
                .map(|mut k| {
                    k.text_edit = edit(format!("{}: ", k.label));
                    k
                })
                .collect()
        }
        Spot::Elsewhere => Vec::new(),
    }
}

fn item(
    label: &str,
    kind: CompletionItemKind,
    documentation: &str,
    detail: &str,
) -> CompletionItem {
    CompletionItem {
        label: label.to_owned(),
        kind: Some(kind),
        detail: (!detail.is_empty()).then(|| detail.to_owned()),
        documentation: (!documentation.is_empty()).then(|| {
            Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value: documentation.to_owned(),
            })
        }),
        ..CompletionItem::default()
    }
}

/// The values of `key:` that the format allows.
fn values(key: &str) -> Vec<CompletionItem> {
    match key {
        "event" => Event::ALL
            .iter()
            .map(|e| {
                item(
                    e.name(),
                    CompletionItemKind::ENUM_MEMBER,
                    e.fires_when(),
                    "event",
                )
            })
            .collect(),
        "method" => Method::ALL
            .iter()
            .map(|m| item(m.name(), CompletionItemKind::ENUM_MEMBER, "", "method"))
            .collect(),
        _ => Vec::new(),
    }
}

/// The paths that complete `typed` inside `${`, for the action's event.
fn placeholders(document: &Document, typed: &str, event: Option<Event>) -> Vec<CompletionItem> {
    let (namespace, _) = typed.rsplit_once('.').unwrap_or(("", typed));
    if namespace == "env" {
        return context::env_names(&document.source.text)
            .into_iter()
            .map(|name| {
                item(
                    &format!("env.{name}"),
                    CompletionItemKind::VARIABLE,
                    "An environment variable where actions are rendered and fired: a secret, masked in every output.",
                    "env",
                )
            })
            .collect();
    }
    let available = |v: &Variable| event.is_none_or(|e| v.at(e));
    let mut items = Vec::new();
    if let Some(open) = VARIABLES
        .iter()
        .find(|v| v.open && v.path == namespace && available(v))
    {
        // The file's declared keys first, then the sample's.
        let declared = document
            .checked
            .file
            .declared
            .keys(open.path)
            .unwrap_or_default();
        let sample = event.map_or(Value::Null, |e| open.example_for(e));
        let mut keys: Vec<String> = declared.to_vec();
        if let Value::Object(map) = &sample {
            keys.extend(map.keys().filter(|k| !declared.contains(k)).cloned());
        }
        for (rank, key) in keys.iter().enumerate() {
            let example = sample.get(key).map(|v| v.to_string()).unwrap_or_default();
            let mut completion = item(
                &format!("{namespace}.{key}"),
                CompletionItemKind::PROPERTY,
                &format!(
                    "A key of `{namespace}`{}.",
                    match declared.contains(key) {
                        true => ", declared in this file",
                        false => "",
                    }
                ),
                &example,
            );
            completion.sort_text = Some(format!("{rank:03}"));
            items.push(completion);
        }
        return items;
    }
    // The client filters by what is typed; the server narrows to the namespace.
    let below = format!("{namespace}.");
    for variable in VARIABLES.iter().filter(|v| available(v)) {
        if namespace.is_empty() || variable.path.starts_with(&below) {
            items.push(variable_item(variable, event));
        }
    }
    if namespace.is_empty() {
        items.push(item(
            "env.",
            CompletionItemKind::MODULE,
            "An environment variable: `${env.NAME}`.",
            "env",
        ));
    }
    items
}

fn variable_item(variable: &Variable, event: Option<Event>) -> CompletionItem {
    let example = event.map_or_else(
        || variable.example.to_owned(),
        |e| {
            payload::get_path(payload::sample_ref(e), variable.path)
                .map_or_else(|| variable.example.to_owned(), Value::to_string)
        },
    );
    let label = match variable.open {
        true => format!("{}.", variable.path),
        false => variable.path.to_owned(),
    };
    let mut completion = item(
        &label,
        CompletionItemKind::VARIABLE,
        &documentation(variable, variable.path, &example),
        &variable.type_name(),
    );
    completion.filter_text = Some(variable.path.to_owned());
    completion
}

/// A variable's documentation: what it is, its type, an example, the events that carry it.
pub fn documentation(variable: &Variable, path: &str, example: &str) -> String {
    let events: Vec<&str> = variable.events.iter().map(Event::name).collect();
    let shown: String = example.chars().take(200).collect();
    let kind = match path == variable.path {
        true => variable.type_name(),
        false => format!("a key of `{}`", variable.path),
    };
    format!(
        "**`{path}`** · {kind}\n\n{}\n\nExample: `{}`\n\nAt: {}",
        variable.description,
        shown,
        events.join(", ")
    )
}

/// The variable a placeholder path names, for hover.
pub fn variable_of(path: &str) -> Option<&'static Variable> {
    let parsed = crate::template::VarPath::parse(path).ok()?;
    match variable::lookup(&parsed) {
        variable::Lookup::Variable(v) | variable::Lookup::OpenKey { namespace: v, .. } => Some(v),
        _ => None,
    }
}
