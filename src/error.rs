//! Errors that stop a command, each with its exit code. Problems inside files are
//! [`Diagnostic`](crate::diagnostic::Diagnostic)s instead, and the run goes on.

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
}

#[derive(Debug)]
pub enum Error {
    /// No path was given and there is no `./callactions.yaml`.
    NoDefaultFile,
    /// A path that can't be read: missing, not permitted.
    Io { path: PathBuf, source: io::Error },
    /// `--action NAME` names no action of the files read.
    UnknownAction {
        name: String,
        suggestion: Option<String>,
    },
    /// A command-line value that does not fit, with what would.
    Usage { message: String, help: String },
    /// A payload file that is not a JSON object.
    Payload { path: PathBuf, message: String },
    /// Writing the output failed for a reason other than a closed pipe.
    Output(io::Error),
    /// `listen` could not bind its address.
    Listen { address: String, source: io::Error },
}

impl Error {
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::UnknownAction { .. } | Error::Usage { .. } => exit::USAGE,
            Error::Payload { .. } => exit::PROBLEMS,
            Error::NoDefaultFile | Error::Io { .. } | Error::Output(_) | Error::Listen { .. } => {
                exit::FATAL
            }
        }
    }

    /// A hint on how to fix it, shown under the message.
    pub fn help(&self) -> Option<String> {
        match self {
            Error::NoDefaultFile => Some(
                "give the files or folders to read, or run `callactions init` to create callactions.yaml"
                    .to_owned(),
            ),
            Error::Io { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                Some("check the path; a folder means every *.yaml and *.yml below it".to_owned())
            }
            Error::UnknownAction { .. } => {
                Some("`callactions render` with no selection lists every action".to_owned())
            }
            Error::Usage { help, .. } => Some(help.clone()),
            Error::Listen { source, .. } if source.kind() == io::ErrorKind::AddrInUse => {
                Some("choose another with --port, or --port 0 for a free one".to_owned())
            }
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoDefaultFile => {
                write!(f, "no callactions.yaml in the current folder")
            }
            Error::Io { path, source } => {
                let reason = match source.kind() {
                    io::ErrorKind::NotFound => "no such file or folder".to_owned(),
                    io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                    _ => source.to_string(),
                };
                write!(f, "cannot read {}: {reason}", path.display())
            }
            Error::UnknownAction { name, suggestion } => {
                write!(
                    f,
                    "no action is named `{name}`{}",
                    crate::suggestion::did_you_mean(suggestion.as_deref())
                )
            }
            Error::Usage { message, .. } => f.write_str(message),
            Error::Payload { path, message } => {
                write!(f, "{}: {message}", path.display())
            }
            Error::Output(source) => write!(f, "cannot write the output: {source}"),
            Error::Listen { address, source } if source.kind() == io::ErrorKind::AddrInUse => {
                write!(f, "cannot listen on {address}: the port is in use")
            }
            Error::Listen { address, source } => write!(f, "cannot listen on {address}: {source}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Error {
        Error::Output(error)
    }
}
