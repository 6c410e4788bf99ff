//! `header-injection`: free text (a summary, a reason) in a header value, where a line
//! break at run time would stop the request.

use super::place;
use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::place::Place;
use crate::variable::{self, Lookup};

pub static RULE: Rule = Rule {
    id: "header-injection",
    severity: Severity::Warning,
    summary: "free text (`analysis.results.*`, `transfer.reason`) in a header value, which can carry a line break",
    explanation: "Free text (a summary, a transfer reason) comes from the call and can hold a line break or a very long text at run time, which a header cannot carry. Put it in the body instead.",
    fixable: false,
    blocks: false,
    check: Some(check),
};

fn check(_: &Context<'_>, _: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    for (place, placeholder) in place::payload_placeholders(action) {
        let Place::Header(name) = place else {
            continue;
        };
        let free_text = match variable::lookup(&placeholder.path) {
            Lookup::Variable(v) | Lookup::OpenKey { namespace: v, .. } => v.free_text,
            Lookup::Object(_) | Lookup::Unknown => false,
        };
        if free_text {
            out.push(RULE.at(
                placeholder.span,
                format!(
                    "`${{{}}}` is free text in header `{name}`; a line break in it would stop the request",
                    placeholder.path
                ),
                "send free text in the body, where it is escaped; keep headers to ids and codes",
            ));
        }
    }
}
