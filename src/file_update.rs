//! Writes a file so that nothing the user wrote is lost: the new text goes to a temporary
//! file beside it, which replaces it in one rename — under a lock, and only if the file is
//! still what was read. A symlink is written through to its target, permissions are kept,
//! a read-only file is refused, and a file with other hard links is rewritten in place so
//! the links stay one file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum Refused {
    /// The file is not what was read: someone changed it meanwhile.
    Changed,
    /// The file is read-only.
    ReadOnly,
    Io(io::Error),
}

impl From<io::Error> for Refused {
    fn from(error: io::Error) -> Refused {
        Refused::Io(error)
    }
}

/// Writes `text` to `path`, which held `expected` when it was read (`None`: it did not
/// exist, and must not now).
pub fn replace(path: &Path, expected: Option<&str>, text: &str) -> Result<(), Refused> {
    let Some(expected) = expected else {
        return create(path, text);
    };
    // Through a symlink, to the file it points to.
    let target = fs::canonicalize(path)?;
    let (mut file, metadata) = lock(&target)?;
    if metadata.permissions().readonly() {
        return Err(Refused::ReadOnly);
    }
    let mut current = Vec::new();
    file.read_to_end(&mut current)?;
    if current != expected.as_bytes() {
        return Err(Refused::Changed);
    }
    if links(&metadata) > 1 {
        return rewrite_in_place(&target, text);
    }
    let temporary = write_beside(&target, text, Some(&metadata))?;
    // The lock is held until the rename is done, so a second writer waits and then sees
    // the new file, not the one it read.
    fs::rename(&temporary, &target).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })?;
    Ok(())
}

/// A new file: it must not exist by the time it is written.
fn create(path: &Path, text: &str) -> Result<(), Refused> {
    let temporary = write_beside(path, text, None)?;
    // `hard_link` fails when `path` exists: no other writer's file is replaced.
    let linked = fs::hard_link(&temporary, path);
    let _ = fs::remove_file(&temporary);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(Refused::Changed),
        Err(e) => Err(Refused::Io(e)),
    }
}

/// Opens and locks `path`, making sure the file locked is still the one at `path` (a
/// writer before may have renamed a new one there).
fn lock(path: &Path) -> io::Result<(File, fs::Metadata)> {
    loop {
        let file = OpenOptions::new().read(true).open(path)?;
        file.lock()?;
        let locked = file.metadata()?;
        let now = fs::metadata(path)?;
        if same_file(&locked, &now) {
            return Ok((file, locked));
        }
    }
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn links(metadata: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    metadata.nlink()
}

#[cfg(not(unix))]
fn links(_: &fs::Metadata) -> u64 {
    1
}

/// The text in a temporary file beside `path`, flushed to disk, with `like`'s permissions.
fn write_beside(path: &Path, text: &str, like: Option<&fs::Metadata>) -> io::Result<PathBuf> {
    let directory = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = directory.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if let Some(metadata) = like {
            fs::set_permissions(&temporary, metadata.permissions())?;
        }
        Ok(())
    })();
    match written {
        Ok(()) => Ok(temporary),
        Err(error) => {
            let _ = fs::remove_file(&temporary);
            Err(error)
        }
    }
}

/// For a file with other hard links: the new text is first written beside it (so a full
/// disk fails before the file is touched), then into the file itself.
fn rewrite_in_place(path: &Path, text: &str) -> Result<(), Refused> {
    let temporary = write_beside(path, text, None)?;
    let _ = fs::remove_file(&temporary);
    let mut writable = OpenOptions::new().write(true).open(path)?;
    writable.set_len(0)?;
    writable.rewind()?;
    writable.write_all(text.as_bytes())?;
    writable.sync_all()?;
    Ok(())
}
