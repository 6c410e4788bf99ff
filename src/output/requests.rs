//! Rendered requests, as `render` shows them: for people, as JSON, or as curl commands.

use std::io::{self, Write};
use std::path::Path;

use serde_json::{Map, Value, json};

use super::Paint;
use crate::request::Request;
use crate::template::body::BodyKind;

/// One rendered action and where it comes from; its request is already masked.
pub struct Shown<'a> {
    pub request: &'a Request,
    pub file: &'a Path,
    pub line: usize,
}

pub fn human(out: &mut dyn Write, paint: Paint, shown: &[Shown<'_>]) -> io::Result<()> {
    for (i, item) in shown.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let request = item.request;
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
            request.url
        )?;
        for (name, value) in &request.headers {
            writeln!(out, "{}: {value}", paint.name(name))?;
        }
        if let Some(body) = &request.body {
            writeln!(out)?;
            writeln!(out, "{}", pretty_body(body, request.body_kind))?;
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
    let list: Vec<Value> = shown.iter().map(|s| to_json(s.request)).collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

/// One `curl` command per action, quoted for POSIX `sh` (and so bash and zsh).
pub fn curl(out: &mut dyn Write, shown: &[Shown<'_>]) -> io::Result<()> {
    for item in shown {
        let request = item.request;
        writeln!(out, "# {} ({})", request.action, request.event)?;
        write!(
            out,
            "curl --request {} --max-time {} {}",
            request.method,
            request.timeout,
            sh_quote(&request.url)
        )?;
        for (name, value) in &request.headers {
            write!(
                out,
                " \\\n  --header {}",
                sh_quote(&format!("{name}: {value}"))
            )?;
        }
        if let Some(body) = &request.body {
            write!(out, " \\\n  --data-raw {}", sh_quote(body))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Single quotes keep every character as it is in `sh`, but a single quote itself,
/// which closes the quotes, is written as `'\''`.
pub fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_for_sh() {
        assert_eq!(sh_quote("a b"), "'a b'");
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
        assert_eq!(sh_quote("$HOME `x` \"q\" \\"), r#"'$HOME `x` "q" \'"#);
    }
}
