//! `callactions payload EVENT --vars`: an event's variables, for people or as JSON.

use std::io::{self, Write};

use serde_json::json;

use super::paint::Paint;
use crate::event::Event;
use crate::variable;

pub fn human(out: &mut dyn Write, paint: Paint, event: Event) -> io::Result<()> {
    let variables: Vec<_> = variable::at(event).collect();
    let width = variables
        .iter()
        .map(|v| v.display_path().len())
        .max()
        .unwrap_or(0)
        + 2;
    let type_width = variables
        .iter()
        .map(|v| v.type_name().chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    writeln!(out, "{}", paint.bold(&format!("Variables of {event}")))?;
    for v in variables {
        let path = v.display_path();
        let ty = v.type_name();
        writeln!(
            out,
            "  {}{}{}{}{}",
            paint.name(&path),
            " ".repeat(width - path.len()),
            ty,
            " ".repeat(type_width - ty.chars().count()),
            v.description
        )?;
        let example = truncate(&v.example_for(event).to_string(), 100);
        writeln!(
            out,
            "  {}{}",
            " ".repeat(width + type_width),
            paint.dim(&format!("e.g. {example}"))
        )?;
    }
    Ok(())
}

pub fn json(out: &mut dyn Write, event: Event) -> io::Result<()> {
    let list: Vec<_> = variable::at(event)
        .map(|v| {
            json!({
                "path": v.display_path(),
                "type": v.type_name(),
                "description": v.description,
                "example": v.example_for(event),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

/// `text` cut to `max` characters, with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}
