//! `env-missing`: `${env.NAME}` where NAME is not set in the environment running the check.

use super::place;
use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    id: "env-missing",
    severity: Severity::Warning,
    summary: "`${env.NAME}` where NAME is not set here: rendering and firing would fail",
    explanation: "`${env.NAME}` is read from the environment where actions are rendered and fired (or from a `.env` or `--env-file`). Where NAME is not set, rendering and firing fail. Set it, in CI from a secret.",
    fixable: false,
    blocks: false,
    check: Some(check),
};

fn check(context: &Context<'_>, _: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    for (place, placeholder) in place::placeholders(action) {
        let Some(name) = placeholder.env_name() else {
            continue;
        };
        if (context.env)(name).is_some() {
            continue;
        }
        out.push(RULE.at(
            placeholder.span,
            format!("environment variable `{name}` (in {place}) is not set"),
            format!("set it where actions are rendered or fired: `export {name}=…`; in CI, from a secret"),
        ));
    }
}
