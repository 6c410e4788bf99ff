//! What `validate --fix` did, or (`--dry-run`) would do: one line per fix, or a unified
//! diff per file.

use std::io::{self, Write};
use std::path::Path;

use super::paint::Paint;
use super::text::visible;
use crate::diagnostic::Diagnostic;

/// `fixed a.yaml:4:5 unknown-key: rename `header` to `headers``, one line per fix.
pub fn applied(out: &mut dyn Write, paint: Paint, fixed: &[Diagnostic]) -> io::Result<()> {
    for diagnostic in fixed {
        let Some(fix) = &diagnostic.fix else {
            continue;
        };
        writeln!(
            out,
            "{} {}:{} {}: {}",
            paint.success("fixed"),
            diagnostic.path.display(),
            diagnostic.span.start,
            paint.name(diagnostic.rule),
            visible(&fix.title)
        )?;
    }
    Ok(())
}

/// A unified diff of one file, as `diff -u` and `git diff` print it.
pub fn diff(
    out: &mut dyn Write,
    paint: Paint,
    path: &Path,
    before: &str,
    after: &str,
) -> io::Result<()> {
    let name = path.display().to_string();
    let diff = similar::TextDiff::from_lines(before, after);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    for line in text.lines() {
        let shown = visible(line);
        match line.as_bytes().first() {
            Some(b'+') if !line.starts_with("+++") => writeln!(out, "{}", paint.success(&shown))?,
            Some(b'-') if !line.starts_with("---") => writeln!(out, "{}", paint.error(&shown))?,
            Some(b'@') => writeln!(out, "{}", paint.accent(&shown))?,
            _ => writeln!(out, "{shown}")?,
        }
    }
    Ok(())
}
