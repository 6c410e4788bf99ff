//! One short function per command, composing the domain modules and the output layer.

mod common;
pub mod completions;
mod config;
mod events;
mod explain;
mod fire;
mod fix;
mod init;
mod listen;
mod load;
mod locust;
mod lsp;
mod payload;
mod render;
mod rules;
mod schema;
mod simulate;
mod validate;

use crate::cli::Command;
use crate::error::Error;
use crate::output::Streams;

/// Runs a parsed command; returns the exit code, or an error that stops it.
pub fn run(command: Command, streams: &mut Streams) -> Result<i32, Error> {
    match command {
        Command::Events { format } => events::run(format, streams),
        Command::Payload {
            event,
            vars,
            format,
        } => payload::run(event, vars, format, streams),
        Command::Render(args) => render::run(args, streams),
        Command::Validate(args) => validate::run(args, streams),
        Command::Fire(args) => fire::run(args, streams),
        Command::Listen(args) => listen::run(args, streams),
        Command::Simulate(args) => simulate::run(args, streams),
        Command::Load(args) => load::run(args, streams),
        Command::Config(args) => config::run(args, streams),
        Command::Completions { shell } => completions::run(shell, streams),
        Command::Rules { format } => rules::run(format, streams),
        Command::Explain { rule, format } => explain::run(&rule, format, streams),
        Command::Init(args) => init::run(args, streams),
        Command::Schema => schema::run(streams),
        Command::Lsp => lsp::run(),
    }
}
