//! callactions: author, preview, fire and validate call actions.
//!
//! The modules follow SPEC.md: [`event`] and [`variable`] are the event table, [`payload`]
//! the payloads built from it; [`action`], [`loader`], [`document`] and [`yaml`] read action
//! files; [`template`] and [`request`] turn an action into a request; [`rules`] and
//! [`diagnostic`] are what `validate` reports; [`output`] is all printing; [`commands`] holds
//! one short function per command, and [`cli`] the command line.

// Errors and diagnostics are built once per problem and reported, never in a hot loop:
// their size is not worth boxing.
#![allow(clippy::result_large_err)]

pub mod action;
pub mod call;
pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod document;
pub mod duration;
pub mod error;
pub mod event;
pub mod init;
pub mod loader;
pub mod output;
pub mod payload;
pub mod receiver;
pub mod request;
pub mod rules;
pub mod schema;
pub mod send;
pub mod simulation;
pub mod source;
pub mod suggestion;
pub mod suppression;
pub mod template;
pub mod timestamp;
pub mod validate;
pub mod variable;
pub mod workspace;
pub mod yaml;

use std::ffi::OsString;
use std::io::{ErrorKind, Write};

use clap::Parser;

use crate::error::{Error, exit};
use crate::output::Streams;

/// Runs the command line and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout with code 0, and usage errors with 2.
            let _ = error.print();
            return error.exit_code();
        }
    };
    let mut streams = Streams::stdio(cli.color);
    let result = commands::run(cli.command, &mut streams);
    let code = match result {
        Ok(code) => code,
        Err(Error::Output(e)) if e.kind() == ErrorKind::BrokenPipe => exit::OK,
        Err(error) => report(&mut streams, &error),
    };
    match streams.out.flush().and_then(|()| streams.err.flush()) {
        // `callactions payload call_end | head -1`: the reader has what it wanted.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => exit::OK,
        _ => code,
    }
}

fn report(streams: &mut Streams, error: &Error) -> i32 {
    let _ = streams.error(&error.to_string());
    if let Some(help) = error.help() {
        let label = streams.err_paint.bold("help");
        let _ = writeln!(streams.err, "  {label}: {help}");
    }
    error.exit_code()
}
