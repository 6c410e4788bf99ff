//! `invalid-header`: a header name that HTTP does not allow.

use super::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "invalid-header",
    severity: Severity::Error,
    summary: "a header name HTTP does not allow (spaces, colons, non-ASCII, empty)",
    check: None,
};

/// The symbols an RFC 9110 token may hold besides ASCII letters and digits.
pub const TOKEN_SYMBOLS: &str = "!#$%&'*+-.^_`|~";

pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || TOKEN_SYMBOLS.as_bytes().contains(&b))
}

pub fn report(node: &Node, name: &str) -> Diagnostic {
    RULE.at(
        node.head_span(),
        format!("`{name}` is not a valid header name"),
        "header names are ASCII letters, digits and `-` (as in `X-Call-Id`); templates go in values only",
    )
}
