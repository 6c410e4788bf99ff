//! The checks `validate` runs, one rule a file, each with a stable kebab-case id.
//!
//! Rules about the shape of a file (keys, types, values) are reported by the loader as it
//! reads, since it is there that the place of each key and value is known; the rest look at
//! the loaded actions. Both kinds are registered in [`RULES`], which the README, the SARIF
//! output and the fixture tests read.

use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub mod bare_string;
pub mod body_ignored;
pub mod duplicate_key;
pub mod duplicate_name;
pub mod env_missing;
pub mod header_injection;
pub mod insecure_url;
pub mod invalid_event;
pub mod invalid_file;
pub mod invalid_header;
pub mod invalid_json_body;
pub mod invalid_method;
pub mod invalid_name;
pub mod invalid_url;
pub mod missing_content_type;
pub mod missing_key;
pub mod place;
pub mod template_syntax;
pub mod timeout_range;
pub mod unavailable_variable;
pub mod undeclared_key;
pub mod unknown_key;
pub mod unknown_variable;
pub mod unused_ignore;
pub mod wrong_type;
pub mod yaml_syntax;

/// What every rule declares about itself.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// What it catches, in a line: the README table and SARIF's short description.
    pub summary: &'static str,
    /// The check over a loaded action; `None` for rules the loader reports as it reads.
    pub check: Option<Check>,
}

/// Looks at one action of a loaded file and reports what it finds.
pub type Check = fn(&Context<'_>, &ActionFile, &Action, &mut Vec<Diagnostic>);

/// What checks may consult beyond the file itself.
pub struct Context<'a> {
    /// Reads an environment variable.
    pub env: &'a (dyn Fn(&str) -> Option<String> + Sync),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
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
    &unknown_variable::RULE,
    &unavailable_variable::RULE,
    &undeclared_key::RULE,
    &invalid_json_body::RULE,
    &missing_content_type::RULE,
    &body_ignored::RULE,
    &bare_string::RULE,
    &header_injection::RULE,
    &env_missing::RULE,
    &insecure_url::RULE,
    &unused_ignore::RULE,
];

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.id == id)
}
