//! The answers asked one by one at a terminal; a flag that was given is not asked again.
//! Every answer typed goes through the same check as its flag.

use dialoguer::theme::Theme;
use dialoguer::{Confirm, Input, MultiSelect, Select};

use super::answers;
use super::flags::{Given, content_type, needs_content_type};
use crate::action::{DEFAULT_METHOD, DEFAULT_TIMEOUT, Method};
use crate::action_writer::{self, Answers, Body};
use crate::error::Error;
use crate::event::Event;

pub fn ask(given: Given, taken: &[String], theme: &dyn Theme) -> Result<Answers, Error> {
    let event = match given.event {
        Some(event) => event,
        None => ask_event(theme)?,
    };
    let name = match given.name {
        Some(name) => name,
        None => Input::with_theme(theme)
            .with_prompt("Name")
            .default(action_writer::suggest_name(event, taken))
            .validate_with(|name: &String| answers::name(name, taken).map(|_| ()))
            .interact_text()
            .map_err(prompt_error)?,
    };
    let method = match given.method {
        Some(method) => method,
        None => ask_method(theme)?,
    };
    let url = match given.url {
        Some(url) => url,
        None => Input::with_theme(theme)
            .with_prompt("URL (variables allowed, as ${callInfo.callSid})")
            .validate_with(|url: &String| answers::url(url).map(|_| ()))
            .interact_text()
            .map_err(prompt_error)?,
    };
    let timeout = match given.timeout {
        Some(timeout) => timeout,
        None => ask_timeout(theme)?,
    };
    let body = match (method, given.body) {
        (Method::Get, _) => Body::DefaultPayload,
        (_, Some(body)) => body,
        (_, None) => ask_body(event, theme)?,
    };
    let headers = ask_headers(given.headers, &body, theme)?;
    Ok(Answers {
        event,
        name,
        method,
        url,
        timeout,
        headers,
        body,
    })
}

fn ask_timeout(theme: &dyn Theme) -> Result<u64, Error> {
    let text: String = Input::with_theme(theme)
        .with_prompt("Timeout (seconds, or as 10s)")
        .default(DEFAULT_TIMEOUT.to_string())
        .validate_with(|t: &String| answers::timeout(t).map(|_| ()))
        .interact_text()
        .map_err(prompt_error)?;
    // The prompt only takes what the check accepts.
    Ok(answers::timeout(&text).unwrap_or(DEFAULT_TIMEOUT))
}

/// The headers given as flags, or asked: the Content-Type a JSON body needs, a
/// credential from the environment, and any others.
fn ask_headers(
    given: Vec<(String, String)>,
    body: &Body,
    theme: &dyn Theme,
) -> Result<Vec<(String, String)>, Error> {
    let asked = given.is_empty();
    let mut headers = given;
    if needs_content_type(&headers, body)
        && Confirm::with_theme(theme)
            .with_prompt(
                "Add `Content-Type: application/json` (the platform requires it for JSON bodies)?",
            )
            .default(true)
            .interact()
            .map_err(prompt_error)?
    {
        headers.push(content_type());
    }
    if asked {
        ask_credential(&mut headers, theme)?;
        ask_more_headers(&mut headers, theme)?;
    }
    Ok(headers)
}

fn ask_event(theme: &dyn Theme) -> Result<Event, Error> {
    let items: Vec<String> = Event::ALL
        .iter()
        .map(|e| format!("{:<24}{}", e.name(), e.fires_when()))
        .collect();
    let chosen = Select::with_theme(theme)
        .with_prompt("Event")
        .items(&items)
        .default(0)
        .interact()
        .map_err(prompt_error)?;
    Ok(Event::ALL[chosen])
}

fn ask_method(theme: &dyn Theme) -> Result<Method, Error> {
    let names: Vec<&str> = Method::ALL.iter().map(|m| m.name()).collect();
    let default = Method::ALL
        .iter()
        .position(|m| *m == DEFAULT_METHOD)
        .unwrap_or(0);
    let chosen = Select::with_theme(theme)
        .with_prompt("Method")
        .items(&names)
        .default(default)
        .interact()
        .map_err(prompt_error)?;
    Ok(Method::ALL[chosen])
}

fn ask_body(event: Event, theme: &dyn Theme) -> Result<Body, Error> {
    let choices = [
        "the event's whole payload, as JSON (no body)",
        "JSON built from variables I pick",
        "my own text",
    ];
    let chosen = Select::with_theme(theme)
        .with_prompt("Body")
        .items(choices)
        .default(0)
        .interact()
        .map_err(prompt_error)?;
    match chosen {
        0 => Ok(Body::DefaultPayload),
        1 => {
            let offered = action_writer::body_variables(event);
            let items: Vec<&str> = offered.iter().map(|(path, _)| path.as_str()).collect();
            let picked = MultiSelect::with_theme(theme)
                .with_prompt("Variables (space to tick, enter when done)")
                .items(&items)
                .interact()
                .map_err(prompt_error)?;
            let chosen: Vec<String> = picked.into_iter().map(|i| offered[i].0.clone()).collect();
            if chosen.is_empty() {
                return Ok(Body::DefaultPayload);
            }
            // Every variable offered is one of the event's, so this cannot be refused.
            Ok(action_writer::body_from_variables(event, &chosen)
                .map_or(Body::DefaultPayload, Body::Text))
        }
        _ => Ok(Body::Text(
            Input::with_theme(theme)
                .with_prompt("Body")
                .validate_with(|text: &String| answers::body(text).map(|_| ()))
                .interact_text()
                .map_err(prompt_error)?,
        )),
    }
}

fn ask_credential(headers: &mut Vec<(String, String)>, theme: &dyn Theme) -> Result<(), Error> {
    let credentials = [
        "no credential",
        "Authorization: Bearer ${env.NAME}",
        "another header holding ${env.NAME}",
    ];
    let credential = Select::with_theme(theme)
        .with_prompt("Credential (read from the environment, never written in the file)")
        .items(credentials)
        .default(0)
        .interact()
        .map_err(prompt_error)?;
    if credential == 0 {
        return Ok(());
    }
    let variable: String = Input::with_theme(theme)
        .with_prompt("Environment variable holding it")
        .default("API_TOKEN".to_owned())
        .validate_with(|name: &String| answers::env_name(name).map(|_| ()))
        .interact_text()
        .map_err(prompt_error)?;
    if credential == 1 {
        headers.push((
            "Authorization".to_owned(),
            format!("Bearer ${{env.{variable}}}"),
        ));
    } else {
        let name = ask_header_name(theme, Some("X-Api-Key"))?;
        headers.push((name, format!("${{env.{variable}}}")));
    }
    Ok(())
}

fn ask_more_headers(headers: &mut Vec<(String, String)>, theme: &dyn Theme) -> Result<(), Error> {
    while Confirm::with_theme(theme)
        .with_prompt("Add another header?")
        .default(false)
        .interact()
        .map_err(prompt_error)?
    {
        let name = ask_header_name(theme, None)?;
        let value: String = Input::with_theme(theme)
            .with_prompt("Value (variables allowed)")
            .validate_with(|v: &String| answers::header_value(v).map(|_| ()))
            .interact_text()
            .map_err(prompt_error)?;
        headers.push((name, value));
    }
    Ok(())
}

fn ask_header_name(theme: &dyn Theme, default: Option<&str>) -> Result<String, Error> {
    let mut input = Input::with_theme(theme).with_prompt("Header name");
    if let Some(default) = default {
        input = input.default(default.to_owned());
    }
    input
        .validate_with(|n: &String| answers::header_name(n).map(|_| ()))
        .interact_text()
        .map_err(prompt_error)
}

/// A prompt's failure: Ctrl-C at a prompt in raw mode arrives as an interrupted read.
pub fn prompt_error(error: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = error;
    if io.kind() == std::io::ErrorKind::Interrupted || crate::interrupt::requested() {
        Error::Interrupted
    } else {
        Error::Prompt(io)
    }
}
