use std::io::{IsTerminal, Write};

use super::common;
use crate::cli::{FireArgs, RenderFormat, ReportFormat};
use crate::error::{Error, exit};
use crate::output::Streams;
use crate::output::exchanges::{self, Show};
use crate::send::{Exchange, render_and_send};

pub fn run(args: FireArgs, streams: &mut Streams) -> Result<i32, Error> {
    if args.selection.is_empty() && !args.all {
        return Err(Error::Usage {
            message: "fire sends nothing without a selection".to_owned(),
            help: "choose with --event EVENT or --action NAME (each repeatable), or send every action with --all"
                .to_owned(),
        });
    }
    let inputs = common::inputs(&args.paths, args.payload, streams)?;
    let (workspace, payloads, options) = (&inputs.workspace, &inputs.payloads, &inputs.options);
    let selected = workspace.select(&args.selection.events, &args.selection.actions)?;
    if selected.is_empty() {
        streams.warn("no action matches the selection; nothing was sent")?;
    }

    if args.dry_run {
        let rendered_all = common::show(
            &selected,
            payloads,
            options,
            RenderFormat::Human,
            args.show_secrets,
            streams,
        )?;
        writeln!(streams.err, "dry run: nothing was sent")?;
        return Ok(if rendered_all && !workspace.has_errors() {
            exit::OK
        } else {
            exit::PROBLEMS
        });
    }

    let sender = common::sender(args.insecure, streams)?;
    let show = Show {
        verbose: args.verbose,
        secrets: args.show_secrets,
    };
    let progress =
        args.format == ReportFormat::Human && selected.len() > 1 && std::io::stderr().is_terminal();
    let mut results = Vec::with_capacity(selected.len());
    for (index, item) in selected.iter().enumerate() {
        if progress {
            write!(
                streams.err,
                "\r\x1b[2K[{}/{}] {}…",
                index + 1,
                selected.len(),
                item.action.name
            )?;
            streams.err.flush()?;
        }
        let payload = payloads.for_event(item.action.event)?;
        let (exchange, warnings) =
            render_and_send(&sender, item.action, &payload, options, args.timeout);
        if progress {
            write!(streams.err, "\r\x1b[2K")?;
        }
        for warning in warnings {
            streams.warn(&warning.message)?;
        }
        if let Some(error) = exchange.render_error() {
            common::report_render_error(error, item, streams)?;
        }
        if args.format == ReportFormat::Human {
            exchanges::human_one(&mut streams.out, streams.out_paint, &exchange, show)?;
            if progress {
                streams.out.flush()?;
            }
        }
        results.push(exchange);
    }
    match args.format {
        ReportFormat::Human => {
            if !results.is_empty() {
                writeln!(streams.out)?;
                writeln!(streams.out, "{}", exchanges::summary(&results))?;
            }
        }
        ReportFormat::Json => exchanges::json(&mut streams.out, &results, show)?,
        ReportFormat::Junit => {
            let all: Vec<&Exchange> = results.iter().collect();
            exchanges::junit(&mut streams.out, "callactions fire", &all, show)?;
        }
    }
    let failed = workspace.has_errors() || results.iter().any(|e| !e.succeeded());
    Ok(if failed { exit::PROBLEMS } else { exit::OK })
}
