//! Rendered requests, as `render` shows them: for people, as JSON, or as curl commands.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Map, Value, json};

use super::Paint;
use super::text::{one_line, visible};
use crate::request::Request;
use crate::secrets::Reveal;
use crate::template::body::BodyKind;

/// One rendered action and where it comes from; its request is masked here, as asked.
pub struct Shown<'a> {
    pub request: &'a Request,
    pub reveal: Reveal,
    pub file: &'a Path,
    pub line: usize,
}

pub fn human(out: &mut dyn Write, paint: Paint, shown: &[Shown<'_>]) -> io::Result<()> {
    for (i, item) in shown.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let request = &item.request.shown(item.reveal);
        writeln!(
            out,
            "{} {} {}",
            paint.bold(&request.action),
            paint.dim(&format!("· {} ·", request.event)),
            paint.dim(&format!("{}:{}", item.file.display(), item.line))
        )?;
        writeln!(
            out,
            "{} {}",
            paint.success(request.method.name()),
            one_line(&request.url)
        )?;
        for (name, value) in &request.headers {
            writeln!(out, "{}: {}", paint.name(name), one_line(value))?;
        }
        if let Some(body) = &request.body {
            writeln!(out)?;
            writeln!(out, "{}", visible(&pretty_body(body, request.body_kind)))?;
        }
    }
    Ok(())
}

/// A JSON body pretty-printed; anything else as it is.
pub fn pretty_body(body: &str, kind: BodyKind) -> String {
    if kind == BodyKind::Json
        && let Ok(value) = serde_json::from_str::<Value>(body)
        && let Ok(pretty) = serde_json::to_string_pretty(&value)
    {
        return pretty;
    }
    body.to_owned()
}

pub fn to_json(request: &Request) -> Value {
    let headers: Map<String, Value> = request
        .headers
        .iter()
        .map(|(n, v)| (n.clone(), Value::String(v.clone())))
        .collect();
    json!({
        "name": request.action,
        "event": request.event.name(),
        "method": request.method.name(),
        "url": request.url,
        "headers": headers,
        "body": request.body,
    })
}

pub fn json(out: &mut dyn Write, shown: &[Shown<'_>]) -> io::Result<()> {
    let list: Vec<Value> = shown
        .iter()
        .map(|s| to_json(&s.request.shown(s.reveal)))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}
