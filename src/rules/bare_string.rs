//! `bare-string`: a string variable in a bare JSON value position; it will be quoted.

use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::template::body::BodyKind;
use crate::template::json_scanner::{self, Slot};
use crate::variable::{self, Lookup, VarType};

pub static RULE: Rule = Rule {
    id: "bare-string",
    severity: Severity::Warning,
    summary: "a string variable as a bare JSON value (`: ${outcome}`): it is inserted quoted",
    explanation: "A string variable as a bare JSON value (`\"outcome\": ${outcome}`) is inserted quoted, as a JSON string, so the body stays valid. Most often the quotes were meant to be written: write `\"${outcome}\"`. If the bare form is what you want, ignore the rule for this line.",
    fixable: false,
    blocks: false,
    check: Some(check),
};

fn check(_: &Context<'_>, _: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    let Some(body) = action.written_body() else {
        return;
    };
    let scan = json_scanner::scan(&body.parts);
    if action.body_kind(&scan) != BodyKind::Json {
        return;
    }
    for (placeholder, slot) in body.placeholders().zip(&scan.slots) {
        if *slot != Slot::Bare {
            continue;
        }
        let is_string = placeholder.env_name().is_some()
            || matches!(variable::lookup(&placeholder.path), Lookup::Variable(v) if v.ty == VarType::String);
        if is_string {
            let path = &placeholder.path;
            out.push(RULE.at(
                placeholder.span,
                format!("`${{{path}}}` is a string in a bare JSON value position; it is inserted with quotes"),
                format!("write `\"${{{path}}}\"` to make that plain, or ignore this if the quotes are what you want"),
            ));
        }
    }
}
