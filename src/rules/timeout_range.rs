//! `timeout-range`: a timeout that is not a whole number of seconds from 1 to 60.

use super::rule::Rule;
use crate::action::TIMEOUT_RANGE;
use crate::diagnostic::{Diagnostic, Severity};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "timeout-range",
    severity: Severity::Error,
    summary: "a timeout that is not a whole number of seconds from 1 to 60",
    explanation: "An action's `timeout` is a whole number of seconds from 1 to 60, as the platform takes it: no fractions, no units.",
    fixable: false,
    blocks: true,
    check: None,
};

pub fn parse(node: &Node, text: &str) -> Result<u64, Diagnostic> {
    let (min, max) = (TIMEOUT_RANGE.start(), TIMEOUT_RANGE.end());
    let help = format!("write a whole number of seconds from {min} to {max}, as in `timeout: 15`");
    let quoted = node.kind() == crate::yaml::Kind::String;
    match text.trim().parse::<f64>() {
        Ok(seconds)
            if !quoted
                && seconds.fract() == 0.0
                && TIMEOUT_RANGE.contains(&(seconds as u64))
                && seconds >= 1.0 =>
        {
            Ok(seconds as u64)
        }
        Ok(seconds) if !quoted && seconds.fract() != 0.0 => Err(RULE.at(
            node.head_span(),
            format!("timeout `{text}` is not a whole number of seconds"),
            help,
        )),
        Ok(_) if !quoted => Err(RULE.at(
            node.head_span(),
            format!("timeout `{text}` is outside {min} to {max} seconds"),
            help,
        )),
        _ => Err(RULE.at(
            node.head_span(),
            format!("timeout `{text}` is not a number of seconds"),
            help,
        )),
    }
}
