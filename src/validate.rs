//! `validate`: every file checked by the engine, in parallel, findings sorted.

use std::path::PathBuf;
use std::thread;

use crate::check::{self, Policy};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::loader;
use crate::source::Sources;

pub struct Report {
    /// How many files were checked.
    pub files: usize,
    /// The text of each file with a finding, to show its lines. The rest of a file is
    /// dropped as soon as it is checked, so memory stays flat however many files there are.
    pub sources: Sources,
    /// Sorted by file, line and column; de-duplicated.
    pub diagnostics: Vec<Diagnostic>,
    /// Files that could not be read at all.
    pub unreadable: Vec<Error>,
    /// What the folders held that could not be read as action files, with why.
    pub skipped: Vec<(PathBuf, &'static str)>,
}

/// Checks the files at `paths`.
pub fn validate(
    paths: &[PathBuf],
    policy: &Policy<'_>,
    skip: &dyn Fn(&std::path::Path) -> bool,
) -> Result<Report, Error> {
    let discovered = loader::discover(paths, skip)?;
    let results = in_parallel(&discovered.files, |path: &PathBuf| {
        check::path(path, policy).map(|checked| {
            let source = (!checked.diagnostics.is_empty()).then_some(checked.file.source);
            (checked.file.path, source, checked.diagnostics)
        })
    });
    let mut report = Report {
        files: 0,
        sources: Sources::new(),
        diagnostics: Vec::new(),
        unreadable: Vec::new(),
        skipped: discovered.skipped,
    };
    for result in results {
        match result {
            Ok((path, source, diagnostics)) => {
                report.files += 1;
                report.sources.extend(source.map(|s| (path, s)));
                report.diagnostics.extend(diagnostics);
            }
            Err(error) => report.unreadable.push(error),
        }
    }
    report.diagnostics.sort();
    report.diagnostics.dedup();
    Ok(report)
}

/// Runs `work` over `items` on every core, keeping the order of `items`.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    let chunk = items.len().div_ceil(threads).max(1);
    thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|chunk| scope.spawn(|| chunk.iter().map(&work).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| match handle.join() {
                Ok(results) => results,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}
