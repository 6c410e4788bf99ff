//! `unused-ignore`: a `# callactions-ignore:` comment that silences nothing.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::suggestion::did_you_mean;

pub static RULE: Rule = Rule {
    id: "unused-ignore",
    severity: Severity::Warning,
    summary: "a `# callactions-ignore: RULE` comment that silences nothing (or names no rule)",
    explanation: "A `# callactions-ignore: RULE` comment silences the findings of RULE on its line and the next. One that silences nothing, or names no rule, is stale or a typo: remove or fix it.",
    fixable: false,
    blocks: false,
    check: None,
};

/// An ignore of a rule that reported nothing there.
pub fn unused(span: Span, rule: &str) -> Diagnostic {
    RULE.at(
        span,
        format!("`{rule}` is ignored here, but it reports nothing on this line or the next"),
        "remove the ignore comment, or move it to the line of the finding or the line above",
    )
}

/// An ignore of a rule whose errors keep a request from being built: not silenced.
pub fn cannot(span: Span, rule: &str) -> Diagnostic {
    RULE.at(
        span,
        format!("`{rule}` cannot be ignored: its errors keep the request from being built"),
        "fix what it reports instead, and remove the ignore comment",
    )
}

/// An ignore naming no rule; `suggestion` is the closest rule id.
pub fn unknown(span: Span, rule: &str, suggestion: Option<&str>) -> Diagnostic {
    RULE.at(
        span,
        format!("`{rule}` is not a rule{}", did_you_mean(suggestion)),
        "the README's rule table lists every rule",
    )
}
