//! `validate --fix`: the safe fixes of the findings that have one, applied to each file
//! (atomically, refused when the file changed meanwhile), or shown as a diff.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::common;
use crate::check::{self, Policy};
use crate::diagnostic::{Diagnostic, Fix};
use crate::error::Error;
use crate::file_read::{Capped, read_capped};
use crate::fix;
use crate::loader::STDIN_NAME;
use crate::output::Streams;
use crate::output::diagnostics::plural;
use crate::output::fixes;
use crate::source::Source;
use crate::validate::Report;

const BOM: &str = "\u{feff}";

/// What the fixes came to.
pub struct Fixed {
    pub findings: usize,
    pub files: usize,
}

/// A fix can bring findings to light that an error hid (an action whose event was
/// misspelt is checked only once it has one): fixing goes round again, this often at most.
const ROUNDS: usize = 4;

/// Applies (or with `dry_run`, shows) the fixes of `report`'s findings, file by file,
/// and of what each fix brings to light.
pub fn apply(
    report: &Report,
    policy: &Policy<'_>,
    dry_run: bool,
    streams: &mut Streams,
) -> Result<Fixed, Error> {
    let mut paths: Vec<&PathBuf> = report
        .diagnostics
        .iter()
        .filter(|d| d.fix.is_some())
        .map(|d| &d.path)
        .collect();
    paths.dedup();
    let mut fixed = Fixed {
        findings: 0,
        files: 0,
    };
    for path in paths {
        if path.as_os_str() == STDIN_NAME {
            streams.warn("standard input cannot be fixed in place; give the file's path")?;
            continue;
        }
        let Some(source) = report.sources.get(path) else {
            continue;
        };
        let (text, done) = fix_file(path, source, policy);
        if done.is_empty() {
            continue;
        }
        let bom = starts_with_bom(path)?;
        let (before, after) = match bom {
            true => (format!("{BOM}{}", source.text), format!("{BOM}{text}")),
            false => (source.text.clone(), text.clone()),
        };
        match dry_run {
            true => streams.out(|out, paint| fixes::diff(out, paint, path, &source.text, &text))?,
            false => {
                common::update(path, Some(&before), &after)?;
                streams.out(|out, paint| fixes::applied(out, paint, &done))?;
            }
        }
        fixed.findings += done.len();
        fixed.files += 1;
    }
    let line = match (dry_run, fixed.findings) {
        (_, 0) => "no finding has a fix that can be applied safely".to_owned(),
        (true, n) => format!(
            "{} would be fixed in {}; nothing was written",
            plural(n, "finding"),
            plural(fixed.files, "file")
        ),
        (false, n) => format!(
            "{} fixed in {}",
            plural(n, "finding"),
            plural(fixed.files, "file")
        ),
    };
    streams.note(&line)?;
    Ok(fixed)
}

/// The file's text with its fixes applied, round after round, and the findings fixed.
fn fix_file(path: &Path, source: &Arc<Source>, policy: &Policy<'_>) -> (String, Vec<Diagnostic>) {
    let mut current = Arc::clone(source);
    let mut done = Vec::new();
    for _ in 0..ROUNDS {
        let checked = check::source(path, Arc::clone(&current), policy);
        let fixable: Vec<&Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| d.fix.is_some())
            .collect();
        let wanted: Vec<&Fix> = fixable.iter().filter_map(|d| d.fix.as_ref()).collect();
        let applied = fix::apply(&current, &wanted);
        if applied.applied.is_empty() {
            break;
        }
        done.extend(applied.applied.iter().map(|&i| fixable[i].clone()));
        current = Arc::new(Source::new(applied.text));
    }
    (current.text.clone(), done)
}

/// Whether the file on disk starts with a byte-order mark (the loader reads past it).
fn starts_with_bom(path: &Path) -> Result<bool, Error> {
    Ok(match read_capped(path)? {
        Capped::Bytes(bytes) => bytes.starts_with(BOM.as_bytes()),
        Capped::TooLarge(_) => false,
    })
}
