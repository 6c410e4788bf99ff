//! `invalid-json-body`: a body meant as JSON that does not render to valid JSON with the
//! event's sample payload; reported at the place in the template where JSON breaks.

use serde_json::Value;

use super::{Context, Rule};
use crate::action::{Action, ActionFile, Method};
use crate::diagnostic::{Diagnostic, Severity};
use crate::payload;
use crate::request::{BodyKind, body_kind, json_insert};
use crate::source::Span;
use crate::template::json_scanner;
use crate::template::{Part, Template};

pub static RULE: Rule = Rule {
    id: "invalid-json-body",
    severity: Severity::Error,
    summary: "a body meant as JSON that does not render to valid JSON with the event's sample payload",
    check: Some(check),
};

/// A body whose first character opens an object or array is meant as JSON, even when a
/// mistake keeps it from scanning as JSON.
pub fn looks_meant_as_json(text: &str) -> bool {
    text.trim_start().starts_with(['{', '['])
}

fn check(_: &Context<'_>, file: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    if action.method == Method::Get {
        return;
    }
    let Some(body) = action.written_body() else {
        return;
    };
    let scan = json_scanner::scan(&body.parts);
    let kind = body_kind(action, &scan);
    let meant = kind == BodyKind::Json
        || (action.header("content-type").is_none() && looks_meant_as_json(&body.text));
    if !meant {
        return;
    }
    let sample = payload::sample_ref(action.event);
    let rendered = Rendered::new(body, |index, placeholder| {
        // Environment values are strings; their content does not change the shape.
        let value = match placeholder.env_name() {
            Some(_) => Value::String("env".to_owned()),
            None => payload::get(sample, &placeholder.path)
                .cloned()
                .unwrap_or(Value::Null),
        };
        json_insert(scan.slots.get(index).copied(), &value)
    });
    let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(&rendered.text) else {
        return;
    };
    let offset = offset_of(&rendered.text, error.line(), error.column());
    let span = rendered.span_at(offset, body, file);
    let reason = error.to_string();
    let reason = reason
        .rfind(" at line ")
        .map_or(reason.as_str(), |i| &reason[..i]);
    out.push(RULE.at(
        span,
        format!(
            "the body of action `{}` is not valid JSON once rendered: {reason}",
            action.name
        ),
        "check the commas, quotes and brackets here; `callactions render` shows the rendered body",
    ));
}

/// A body rendered with each part's offset remembered, to map a place back to the template.
struct Rendered<'t> {
    text: String,
    /// Start of each part in `text`, with the part.
    parts: Vec<(usize, &'t Part)>,
}

impl<'t> Rendered<'t> {
    fn new(
        template: &'t Template,
        mut insert: impl FnMut(usize, &crate::template::Placeholder) -> String,
    ) -> Self {
        let mut text = String::new();
        let mut parts = Vec::new();
        let mut index = 0;
        for part in &template.parts {
            parts.push((text.len(), part));
            match part {
                Part::Literal(literal) => text.push_str(literal),
                Part::Placeholder(placeholder) => {
                    text.push_str(&insert(index, placeholder));
                    index += 1;
                }
            }
        }
        Rendered { text, parts }
    }

    /// The place in the file of byte `offset` of the rendered text.
    fn span_at(&self, offset: usize, template: &Template, file: &ActionFile) -> Span {
        let Some(i) = self.parts.iter().rposition(|(start, _)| *start <= offset) else {
            return Span::at(template.span.start, 1);
        };
        let (start, part) = self.parts[i];
        match part {
            Part::Placeholder(placeholder) => placeholder.span,
            Part::Literal(literal) => {
                // The literal starts where the previous placeholder ends in the template;
                // each `${` in it was written `$${`, one byte longer.
                let literal_start = self.parts[..i]
                    .iter()
                    .rev()
                    .find_map(|(_, p)| match p {
                        Part::Placeholder(p) => Some(p.range.end),
                        Part::Literal(_) => None,
                    })
                    .unwrap_or(0);
                let within = (offset - start).min(literal.len());
                let within = floor_char_boundary(literal, within);
                let escapes = literal[..within].matches("${").count();
                let template_offset =
                    floor_char_boundary(&template.text, literal_start + within + escapes);
                let pos = template.positions(&file.source, &[template_offset])[0];
                Span::at(pos, 1)
            }
        }
    }
}

/// The byte offset of serde_json's 1-based line and column (bytes) in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    // serde_json points just past the character that went wrong.
    floor_char_boundary(
        text,
        (line_start + column.saturating_sub(1)).min(text.len().saturating_sub(1)),
    )
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
