//! `undeclared-key`: a key of a declared open namespace that the file does not declare.

use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::fix;
use crate::source::{Pos, Span};
use crate::suggestion::{closest, did_you_mean};
use crate::variable::Lookup;

pub static RULE: Rule = Rule {
    id: "undeclared-key",
    severity: Severity::Error,
    summary: "a `context.*` or `analysis.results.*` key the file's `variables:` does not declare",
    explanation: "When the file declares the keys of an open namespace (`variables: context: [customerId]`), only those keys may be used: others are typos. Fix the name, or declare the key; `--fix` declares it when no declared key is close (when one is, it cannot tell a typo from a new key).",
    fixable: true,
    blocks: false,
    check: Some(check),
};

fn check(context: &Context<'_>, file: &ActionFile, _: &Action, out: &mut Vec<Diagnostic>) {
    for variable in context.variables {
        let (place, placeholder) = (variable.place, variable.placeholder);
        let Lookup::OpenKey { namespace, key } = variable.lookup else {
            continue;
        };
        let Some(declared) = file.declared.keys(namespace.path) else {
            continue;
        };
        if declared.iter().any(|d| d == key) {
            continue;
        }
        let suggestion = closest(key, declared.iter().map(String::as_str));
        // With a near declared key, renaming is as likely as declaring: no fix is chosen,
        // both are offered.
        let (fix, alternatives) = match suggestion {
            Some(near) => (
                None,
                [
                    Some(Fix::rename(placeholder.span, key, near)),
                    declare(file, namespace.path, key),
                ]
                .into_iter()
                .flatten()
                .collect(),
            ),
            None => (declare(file, namespace.path, key), Vec::new()),
        };
        out.push(
            RULE.at(
                placeholder.span,
                format!(
                    "`{key}` in {place} is not a declared key of `{}`{}",
                    namespace.path,
                    did_you_mean(
                        suggestion
                            .map(|s| format!("{}.{s}", namespace.path))
                            .as_deref()
                    )
                ),
                format!(
                    "fix the name, or add `{key}` to `variables: {}:` at the top of the file",
                    namespace.path
                ),
            )
            .with_fix(fix)
            .with_alternatives(alternatives),
        );
    }
}

/// `key` added to the file's list of `namespace` keys: inside a flow list (`[a, b]`), or
/// as an item after the last of a block list.
fn declare(file: &ActionFile, namespace: &str, key: &str) -> Option<Fix> {
    let list = file.declared.list(namespace)?;
    let source = &file.source;
    let title = format!("declare `{key}` in `variables: {namespace}:`");
    let opening = source
        .line(list.span.start.line)
        .chars()
        .nth(list.span.start.column - 1);
    if opening == Some('[') {
        let close = Pos::new(list.span.end.line, list.span.end.column.checked_sub(1)?);
        let replace = match list.last_item {
            Some(_) => format!(", {key}]"),
            None => format!("{key}]"),
        };
        return Some(Fix {
            title,
            edits: vec![Edit {
                span: Span::new(close, list.span.end),
                find: "]".to_owned(),
                replace,
            }],
        });
    }
    let last = list.last_item?;
    let line = last.end.line;
    let text = source.line(last.start.line);
    let dash = text.find("- ")?;
    if !text[..dash].chars().all(|c| c == ' ') || !fix::ends_with_break(source, line) {
        return None;
    }
    Some(Fix::insert(
        title,
        Pos::new(line + 1, 1),
        format!("{}- {key}{}", &text[..dash], fix::line_break(source)),
    ))
}
