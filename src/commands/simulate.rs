use super::common;
use crate::call::Call;
use crate::cli::{ReportFormat, SimulateArgs};
use crate::error::Error;
use crate::output::exchanges::{self, Show};
use crate::output::{Streams, junit, simulation as report};
use crate::runner::{ActionRun, Runner};
use crate::secrets::Reveal;
use crate::simulation::{Simulation, simulate};

pub fn run(args: SimulateArgs, streams: &mut Streams) -> Result<i32, Error> {
    check_flags(&args)?;
    let call =
        Call::new(args.scenario, args.outcome.as_deref()).map_err(|message| Error::Usage {
            message: format!("--outcome: {message}"),
            help: "--scenario and --outcome must describe the same call".to_owned(),
        })?;
    let settings = common::settings(
        &args.paths,
        Some(args.payload),
        &args.findings,
        &args.project,
    )?;
    let env = settings.env_lookup();
    let inputs = common::inputs(&settings, &env, streams)?;
    let workspace = &inputs.workspace;
    let selected = common::select(workspace, &args.selection)?;
    let simulation = simulate(call, &selected, &inputs.payloads)?;
    let sender = match args.fire {
        true => Some(common::sender(&args.send, streams)?),
        false => None,
    };
    let runner = Runner {
        options: &inputs.options,
        sender: sender.as_ref(),
        timeout: args.send.timeout,
        strict: inputs.policy.strict,
    };
    let show = Show {
        verbose: args.send.verbose,
        reveal: Reveal::from_flag(args.show_secrets),
        quiet: args.findings.quiet,
    };
    let mut runs: Vec<Vec<ActionRun>> = Vec::with_capacity(simulation.steps.len());
    for step in &simulation.steps {
        let mut ran = Vec::with_capacity(step.actions.len());
        for item in &step.actions {
            let run = runner.run(
                item.action,
                &step.payload,
                common::errors_of(workspace, item),
            );
            common::report_run(&run, item, &inputs.policy, show.reveal, streams)?;
            ran.push(run);
        }
        runs.push(ran);
    }
    report(args.format, args.fire, &simulation, &runs, show, streams)?;
    let failed = runs.iter().flatten().any(|r| !r.succeeded());
    Ok(common::verdict(workspace, failed))
}

/// The walk in the format asked for.
fn report(
    format: ReportFormat,
    fire: bool,
    simulation: &Simulation<'_>,
    runs: &[Vec<ActionRun>],
    show: Show,
    streams: &mut Streams,
) -> Result<(), Error> {
    match format {
        ReportFormat::Human => {
            streams.out(|out, paint| report::human(out, paint, simulation, runs, show))?;
            if fire && !show.quiet {
                let summary = exchanges::summary(runs.iter().flatten());
                streams.out(|out, _| writeln!(out, "\n{summary}"))?;
            }
        }
        ReportFormat::Json => streams.out(|out, _| report::json(out, simulation, runs, show))?,
        ReportFormat::Junit => {
            let all: Vec<&ActionRun> = runs.iter().flatten().collect();
            let name = format!(
                "callactions simulate --scenario {}",
                simulation.scenario().name()
            );
            streams.out(|out, _| junit::report(out, &name, &all, show))?;
        }
    }
    Ok(())
}

/// What needs `--fire`, said in one line.
fn check_flags(args: &SimulateArgs) -> Result<(), Error> {
    let needs_fire = [
        (args.send.verbose, "-v shows the requests sent"),
        (
            args.send.timeout.is_some(),
            "--timeout is the deadline of each request sent",
        ),
        (args.send.insecure, "--insecure is for the requests sent"),
        (
            args.send.target.is_some(),
            "--target is where the requests are sent",
        ),
        (
            args.format == ReportFormat::Junit,
            "--format junit reports the requests sent",
        ),
    ];
    match needs_fire.iter().find(|(given, _)| *given) {
        Some((_, what)) if !args.fire => Err(Error::Usage {
            message: format!("{what}, so it needs --fire"),
            help: "add --fire to send the requests".to_owned(),
        }),
        _ => Ok(()),
    }
}
