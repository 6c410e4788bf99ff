//! What the commands that read actions share: the policy their findings are judged by,
//! loading and showing those findings, the selection, and the sender for those that fire.

use crate::check::Policy;
use crate::cli::{FindingArgs, PayloadArgs, Selection};
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::output::{Streams, diagnostics};
use crate::payload::Payloads;
use crate::request::{self, Options, RenderError, Warning};
use crate::rules::{self, RULES};
use crate::runner::{ActionRun, Finding};
use crate::secrets::Reveal;
use crate::send::Sender;
use crate::suggestion::{closest, did_you_mean, join_and};
use crate::workspace::{Selected, Workspace};

/// The policy of `--strict` and `--ignore`, the same for every command.
pub(super) fn policy(findings: &FindingArgs) -> Result<Policy<'static>, Error> {
    let mut policy = Policy::new(&request::process_env);
    policy.strict = findings.strict;
    for id in &findings.ignore {
        let Some(rule) = rules::find(id) else {
            let suggestion = closest(id, RULES.iter().map(|r| r.id));
            return Err(Error::Usage {
                message: format!(
                    "--ignore {id}: no rule has this id{}",
                    did_you_mean(suggestion)
                ),
                help: "`callactions rules` lists the rules".to_owned(),
            });
        };
        if rule.blocks {
            return Err(Error::Usage {
                message: format!(
                    "--ignore {id}: `{id}` cannot be ignored, since it keeps the request from being built"
                ),
                help: "fix the file instead; `callactions explain` says how".to_owned(),
            });
        }
        policy.ignored.push(rule.id);
    }
    Ok(policy)
}

/// What a command that reads actions starts from: the files checked by the engine (their
/// findings shown on standard error), the payloads, and how to render and judge.
pub(super) struct Inputs {
    pub workspace: Workspace,
    pub payloads: Payloads,
    pub options: Options<'static>,
    pub policy: Policy<'static>,
}

pub(super) fn inputs(
    paths: &[std::path::PathBuf],
    payload: PayloadArgs,
    findings: &FindingArgs,
    streams: &mut Streams,
) -> Result<Inputs, Error> {
    let policy = policy(findings)?;
    let workspace = Workspace::load(paths, &policy)?;
    report_skipped(&workspace.skipped, streams)?;
    let sources = workspace.sources();
    streams.err(|err, paint| diagnostics::human(err, paint, &workspace.diagnostics, &sources))?;
    let payloads = Payloads::load(payload.payload.as_deref(), payload.sets)?;
    Ok(Inputs {
        workspace,
        payloads,
        options: Options {
            env: &request::process_env,
        },
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
pub(super) fn sender(insecure: bool, streams: &mut Streams) -> Result<Sender, Error> {
    if insecure {
        streams
            .warn("TLS certificate checks are off (--insecure): use it only for local endpoints")?;
    }
    Ok(Sender::new(insecure))
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
