//! Diagnostics for people: the layout of rustc and hurl, with the source line and a caret
//! underline under the exact span.

use std::io::{self, Write};

use super::paint::Paint;
use super::text::{pictured, visible};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix;
use crate::source::{Source, Sources};

pub fn human(
    out: &mut dyn Write,
    paint: Paint,
    diagnostics: &[Diagnostic],
    sources: &Sources,
) -> io::Result<()> {
    for diagnostic in diagnostics {
        snippet(
            out,
            paint,
            diagnostic,
            sources.get(&diagnostic.path).map(|s| &**s),
        )?;
        writeln!(out)?;
    }
    Ok(())
}

fn snippet(
    out: &mut dyn Write,
    paint: Paint,
    d: &Diagnostic,
    source: Option<&Source>,
) -> io::Result<()> {
    let label = format!("{}[{}]", d.severity.name(), d.rule);
    let label = match d.severity {
        Severity::Error => paint.error(&label),
        Severity::Warning => paint.warning(&label),
    };
    writeln!(
        out,
        "{label}{} {}",
        paint.bold(":"),
        paint.bold(&visible(&d.message))
    )?;
    let start = d.span.start;
    let line_text = source.map(|s| s.line(start.line)).unwrap_or_default();
    let gutter = " ".repeat(start.line.to_string().len());
    writeln!(
        out,
        "{gutter}{} {}:{}",
        paint.accent("-->"),
        visible(&d.path.display().to_string()),
        start
    )?;
    if !line_text.is_empty() || source.is_some_and(|s| start.line <= s.line_count()) {
        let (shown, caret_at, caret_width) = underline(&pictured(line_text), d);
        let carets = "^".repeat(caret_width);
        let carets = match d.severity {
            Severity::Error => paint.error(&carets),
            Severity::Warning => paint.warning(&carets),
        };
        writeln!(out, "{gutter} {}", paint.accent("|"))?;
        writeln!(
            out,
            "{} {} {shown}",
            paint.accent(&start.line.to_string()),
            paint.accent("|")
        )?;
        writeln!(
            out,
            "{gutter} {} {}{carets}",
            paint.accent("|"),
            " ".repeat(caret_at)
        )?;
    }
    if !d.help.is_empty() {
        writeln!(
            out,
            "{gutter} {} {}: {}",
            paint.accent("="),
            paint.bold("help"),
            visible(&d.help)
        )?;
    }
    Ok(())
}

/// A problem that is not a rule's finding (a render error, a variable missing from the
/// payload): `label: message`, where it stands, and how to fix it.
pub fn note(
    out: &mut dyn Write,
    paint: Paint,
    label: &str,
    message: &str,
    location: Option<&str>,
    help: Option<&str>,
) -> io::Result<()> {
    writeln!(out, "{label}: {}", visible(message))?;
    if let Some(location) = location {
        writeln!(out, "  {} {}", paint.accent("-->"), visible(location))?;
    }
    if let Some(help) = help {
        writeln!(out, "  {}: {}", paint.bold("help"), visible(help))?;
    }
    Ok(())
}

/// Characters of a line shown around the span, so a minified line stays readable.
const WINDOW: usize = 100;

/// The line as shown (tabs as four spaces, long lines cut around the span), where the
/// carets start, and how many.
fn underline(line: &str, d: &Diagnostic) -> (String, usize, usize) {
    let start = d.span.start.column.max(1);
    let end = if d.span.end.line == d.span.start.line && d.span.end.column > start {
        d.span.end.column
    } else {
        start + 1
    };
    let long = line.chars().count() > WINDOW;
    let first = if long {
        start.saturating_sub(WINDOW / 2).max(1)
    } else {
        1
    };
    let mut shown = String::new();
    let mut width = 0;
    let (mut caret_at, mut caret_end) = (None, None);
    if first > 1 {
        shown.push('…');
        width += 1;
    }
    let mut chars = line.chars().skip(first - 1);
    for column in first.. {
        if column == start {
            caret_at = Some(width);
        }
        if column == end {
            caret_end = Some(width);
        }
        if long && column >= first + WINDOW {
            if chars.next().is_some() {
                shown.push('…');
            }
            break;
        }
        match chars.next() {
            Some('\t') => {
                shown.push_str("    ");
                width += 4;
            }
            Some(c) => {
                shown.push(c);
                width += 1;
            }
            None if column >= end => break,
            None => {}
        }
    }
    let caret_at = caret_at.unwrap_or(width);
    let caret_end = caret_end.unwrap_or(width).max(caret_at + 1);
    (shown, caret_at, caret_end - caret_at)
}

/// How many of `diagnostics` are errors, and how many warnings.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// `3 actions rendered, 1 not rendered, 1 error, 2 warnings`: what `render` did.
pub fn rendered_summary(
    rendered: usize,
    not_rendered: usize,
    errors: usize,
    warnings: usize,
) -> String {
    let mut line = format!("{} rendered", plural(rendered, "action"));
    if not_rendered > 0 {
        line.push_str(&format!(", {not_rendered} not rendered"));
    }
    if errors > 0 {
        line.push_str(&format!(", {}", plural(errors, "error")));
    }
    if warnings > 0 {
        line.push_str(&format!(", {}", plural(warnings, "warning")));
    }
    line
}

/// `2 errors, 1 warning in 3 files`.
pub fn summary(diagnostics: &[Diagnostic], files: usize) -> String {
    let (errors, warnings) = count(diagnostics);
    format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file")
    )
}

pub fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}

/// One object per finding, with stable fields.
pub fn json(out: &mut dyn Write, diagnostics: &[Diagnostic], sources: &Sources) -> io::Result<()> {
    let list: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            serde_json::json!({
                "path": d.path.display().to_string(),
                "line": d.span.start.line,
                "column": d.span.start.column,
                "end_line": d.span.end.line,
                "end_column": d.span.end.column,
                "severity": d.severity.name(),
                "rule": d.rule,
                "message": d.message,
                "help": d.help,
                "fix": json_fix(d, sources),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

/// The fix `--fix` would make, as edits at places of the file (`end` exclusive; an insert
/// where start and end meet); null when there is none, or it no longer fits the text.
fn json_fix(diagnostic: &Diagnostic, sources: &Sources) -> serde_json::Value {
    let placed = diagnostic.fix.as_ref().and_then(|fix| {
        let source = sources.get(&diagnostic.path)?;
        let edits: Vec<serde_json::Value> = fix::located(source, &fix.edits)?
            .into_iter()
            .map(|(range, replace)| {
                let span = source.span_of(range);
                serde_json::json!({
                    "line": span.start.line,
                    "column": span.start.column,
                    "end_line": span.end.line,
                    "end_column": span.end.column,
                    "replace": replace,
                })
            })
            .collect();
        Some(serde_json::json!({"title": fix.title, "edits": edits}))
    });
    placed.unwrap_or(serde_json::Value::Null)
}
