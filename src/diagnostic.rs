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
    /// The safe change that resolves it, when there is exactly one.
    pub fix: Option<Fix>,
    /// Changes that would resolve it when more than one is possible (rename, or
    /// declare?): an editor offers them to choose from; `--fix` applies none.
    pub alternatives: Vec<Fix>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    pub fn with_fix(mut self, fix: Option<Fix>) -> Diagnostic {
        self.fix = fix;
        self
    }

    pub fn with_alternatives(mut self, alternatives: Vec<Fix>) -> Diagnostic {
        self.alternatives = alternatives;
        self
    }
}

/// A change of the file that resolves a finding (`validate --fix`, an editor's quick fix).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fix {
    /// What it does, in a few words: "rename `header` to `headers`".
    pub title: String,
    pub edits: Vec<Edit>,
}

/// One edit: within the file text at `span`, the one occurrence of `find` becomes
/// `replace`; with `find` empty, `replace` is inserted at the span's start. An edit whose
/// `find` is not there exactly once (the text was written with escapes, or changed) is not
/// made, so a fix never guesses.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edit {
    pub span: Span,
    pub find: String,
    pub replace: String,
}

impl Fix {
    /// Renames what `span` holds from `from` to `to`.
    pub fn rename(span: Span, from: &str, to: &str) -> Fix {
        Fix {
            title: format!("rename `{from}` to `{to}`"),
            edits: vec![Edit {
                span,
                find: from.to_owned(),
                replace: to.to_owned(),
            }],
        }
    }

    /// Inserts `text` at `at`.
    pub fn insert(title: String, at: crate::source::Pos, text: String) -> Fix {
        Fix {
            title,
            edits: vec![Edit {
                span: Span::new(at, at),
                find: String::new(),
                replace: text,
            }],
        }
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
