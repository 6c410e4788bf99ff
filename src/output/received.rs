//! Requests received by `listen`, for people or as one JSON object per line. Each
//! request is written in one piece, so lines stay whole whoever reads them.

use std::io::{self, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Map, Value, json};

use super::paint::Paint;
use super::requests::pretty_body;
use super::text::{one_line, visible};
use crate::receiver::Received;
use crate::secrets::{self, Reveal};
use crate::template::body::BodyKind;

pub fn human(out: &mut dyn Write, paint: Paint, received: &Received) -> io::Result<()> {
    let mut text = Vec::new();
    human_text(&mut text, paint, received)?;
    out.write_all(&text)
}

fn human_text(out: &mut Vec<u8>, paint: Paint, received: &Received) -> io::Result<()> {
    writeln!(
        out,
        "{} {} {}",
        paint.dim(&received.time),
        paint.success(&one_line(&received.method)),
        paint.bold(&one_line(&received.path))
    )?;
    for (key, value) in &received.query {
        writeln!(
            out,
            "  {} {} = {}",
            paint.dim("?"),
            one_line(key),
            one_line(value)
        )?;
    }
    for (name, value) in &received.headers {
        writeln!(
            out,
            "  {}: {}",
            paint.name(&one_line(name)),
            one_line(value)
        )?;
    }
    if received.too_large {
        let note = format!(
            "(body over {} MiB: refused with 413)",
            crate::receiver::MAX_BODY >> 20
        );
        writeln!(out, "  {}", paint.warning(&note))?;
    } else if !received.body.is_empty() {
        writeln!(out)?;
        body(out, paint, received)?;
    }
    if received.cut {
        writeln!(
            out,
            "  {}",
            paint.warning("(the body did not arrive in full: the client stopped sending)")
        )?;
    }
    writeln!(out)
}

/// The body: pretty JSON when it is JSON, the text when it is text, its size when not.
fn body(out: &mut Vec<u8>, paint: Paint, received: &Received) -> io::Result<()> {
    let Ok(text) = std::str::from_utf8(&received.body) else {
        let note = format!("({} bytes that are not UTF-8 text)", received.body.len());
        return writeln!(out, "  {}", paint.warning(&note));
    };
    let is_json = header(received, "content-type").is_some_and(|t| t.contains("json"))
        || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
    let kind = if is_json {
        BodyKind::Json
    } else {
        BodyKind::Text
    };
    for line in pretty_body(text, kind).lines() {
        writeln!(out, "  {}", visible(line))?;
    }
    Ok(())
}

pub fn json_line(out: &mut dyn Write, received: &Received) -> io::Result<()> {
    let mut line = serde_json::to_vec(&to_json(received))?;
    line.push(b'\n');
    out.write_all(&line)
}

fn to_json(received: &Received) -> Value {
    // Repeated headers are one value in `headers`, joined as HTTP joins them, and each
    // on its own in `header_lines`.
    let mut headers: Map<String, Value> = Map::new();
    for (name, value) in &received.headers {
        let joined = match headers.get(name).and_then(Value::as_str) {
            Some(before) => format!("{before}, {value}"),
            None => value.clone(),
        };
        headers.insert(name.clone(), Value::String(joined));
    }
    let header_lines: Vec<Value> = received
        .headers
        .iter()
        .map(|(n, v)| json!([n, v]))
        .collect();
    let query: Vec<Value> = received.query.iter().map(|(k, v)| json!([k, v])).collect();
    let (body, base64) = match std::str::from_utf8(&received.body) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => (BASE64.encode(&received.body), true),
    };
    json!({
        "time": received.time,
        "method": received.method,
        "path": received.path,
        "query": query,
        "headers": headers,
        "header_lines": header_lines,
        "json": (!base64).then(|| serde_json::from_str::<Value>(&body).ok()).flatten(),
        "body": body,
        "body_base64": base64,
        "too_large": received.too_large,
        "cut": received.cut,
    })
}

fn header<'r>(received: &'r Received, name: &str) -> Option<&'r str> {
    received
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The request as it may be shown: credential headers and query parameters masked unless
/// [`Reveal::Show`]. `listen` cannot know another process's secrets, so it goes by name.
pub fn shown(received: &Received, reveal: Reveal) -> Received {
    Received {
        query: received
            .query
            .iter()
            .map(|(name, value)| {
                (
                    name.clone(),
                    secrets::param_value(name, value, reveal).into_owned(),
                )
            })
            .collect(),
        headers: received
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    name.clone(),
                    secrets::header_value(name, value, reveal).into_owned(),
                )
            })
            .collect(),
        ..received.clone()
    }
}
