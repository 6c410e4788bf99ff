//! `invalid-json-body`: a body meant as JSON that does not render to valid JSON with the
//! event's sample payload; reported at the place in the template where JSON breaks.

use serde_json::Value;

use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile, Method};
use crate::diagnostic::{Diagnostic, Severity};
use crate::payload;
use crate::request::json_error_reason;
use crate::source::Span;
use crate::template::body::{BodyKind, json_insert, looks_meant_as_json};
use crate::template::fill::fill;
use crate::template::json_scanner;

pub static RULE: Rule = Rule {
    id: "invalid-json-body",
    severity: Severity::Error,
    summary: "a body meant as JSON that does not render to valid JSON with the event's sample payload",
    explanation: "A body meant as JSON (its Content-Type says so, or it looks like an object or array) must render to valid JSON with the event's sample payload. The finding points at the place in the template where the JSON breaks. The request is not built until it parses.",
    fixable: false,
    blocks: true,
    check: Some(check),
};

fn check(_: &Context<'_>, file: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    if action.method == Method::Get {
        return;
    }
    let Some(body) = action.written_body() else {
        return;
    };
    let scan = json_scanner::scan(&body.parts);
    let meant = action.body_kind(&scan) == BodyKind::Json
        || (action.header("content-type").is_none() && looks_meant_as_json(&body.text));
    if !meant {
        return;
    }
    let sample = payload::sample_ref(action.event);
    // Environment values are strings; their content does not change the shape.
    let env = Value::String("env".to_owned());
    let Ok::<_, std::convert::Infallible>(rendered) = fill(body, |index, placeholder| {
        let value = match placeholder.env_name() {
            Some(_) => &env,
            None => payload::get(sample, &placeholder.path).unwrap_or(&Value::Null),
        };
        Ok(json_insert(scan.slots.get(index).copied(), value))
    });
    let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(&rendered.text) else {
        return;
    };
    let offset = offset_of(&rendered.text, error.line(), error.column());
    let in_template = rendered.template_offset(body, offset);
    let span = match body.placeholders().find(|p| p.range.start == in_template) {
        Some(placeholder) => placeholder.span,
        None => Span::at(body.positions(&file.source, &[in_template])[0], 1),
    };
    out.push(RULE.at(
        span,
        format!(
            "the body of action `{}` is not valid JSON once rendered: {}",
            action.name,
            json_error_reason(&error)
        ),
        "check the commas, quotes and brackets here; `callactions render` shows the rendered body",
    ));
}

/// The byte offset of serde_json's 1-based line and column (bytes) in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    // serde_json points just past the character that went wrong.
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len().saturating_sub(1));
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
