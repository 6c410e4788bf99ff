//! Reads a file within a size cap, so no file the user points at — a huge one, a device,
//! a FIFO that never ends — can make a run grow without bound.

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::error::Error;

/// Action files are small; anything this large is a mistake, and is refused unread.
pub const MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;

/// What reading a file within [`MAX_FILE_SIZE`] came to.
pub enum Capped {
    Bytes(Vec<u8>),
    /// More than the cap: its size when the file says it, else `None` (a FIFO, a device).
    TooLarge(Option<u64>),
}

/// Reads at most [`MAX_FILE_SIZE`] bytes of a file (action file, payload, the file `init`
/// appends to): one byte more tells it is too large, without reading a huge file or a
/// device that never ends.
pub fn read_capped(path: &Path) -> Result<Capped, Error> {
    let io = |source| Error::Read {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    // Sized from the file's own length when it has one (a FIFO says 0), so the read is
    // one call rather than a growing buffer.
    let hint = file
        .metadata()
        .map_or(0, |m| m.len().min(MAX_FILE_SIZE) as usize + 1);
    let mut bytes = Vec::with_capacity(hint);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 <= MAX_FILE_SIZE {
        return Ok(Capped::Bytes(bytes));
    }
    let size = fs::metadata(path)
        .ok()
        .map(|m| m.len())
        .filter(|size| *size > MAX_FILE_SIZE);
    Ok(Capped::TooLarge(size))
}

/// Reads standard input within [`MAX_FILE_SIZE`] (`-` as a path).
pub fn read_capped_stdin() -> Result<Capped, Error> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Read {
            path: "<stdin>".into(),
            source,
        })?;
    match bytes.len() as u64 <= MAX_FILE_SIZE {
        true => Ok(Capped::Bytes(bytes)),
        false => Ok(Capped::TooLarge(None)),
    }
}
