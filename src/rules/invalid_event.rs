//! `invalid-event`: an event name that is not one of the six.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Fix, Severity, excerpt};
use crate::event::Event;
use crate::suggestion::{closest, did_you_mean, only_closest};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "invalid-event",
    severity: Severity::Error,
    summary: "an event that is not one of the six (`call_ended` for `call_end`), with a did-you-mean",
    explanation: "An action fires at one of the six events: `call_start`, `call_end`, `call_end_connected`, `call_end_not_connected`, `transfer_start`, `transfer_end` (`callactions events` says when each fires). Event names are lower case. `--fix` renames an event when one is closest.",
    fixable: true,
    blocks: true,
    check: None,
};

pub fn parse(node: &Node, text: &str) -> Result<Event, Diagnostic> {
    Event::from_name(text).ok_or_else(|| {
        let suggestion = closest(text, Event::names());
        let events: Vec<&str> = Event::names().collect();
        RULE.at(
            node.head_span(),
            format!(
                "unknown event `{}`{}",
                excerpt(text),
                did_you_mean(suggestion)
            ),
            format!("the events are {}", events.join(", ")),
        )
        .with_fix(
            only_closest(text, Event::names()).map(|s| Fix::rename(node.head_span(), text, s)),
        )
    })
}
