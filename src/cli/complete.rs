//! What the shell completes from the project (`COMPLETE=bash callactions`): the action
//! names of the files a command would read, the rule ids, the project's environments.
//! A completer never fails: what cannot be read completes nothing.

use std::ffi::OsStr;

use clap_complete::engine::CompletionCandidate;

use crate::loader;
use crate::rules::RULES;
use crate::settings::{Flags, Settings};

/// The candidates among `names` that start with what is typed.
fn starting_with(
    current: &OsStr,
    names: impl IntoIterator<Item = (String, String)>,
) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    names
        .into_iter()
        .filter(|(name, _)| name.starts_with(typed.as_ref()))
        .map(|(name, help)| CompletionCandidate::new(name).help(Some(help.into())))
        .collect()
}

/// The names of the actions of the files a command reads here by default.
pub fn action_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let Ok(settings) = Settings::resolve(Flags::default()) else {
        return Vec::new();
    };
    // The paths typed on the line are not known here: without a project file or a
    // default file, the folder's action files are what the user most likely means.
    let discovered = loader::discover(&settings.paths.value, &settings.skip())
        .or_else(|_| loader::discover(&[".".into()], &settings.skip()));
    let Ok(discovered) = discovered else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for path in &discovered.files {
        if let Ok((file, _)) = loader::load(path) {
            for action in file.actions {
                let help = format!("{} · {}", action.event, path.display());
                if !names.iter().any(|(n, _)| *n == action.name) {
                    names.push((action.name, help));
                }
            }
        }
    }
    starting_with(current, names)
}

pub fn rule_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    starting_with(
        current,
        RULES
            .iter()
            .map(|r| (r.id.to_owned(), r.summary.to_owned())),
    )
}

/// The environments of the project file found from here.
pub fn environments(current: &OsStr) -> Vec<CompletionCandidate> {
    let Ok(settings) = Settings::resolve(Flags::default()) else {
        return Vec::new();
    };
    let environments = settings.project.map(|p| p.environments).unwrap_or_default();
    starting_with(
        current,
        environments.into_iter().map(|e| {
            (
                e.value.name,
                "an environment of the project file".to_owned(),
            )
        }),
    )
}
