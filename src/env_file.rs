//! Environment variables for `${env.…}`: the process's own, then those of dotenv files
//! (`.env` in the project folder, `--env-file`, an environment's `env-file`), read as the
//! `dotenvy` crate reads them. Every value, wherever it came from, is a secret.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::file_read::{Capped, MAX_FILE_SIZE, read_capped};

/// The variables of the dotenv files read, in the order read; a later file's value wins
/// over an earlier one's, and the process's own environment over all of them.
#[derive(Debug, Default)]
pub struct Environment {
    values: HashMap<String, String>,
    /// Each file read, with the names it set (never its values).
    pub files: Vec<(PathBuf, Vec<String>)>,
}

impl Environment {
    /// The value of `name`: from the process's environment, else from the files.
    pub fn get(&self, name: &str) -> Option<String> {
        std::env::var(name)
            .ok()
            .or_else(|| self.values.get(name).cloned())
    }

    /// Reads a dotenv file into the environment.
    pub fn read(&mut self, path: &Path) -> Result<(), Error> {
        let bytes = match read_capped(path)? {
            Capped::Bytes(bytes) => bytes,
            Capped::TooLarge(_) => {
                return Err(Error::EnvFile {
                    path: path.to_owned(),
                    line: None,
                    message: format!(
                        "larger than {} MiB: not an env file",
                        MAX_FILE_SIZE / 1024 / 1024
                    ),
                });
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let mut names = Vec::new();
        for item in dotenvy::from_read_iter(bytes.as_slice()) {
            match item {
                Ok((name, value)) => {
                    names.push(name.clone());
                    self.values.insert(name, value);
                }
                Err(error) => return Err(env_file_error(path, &text, error)),
            }
        }
        self.files.push((path.to_owned(), names));
        Ok(())
    }
}

/// A dotenv error with the line it stands on. dotenvy names the line by its text and the
/// byte where reading stopped; the text is found again to give its number.
fn env_file_error(path: &Path, text: &str, error: dotenvy::Error) -> Error {
    match error {
        dotenvy::Error::LineParse(line, index) => {
            let number = text
                .lines()
                .position(|l| l.trim_end() == line.trim_end())
                .map(|i| i + 1);
            let near: String = line.chars().skip(index).take(20).collect();
            Error::EnvFile {
                path: path.to_owned(),
                line: number,
                message: match near.is_empty() {
                    true => "this line cannot be read as NAME=value".to_owned(),
                    false => format!("this line cannot be read as NAME=value (near `{near}`)"),
                },
            }
        }
        dotenvy::Error::Io(source) => Error::Read {
            path: path.to_owned(),
            source,
        },
        other => Error::EnvFile {
            path: path.to_owned(),
            line: None,
            message: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dotenv_files_and_the_later_wins() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("a.env");
        let second = dir.path().join("b.env");
        std::fs::write(&first, "# comment\nA_ONE=1\nexport A_TWO='two words'\n").unwrap();
        std::fs::write(&second, "A_TWO=\"second\"\n").unwrap();
        let mut environment = Environment::default();
        environment.read(&first).unwrap();
        environment.read(&second).unwrap();
        assert_eq!(
            environment.get("A_ONE_CALLACTIONS_UNSET"),
            None,
            "an unknown name has no value"
        );
        assert_eq!(environment.values["A_ONE"], "1");
        assert_eq!(environment.values["A_TWO"], "second");
        assert_eq!(environment.files[0].1, ["A_ONE", "A_TWO"]);
    }

    #[test]
    fn a_bad_line_is_named_by_its_number() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        std::fs::write(&path, "GOOD=1\nthis is not a line\n").unwrap();
        let error = Environment::default().read(&path).unwrap_err();
        let Error::EnvFile { line, .. } = error else {
            panic!("{error:?}")
        };
        assert_eq!(line, Some(2));
    }
}
