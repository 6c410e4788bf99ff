//! `undeclared-key`: a key of a declared open namespace that the file does not declare.

use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggestion::{closest, did_you_mean};
use crate::variable::Lookup;

pub static RULE: Rule = Rule {
    id: "undeclared-key",
    severity: Severity::Error,
    summary: "a `context.*` or `analysis.results.*` key the file's `variables:` does not declare",
    blocks: false,
    check: Some(check),
};

fn check(context: &Context<'_>, file: &ActionFile, _: &Action, out: &mut Vec<Diagnostic>) {
    for variable in context.variables {
        let (place, placeholder) = (variable.place, variable.placeholder);
        let Lookup::OpenKey { namespace, key } = variable.lookup else {
            continue;
        };
        let Some(declared) = file.declared.keys(namespace.path) else {
            continue;
        };
        if declared.iter().any(|d| d == key) {
            continue;
        }
        let suggestion = closest(key, declared.iter().map(String::as_str));
        out.push(RULE.at(
            placeholder.span,
            format!(
                "`{key}` in {place} is not a declared key of `{}`{}",
                namespace.path,
                did_you_mean(suggestion.map(|s| format!("{}.{s}", namespace.path)).as_deref())
            ),
            format!(
                "fix the name, or add `{key}` to `variables: {}:` at the top of the file",
                namespace.path
            ),
        ));
    }
}
