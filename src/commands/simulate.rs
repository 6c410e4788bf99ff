use crate::call::Call;
use crate::cli::{ReportFormat, SimulateArgs};
use crate::error::{Error, exit};
use crate::output::exchanges::Show;
use crate::output::{Streams, simulation as report};
use crate::request;
use crate::send::{Exchange, render_and_send};
use crate::simulation::{Ran, simulate};

use super::common;

pub fn run(args: SimulateArgs, streams: &mut Streams) -> Result<i32, Error> {
    let call =
        Call::new(args.scenario, args.outcome.as_deref()).map_err(|message| Error::Usage {
            message: format!("--outcome: {message}"),
            help: "--scenario and --outcome must describe the same call".to_owned(),
        })?;
    if args.format == ReportFormat::Junit && !args.fire {
        return Err(Error::Usage {
            message: "--format junit reports sent requests".to_owned(),
            help: "add --fire to send them, or use --format human or json".to_owned(),
        });
    }
    let inputs = common::inputs(&args.paths, args.payload, streams)?;
    let (workspace, options) = (&inputs.workspace, &inputs.options);
    let selected = workspace.select(&args.selection.events, &args.selection.actions)?;
    let simulation = simulate(call, &selected, &inputs.payloads)?;
    let sender = match args.fire {
        true => Some(common::sender(args.insecure, streams)?),
        false => None,
    };

    let mut runs = Vec::with_capacity(simulation.steps.len());
    for step in &simulation.steps {
        let mut ran = Vec::with_capacity(step.actions.len());
        for item in &step.actions {
            let (result, warnings) = match &sender {
                Some(sender) => {
                    let (exchange, warnings) =
                        render_and_send(sender, item.action, &step.payload, options, args.timeout);
                    (Ran::Sent(exchange), warnings)
                }
                None => match request::render(item.action, &step.payload, options) {
                    Ok((request, warnings)) => (Ran::Rendered(request), warnings),
                    Err(error) => (Ran::NotRendered(error), Vec::new()),
                },
            };
            for warning in warnings {
                streams.warn(&warning.message)?;
            }
            let error = match &result {
                Ran::NotRendered(error) => Some(error),
                Ran::Sent(exchange) => exchange.render_error(),
                Ran::Rendered(_) => None,
            };
            if let Some(error) = error {
                common::report_render_error(error, item, streams)?;
            }
            ran.push(result);
        }
        runs.push(ran);
    }

    let show = Show {
        verbose: args.verbose,
        secrets: args.show_secrets,
    };
    match args.format {
        ReportFormat::Human => report::human(
            &mut streams.out,
            streams.out_paint,
            &simulation,
            &runs,
            show,
        )?,
        ReportFormat::Json => report::json(&mut streams.out, &simulation, &runs, show)?,
        ReportFormat::Junit => {
            let exchanges: Vec<&Exchange> = runs
                .iter()
                .flatten()
                .filter_map(|ran| match ran {
                    Ran::Sent(exchange) => Some(exchange),
                    _ => None,
                })
                .collect();
            let name = format!(
                "callactions simulate --scenario {}",
                simulation.scenario().name()
            );
            crate::output::exchanges::junit(&mut streams.out, &name, &exchanges, show)?;
        }
    }
    let failed = workspace.has_errors() || runs.iter().flatten().any(|ran| !ran.succeeded());
    Ok(if failed { exit::PROBLEMS } else { exit::OK })
}
