//! Applies fixes to a file's text: each edit is found at its place and made only when
//! what it replaces is there exactly once; a fix that overlaps one already taken is left
//! out. Every byte outside the edits stays as it was: comments, order, quoting, CRLF.

use std::ops::Range;

use crate::diagnostic::{Edit, Fix};
use crate::source::Source;

/// The text with the fixes applied, and which of them were (by index).
#[derive(Debug)]
pub struct Applied {
    pub text: String,
    pub applied: Vec<usize>,
}

pub fn apply(source: &Source, fixes: &[&Fix]) -> Applied {
    let mut taken: Vec<(Range<usize>, &str)> = Vec::new();
    let mut applied = Vec::new();
    for (index, fix) in fixes.iter().enumerate() {
        let Some(ranges) = located(source, &fix.edits) else {
            continue;
        };
        let overlaps = ranges.iter().any(|(range, _)| {
            taken.iter().any(|(other, _)| {
                range.start < other.end && other.start < range.end || range.start == other.start
            })
        });
        if overlaps {
            continue;
        }
        taken.extend(ranges);
        applied.push(index);
    }
    taken.sort_by_key(|(range, _)| range.start);
    let mut text = String::with_capacity(source.text.len());
    let mut at = 0;
    for (range, replace) in taken {
        text.push_str(&source.text[at..range.start]);
        text.push_str(replace);
        at = range.end;
    }
    text.push_str(&source.text[at..]);
    Applied { text, applied }
}

/// The line break the file uses.
pub fn line_break(source: &Source) -> &'static str {
    match source.text.contains("\r\n") {
        true => "\r\n",
        false => "\n",
    }
}

/// The column (0-based) where `key:` starts on `line`, when the line is only indentation
/// (and at most the `- ` of a list item) before it: the indentation of a sibling key.
pub fn key_column(line: &str, key: &str) -> Option<usize> {
    let start = line.find(key)?;
    let (before, after) = line.split_at(start);
    let plain_prefix = before.chars().all(|c| c == ' ')
        || before.trim_start().strip_prefix('-').is_some_and(|rest| {
            !rest.is_empty() && rest.chars().all(|c| c == ' ') && before.trim_end().ends_with('-')
        });
    let is_key = after[key.len()..].starts_with(':');
    (plain_prefix && is_key).then(|| before.chars().count())
}

/// Whether line `line` of `source` ends with a line break (a line can be added after it).
pub fn ends_with_break(source: &Source, line: usize) -> bool {
    line < source.line_count()
}

/// The byte range of each of a fix's edits, with its replacement; `None` when one of them
/// is not where it says, and so the fix would not be made. Every front end that shows or
/// makes a fix (`--fix`, `--format json`/`sarif`, the language server) places it here.
pub fn located<'e>(source: &Source, edits: &'e [Edit]) -> Option<Vec<(Range<usize>, &'e str)>> {
    edits
        .iter()
        .map(|edit| locate(source, edit).map(|range| (range, edit.replace.as_str())))
        .collect()
}

/// The byte range an edit replaces, when its text is where it says, exactly once.
pub fn locate(source: &Source, edit: &Edit) -> Option<Range<usize>> {
    let start = source.offset(edit.span.start);
    if edit.find.is_empty() {
        return Some(start..start);
    }
    let end = source.offset(edit.span.end).max(start);
    let within = source.text.get(start..end)?;
    let mut found = within.match_indices(edit.find.as_str());
    let (offset, _) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    Some(start + offset..start + offset + edit.find.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Pos, Span};

    fn rename(line: usize, from: usize, to: usize, find: &str, replace: &str) -> Fix {
        Fix::rename(
            Span::new(Pos::new(line, from), Pos::new(line, to)),
            find,
            replace,
        )
    }

    #[test]
    fn edits_only_where_the_text_is_once() {
        let source = Source::new("a: header\r\nb: \"header\" # header\r\n".to_owned());
        let fixes = [
            rename(1, 4, 10, "header", "headers"),
            rename(2, 4, 12, "header", "headers"),
            // Twice in its span: not made.
            rename(2, 1, 22, "header", "x"),
        ];
        let applied = apply(&source, &fixes.iter().collect::<Vec<_>>());
        assert_eq!(applied.applied, [0, 1]);
        assert_eq!(applied.text, "a: headers\r\nb: \"headers\" # header\r\n");
    }

    #[test]
    fn a_fix_that_overlaps_one_taken_is_left_out() {
        let source = Source::new("key: value\n".to_owned());
        let fixes = [
            rename(1, 1, 4, "key", "keys"),
            rename(1, 1, 11, "key: v", "k: v"),
        ];
        let applied = apply(&source, &fixes.iter().collect::<Vec<_>>());
        assert_eq!(applied.applied, [0]);
        assert_eq!(applied.text, "keys: value\n");
    }
}
