use super::common;
use crate::cli::RenderArgs;
use crate::error::{Error, exit};
use crate::output::{Streams, diagnostics};
use crate::secrets::Reveal;

pub fn run(args: RenderArgs, streams: &mut Streams) -> Result<i32, Error> {
    let inputs = common::inputs(&args.paths, args.payload, streams)?;
    let workspace = &inputs.workspace;
    let selected = workspace.select(&args.selection.events, &args.selection.actions)?;
    if selected.is_empty() && !workspace.has_errors() {
        streams.warn(if args.selection.is_empty() {
            "the files have no actions"
        } else {
            "no action matches the selection (--event and --action narrow it together)"
        })?;
    }
    let rendered_all = common::show(
        &selected,
        &inputs.payloads,
        &inputs.options,
        args.format,
        Reveal::from_flag(args.show_secrets),
        streams,
    )?;
    if workspace.has_errors() {
        let summary = diagnostics::summary(&workspace.diagnostics, workspace.files.len());
        streams.err(|err, _| writeln!(err, "{summary}"))?;
    }
    Ok(if rendered_all && !workspace.has_errors() {
        exit::OK
    } else {
        exit::PROBLEMS
    })
}
