//! Reports of sent requests (`fire`, `simulate --fire`): a line per action for people and
//! JSON for programs. Every request and response is masked as the command was asked.

use std::io::{self, Write};
use std::time::Duration;

use serde_json::{Map, Value, json};

use super::diagnostics::plural;
use super::paint::Paint;
use super::requests::pretty_body;
use super::text::{one_line, visible};
use crate::runner::{ActionRun, Finding, Ran};
use crate::secrets::{self, Reveal};
use crate::send::{Exchange, Outcome, Response};
use crate::template::body::BodyKind;

/// Lines of a response body shown under its action.
const BODY_LINES: usize = 8;
/// Characters of one body line shown.
const LINE_WIDTH: usize = 160;

/// How runs are shown.
#[derive(Clone, Copy)]
pub struct Show {
    pub verbose: bool,
    pub reveal: Reveal,
    /// Only failures are shown.
    pub quiet: bool,
}

/// A response as it may be shown: credential headers masked, and any secret the server
/// echoes back masked too.
pub fn visible_response(exchange: &Exchange, reveal: Reveal) -> Option<Response> {
    let Outcome::Response(response) = &exchange.outcome else {
        return None;
    };
    let echoes = &exchange.request.secrets.echoes;
    Some(Response {
        status: response.status,
        reason: response.reason.clone(),
        headers: response
            .headers
            .iter()
            .map(|(name, value)| {
                let value = secrets::header_value(name, value, reveal);
                (name.clone(), echoes.hide(&value, reveal).into_owned())
            })
            .collect(),
        body: echoes
            .hide(&String::from_utf8_lossy(&response.body), reveal)
            .into_owned()
            .into_bytes(),
        truncated: response.truncated,
    })
}

/// Why a run failed, in a few words, masked as asked; `None` when it succeeded.
pub fn problem(run: &ActionRun, reveal: Reveal) -> Option<String> {
    let ran = match &run.ran {
        Ran::Rendered(_) => None,
        Ran::Blocked => Some(format!(
            "not sent: its errors keep the request from being built ({})",
            findings(&run.errors)
        )),
        Ran::NotRendered(error) => Some(format!("not sent: {}", error.reason(reveal))),
        Ran::Sent(exchange) => exchange.problem(reveal),
    };
    ran.or_else(|| {
        (!run.errors.is_empty()).then(|| {
            format!(
                "{}: {}",
                plural(run.errors.len(), "error finding"),
                findings(&run.errors)
            )
        })
    })
    .or_else(|| {
        (run.warnings_fail && !run.warnings.is_empty())
            .then(|| "a variable is missing from the payload (an error under --strict)".to_owned())
    })
}

/// The error findings of an action that was still rendered or sent, said before its
/// result, which may well be a 2xx: the platform would send it too.
pub fn errors_line(out: &mut dyn Write, paint: Paint, run: &ActionRun) -> io::Result<()> {
    if run.errors.is_empty() || matches!(run.ran, Ran::Blocked) {
        return Ok(());
    }
    let verb = match run.ran {
        Ran::Sent(_) => "sent",
        _ => "rendered",
    };
    writeln!(
        out,
        "{} {} has {} ({}): {verb} as the platform would send it, and counted as failed",
        paint.error("!"),
        paint.bold(&run.action),
        plural(run.errors.len(), "error finding"),
        findings(&run.errors)
    )
}

/// `unknown-variable at a.yaml:9:15, missing-content-type at a.yaml:7:7`.
fn findings(errors: &[Finding]) -> String {
    let listed: Vec<String> = errors
        .iter()
        .map(|f| format!("{} at {}", f.rule, f.place))
        .collect();
    listed.join(", ")
}

pub fn elapsed(run: &ActionRun) -> Duration {
    run.exchange().map_or(Duration::ZERO, |e| e.elapsed)
}

/// One run for people: a line, then with `-v` the request and response headers, then the
/// start of the response body.
pub fn human_one(out: &mut dyn Write, paint: Paint, run: &ActionRun, show: Show) -> io::Result<()> {
    if show.quiet && run.succeeded() {
        return Ok(());
    }
    errors_line(out, paint, run)?;
    let mark = if run.succeeded() {
        paint.success("✓")
    } else {
        paint.error("✗")
    };
    let mut target = run
        .request()
        .map(|r| r.target(show.reveal))
        .unwrap_or_else(|| "(not sent)".to_owned());
    if let Some(sent_to) = run.exchange().and_then(|e| e.sent_to.as_ref()) {
        target = format!("{target} → {}", sent_to.shown(show.reveal));
    }
    let status = run.exchange().and_then(|exchange| match &exchange.outcome {
        Outcome::Response(r) if r.status < 300 && r.status >= 200 => {
            Some(format!("{} {}", r.status, r.reason).trim_end().to_owned())
        }
        _ => None,
    });
    let problem = problem(run, show.reveal).map(|p| one_line(&p).into_owned());
    let result = match (status, problem) {
        (Some(status), None) => paint.success(&status),
        // A 2xx for a request whose action has errors: both are said.
        (Some(status), Some(problem)) => {
            format!("{}  {}", paint.success(&status), paint.error(&problem))
        }
        (None, Some(problem)) => paint.error(&problem),
        (None, None) => String::new(),
    };
    writeln!(
        out,
        "{mark} {}  {}  {target}  {result}  {}",
        paint.bold(&run.action),
        paint.dim(run.event.name()),
        paint.dim(&format!("{} ms", elapsed(run).as_millis()))
    )?;
    let Some(exchange) = run.exchange() else {
        return Ok(());
    };
    let response = visible_response(exchange, show.reveal);
    if show.verbose {
        verbose(out, paint, exchange, response.as_ref(), show.reveal)?;
    }
    if let Some(response) = &response {
        body_preview(out, paint, response)?;
    }
    Ok(())
}

/// The request sent, and the status and headers of the response.
fn verbose(
    out: &mut dyn Write,
    paint: Paint,
    exchange: &Exchange,
    response: Option<&Response>,
    reveal: Reveal,
) -> io::Result<()> {
    let request = exchange.request.shown(reveal);
    writeln!(
        out,
        "  {} {} {}",
        paint.dim(">"),
        request.method,
        request.url
    )?;
    for (name, value) in &request.headers {
        writeln!(out, "  {} {}: {value}", paint.dim(">"), paint.name(name))?;
    }
    if let Some(body) = &request.body {
        writeln!(out, "  {}", paint.dim(">"))?;
        for line in pretty_body(body, request.body_kind).lines() {
            writeln!(out, "  {} {line}", paint.dim(">"))?;
        }
    }
    if let Some(response) = response {
        writeln!(
            out,
            "  {} {} {}",
            paint.dim("<"),
            response.status,
            response.reason
        )?;
        for (name, value) in &response.headers {
            writeln!(out, "  {} {}: {value}", paint.dim("<"), paint.name(name))?;
        }
    }
    Ok(())
}

fn body_preview(out: &mut dyn Write, paint: Paint, response: &Response) -> io::Result<()> {
    let text = String::from_utf8_lossy(&response.body);
    let is_json = response
        .header("content-type")
        .is_some_and(|t| t.to_ascii_lowercase().contains("json"));
    let kind = if is_json {
        BodyKind::Json
    } else {
        BodyKind::Text
    };
    let shown = pretty_body(&text, kind);
    let lines: Vec<&str> = shown.lines().collect();
    for line in lines.iter().take(BODY_LINES) {
        let cut: String = line.chars().take(LINE_WIDTH).collect();
        let more = if cut.len() < line.len() { "…" } else { "" };
        writeln!(out, "    {}{more}", visible(&cut))?;
    }
    if lines.len() > BODY_LINES {
        writeln!(
            out,
            "    {}",
            paint.dim(&format!("… {} more lines", lines.len() - BODY_LINES))
        )?;
    }
    if response.truncated {
        writeln!(
            out,
            "    {}",
            paint.warning(&format!(
                "(body cut at {} MiB)",
                crate::send::MAX_RESPONSE_BODY / 1024 / 1024
            ))
        )?;
    }
    Ok(())
}

/// `3 requests: 2 succeeded, 1 failed`, with the no-retry reminder when any failed.
pub fn summary<'r>(runs: impl IntoIterator<Item = &'r ActionRun>) -> String {
    let (mut total, mut ok) = (0, 0);
    for run in runs {
        total += 1;
        ok += usize::from(run.succeeded());
    }
    let failed = total - ok;
    let mut line = format!(
        "{}: {ok} succeeded, {failed} failed",
        plural(total, "request")
    );
    if failed > 0 {
        line.push_str(" (each was sent once: the platform does not retry either)");
    }
    line
}

pub fn to_json(run: &ActionRun, show: Show) -> Value {
    let object = |pairs: &[(String, String)]| -> Map<String, Value> {
        pairs
            .iter()
            .map(|(n, v)| (n.clone(), Value::String(v.clone())))
            .collect()
    };
    let request = run.request().map(|r| r.shown(show.reveal));
    let response = run
        .exchange()
        .and_then(|e| visible_response(e, show.reveal));
    json!({
        "name": run.action,
        "event": run.event.name(),
        "ok": run.succeeded(),
        "request": request.as_ref().map(|r| json!({
            "method": r.method.name(),
            "url": r.url,
            "headers": object(&r.headers),
            "body": r.body,
            "sent_to": run.exchange().and_then(|e| e.sent_to.as_ref()).map(|s| s.shown(show.reveal)),
        })),
        "status": response.as_ref().map(|r| r.status),
        "time_ms": elapsed(run).as_millis() as u64,
        "response": response.as_ref().map(|r| json!({
            "headers": object(&r.headers),
            "body": String::from_utf8_lossy(&r.body),
            "truncated": r.truncated,
        })),
        "error": problem(run, show.reveal),
        "findings": run.errors.iter().map(|f| json!({"rule": f.rule, "at": f.place})).collect::<Vec<_>>(),
    })
}

pub fn json(out: &mut dyn Write, runs: &[ActionRun], show: Show) -> io::Result<()> {
    let list: Vec<Value> = runs.iter().map(|r| to_json(r, show)).collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}
