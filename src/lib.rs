//! callactions: author, preview, fire and validate call actions.
//!
//! The modules follow SPEC.md, in layers that only look down:
//! - the call: [`event`] and [`variable`] are the event table, [`payload`] the payloads
//!   built from it, [`call`] one coherent call, [`simulation`] a call walked through;
//! - action files: [`source`], [`yaml`], [`action`], [`document`] and [`loader`] read them;
//!   [`template`], [`url`] and [`header`] are what their values may hold; [`rules`],
//!   [`suppression`] and [`validate`] check them;
//! - requests: [`request`] renders one, [`secrets`] knows what in it is a credential,
//!   [`send`] sends it, [`runner`] does both for a command, [`receiver`] is `listen`'s end;
//! - the project: [`project`] (callactions.toml), [`env_file`], [`settings`] and [`policy`];
//! - load: [`load`], a campaign's calls at a rate;
//! - the front: [`output`] is all printing, [`commands`] one short function per command,
//!   [`cli`] the command line, [`lsp`] the language server.

// Errors and diagnostics are built once per problem and reported, never in a hot loop:
// their size is not worth boxing.
#![allow(clippy::result_large_err)]

pub mod action;
pub mod action_writer;
pub mod call;
pub mod check;
pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod document;
pub mod duration;
pub mod env_file;
pub mod error;
pub mod event;
pub mod file_read;
pub mod file_update;
pub mod fix;
pub mod header;
pub mod interrupt;
pub mod load;
pub mod loader;
pub mod lsp;
pub mod output;
pub mod payload;
pub mod policy;
pub mod project;
pub mod receiver;
pub mod request;
pub mod rules;
pub mod runner;
pub mod schema;
pub mod secrets;
pub mod send;
pub mod settings;
pub mod simulation;
pub mod source;
pub mod suggestion;
pub mod suppression;
pub mod template;
pub mod timestamp;
pub mod url;
pub mod validate;
pub mod variable;
pub mod workspace;
pub mod yaml;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};

use crate::error::{Error, exit};
use crate::output::Streams;

/// Runs the command line and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    // `COMPLETE=bash callactions`: the shell asks for completions of a command line.
    let completion =
        clap_complete::CompleteEnv::with_factory(<cli::Cli as clap::CommandFactory>::command)
            .try_complete(args.clone(), std::env::current_dir().ok().as_deref());
    match completion {
        Ok(true) => return exit::OK,
        Ok(false) => {}
        Err(error) => {
            let _ = error.print();
            return error.exit_code();
        }
    }
    let cli = match parse(&args) {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout with code 0, and usage errors with 2.
            let _ = error.print();
            return error.exit_code();
        }
    };
    let mut streams = Streams::stdio(cli.color);
    let code = match commands::run(cli.command, &mut streams) {
        Ok(code) => code,
        Err(error) if error.is_closed_pipe() => exit::OK,
        Err(error) => report(&mut streams, &error),
    };
    match streams.flush() {
        // `callactions payload call_end | head -1`: the reader has what it wanted.
        Err(error) if error.is_closed_pipe() => exit::OK,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "error: {error}");
            exit::FATAL
        }
        Ok(()) => code,
    }
}

/// Parses the command line, with clap's own messages coloured as the tool's output is:
/// the `--color` given (read before clap, which needs it to print its errors), then the
/// environment.
fn parse(args: &[OsString]) -> Result<cli::Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let choice = color_flag(args);
    let env = |name: &str| std::env::var(name).ok();
    let coloured = choice.enabled(std::io::stderr().is_terminal(), &env);
    let command = cli::Cli::command().color(if coloured {
        clap::ColorChoice::Always
    } else {
        clap::ColorChoice::Never
    });
    let matches = command.try_get_matches_from(args)?;
    cli::Cli::from_arg_matches(&matches)
}

/// The value of `--color` (as `--color X` or `--color=X`), the last one winning.
fn color_flag(args: &[OsString]) -> output::ColorChoice {
    use clap::ValueEnum;
    let mut choice = output::ColorChoice::Auto;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--color") {
            Some("") => words.next().map(|w| w.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(parsed) = value.and_then(|v| output::ColorChoice::from_str(&v, true).ok()) {
            choice = parsed;
        }
    }
    choice
}

/// The one place an error that stopped a command is said, and turned into its exit code.
fn report(streams: &mut Streams, error: &Error) -> i32 {
    if matches!(error, Error::Interrupted) && std::io::stderr().is_terminal() {
        // A prompt may have hidden the cursor; give the terminal back as it was.
        let _ = streams.err(|err, _| err.write_all(b"\x1b[?25h\n"));
    }
    if let Error::Project {
        source,
        diagnostics,
    } = error
    {
        let sources = diagnostics
            .iter()
            .map(|d| (d.path.clone(), std::sync::Arc::clone(source)))
            .collect();
        let _ =
            streams.err(|err, paint| output::diagnostics::human(err, paint, diagnostics, &sources));
    }
    let _ = streams.error(&error.to_string());
    if let Some(help) = error.help() {
        let _ = streams.err(|err, paint| writeln!(err, "  {}: {help}", paint.bold("help")));
    }
    error.exit_code()
}
