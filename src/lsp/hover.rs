//! Hover: a placeholder's variable (type, description, the event's sample value, the events
//! that carry it); an event's when and where in the lifecycles; a finding's rule.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use serde_json::Value;

use super::completion::{documentation, variable_of};
use super::context;
use super::documents::Document;
use crate::event::{Event, Scenario};
use crate::payload;
use crate::rules;

pub fn hover(document: &Document, offset: usize) -> Option<Hover> {
    let text = &document.source.text;
    let markdown = placeholder(document, offset)
        .or_else(|| event_value(text, offset))
        .or_else(|| finding(document, offset))?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: None,
    })
}

fn placeholder(document: &Document, offset: usize) -> Option<String> {
    let text = &document.source.text;
    let (_, path) = context::placeholder_around(text, offset)?;
    if let Some(name) = path.strip_prefix("env.") {
        return Some(format!(
            "**`env.{name}`** · environment variable\n\nRead where actions are rendered and fired (the shell, a `.env`, `--env-file`). A secret: masked in every output unless `--show-secrets`."
        ));
    }
    let variable = variable_of(&path)?;
    let event = context::enclosing_event(text, offset);
    let example = event
        .and_then(|e| payload::get_path(payload::sample_ref(e), &path).map(Value::to_string))
        .unwrap_or_else(|| variable.example.to_owned());
    let mut text = documentation(variable, &path, &example);
    if let Some(event) = event
        && !variable.at(event)
    {
        text.push_str(&format!(
            "\n\n**Not available at `{event}`**: it renders as empty there."
        ));
    }
    Some(text)
}

fn event_value(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset.min(text.len())]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1);
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    let line = text[start..end].trim_start().trim_start_matches("- ");
    let value = line.strip_prefix("event:")?.split('#').next()?.trim();
    let event = Event::from_name(value.trim_matches(['"', '\'']))?;
    let lifecycles: Vec<String> = Scenario::ALL
        .iter()
        .filter(|s| s.lifecycle().contains(&event))
        .map(|s| format!("- {}: {}", s.name(), s.lifecycle_text()))
        .collect();
    Some(format!(
        "**`{event}`** · event\n\nFires when {}.\n\nIn the lifecycles:\n{}",
        event.fires_when(),
        lifecycles.join("\n")
    ))
}

/// The rule of a finding under the cursor, explained.
fn finding(document: &Document, offset: usize) -> Option<String> {
    let pos = document.source.pos_at(offset);
    let diagnostic = document
        .checked
        .diagnostics
        .iter()
        .find(|d| d.span.start <= pos && pos <= d.span.end)?;
    let rule = rules::find(diagnostic.rule)?;
    Some(format!(
        "**`{}`** · {}\n\n{}\n\n`callactions explain {}` shows a bad and a good file.",
        rule.id,
        rule.severity.name(),
        rule.explanation,
        rule.id
    ))
}
