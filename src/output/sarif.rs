//! SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Severity};
use crate::fix;
use crate::rules::RULES;
use crate::source::Sources;

pub fn report(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    sources: &Sources,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(diagnostics, sources))?;
    writeln!(out)
}

pub fn log(diagnostics: &[Diagnostic], sources: &Sources) -> Value {
    let rules: Vec<Value> = RULES.iter().map(|rule| rule_of(rule)).collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut region = json!({
                "startLine": d.span.start.line.max(1),
                "startColumn": d.span.start.column.max(1),
            });
            if d.span.end.line >= d.span.start.line && d.span.end.column > 0 {
                region["endLine"] = json!(d.span.end.line);
                region["endColumn"] = json!(d.span.end.column);
            }
            let mut result = json!({
                "ruleId": d.rule,
                "ruleIndex": RULES.iter().position(|r| r.id == d.rule),
                "level": level(d.severity),
                "message": {"text": format!("{}\nhelp: {}", d.message, d.help)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&d.path)},
                        "region": region,
                    }
                }],
            });
            if let Some(fix) = fix_of(d, sources) {
                result["fixes"] = json!([fix]);
            }
            result
        })
        .collect();
    json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "callactions",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// The fix `--fix` would make, as a SARIF fix: regions end one past their last character,
/// and an empty region is an insert.
fn fix_of(diagnostic: &Diagnostic, sources: &Sources) -> Option<Value> {
    let fix = diagnostic.fix.as_ref()?;
    let source = sources.get(&diagnostic.path)?;
    let replacements: Vec<Value> = fix::located(source, &fix.edits)?
        .into_iter()
        .map(|(range, replace)| {
            let span = source.span_of(range);
            json!({
                "deletedRegion": {
                    "startLine": span.start.line,
                    "startColumn": span.start.column,
                    "endLine": span.end.line,
                    "endColumn": span.end.column,
                },
                "insertedContent": {"text": replace},
            })
        })
        .collect();
    Some(json!({
        "description": {"text": fix.title},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri(&diagnostic.path)},
            "replacements": replacements,
        }],
    }))
}

fn rule_of(rule: &crate::rules::Rule) -> Value {
    json!({
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {
            "text": format!("{} See the rule table in the callactions README.", rule.summary),
        },
        "helpUri": rule.url(),
        "defaultConfiguration": {"level": level(rule.severity)},
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A relative URI reference for a path: forward slashes, and what a URI cannot hold escaped.
fn uri(path: &std::path::Path) -> String {
    let text = path.display().to_string().replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text);
    text.split('/')
        .map(crate::template::encode::percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}
