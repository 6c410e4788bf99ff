//! `callactions rules`: every rule, its severity, whether its errors keep a request from
//! being built, and what it catches.

use std::io::{self, Write};

use serde_json::json;

use super::paint::Paint;
use super::text::visible;
use crate::rules::{RULES, Rule};

pub fn human(out: &mut dyn Write, paint: Paint) -> io::Result<()> {
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0) + 2;
    for rule in RULES {
        let severity = match rule.severity {
            crate::diagnostic::Severity::Error => paint.error("error  "),
            crate::diagnostic::Severity::Warning => paint.warning("warning"),
        };
        let effect = match (rule.blocks, rule.fixable) {
            (true, _) => "not sent",
            (false, true) => "fixable ",
            (false, false) => "        ",
        };
        writeln!(
            out,
            "{}{}{severity}  {}  {}",
            paint.name(rule.id),
            " ".repeat(width - rule.id.len()),
            paint.dim(effect),
            rule.summary
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        paint.dim("\"not sent\": an error of the rule keeps the request from being built, so the action is neither rendered nor sent")
    )?;
    let fixable: Vec<&str> = RULES.iter().filter(|r| r.fixable).map(|r| r.id).collect();
    writeln!(
        out,
        "{}",
        paint.dim(&format!(
            "fixable by `validate --fix`: {}; `callactions explain RULE` says more",
            fixable.join(", ")
        ))
    )
}

pub fn json(out: &mut dyn Write) -> io::Result<()> {
    let list: Vec<_> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "severity": r.severity.name(),
                "blocks": r.blocks,
                "fixable": r.fixable,
                "summary": r.summary,
                "url": r.url(),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

/// `callactions explain RULE`: the rule, why it matters, and a bad and a good file.
pub fn explain(
    out: &mut dyn Write,
    paint: Paint,
    rule: &Rule,
    bad: &str,
    good: &str,
) -> io::Result<()> {
    let mut traits = vec![rule.severity.name()];
    if rule.blocks {
        traits.push("not sent");
    }
    if rule.fixable {
        traits.push("fixable by `validate --fix`");
    }
    writeln!(out, "{} ({})", paint.name(rule.id), traits.join(", "))?;
    writeln!(out, "{}", rule.summary)?;
    writeln!(out)?;
    for line in wrap(rule.explanation, 88) {
        writeln!(out, "{line}")?;
    }
    for (title, example) in [("Bad", bad), ("Good", good)] {
        writeln!(out)?;
        writeln!(out, "{}", paint.bold(title))?;
        for line in example.lines() {
            writeln!(out, "    {}", visible(line))?;
        }
    }
    Ok(())
}

pub fn explain_json(out: &mut dyn Write, rule: &Rule, bad: &str, good: &str) -> io::Result<()> {
    let value = json!({
        "id": rule.id,
        "severity": rule.severity.name(),
        "blocks": rule.blocks,
        "fixable": rule.fixable,
        "summary": rule.summary,
        "explanation": rule.explanation,
        "url": rule.url(),
        "bad": bad,
        "good": good,
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// `text` in lines of at most `width` characters, broken at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
