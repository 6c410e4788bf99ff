//! The one engine (SPEC §7): a file read, loaded, checked by every rule, its inline
//! ignores applied, and the run's policy. `validate`, `render`, `fire`, `simulate`,
//! `init`'s preview and the language server all get their findings here, so a finding
//! has the same rule, severity, place and message in every command.

use std::path::Path;
use std::sync::Arc;

use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document;
use crate::error::Error;
use crate::loader;
use crate::rules::{self, Context, RULES};
use crate::source::{Source, Span};
use crate::suppression;

/// How the findings of a run are judged.
pub struct Policy<'a> {
    /// Reads an environment variable, for `env-missing`.
    pub env: &'a (dyn Fn(&str) -> Option<String> + Sync),
    /// `--strict`: every warning is an error.
    pub strict: bool,
    /// Rules not reported (`--ignore`).
    pub ignored: Vec<&'static str>,
}

impl<'a> Policy<'a> {
    pub fn new(env: &'a (dyn Fn(&str) -> Option<String> + Sync)) -> Policy<'a> {
        Policy {
            env,
            strict: false,
            ignored: Vec::new(),
        }
    }

    /// The severity a finding of `severity` has in this run.
    pub fn severity(&self, severity: Severity) -> Severity {
        if self.strict {
            Severity::Error
        } else {
            severity
        }
    }

    fn judge(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain(|d| !self.ignored.contains(&d.rule));
        for diagnostic in diagnostics.iter_mut() {
            diagnostic.severity = self.severity(diagnostic.severity);
        }
    }
}

/// A file loaded and checked: its actions and every finding, sorted by place.
#[derive(Debug)]
pub struct Checked {
    pub file: ActionFile,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The findings that stand in an action's entry.
    pub fn findings_of<'c>(&'c self, action: &'c Action) -> impl Iterator<Item = &'c Diagnostic> {
        findings_in(&self.diagnostics, action.entry)
    }
}

/// The findings of `diagnostics` that stand within `entry`.
pub fn findings_in(diagnostics: &[Diagnostic], entry: Span) -> impl Iterator<Item = &Diagnostic> {
    diagnostics
        .iter()
        .filter(move |d| d.span.start >= entry.start && d.span.start < entry.end)
}

/// Reads and checks the file at `path`; a file that cannot be read at all is an error.
pub fn path(path: &Path, policy: &Policy<'_>) -> Result<Checked, Error> {
    let (file, diagnostics) = loader::load(path)?;
    Ok(finish(file, diagnostics, policy))
}

/// Checks text that is not (or not yet) a file on disk: `init`'s result, an editor's
/// buffer.
pub fn source(path: &Path, source: Arc<Source>, policy: &Policy<'_>) -> Checked {
    let (file, diagnostics) = document::read(path, source);
    finish(file, diagnostics, policy)
}

/// Every rule over every action, then the inline ignores, then the policy.
fn finish(mut file: ActionFile, mut diagnostics: Vec<Diagnostic>, policy: &Policy<'_>) -> Checked {
    let context = Context { env: policy.env };
    for action in &file.actions {
        for check in RULES.iter().filter_map(|rule| rule.check) {
            check(&context, &file, action, &mut diagnostics);
        }
    }
    // An error that keeps the request from being built stops its action, wherever it
    // was found.
    for action in &mut file.actions {
        action.faulty |= findings_in(&diagnostics, action.entry)
            .any(|d| d.is_error() && rules::find(d.rule).is_some_and(|r| r.blocks));
    }
    suppression::apply(&file.source, &mut diagnostics);
    policy.judge(&mut diagnostics);
    for diagnostic in &mut diagnostics {
        diagnostic.path = file.path.clone();
    }
    diagnostics.sort();
    diagnostics.dedup();
    Checked { file, diagnostics }
}
