//! `init`: asks for each part of a new action (or takes it from flags), shows the request
//! it renders to, and writes it — appended to an existing file without touching a byte of
//! what was there, through a temporary file and a rename.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Select};

use crate::action::{DEFAULT_METHOD, DEFAULT_TIMEOUT, Method, TIMEOUT_RANGE, is_valid_name};
use crate::cli::InitArgs;
use crate::error::{Error, exit};
use crate::event::Event;
use crate::init::{self, Answers, Body};
use crate::output::Streams;
use crate::output::requests::{self, Shown};
use crate::rules::{invalid_header, invalid_url};
use crate::source::Source;
use crate::template::Template;
use crate::{document, payload, request};

pub fn run(args: InitArgs, streams: &mut Streams) -> Result<i32, Error> {
    let existing = read_existing(&args.file)?;
    let mut taken = Vec::new();
    if let Some(text) = &existing {
        let (file, diagnostics) = document::read(&args.file, Arc::new(Source::new(text.clone())));
        taken = file.actions.into_iter().map(|a| a.name).collect();
        if diagnostics.iter().any(|d| d.is_error()) {
            let sources = [(args.file.clone(), Arc::new(Source::new(text.clone())))]
                .into_iter()
                .collect();
            crate::output::diagnostics::human(
                &mut streams.err,
                streams.err_paint,
                &diagnostics,
                &sources,
            )?;
            streams.error(&format!(
                "{} is not a valid action file, so nothing was added; it was left as it was",
                args.file.display()
            ))?;
            return Ok(exit::PROBLEMS);
        }
    }
    let interactive = io::stdin().is_terminal() && io::stderr().is_terminal();
    if interactive {
        // Ctrl-C leaves the file as it was (nothing is written before the last answer); put
        // back the cursor a prompt may have hidden.
        let _ = ctrlc::set_handler(cancel);
    }
    let answers = if interactive {
        let theme: Box<dyn Theme> = if streams.err_paint == crate::output::Paint::PLAIN {
            Box::new(SimpleTheme)
        } else {
            Box::new(ColorfulTheme::default())
        };
        ask(&args, &taken, &*theme).map_err(prompt_error)?
    } else {
        from_flags(&args, &taken)?
    };

    let text = match &existing {
        None => init::new_file(&answers),
        Some(existing) => match init::append(existing, &answers) {
            Ok(text) => text,
            Err(refusal) => {
                streams.error(&format!(
                    "cannot add the action to {}: {}; it was left as it was",
                    args.file.display(),
                    refusal.0
                ))?;
                return Ok(exit::PROBLEMS);
            }
        },
    };
    if let Err(refusal) = init::check(&text, &answers, taken.len()) {
        streams.error(&format!(
            "{}; {} was left as it was",
            refusal.0,
            args.file.display()
        ))?;
        return Ok(exit::FATAL);
    }
    if interactive {
        preview(&text, &args.file, streams)?;
        streams.err.flush()?;
        if !args.yes {
            let write = Confirm::new()
                .with_prompt(format!("Write this action to {}?", args.file.display()))
                .default(true)
                .interact()
                .map_err(prompt_error)?;
            if !write {
                writeln!(streams.err, "nothing written")?;
                return Ok(exit::OK);
            }
        }
    }
    write_atomically(&args.file, &text).map_err(|source| Error::Io {
        path: args.file.clone(),
        source,
    })?;
    let verb = if existing.is_some() {
        "added to"
    } else {
        "written to new file"
    };
    writeln!(
        streams.err,
        "action `{}` {verb} {}",
        answers.name,
        args.file.display()
    )?;
    Ok(exit::OK)
}

fn read_existing(path: &Path) -> Result<Option<String>, Error> {
    match fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| Error::Usage {
                message: format!("{} is not UTF-8 text", path.display()),
                help: "init appends only to UTF-8 action files".to_owned(),
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// The answers, from flags alone: what no flag gives and has no default is listed.
fn from_flags(args: &InitArgs, taken: &[String]) -> Result<Answers, Error> {
    let mut missing = Vec::new();
    if args.event.is_none() {
        missing.push("--event");
    }
    if args.url.is_none() {
        missing.push("--url");
    }
    if !args.yes {
        missing.push("--yes");
    }
    if !missing.is_empty() {
        return Err(usage(
            format!(
                "init needs answers it cannot ask for without a terminal: {}",
                missing.join(", ")
            ),
            "give them as flags; `callactions init --help` lists every flag",
        ));
    }
    let event = args.event.unwrap_or(Event::CallEnd);
    let name = match &args.name {
        Some(name) => check_name(name, taken)
            .map_err(|m| usage(format!("--name: {m}"), "choose another name"))?,
        None => init::suggest_name(event, taken),
    };
    let method = args.method.unwrap_or(DEFAULT_METHOD);
    let url = args.url.clone().unwrap_or_default();
    check_url(&url).map_err(|m| {
        usage(
            format!("--url: {m}"),
            "an absolute http(s) URL; placeholders allowed",
        )
    })?;
    let body = body_from_flags(args, event, method)?;
    let mut headers = Vec::new();
    for header in &args.headers {
        let (name, value) = header.split_once(':').ok_or_else(|| {
            usage(
                format!("--header {header}: not NAME:VALUE"),
                "as in --header 'Authorization: Bearer ${env.TOKEN}'",
            )
        })?;
        let name = name.trim();
        if !invalid_header::is_valid_name(name) {
            return Err(usage(
                format!("--header: `{name}` is not a valid header name"),
                "header names are letters, digits and `-`",
            ));
        }
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    add_content_type(&mut headers, &body);
    Ok(Answers {
        event,
        name,
        method,
        url,
        timeout: args.timeout.unwrap_or(DEFAULT_TIMEOUT),
        headers,
        body,
    })
}

fn body_from_flags(args: &InitArgs, event: Event, method: Method) -> Result<Body, Error> {
    let given = args.body.is_some() || !args.body_vars.is_empty();
    if method == Method::Get && given {
        return Err(usage(
            "a GET sends no body".to_owned(),
            "drop --body/--body-vars, or use --method POST",
        ));
    }
    if let Some(text) = &args.body {
        Template::parse(text).map_err(|e| usage(format!("--body: {}", e.message), &e.help))?;
        return Ok(Body::Text(text.clone()));
    }
    if !args.body_vars.is_empty() {
        let body = init::body_from_variables(event, &args.body_vars).map_err(|r| {
            usage(
                format!("--body-vars: {}", r.0),
                "`callactions payload EVENT --vars` lists them",
            )
        })?;
        return Ok(Body::Text(body));
    }
    Ok(Body::DefaultPayload)
}

/// The platform requires `Content-Type: application/json` on a JSON body: added when the
/// body is JSON and no Content-Type was given.
fn add_content_type(headers: &mut Vec<(String, String)>, body: &Body) {
    let is_json = matches!(body, Body::Text(text) if crate::rules::invalid_json_body::looks_meant_as_json(text));
    if is_json
        && !headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
    {
        headers.insert(
            0,
            ("Content-Type".to_owned(), "application/json".to_owned()),
        );
    }
}

/// The answers, asked one by one; a flag that was given is not asked again.
fn ask(args: &InitArgs, taken: &[String], theme: &dyn Theme) -> dialoguer::Result<Answers> {
    let event = match args.event {
        Some(event) => event,
        None => {
            let items: Vec<String> = Event::ALL
                .iter()
                .map(|e| format!("{:<24}{}", e.name(), e.fires_when()))
                .collect();
            Event::ALL[Select::with_theme(theme)
                .with_prompt("Event")
                .items(&items)
                .default(0)
                .interact()?]
        }
    };
    let name = match &args.name {
        Some(name) => name.clone(),
        None => Input::with_theme(theme)
            .with_prompt("Name")
            .default(init::suggest_name(event, taken))
            .validate_with(|name: &String| check_name(name, taken).map(|_| ()))
            .interact_text()?,
    };
    let method = match args.method {
        Some(method) => method,
        None => {
            let names: Vec<&str> = Method::ALL.iter().map(|m| m.name()).collect();
            let default = Method::ALL
                .iter()
                .position(|m| *m == DEFAULT_METHOD)
                .unwrap_or(0);
            Method::ALL[Select::with_theme(theme)
                .with_prompt("Method")
                .items(&names)
                .default(default)
                .interact()?]
        }
    };
    let url = match &args.url {
        Some(url) => url.clone(),
        None => Input::with_theme(theme)
            .with_prompt("URL (variables allowed, as ${callInfo.callSid})")
            .validate_with(|url: &String| check_url(url))
            .interact_text()?,
    };
    let timeout = match args.timeout {
        Some(timeout) => timeout,
        None => Input::with_theme(theme)
            .with_prompt("Timeout in seconds")
            .default(DEFAULT_TIMEOUT)
            .validate_with(|t: &u64| {
                if TIMEOUT_RANGE.contains(t) {
                    Ok(())
                } else {
                    Err("a whole number from 1 to 60")
                }
            })
            .interact_text()?,
    };
    let body = if method == Method::Get {
        Body::DefaultPayload
    } else if args.body.is_some() || !args.body_vars.is_empty() || args.default_body {
        body_from_flags(args, event, method).unwrap_or(Body::DefaultPayload)
    } else {
        ask_body(event, theme)?
    };
    let mut headers: Vec<(String, String)> = args
        .headers
        .iter()
        .filter_map(|h| {
            h.split_once(':')
                .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        })
        .collect();
    let is_json = matches!(&body, Body::Text(text) if crate::rules::invalid_json_body::looks_meant_as_json(text));
    if is_json
        && !headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
        && Confirm::with_theme(theme)
            .with_prompt(
                "Add `Content-Type: application/json` (the platform requires it for JSON bodies)?",
            )
            .default(true)
            .interact()?
    {
        headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
    }
    if args.headers.is_empty() {
        ask_headers(&mut headers, theme)?;
    }
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

fn ask_body(event: Event, theme: &dyn Theme) -> dialoguer::Result<Body> {
    let choices = [
        "the event's whole payload, as JSON (no body)",
        "JSON built from variables I pick",
        "my own text",
    ];
    match Select::with_theme(theme)
        .with_prompt("Body")
        .items(choices)
        .default(0)
        .interact()?
    {
        0 => Ok(Body::DefaultPayload),
        1 => {
            let offered = init::body_variables(event);
            let items: Vec<&str> = offered.iter().map(|(path, _)| path.as_str()).collect();
            let picked = MultiSelect::with_theme(theme)
                .with_prompt("Variables (space to tick, enter when done)")
                .items(&items)
                .interact()?;
            let chosen: Vec<String> = picked.into_iter().map(|i| offered[i].0.clone()).collect();
            if chosen.is_empty() {
                return Ok(Body::DefaultPayload);
            }
            Ok(init::body_from_variables(event, &chosen).map_or(Body::DefaultPayload, Body::Text))
        }
        _ => Ok(Body::Text(
            Input::with_theme(theme)
                .with_prompt("Body")
                .validate_with(|text: &String| {
                    Template::parse(text).map(|_| ()).map_err(|e| e.message)
                })
                .interact_text()?,
        )),
    }
}

fn ask_headers(headers: &mut Vec<(String, String)>, theme: &dyn Theme) -> dialoguer::Result<()> {
    let credentials = [
        "no credential",
        "Authorization: Bearer ${env.NAME}",
        "another header holding ${env.NAME}",
    ];
    let credential = Select::with_theme(theme)
        .with_prompt("Credential (read from the environment, never written in the file)")
        .items(credentials)
        .default(0)
        .interact()?;
    if credential > 0 {
        let variable: String = Input::with_theme(theme)
            .with_prompt("Environment variable holding it")
            .default("API_TOKEN".to_owned())
            .validate_with(|name: &String| {
                let ok = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if ok {
                    Ok(())
                } else {
                    Err("letters, digits and `_`, as in CRM_TOKEN")
                }
            })
            .interact_text()?;
        if credential == 1 {
            headers.push((
                "Authorization".to_owned(),
                format!("Bearer ${{env.{variable}}}"),
            ));
        } else {
            let name: String = Input::with_theme(theme)
                .with_prompt("Header name")
                .default("X-Api-Key".to_owned())
                .validate_with(|n: &String| header_name(n))
                .interact_text()?;
            headers.push((name, format!("${{env.{variable}}}")));
        }
    }
    while Confirm::with_theme(theme)
        .with_prompt("Add another header?")
        .default(false)
        .interact()?
    {
        let name: String = Input::with_theme(theme)
            .with_prompt("Header name")
            .validate_with(|n: &String| header_name(n))
            .interact_text()?;
        let value: String = Input::with_theme(theme)
            .with_prompt("Value (variables allowed)")
            .validate_with(|v: &String| Template::parse(v).map(|_| ()).map_err(|e| e.message))
            .interact_text()?;
        headers.push((name, value));
    }
    Ok(())
}

fn header_name(name: &str) -> Result<(), &'static str> {
    if invalid_header::is_valid_name(name) {
        Ok(())
    } else {
        Err("letters, digits and `-`")
    }
}

fn check_name(name: &str, taken: &[String]) -> Result<String, String> {
    if !is_valid_name(name) {
        return Err(format!(
            "`{name}` is not a valid name: use letters, digits, `-` and `_`"
        ));
    }
    if taken.iter().any(|t| t == name) {
        return Err(format!("the file already has an action named `{name}`"));
    }
    Ok(name.to_owned())
}

fn check_url(url: &str) -> Result<(), String> {
    let template = Template::parse(url).map_err(|e| e.message)?;
    match invalid_url::check(&template) {
        Some(problem) => Err(problem.message),
        None => Ok(()),
    }
}

/// The new action rendered against its event's sample payload, on standard error.
fn preview(text: &str, file: &Path, streams: &mut Streams) -> Result<(), Error> {
    let (loaded, _) = document::read(file, Arc::new(Source::new(text.to_owned())));
    let Some(action) = loaded.actions.last() else {
        return Ok(());
    };
    // Credentials are not needed to preview: they are masked anyway.
    let options = request::Options {
        strict: false,
        env: &|_| Some("****".to_owned()),
    };
    writeln!(
        streams.err,
        "\nThe request, rendered against the sample {} payload:\n",
        action.event
    )?;
    match request::render(action, payload::sample_ref(action.event), &options) {
        Ok((rendered, _)) => {
            let masked = crate::output::mask::masked(&rendered, false);
            let shown = [Shown {
                request: &masked,
                file,
                line: action.span.start.line,
            }];
            requests::human(&mut streams.err, streams.err_paint, &shown)?;
        }
        Err(error) => streams.warn(&error.to_string())?,
    }
    writeln!(streams.err)?;
    Ok(())
}

/// Writes beside the file, then renames over it: the file is never half written.
fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let directory = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = directory.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if let Ok(metadata) = fs::metadata(path) {
            fs::set_permissions(&temporary, metadata.permissions())?;
        }
        fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

fn usage(message: String, help: &str) -> Error {
    Error::Usage {
        message,
        help: help.to_owned(),
    }
}

fn prompt_error(error: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = error;
    // Ctrl-C at a prompt in raw mode arrives as an interrupted read, racing the signal
    // handler: either way, the user cancelled.
    if io.kind() == io::ErrorKind::Interrupted {
        cancel();
    }
    Error::Output(io)
}

/// Ctrl-C: nothing has been written yet, so the file is as it was; show the cursor a
/// selection prompt hides, and stop as an interrupted program does.
fn cancel() {
    let _ = io::stderr().write_all(b"\x1b[?25h\n");
    std::process::exit(130);
}
