//! Rendered requests, as `render` shows them: for people, as JSON, or as curl commands.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Map, Value, json};

use super::paint::Paint;
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
        human_item(out, paint, item)?;
    }
    Ok(())
}

/// One rendered request for people: where it comes from, then the request.
pub fn human_item(out: &mut dyn Write, paint: Paint, item: &Shown<'_>) -> io::Result<()> {
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
    Ok(())
}

/// One rendered request as an element of `render --format json`'s array: pretty, and
/// indented as the array's elements are.
pub fn json_item(out: &mut Vec<u8>, item: &Shown<'_>) -> io::Result<()> {
    let request = item.request.shown(item.reveal);
    let element = JsonRequest {
        name: &request.action,
        event: request.event.name(),
        method: request.method.name(),
        url: &request.url,
        headers: JsonHeaders(&request.headers),
        body: request.body.as_deref(),
    };
    let pretty = serde_json::to_vec_pretty(&element)?;
    // A JSON text holds no raw line break but between its tokens, so indenting after each
    // is indenting each line.
    out.reserve(pretty.len() + pretty.len() / 8);
    for (index, line) in pretty.split(|byte| *byte == b'\n').enumerate() {
        if index > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(b"  ");
        out.extend_from_slice(line);
    }
    Ok(())
}

#[derive(serde::Serialize)]
struct JsonRequest<'r> {
    name: &'r str,
    event: &'r str,
    method: &'r str,
    url: &'r str,
    headers: JsonHeaders<'r>,
    body: Option<&'r str>,
}

/// Headers as a JSON object, in their order.
struct JsonHeaders<'r>(&'r [(String, String)]);

impl serde::Serialize for JsonHeaders<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// A list of rendered requests written as they come, with what goes between and around
/// them in each format: a blank line between two for people, a JSON array for programs.
pub struct Listing {
    json: bool,
    written: usize,
}

impl Listing {
    pub fn new(json: bool) -> Listing {
        Listing { json, written: 0 }
    }

    /// Writes one item, formatted already, with what goes before it.
    pub fn item(&mut self, out: &mut dyn Write, item: &[u8]) -> io::Result<()> {
        match (self.json, self.written) {
            (true, 0) => out.write_all(b"[\n")?,
            (true, _) => out.write_all(b",\n")?,
            (false, 0) => {}
            (false, _) => out.write_all(b"\n")?,
        }
        self.written += 1;
        out.write_all(item)
    }

    /// Closes the list.
    pub fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match (self.json, self.written) {
            (true, 0) => out.write_all(b"[]\n"),
            (true, _) => out.write_all(b"\n]\n"),
            (false, _) => Ok(()),
        }
    }
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
    let mut listing = Listing::new(true);
    for item in shown {
        let mut element = Vec::new();
        json_item(&mut element, item)?;
        listing.item(out, &element)?;
    }
    listing.finish(out)
}
