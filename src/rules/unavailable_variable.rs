//! `unavailable-variable`: a variable that exists, but not at the action's event.

use super::place::PayloadVariable;
use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::variable::{self, Lookup};

pub static RULE: Rule = Rule {
    id: "unavailable-variable",
    severity: Severity::Error,
    summary: "a variable that exists, but not at the action's event (`analysis.*` at `call_start`)",
    explanation: "The variable exists, but not at the action's event: the analysis only exists once the call has ended, `transfer.*` only at transfer events. It would render as empty. Fire the action at an event that has it, or use a variable the event has.",
    fixable: false,
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
        if *lookup == Lookup::Unknown || lookup.at(action.event) {
            continue;
        }
        out.push(RULE.at(
            placeholder.span,
            format!(
                "`${{{}}}` in {place} is not available at `{}`: only at {}",
                placeholder.path,
                action.event,
                lookup.events().describe()
            ),
            format!(
                "fire the action at one of those events, or use a variable of `{}`: {}",
                action.event,
                variable::summary_at(action.event)
            ),
        ));
    }
}
