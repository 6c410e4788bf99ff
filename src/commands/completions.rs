use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{Error, exit};
use crate::output::Streams;

pub fn run(shell: clap_complete::Shell, streams: &mut Streams) -> Result<i32, Error> {
    let script = script(shell);
    streams.out(|out, _| out.write_all(&script))?;
    Ok(exit::OK)
}

/// The completion script for `shell`, generated from the clap definition.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "callactions", &mut script);
    script
}
