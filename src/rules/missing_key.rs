//! `missing-key`: a required key is absent (`name`, `event` and `url` of an action, `actions`).

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub static RULE: Rule = Rule {
    id: "missing-key",
    severity: Severity::Error,
    summary: "a required key is absent: `actions`, or an action's `name`, `event` or `url`",
    explanation: "Every action needs a `name`, an `event` and a `url`; the file needs `actions:`. Without them there is no request to build.",
    fixable: false,
    blocks: true,
    check: None,
};

pub fn report(span: Span, key: &str, owner: &str) -> Diagnostic {
    let help = match key {
        "name" => "add `name: crm-sync` (letters, digits, `-` and `_`; unique in the file)",
        "event" => "add `event:` with one of the six events; `callactions events` lists them",
        "url" => "add `url: https://…`, the address the request goes to",
        "actions" => "add an `actions:` list; `callactions init` writes a first action",
        _ => "add it",
    };
    RULE.at(span, format!("{owner} has no `{key}`"), help)
}
