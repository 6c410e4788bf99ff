//! A progress line on a terminal, redrawn in place and cleared before results are
//! printed, so the two never mix on screen.

use std::io::{self, Write};

/// Draws `[n/N] what…` over the current line.
pub fn draw(err: &mut dyn Write, done: usize, total: usize, what: &str) -> io::Result<()> {
    write!(err, "\r\x1b[2K[{done}/{total}] {what}…")?;
    err.flush()
}

/// Clears the line, and makes sure the terminal has seen it before anything else is
/// printed on standard output.
pub fn clear(err: &mut dyn Write) -> io::Result<()> {
    write!(err, "\r\x1b[2K")?;
    err.flush()
}
