//! What a rule is: an id, a severity, a line of what it catches, and its check.

use super::place::PayloadVariable;
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

/// What every rule declares about itself.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// What it catches, in a line: the README table and SARIF's short description.
    pub summary: &'static str,
    /// Why it matters and how to fix it: `callactions explain` and the README.
    pub explanation: &'static str,
    /// Its findings carry a safe fix (`validate --fix`, an editor's quick fix).
    pub fixable: bool,
    /// An error of this rule keeps the request from being built, so its action is
    /// neither rendered nor sent (SPEC §7). Such a rule is always an error: it cannot
    /// be ignored or turned into a warning.
    pub blocks: bool,
    /// The check over a loaded action; `None` for rules the loader reports as it reads.
    pub check: Option<Check>,
}

/// Looks at one action of a loaded file and reports what it finds.
pub type Check = fn(&Context<'_>, &ActionFile, &Action, &mut Vec<Diagnostic>);

/// What checks may consult beyond the file itself.
pub struct Context<'a> {
    /// Reads an environment variable.
    pub env: &'a (dyn Fn(&str) -> Option<String> + Sync),
    /// The action's placeholders that read the payload, each looked up in the table.
    pub variables: &'a [PayloadVariable<'a>],
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

/// The README, where every rule is explained under an anchor of its own.
pub const README_URL: &str = "https://github.com/callactions/callactions";

impl Rule {
    /// Where the README explains this rule (the anchor its explanation carries), for
    /// editors and code scanning.
    pub fn url(&self) -> String {
        format!("{README_URL}#rule-{}", self.id)
    }

    /// A finding of this rule; the path is filled in by whoever knows the file.
    pub fn at(
        &'static self,
        span: Span,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            path: Default::default(),
            span,
            severity: self.severity,
            rule: self.id,
            message: message.into(),
            help: help.into(),
            fix: None,
            alternatives: Vec::new(),
        }
    }
}
