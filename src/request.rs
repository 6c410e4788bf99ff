//! Builds the HTTP request of an action from its templates and a payload (SPEC §4), the
//! same for `render`, `fire`, `simulate` and `init`: what is previewed is what is sent.
//!
//! A request knows where its secrets stand; it never hides them itself. Each output asks
//! for [`Request::shown`] with the command's [`Reveal`].

use std::borrow::Cow;
use std::ops::Range;

use serde_json::Value;

use crate::action::{Action, Method};
use crate::event::Event;
use crate::header;
use crate::payload;
use crate::secrets::{self, Echoes, Reveal, SecretText};
use crate::source::Span;
use crate::template::body::{self, BodyKind, json_insert};
use crate::template::encode::{form_encode, percent_encode, stringify};
use crate::template::fill::{Filled, fill};
use crate::template::json_scanner;
use crate::template::{Part, Placeholder, Template};
use crate::url;

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
    pub secrets: Secrets,
}

/// Where the secrets of a request stand: the text of `${env.…}` values, the values of
/// credential headers, and the path of a URL whose base came from the environment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Secrets {
    /// Where each `${env.…}` value was inserted, so a shell command can read it from the
    /// same variable instead of printing it.
    pub env: Vec<EnvValue>,
    /// Byte ranges in the URL.
    pub url: Vec<Range<usize>>,
    /// Byte ranges in each header value, by the header's index.
    pub headers: Vec<Vec<Range<usize>>>,
    /// Byte ranges in the body.
    pub body: Vec<Range<usize>>,
    /// The secrets themselves, to hide them where a server echoes them back.
    pub echoes: Echoes,
}

/// One `${env.NAME}` value in a request.
#[derive(Clone, Debug, PartialEq)]
pub struct EnvValue {
    pub field: Field,
    /// Byte range in the field's text.
    pub range: Range<usize>,
    pub name: String,
    /// The value was inserted as it is, not encoded for its place.
    pub as_is: bool,
}

/// A part of a request that holds text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Url,
    /// A header value, by the header's index.
    Header(usize),
    Body,
}

impl Request {
    /// The text of a field, as rendered.
    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Url => &self.url,
            Field::Header(index) => self.headers.get(index).map_or("", |(_, v)| v.as_str()),
            Field::Body => self.body.as_deref().unwrap_or_default(),
        }
    }

    /// The masked ranges of a field.
    pub fn masked_ranges(&self, field: Field) -> &[Range<usize>] {
        match field {
            Field::Url => &self.secrets.url,
            Field::Header(index) => self.secrets.headers.get(index).map_or(&[], Vec::as_slice),
            Field::Body => &self.secrets.body,
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The request as it may be shown: every secret masked unless [`Reveal::Show`].
    pub fn shown(&self, reveal: Reveal) -> Cow<'_, Request> {
        if reveal == Reveal::Show {
            return Cow::Borrowed(self);
        }
        let mask = |text: &str, ranges: &[Range<usize>]| secrets::mask_ranges(text, ranges);
        Cow::Owned(Request {
            action: self.action.clone(),
            event: self.event,
            method: self.method,
            url: mask(&self.url, &self.secrets.url),
            headers: self
                .headers
                .iter()
                .zip(&self.secrets.headers)
                .map(|((name, value), ranges)| (name.clone(), mask(value, ranges)))
                .collect(),
            body: self.body.as_deref().map(|b| mask(b, &self.secrets.body)),
            body_kind: self.body_kind,
            timeout: self.timeout,
            secrets: self.secrets.clone(),
        })
    }

    /// `POST https://…`, the first line of a report, masked as asked.
    pub fn target(&self, reveal: Reveal) -> String {
        let url = match reveal {
            Reveal::Show => self.url.clone(),
            Reveal::Mask => secrets::mask_ranges(&self.url, &self.secrets.url),
        };
        format!("{} {url}", self.method)
    }
}

/// A payload variable the payload does not have: rendered empty (or `null`), and said.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub message: String,
    pub help: String,
    /// The placeholder in question.
    pub span: Span,
}

/// Why an action could not be rendered; names the action and the place. The message may
/// quote what was rendered, so it carries its secrets with it.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderError {
    pub action: String,
    pub place: String,
    pub message: SecretText,
    /// The placeholder at fault, when there is one.
    pub span: Option<Span>,
    pub help: Option<String>,
}

impl RenderError {
    /// `action `x`, url: …`, masked as asked.
    pub fn describe(&self, reveal: Reveal) -> String {
        format!(
            "action `{}`, {}: {}",
            self.action,
            self.place,
            self.message.shown(reveal)
        )
    }

    /// Just the reason, masked as asked.
    pub fn reason(&self, reveal: Reveal) -> String {
        self.message.shown(reveal).into_owned()
    }
}

/// How to render.
pub struct Options<'a> {
    /// Reads an environment variable for `${env.NAME}`.
    pub env: &'a (dyn Fn(&str) -> Option<String> + Sync),
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
        secrets: Secrets::default(),
        inserted: Vec::new(),
    };
    let url = renderer.url()?;
    let mut headers = Vec::with_capacity(action.headers.len() + 2);
    for header in &action.headers {
        let value = renderer.header(&header.name, &header.value)?;
        headers.push((header.name.clone(), value));
    }
    let (body, body_kind) = renderer.body(&mut headers)?;
    if action.header("user-agent").is_none() {
        headers.push(("User-Agent".to_owned(), USER_AGENT.to_owned()));
    }
    renderer.secrets.headers.resize(headers.len(), Vec::new());
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
    secrets: Secrets,
    /// The `${env.…}` values of the last fill: range, name, inserted as they are.
    inserted: Vec<(Range<usize>, String, bool)>,
}

/// Why one placeholder could not be inserted.
struct Refused {
    message: SecretText,
    help: Option<String>,
}

impl<'a> Renderer<'a> {
    fn error(
        &self,
        place: &str,
        message: SecretText,
        span: Option<Span>,
        help: Option<String>,
    ) -> RenderError {
        RenderError {
            action: self.action.name.clone(),
            place: place.to_owned(),
            message,
            span,
            help,
        }
    }

    /// A placeholder's value: from the environment, from the payload, or `null` (with a
    /// warning) when the payload does not have it.
    fn resolve(
        &mut self,
        placeholder: &Placeholder,
        place: &str,
    ) -> Result<Cow<'a, Value>, Refused> {
        if let Some(name) = placeholder.env_name() {
            return match (self.options.env)(name) {
                Some(value) => {
                    self.secrets.echoes.add(&value);
                    Ok(Cow::Owned(Value::String(value)))
                }
                None => Err(Refused {
                    message: SecretText::plain(format!("environment variable `{name}` is not set")),
                    help: Some(format!("set it before running: `export {name}=…`")),
                }),
            };
        }
        match payload::get(self.payload, &placeholder.path) {
            Some(value) => Ok(Cow::Borrowed(value)),
            None => {
                self.warnings.push(Warning {
                    message: format!(
                        "action `{}`, {place}: `${{{}}}` is not in the {} payload; rendered as empty (or null where a JSON value goes)",
                        self.action.name, placeholder.path, self.action.event,
                    ),
                    help: format!(
                        "`--set {}=…` or a payload file gives it a value",
                        placeholder.path
                    ),
                    span: placeholder.span,
                });
                Ok(Cow::Owned(Value::Null))
            }
        }
    }

    /// Fills `template` with each value through `encode(index, value)`; the ranges of
    /// `${env.…}` values in the result are secrets.
    fn fill(
        &mut self,
        template: &Template,
        place: &str,
        mut encode: impl FnMut(usize, &Value) -> Result<String, Refused>,
    ) -> Result<(Filled, Vec<Range<usize>>), RenderError> {
        let mut at_fault = None;
        let mut env = Vec::new();
        let filled = fill(template, |index, placeholder| {
            at_fault = Some(placeholder.span);
            let value = self.resolve(placeholder, place)?;
            let text = encode(index, &value).map_err(|refused| {
                let mut message = SecretText::plain(format!("`${{{}}}`: ", placeholder.path));
                message.push_text(&refused.message);
                Refused { message, ..refused }
            })?;
            if let Some(name) = placeholder.env_name() {
                env.push((index, name.to_owned(), text == stringify(&value)));
            }
            Ok(text)
        })
        .map_err(|refused: Refused| self.error(place, refused.message, at_fault, refused.help))?;
        let ranges = filled.placeholder_ranges(template);
        let secret: Vec<Range<usize>> = env
            .iter()
            .map(|(index, _, _)| ranges[*index].clone())
            .filter(|r| !r.is_empty())
            .collect();
        self.inserted = env
            .into_iter()
            .filter(|(index, _, _)| !ranges[*index].is_empty())
            .map(|(index, name, as_is)| (ranges[index].clone(), name, as_is))
            .collect();
        Ok((filled, secret))
    }

    /// Files the `${env.…}` values of the last fill under `field`.
    fn file_env(&mut self, field: Field) {
        for (range, name, as_is) in std::mem::take(&mut self.inserted) {
            self.secrets.env.push(EnvValue {
                field,
                range,
                name,
                as_is,
            });
        }
    }

    fn url(&mut self) -> Result<String, RenderError> {
        let template = &self.action.url;
        let base_first = matches!(template.parts.first(), Some(Part::Placeholder(_)));
        let (filled, mut secret) = self.fill(template, "url", |index, value| {
            let text = stringify(value);
            // A placeholder at the very start holds a base URL: inserted as it is.
            Ok(if index == 0 && base_first {
                text
            } else {
                percent_encode(&text)
            })
        })?;
        let url = filled.text;
        match url::parse(&url) {
            Err(problem) => {
                let mut message = SecretText::plain("renders to `");
                message
                    .push_text(&SecretText {
                        text: url.clone(),
                        secrets: secret,
                    })
                    .push(&format!("`: {problem}"));
                return Err(self.error("url", message, None, Some(problem.help().to_owned())));
            }
            Ok(parsed) => {
                // A base URL from the environment: where the request goes stays visible,
                // the rest is hidden, since a whole URL can be the credential.
                let env_base = matches!(template.parts.first(), Some(Part::Placeholder(p)) if p.env_name().is_some());
                if env_base && filled.parts.first().is_some_and(|r| !r.is_empty()) {
                    secret.retain(|r| r.start != 0);
                    // `https://host/` stays, with the `/`, `?` or `#` that ends the host.
                    let rest = (parsed.authority_end + 1).min(url.len());
                    if rest < url.len() {
                        secret.push(rest..url.len());
                    }
                }
            }
        }
        self.secrets.url = secret;
        self.file_env(Field::Url);
        Ok(url)
    }

    fn header(&mut self, name: &str, template: &Template) -> Result<String, RenderError> {
        let place = format!("header `{name}`");
        let (filled, mut secret) = self.fill(template, &place, |_, value| {
            let text = stringify(value);
            match header::forbidden_in_value(&text) {
                Some(c) => Err(Refused {
                    message: SecretText::plain(format!(
                        "its value contains {}, which could inject headers; the request is never sent",
                        header::describe_forbidden(c)
                    )),
                    help: Some("keep free text out of headers: send it in the body".to_owned()),
                }),
                None => Ok(text),
            }
        })?;
        let value = filled.text;
        if let Some(c) = header::forbidden_in_value(&value) {
            return Err(self.error(
                &place,
                SecretText::plain(format!(
                    "the value contains {}; the request is never sent",
                    header::describe_forbidden(c)
                )),
                None,
                Some("write the value on one line, without control characters".to_owned()),
            ));
        }
        if secrets::is_credential_header(name) {
            // Only a scheme written in the file stays visible (`Bearer ****`).
            let visible = match template.parts.first() {
                Some(Part::Literal(literal)) => secrets::scheme_prefix(literal).unwrap_or(0),
                _ => 0,
            };
            if visible < value.len() {
                self.secrets.echoes.add(&value[visible..]);
                secret = std::iter::once(visible..value.len()).collect();
            }
        }
        let index = self.secrets.headers.len();
        self.secrets.headers.push(secret);
        self.file_env(Field::Header(index));
        Ok(value)
    }

    fn body(
        &mut self,
        headers: &mut Vec<(String, String)>,
    ) -> Result<(Option<String>, BodyKind), RenderError> {
        // A body on a GET is not sent (`body-ignored` says so).
        if self.action.method == Method::Get {
            return Ok((None, BodyKind::None));
        }
        let content_type = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.clone());
        let Some(template) = self.action.written_body() else {
            if content_type.is_none() {
                headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
                self.secrets.headers.push(Vec::new());
            }
            return Ok((Some(self.payload.to_string()), BodyKind::Json));
        };
        let scan = json_scanner::scan(&template.parts);
        let kind = body::kind_for(content_type.as_deref(), &scan);
        // A JSON body without its Content-Type is sent as the platform would send it
        // (`missing-content-type` says so); the header is not added behind the user's back.
        let (filled, secret) = match kind {
            BodyKind::Json => self.fill(template, "body", |index, value| {
                Ok(json_insert(scan.slots.get(index).copied(), value))
            })?,
            BodyKind::Form => self.fill(template, "body", |_, value| {
                Ok(form_encode(&stringify(value)))
            })?,
            BodyKind::Text | BodyKind::None => {
                self.fill(template, "body", |_, value| Ok(stringify(value)))?
            }
        };
        let body = filled.text;
        self.file_env(Field::Body);
        self.secrets.body = if kind == BodyKind::Json {
            self.check_json(&body)?;
            inside_quotes(&body, secret)
        } else {
            secret
        };
        Ok((Some(body), kind))
    }

    /// A rendered JSON body is valid JSON, or rendering fails saying where it breaks.
    fn check_json(&self, body: &str) -> Result<(), RenderError> {
        let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(body) else {
            return Ok(());
        };
        Err(self.error(
            "body",
            SecretText::plain(format!(
                "the rendered body is not valid JSON: {} at line {}, column {} of the rendered body",
                json_error_reason(&error),
                error.line(),
                error.column()
            )),
            None,
            None,
        ))
    }
}

/// A secret standing as a bare JSON value is a string: its content is hidden and its
/// quotes kept, so the body shown is still JSON.
fn inside_quotes(body: &str, secret: Vec<Range<usize>>) -> Vec<Range<usize>> {
    secret
        .into_iter()
        .map(|r| match body.get(r.clone()) {
            Some(text) if text.len() >= 2 && text.starts_with('"') && text.ends_with('"') => {
                r.start + 1..r.end - 1
            }
            _ => r,
        })
        .collect()
}

/// serde_json's message without its " at line L column C" tail, which is said separately.
pub fn json_error_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}
