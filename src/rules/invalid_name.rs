//! `invalid-name`: an action name with characters other than letters, digits, `-` and `_`.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity, excerpt};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "invalid-name",
    severity: Severity::Error,
    summary: "an action name with characters other than letters, digits, `-` and `_`",
    explanation: "Action names are letters, digits, `-` and `_`, so that `--action NAME`, reports and JUnit test names can use them as they are.",
    fixable: false,
    blocks: true,
    check: None,
};

pub fn report(node: &Node, name: &str) -> Diagnostic {
    let replaced: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let suggestion = replaced.split_whitespace().collect::<Vec<_>>().join("-");
    RULE.at(
        node.head_span(),
        format!("`{}` is not a valid action name", excerpt(name)),
        format!(
            "use letters, digits, `-` and `_` only, as in `{}`",
            excerpt(&suggestion)
        ),
    )
}
