//! `template-syntax`: a placeholder that cannot be read (`${` unclosed, `${}`, `${a..b}`).

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::template::LexError;

pub static RULE: Rule = Rule {
    id: "template-syntax",
    severity: Severity::Error,
    summary: "a placeholder that cannot be read: unterminated `${`, empty `${}`, a bad path segment",
    explanation: "A placeholder is `${path}`, the path made of names separated by dots (`callInfo.callSid`, `context.items.0`). An unterminated `${`, an empty `${}` or a bad segment cannot be read. Write `$${` for a literal `${`.",
    fixable: false,
    blocks: true,
    check: None,
};

pub fn report(error: LexError, span: Span) -> Diagnostic {
    RULE.at(span, error.message, error.help)
}
