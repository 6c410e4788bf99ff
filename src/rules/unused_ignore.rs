//! `unused-ignore`: a `# callactions-ignore:` comment that silences nothing.

use super::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub static RULE: Rule = Rule {
    id: "unused-ignore",
    severity: Severity::Warning,
    summary: "a `# callactions-ignore: RULE` comment that silences nothing (or names no rule)",
    check: None,
};

pub fn report(span: Span, rule: &str, known: bool) -> Diagnostic {
    if known {
        RULE.at(
            span,
            format!("`{rule}` is ignored here, but it reports nothing on this line or the next"),
            "remove the ignore comment, or move it to the line of the finding or the line above",
        )
    } else {
        let suggestion = crate::suggestion::closest(rule, super::RULES.iter().map(|r| r.id));
        RULE.at(
            span,
            format!(
                "`{rule}` is not a rule{}",
                crate::suggestion::did_you_mean(suggestion)
            ),
            "`callactions validate --help` lists the rules; the README explains each",
        )
    }
}
