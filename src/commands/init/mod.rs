//! `init`: asks for each part of a new action (or takes it from flags), shows the request
//! it renders to, and writes it — appended to an existing file without touching a byte of
//! what was there.

mod answers;
mod flags;
mod prompts;

use std::io::{self, IsTerminal};
use std::path::Path;
use std::sync::Arc;

use dialoguer::Confirm;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use crate::action_writer::{self, Answers};
use crate::cli::InitArgs;
use crate::error::{Error, exit};
use crate::output::requests::{self, Shown};
use crate::output::{Paint, Streams, diagnostics};
use crate::secrets::Reveal;
use crate::source::Source;
use crate::{document, file_update, interrupt, payload, request};

pub fn run(args: InitArgs, streams: &mut Streams) -> Result<i32, Error> {
    let existing = read_existing(&args.file)?;
    let mut taken = Vec::new();
    if let Some(text) = &existing {
        let source = Arc::new(Source::new(text.clone()));
        let (file, found) = document::read(&args.file, Arc::clone(&source));
        taken = file.actions.into_iter().map(|a| a.name).collect();
        if found.iter().any(|d| d.is_error()) {
            let sources = [(args.file.clone(), source)].into_iter().collect();
            streams.err(|err, paint| diagnostics::human(err, paint, &found, &sources))?;
            streams.error(&format!(
                "{} is not a valid action file, so nothing was added; it was left as it was",
                args.file.display()
            ))?;
            return Ok(exit::PROBLEMS);
        }
    }
    let given = flags::given(&args, &taken)?;
    let interactive = io::stdin().is_terminal() && streams.err_is_terminal;
    let answers = if interactive {
        // Nothing is written before the last answer, so Ctrl-C leaves the file as it was.
        interrupt::catch();
        let theme: Box<dyn Theme> = if streams.err_paint == Paint::PLAIN {
            Box::new(SimpleTheme)
        } else {
            Box::new(ColorfulTheme::default())
        };
        prompts::ask(given, &taken, &*theme)?
    } else {
        flags::complete(given, &taken)?
    };

    let text = match &existing {
        None => action_writer::new_file(&answers),
        Some(existing) => match action_writer::append(existing, &answers) {
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
    if let Err(refusal) = action_writer::read_back(&text, &answers, taken.len()) {
        streams.error(&format!(
            "{}; {} was left as it was",
            refusal.0,
            args.file.display()
        ))?;
        return Ok(exit::FATAL);
    }
    if interactive && !confirm(&text, &args, streams)? {
        streams.note("nothing written")?;
        return Ok(exit::OK);
    }
    write(&args.file, &text, &answers, existing.is_some(), streams)
}

/// Shows the new action's request and asks before writing; `--yes` does not ask.
fn confirm(text: &str, args: &InitArgs, streams: &mut Streams) -> Result<bool, Error> {
    preview(text, &args.file, streams)?;
    streams.flush()?;
    if args.yes {
        return Ok(true);
    }
    let write = Confirm::new()
        .with_prompt(format!("Write this action to {}?", args.file.display()))
        .default(true)
        .interact()
        .map_err(prompts::prompt_error)?;
    if interrupt::requested() {
        return Err(Error::Interrupted);
    }
    Ok(write)
}

fn write(
    path: &Path,
    text: &str,
    answers: &Answers,
    appended: bool,
    streams: &mut Streams,
) -> Result<i32, Error> {
    if interrupt::requested() {
        return Err(Error::Interrupted);
    }
    file_update::replace(path, text).map_err(|source| Error::Write {
        path: path.to_owned(),
        source,
    })?;
    let verb = if appended {
        "added to"
    } else {
        "written to new file"
    };
    streams.note(&format!(
        "action `{}` {verb} {}",
        answers.name,
        path.display()
    ))?;
    Ok(exit::OK)
}

fn read_existing(path: &Path) -> Result<Option<String>, Error> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| Error::Usage {
                message: format!("{} is not UTF-8 text", path.display()),
                help: "init appends only to UTF-8 action files".to_owned(),
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Read {
            path: path.to_owned(),
            source,
        }),
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
        env: &|_| Some("****".to_owned()),
    };
    let event = action.event;
    streams.note(&format!(
        "\nThe request, rendered against the sample {event} payload:\n"
    ))?;
    match request::render(action, payload::sample_ref(event), &options) {
        Ok((rendered, _)) => {
            let shown = [Shown {
                request: &rendered,
                reveal: Reveal::Mask,
                file,
                line: action.span.start.line,
            }];
            streams.err(|err, paint| {
                requests::human(err, paint, &shown)?;
                writeln!(err)
            })?;
        }
        Err(error) => streams.warn(&error.describe(Reveal::Mask))?,
    }
    Ok(())
}
