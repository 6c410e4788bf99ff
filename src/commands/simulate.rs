use super::common;
use crate::call::Call;
use crate::cli::{ReportFormat, SimulateArgs};
use crate::error::{Error, exit};
use crate::output::exchanges::Show;
use crate::output::{Streams, junit, simulation as report};
use crate::runner::{ActionRun, Runner};
use crate::secrets::Reveal;
use crate::simulation::simulate;

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
    let workspace = &inputs.workspace;
    let selected = workspace.select(&args.selection.events, &args.selection.actions)?;
    let simulation = simulate(call, &selected, &inputs.payloads)?;
    let sender = match args.fire {
        true => Some(common::sender(args.insecure, streams)?),
        false => None,
    };
    let runner = Runner {
        options: &inputs.options,
        sender: sender.as_ref(),
        timeout: args.timeout,
    };
    let reveal = Reveal::from_flag(args.show_secrets);
    let mut runs: Vec<Vec<ActionRun>> = Vec::with_capacity(simulation.steps.len());
    for step in &simulation.steps {
        let mut ran = Vec::with_capacity(step.actions.len());
        for item in &step.actions {
            let run = runner.run(item.action, &step.payload);
            common::report_run(&run, item, reveal, streams)?;
            ran.push(run);
        }
        runs.push(ran);
    }

    let show = Show {
        verbose: args.verbose,
        reveal,
    };
    match args.format {
        ReportFormat::Human => {
            streams.out(|out, paint| report::human(out, paint, &simulation, &runs, show))?
        }
        ReportFormat::Json => streams.out(|out, _| report::json(out, &simulation, &runs, show))?,
        ReportFormat::Junit => {
            let sent: Vec<&ActionRun> = runs
                .iter()
                .flatten()
                .filter(|r| r.exchange().is_some())
                .collect();
            let name = format!(
                "callactions simulate --scenario {}",
                simulation.scenario().name()
            );
            streams.out(|out, _| junit::report(out, &name, &sent, show))?;
        }
    }
    let failed = workspace.has_errors() || runs.iter().flatten().any(|r| !r.succeeded());
    Ok(if failed { exit::PROBLEMS } else { exit::OK })
}
