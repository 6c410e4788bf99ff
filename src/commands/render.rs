use std::io::Write;

use crate::cli::{RenderArgs, RenderFormat};
use crate::error::{Error, exit};
use crate::output::requests::{self, Shown};
use crate::output::{Streams, diagnostics, mask};
use crate::payload::Payloads;
use crate::request::{self, Options, RenderError};
use crate::workspace::{Selected, Workspace};

pub fn run(args: RenderArgs, streams: &mut Streams) -> Result<i32, Error> {
    let workspace = Workspace::load(&args.paths)?;
    let selected = workspace.select(&args.selection.events, &args.selection.actions)?;
    let payloads = Payloads::load(args.payload.payload.as_deref(), args.payload.sets)?;
    let options = Options {
        strict: args.payload.strict,
        env: &request::process_env,
    };
    report_load_problems(&workspace, streams)?;
    if selected.is_empty() && !workspace.has_errors() {
        streams.warn(if args.selection.is_empty() {
            "the files have no actions"
        } else {
            "no action matches the selection (--event and --action narrow it together)"
        })?;
    }
    let rendered_all = show(
        &selected,
        &payloads,
        &options,
        args.format,
        args.show_secrets,
        streams,
    )?;
    if workspace.has_errors() {
        let summary = diagnostics::summary(&workspace.diagnostics, workspace.files.len());
        writeln!(streams.err, "{summary}")?;
    }
    Ok(if rendered_all && !workspace.has_errors() {
        exit::OK
    } else {
        exit::PROBLEMS
    })
}

/// Shows the problems found while loading, on standard error.
pub(super) fn report_load_problems(
    workspace: &Workspace,
    streams: &mut Streams,
) -> Result<(), Error> {
    diagnostics::human(
        &mut streams.err,
        streams.err_paint,
        &workspace.diagnostics,
        &workspace.sources(),
    )?;
    Ok(())
}

/// Renders each selected action and prints the requests, masked unless `show_secrets`;
/// warnings and render errors go to standard error. Returns whether all rendered.
pub(super) fn show(
    selected: &[Selected<'_>],
    payloads: &Payloads,
    options: &Options<'_>,
    format: RenderFormat,
    show_secrets: bool,
    streams: &mut Streams,
) -> Result<bool, Error> {
    let mut all = true;
    let mut rendered = Vec::new();
    for item in selected {
        let payload = payloads.for_event(item.action.event)?;
        match request::render(item.action, &payload, options) {
            Ok((request, warnings)) => {
                for warning in warnings {
                    streams.warn(&warning.message)?;
                }
                rendered.push((mask::masked(&request, show_secrets), item));
            }
            Err(error) => {
                all = false;
                report_render_error(&error, item, streams)?;
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
    match format {
        RenderFormat::Human => requests::human(&mut streams.out, streams.out_paint, &shown)?,
        RenderFormat::Json => requests::json(&mut streams.out, &shown)?,
        RenderFormat::Curl => requests::curl(&mut streams.out, &shown)?,
    }
    Ok(all)
}

/// A render error with the place of its placeholder and how to fix it.
pub(super) fn report_render_error(
    error: &RenderError,
    item: &Selected<'_>,
    streams: &mut Streams,
) -> Result<(), Error> {
    let location = error
        .span
        .map(|span| format!("{}:{}", item.file.path.display(), span.start));
    streams.error_at(&error.to_string(), location, error.help.as_deref())?;
    Ok(())
}
