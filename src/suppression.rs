//! Inline ignores: `# callactions-ignore: RULE[, RULE]` on the line of a finding, or on
//! the line above it, silences those rules there.

use crate::diagnostic::Diagnostic;
use crate::rules::{self, unused_ignore};
use crate::source::{Pos, Source, Span};
use crate::suggestion::closest;

const MARKER: &str = "callactions-ignore:";

/// One rule named in one ignore comment.
struct Ignore {
    line: usize,
    rule: String,
    span: Span,
    used: bool,
}

/// Removes the findings that ignore comments silence, and adds a warning for each ignore
/// that silenced nothing.
pub fn apply(source: &Source, diagnostics: &mut Vec<Diagnostic>) {
    // Most files have no ignore comment: one search says so.
    if !source.text.contains(MARKER) {
        return;
    }
    let mut ignores = parse(source);
    if ignores.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        // An error that keeps a request from being built is never silenced.
        if rules::find(d.rule).is_some_and(|r| r.blocks) {
            return true;
        }
        let line = d.span.start.line;
        let silencing = ignores
            .iter_mut()
            .find(|i| i.rule == d.rule && (i.line == line || i.line + 1 == line));
        match silencing {
            Some(ignore) => {
                ignore.used = true;
                false
            }
            None => true,
        }
    });
    for ignore in ignores.into_iter().filter(|i| !i.used) {
        diagnostics.push(match rules::find(&ignore.rule) {
            Some(rule) if rule.blocks => unused_ignore::cannot(ignore.span, rule.id),
            Some(_) => unused_ignore::unused(ignore.span, &ignore.rule),
            None => {
                let ids = rules::RULES.iter().map(|r| r.id);
                unused_ignore::unknown(ignore.span, &ignore.rule, closest(&ignore.rule, ids))
            }
        });
    }
}

fn parse(source: &Source) -> Vec<Ignore> {
    let mut ignores = Vec::new();
    for (index, text) in source.text.lines().enumerate() {
        // A YAML comment starts with `#` at the start of a line or after a blank.
        let Some(hash) = text
            .char_indices()
            .find(|(i, c)| *c == '#' && (*i == 0 || text[..*i].ends_with([' ', '\t'])))
            .map(|(i, _)| i)
        else {
            continue;
        };
        let Some(at) = text[hash..].find(MARKER).map(|i| hash + i) else {
            continue;
        };
        // Only a comment: `#`, blanks, then the marker.
        if !text[hash + 1..at].trim().is_empty() {
            continue;
        }
        let list_start = at + MARKER.len();
        let mut offset = list_start;
        for item in text[list_start..].split(',') {
            let rule = item.trim();
            let leading = item.len() - item.trim_start().len();
            if !rule.is_empty() {
                let column = text[..offset + leading].chars().count() + 1;
                ignores.push(Ignore {
                    line: index + 1,
                    rule: rule.to_owned(),
                    span: Span::at(Pos::new(index + 1, column), rule.chars().count()),
                    used: false,
                });
            }
            offset += item.len() + 1;
        }
    }
    ignores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{bare_string, insecure_url, unknown_key};

    fn finding(rule: &'static rules::Rule, line: usize) -> Diagnostic {
        rule.at(Span::at(Pos::new(line, 5), 3), "m", "h")
    }

    #[test]
    fn silences_the_same_line_and_the_next() {
        let source = Source::new(
            "a: 1 # callactions-ignore: insecure-url\n# callactions-ignore: bare-string, insecure-url\nb: 2\nc: 3\n"
                .to_owned(),
        );
        let mut found = vec![
            finding(&insecure_url::RULE, 1),
            finding(&bare_string::RULE, 3),
            finding(&bare_string::RULE, 4),
        ];
        apply(&source, &mut found);
        let left: Vec<(&str, usize)> = found.iter().map(|d| (d.rule, d.span.start.line)).collect();
        // Line 3's bare-string is silenced; line 4's is not; the second insecure-url silenced nothing.
        assert_eq!(left, [("bare-string", 4), ("unused-ignore", 2)]);
        assert_eq!(found[1].span, Span::at(Pos::new(2, 36), 12));
    }

    #[test]
    fn never_silences_what_keeps_a_request_from_being_built() {
        let source = Source::new("# callactions-ignore: unknown-key\nb: 2\n".to_owned());
        let mut found = vec![finding(&unknown_key::RULE, 2)];
        apply(&source, &mut found);
        let left: Vec<&str> = found.iter().map(|d| d.rule).collect();
        assert_eq!(left, ["unknown-key", "unused-ignore"]);
        assert!(
            found[1].message.contains("cannot be ignored"),
            "{}",
            found[1].message
        );
    }

    #[test]
    fn names_unknown_rules() {
        let source = Source::new("# callactions-ignore: insecure-ur1\n".to_owned());
        let mut found = Vec::new();
        apply(&source, &mut found);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("did you mean `insecure-url`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn only_comments_count() {
        let source = Source::new("url: https://x/#callactions-ignore: insecure-url\n".to_owned());
        assert!(parse(&source).is_empty());
    }
}
