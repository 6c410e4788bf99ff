//! `init`: asks for each part of a new action (or takes it from flags), shows its
//! findings and the request it renders to, and writes it — appended to an existing file
//! without touching a byte of what was there.

mod answers;
mod flags;
mod prompts;

use std::io::{self, IsTerminal};
use std::path::Path;
use std::sync::Arc;

use dialoguer::Confirm;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use crate::action_writer::{self, Answers};
use crate::check::{self, Checked, Policy};
use crate::cli::InitArgs;
use crate::error::{Error, exit};
use crate::file_read::{Capped, read_capped};
use crate::output::requests::{self, Shown};
use crate::output::{Paint, Streams, diagnostics};
use crate::schema::SCHEMA_FILE;
use crate::secrets::Reveal;
use crate::settings::{Flags, Settings};
use crate::source::{Source, sources};
use crate::{interrupt, payload, request};

pub fn run(args: InitArgs, streams: &mut Streams) -> Result<i32, Error> {
    // The project's env files and rule levels judge the new action as every command would.
    let settings = Settings::resolve(Flags::default())?;
    let env = settings.env_lookup();
    let policy = settings.policy(&env);
    let existing = read_existing(&args.file)?;
    // A file the user made read-only is refused before any question.
    if existing.is_some() && is_read_only(&args.file) {
        return Err(Error::ReadOnly {
            path: args.file.clone(),
        });
    }
    let Some(taken) = names_taken(&args.file, existing.as_deref(), &policy, streams)? else {
        return Ok(exit::PROBLEMS);
    };
    let given = flags::given(&args, &taken)?;
    let interactive = io::stdin().is_terminal() && streams.err_is_terminal;
    let theme: Box<dyn Theme> = if streams.err_paint == Paint::PLAIN {
        Box::new(SimpleTheme)
    } else {
        Box::new(ColorfulTheme::default())
    };
    let answers = if interactive {
        // Nothing is written before the last answer, so Ctrl-C leaves the file as it was.
        interrupt::catch();
        prompts::ask(given, &taken, &*theme)?
    } else {
        flags::complete(given, &taken)?
    };
    let text = match result(&args.file, existing.as_deref(), &answers) {
        Ok(text) => text,
        Err((message, code)) => {
            streams.error(&message)?;
            return Ok(code);
        }
    };
    // The result as every command will read it: the same findings, the same verdict.
    let checked = check::source(&args.file, Arc::new(Source::new(text.clone())), &policy);
    show_findings(&checked, streams)?;
    let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
    if interactive {
        preview(&checked, &args.file, &env, streams)?;
    }
    if errors > 0 && !(interactive && write_anyway(errors, &*theme)?) {
        streams.error(&format!(
            "the action would have {}, so nothing was written",
            diagnostics::plural(errors, "error")
        ))?;
        return Ok(exit::PROBLEMS);
    }
    if interactive && errors == 0 && !confirm(&args, &*theme)? {
        streams.note("nothing written")?;
        return Ok(exit::OK);
    }
    let schema = existing.is_none() && wants_schema(&args, interactive, &*theme)?;
    write(&args.file, existing.as_deref(), &text, &answers, streams)?;
    if schema {
        write_schema(&args.file, streams)?;
    }
    Ok(exit::OK)
}

/// The names the file's actions have; `None`, with its findings shown, when the file is
/// not a valid action file (nothing is added to it).
fn names_taken(
    path: &Path,
    existing: Option<&str>,
    policy: &Policy<'_>,
    streams: &mut Streams,
) -> Result<Option<Vec<String>>, Error> {
    let Some(text) = existing else {
        return Ok(Some(Vec::new()));
    };
    let checked = check::source(path, Arc::new(Source::new(text.to_owned())), policy);
    if !checked.diagnostics.iter().any(|d| d.is_error()) {
        return Ok(Some(
            checked
                .file
                .actions
                .iter()
                .map(|a| a.name.clone())
                .collect(),
        ));
    }
    show_findings(&checked, streams)?;
    streams.error(&format!(
        "{} is not a valid action file, so nothing was added; it was left as it was",
        path.display()
    ))?;
    Ok(None)
}

/// The file as it would be written, read back: or why not, with the exit code.
fn result(path: &Path, existing: Option<&str>, answers: &Answers) -> Result<String, (String, i32)> {
    let text = match existing {
        None => action_writer::new_file(answers),
        Some(existing) => action_writer::append(existing, answers).map_err(|refusal| {
            let message = format!(
                "cannot add the action to {}: {}; it was left as it was",
                path.display(),
                refusal.0
            );
            (message, exit::PROBLEMS)
        })?,
    };
    action_writer::read_back(&text, answers, existing).map_err(|refusal| {
        let message = format!("{}; {} was left as it was", refusal.0, path.display());
        (message, exit::FATAL)
    })?;
    Ok(text)
}

fn show_findings(checked: &Checked, streams: &mut Streams) -> Result<(), Error> {
    let sources = sources([(checked.file.path.as_path(), &checked.file.source)]);
    streams.err(|err, paint| diagnostics::human(err, paint, &checked.diagnostics, &sources))
}

/// Asks before writing; `--yes` does not ask.
fn confirm(args: &InitArgs, theme: &dyn Theme) -> Result<bool, Error> {
    if args.yes {
        return Ok(true);
    }
    ask_yes_no(
        theme,
        &format!("Write this action to {}?", args.file.display()),
        true,
    )
}

fn write_anyway(errors: usize, theme: &dyn Theme) -> Result<bool, Error> {
    ask_yes_no(
        theme,
        &format!(
            "The action has {} (above); write it anyway?",
            diagnostics::plural(errors, "error")
        ),
        false,
    )
}

/// Whether to write the schema beside a new file: `--schema`, or asked at a terminal
/// when there is none there yet.
fn wants_schema(args: &InitArgs, interactive: bool, theme: &dyn Theme) -> Result<bool, Error> {
    let beside = schema_path(&args.file);
    if args.schema || beside.exists() || !interactive {
        return Ok(args.schema);
    }
    ask_yes_no(
        theme,
        &format!("Also write {SCHEMA_FILE} beside it, so editors complete and check the keys?"),
        true,
    )
}

fn ask_yes_no(theme: &dyn Theme, question: &str, default: bool) -> Result<bool, Error> {
    let answer = Confirm::with_theme(theme)
        .with_prompt(question)
        .default(default)
        .interact()
        .map_err(prompts::prompt_error)?;
    if interrupt::requested() {
        return Err(Error::Interrupted);
    }
    Ok(answer)
}

fn schema_path(file: &Path) -> std::path::PathBuf {
    file.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(SCHEMA_FILE)
}

fn write(
    path: &Path,
    existing: Option<&str>,
    text: &str,
    answers: &Answers,
    streams: &mut Streams,
) -> Result<(), Error> {
    if interrupt::requested() {
        return Err(Error::Interrupted);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: path.to_owned(),
            source,
        })?;
    }
    super::common::update(path, existing, text)?;
    let verb = if existing.is_some() {
        "added to"
    } else {
        "written to new file"
    };
    streams.note(&format!(
        "action `{}` {verb} {}",
        answers.name,
        path.display()
    ))
}

fn write_schema(file: &Path, streams: &mut Streams) -> Result<(), Error> {
    let path = schema_path(file);
    let mut text = serde_json::to_string_pretty(&crate::schema::schema()).unwrap_or_default();
    text.push('\n');
    let existing = std::fs::read_to_string(&path).ok();
    super::common::update(&path, existing.as_deref(), &text)?;
    streams.note(&format!("the schema written to {}", path.display()))
}

fn is_read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// The file to append to, or `None` when there is none yet.
fn read_existing(path: &Path) -> Result<Option<String>, Error> {
    let bytes = match read_capped(path) {
        Ok(Capped::Bytes(bytes)) => bytes,
        Ok(Capped::TooLarge(_)) => {
            return Err(Error::Usage {
                message: format!("{} is larger than an action file may be", path.display()),
                help: "init appends to action files of 4 MiB at most".to_owned(),
            });
        }
        Err(Error::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(error) => return Err(error),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Error::Usage {
            message: format!("{} is not UTF-8 text", path.display()),
            help: "init appends only to UTF-8 action files".to_owned(),
        })
}

/// The new action rendered against its event's sample payload with the environment's
/// values, masked when shown, on standard error.
fn preview(
    checked: &Checked,
    file: &Path,
    env: &(dyn Fn(&str) -> Option<String> + Sync),
    streams: &mut Streams,
) -> Result<(), Error> {
    let Some(action) = checked.file.actions.last() else {
        return Ok(());
    };
    // The environment's values where they are set, so a base URL shows where the request
    // goes; a stand-in where one is not (its `env-missing` finding is above).
    let options = request::Options {
        env: &|name| env(name).or_else(|| Some(crate::secrets::MASK.to_owned())),
    };
    let event = action.event;
    streams.note(&format!(
        "\nThe request, rendered against the sample {event} payload:\n"
    ))?;
    match request::render(action, payload::sample_ref(event), &options) {
        Ok((rendered, warnings)) => {
            for warning in &warnings {
                streams.warn(&warning.message)?;
            }
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
        Err(error) => {
            let help = error.help.clone().unwrap_or_default();
            streams.warn(&format!("{} ({help})", error.describe(Reveal::Mask)))?;
        }
    }
    streams.flush()
}
