use super::common;
use crate::cli::RenderArgs;
use crate::error::Error;
use crate::output::Streams;
use crate::secrets::Reveal;

pub fn run(args: RenderArgs, streams: &mut Streams) -> Result<i32, Error> {
    let inputs = common::inputs(&args.paths, args.payload, &args.findings, streams)?;
    let workspace = &inputs.workspace;
    let selected = common::select(workspace, &args.selection)?;
    if workspace.files.iter().all(|f| f.actions.is_empty()) && !workspace.has_errors() {
        streams.warn("the files have no actions")?;
    }
    let reveal = Reveal::from_flag(args.show_secrets);
    let rendered = common::render(
        &selected,
        &inputs,
        args.format,
        reveal,
        args.findings.quiet,
        streams,
    )?;
    Ok(rendered.exit_code(&inputs))
}
