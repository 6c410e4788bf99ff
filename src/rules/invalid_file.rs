//! `invalid-file`: the file cannot hold actions: too large, not UTF-8, empty, or not a mapping.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::file_read::MAX_FILE_SIZE;
use crate::source::{Pos, Span};
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    id: "invalid-file",
    severity: Severity::Error,
    summary: "the file is too large, not UTF-8, empty, or not a mapping with an `actions:` list",
    explanation: "An action file is a UTF-8 text of at most 4 MiB holding one mapping with an `actions:` list. A file that is empty, only comments, a list or a string, not UTF-8, or too large has no actions to check.",
    fixable: false,
    blocks: true,
    check: None,
};

/// A file over the size cap; `size` when the file says how large it is.
pub fn too_large(size: Option<u64>) -> Diagnostic {
    let limit = MAX_FILE_SIZE / 1_048_576;
    let message = match size {
        Some(size) => format!(
            "the file is too large ({:.1} MiB; the limit is {limit} MiB)",
            size as f64 / 1_048_576.0
        ),
        None => format!("the file is too large (more than the limit of {limit} MiB)"),
    };
    RULE.at(
        Span::at(Pos::new(1, 1), 1),
        message,
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
