//! What the commands that read actions share: the policy their findings are judged by,
//! loading and showing those findings, the selection, and the sender for those that fire.

use std::path::{Path, PathBuf};

use crate::check::Policy;
use crate::cli::{FindingArgs, PayloadArgs, ProjectArgs, Selection, SendArgs};
use crate::diagnostic::Severity;
use crate::error::{Error, exit};
use crate::file_update::{self, Refused};
use crate::output::{Streams, diagnostics};
use crate::payload::Payloads;
use crate::request::{Options, RenderError, Warning};
use crate::runner::{ActionRun, Finding};
use crate::secrets::Reveal;
use crate::send::Sender;
use crate::settings::{Flags, Settings};
use crate::suggestion::join_and;
use crate::workspace::{Selected, Workspace};

/// The settings of a command that reads actions: its flags over the project file.
pub(super) fn settings(
    paths: &[PathBuf],
    payload: Option<PayloadArgs>,
    findings: &FindingArgs,
    project: &ProjectArgs,
) -> Result<Settings, Error> {
    let (payload, sets) = payload.map_or((None, Vec::new()), |p| (p.payload, p.sets));
    Settings::resolve(Flags {
        paths: paths.to_vec(),
        payload,
        sets,
        env_files: project.env_files.clone(),
        environment: project.environment.clone(),
        config: project.config.clone(),
        from: None,
        strict: findings.strict,
        ignore: findings.ignore.clone(),
    })
}

/// What a command that reads actions starts from: the files checked by the engine (their
/// findings shown on standard error), the payloads, and how to render and judge.
pub(super) struct Inputs<'s> {
    pub workspace: Workspace,
    pub payloads: Payloads,
    pub options: Options<'s>,
    pub policy: Policy<'s>,
}

pub(super) fn inputs<'s>(
    settings: &'s Settings,
    env: &'s (dyn Fn(&str) -> Option<String> + Sync),
    streams: &mut Streams,
) -> Result<Inputs<'s>, Error> {
    let policy = settings.policy(env);
    let workspace = Workspace::load(&settings.paths.value, &policy, &settings.skip())?;
    report_skipped(&workspace.skipped, streams)?;
    let sources = workspace.sources();
    streams.err(|err, paint| diagnostics::human(err, paint, &workspace.diagnostics, &sources))?;
    let payload = settings.payload.as_ref().map(|p| p.value.as_path());
    let payloads = Payloads::load(payload, settings.overrides())?;
    Ok(Inputs {
        workspace,
        payloads,
        options: Options { env },
        policy,
    })
}

/// What the folders held that could not be read, on standard error.
pub(super) fn report_skipped(
    skipped: &[(std::path::PathBuf, &'static str)],
    streams: &mut Streams,
) -> Result<(), Error> {
    for (path, why) in skipped {
        streams.warn(&format!("{} was skipped: {why}", path.display()))?;
    }
    Ok(())
}

/// The selected actions. A name no action has, or an event no action fires at, is a
/// command-line error, named with what the files do have.
pub(super) fn select<'w>(
    workspace: &'w Workspace,
    selection: &Selection,
) -> Result<Vec<Selected<'w>>, Error> {
    let selected = workspace.select(&selection.events, &selection.actions)?;
    if selected.is_empty() && !selection.events.is_empty() {
        let mut events: Vec<String> = Vec::new();
        for item in workspace.actions() {
            let name = format!("`{}`", item.action.event);
            if !events.contains(&name) {
                events.push(name);
            }
        }
        let wanted: Vec<String> = selection.events.iter().map(|e| format!("`{e}`")).collect();
        let message = match selection.actions.is_empty() {
            true => format!("no action fires at {}", join_and(&wanted)),
            false => format!("no action of the selection fires at {}", join_and(&wanted)),
        };
        let help = match events.is_empty() {
            true => "the files have no actions".to_owned(),
            false => format!("the files have actions of {}", join_and(&events)),
        };
        return Err(Error::Usage { message, help });
    }
    Ok(selected)
}

/// The error findings of an action's entry, as its run reports them.
pub(super) fn errors_of(workspace: &Workspace, item: &Selected<'_>) -> Vec<Finding> {
    workspace
        .errors_of(item)
        .into_iter()
        .map(Finding::of)
        .collect()
}

/// The sender of `fire` and `simulate --fire`, with a warning when certificates go unchecked.
pub(super) fn sender(send: &SendArgs, streams: &mut Streams) -> Result<Sender, Error> {
    let insecure = send.insecure;
    if insecure {
        streams
            .warn("TLS certificate checks are off (--insecure): use it only for local endpoints")?;
    }
    Ok(Sender::new(insecure, send.target.clone()))
}

/// A warning of rendering, at its placeholder; an error under `--strict`.
pub(super) fn report_warnings(
    warnings: &[Warning],
    item: &Selected<'_>,
    policy: &Policy<'_>,
    streams: &mut Streams,
) -> Result<(), Error> {
    for warning in warnings {
        let location = Some(format!(
            "{}:{}",
            item.file.path.display(),
            warning.span.start
        ));
        let help = Some(warning.help.as_str());
        match policy.severity(Severity::Warning) {
            Severity::Warning => streams.warn_at(&warning.message, location, help)?,
            Severity::Error => streams.error_at(&warning.message, location, help)?,
        }
    }
    Ok(())
}

/// A render error with the place of its placeholder and how to fix it.
pub(super) fn report_render_error(
    error: &RenderError,
    item: &Selected<'_>,
    reveal: Reveal,
    streams: &mut Streams,
) -> Result<(), Error> {
    let location = error
        .span
        .map(|span| format!("{}:{}", item.file.path.display(), span.start));
    streams.error_at(&error.describe(reveal), location, error.help.as_deref())
}

/// What rendering said of one run, on standard error.
pub(super) fn report_run(
    run: &ActionRun,
    item: &Selected<'_>,
    policy: &Policy<'_>,
    reveal: Reveal,
    streams: &mut Streams,
) -> Result<(), Error> {
    report_warnings(&run.warnings, item, policy, streams)?;
    match run.render_error() {
        Some(error) => report_render_error(error, item, reveal, streams),
        None => Ok(()),
    }
}

/// Writes `text` over what `path` held (`existing`), or refuses as the file says.
pub(super) fn update(path: &Path, existing: Option<&str>, text: &str) -> Result<(), Error> {
    file_update::replace(path, existing, text).map_err(|refused| match refused {
        Refused::Changed => Error::Changed {
            path: path.to_owned(),
        },
        Refused::ReadOnly => Error::ReadOnly {
            path: path.to_owned(),
        },
        Refused::Io(source) => Error::Write {
            path: path.to_owned(),
            source,
        },
    })
}

/// Writes a file the tool makes (a report), replacing the one there, in one rename.
pub(super) fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    let existing = std::fs::read_to_string(path).ok();
    update(path, existing.as_deref(), text)
}

/// The exit code of a command that read actions (SPEC §7): an error finding fails it, as
/// does what the command itself found `failed`.
pub(super) fn verdict(workspace: &Workspace, failed: bool) -> i32 {
    match failed || workspace.has_errors() {
        true => exit::PROBLEMS,
        false => exit::OK,
    }
}
