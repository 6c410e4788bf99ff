use std::io::Write;

use serde_json::json;

use crate::cli::DataFormat;
use crate::error::{Error, exit};
use crate::event::Event;
use crate::output::Streams;
use crate::{payload, variable};

pub fn run(
    event: Event,
    vars: bool,
    format: DataFormat,
    streams: &mut Streams,
) -> Result<i32, Error> {
    let out = &mut streams.out;
    if !vars {
        serde_json::to_writer_pretty(&mut *out, &payload::sample(event))
            .map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(exit::OK);
    }
    let variables: Vec<_> = variable::at(event).collect();
    match format {
        DataFormat::Json => {
            let list: Vec<_> = variables
                .iter()
                .map(|v| {
                    json!({
                        "path": v.display_path(),
                        "type": v.type_name(),
                        "description": v.description,
                        "example": v.example_for(event),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        DataFormat::Human => {
            let paint = streams.out_paint;
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
        }
    }
    Ok(exit::OK)
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{cut}…")
}
