//! The checks `validate` runs, one rule a file, each with a stable kebab-case id.
//!
//! Rules about the shape of a file (keys, types, values) are reported by the loader as it
//! reads, since it is there that the place of each key and value is known; the rest look at
//! the loaded actions. Both kinds are registered in [`RULES`], which the README, the SARIF
//! output and the fixture tests read.

pub mod bare_string;
pub mod body_ignored;
pub mod duplicate_key;
pub mod duplicate_name;
pub mod env_missing;
pub mod examples;
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
mod rule;
pub mod template_syntax;
pub mod timeout_range;
pub mod unavailable_variable;
pub mod undeclared_key;
pub mod unknown_base_url;
pub mod unknown_key;
pub mod unknown_open_key;
pub mod unknown_variable;
pub mod unused_ignore;
pub mod wrong_type;
pub mod yaml_syntax;

pub use rule::{Check, Context, Rule};

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
    &unknown_open_key::RULE,
    &unknown_base_url::RULE,
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
