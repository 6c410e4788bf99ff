//! Reports of sent requests (`fire`, `simulate --fire`): a line per action for people,
//! JSON for programs, JUnit XML for CI test reports. Every request shown is masked first.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::Paint;
use super::diagnostics::plural;
use super::mask::{is_credential_header, mask_secrets, masked};
use super::requests::pretty_body;
use crate::request::{BodyKind, Request};
use crate::send::{Exchange, Outcome, Response};

/// Lines of a response body shown under its action.
const BODY_LINES: usize = 8;
/// Characters of one body line shown.
const LINE_WIDTH: usize = 160;

/// How exchanges are shown.
#[derive(Clone, Copy)]
pub struct Show {
    pub verbose: bool,
    pub secrets: bool,
}

/// The exchange as it may be shown: the request masked, and any secret the server
/// echoed back masked in the response too.
fn visible(exchange: &Exchange, show: Show) -> (Option<Request>, Option<Response>) {
    let request = exchange.request.as_ref().map(|r| masked(r, show.secrets));
    let response = match &exchange.outcome {
        Outcome::Response(response) => {
            let secrets = exchange
                .request
                .as_ref()
                .map(|r| r.secrets.values.as_slice())
                .unwrap_or_default();
            let hide = |text: &str| {
                if show.secrets {
                    text.to_owned()
                } else {
                    mask_secrets(text, secrets)
                }
            };
            Some(Response {
                status: response.status,
                reason: response.reason.clone(),
                headers: response
                    .headers
                    .iter()
                    .map(|(n, v)| {
                        let v = if !show.secrets && is_credential_header(n) {
                            super::mask::MASK.to_owned()
                        } else {
                            hide(v)
                        };
                        (n.clone(), v)
                    })
                    .collect(),
                body: hide(&String::from_utf8_lossy(&response.body)).into_bytes(),
                truncated: response.truncated,
            })
        }
        Outcome::Failed(_) => None,
    };
    (request, response)
}

/// One exchange for people: a line, then with `-v` the request and response headers,
/// then the start of the response body.
pub fn human_one(
    out: &mut dyn Write,
    paint: Paint,
    exchange: &Exchange,
    show: Show,
) -> io::Result<()> {
    let (request, response) = visible(exchange, show);
    let mark = if exchange.succeeded() {
        paint.success("✓")
    } else {
        paint.error("✗")
    };
    let target = request
        .as_ref()
        .map(|r| format!("{} {}", r.method, r.url))
        .unwrap_or_else(|| "(not sent)".to_owned());
    let result = match (&exchange.outcome, exchange.problem()) {
        (Outcome::Response(r), None) => {
            paint.success(format!("{} {}", r.status, r.reason).trim_end())
        }
        (_, Some(problem)) => paint.error(&problem),
        (Outcome::Failed(_), None) => String::new(),
    };
    writeln!(
        out,
        "{mark} {}  {}  {target}  {result}  {}",
        paint.bold(&exchange.action),
        paint.dim(exchange.event.name()),
        paint.dim(&format!("{} ms", exchange.elapsed.as_millis()))
    )?;
    if show.verbose {
        if let Some(request) = &request {
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
        }
        if let Some(response) = &response {
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
    }
    if let Some(response) = &response {
        body_preview(out, paint, response)?;
    }
    Ok(())
}

fn body_preview(out: &mut dyn Write, paint: Paint, response: &Response) -> io::Result<()> {
    let text = String::from_utf8_lossy(&response.body);
    let is_json = response
        .header("content-type")
        .is_some_and(|t| t.to_ascii_lowercase().contains("json"));
    let shown = pretty_body(
        &text,
        if is_json {
            BodyKind::Json
        } else {
            BodyKind::Text
        },
    );
    let lines: Vec<&str> = shown.lines().collect();
    for line in lines.iter().take(BODY_LINES) {
        let cut: String = line.chars().take(LINE_WIDTH).collect();
        let more = if cut.len() < line.len() { "…" } else { "" };
        writeln!(out, "    {cut}{more}")?;
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
pub fn summary(exchanges: &[Exchange]) -> String {
    let ok = exchanges.iter().filter(|e| e.succeeded()).count();
    let failed = exchanges.len() - ok;
    let mut line = format!(
        "{}: {ok} succeeded, {failed} failed",
        plural(exchanges.len(), "request")
    );
    if failed > 0 {
        line.push_str(" (each was sent once: the platform does not retry either)");
    }
    line
}

pub fn to_json(exchange: &Exchange, show: Show) -> Value {
    let (request, response) = visible(exchange, show);
    let object = |pairs: &[(String, String)]| -> Map<String, Value> {
        pairs
            .iter()
            .map(|(n, v)| (n.clone(), Value::String(v.clone())))
            .collect()
    };
    json!({
        "name": exchange.action,
        "event": exchange.event.name(),
        "ok": exchange.succeeded(),
        "request": request.as_ref().map(|r| json!({
            "method": r.method.name(),
            "url": r.url,
            "headers": object(&r.headers),
            "body": r.body,
        })),
        "status": response.as_ref().map(|r| r.status),
        "time_ms": exchange.elapsed.as_millis() as u64,
        "response": response.as_ref().map(|r| json!({
            "headers": object(&r.headers),
            "body": String::from_utf8_lossy(&r.body),
            "truncated": r.truncated,
        })),
        "error": exchange.problem(),
    })
}

pub fn json(out: &mut dyn Write, exchanges: &[Exchange], show: Show) -> io::Result<()> {
    let list: Vec<Value> = exchanges.iter().map(|e| to_json(e, show)).collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

/// JUnit XML: a testsuite per event (in the order events first appear), a testcase per action.
pub fn junit(
    out: &mut dyn Write,
    name: &str,
    exchanges: &[&Exchange],
    show: Show,
) -> io::Result<()> {
    let failures = exchanges.iter().filter(|e| !e.succeeded()).count();
    let total: f64 = exchanges.iter().map(|e| e.elapsed.as_secs_f64()).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="{}" tests="{}" failures="{failures}" errors="0" time="{total:.3}">"#,
        xml(name),
        exchanges.len()
    )?;
    let mut events = Vec::new();
    for exchange in exchanges {
        if !events.contains(&exchange.event) {
            events.push(exchange.event);
        }
    }
    for event in events {
        let cases: Vec<&Exchange> = exchanges
            .iter()
            .copied()
            .filter(|e| e.event == event)
            .collect();
        let failed = cases.iter().filter(|e| !e.succeeded()).count();
        let time: f64 = cases.iter().map(|e| e.elapsed.as_secs_f64()).sum();
        writeln!(
            out,
            r#"  <testsuite name="{event}" tests="{}" failures="{failed}" errors="0" time="{time:.3}">"#,
            cases.len()
        )?;
        for exchange in cases {
            let (request, response) = visible(exchange, show);
            write!(
                out,
                r#"    <testcase name="{}" classname="{event}" time="{:.3}""#,
                xml(&exchange.action),
                exchange.elapsed.as_secs_f64()
            )?;
            match exchange.problem() {
                None => writeln!(out, "/>")?,
                Some(problem) => {
                    writeln!(out, ">")?;
                    let mut detail = request
                        .map(|r| format!("{} {}\n", r.method, r.url))
                        .unwrap_or_default();
                    if let Some(response) = response {
                        detail.push_str(&String::from_utf8_lossy(&response.body));
                    }
                    writeln!(
                        out,
                        r#"      <failure message="{}">{}</failure>"#,
                        xml(&problem),
                        xml(&detail)
                    )?;
                    writeln!(out, "    </testcase>")?;
                }
            }
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Text for XML attributes and content; characters XML 1.0 cannot hold are dropped.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml() {
        assert_eq!(
            xml("a<b>&\"c'\n\u{1}d"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;d"
        );
    }
}
