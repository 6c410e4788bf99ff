use crate::error::{Error, exit};

/// Serves the editor on standard input and output until it says `exit`.
pub fn run() -> Result<i32, Error> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    crate::lsp::serve(&mut stdin.lock(), &mut stdout.lock()).map_err(Error::Stdout)?;
    Ok(exit::OK)
}
