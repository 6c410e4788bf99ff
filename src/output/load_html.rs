//! `load --report FILE.html`: one self-contained file — no network, no script — with the
//! summary table, latency over time, a latency histogram per action, and what was lost
//! over time. The charts are SVG written here: a line and bars need no charting library,
//! and plotters would need a font to lay out its text (system fonts, or one embedded).

use std::fmt::Write as _;
use std::time::Duration;

use super::load::plan_line;
use crate::load::stats::{Failure, Tally};
use crate::load::thresholds::{Broken, Threshold, millis};
use crate::load::{Finished, Plan};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 220.0;
const MARGIN: f64 = 56.0;
/// Where the plot starts: above it, a strip for the top label and the legend.
const PLOT_TOP: f64 = 28.0;

pub fn report(plan: &Plan, run: &Finished, thresholds: &[(Threshold, Option<Broken>)]) -> String {
    let mut html = String::new();
    let _ = write!(
        html,
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>callactions load report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #1b1f24; }}
table {{ border-collapse: collapse; margin: 1rem 0; }}
.table {{ overflow-x: auto; }}
th, td {{ border-bottom: 1px solid #d0d7de; padding: .25rem .45rem; text-align: right; white-space: nowrap; font-size: .9rem; font-variant-numeric: tabular-nums; }}
th:first-child, td:first-child {{ text-align: left; }}
.lost {{ color: #b3261e; font-weight: bold; }} .ok {{ color: #1a7f37; }}
svg {{ background: #f6f8fa; margin: .5rem 0 1.5rem; }}
</style></head><body>
<h1>callactions load</h1>
<p id="plan">{}</p>
<p>Achieved {:.1} calls/s and {:.1} requests/s; {} calls in {:.1} s.{}</p>
"#,
        text(&plan_line(plan)),
        run.call_rate(),
        run.request_rate(),
        run.calls_started,
        run.elapsed.as_secs_f64(),
        if run.interrupted {
            " Stopped by Ctrl-C."
        } else {
            ""
        }
    );
    summary_table(&mut html, run);
    if !thresholds.is_empty() {
        html.push_str("<h2>Thresholds</h2><ul id=\"thresholds\">");
        for (threshold, broken) in thresholds {
            let _ = match broken {
                None => write!(
                    html,
                    "<li class=\"ok\">✓ {}</li>",
                    text(&threshold.describe())
                ),
                Some(b) => write!(
                    html,
                    "<li class=\"lost\">✗ {}: {}</li>",
                    text(&b.threshold),
                    text(&b.measured)
                ),
            };
        }
        html.push_str("</ul>");
    }
    html.push_str("<h2>Latency over time (p50, p99)</h2>\n");
    latency_over_time(&mut html, run);
    html.push_str("<h2>Lost over time</h2>\n");
    lost_over_time(&mut html, run);
    html.push_str("<h2>Latency by action</h2>\n");
    for (name, tally) in run.actions() {
        let _ = writeln!(html, "<h3>{}</h3>", text(name));
        histogram(&mut html, name, tally);
    }
    html.push_str("</body></html>\n");
    html
}

fn summary_table(html: &mut String, run: &Finished) {
    html.push_str(
        "<div class=\"table\"><table id=\"summary\"><thead><tr><th>action</th><th>requests</th><th>ok</th><th>lost</th>",
    );
    for failure in Failure::ALL {
        let _ = write!(html, "<th>{}</th>", failure.name());
    }
    html.push_str("<th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>over timeout</th></tr></thead><tbody>\n");
    let rows = run.actions().chain([("total", &run.stats.total)]);
    for (name, tally) in rows {
        let lost_class = if tally.lost() > 0 {
            " class=\"lost\""
        } else {
            ""
        };
        let _ = write!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td{lost_class}>{}</td>",
            text(name),
            tally.requests,
            tally.succeeded,
            tally.lost()
        );
        for failure in Failure::ALL {
            let _ = write!(
                html,
                "<td>{}</td>",
                tally.failures.get(&failure).copied().unwrap_or(0)
            );
        }
        for q in [0.5, 0.9, 0.99, 0.999] {
            let _ = write!(html, "<td>{}</td>", millis(tally.percentile(q)));
        }
        let _ = writeln!(
            html,
            "<td>{}</td><td>{}</td></tr>",
            millis(tally.max()),
            tally.over_timeout
        );
    }
    html.push_str("</tbody></table></div>\n");
}

/// An SVG frame with a y axis up to `top` (labelled with `label`) and an x axis whose end
/// is labelled `end`.
fn frame(html: &mut String, id: &str, top: f64, label: &dyn Fn(f64) -> String, end: &str) {
    let _ = write!(
        html,
        r##"<svg id="{id}" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img">
<line x1="{MARGIN}" y1="{}" x2="{}" y2="{}" stroke="#57606a"/>
<line x1="{MARGIN}" y1="{PLOT_TOP}" x2="{MARGIN}" y2="{}" stroke="#57606a"/>
<text x="4" y="{}" font-size="11">{}</text><text x="4" y="{}" font-size="11">0</text>
<text x="{}" y="{}" font-size="11" text-anchor="end">{}</text>
"##,
        HEIGHT - 24.0,
        WIDTH - 10.0,
        HEIGHT - 24.0,
        HEIGHT - 24.0,
        PLOT_TOP + 4.0,
        text(&label(top)),
        HEIGHT - 26.0,
        WIDTH - 10.0,
        HEIGHT - 8.0,
        text(end)
    );
}

fn x_of(second: usize, seconds: usize) -> f64 {
    MARGIN + (WIDTH - MARGIN - 10.0) * (second as f64 + 0.5) / seconds.max(1) as f64
}

fn y_of(value: f64, top: f64) -> f64 {
    let plot = HEIGHT - 24.0 - PLOT_TOP;
    HEIGHT - 24.0 - plot * (value / top.max(f64::MIN_POSITIVE)).min(1.0)
}

fn latency_over_time(html: &mut String, run: &Finished) {
    let seconds = run.stats.seconds.len().max(1);
    let series = |q: f64| -> Vec<(usize, f64)> {
        run.stats
            .seconds
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                s.latency
                    .as_ref()
                    .map(|h| (i, h.value_at_quantile(q) as f64 / 1000.0))
            })
            .collect()
    };
    let (p50, p99) = (series(0.5), series(0.99));
    let top = p99.iter().map(|(_, v)| *v).fold(1.0, f64::max);
    frame(
        html,
        "latency-over-time",
        top,
        &|v| format!("{v:.0} ms"),
        &format!("{seconds} s"),
    );
    let _ = writeln!(
        html,
        "<text x=\"{}\" y=\"16\" font-size=\"11\" fill=\"#0969da\">p50</text><text x=\"{}\" y=\"16\" font-size=\"11\" fill=\"#cf222e\">p99</text>",
        WIDTH - 80.0,
        WIDTH - 45.0
    );
    for (points, colour) in [(&p50, "#0969da"), (&p99, "#cf222e")] {
        let path: Vec<String> = points
            .iter()
            .map(|(i, v)| format!("{:.1},{:.1}", x_of(*i, seconds), y_of(*v, top)))
            .collect();
        let _ = writeln!(
            html,
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{}\"/>",
            path.join(" ")
        );
    }
    // A dot per second (a run of one second has no line to draw), with its values.
    for (name, points, colour) in [("p50", &p50, "#0969da"), ("p99", &p99, "#cf222e")] {
        for (i, v) in points.iter() {
            let _ = writeln!(
                html,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{colour}\"><title>second {}: {name} {v:.1} ms</title></circle>",
                x_of(*i, seconds),
                y_of(*v, top),
                i + 1
            );
        }
    }
    html.push_str("</svg>\n");
}

fn lost_over_time(html: &mut String, run: &Finished) {
    let seconds = run.stats.seconds.len().max(1);
    let top = run
        .stats
        .seconds
        .iter()
        .map(|s| s.requests)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    frame(
        html,
        "lost-over-time",
        top,
        &|v| format!("{v:.0}"),
        &format!("{seconds} s"),
    );
    let _ = writeln!(
        html,
        "<text x=\"{}\" y=\"16\" font-size=\"11\" fill=\"#57606a\">requests</text><text x=\"{}\" y=\"16\" font-size=\"11\" fill=\"#cf222e\">lost</text>",
        WIDTH - 110.0,
        WIDTH - 45.0
    );
    let bar = ((WIDTH - MARGIN - 10.0) / seconds as f64 * 0.8).max(1.0);
    for (i, second) in run.stats.seconds.iter().enumerate() {
        for (value, colour) in [
            (second.requests as f64, "#8c959f"),
            (second.lost as f64, "#cf222e"),
        ] {
            if value > 0.0 {
                let y = y_of(value, top);
                let _ = writeln!(
                    html,
                    "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{colour}\"/>",
                    x_of(i, seconds) - bar / 2.0,
                    HEIGHT - 24.0 - y
                );
            }
        }
    }
    html.push_str("</svg>\n");
}

/// Bars of the action's latencies, in 20 buckets up to its p99.9.
fn histogram(html: &mut String, name: &str, tally: &Tally) {
    let top_latency = tally.percentile(0.999).max(Duration::from_micros(1));
    let buckets = 20;
    let step = top_latency.as_micros().max(1) as u64 / buckets + 1;
    let mut counts = vec![0u64; buckets as usize];
    for value in tally.latency.iter_recorded() {
        let index = ((value.value_iterated_to() / step) as usize).min(buckets as usize - 1);
        counts[index] += value.count_at_value();
    }
    let top = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let id = format!("histogram-{}", id_of(name));
    frame(html, &id, top, &|v| format!("{v:.0}"), &millis(top_latency));
    let bar = (WIDTH - MARGIN - 10.0) / buckets as f64 * 0.9;
    for (i, count) in counts.iter().enumerate() {
        let y = y_of(*count as f64, top);
        let _ = writeln!(
            html,
            "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"#0969da\"><title>{}–{}: {count}</title></rect>",
            x_of(i, buckets as usize) - bar / 2.0,
            HEIGHT - 24.0 - y,
            millis(Duration::from_micros(step * i as u64)),
            millis(Duration::from_micros(step * (i as u64 + 1)))
        );
    }
    html.push_str("</svg>\n");
}

fn id_of(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// Text for HTML.
fn text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
