use super::common;
use crate::cli::{FireArgs, RenderFormat, ReportFormat};
use crate::error::{Error, exit};
use crate::output::exchanges::{self, Show};
use crate::output::{Streams, junit, progress};
use crate::runner::{ActionRun, Runner};
use crate::secrets::Reveal;

pub fn run(args: FireArgs, streams: &mut Streams) -> Result<i32, Error> {
    if args.selection.is_empty() && !args.all {
        return Err(Error::Usage {
            message: "fire sends nothing without a selection".to_owned(),
            help: "choose with --event EVENT or --action NAME (each repeatable), or send every action with --all"
                .to_owned(),
        });
    }
    let inputs = common::inputs(&args.paths, args.payload, streams)?;
    let workspace = &inputs.workspace;
    let selected = workspace.select(&args.selection.events, &args.selection.actions)?;
    if selected.is_empty() {
        streams.warn("no action matches the selection; nothing was sent")?;
    }
    let reveal = Reveal::from_flag(args.show_secrets);

    if args.dry_run {
        let rendered_all = common::show(
            &selected,
            &inputs.payloads,
            &inputs.options,
            RenderFormat::Human,
            reveal,
            streams,
        )?;
        streams.note("dry run: nothing was sent")?;
        return Ok(if rendered_all && !workspace.has_errors() {
            exit::OK
        } else {
            exit::PROBLEMS
        });
    }

    let sender = common::sender(args.insecure, streams)?;
    let runner = Runner {
        options: &inputs.options,
        sender: Some(&sender),
        timeout: args.timeout,
    };
    let show = Show {
        verbose: args.verbose,
        reveal,
    };
    let progress =
        args.format == ReportFormat::Human && selected.len() > 1 && streams.err_is_terminal;
    let mut runs: Vec<ActionRun> = Vec::with_capacity(selected.len());
    for (index, item) in selected.iter().enumerate() {
        if progress {
            streams
                .err(|err, _| progress::draw(err, index + 1, selected.len(), &item.action.name))?;
        }
        let payload = inputs.payloads.for_event(item.action.event)?;
        let run = runner.run(item.action, &payload);
        if progress {
            streams.err(|err, _| progress::clear(err))?;
        }
        common::report_run(&run, item, reveal, streams)?;
        if args.format == ReportFormat::Human {
            streams.out(|out, paint| exchanges::human_one(out, paint, &run, show))?;
            if progress {
                streams.flush()?;
            }
        }
        runs.push(run);
    }
    match args.format {
        ReportFormat::Human if !runs.is_empty() => {
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
    let failed = workspace.has_errors() || runs.iter().any(|r| !r.succeeded());
    Ok(if failed { exit::PROBLEMS } else { exit::OK })
}
