//! Requests received by `listen`, for people or as one JSON object per line.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::Paint;
use super::requests::pretty_body;
use crate::receiver::Received;
use crate::secrets::{self, Reveal};
use crate::template::body::BodyKind;

pub fn human(out: &mut dyn Write, paint: Paint, received: &Received) -> io::Result<()> {
    writeln!(
        out,
        "{} {} {}",
        paint.dim(&received.time),
        paint.success(&received.method),
        paint.bold(&received.path)
    )?;
    for (key, value) in &received.query {
        writeln!(out, "  {} {key} = {value}", paint.dim("?"))?;
    }
    for (name, value) in &received.headers {
        writeln!(out, "  {}: {value}", paint.name(name))?;
    }
    if received.too_large {
        writeln!(
            out,
            "  {}",
            paint.warning("(body over 1 MiB: refused with 413)")
        )?;
    } else if !received.body.is_empty() {
        let text = String::from_utf8_lossy(&received.body);
        let is_json = header(received, "content-type").is_some_and(|t| t.contains("json"))
            || serde_json::from_str::<serde::de::IgnoredAny>(&text).is_ok();
        writeln!(out)?;
        for line in pretty_body(
            &text,
            if is_json {
                BodyKind::Json
            } else {
                BodyKind::Text
            },
        )
        .lines()
        {
            writeln!(out, "  {line}")?;
        }
    }
    writeln!(out)
}

pub fn json_line(out: &mut dyn Write, received: &Received) -> io::Result<()> {
    let text = String::from_utf8_lossy(&received.body);
    let headers: Map<String, Value> = received
        .headers
        .iter()
        .map(|(n, v)| (n.clone(), Value::String(v.clone())))
        .collect();
    let query: Vec<Value> = received.query.iter().map(|(k, v)| json!([k, v])).collect();
    let line = json!({
        "time": received.time,
        "method": received.method,
        "path": received.path,
        "query": query,
        "headers": headers,
        "body": text,
        "json": serde_json::from_str::<Value>(&text).ok(),
        "too_large": received.too_large,
    });
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}

fn header<'r>(received: &'r Received, name: &str) -> Option<&'r str> {
    received
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The request as it may be shown: credential headers masked unless [`Reveal::Show`].
pub fn shown(received: &Received, reveal: Reveal) -> Received {
    Received {
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
