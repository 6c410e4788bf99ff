use std::io::Write;

use crate::cli::{RenderArgs, RenderFormat};
use crate::error::{Error, exit};
use crate::output::requests::{self, Shown};
use crate::output::{Streams, diagnostics, mask};
use crate::payload::Payloads;
use crate::request::{self, Options};
use crate::workspace::Workspace;

pub fn run(args: RenderArgs, streams: &mut Streams) -> Result<i32, Error> {
    let workspace = Workspace::load(&args.paths)?;
    let selected = workspace.select(&args.selection.events, &args.selection.actions)?;
    let payloads = Payloads::load(args.payload.payload.as_deref(), args.payload.sets)?;
    let options = Options {
        strict: args.payload.strict,
        env: &request::process_env,
    };

    let mut failed = workspace.has_errors();
    diagnostics::human(
        &mut streams.err,
        streams.err_paint,
        &workspace.diagnostics,
        &workspace.sources(),
    )?;

    if selected.is_empty() && !workspace.has_errors() {
        streams.warn(if args.selection.is_empty() {
            "the files have no actions"
        } else {
            "no action matches the selection (--event and --action narrow it together)"
        })?;
    }
    let mut rendered = Vec::new();
    for item in &selected {
        let payload = payloads.for_event(item.action.event)?;
        match request::render(item.action, &payload, &options) {
            Ok((request, warnings)) => {
                for warning in warnings {
                    streams.warn(&warning.message)?;
                }
                rendered.push((mask::masked(&request, args.show_secrets), item));
            }
            Err(error) => {
                failed = true;
                let location = error
                    .span
                    .map(|span| format!("{}:{}", item.file.path.display(), span.start));
                streams.error_at(&error.to_string(), location, error.help.as_deref())?;
            }
        }
    }
    let shown: Vec<Shown<'_>> = rendered
        .iter()
        .map(|(request, item)| Shown {
            request,
            file: &item.file.path,
            line: item.action.span.start.line,
        })
        .collect();
    match args.format {
        RenderFormat::Human => requests::human(&mut streams.out, streams.out_paint, &shown)?,
        RenderFormat::Json => requests::json(&mut streams.out, &shown)?,
        RenderFormat::Curl => requests::curl(&mut streams.out, &shown)?,
    }
    if workspace.has_errors() {
        let summary = diagnostics::summary(&workspace.diagnostics, workspace.files.len());
        writeln!(streams.err, "{summary}")?;
    }
    Ok(if failed { exit::PROBLEMS } else { exit::OK })
}
