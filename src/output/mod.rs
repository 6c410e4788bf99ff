//! Everything that writes to the terminal: colour, masking, and each output format.
//! Domain modules return values; only this layer decides how they look.

pub mod diagnostics;
pub mod exchanges;
pub mod github;
pub mod mask;
pub mod paint;
pub mod received;
pub mod requests;
pub mod sarif;
pub mod simulation;

use std::io::{self, Write};

pub use paint::{ColorChoice, Paint};

/// Standard output and standard error, each with its own colour decision, so that
/// `2>file` gets no escape codes while the terminal still shows colour.
pub struct Streams {
    pub out: Box<dyn Write>,
    pub err: Box<dyn Write>,
    pub out_paint: Paint,
    pub err_paint: Paint,
}

impl Streams {
    pub fn stdio(choice: ColorChoice) -> Streams {
        use std::io::IsTerminal;
        Streams {
            out: Box::new(io::BufWriter::new(io::stdout())),
            err: Box::new(io::BufWriter::new(io::stderr())),
            out_paint: Paint::decide(choice, io::stdout().is_terminal()),
            err_paint: Paint::decide(choice, io::stderr().is_terminal()),
        }
    }

    /// Writes a warning line to standard error.
    pub fn warn(&mut self, message: &str) -> io::Result<()> {
        let label = self.err_paint.warning("warning");
        writeln!(self.err, "{label}: {message}")
    }

    /// Writes an error line to standard error.
    pub fn error(&mut self, message: &str) -> io::Result<()> {
        let label = self.err_paint.error("error");
        writeln!(self.err, "{label}: {message}")
    }

    /// An error with where it stands (`path:line:col`) and how to fix it.
    pub fn error_at(
        &mut self,
        message: &str,
        location: Option<String>,
        help: Option<&str>,
    ) -> io::Result<()> {
        self.error(message)?;
        if let Some(location) = location {
            writeln!(self.err, "  {} {location}", self.err_paint.accent("-->"))?;
        }
        if let Some(help) = help {
            writeln!(self.err, "  {}: {help}", self.err_paint.bold("help"))?;
        }
        Ok(())
    }
}
