//! `duplicate-name`: two actions of one file with the same name.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub static RULE: Rule = Rule {
    id: "duplicate-name",
    severity: Severity::Error,
    summary: "two actions of one file share a name, so `--action NAME` could not tell them apart",
    explanation: "Two actions of one file with one name cannot be told apart by `--action NAME`, in reports or in CI results. Give each its own name.",
    fixable: false,
    blocks: true,
    check: None,
};

pub fn report(span: Span, name: &str, first_line: usize) -> Diagnostic {
    RULE.at(
        span,
        format!("another action is already named `{name}` (line {first_line})"),
        "give each action of a file its own name",
    )
}
