//! `unknown-open-key`: a key of an open namespace (`context.*`, `analysis.results.*`) that
//! neither the event's sample nor the file's `variables:` has, and that is close to a key
//! the sample has: a typo, most likely. A key far from every key of the sample is taken as
//! the task's own (declaring the namespace checks those exactly).

use std::cell::RefCell;
use std::collections::HashMap;

use serde_json::Value;

use super::place::Place;
use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::event::Event;
use crate::payload;
use crate::suggestion::{did_you_mean, slip_of};
use crate::template::Part;
use crate::variable::Lookup;

pub static RULE: Rule = Rule {
    id: "unknown-open-key",
    severity: Severity::Warning,
    summary: "a `context.*` or `analysis.results.*` key that neither the sample nor `variables:` has but is close to one of the sample's (`sumary` for `summary`)",
    explanation: "`context.*` and `analysis.results.*` hold keys of the task's own, which the tool cannot know. A key that neither the sample nor `variables:` has, but that is close to a key of the sample, is most likely a typo. Fix it, or declare the namespace's keys (`variables:`) so every key is checked exactly.",
    fixable: false,
    blocks: false,
    check: Some(check),
};

fn check(context: &Context<'_>, file: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    let base = match action.url.parts.first() {
        Some(Part::Placeholder(p)) => Some(p.range.clone()),
        _ => None,
    };
    for variable in context.variables {
        let (place, placeholder) = (variable.place, variable.placeholder);
        let Lookup::OpenKey { namespace, key } = variable.lookup else {
            continue;
        };
        // Unavailable keys, declared namespaces and base URLs have rules of their own.
        let starts_url = place == Place::Url && base.as_ref() == Some(&placeholder.range);
        if !namespace.at(action.event) || file.declared.keys(namespace.path).is_some() || starts_url
        {
            continue;
        }
        let Some(suggestion) = near_miss(action.event, namespace.path, key) else {
            continue;
        };
        out.push(RULE.at(
            placeholder.span,
            format!(
                "`{key}` in {place} is a key of `{}` that no sample has and the file does not declare{}",
                namespace.path,
                did_you_mean(Some(&suggestion))
            ),
            format!(
                "fix the name, or declare it (`variables: {}: [{key}]`) if the platform sends it, so typos are caught",
                namespace.path
            ),
        )
        // A typo, or the task's own key: both are possible, so one is offered, none chosen.
        .with_alternatives(vec![Fix::rename(
            placeholder.span,
            &format!("{}.{key}", namespace.path),
            &suggestion,
        )]));
    }
}

/// The sample's key that `key` is a slip of, as a full path. The same few keys recur in
/// every action of a repository, so each verdict is kept (per thread) once made.
fn near_miss(event: Event, namespace: &'static str, key: &str) -> Option<String> {
    type Verdicts = HashMap<(Event, &'static str), HashMap<String, Option<String>>>;
    thread_local! {
        static VERDICTS: RefCell<Verdicts> = RefCell::new(HashMap::new());
    }
    let remembered = VERDICTS.with_borrow(|verdicts| {
        verdicts
            .get(&(event, namespace))
            .and_then(|keys| keys.get(key))
            .cloned()
    });
    if let Some(verdict) = remembered {
        return verdict;
    }
    let verdict = match payload::get_path(payload::sample_ref(event), namespace) {
        Some(Value::Object(sample)) if !sample.contains_key(key) => {
            slip_of(key, sample.keys().map(String::as_str)).map(|s| format!("{namespace}.{s}"))
        }
        _ => None,
    };
    VERDICTS.with_borrow_mut(|verdicts| {
        verdicts
            .entry((event, namespace))
            .or_default()
            .insert(key.to_owned(), verdict.clone())
    });
    verdict
}
