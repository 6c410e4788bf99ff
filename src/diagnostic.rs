//! A problem found in an action file: where, how bad, which rule, and how to fix it.

use std::path::PathBuf;

use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub span: Span,
    pub severity: Severity,
    /// The id of the rule that found it, as in `# callactions-ignore: RULE`.
    pub rule: &'static str,
    pub message: String,
    pub help: String,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Characters of the user's text a message quotes: a snippet shows the rest in place.
const EXCERPT: usize = 60;

/// `text` as a message quotes it: cut after [`EXCERPT`] characters, with `…`.
pub fn excerpt(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(EXCERPT) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..end])),
    }
}
