//! Templates: `${path}` placeholders in URLs, header values and bodies (SPEC §4).
//!
//! The [`lexer`] splits a template into literal text and placeholders with their spans;
//! [`json_scanner`] tells where each placeholder stands in a JSON body; [`encode`] holds
//! the encodings each place needs. Rendering a whole request lives in `request`.

pub mod encode;
pub mod json_scanner;
pub mod lexer;
mod path;

use std::ops::Range;

pub use lexer::{LexError, lex};
pub use path::{Segment, VarPath};

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
    /// Lexes `text`; spans are left at `span` until the loader maps them into the file.
    pub fn parse(text: &str) -> Result<Template, LexError> {
        Ok(Template {
            text: text.to_owned(),
            parts: lex(text)?,
            span: Span::default(),
            style: ScalarStyle::Plain,
        })
    }

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
