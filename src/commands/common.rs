//! What several commands share: reading their inputs, showing rendered requests and what
//! went wrong with them, and the sender for those that fire.

use crate::cli::{PayloadArgs, RenderFormat};
use crate::error::Error;
use crate::output::requests::{self, Shown};
use crate::output::{Streams, diagnostics};
use crate::payload::Payloads;
use crate::request::{self, Options, RenderError, Warning};
use crate::runner::ActionRun;
use crate::secrets::Reveal;
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
    let sources = workspace.sources();
    streams.err(|err, paint| diagnostics::human(err, paint, &workspace.diagnostics, &sources))
}

/// Renders each selected action and prints the requests, masked as asked; warnings and
/// render errors go to standard error. Returns whether all rendered.
pub(super) fn show(
    selected: &[Selected<'_>],
    payloads: &Payloads,
    options: &Options<'_>,
    format: RenderFormat,
    reveal: Reveal,
    streams: &mut Streams,
) -> Result<bool, Error> {
    let mut all = true;
    let mut rendered = Vec::new();
    for item in selected {
        let payload = payloads.for_event(item.action.event)?;
        match request::render(item.action, &payload, options) {
            Ok((request, warnings)) => {
                report_warnings(&warnings, streams)?;
                rendered.push((request.shown(reveal), item));
            }
            Err(error) => {
                all = false;
                report_render_error(&error, item, reveal, streams)?;
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
    streams.out(|out, paint| match format {
        RenderFormat::Human => requests::human(out, paint, &shown),
        RenderFormat::Json => requests::json(out, &shown),
        RenderFormat::Curl => requests::curl(out, &shown),
    })?;
    Ok(all)
}

pub(super) fn report_warnings(warnings: &[Warning], streams: &mut Streams) -> Result<(), Error> {
    for warning in warnings {
        streams.warn(&warning.message)?;
    }
    Ok(())
}

/// A render error with the place of its placeholder and how to fix it.
pub(super) fn report_render_error(
    error: &RenderError,
    item: &Selected<'_>,
    reveal: Reveal,
    streams: &mut Streams,
) -> Result<(), Error> {
    let location = error
        .span
        .map(|span| format!("{}:{}", item.file.path.display(), span.start));
    streams.error_at(&error.describe(reveal), location, error.help.as_deref())
}

/// What rendering said of one run, on standard error.
pub(super) fn report_run(
    run: &ActionRun,
    item: &Selected<'_>,
    reveal: Reveal,
    streams: &mut Streams,
) -> Result<(), Error> {
    report_warnings(&run.warnings, streams)?;
    match run.render_error() {
        Some(error) => report_render_error(error, item, reveal, streams),
        None => Ok(()),
    }
}
