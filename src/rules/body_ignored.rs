//! `body-ignored`: a body on a GET action, which is never sent.

use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile, Method};
use crate::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    id: "body-ignored",
    severity: Severity::Warning,
    summary: "a body on a GET action: it is not sent",
    explanation: "A GET request carries no body on the platform: what is written under `body:` is never sent. Send the values in the URL's query, or use POST or PUT.",
    fixable: false,
    blocks: false,
    check: Some(check),
};

fn check(_: &Context<'_>, _: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    if action.method != Method::Get {
        return;
    }
    if let Some(body) = action.written_body() {
        out.push(RULE.at(
            body.span,
            format!(
                "action `{}` is a GET, so its body is never sent",
                action.name
            ),
            "use `method: POST` (or PUT) to send a body, or remove it and pass values in the URL",
        ));
    }
}
