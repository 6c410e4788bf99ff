//! A simulated call, event by event in firing order, then the events that never happen.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::exchanges::{self, Show};
use super::paint::Paint;
use super::requests::{self, Shown};
use crate::runner::{ActionRun, Ran};
use crate::simulation::Simulation;
use crate::workspace::Selected;

pub fn human(
    out: &mut dyn Write,
    paint: Paint,
    simulation: &Simulation<'_>,
    runs: &[Vec<ActionRun>],
    show: Show,
) -> io::Result<()> {
    writeln!(
        out,
        "{} call {}: {} (outcome {})",
        paint.bold(simulation.scenario().name()),
        simulation.call_sid(),
        simulation.scenario().lifecycle_text(),
        simulation.call.outcome
    )?;
    for (number, (step, ran)) in simulation.steps.iter().zip(runs).enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            paint.bold(&format!("{}.", number + 1)),
            paint.bold(step.event.name())
        )?;
        if step.actions.is_empty() {
            writeln!(out, "   {}", paint.dim("no action fires"))?;
            continue;
        }
        let shown = step
            .actions
            .iter()
            .zip(ran)
            .filter(|(_, run)| !show.quiet || !run.succeeded());
        for (i, (item, run)) in shown.enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            action(&mut Indented::new(&mut *out), paint, item, run, show)?;
        }
    }
    if !simulation.skipped.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint.bold("Not firing in this scenario"))?;
        for skipped in &simulation.skipped {
            let mut line = format!("   {}: not fired — {}", skipped.event.name(), skipped.why);
            if !skipped.actions.is_empty() {
                line.push_str(&format!(
                    "; would never run: {}",
                    names(&skipped.actions).join(", ")
                ));
            }
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// One action of a step, indented under its event.
fn action(
    out: &mut dyn Write,
    paint: Paint,
    item: &Selected<'_>,
    run: &ActionRun,
    show: Show,
) -> io::Result<()> {
    match &run.ran {
        Ran::Rendered(request) => {
            exchanges::errors_line(out, paint, run)?;
            let shown = [Shown {
                request,
                reveal: show.reveal,
                file: &item.file.path,
                line: item.action.span.start.line,
            }];
            requests::human(out, paint, &shown)
        }
        Ran::Blocked | Ran::NotRendered(_) => writeln!(
            out,
            "{} {}: {}",
            paint.error("✗"),
            paint.bold(&item.action.name),
            exchanges::problem(run, show.reveal).unwrap_or_default()
        ),
        Ran::Sent(_) => exchanges::human_one(out, paint, run, show),
    }
}

pub fn json(
    out: &mut dyn Write,
    simulation: &Simulation<'_>,
    runs: &[Vec<ActionRun>],
    show: Show,
) -> io::Result<()> {
    let events: Vec<Value> = simulation
        .steps
        .iter()
        .zip(runs)
        .map(|(step, ran)| {
            let actions: Vec<Value> = ran.iter().map(|run| action_json(run, show)).collect();
            json!({"event": step.event.name(), "payload": step.payload, "actions": actions})
        })
        .collect();
    let not_firing: Vec<Value> = simulation
        .skipped
        .iter()
        .map(|s| json!({"event": s.event.name(), "why": s.why, "actions": names(&s.actions)}))
        .collect();
    let report = json!({
        "scenario": simulation.scenario().name(),
        "outcome": simulation.call.outcome,
        "call_sid": simulation.call_sid(),
        "events": events,
        "not_firing": not_firing,
    });
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

fn action_json(run: &ActionRun, show: Show) -> Value {
    match &run.ran {
        Ran::Rendered(request) => {
            let mut value = requests::to_json(&request.shown(show.reveal));
            value["ok"] = json!(run.succeeded());
            value["error"] = json!(exchanges::problem(run, show.reveal));
            value
        }
        Ran::Blocked | Ran::NotRendered(_) => json!({
            "name": run.action,
            "event": run.event.name(),
            "ok": false,
            "error": exchanges::problem(run, show.reveal),
        }),
        Ran::Sent(_) => exchanges::to_json(run, show),
    }
}

fn names(actions: &[Selected<'_>]) -> Vec<String> {
    actions.iter().map(|s| s.action.name.clone()).collect()
}

/// Indents every line written through it by three spaces, under its event.
struct Indented<'w> {
    out: &'w mut dyn Write,
    at_line_start: bool,
}

impl<'w> Indented<'w> {
    fn new(out: &'w mut dyn Write) -> Self {
        Indented {
            out,
            at_line_start: true,
        }
    }
}

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for line in buf.split_inclusive(|b| *b == b'\n') {
            if self.at_line_start && line != b"\n" {
                self.out.write_all(b"   ")?;
            }
            self.out.write_all(line)?;
            self.at_line_start = line.ends_with(b"\n");
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
