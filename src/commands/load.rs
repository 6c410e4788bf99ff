//! `load`: the plan from the flags, the actions from the engine, the run, the report.

use super::common;
use crate::cli::{LoadArgs, ReportFormat};
use crate::error::{Error, exit};
use crate::interrupt;
use crate::load::campaign::Campaign;
use crate::load::pacing::Pacing;
use crate::load::thresholds::Threshold;
use crate::load::{self, Endpoint, Plan};
use crate::output::{Streams, load as report, progress};
use crate::send::Sender;

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
    let sender = match args.insecure {
        true => {
            streams.warn(
                "TLS certificate checks are off (--insecure): use it only for local endpoints",
            )?;
            Sender::with_connections(true, args.target.clone(), plan.concurrency)
        }
        false => Sender::with_connections(false, args.target.clone(), plan.concurrency),
    };
    let endpoint = Endpoint {
        actions: &selected,
        payloads: &inputs.payloads,
        options: &inputs.options,
        sender: &sender,
    };
    interrupt::catch();
    let live = streams.err_is_terminal;
    let mut tick = |progress: &load::Progress, stats: &dyn Fn() -> load::stats::Stats, elapsed| {
        if live {
            let line = report::progress_line(
                &plan,
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
    let finished = load::run(&plan, &endpoint, &interrupt::requested, &mut tick);
    if live {
        streams.err(|err, _| progress::clear(err))?;
    }
    let thresholds: Vec<(Threshold, Option<_>)> = limits
        .into_iter()
        .map(|t| {
            let broken = t.check(&finished);
            (t, broken)
        })
        .collect();
    streams.out(|out, paint| match args.format {
        ReportFormat::Human => report::human(out, paint, &plan, &finished, &thresholds),
        ReportFormat::Json => report::json(out, &plan, &finished, &thresholds),
        ReportFormat::Junit => report::junit(out, &finished, &thresholds),
    })?;
    if let Some(path) = &args.report {
        let html = crate::output::load_html::report(&plan, &finished, &thresholds);
        common::write_new(path, &html)?;
        streams.note(&format!("report written to {}", path.display()))?;
    }
    if finished.interrupted {
        return Err(Error::Interrupted);
    }
    Ok(
        match thresholds.iter().any(|(_, broken)| broken.is_some()) {
            true => exit::PROBLEMS,
            false => exit::OK,
        },
    )
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
