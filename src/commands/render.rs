//! `render` (and `fire --dry-run`): each file checked and its selected actions rendered on
//! every core, then printed in order as soon as they are ready, and dropped — so memory
//! stays flat however many files there are, and the first request shows at once.

use crate::settings::Settings;
use std::collections::BTreeSet;
use std::path::Path;

use super::common;
use crate::check::{self, Checked, Policy};
use crate::cli::{RenderArgs, RenderFormat, Selection};
use crate::diagnostic::Severity;
use crate::error::{Error, exit};
use crate::event::Event;
use crate::output::requests::{self, Listing, Shown};
use crate::output::{Paint, Streams, curl, diagnostics};
use crate::payload::Payloads;
use crate::request::{self, Options};
use crate::secrets::Reveal;
use crate::source::sources;
use crate::suggestion::join_and;
use crate::workspace::missing_action;

pub fn run(args: RenderArgs, streams: &mut Streams) -> Result<i32, Error> {
    let how = How {
        format: args.format,
        reveal: Reveal::from_flag(args.show_secrets),
        quiet: args.findings.quiet,
    };
    let settings = common::settings(
        &args.paths,
        Some(args.payload),
        &args.findings,
        &args.project,
    )?;
    render(&settings, &args.selection, how, streams)
}

/// How rendered requests are shown.
#[derive(Clone, Copy)]
pub(super) struct How {
    pub format: RenderFormat,
    pub reveal: Reveal,
    pub quiet: bool,
}

/// What one file came to, formatted already: its findings and render problems for
/// standard error, each rendered request for standard output.
struct Rendered {
    stderr: Vec<u8>,
    requests: Vec<Vec<u8>>,
    tally: Tally,
    /// The names and events of the file's actions, for a selection that matches nothing.
    names: Vec<String>,
    /// The names of the file's actions that could not be built.
    unbuilt: Vec<String>,
    events: Vec<Event>,
}

impl Rendered {
    /// Counts a rendered action's warnings (errors under --strict) and says them.
    fn warned(&mut self, path: &Path, warnings: &[request::Warning], strict: bool, paint: Paint) {
        self.tally.warned += warnings.len();
        match strict {
            true => self.tally.errors += warnings.len(),
            false => self.tally.warnings += warnings.len(),
        }
        let label = match strict {
            true => paint.error("error"),
            false => paint.warning("warning"),
        };
        for warning in warnings {
            let location = format!("{}:{}", path.display(), warning.span.start);
            let _ = diagnostics::note(
                &mut self.stderr,
                paint,
                &label,
                &warning.message,
                Some(&location),
                Some(&warning.help),
            );
        }
    }

    /// Counts an action that could not be rendered and says why.
    fn failed(&mut self, path: &Path, error: &request::RenderError, reveal: Reveal, paint: Paint) {
        self.tally.failed += 1;
        let location = error
            .span
            .map(|span| format!("{}:{}", path.display(), span.start));
        let _ = diagnostics::note(
            &mut self.stderr,
            paint,
            &paint.error("error"),
            &error.describe(reveal),
            location.as_deref(),
            error.help.as_deref(),
        );
    }
}

#[derive(Default)]
struct Tally {
    rendered: usize,
    failed: usize,
    warned: usize,
    errors: usize,
    warnings: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.rendered += other.rendered;
        self.failed += other.failed;
        self.warned += other.warned;
        self.errors += other.errors;
        self.warnings += other.warnings;
    }
}

pub(super) fn render(
    settings: &Settings,
    selection: &Selection,
    how: How,
    streams: &mut Streams,
) -> Result<i32, Error> {
    let env = settings.env_lookup();
    let policy = settings.policy(&env);
    let discovered = crate::loader::discover(&settings.paths.value, &settings.skip())?;
    common::report_skipped(&discovered.skipped, streams)?;
    let payload = settings.payload.as_ref().map(|p| p.value.as_path());
    let payloads = Payloads::load(payload, settings.overrides())?;
    let options = Options { env: &env };
    let paints = (streams.out_paint, streams.err_paint);
    let file = |checked: Result<Checked, Error>| {
        checked.map(|checked| {
            render_file(
                &checked, selection, &payloads, &options, &policy, how, paints,
            )
        })
    };
    // A name no action has is a command-line error, said before anything is printed;
    // so with `--action`, what is rendered waits for the last file.
    let hold = !selection.actions.is_empty();
    let mut held = Vec::new();
    let mut tally = Tally::default();
    let mut listing = Listing::new(how.format == RenderFormat::Json);
    let (mut names, mut events, mut unbuilt) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
    check::each_in_order(&discovered.files, &policy, file, |rendered| {
        let rendered = rendered?;
        tally.add(&rendered.tally);
        names.extend(rendered.names.iter().cloned());
        unbuilt.extend(rendered.unbuilt.iter().cloned());
        events.extend(rendered.events.iter().copied());
        match hold {
            true => held.push(rendered),
            false => print(&rendered, &mut listing, how, streams)?,
        }
        Ok::<_, Error>(())
    })?;
    let selected = check_selection(
        selection,
        (&names, &unbuilt),
        &events,
        tally.rendered + tally.failed,
    );
    if let Err(error) = selected {
        // An action that cannot be built: its findings say why, before the error does.
        if matches!(error, Error::UnbuiltAction { .. }) {
            for rendered in &held {
                streams.err(|err, _| err.write_all(&rendered.stderr))?;
            }
        }
        return Err(error);
    }
    for rendered in &held {
        print(rendered, &mut listing, how, streams)?;
    }
    if names.is_empty() && tally.errors == 0 && selection.is_empty() {
        streams.warn("the files have no actions")?;
    }
    if !how.quiet {
        streams.out(|out, _| listing.finish(out))?;
        let line = diagnostics::rendered_summary(
            tally.rendered,
            tally.failed,
            tally.errors,
            tally.warnings,
        );
        streams.note(&line)?;
    }
    let warnings_fail = policy.strict && tally.warned > 0;
    Ok(if tally.failed > 0 || tally.errors > 0 || warnings_fail {
        exit::PROBLEMS
    } else {
        exit::OK
    })
}

fn print(
    rendered: &Rendered,
    listing: &mut Listing,
    how: How,
    streams: &mut Streams,
) -> Result<(), Error> {
    streams.err(|err, _| err.write_all(&rendered.stderr))?;
    if how.quiet {
        return Ok(());
    }
    streams.out(|out, _| {
        for request in &rendered.requests {
            listing.item(out, request)?;
        }
        Ok(())
    })
}

/// A name no action has, or an event no selected action fires at, is a command-line
/// error that says what the files have.
fn check_selection(
    selection: &Selection,
    (names, unbuilt): (&BTreeSet<String>, &[String]),
    events: &BTreeSet<Event>,
    matched: usize,
) -> Result<(), Error> {
    for name in &selection.actions {
        if !names.contains(name) {
            return Err(missing_action(
                name,
                names.iter().map(String::as_str),
                unbuilt.iter().map(String::as_str),
            ));
        }
    }
    if matched > 0 || selection.events.is_empty() {
        return Ok(());
    }
    let wanted: Vec<String> = selection.events.iter().map(|e| format!("`{e}`")).collect();
    let has: Vec<String> = events.iter().map(|e| format!("`{e}`")).collect();
    Err(Error::Usage {
        message: match selection.actions.is_empty() {
            true => format!("no action fires at {}", join_and(&wanted)),
            false => format!("no action of the selection fires at {}", join_and(&wanted)),
        },
        help: match has.is_empty() {
            true => "the files have no actions".to_owned(),
            false => format!("the files have actions of {}", join_and(&has)),
        },
    })
}

/// One file's findings and its selected actions rendered, formatted for the streams.
fn render_file(
    checked: &Checked,
    selection: &Selection,
    payloads: &Payloads,
    options: &Options<'_>,
    policy: &Policy<'_>,
    how: How,
    (out_paint, err_paint): (Paint, Paint),
) -> Rendered {
    let mut stderr = Vec::new();
    let file_sources = sources([(checked.file.path.as_path(), &checked.file.source)]);
    let _ = diagnostics::human(&mut stderr, err_paint, &checked.diagnostics, &file_sources);
    let (errors, warnings) = diagnostics::count(&checked.diagnostics);
    let mut rendered = Rendered {
        stderr,
        requests: Vec::new(),
        tally: Tally {
            errors,
            warnings,
            ..Tally::default()
        },
        names: checked
            .file
            .actions
            .iter()
            .map(|a| a.name.clone())
            .collect(),
        events: checked.file.actions.iter().map(|a| a.event).collect(),
        unbuilt: checked.file.unbuilt.clone(),
    };
    let selected = checked.file.actions.iter().filter(|action| {
        (selection.events.is_empty() || selection.events.contains(&action.event))
            && (selection.actions.is_empty() || selection.actions.contains(&action.name))
    });
    for action in selected {
        // An action whose errors keep its request from being built is not rendered; its
        // findings are above.
        if action.faulty {
            rendered.tally.failed += 1;
            continue;
        }
        let payload = payloads.for_event(action.event);
        let request = match request::render(action, payload, options) {
            Ok((request, warnings)) => {
                let strict = policy.severity(Severity::Warning) == Severity::Error;
                rendered.warned(&checked.file.path, &warnings, strict, err_paint);
                request
            }
            Err(error) => {
                rendered.failed(&checked.file.path, &error, how.reveal, err_paint);
                continue;
            }
        };
        let shown = Shown {
            request: &request,
            reveal: how.reveal,
            file: &checked.file.path,
            line: action.span.start.line,
        };
        let mut item = Vec::new();
        let _ = match how.format {
            RenderFormat::Human => requests::human_item(&mut item, out_paint, &shown),
            RenderFormat::Json => requests::json_item(&mut item, &shown),
            RenderFormat::Curl => curl::commands(&mut item, &[&request], how.reveal),
        };
        rendered.requests.push(item);
        rendered.tally.rendered += 1;
    }
    rendered
}
