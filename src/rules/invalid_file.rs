//! `invalid-file`: the file cannot hold actions: too large, not UTF-8, empty, or not a mapping.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Pos, Span};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "invalid-file",
    severity: Severity::Error,
    summary: "the file is too large, not UTF-8, empty, or not a mapping with an `actions:` list",
    blocks: true,
    check: None,
};

/// Action files are small; anything this large is a mistake, and is refused unread.
pub const MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;

pub fn too_large(size: u64) -> Diagnostic {
    RULE.at(
        Span::at(Pos::new(1, 1), 1),
        format!(
            "the file is too large ({:.1} MiB; the limit is {} MiB)",
            size as f64 / 1_048_576.0,
            MAX_FILE_SIZE / 1_048_576
        ),
        "split the actions into several files, or check that this is the file you meant",
    )
}

pub fn not_utf8(at: Pos) -> Diagnostic {
    RULE.at(
        Span::at(at, 1),
        "the file is not UTF-8 text",
        "save the file as UTF-8",
    )
}

pub fn empty() -> Diagnostic {
    RULE.at(
        Span::at(Pos::new(1, 1), 1),
        "the file has no YAML content (it is empty or only comments)",
        "add an `actions:` list, or run `callactions init` to write one",
    )
}

pub fn not_a_mapping(root: &Node) -> Diagnostic {
    RULE.at(
        root.head_span(),
        format!(
            "the file must be a mapping with an `actions:` list, but it is {}",
            root.kind().describe()
        ),
        "start the file with `actions:` and list the actions below it, each beginning with `- name:`",
    )
}
