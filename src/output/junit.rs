//! JUnit XML for CI test reports: a testsuite per event (in the order events first
//! appear), a testcase per action.

use std::io::{self, Write};

use super::exchanges::{Show, elapsed, problem, visible_response};
use super::xml::escape;
use crate::runner::ActionRun;

pub fn report(out: &mut dyn Write, name: &str, runs: &[&ActionRun], show: Show) -> io::Result<()> {
    let failures = runs.iter().filter(|r| !r.succeeded()).count();
    let total: f64 = runs.iter().map(|r| elapsed(r).as_secs_f64()).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="{}" tests="{}" failures="{failures}" errors="0" time="{total:.3}">"#,
        escape(name),
        runs.len()
    )?;
    let mut events = Vec::new();
    for run in runs {
        if !events.contains(&run.event) {
            events.push(run.event);
        }
    }
    for event in events {
        let cases: Vec<&ActionRun> = runs.iter().copied().filter(|r| r.event == event).collect();
        let failed = cases.iter().filter(|r| !r.succeeded()).count();
        let time: f64 = cases.iter().map(|r| elapsed(r).as_secs_f64()).sum();
        writeln!(
            out,
            r#"  <testsuite name="{event}" tests="{}" failures="{failed}" errors="0" time="{time:.3}">"#,
            cases.len()
        )?;
        for run in cases {
            testcase(out, run, show)?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

fn testcase(out: &mut dyn Write, run: &ActionRun, show: Show) -> io::Result<()> {
    write!(
        out,
        r#"    <testcase name="{}" classname="{}" time="{:.3}""#,
        escape(&run.action),
        run.event,
        elapsed(run).as_secs_f64()
    )?;
    let Some(problem) = problem(run, show.reveal) else {
        return writeln!(out, "/>");
    };
    writeln!(out, ">")?;
    let mut detail = run
        .request()
        .map(|r| format!("{}\n", r.target(show.reveal)))
        .unwrap_or_default();
    if let Some(response) = run
        .exchange()
        .and_then(|e| visible_response(e, show.reveal))
    {
        detail.push_str(&String::from_utf8_lossy(&response.body));
    }
    writeln!(
        out,
        r#"      <failure message="{}">{}</failure>"#,
        escape(&problem),
        escape(&detail)
    )?;
    writeln!(out, "    </testcase>")
}
