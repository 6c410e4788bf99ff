//! The one engine (SPEC §7): a file read, loaded, checked by every rule, its inline
//! ignores applied, and the run's policy. `validate`, `render`, `fire`, `simulate`,
//! `init`'s preview and the language server all get their findings here, so a finding
//! has the same rule, severity, place and message in every command.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};

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

/// Checks `files` on every core and hands each result to `take` in the order of `files`,
/// as soon as it and every file before it are ready; `work` runs on the worker threads,
/// so what a command makes of a file (rendering it, say) is done in parallel too. At most
/// a few files per core are held at once, however many there are, so memory stays flat.
/// The first error `take` returns stops the run.
pub fn each_in_order<R, E>(
    files: &[PathBuf],
    policy: &Policy<'_>,
    work: impl Fn(Result<Checked, Error>) -> R + Sync,
    mut take: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    R: Send,
{
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len())
        .max(1);
    let window = threads * 4;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The index of the next result `take` gets: no worker starts a file further ahead.
    let taken = (Mutex::new(0usize), Condvar::new());
    let (sender, results) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, stop, taken, work) = (&next, &stop, &taken, &work);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    if index >= files.len() || !wait_for_turn(index, window, taken, stop) {
                        return;
                    }
                    let result = work(path(&files[index], policy));
                    if sender.send((index, result)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        let mut ready = BTreeMap::new();
        let mut wanted = 0;
        for (index, result) in results.iter() {
            ready.insert(index, result);
            while let Some(result) = ready.remove(&wanted) {
                if let Err(error) = take(result) {
                    stop.store(true, Ordering::SeqCst);
                    taken.1.notify_all();
                    return Err(error);
                }
                wanted += 1;
                if let Ok(mut count) = taken.0.lock() {
                    *count = wanted;
                }
                taken.1.notify_all();
            }
        }
        Ok(())
    })
}

/// Waits until file `index` is within `window` of the next one to be taken; `false` when
/// the run stopped meanwhile.
fn wait_for_turn(
    index: usize,
    window: usize,
    (count, turned): &(Mutex<usize>, Condvar),
    stop: &AtomicBool,
) -> bool {
    let Ok(mut taken) = count.lock() else {
        return false;
    };
    while index >= *taken + window {
        if stop.load(Ordering::SeqCst) {
            return false;
        }
        taken = match turned.wait(taken) {
            Ok(taken) => taken,
            Err(_) => return false,
        };
    }
    !stop.load(Ordering::SeqCst)
}
