//! What several commands share: reading their inputs, showing rendered requests and render
//! errors, and the sender for those that fire.

use crate::cli::{PayloadArgs, RenderFormat};
use crate::error::Error;
use crate::output::requests::{self, Shown};
use crate::output::{Streams, diagnostics, mask};
use crate::payload::Payloads;
use crate::request::{self, Options, RenderError};
use crate::send::Sender;
use crate::workspace::{Selected, Workspace};

/// The action files at `paths` (their problems shown on standard error), the payloads
/// chosen on the command line, and how to render.
pub(super) struct Inputs {
    pub workspace: Workspace,
    pub payloads: Payloads,
    pub options: Options<'static>,
}

pub(super) fn inputs(
    paths: &[std::path::PathBuf],
    payload: PayloadArgs,
    streams: &mut Streams,
) -> Result<Inputs, Error> {
    let workspace = Workspace::load(paths)?;
    report_load_problems(&workspace, streams)?;
    let payloads = Payloads::load(payload.payload.as_deref(), payload.sets)?;
    Ok(Inputs {
        workspace,
        payloads,
        options: Options {
            strict: payload.strict,
            env: &request::process_env,
        },
    })
}

/// The sender of `fire` and `simulate --fire`, with a warning when certificates go unchecked.
pub(super) fn sender(insecure: bool, streams: &mut Streams) -> Result<Sender, Error> {
    if insecure {
        streams
            .warn("TLS certificate checks are off (--insecure): use it only for local endpoints")?;
    }
    Ok(Sender::new(insecure))
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
