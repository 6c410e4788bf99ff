//! A load run's report: per action and in total, requests, successes, failures by kind,
//! lost, latency percentiles from the histograms, the rates achieved, the time over each
//! action's timeout, and the thresholds — for people, as JSON, as JUnit.

use std::io::{self, Write};
use std::time::Duration;

use serde_json::{Value, json};

use super::paint::Paint;
use super::text::visible;
use super::xml::escape;
use crate::load::pacing::Pacing;
use crate::load::stats::{Failure, Stats, Tally};
use crate::load::thresholds::{Broken, Threshold, millis};
use crate::load::{Finished, Plan};

const QUANTILES: [(&str, f64); 4] = [("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("p99.9", 0.999)];

/// A line while it runs: `calls 1,200/10,000 · 812 req/s · lost 3 · p99 84 ms`.
pub fn progress_line(
    plan: &Plan,
    started: u64,
    finished: u64,
    stats: &Stats,
    elapsed: Duration,
) -> String {
    let rate = stats.total.requests as f64 / elapsed.as_secs_f64().max(1e-3);
    let p99 = match stats.total.requests {
        0 => "–".to_owned(),
        _ => millis(stats.total.percentile(0.99)),
    };
    format!(
        "calls {started}/{} started, {finished} finished · {rate:.0} req/s · lost {} · p99 {p99}",
        plan.calls,
        stats.total.lost()
    )
}

/// The plan in a line: how many calls, at what rate, in which mix.
pub fn plan_line(plan: &Plan) -> String {
    let pacing = match &plan.pacing {
        Pacing::Rate(rate) => format!("{} calls/s", trim(*rate)),
        Pacing::Ramp(points) => points
            .iter()
            .map(|(t, r)| format!("{}s:{}/s", trim(*t), trim(*r)))
            .collect::<Vec<_>>()
            .join(" → "),
    };
    let mix: Vec<String> = plan
        .campaign
        .mix
        .iter()
        .map(|(s, w)| format!("{} {w}", s.name()))
        .collect();
    format!(
        "{} calls at {pacing} (mix {}; seed {}), {} requests in flight at most",
        plan.calls,
        mix.join(", "),
        plan.campaign.seed,
        plan.concurrency
    )
}

fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

pub fn human(
    out: &mut dyn Write,
    paint: Paint,
    plan: &Plan,
    run: &Finished,
    thresholds: &[(Threshold, Option<Broken>)],
) -> io::Result<()> {
    writeln!(out, "{}", paint.bold(&format!("load: {}", plan_line(plan))))?;
    writeln!(out)?;
    table(out, paint, run)?;
    summary(out, paint, plan, run)?;
    verdicts(out, paint, run, thresholds)
}

/// A row per action and one for the total.
fn table(out: &mut dyn Write, paint: Paint, run: &Finished) -> io::Result<()> {
    let name_width = run
        .actions()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let header = format!(
        "{:<name_width$}  {:>8}  {:>8}  {:>8}  {:>9}  {:>9}  {:>9}  {:>9}  {:>9}",
        "action", "requests", "ok", "lost", "p50", "p90", "p99", "p99.9", "max"
    );
    writeln!(out, "{}", paint.dim(&header))?;
    for (name, tally) in run.actions() {
        row(out, paint, &visible(name), tally, name_width)?;
    }
    row(out, paint, "total", &run.stats.total, name_width)?;
    writeln!(out)?;
    Ok(())
}

/// What was lost, and why; the rates achieved; what a slow endpoint or too few workers did.
fn summary(out: &mut dyn Write, paint: Paint, plan: &Plan, run: &Finished) -> io::Result<()> {
    let failures: Vec<String> = Failure::ALL
        .iter()
        .filter_map(|f| {
            run.stats
                .total
                .failures
                .get(f)
                .map(|n| format!("{} {n}", f.name()))
        })
        .collect();
    if !failures.is_empty() {
        writeln!(out, "lost by kind: {}", failures.join(", "))?;
    }
    if run.stats.total.over_timeout > 0 {
        writeln!(
            out,
            "{}",
            paint.warning(&format!(
                "{} requests ended later than their action's timeout after they were due: a platform firing on time would have given up on them",
                run.stats.total.over_timeout
            ))
        )?;
    }
    writeln!(
        out,
        "achieved {:.1} calls/s and {:.1} requests/s; {} calls in {:.1} s{}",
        run.call_rate(),
        run.request_rate(),
        run.calls_started,
        run.elapsed.as_secs_f64(),
        match run.interrupted {
            true => " (stopped by Ctrl-C: the calls after were never started)",
            false => "",
        }
    )?;
    if run.stats.calls_late > 0 {
        writeln!(
            out,
            "{}",
            paint.warning(&format!(
                "{} calls started more than 10 ms late (up to {}): all {} workers were busy, so the latency above includes the wait — raise --concurrency, or the endpoint is too slow for this rate",
                run.stats.calls_late,
                millis(run.stats.most_late),
                plan.concurrency
            ))
        )?;
    }
    Ok(())
}

/// Each threshold, kept or broken.
fn verdicts(
    out: &mut dyn Write,
    paint: Paint,
    run: &Finished,
    thresholds: &[(Threshold, Option<Broken>)],
) -> io::Result<()> {
    if thresholds.is_empty() && run.stats.total.lost() > 0 {
        writeln!(
            out,
            "{}",
            paint.dim("no threshold was given, so what was lost does not fail the run: --max-lost 0% fails it on any")
        )?;
    }
    for (threshold, broken) in thresholds {
        match broken {
            None => writeln!(out, "{} {}", paint.success("✓"), threshold.describe())?,
            Some(broken) => writeln!(
                out,
                "{} {}: {}",
                paint.error("✗"),
                broken.threshold,
                broken.measured
            )?,
        }
    }
    Ok(())
}

fn row(
    out: &mut dyn Write,
    paint: Paint,
    name: &str,
    tally: &Tally,
    width: usize,
) -> io::Result<()> {
    let lost = format!("{:>8}", tally.lost());
    let lost = match tally.lost() {
        0 => lost,
        _ => paint.error(&lost),
    };
    let pad = width.saturating_sub(name.chars().count());
    writeln!(
        out,
        "{name}{}  {:>8}  {:>8}  {lost}  {:>9}  {:>9}  {:>9}  {:>9}  {:>9}",
        " ".repeat(pad),
        tally.requests,
        tally.succeeded,
        short(tally.percentile(0.5)),
        short(tally.percentile(0.9)),
        short(tally.percentile(0.99)),
        short(tally.percentile(0.999)),
        short(tally.max()),
    )
}

fn short(duration: Duration) -> String {
    millis(duration)
}

fn tally_json(tally: &Tally) -> Value {
    let failures: serde_json::Map<String, Value> = tally
        .failures
        .iter()
        .map(|(f, n)| (f.name().to_owned(), json!(n)))
        .collect();
    let latency: serde_json::Map<String, Value> = QUANTILES
        .iter()
        .map(|(name, q)| {
            (
                format!("{name}_ms"),
                json!(tally.percentile(*q).as_secs_f64() * 1000.0),
            )
        })
        .chain([(
            "max_ms".to_owned(),
            json!(tally.max().as_secs_f64() * 1000.0),
        )])
        .collect();
    json!({
        "requests": tally.requests,
        "succeeded": tally.succeeded,
        "lost": tally.lost(),
        "lost_share": tally.lost_share(),
        "failures": failures,
        "latency": latency,
        "over_timeout": tally.over_timeout,
    })
}

pub fn json(
    out: &mut dyn Write,
    plan: &Plan,
    run: &Finished,
    thresholds: &[(Threshold, Option<Broken>)],
) -> io::Result<()> {
    let actions: serde_json::Map<String, Value> = run
        .stats
        .actions
        .iter()
        .map(|(name, tally)| (name.clone(), tally_json(tally)))
        .collect();
    let value = json!({
        "plan": {
            "calls": plan.calls,
            "concurrency": plan.concurrency,
            "seed": plan.campaign.seed,
            "rate": match &plan.pacing { Pacing::Rate(rate) => json!(rate), Pacing::Ramp(_) => Value::Null },
            "ramp": match &plan.pacing { Pacing::Ramp(points) => json!(points), Pacing::Rate(_) => Value::Null },
            "duration_s": plan.duration.map(|d| d.as_secs_f64()),
            "mix": plan.campaign.mix.iter().map(|(s, w)| (s.name().to_owned(), json!(w))).collect::<serde_json::Map<String, Value>>(),
        },
        "calls_started": run.calls_started,
        "calls_finished": run.calls_finished,
        "elapsed_s": run.elapsed.as_secs_f64(),
        "call_rate": run.call_rate(),
        "request_rate": run.request_rate(),
        "calls_late": run.stats.calls_late,
        "most_late_ms": run.stats.most_late.as_secs_f64() * 1000.0,
        "interrupted": run.interrupted,
        "total": tally_json(&run.stats.total),
        "actions": actions,
        "thresholds": thresholds.iter().map(|(t, broken)| json!({
            "threshold": t.describe(),
            "ok": broken.is_none(),
            "measured": broken.as_ref().map(|b| b.measured.clone()),
        })).collect::<Vec<_>>(),
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// A testsuite of the thresholds (each a testcase), and one testcase per action that fails
/// when the action lost requests.
pub fn junit(
    out: &mut dyn Write,
    run: &Finished,
    thresholds: &[(Threshold, Option<Broken>)],
) -> io::Result<()> {
    let actions: Vec<(&str, &Tally)> = run.actions().collect();
    let lost_actions = actions.iter().filter(|(_, t)| t.lost() > 0).count();
    let broken = thresholds.iter().filter(|(_, b)| b.is_some()).count();
    let time = run.elapsed.as_secs_f64();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="callactions load" tests="{}" failures="{}" errors="0" time="{time:.3}">"#,
        actions.len() + thresholds.len(),
        lost_actions + broken
    )?;
    writeln!(
        out,
        r#"  <testsuite name="actions" tests="{}" failures="{lost_actions}" errors="0" time="{time:.3}">"#,
        actions.len()
    )?;
    for (name, tally) in &actions {
        write!(
            out,
            r#"    <testcase name="{}" classname="load.actions" time="{time:.3}""#,
            escape(name)
        )?;
        match tally.lost() {
            0 => writeln!(out, "/>")?,
            lost => writeln!(
                out,
                ">\n      <failure message=\"{lost} of {} requests lost\"/>\n    </testcase>",
                tally.requests
            )?,
        }
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(
        out,
        r#"  <testsuite name="thresholds" tests="{}" failures="{broken}" errors="0" time="0">"#,
        thresholds.len()
    )?;
    for (threshold, broken) in thresholds {
        write!(
            out,
            r#"    <testcase name="{}" classname="load.thresholds""#,
            escape(&threshold.describe())
        )?;
        match broken {
            None => writeln!(out, "/>")?,
            Some(broken) => writeln!(
                out,
                ">\n      <failure message=\"{}\"/>\n    </testcase>",
                escape(&broken.measured)
            )?,
        }
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}
