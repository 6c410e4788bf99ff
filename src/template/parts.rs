//! What a template is made of: literal text and `${path}` placeholders, each knowing
//! where it stands in its file.

use std::ops::Range;

use super::path::{Segment, VarPath};
use crate::source::{Pos, Source, Span};
use crate::yaml::{self, ScalarStyle};

/// A template string, split into its parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    /// The template as written (after YAML decoding).
    pub text: String,
    pub parts: Vec<Part>,
    /// Where the template's scalar stands in its file, and how it is written there.
    pub span: Span,
    pub style: ScalarStyle,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Literal text, with `$${` already turned into `${`.
    Literal(String),
    Placeholder(Placeholder),
}

/// One `${path}`.
#[derive(Clone, Debug, PartialEq)]
pub struct Placeholder {
    pub path: VarPath,
    /// Byte range of `${…}` in [`Template::text`].
    pub range: Range<usize>,
    /// Where `${…}` stands in the file.
    pub span: Span,
}

impl Placeholder {
    /// The environment variable this placeholder reads, for `${env.NAME}`.
    pub fn env_name(&self) -> Option<&str> {
        match self.path.segments() {
            [Segment::Key(ns), Segment::Key(name)] if ns == "env" => Some(name),
            _ => None,
        }
    }
}

impl Template {
    /// The place in `source` of each byte offset (ascending) of [`Template::text`].
    pub fn positions(&self, source: &Source, offsets: &[usize]) -> Vec<Pos> {
        yaml::locate(source, self.span, self.style, &self.text, offsets)
    }

    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.parts.iter().filter_map(|part| match part {
            Part::Placeholder(p) => Some(p),
            Part::Literal(_) => None,
        })
    }

    /// The template with every placeholder replaced by `mask`, for checks on its shape.
    pub fn masked(&self, mask: &str) -> String {
        self.parts
            .iter()
            .map(|part| match part {
                Part::Literal(text) => text.as_str(),
                Part::Placeholder(_) => mask,
            })
            .collect()
    }
}
