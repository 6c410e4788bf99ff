//! `invalid-header`: a header HTTP cannot carry: a name that is not a token, or a value
//! written with a line break or another control character.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity, excerpt};
use crate::header;
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "invalid-header",
    severity: Severity::Error,
    summary: "a header HTTP cannot carry: a name with spaces, colons or non-ASCII, or a value with a line break or control character",
    explanation: "Header names are HTTP tokens (letters, digits and `!#$%&'*+-.^_`|~`), and header values cannot hold line breaks or control characters. HTTP cannot carry them, and a line break would inject a header, so the request is never built.",
    fixable: false,
    blocks: true,
    check: None,
};

pub fn report_name(node: &Node, name: &str) -> Diagnostic {
    RULE.at(
        node.head_span(),
        format!("`{}` is not a valid header name", excerpt(name)),
        "header names are ASCII letters, digits and `-` (as in `X-Call-Id`); templates go in values only",
    )
}

pub fn report_value(node: &Node, name: &str, forbidden: char) -> Diagnostic {
    RULE.at(
        node.head_span(),
        format!(
            "the value of header `{name}` contains {}, which a header cannot carry",
            header::describe_forbidden(forbidden)
        ),
        "write the value on one line, without control characters; send longer text in the body",
    )
}
