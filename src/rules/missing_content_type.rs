//! `missing-content-type`: a JSON body without `Content-Type: application/json`.

use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile, Method};
use crate::diagnostic::{Diagnostic, Severity};
use crate::template::body::looks_meant_as_json;
use crate::template::json_scanner;

pub static RULE: Rule = Rule {
    id: "missing-content-type",
    severity: Severity::Error,
    summary: "a JSON body without `Content-Type: application/json`, which the platform requires",
    blocks: false,
    check: Some(check),
};

fn check(_: &Context<'_>, _: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    if action.method == Method::Get || action.header("content-type").is_some() {
        return;
    }
    let Some(body) = action.written_body() else {
        return;
    };
    if json_scanner::scan(&body.parts).looks_like_json || looks_meant_as_json(&body.text) {
        out.push(RULE.at(
            body.span,
            format!(
                "action `{}` sends a JSON body without a Content-Type header",
                action.name
            ),
            "add `Content-Type: application/json` under `headers:`",
        ));
    }
}
