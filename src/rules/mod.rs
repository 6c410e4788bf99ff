//! The checks `validate` runs, one rule a file, each with a stable kebab-case id.
//!
//! Rules about the shape of a file (keys, types, values) are reported by the loader as it
//! reads, since it is there that the place of each key and value is known; the rest look at
//! the loaded actions. Both kinds are registered in [`RULES`], which the README, the SARIF
//! output and the fixture tests read.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub mod duplicate_key;
pub mod duplicate_name;
pub mod invalid_event;
pub mod invalid_file;
pub mod invalid_header;
pub mod invalid_method;
pub mod invalid_name;
pub mod invalid_url;
pub mod missing_key;
pub mod template_syntax;
pub mod timeout_range;
pub mod unknown_key;
pub mod wrong_type;
pub mod yaml_syntax;

/// What every rule declares about itself.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// What it catches, in a line: the README table and SARIF's short description.
    pub summary: &'static str,
}

impl Rule {
    /// A finding of this rule; the path is filled in by whoever knows the file.
    pub fn at(
        &'static self,
        span: Span,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            path: Default::default(),
            span,
            severity: self.severity,
            rule: self.id,
            message: message.into(),
            help: help.into(),
        }
    }
}

/// Every rule, in the order the README lists them.
pub static RULES: &[&Rule] = &[
    &yaml_syntax::RULE,
    &invalid_file::RULE,
    &unknown_key::RULE,
    &duplicate_key::RULE,
    &missing_key::RULE,
    &wrong_type::RULE,
    &invalid_name::RULE,
    &duplicate_name::RULE,
    &invalid_event::RULE,
    &invalid_method::RULE,
    &timeout_range::RULE,
    &invalid_url::RULE,
    &invalid_header::RULE,
    &template_syntax::RULE,
];

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.id == id)
}
