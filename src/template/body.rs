//! What kind of body a template is, and what a value becomes in a JSON body (SPEC §4):
//! one answer for the renderer, the rules, the printers and `init`.

use serde_json::Value;

use super::encode::{json_string_content, push_json_escaped, stringify};
use super::json_scanner::{Scan, Slot};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    None,
    Json,
    Form,
    Text,
}

/// How a body is encoded: by its Content-Type, or, without one, by whether the template
/// has the shape of JSON.
pub fn kind_for(content_type: Option<&str>, scan: &Scan) -> BodyKind {
    let media_type = content_type.map(|t| {
        t.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    });
    match media_type.as_deref() {
        Some(t) if t == "application/json" || t.ends_with("+json") => BodyKind::Json,
        Some("application/x-www-form-urlencoded") => BodyKind::Form,
        Some(_) => BodyKind::Text,
        None if scan.looks_like_json => BodyKind::Json,
        None => BodyKind::Text,
    }
}

/// A body whose first character opens an object or array is meant as JSON, even when a
/// mistake keeps it from scanning as JSON.
pub fn looks_meant_as_json(text: &str) -> bool {
    text.trim_start().starts_with(['{', '['])
}

/// A value as inserted into a JSON body: escaped inside a string, as JSON elsewhere
/// (a missing value being `null`).
pub fn json_insert(slot: Option<Slot>, value: &Value) -> String {
    match (slot, value) {
        (Some(Slot::InString), Value::String(text)) => json_string_content(text),
        (Some(Slot::InString), other) => json_string_content(&stringify(other)),
        (_, Value::String(text)) => {
            let mut out = String::with_capacity(text.len() + 2);
            out.push('"');
            push_json_escaped(&mut out, text);
            out.push('"');
            out
        }
        (_, other) => other.to_string(),
    }
}
