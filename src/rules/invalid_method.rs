//! `invalid-method`: a method other than GET, POST or PUT.

use super::rule::Rule;
use crate::action::Method;
use crate::diagnostic::{Diagnostic, Severity, excerpt};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "invalid-method",
    severity: Severity::Error,
    summary: "a method other than GET, POST or PUT (the ones the platform sends)",
    explanation: "The platform sends GET, POST and PUT. Another method (DELETE, PATCH) would never be sent as written.",
    fixable: false,
    blocks: true,
    check: None,
};

pub fn parse(node: &Node, text: &str) -> Result<Method, Diagnostic> {
    Method::from_name(text.trim()).ok_or_else(|| {
        RULE.at(
            node.head_span(),
            format!("method `{}` is not supported", excerpt(text)),
            "the platform sends GET, POST or PUT",
        )
    })
}
