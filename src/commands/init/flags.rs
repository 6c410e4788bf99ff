//! The answers given as flags: each checked before any question is asked, so a bad flag
//! stops `init` at once (exit 2) whether or not the prompts would follow.

use super::answers;
use crate::action::{DEFAULT_METHOD, DEFAULT_TIMEOUT, Method};
use crate::action_writer::{self, Answers, Body};
use crate::cli::InitArgs;
use crate::error::Error;
use crate::event::Event;
use crate::template::body::looks_meant_as_json;

/// What the flags say, every value already checked; `None` where no flag was given.
pub struct Given {
    pub event: Option<Event>,
    pub name: Option<String>,
    pub method: Option<Method>,
    pub url: Option<String>,
    pub timeout: Option<u64>,
    /// The `--header`s, in order; empty when none was given.
    pub headers: Vec<(String, String)>,
    pub body: Option<Body>,
    pub yes: bool,
}

pub fn given(args: &InitArgs, taken: &[String]) -> Result<Given, Error> {
    let flag = |name: &str, help: &str| {
        let name = name.to_owned();
        let help = help.to_owned();
        move |message: String| Error::Usage {
            message: format!("{name}: {message}"),
            help,
        }
    };
    let name = match &args.name {
        Some(name) => {
            Some(answers::name(name, taken).map_err(flag("--name", "choose another name"))?)
        }
        None => None,
    };
    let url = match &args.url {
        Some(url) => Some(answers::url(url).map_err(flag(
            "--url",
            "an absolute http(s) URL; placeholders allowed",
        ))?),
        None => None,
    };
    let timeout = match &args.timeout {
        Some(text) => Some(
            answers::timeout(text)
                .map_err(flag("--timeout", "as in --timeout 15 or --timeout 10s"))?,
        ),
        None => None,
    };
    let mut headers = Vec::new();
    for text in &args.headers {
        headers.push(answers::header(text).map_err(flag(
            "--header",
            "as in --header 'Authorization: Bearer ${env.TOKEN}'",
        ))?);
    }
    Ok(Given {
        event: args.event,
        name,
        method: args.method,
        url,
        timeout,
        headers,
        body: body(args)?,
        yes: args.yes,
    })
}

fn body(args: &InitArgs) -> Result<Option<Body>, Error> {
    let given = args.body.is_some() || !args.body_vars.is_empty();
    if args.method == Some(Method::Get) && given {
        return Err(Error::Usage {
            message: "a GET sends no body".to_owned(),
            help: "drop --body/--body-vars, or use --method POST".to_owned(),
        });
    }
    if let Some(text) = &args.body {
        let text = answers::body(text).map_err(|message| Error::Usage {
            message: format!("--body: {message}"),
            help: "write `$${` for a literal `${`".to_owned(),
        })?;
        return Ok(Some(Body::Text(text)));
    }
    if !args.body_vars.is_empty() {
        // clap makes --body-vars require --event: the variables depend on it.
        let event = args.event.unwrap_or(Event::CallEnd);
        let body = action_writer::body_from_variables(event, &args.body_vars).map_err(|r| {
            Error::Usage {
                message: format!("--body-vars: {}", r.0),
                help: "`callactions payload EVENT --vars` lists them".to_owned(),
            }
        })?;
        return Ok(Some(Body::Text(body)));
    }
    Ok(args.default_body.then_some(Body::DefaultPayload))
}

/// The answers from flags alone, without a terminal: what no flag gives and has no
/// default is listed.
pub fn complete(given: Given, taken: &[String]) -> Result<Answers, Error> {
    let mut missing = Vec::new();
    if given.event.is_none() {
        missing.push("--event");
    }
    if given.url.is_none() {
        missing.push("--url");
    }
    if !given.yes {
        missing.push("--yes");
    }
    let (Some(event), Some(url), true) = (given.event, given.url, given.yes) else {
        return Err(Error::Usage {
            message: format!(
                "init needs answers it cannot ask for without a terminal: {}",
                missing.join(", ")
            ),
            help: "give them as flags; `callactions init --help` lists every flag".to_owned(),
        });
    };
    let method = given.method.unwrap_or(DEFAULT_METHOD);
    let body = match method {
        Method::Get => Body::DefaultPayload,
        _ => given.body.unwrap_or(Body::DefaultPayload),
    };
    let mut headers = given.headers;
    if needs_content_type(&headers, &body) {
        headers.insert(0, content_type());
    }
    Ok(Answers {
        event,
        name: given
            .name
            .unwrap_or_else(|| action_writer::suggest_name(event, taken)),
        method,
        url,
        timeout: given.timeout.unwrap_or(DEFAULT_TIMEOUT),
        headers,
        body,
    })
}

/// The platform requires `Content-Type: application/json` on a JSON body.
pub fn needs_content_type(headers: &[(String, String)], body: &Body) -> bool {
    matches!(body, Body::Text(text) if looks_meant_as_json(text))
        && !headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
}

pub fn content_type() -> (String, String) {
    ("Content-Type".to_owned(), "application/json".to_owned())
}
