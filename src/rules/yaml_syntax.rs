//! `yaml-syntax`: the file is not valid YAML.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::yaml::SyntaxError;

pub static RULE: Rule = Rule {
    id: "yaml-syntax",
    severity: Severity::Error,
    summary: "the file is not valid YAML (tabs for indentation, bad quoting, alias bombs, deep nesting)",
    blocks: true,
    check: None,
};

pub fn report(error: SyntaxError) -> Diagnostic {
    RULE.at(Span::at(error.pos, 1), error.message, error.help)
}
