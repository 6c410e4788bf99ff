//! Finds the action files a command was given and reads each one.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::action::ActionFile;
use crate::diagnostic::Diagnostic;
use crate::document;
use crate::error::Error;
use crate::rules::invalid_file::{self, MAX_FILE_SIZE};
use crate::source::{Pos, Source};

/// The files named default when no path is given, in the order they are looked for.
pub const DEFAULT_FILES: [&str; 2] = ["callactions.yaml", "callactions.yml"];

/// The files to read: each file given, and every `*.yaml`/`*.yml` below each directory
/// given (sorted, hidden folders skipped); `./callactions.yaml` when nothing is given.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    if paths.is_empty() {
        return DEFAULT_FILES
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
            .map(|p| vec![p])
            .ok_or(Error::NoDefaultFile);
    }
    let mut files = Vec::new();
    for path in paths {
        let metadata = fs::metadata(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        if metadata.is_dir() {
            let before = files.len();
            walk(path, &mut files)?;
            files[before..].sort();
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let io = |source| Error::Read {
        path: dir.to_owned(),
        source,
    };
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let kind = entry.file_type().map_err(io)?;
        if kind.is_dir() {
            if !hidden {
                walk(&path, files)?;
            }
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads and loads one file. Problems with its content are diagnostics; a file that
/// cannot be read at all is an error.
pub fn load(path: &Path) -> Result<(ActionFile, Vec<Diagnostic>), Error> {
    let io = |source| Error::Read {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    // One byte past the limit tells "too large" without reading a huge file.
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let refuse = |diagnostic: Diagnostic| {
        let file = ActionFile {
            path: path.to_owned(),
            source: Arc::new(Source::new(String::new())),
            declared: Default::default(),
            actions: Vec::new(),
        };
        Ok((
            file,
            vec![Diagnostic {
                path: path.to_owned(),
                ..diagnostic
            }],
        ))
    };
    if bytes.len() as u64 > MAX_FILE_SIZE {
        let size = fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return refuse(invalid_file::too_large(size));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return refuse(invalid_file::not_utf8(Pos::new(line, column)));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok(document::read(path, Arc::new(Source::new(text))))
}
