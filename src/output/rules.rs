//! `callactions rules`: every rule, its severity, whether its errors keep a request from
//! being built, and what it catches.

use std::io::{self, Write};

use serde_json::json;

use super::paint::Paint;
use crate::rules::RULES;

pub fn human(out: &mut dyn Write, paint: Paint) -> io::Result<()> {
    let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0) + 2;
    for rule in RULES {
        let severity = match rule.severity {
            crate::diagnostic::Severity::Error => paint.error("error  "),
            crate::diagnostic::Severity::Warning => paint.warning("warning"),
        };
        let effect = if rule.blocks { "not sent" } else { "        " };
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
                "summary": r.summary,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}
