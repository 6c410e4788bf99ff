//! `duplicate-key`: the same key twice in one mapping, where YAML would silently keep one.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity, excerpt};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "duplicate-key",
    severity: Severity::Error,
    summary: "the same key twice in one mapping, where only one value would count",
    explanation: "YAML keeps only one value of a key written twice in a mapping, so one of them is silently lost. Keep one; for headers, names compare without case, so `Content-Type` and `content-type` are the same header.",
    fixable: false,
    blocks: true,
    check: None,
};

pub fn report(key: &Node, text: &str, first_line: usize) -> Diagnostic {
    RULE.at(
        key.head_span(),
        format!(
            "key `{}` is given twice (first on line {first_line})",
            excerpt(text)
        ),
        "keep one of the two",
    )
}
