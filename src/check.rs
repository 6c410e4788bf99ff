//! The one engine (SPEC §7): a file read, loaded, checked by every rule, its inline
//! ignores applied, and the run's policy. `validate`, `render`, `fire`, `simulate`,
//! `init`'s preview and the language server all get their findings here, so a finding
//! has the same rule, severity, place and message in every command.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};

use crate::action::{Action, ActionFile};
use crate::diagnostic::Diagnostic;
use crate::document;
use crate::error::Error;
use crate::loader;
pub use crate::policy::Policy;
use crate::rules::{self, Context, RULES};
use crate::source::{Source, Span};
use crate::suppression;

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
    for action in &file.actions {
        let variables = rules::place::payload_variables(action);
        let context = Context {
            env: policy.env,
            variables: &variables,
        };
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
    policy.judge(&file.path, &mut diagnostics);
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
/// a few runs of files per core are held at once, however many there are, so memory stays
/// flat. The first error `take` returns stops the run.
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
    // Files go to the workers in runs of consecutive ones: one hand-over (and one wake-up
    // of the thread that takes them) per run rather than per file, which on a corpus of
    // small files was a tenth of the time.
    let run = (files.len() / (threads * 32)).clamp(1, 16);
    let runs: Vec<&[PathBuf]> = files.chunks(run).collect();
    let window = threads * 4;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The index of the next run `take` gets: no worker starts a run further ahead.
    let taken = (Mutex::new(0usize), Condvar::new());
    let (sender, results) = mpsc::channel::<(usize, Vec<R>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, stop, taken, work, runs) = (&next, &stop, &taken, &work, &runs);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    if index >= runs.len() || !wait_for_turn(index, window, taken, stop) {
                        return;
                    }
                    let mut results = Vec::with_capacity(runs[index].len());
                    for file in runs[index] {
                        if stop.load(Ordering::SeqCst) {
                            return;
                        }
                        results.push(work(path(file, policy)));
                    }
                    if sender.send((index, results)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        let mut ready = BTreeMap::new();
        let mut wanted = 0;
        for (index, results) in results.iter() {
            ready.insert(index, results);
            while let Some(results) = ready.remove(&wanted) {
                for result in results {
                    if let Err(error) = take(result) {
                        stop.store(true, Ordering::SeqCst);
                        taken.1.notify_all();
                        return Err(error);
                    }
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

/// Waits until run `index` is within `window` of the next one to be taken; `false` when
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` files, each with one action named after its index.
    fn files(count: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let paths = (0..count)
            .map(|i| {
                let path = dir.path().join(format!("{i:04}.yaml"));
                let yaml = format!(
                    "actions:\n  - name: a{i}\n    event: call_start\n    url: https://x.example/{i}\n"
                );
                std::fs::write(&path, yaml).unwrap();
                path
            })
            .collect();
        (dir, paths)
    }

    fn name_of(checked: Result<Checked, Error>) -> String {
        checked.map_or_else(|e| e.to_string(), |c| c.file.actions[0].name.clone())
    }

    #[test]
    fn hands_results_over_in_the_order_of_the_files() {
        let env = |_: &str| None;
        let policy = Policy::new(&env);
        // Counts below, at and above one run per hand-over.
        for count in [1, 2, 63, 64, 700] {
            let (_dir, paths) = files(count);
            let mut seen = Vec::new();
            each_in_order(&paths, &policy, name_of, |name| {
                seen.push(name);
                Ok::<_, ()>(())
            })
            .unwrap();
            let expected: Vec<String> = (0..count).map(|i| format!("a{i}")).collect();
            assert_eq!(seen, expected);
        }
    }

    #[test]
    fn the_first_error_of_take_stops_the_run() {
        let env = |_: &str| None;
        let policy = Policy::new(&env);
        let (_dir, paths) = files(500);
        let mut taken = 0;
        let result = each_in_order(&paths, &policy, name_of, |name| {
            taken += 1;
            match name == "a10" {
                true => Err(name),
                false => Ok(()),
            }
        });
        assert_eq!(result, Err("a10".to_owned()));
        assert_eq!(taken, 11);
    }
}
