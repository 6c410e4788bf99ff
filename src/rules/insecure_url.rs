//! `insecure-url`: plain `http://` to a host other than this machine.

use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::url::{self, Scheme};

pub static RULE: Rule = Rule {
    id: "insecure-url",
    severity: Severity::Warning,
    summary: "`http://` to a host other than localhost: call data would cross the network unencrypted",
    explanation: "Plain `http://` to a host other than this machine sends call data (numbers, summaries, credentials) across the network unencrypted. Use `https://`; `http://` to localhost is fine for local testing.",
    fixable: false,
    blocks: false,
    check: Some(check),
};

fn check(_: &Context<'_>, _: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    let plain_http = action
        .url
        .text
        .get(..7)
        .is_some_and(|start| start.eq_ignore_ascii_case("http://"));
    if !plain_http {
        return;
    }
    let text = action.url.masked("x");
    let Ok(parsed) = url::parse(&text) else {
        return;
    };
    if parsed.scheme != Scheme::Http || parsed.is_loopback() {
        return;
    }
    out.push(RULE.at(
        action.url.span,
        format!(
            "the URL sends call data to `{}` over plain http",
            parsed.host
        ),
        "use https://; plain http is fine only for localhost",
    ));
}
