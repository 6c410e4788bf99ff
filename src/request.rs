//! Builds the HTTP request of an action from its templates and a payload (SPEC §4), the
//! same for `render`, `fire` and `simulate`: what is previewed is what is sent.

use std::fmt;
use std::ops::Range;

use serde_json::Value;

use crate::action::{Action, Method};
use crate::event::Event;
use crate::payload;
use crate::source::Span;
use crate::template::encode::{form_encode, json_string_content, percent_encode, stringify};
use crate::template::json_scanner::{self, Scan, Slot};
use crate::template::{Part, Placeholder, Template};

pub const USER_AGENT: &str = concat!("callactions/", env!("CARGO_PKG_VERSION"));

/// A request ready to send.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub action: String,
    pub event: Event,
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    pub body_kind: BodyKind,
    /// Seconds allowed for the whole exchange.
    pub timeout: u64,
    /// Where text from `${env.…}` was inserted: never shown unless asked.
    pub secrets: Secrets,
}

/// The places of `${env.…}` values in a request, so they can be hidden exactly there.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Secrets {
    /// Byte ranges in the URL.
    pub url: Vec<Range<usize>>,
    /// Byte ranges in a header value, by the header's index.
    pub headers: Vec<(usize, Range<usize>)>,
    /// Byte ranges in the body.
    pub body: Vec<Range<usize>>,
    /// The values as inserted, to hide them where a server echoes them back.
    pub values: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyKind {
    None,
    Json,
    Form,
    Text,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Something worth knowing about a rendered request that does not stop it.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub message: String,
}

/// Why an action could not be rendered; names the action and the place.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderError {
    pub action: String,
    pub place: String,
    pub message: String,
    /// The placeholder at fault, when there is one.
    pub span: Option<Span>,
    pub help: Option<String>,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "action `{}`, {}: {}",
            self.action, self.place, self.message
        )
    }
}

/// How to render.
pub struct Options<'a> {
    /// A variable missing from the payload is an error, not a warning.
    pub strict: bool,
    /// Reads an environment variable for `${env.NAME}`.
    pub env: &'a dyn Fn(&str) -> Option<String>,
}

pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

pub fn render(
    action: &Action,
    payload: &Value,
    options: &Options<'_>,
) -> Result<(Request, Vec<Warning>), RenderError> {
    let mut renderer = Renderer {
        action,
        payload,
        options,
        warnings: Vec::new(),
        inserted: Vec::new(),
        secrets: Secrets::default(),
    };
    let url = renderer.url()?;
    renderer.secrets.url = std::mem::take(&mut renderer.inserted);
    let mut headers = Vec::new();
    for header in &action.headers {
        let place = format!("header `{}`", header.name);
        let value = renderer.fill(&header.value, &place, |_, value| {
            let text = stringify(&value);
            match line_break(&text) {
                Some(what) => Err(format!(
                    "its value contains {what}, which could inject headers; the request is never sent"
                )),
                None => Ok(text),
            }
        })
        .map_err(|error| RenderError {
            help: Some("keep free text out of headers: send it in the body".to_owned()),
            ..error
        })?;
        if let Some(what) = line_break(&value) {
            return Err(renderer.error(
                &place,
                format!("the value contains {what}; the request is never sent"),
            ));
        }
        let index = headers.len();
        let ranges = std::mem::take(&mut renderer.inserted);
        renderer
            .secrets
            .headers
            .extend(ranges.into_iter().map(|r| (index, r)));
        headers.push((header.name.clone(), value));
    }
    let (body, body_kind) = renderer.body(&mut headers)?;
    renderer.secrets.body = std::mem::take(&mut renderer.inserted);
    if action.header("user-agent").is_none() {
        headers.push(("User-Agent".to_owned(), USER_AGENT.to_owned()));
    }
    let request = Request {
        action: action.name.clone(),
        event: action.event,
        method: action.method,
        url,
        headers,
        body,
        body_kind,
        timeout: action.timeout,
        secrets: renderer.secrets,
    };
    Ok((request, renderer.warnings))
}

struct Renderer<'a> {
    action: &'a Action,
    payload: &'a Value,
    options: &'a Options<'a>,
    warnings: Vec<Warning>,
    /// Ranges of `${env.…}` text in the output of the last `fill`.
    inserted: Vec<Range<usize>>,
    secrets: Secrets,
}

/// A placeholder's value: from the payload, from the environment, or missing.
enum Resolved {
    Value(Value),
    Missing,
}

impl Renderer<'_> {
    fn error(&self, place: &str, message: impl Into<String>) -> RenderError {
        RenderError {
            action: self.action.name.clone(),
            place: place.to_owned(),
            message: message.into(),
            span: None,
            help: None,
        }
    }

    fn resolve(&mut self, placeholder: &Placeholder, place: &str) -> Result<Resolved, RenderError> {
        if let Some(name) = placeholder.env_name() {
            return match (self.options.env)(name) {
                Some(value) => Ok(Resolved::Value(Value::String(value))),
                None => Err(RenderError {
                    span: Some(placeholder.span),
                    help: Some(format!("set it before running: `export {name}=…`")),
                    ..self.error(place, format!("environment variable `{name}` is not set"))
                }),
            };
        }
        match payload::get(self.payload, &placeholder.path) {
            Some(value) => Ok(Resolved::Value(value.clone())),
            None if self.options.strict => Err(RenderError {
                span: Some(placeholder.span),
                help: Some(format!(
                    "`callactions payload {} --vars` lists its variables; `--set {}=…` provides one",
                    self.action.event, placeholder.path
                )),
                ..self.error(
                    place,
                    format!(
                        "`${{{}}}` is not in the {} payload",
                        placeholder.path, self.action.event
                    ),
                )
            }),
            None => {
                self.warnings.push(Warning {
                    message: format!(
                        "action `{}`, {place}: `${{{}}}` is not in the {} payload; rendered as {}",
                        self.action.name,
                        placeholder.path,
                        self.action.event,
                        "empty (or null where a JSON value goes)"
                    ),
                });
                Ok(Resolved::Missing)
            }
        }
    }

    /// Renders a template, each placeholder through `insert(index, value)`; a missing
    /// value is passed as `Value::Null`, which every place renders as empty or `null`.
    /// An `Err` from `insert` is an error at that placeholder.
    fn fill(
        &mut self,
        template: &Template,
        place: &str,
        mut insert: impl FnMut(usize, Value) -> Result<String, String>,
    ) -> Result<String, RenderError> {
        let mut out = String::with_capacity(template.text.len());
        let mut index = 0;
        self.inserted.clear();
        for part in &template.parts {
            match part {
                Part::Literal(text) => out.push_str(text),
                Part::Placeholder(placeholder) => {
                    let resolved = self.resolve(placeholder, place)?;
                    let is_secret = placeholder.env_name().is_some();
                    let value = match resolved {
                        Resolved::Value(value) => value,
                        Resolved::Missing => Value::Null,
                    };
                    let text = insert(index, value).map_err(|message| RenderError {
                        span: Some(placeholder.span),
                        ..self.error(place, format!("`${{{}}}`: {message}", placeholder.path))
                    })?;
                    if is_secret && !text.is_empty() {
                        self.inserted.push(out.len()..out.len() + text.len());
                        self.secrets.values.push(text.clone());
                    }
                    out.push_str(&text);
                    index += 1;
                }
            }
        }
        Ok(out)
    }

    fn url(&mut self) -> Result<String, RenderError> {
        let template = &self.action.url;
        let url = self.fill(template, "url", |index, value| {
            let text = stringify(&value);
            // A placeholder at the very start holds a base URL: inserted as it is.
            Ok(
                if index == 0 && matches!(template.parts.first(), Some(Part::Placeholder(_))) {
                    text
                } else {
                    percent_encode(&text)
                },
            )
        })?;
        let lower = url.to_ascii_lowercase();
        let host = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
        if host.is_none_or(str::is_empty)
            || url.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            let shown = crate::output::mask::mask_ranges(&url, &self.inserted);
            return Err(self.error(
                "url",
                format!("renders to `{shown}`, which is not an absolute http(s) URL"),
            ));
        }
        Ok(url)
    }

    fn body(
        &mut self,
        headers: &mut Vec<(String, String)>,
    ) -> Result<(Option<String>, BodyKind), RenderError> {
        let content_type = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.to_ascii_lowercase());
        if self.action.method == Method::Get {
            if self.action.written_body().is_some() {
                self.warnings.push(Warning {
                    message: format!(
                        "action `{}`: a GET request has no body; the body is ignored",
                        self.action.name
                    ),
                });
            }
            return Ok((None, BodyKind::None));
        }
        let Some(template) = self.action.written_body() else {
            if content_type.is_none() {
                headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
            }
            return Ok((Some(self.payload.to_string()), BodyKind::Json));
        };
        let scan = json_scanner::scan(&template.parts);
        let kind = body_kind_for(content_type.as_deref(), &scan);
        if kind == BodyKind::Json && content_type.is_none() {
            self.warnings.push(Warning {
                message: format!(
                    "action `{}`: the body is JSON but there is no `Content-Type: application/json` header (the platform requires it)",
                    self.action.name
                ),
            });
        }
        let body = match kind {
            BodyKind::Json => {
                let body = self.fill(template, "body", |index, value| {
                    Ok(json_insert(scan.slots.get(index).copied(), &value))
                })?;
                if let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(&body) {
                    return Err(self.error(
                        "body",
                        format!(
                            "the rendered body is not valid JSON: {} at line {}, column {} of the rendered body",
                            json_error_reason(&error),
                            error.line(),
                            error.column()
                        ),
                    ));
                }
                body
            }
            BodyKind::Form => self.fill(template, "body", |_, value| {
                Ok(form_encode(&stringify(&value)))
            })?,
            _ => self.fill(template, "body", |_, value| Ok(stringify(&value)))?,
        };
        Ok((Some(body), kind))
    }
}

/// How a body is encoded: by its Content-Type, or, without one, by whether the template
/// has the shape of JSON.
pub fn body_kind_for(content_type: Option<&str>, scan: &Scan) -> BodyKind {
    let media_type = content_type.map(|t| {
        t.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    });
    match media_type.as_deref() {
        Some(t) if t == "application/json" || t.ends_with("+json") => BodyKind::Json,
        Some("application/x-www-form-urlencoded") => BodyKind::Form,
        Some(_) => BodyKind::Text,
        None if scan.looks_like_json => BodyKind::Json,
        None => BodyKind::Text,
    }
}

/// The body kind of an action's written body, judged from its templates before rendering.
pub fn body_kind(action: &Action, scan: &Scan) -> BodyKind {
    let content_type = action.header("content-type").map(|t| t.masked(""));
    body_kind_for(content_type.as_deref(), scan)
}

/// A value as inserted into a JSON body: escaped inside a string, as JSON elsewhere
/// (a missing value being `null`).
pub fn json_insert(slot: Option<Slot>, value: &Value) -> String {
    match slot {
        Some(Slot::InString) => json_string_content(&stringify(value)),
        _ => value.to_string(),
    }
}

/// What in a header value could end the header: a CR, LF or NUL.
fn line_break(text: &str) -> Option<&'static str> {
    text.chars().find_map(|c| match c {
        '\r' | '\n' => Some("a line break"),
        '\0' => Some("a NUL character"),
        _ => None,
    })
}

/// serde_json's message without its " at line L column C" tail, which is said separately.
fn json_error_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}
