//! Errors that stop a command, each with its exit code and the context to say what went
//! wrong where. Problems inside files are [`Diagnostic`](crate::diagnostic::Diagnostic)s
//! instead, and the run goes on.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Exit codes, as actionlint's (SPEC §5).
pub mod exit {
    pub const OK: i32 = 0;
    /// Problems found: in a file, or a request that failed.
    pub const PROBLEMS: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const FATAL: i32 = 3;
    /// Stopped by Ctrl-C, as a shell reports a program killed by SIGINT.
    pub const INTERRUPTED: i32 = 130;
}

#[derive(Debug)]
pub enum Error {
    /// No path was given and there is no `./callactions.yaml`.
    NoDefaultFile,
    /// A path that can't be read: missing, not permitted.
    Read { path: PathBuf, source: io::Error },
    /// A file that can't be written.
    Write { path: PathBuf, source: io::Error },
    /// A file that changed while the command ran: it is not overwritten.
    Changed { path: PathBuf },
    /// A file the user made read-only: it is not written.
    ReadOnly { path: PathBuf },
    /// `--action NAME` names no action of the files read.
    UnknownAction {
        name: String,
        suggestion: Option<String>,
    },
    /// A selected action whose errors keep it from being built (its findings are shown).
    UnbuiltAction { name: String },
    /// A command-line value that does not fit, with what would.
    Usage { message: String, help: String },
    /// A payload file that is not a JSON object.
    Payload { path: PathBuf, message: String },
    /// A dotenv file with a line that is not `NAME=value`.
    EnvFile {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// A project file (`callactions.toml`) with problems, each at its place.
    Project {
        source: std::sync::Arc<crate::source::Source>,
        diagnostics: Vec<crate::diagnostic::Diagnostic>,
    },
    /// Writing to standard output failed for a reason other than a closed pipe.
    Stdout(io::Error),
    /// Writing to standard error failed.
    Stderr(io::Error),
    /// Reading an answer at a prompt failed.
    Prompt(io::Error),
    /// `listen` could not bind its address.
    Bind { address: String, source: io::Error },
    /// `listen`'s socket failed while serving.
    Serve { address: String, source: io::Error },
    /// Ctrl-C.
    Interrupted,
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::UnknownAction { .. } | Error::Usage { .. } => exit::USAGE,
            Error::Payload { .. }
            | Error::EnvFile { .. }
            | Error::Project { .. }
            | Error::UnbuiltAction { .. } => exit::PROBLEMS,
            Error::Interrupted => exit::INTERRUPTED,
            Error::NoDefaultFile
            | Error::Read { .. }
            | Error::Write { .. }
            | Error::Changed { .. }
            | Error::ReadOnly { .. }
            | Error::Stdout(_)
            | Error::Stderr(_)
            | Error::Prompt(_)
            | Error::Bind { .. }
            | Error::Serve { .. } => exit::FATAL,
        }
    }

    /// A closed pipe: the reader has what it wanted, and the run ends quietly.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, Error::Stdout(e) | Error::Stderr(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// A hint on how to fix it, shown under the message.
    pub fn help(&self) -> Option<String> {
        match self {
            Error::NoDefaultFile => Some(
                "give the files or folders to read, or run `callactions init` to create callactions.yaml"
                    .to_owned(),
            ),
            Error::Read { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                Some("check the path; a folder means every *.yaml and *.yml below it".to_owned())
            }
            Error::Write { source, .. } if source.kind() == io::ErrorKind::PermissionDenied => {
                Some("write to a folder you may write to, or change its permissions".to_owned())
            }
            Error::UnknownAction { .. } => {
                Some("`callactions render` with no selection lists every action".to_owned())
            }
            Error::UnbuiltAction { .. } => {
                Some("fix the errors above; `callactions validate` lists them".to_owned())
            }
            Error::Changed { .. } => {
                Some("run the command again: it starts from the file as it is now".to_owned())
            }
            Error::ReadOnly { .. } => {
                Some("make it writable (`chmod u+w`) if you mean to change it".to_owned())
            }
            Error::Usage { help, .. } => Some(help.clone()),
            Error::EnvFile { .. } => Some(
                "write each line as NAME=value (`export` and quotes allowed, `#` starts a comment)"
                    .to_owned(),
            ),
            Error::Bind { source, .. } if source.kind() == io::ErrorKind::AddrInUse => {
                Some("choose another with --port, or --port 0 for a free one".to_owned())
            }
            _ => None,
        }
    }
}

/// An I/O error's reason in a few words.
fn reason(source: &io::Error) -> String {
    match source.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::StorageFull => "no space left on the device".to_owned(),
        _ => source.to_string(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoDefaultFile => write!(f, "no callactions.yaml in the current folder"),
            Error::Read { path, source } => {
                write!(f, "cannot read {}: {}", path.display(), reason(source))
            }
            Error::Write { path, source } => {
                write!(f, "cannot write {}: {}", path.display(), reason(source))
            }
            Error::Changed { path } => write!(
                f,
                "{} changed while this ran, so it was not overwritten; nothing was written",
                path.display()
            ),
            Error::ReadOnly { path } => {
                write!(f, "{} is read-only, so nothing was written", path.display())
            }
            Error::UnknownAction { name, suggestion } => write!(
                f,
                "no action is named `{name}`{}",
                crate::suggestion::did_you_mean(suggestion.as_deref())
            ),
            Error::UnbuiltAction { name } => write!(
                f,
                "action `{name}` cannot be built: its errors keep the request from being made, so it is neither rendered nor sent"
            ),
            Error::Usage { message, .. } => f.write_str(message),
            Error::Payload { path, message } => write!(f, "{}: {message}", path.display()),
            Error::EnvFile {
                path,
                line: Some(line),
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
            Error::EnvFile { path, message, .. } => write!(f, "{}: {message}", path.display()),
            Error::Project { diagnostics, .. } => {
                let path = diagnostics.first().map(|d| d.path.display().to_string());
                let count = diagnostics.len();
                let problems = if count == 1 { "problem" } else { "problems" };
                write!(f, "{} has {count} {problems}", path.unwrap_or_default())
            }
            Error::Stdout(source) => {
                write!(f, "cannot write to standard output: {}", reason(source))
            }
            Error::Stderr(source) => {
                write!(f, "cannot write to standard error: {}", reason(source))
            }
            Error::Prompt(source) => write!(f, "cannot read the answer: {}", reason(source)),
            Error::Bind { address, source } if source.kind() == io::ErrorKind::AddrInUse => {
                write!(f, "cannot listen on {address}: the port is in use")
            }
            Error::Bind { address, source } => {
                write!(f, "cannot listen on {address}: {}", reason(source))
            }
            Error::Serve { address, source } => {
                write!(f, "stopped listening on {address}: {}", reason(source))
            }
            Error::Interrupted => f.write_str("interrupted"),
        }
    }
}

impl std::error::Error for Error {}
