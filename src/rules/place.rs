//! Where in an action each placeholder stands, for the rules that care.

use std::fmt;

use crate::action::Action;
use crate::template::{Placeholder, Template};
use crate::variable::{self, Lookup};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place<'a> {
    Url,
    Header(&'a str),
    Body,
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Url => f.write_str("the URL"),
            Place::Header(name) => write!(f, "header `{name}`"),
            Place::Body => f.write_str("the body"),
        }
    }
}

/// Every template of an action with its place: the URL, each header value, the body.
pub fn templates(action: &Action) -> impl Iterator<Item = (Place<'_>, &Template)> {
    std::iter::once((Place::Url, &action.url))
        .chain(
            action
                .headers
                .iter()
                .map(|h| (Place::Header(h.name.as_str()), &h.value)),
        )
        .chain(action.body.iter().map(|b| (Place::Body, b)))
}

/// Every placeholder of an action with its place, `${env.…}` included.
pub fn placeholders(action: &Action) -> impl Iterator<Item = (Place<'_>, &Placeholder)> {
    templates(action).flat_map(|(place, template)| template.placeholders().map(move |p| (place, p)))
}

/// A placeholder that reads the payload, with its place and what it names in the
/// variable table: looked up once per action, and read by every rule about variables.
pub struct PayloadVariable<'a> {
    pub place: Place<'a>,
    pub placeholder: &'a Placeholder,
    pub lookup: Lookup<'a>,
}

pub fn payload_variables(action: &Action) -> Vec<PayloadVariable<'_>> {
    payload_placeholders(action)
        .map(|(place, placeholder)| PayloadVariable {
            place,
            placeholder,
            lookup: variable::lookup(&placeholder.path),
        })
        .collect()
}

/// Every placeholder that reads the payload (not `${env.…}`), with its place.
pub fn payload_placeholders(action: &Action) -> impl Iterator<Item = (Place<'_>, &Placeholder)> {
    placeholders(action).filter(|(_, p)| p.env_name().is_none())
}
