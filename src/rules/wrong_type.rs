//! `wrong-type`: a value of the wrong kind (a list where text goes, quotes around a number…).

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "wrong-type",
    severity: Severity::Error,
    summary: "a value of the wrong kind: a list where text goes, a mapping where a list goes",
    explanation: "A value of the wrong kind: a list where text goes (`event: [call_end]`), text where a mapping goes (`headers: Content-Type application/json`). Write it in the shape the format takes; the message shows an example.",
    fixable: false,
    blocks: true,
    check: None,
};

/// `what` names the value (`` `url` ``), `expected` the kind it needs with an example.
pub fn report(node: &Node, what: &str, expected: &str, example: &str) -> Diagnostic {
    RULE.at(
        node.head_span(),
        format!(
            "{what} must be {expected}, but it is {}",
            node.kind().describe()
        ),
        format!("write it as {example}"),
    )
}
