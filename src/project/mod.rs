//! The project file, `callactions.toml`: what every command reads when the command line
//! does not say — the paths, the payload, `--set` values, env files, rule levels, files
//! to skip, and named environments. Found in the current folder or a parent, as
//! `Cargo.toml` is; checked like an action file, each problem at its line and column.

mod config;
mod reader;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use config::{Environment, Globs, Placed, Project, RuleOverride, Set};

use crate::error::Error;
use crate::file_read::{Capped, MAX_FILE_SIZE, read_capped};
use crate::source::Source;

pub const FILE_NAME: &str = "callactions.toml";

/// The project file of the folder `start` or of its nearest parent that has one, as the
/// user would write it from the current folder (`callactions.toml`, `../callactions.toml`).
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(start).ok()?;
    let found = start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())?;
    let cwd = std::env::current_dir().ok();
    Some(cwd.map_or_else(|| found.clone(), |cwd| relative(&found, &cwd)))
}

/// `path` relative to the folder `from` (both absolute): `..` up to what they share.
fn relative(path: &Path, from: &Path) -> PathBuf {
    let (path_parts, from_parts): (Vec<_>, Vec<_>) =
        (path.components().collect(), from.components().collect());
    let shared = path_parts
        .iter()
        .zip(&from_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if shared == 0 {
        return path.to_owned();
    }
    let mut relative = PathBuf::new();
    for _ in shared..from_parts.len() {
        relative.push("..");
    }
    relative.extend(&path_parts[shared..]);
    relative
}

/// Reads and checks the project file at `path`: every problem is reported at once.
pub fn load(path: &Path) -> Result<Project, Error> {
    let bytes = match read_capped(path)? {
        Capped::Bytes(bytes) => bytes,
        Capped::TooLarge(_) => {
            return Err(Error::Usage {
                message: format!(
                    "{} is larger than {} MiB: not a project file",
                    path.display(),
                    MAX_FILE_SIZE / 1024 / 1024
                ),
                help: "name the project file with --config, or remove this one".to_owned(),
            });
        }
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let source = Arc::new(Source::new(text));
    // Canonical, so that the files a run finds (through `..`, through links) are matched
    // against the globs from the same folder.
    let root = std::fs::canonicalize(path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_owned))
        .unwrap_or_default();
    let (project, mut diagnostics) = reader::read(path, root, &source);
    diagnostics.sort();
    match diagnostics.is_empty() {
        true => Ok(project),
        false => Err(Error::Project {
            source,
            diagnostics,
        }),
    }
}
