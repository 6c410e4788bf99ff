//! `unknown-variable`: a placeholder naming a path that no event has.

use super::place::PayloadVariable;
use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::suggestion::{closest, did_you_mean, only_closest};
use crate::variable::{self, Lookup};

pub static RULE: Rule = Rule {
    id: "unknown-variable",
    severity: Severity::Error,
    summary: "a placeholder naming a path no event has (`callInfo.callsid`), with a did-you-mean",
    explanation: "The path names no variable of any event: a typo, most often in the case of a letter (`callInfo.callsid`). It would render as empty on the platform. `callactions payload EVENT --vars` lists the variables; `--fix` renames the path when one is closest.",
    fixable: true,
    blocks: false,
    check: Some(check),
};

fn check(context: &Context<'_>, _: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    for PayloadVariable {
        place,
        placeholder,
        lookup,
    } in context.variables
    {
        if *lookup != Lookup::Unknown {
            continue;
        }
        let path = placeholder.path.to_string();
        let known = variable::known_paths();
        let suggestion = closest(&path, known.iter().map(String::as_str));
        out.push(
            RULE.at(
                placeholder.span,
                format!(
                    "`${{{path}}}` in {place} is not a variable of any event{}",
                    did_you_mean(suggestion)
                ),
                format!(
                    "the variables of `{}` are {}",
                    action.event,
                    variable::summary_at(action.event)
                ),
            )
            .with_fix(
                only_closest(&path, known.iter().map(String::as_str))
                    .map(|s| Fix::rename(placeholder.span, &path, s)),
            ),
        );
    }
}
