//! `unknown-base-url`: a URL whose start comes from a variable that, in the event's
//! sample, is missing or is not a URL: where the request goes cannot be checked, and
//! rendering it needs a value for it.

use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::payload;
use crate::template::Part;
use crate::template::encode::stringify;
use crate::url;
use crate::variable;

pub static RULE: Rule = Rule {
    id: "unknown-base-url",
    severity: Severity::Warning,
    summary: "a URL that starts with a variable the event's sample does not have as a URL: where it goes cannot be checked, and `render` needs `--set`",
    explanation: "The URL starts with a variable the sample does not have as a URL (a base from the call's context), so where the request goes cannot be checked, and `render` and `fire` need its value: give it with `--set`, a payload file, or the project file's `[set]`.",
    fixable: false,
    blocks: false,
    check: Some(check),
};

fn check(_: &Context<'_>, _: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    let Some(Part::Placeholder(base)) = action.url.parts.first() else {
        return;
    };
    // `${env.…}` is read when rendering; a variable of no event, or not of this one,
    // is `unknown-variable`'s or `unavailable-variable`'s.
    if base.env_name().is_some() || !variable::lookup(&base.path).at(action.event) {
        return;
    }
    let sample = payload::sample_ref(action.event);
    let problem = match payload::get(sample, &base.path) {
        None => format!("the `{}` sample has no `{}`", action.event, base.path),
        Some(value) => match url::parse(&stringify(value)) {
            Ok(_) => return,
            Err(problem) => format!(
                "in the `{}` sample it is `{}`: {problem}",
                action.event,
                stringify(value)
            ),
        },
    };
    out.push(RULE.at(
        base.span,
        format!(
            "the URL starts with `${{{}}}`, but {problem}, so where the request goes cannot be checked",
            base.path
        ),
        format!(
            "render and fire with a value for it, as `--set {}=https://api.example.com`, or a payload file",
            base.path
        ),
    ));
}
