//! Templates: `${path}` placeholders in URLs, header values and bodies (SPEC §4).
//!
//! [`parts`] is what a template is made of; the [`lexer`] splits text into those parts
//! with their spans; [`fill`] is the one loop that fills placeholders in, for rendering
//! and for the checks alike; [`json_scanner`] tells where each placeholder stands in a
//! JSON body and [`body`] what kind of body a template is; [`encode`] holds the encodings
//! each place needs.

pub mod body;
pub mod encode;
pub mod fill;
pub mod json_scanner;
pub mod lexer;
pub mod parts;
mod path;

pub use lexer::{LexError, lex};
pub use parts::{Part, Placeholder, Template};
pub use path::{Segment, VarPath};
