//! `yaml-syntax`: the file is not valid YAML.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::yaml::SyntaxError;

pub static RULE: Rule = Rule {
    id: "yaml-syntax",
    severity: Severity::Error,
    summary: "the file is not valid YAML (tabs for indentation, bad quoting, alias bombs, deep nesting)",
    explanation: "The file cannot be read as YAML, so nothing in it is checked, rendered or sent. The message names what the YAML parser found (an unclosed quote, a tab in the indentation, a value where a key goes) and where; fix that place and run again. Alias bombs and nesting deeper than an action file needs are refused here too.",
    fixable: false,
    blocks: true,
    check: None,
};

pub fn report(error: SyntaxError) -> Diagnostic {
    RULE.at(Span::at(error.pos, 1), error.message, error.help)
}
