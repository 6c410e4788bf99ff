//! The action files one command reads, and the actions it selects from them.

use std::path::PathBuf;

use crate::action::{Action, ActionFile};
use crate::check::{self, Policy, findings_in};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::event::Event;
use crate::loader;
use crate::source::{Sources, sources};

pub struct Workspace {
    pub files: Vec<ActionFile>,
    /// What the folders held that could not be read as action files, with why.
    pub skipped: Vec<(PathBuf, &'static str)>,
    /// Problems found while loading, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
}

/// An action with the file it comes from.
#[derive(Clone, Copy)]
pub struct Selected<'a> {
    pub action: &'a Action,
    pub file: &'a ActionFile,
}

impl Workspace {
    /// Reads and checks the files at `paths`, each by the engine.
    pub fn load(
        paths: &[PathBuf],
        policy: &Policy<'_>,
        skip: &dyn Fn(&std::path::Path) -> bool,
    ) -> Result<Workspace, Error> {
        let mut files = Vec::new();
        let mut diagnostics = Vec::new();
        let discovered = loader::discover(paths, skip)?;
        for path in discovered.files {
            let checked = check::path(&path, policy)?;
            files.push(checked.file);
            diagnostics.extend(checked.diagnostics);
        }
        diagnostics.sort();
        diagnostics.dedup();
        Ok(Workspace {
            files,
            skipped: discovered.skipped,
            diagnostics,
        })
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn sources(&self) -> Sources {
        sources(self.files.iter().map(|f| (f.path.as_path(), &f.source)))
    }

    /// Every action of the files, in declaration order.
    pub fn actions(&self) -> impl Iterator<Item = Selected<'_>> {
        self.files.iter().flat_map(|file| {
            file.actions
                .iter()
                .map(move |action| Selected { action, file })
        })
    }

    /// The error findings that stand in an action's entry.
    pub fn errors_of(&self, selected: &Selected<'_>) -> Vec<&Diagnostic> {
        findings_in(&self.diagnostics, selected.action.entry)
            .filter(|d| d.path == selected.file.path && d.is_error())
            .collect()
    }

    /// The actions of the given events and names, in declaration order; all of them when
    /// none is given. A name no action has is an error, with the closest name.
    pub fn select(&self, events: &[Event], names: &[String]) -> Result<Vec<Selected<'_>>, Error> {
        for name in names {
            if !self.actions().any(|s| s.action.name == *name) {
                return Err(missing_action(
                    name,
                    self.actions().map(|s| s.action.name.as_str()),
                    self.files
                        .iter()
                        .flat_map(|f| f.unbuilt.iter().map(String::as_str)),
                ));
            }
        }
        Ok(self
            .actions()
            .filter(|s| events.is_empty() || events.contains(&s.action.event))
            .filter(|s| names.is_empty() || names.contains(&s.action.name))
            .collect())
    }
}

/// Why a selected name matches no action: it names one whose errors keep it from being
/// built (its findings were shown), or none at all (with the closest name there is).
pub fn missing_action<'n>(
    name: &str,
    built: impl IntoIterator<Item = &'n str>,
    unbuilt: impl IntoIterator<Item = &'n str>,
) -> Error {
    let unbuilt: Vec<&str> = unbuilt.into_iter().collect();
    if unbuilt.contains(&name) {
        return Error::UnbuiltAction {
            name: name.to_owned(),
        };
    }
    Error::UnknownAction {
        name: name.to_owned(),
        suggestion: crate::suggestion::closest(name, built.into_iter().chain(unbuilt))
            .map(str::to_owned),
    }
}
