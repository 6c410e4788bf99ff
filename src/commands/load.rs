//! `load`: the plan from the flags, the actions from the engine, the run, the report.

use std::path::Path;

use super::common;
use crate::cli::{LoadArgs, ReportFormat};
use crate::error::{Error, exit};
use crate::interrupt;
use crate::load::campaign::Campaign;
use crate::load::pacing::Pacing;
use crate::load::stats::Failure;
use crate::load::thresholds::{Broken, Threshold};
use crate::load::{self, Endpoint, Finished, Plan};
use crate::output::{Streams, load as report, progress};
use crate::send::Sender;
use crate::url::Target;

pub fn run(args: LoadArgs, streams: &mut Streams) -> Result<i32, Error> {
    let plan = plan(&args)?;
    let settings = common::settings(
        &args.paths,
        Some(args.payload),
        &args.findings,
        &args.project,
    )?;
    let env = settings.env_lookup();
    let inputs = common::inputs(&settings, &env, streams)?;
    let selected = common::select(&inputs.workspace, &args.selection)?;
    if selected.is_empty() && inputs.workspace.has_errors() {
        // The files' fault, not the command line's: the verdict is the findings' (§7).
        streams.error("there is no action to load: the errors above keep them from being built")?;
        return Ok(exit::PROBLEMS);
    }
    if selected.is_empty() {
        return Err(Error::Usage {
            message: "there is no action to load".to_owned(),
            help: "give the files with the actions, or a selection that has some".to_owned(),
        });
    }
    let limits: Vec<Threshold> = args.max_lost.iter().chain(&args.max_p99).cloned().collect();
    if args.export.is_some() {
        return super::locust::run(
            &plan,
            &selected,
            &inputs,
            &limits,
            args.target.as_ref(),
            streams,
        );
    }
    let sender = sender(args.insecure, args.target.clone(), &plan, streams)?;
    let endpoint = Endpoint {
        actions: &selected,
        payloads: &inputs.payloads,
        options: &inputs.options,
        sender: &sender,
    };
    let finished = run_showing_progress(&plan, &endpoint, streams)?;
    let thresholds: Vec<(Threshold, Option<_>)> = limits
        .into_iter()
        .map(|t| {
            let broken = t.check(&finished);
            (t, broken)
        })
        .collect();
    write_reports(
        args.format,
        args.report.as_deref(),
        &plan,
        &finished,
        &thresholds,
        streams,
    )?;
    if finished.interrupted {
        return Err(Error::Interrupted);
    }
    // One verdict (SPEC §7): error findings, and requests that could not be built, fail
    // the run as a broken threshold does — they are the files' fault, not the endpoint's.
    let broken = thresholds.iter().any(|(_, broken)| broken.is_some());
    let not_built = finished
        .stats
        .total
        .failures
        .contains_key(&Failure::NotSent);
    Ok(common::verdict(&inputs.workspace, broken || not_built))
}

/// One sender for the run, with a connection for each worker.
fn sender(
    insecure: bool,
    target: Option<Target>,
    plan: &Plan,
    streams: &mut Streams,
) -> Result<Sender, Error> {
    if insecure {
        streams
            .warn("TLS certificate checks are off (--insecure): use it only for local endpoints")?;
    }
    Ok(Sender::with_connections(insecure, target, plan.concurrency))
}

/// Runs the plan until done or Ctrl-C, with a progress line on a terminal.
fn run_showing_progress(
    plan: &Plan,
    endpoint: &Endpoint<'_>,
    streams: &mut Streams,
) -> Result<Finished, Error> {
    interrupt::catch();
    let live = streams.err_is_terminal;
    let mut tick = |progress: &load::Progress, stats: &dyn Fn() -> load::stats::Stats, elapsed| {
        if live {
            let line = report::progress_line(
                plan,
                progress.started.load(std::sync::atomic::Ordering::Relaxed),
                progress.finished.load(std::sync::atomic::Ordering::Relaxed),
                &stats(),
                elapsed,
            );
            let _ = streams.err(|err, _| {
                write!(err, "\r\x1b[2K{line}")?;
                err.flush()
            });
        }
    };
    let finished = load::run(plan, endpoint, &interrupt::requested, &mut tick);
    if live {
        streams.err(|err, _| progress::clear(err))?;
    }
    Ok(finished)
}

/// The report in the format asked on stdout, and the HTML report when asked.
fn write_reports(
    format: ReportFormat,
    html: Option<&Path>,
    plan: &Plan,
    finished: &Finished,
    thresholds: &[(Threshold, Option<Broken>)],
    streams: &mut Streams,
) -> Result<(), Error> {
    streams.out(|out, paint| match format {
        ReportFormat::Human => report::human(out, paint, plan, finished, thresholds),
        ReportFormat::Json => report::json(out, plan, finished, thresholds),
        ReportFormat::Junit => report::junit(out, finished, thresholds),
    })?;
    if let Some(path) = html {
        let html = crate::output::load_html::report(plan, finished, thresholds);
        common::write_new(path, &html)?;
        streams.note(&format!("report written to {}", path.display()))?;
    }
    Ok(())
}

/// The plan the flags describe; a run that would start no call is a usage error.
fn plan(args: &LoadArgs) -> Result<Plan, Error> {
    let usage = |message: &str, help: &str| Error::Usage {
        message: message.to_owned(),
        help: help.to_owned(),
    };
    let pacing = match (&args.rate, &args.ramp) {
        (Some(rate), _) if *rate <= 0.0 => {
            return Err(usage(
                "a rate of 0 starts no call",
                "give a rate above 0, as in --rate 50/s",
            ));
        }
        (Some(rate), _) => Pacing::Rate(*rate),
        (None, Some(ramp)) => ramp.clone(),
        (None, None) => {
            return Err(usage(
                "load needs a rate",
                "give --rate 50/s, or a ramp: --ramp 0:50/s,60s:500/s",
            ));
        }
    };
    let calls = match (args.calls, args.duration, pacing.length()) {
        (Some(calls), _, _) => calls,
        (None, Some(duration), _) => pacing.calls_within(duration),
        (None, None, Some(length)) => pacing.calls_within(length),
        (None, None, None) => {
            return Err(usage(
                "load needs to know how many calls to start",
                "give --calls N, or --duration 30s at the rate",
            ));
        }
    };
    if calls == 0 || pacing.due(0).is_none() {
        return Err(usage(
            "this run would start no call",
            "give --calls above 0, and a rate or ramp above 0",
        ));
    }
    Ok(Plan {
        calls,
        pacing,
        duration: args.duration,
        concurrency: usize::from(args.concurrency),
        campaign: Campaign {
            seed: args.seed,
            mix: args.mix.0.clone(),
        },
        timeout: args.timeout,
    })
}
