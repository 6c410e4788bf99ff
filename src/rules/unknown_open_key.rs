//! `unknown-open-key`: a key of an open namespace (`context.*`, `analysis.results.*`) that
//! neither the event's sample nor the file's `variables:` has: often a typo.

use serde_json::Value;

use super::place::{self, Place};
use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggestion::{closest, did_you_mean};
use crate::template::Part;
use crate::variable::{self, Lookup};

pub static RULE: Rule = Rule {
    id: "unknown-open-key",
    severity: Severity::Warning,
    summary: "a `context.*` or `analysis.results.*` key that neither the sample nor `variables:` has, often a typo (`sumary`), with a did-you-mean",
    blocks: false,
    check: Some(check),
};

fn check(_: &Context<'_>, file: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    let base = match action.url.parts.first() {
        Some(Part::Placeholder(p)) => Some(p.range.clone()),
        _ => None,
    };
    for (place, placeholder) in place::payload_placeholders(action) {
        let Lookup::OpenKey { namespace, key } = variable::lookup(&placeholder.path) else {
            continue;
        };
        // Unavailable keys, declared namespaces and base URLs have rules of their own.
        let starts_url = place == Place::Url && base.as_ref() == Some(&placeholder.range);
        if !namespace.at(action.event) || file.declared.keys(namespace.path).is_some() || starts_url
        {
            continue;
        }
        let Value::Object(sample) = namespace.example_for(action.event) else {
            continue;
        };
        if sample.contains_key(key) {
            continue;
        }
        let suggestion = closest(key, sample.keys().map(String::as_str))
            .map(|s| format!("{}.{s}", namespace.path));
        out.push(RULE.at(
            placeholder.span,
            format!(
                "`{key}` in {place} is a key of `{}` that no sample has and the file does not declare{}",
                namespace.path,
                did_you_mean(suggestion.as_deref())
            ),
            format!(
                "fix the name, or declare it (`variables: {}: [{key}]`) if the platform sends it, so typos are caught",
                namespace.path
            ),
        ));
    }
}
