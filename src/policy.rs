//! How the findings of a run are judged: `--strict`, `--ignore`, and the project file's
//! rule levels, for every file or for the files its overrides name.

use std::path::{Path, PathBuf};

use globset::GlobSet;

use crate::diagnostic::{Diagnostic, Severity};

/// What a rule's findings are in a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Not reported.
    Off,
    Warning,
    Error,
}

impl Level {
    pub const NAMES: [&'static str; 3] = ["off", "warning", "error"];

    pub fn from_name(name: &str) -> Option<Level> {
        match name {
            "off" => Some(Level::Off),
            "warning" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// Rule levels for the files that match some globs (the project file's `[[overrides]]`).
#[derive(Clone, Debug)]
pub struct FileLevels {
    /// The globs, matched against a file's path relative to `root`.
    pub files: GlobSet,
    pub root: PathBuf,
    pub levels: Vec<(&'static str, Level)>,
}

impl FileLevels {
    pub fn matches(&self, path: &Path) -> bool {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let relative = absolute.strip_prefix(&self.root).unwrap_or(path);
        self.files.is_match(relative)
    }
}

pub struct Policy<'a> {
    /// Reads an environment variable, for `env-missing`.
    pub env: &'a (dyn Fn(&str) -> Option<String> + Sync),
    /// `--strict`: every warning is an error.
    pub strict: bool,
    /// The project file's level of each rule it names (`[rules]`), for every file.
    pub levels: Vec<(&'static str, Level)>,
    /// Levels for some files, in order: the last that matches a file and names a rule wins
    /// over `levels`.
    pub overrides: Vec<FileLevels>,
    /// Rules not reported at all (`--ignore`): the command line wins over the project file.
    pub ignored: Vec<&'static str>,
}

impl<'a> Policy<'a> {
    pub fn new(env: &'a (dyn Fn(&str) -> Option<String> + Sync)) -> Policy<'a> {
        Policy {
            env,
            strict: false,
            levels: Vec::new(),
            overrides: Vec::new(),
            ignored: Vec::new(),
        }
    }

    /// The severity a finding of `severity` has in this run, whatever its rule.
    pub fn severity(&self, severity: Severity) -> Severity {
        if self.strict {
            Severity::Error
        } else {
            severity
        }
    }

    /// The level `rule` has in the file at `path`, when anything sets one.
    pub fn level(&self, rule: &str, path: &Path) -> Option<Level> {
        if self.ignored.contains(&rule) {
            return Some(Level::Off);
        }
        let named = |levels: &[(&'static str, Level)]| {
            levels
                .iter()
                .rev()
                .find(|(id, _)| *id == rule)
                .map(|(_, level)| *level)
        };
        self.overrides
            .iter()
            .rev()
            .filter(|o| o.matches(path))
            .find_map(|o| named(&o.levels))
            .or_else(|| named(&self.levels))
    }

    /// The findings of the file at `path` as this run reports them.
    pub fn judge(&self, path: &Path, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain_mut(|diagnostic| {
            match self.level(diagnostic.rule, path) {
                Some(Level::Off) => return false,
                Some(Level::Warning) => diagnostic.severity = Severity::Warning,
                Some(Level::Error) => diagnostic.severity = Severity::Error,
                None => {}
            }
            diagnostic.severity = self.severity(diagnostic.severity);
            true
        });
    }
}
