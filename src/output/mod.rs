//! Everything that writes to the terminal: colour, and each output format. Domain modules
//! return values; only this layer decides how they look, and it masks every secret with
//! the [`Reveal`](crate::secrets::Reveal) its command was given.

pub mod config;
pub mod curl;
pub mod diagnostics;
pub mod events;
pub mod exchanges;
pub mod fixes;
pub mod github;
pub mod junit;
pub mod load;
pub mod load_html;
pub mod locust;
pub mod paint;
pub mod progress;
pub mod received;
pub mod requests;
pub mod rules;
pub mod sarif;
pub mod simulation;
pub mod text;
pub mod variables;
mod xml;

use std::io::{self, Write};

pub use paint::{ColorChoice, Paint};

use crate::error::Error;

/// Standard output and standard error, each with its own colour decision, so that
/// `2>file` gets no escape codes while the terminal still shows colour.
pub struct Streams {
    out: Box<dyn Write>,
    err: Box<dyn Write>,
    pub out_paint: Paint,
    pub err_paint: Paint,
    /// Standard error is a terminal: progress may be drawn there.
    pub err_is_terminal: bool,
}

impl Streams {
    pub fn stdio(choice: ColorChoice) -> Streams {
        use std::io::IsTerminal;
        let err_is_terminal = io::stderr().is_terminal();
        Streams {
            out: Box::new(io::BufWriter::new(io::stdout())),
            err: Box::new(io::BufWriter::new(io::stderr())),
            out_paint: Paint::decide(choice, io::stdout().is_terminal()),
            err_paint: Paint::decide(choice, err_is_terminal),
            err_is_terminal,
        }
    }

    /// Writes to standard output; a failure is [`Error::Stdout`].
    pub fn out(
        &mut self,
        write: impl FnOnce(&mut dyn Write, Paint) -> io::Result<()>,
    ) -> Result<(), Error> {
        write(&mut *self.out, self.out_paint).map_err(Error::Stdout)
    }

    /// Writes to standard error; a failure is [`Error::Stderr`].
    pub fn err(
        &mut self,
        write: impl FnOnce(&mut dyn Write, Paint) -> io::Result<()>,
    ) -> Result<(), Error> {
        write(&mut *self.err, self.err_paint).map_err(Error::Stderr)
    }

    /// A line on standard error; what it quotes from elsewhere cannot act on the terminal.
    pub fn note(&mut self, line: &str) -> Result<(), Error> {
        self.err(|err, _| writeln!(err, "{}", text::visible(line)))
    }

    /// A warning line on standard error.
    pub fn warn(&mut self, message: &str) -> Result<(), Error> {
        let message = text::visible(message);
        self.err(|err, paint| writeln!(err, "{}: {message}", paint.warning("warning")))
    }

    /// An error line on standard error.
    pub fn error(&mut self, message: &str) -> Result<(), Error> {
        let message = text::visible(message);
        self.err(|err, paint| writeln!(err, "{}: {message}", paint.error("error")))
    }

    /// An error with where it stands (`path:line:col`) and how to fix it.
    pub fn error_at(
        &mut self,
        message: &str,
        location: Option<String>,
        help: Option<&str>,
    ) -> Result<(), Error> {
        self.err(|err, paint| {
            let label = paint.error("error");
            diagnostics::note(err, paint, &label, message, location.as_deref(), help)
        })
    }

    /// A warning with where it stands and how to fix it.
    pub fn warn_at(
        &mut self,
        message: &str,
        location: Option<String>,
        help: Option<&str>,
    ) -> Result<(), Error> {
        self.err(|err, paint| {
            let label = paint.warning("warning");
            diagnostics::note(err, paint, &label, message, location.as_deref(), help)
        })
    }

    /// Flushes both streams, so what was written so far is seen now.
    pub fn flush(&mut self) -> Result<(), Error> {
        self.out.flush().map_err(Error::Stdout)?;
        self.err.flush().map_err(Error::Stderr)
    }
}
