use super::common::{self, Inputs};
use super::render;
use crate::cli::{FireArgs, RenderFormat, ReportFormat};
use crate::error::Error;
use crate::output::exchanges::{self, Show};
use crate::output::{Streams, junit, progress};
use crate::runner::{ActionRun, Runner};
use crate::secrets::Reveal;
use crate::workspace::Selected;

pub fn run(args: FireArgs, streams: &mut Streams) -> Result<i32, Error> {
    if args.selection.is_empty() && !args.all {
        return Err(Error::Usage {
            message: "fire sends nothing without a selection".to_owned(),
            help: "choose with --event EVENT or --action NAME (each repeatable), or send every action with --all"
                .to_owned(),
        });
    }
    let reveal = Reveal::from_flag(args.show_secrets);
    let settings = common::settings(
        &args.paths,
        Some(args.payload),
        &args.findings,
        &args.project,
    )?;
    if args.dry_run {
        let how = render::How {
            format: RenderFormat::Human,
            reveal,
            quiet: args.findings.quiet,
        };
        let code = render::render(&settings, &args.selection, how, streams)?;
        streams.note("dry run: nothing was sent")?;
        return Ok(code);
    }
    let env = settings.env_lookup();
    let inputs = common::inputs(&settings, &env, streams)?;
    let selected = common::select(&inputs.workspace, &args.selection)?;
    if selected.is_empty() {
        streams.warn("the files have no actions; nothing was sent")?;
    }
    let sender = common::sender(&args.send, streams)?;
    let runner = Runner {
        options: &inputs.options,
        sender: Some(&sender),
        timeout: args.send.timeout,
        strict: inputs.policy.strict,
    };
    let show = Show {
        verbose: args.send.verbose,
        reveal,
        quiet: args.findings.quiet,
    };
    let human = args.format == ReportFormat::Human;
    let runs = send(&selected, &inputs, &runner, show, human, streams)?;
    match args.format {
        ReportFormat::Human if !runs.is_empty() && !show.quiet => {
            let summary = exchanges::summary(&runs);
            streams.out(|out, _| writeln!(out, "\n{summary}"))?;
        }
        ReportFormat::Human => {}
        ReportFormat::Json => streams.out(|out, _| exchanges::json(out, &runs, show))?,
        ReportFormat::Junit => {
            let all: Vec<&ActionRun> = runs.iter().collect();
            streams.out(|out, _| junit::report(out, "callactions fire", &all, show))?;
        }
    }
    let failed = runs.iter().any(|r| !r.succeeded());
    Ok(common::verdict(&inputs.workspace, failed))
}

/// Sends each selected action in turn, with a progress line on a terminal, and shows each
/// result as it comes when the report is for people.
fn send(
    selected: &[Selected<'_>],
    inputs: &Inputs,
    runner: &Runner<'_>,
    show: Show,
    human: bool,
    streams: &mut Streams,
) -> Result<Vec<ActionRun>, Error> {
    let progress = human && selected.len() > 1 && streams.err_is_terminal;
    let mut runs = Vec::with_capacity(selected.len());
    for (index, item) in selected.iter().enumerate() {
        if progress {
            streams
                .err(|err, _| progress::draw(err, index + 1, selected.len(), &item.action.name))?;
        }
        let payload = inputs.payloads.for_event(item.action.event);
        let run = runner.run(
            item.action,
            payload,
            common::errors_of(&inputs.workspace, item),
        );
        if progress {
            streams.err(|err, _| progress::clear(err))?;
        }
        common::report_run(&run, item, &inputs.policy, show.reveal, streams)?;
        if human {
            streams.out(|out, paint| exchanges::human_one(out, paint, &run, show))?;
            if progress {
                streams.flush()?;
            }
        }
        runs.push(run);
    }
    Ok(runs)
}
