//! `unknown-key`: a key the file format does not have, usually a typo.

use super::rule::Rule;
use crate::action::Field;
use crate::diagnostic::{Diagnostic, Fix, Severity, excerpt};
use crate::suggestion::{closest, did_you_mean, only_closest};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "unknown-key",
    severity: Severity::Error,
    summary: "a key the file format does not have (`header` for `headers`), with a did-you-mean",
    explanation: "The format has a fixed set of keys at the top (`variables`, `actions`) and in each action (`name`, `event`, `method`, `url`, `timeout`, `headers`, `body`). Any other key is a typo or a setting the platform does not have, and the platform would ignore it silently: the action is not sent until it is fixed. `--fix` renames a key when one known key is closest.",
    fixable: true,
    blocks: true,
    check: None,
};

pub fn report(key: &Node, text: &str, known: &[Field], place: &str) -> Diagnostic {
    let names = known.iter().map(|f| f.key);
    let suggestion = closest(text, names.clone());
    let list: Vec<String> = names.map(|k| format!("`{k}`")).collect();
    RULE.at(
        key.head_span(),
        format!(
            "unknown key `{}` in {place}{}",
            excerpt(text),
            did_you_mean(suggestion)
        ),
        match suggestion {
            Some(s) => format!("rename it to `{s}`"),
            None => format!(
                "the keys allowed here are {}",
                crate::suggestion::join_and(&list)
            ),
        },
    )
    .with_fix(
        only_closest(text, known.iter().map(|f| f.key))
            .map(|s| Fix::rename(key.head_span(), text, s)),
    )
}
