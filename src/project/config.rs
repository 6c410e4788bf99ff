//! What a project file says, as read: each value with the line it is written on.

use std::path::{Path, PathBuf};

use globset::GlobSet;

use crate::payload::Override;
use crate::policy::{FileLevels, Level};

/// A value of the project file, with the line it is written on.
#[derive(Clone, Debug)]
pub struct Placed<T> {
    pub value: T,
    pub line: usize,
}

/// A `--set` value of the project file, as written and as read.
#[derive(Clone, Debug)]
pub struct Set {
    pub path: String,
    pub value: serde_json::Value,
    pub read: Override,
}

/// Globs as written, and compiled.
#[derive(Clone, Debug)]
pub struct Globs {
    pub patterns: Vec<String>,
    pub set: GlobSet,
}

impl Globs {
    /// Whether the file at `path` matches, as a path relative to `root`.
    pub fn matches(&self, root: &Path, path: &Path) -> bool {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let relative = absolute.strip_prefix(root).unwrap_or(path);
        self.set.is_match(relative)
    }
}

/// `[[overrides]]`: rule levels for the files that match `files`.
#[derive(Clone, Debug)]
pub struct RuleOverride {
    pub files: Globs,
    pub levels: Vec<(&'static str, Level)>,
}

/// `[environments.NAME]`: a set of env files, `--set` values and a payload, chosen with
/// `--environment NAME`.
#[derive(Clone, Debug)]
pub struct Environment {
    pub name: String,
    pub env_files: Vec<PathBuf>,
    pub payload: Option<PathBuf>,
    pub sets: Vec<Placed<Set>>,
}

/// A project file read. Paths in it are relative to its folder, and are kept so here.
#[derive(Clone, Debug)]
pub struct Project {
    pub path: PathBuf,
    /// The folder of the file, absolute: what the paths and globs in it are relative to.
    pub root: PathBuf,
    pub paths: Option<Placed<Vec<PathBuf>>>,
    pub payload: Option<Placed<PathBuf>>,
    pub strict: Option<Placed<bool>>,
    pub env_files: Option<Placed<Vec<PathBuf>>>,
    /// Files skipped when a folder is read.
    pub ignore: Option<Placed<Globs>>,
    pub sets: Vec<Placed<Set>>,
    pub rules: Vec<Placed<(&'static str, Level)>>,
    pub overrides: Vec<Placed<RuleOverride>>,
    pub environments: Vec<Placed<Environment>>,
}

impl Project {
    /// `name` resolved against the project's folder.
    pub fn resolve(&self, name: &Path) -> PathBuf {
        match name.is_absolute() {
            true => name.to_owned(),
            false => self.root.join(name),
        }
    }

    pub fn environment(&self, name: &str) -> Option<&Placed<Environment>> {
        self.environments.iter().find(|e| e.value.name == name)
    }

    /// The overrides as the policy applies them.
    pub fn file_levels(&self) -> Vec<FileLevels> {
        self.overrides
            .iter()
            .map(|o| FileLevels {
                files: o.value.files.set.clone(),
                root: self.root.clone(),
                levels: o.value.levels.clone(),
            })
            .collect()
    }
}
