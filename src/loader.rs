//! Finds the action files a command was given and reads each one.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::action::ActionFile;
use crate::diagnostic::Diagnostic;
use crate::document;
use crate::error::Error;
use crate::file_read::{Capped, read_capped, read_capped_stdin};
use crate::rules::invalid_file;
use crate::source::{Pos, Source};

/// The files named default when no path is given, in the order they are looked for.
pub const DEFAULT_FILES: [&str; 2] = ["callactions.yaml", "callactions.yml"];

/// The path that names standard input.
pub const STDIN: &str = "-";
/// What diagnostics call standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// The files to read, and what was passed over on the way.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// Entries of the folders that look like action files but cannot be read as one (a
    /// FIFO, a broken link), or links back to a folder already read, with why.
    pub skipped: Vec<(PathBuf, &'static str)>,
}

/// The files to read: each file given, and every `*.yaml`/`*.yml` below each directory
/// given (sorted, hidden folders skipped, links to folders followed once); only regular
/// files are taken from a folder, so a FIFO never blocks the run. `./callactions.yaml`
/// when nothing is given; `-` is standard input. A file found in a folder is left out when
/// `skip` says so (the project file's `ignore`); a file named is always read.
pub fn discover(paths: &[PathBuf], skip: &dyn Fn(&Path) -> bool) -> Result<Discovered, Error> {
    let mut found = Discovered::default();
    if paths.is_empty() {
        let default = DEFAULT_FILES
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
            .ok_or(Error::NoDefaultFile)?;
        found.files.push(default);
        return Ok(found);
    }
    for path in paths {
        if path.as_os_str() == STDIN {
            found.files.push(path.clone());
            continue;
        }
        let metadata = fs::metadata(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        if metadata.is_dir() {
            let before = found.files.len();
            let mut seen = Vec::new();
            walk(path, &mut found, &mut seen, skip)?;
            found.files[before..].sort();
        } else {
            found.files.push(path.clone());
        }
    }
    Ok(found)
}

fn walk(
    dir: &Path,
    found: &mut Discovered,
    seen: &mut Vec<PathBuf>,
    skip: &dyn Fn(&Path) -> bool,
) -> Result<(), Error> {
    let io = |source| Error::Read {
        path: dir.to_owned(),
        source,
    };
    // A link may lead back up the tree: each real folder is read once.
    let real = fs::canonicalize(dir).map_err(io)?;
    if seen.contains(&real) {
        found
            .skipped
            .push((dir.to_owned(), "a link to a folder that is read already"));
        return Ok(());
    }
    seen.push(real);
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let is_yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        // Through links: what matters is what the link leads to.
        match fs::metadata(&path) {
            Ok(kind) if kind.is_dir() => walk(&path, found, seen, skip)?,
            Ok(_) if is_yaml && skip(&path) => {}
            Ok(kind) if is_yaml && kind.is_file() => found.files.push(path),
            Ok(_) if is_yaml => found.skipped.push((path, "not a regular file")),
            Err(_) if is_yaml => found.skipped.push((path, "a link to nothing")),
            _ => {}
        }
    }
    Ok(())
}

/// Reads and loads one file. Problems with its content are diagnostics; a file that
/// cannot be read at all is an error.
pub fn load(path: &Path) -> Result<(ActionFile, Vec<Diagnostic>), Error> {
    let (path, read) = match path.as_os_str() == STDIN {
        true => (Path::new(STDIN_NAME), read_capped_stdin()?),
        false => (path, read_capped(path)?),
    };
    let refuse = |diagnostic: Diagnostic| {
        let file = ActionFile {
            path: path.to_owned(),
            source: Arc::new(Source::new(String::new())),
            declared: Default::default(),
            actions: Vec::new(),
            unbuilt: Vec::new(),
        };
        Ok((
            file,
            vec![Diagnostic {
                path: path.to_owned(),
                ..diagnostic
            }],
        ))
    };
    let bytes = match read {
        Capped::Bytes(bytes) => bytes,
        Capped::TooLarge(size) => return refuse(invalid_file::too_large(size)),
    };
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
