//! Maps a place in a scalar's decoded text back to the file.
//!
//! The decoded text of a scalar differs from what the file holds: quotes, escapes (`\"`,
//! `\u00e9`), `''`, block indentation, folded line breaks, CRLF. The characters of the
//! decoded text still appear in the file in order, so walking both side by side — and
//! skipping file characters that decoding removed — finds each one's place.

use saphyr_parser::ScalarStyle;

use crate::source::{Pos, Source, Span};

/// The file position of each byte offset in `offsets` (ascending) of the decoded `text` of
/// the scalar at `span`, written in `style`.
pub fn locate(
    source: &Source,
    span: Span,
    style: ScalarStyle,
    text: &str,
    offsets: &[usize],
) -> Vec<Pos> {
    line_by_line(source, span, style, text, offsets)
        .unwrap_or_else(|| walk(source, span, style, text, offsets))
}

/// The common cases, a one-line scalar without escapes or a `|` block, where each decoded
/// line is a file line less its indentation: mapped a line at a time once the file is seen
/// to hold exactly that, without walking every character. `None` when the file holds
/// anything else (escapes, folding, a tab, a lone `\r`): the walk handles those.
fn line_by_line(
    source: &Source,
    span: Span,
    style: ScalarStyle,
    text: &str,
    offsets: &[usize],
) -> Option<Vec<Pos>> {
    let begin = source.offset(span.start);
    let end = source.offset(span.end).max(begin);
    let file = source.text.get(begin..end)?;
    let (file, first_column, indent) = match style {
        ScalarStyle::Literal => (file, span.start.column, span.start.column - 1),
        ScalarStyle::Plain if !text.contains(['\n', '\r']) => (file, span.start.column, 0),
        ScalarStyle::SingleQuoted if !text.contains(['\n', '\r', '\'']) => {
            (file.get(1..)?, span.start.column + 1, 0)
        }
        ScalarStyle::DoubleQuoted if !text.contains(['\n', '\r', '\\', '"']) => {
            (file.get(1..)?, span.start.column + 1, 0)
        }
        _ => return None,
    };
    if file.contains('\r') {
        return None;
    }
    let indentation = " ".repeat(indent);
    // Where each decoded line starts: its byte offset in `text`, its line and column.
    let mut lines = Vec::new();
    let mut rest = file;
    let mut decoded = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let content = line.strip_suffix('\n').unwrap_or(line);
        let (column, in_file) = match index {
            0 => (first_column, rest),
            // A blank line may hold fewer spaces than the indentation.
            _ if content.is_empty() => (indent + 1, rest.trim_start_matches(' ')),
            _ => (indent + 1, rest.strip_prefix(indentation.as_str())?),
        };
        let after = in_file.strip_prefix(content)?;
        if line.ends_with('\n') {
            // The line break must come next; a blank line may hold fewer spaces.
            let (file_line, next) = rest.split_once('\n')?;
            let blank_ok = content.is_empty() && file_line.bytes().all(|b| b == b' ');
            if !after.starts_with('\n') && !blank_ok {
                return None;
            }
            let break_column = match index {
                0 => first_column + file_line.chars().count(),
                _ => 1 + file_line.chars().count(),
            };
            lines.push((decoded, span.start.line + index, column, break_column));
            rest = next;
        } else {
            lines.push((
                decoded,
                span.start.line + index,
                column,
                column + content.chars().count(),
            ));
        }
        decoded += line.len();
    }
    Some(
        offsets
            .iter()
            .map(|&offset| place(text, &lines, offset, span.start))
            .collect(),
    )
}

/// The place of the first character at or after `offset`, or of the last character.
fn place(text: &str, lines: &[(usize, usize, usize, usize)], offset: usize, fallback: Pos) -> Pos {
    let Some(last) = text.char_indices().next_back().map(|(i, _)| i) else {
        return fallback;
    };
    let mut offset = offset.min(last);
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    let index = lines
        .partition_point(|line| line.0 <= offset)
        .saturating_sub(1);
    let Some(&(start, line, column, break_column)) = lines.get(index) else {
        return fallback;
    };
    let before = &text[start..offset];
    match text[offset..].starts_with('\n') {
        true => Pos::new(line, break_column),
        false => Pos::new(line, column + before.chars().count()),
    }
}

/// Walks the decoded text and the file side by side.
fn walk(
    source: &Source,
    span: Span,
    style: ScalarStyle,
    text: &str,
    offsets: &[usize],
) -> Vec<Pos> {
    let fallback = span.start;
    let begin = source.offset(span.start);
    let end = source.offset(span.end).max(begin);
    let mut file = Cursor {
        chars: source.text[begin..end].chars().peekable(),
        pos: span.start,
    };
    // The span of a quoted scalar starts at its quote; a block scalar's, at its content.
    if matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted) {
        file.next();
    }
    let escapes = style == ScalarStyle::DoubleQuoted;

    let mut found = Vec::with_capacity(offsets.len());
    let mut wanted = offsets.iter().peekable();
    let mut last = fallback;
    for (offset, decoded) in text.char_indices() {
        if wanted.peek().is_none() {
            break;
        }
        if let Some(pos) = file.find(decoded, escapes) {
            last = pos;
        }
        while wanted.next_if(|w| **w <= offset).is_some() {
            found.push(last);
        }
    }
    // Offsets at the very end of the text, or past a point the walk could not follow.
    found.resize(offsets.len(), last);
    found
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    pos: Pos,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        // A line ends at `\n`, or at a `\r` that no `\n` follows (as the source counts lines).
        let ends_line = c == '\n' || (c == '\r' && self.chars.peek() != Some(&'\n'));
        if ends_line {
            self.pos = Pos::new(self.pos.line + 1, 1);
        } else {
            self.pos.column += 1;
        }
        Some(c)
    }

    /// Advances to the file character that produced `decoded`, and returns its place.
    fn find(&mut self, decoded: char, escapes: bool) -> Option<Pos> {
        loop {
            let at = self.pos;
            let c = self.next()?;
            if escapes && c == '\\' {
                match self.next()? {
                    // An escaped line break joins lines and produces nothing.
                    '\n' | '\r' => continue,
                    'x' => self.skip(2),
                    'u' => self.skip(4),
                    'U' => self.skip(8),
                    _ => {}
                }
                return Some(at);
            }
            if c == decoded {
                return Some(at);
            }
        }
    }

    fn skip(&mut self, n: usize) {
        for _ in 0..n {
            self.next();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::Value;

    /// The place of the first `${` in the value of the key `v` of `yaml`.
    fn dollar(yaml: &str) -> Pos {
        let source = Source::new(yaml.to_owned());
        let root = super::super::parse(&source).unwrap().unwrap();
        let Value::Mapping(entries) = &root.value else {
            panic!("not a mapping")
        };
        let (_, value) = entries
            .iter()
            .find(|(k, _)| k.as_text() == Some("v"))
            .unwrap();
        let scalar = value.as_scalar().unwrap();
        let offset = scalar.text.find("${").unwrap();
        locate(&source, value.span, scalar.style, &scalar.text, &[offset])[0]
    }

    #[test]
    fn plain() {
        assert_eq!(dollar("v: https://x/${a}"), Pos::new(1, 14));
        assert_eq!(dollar("v: día ${a}"), Pos::new(1, 8));
        assert_eq!(dollar("v: one\n  two ${a}"), Pos::new(2, 7));
    }

    #[test]
    fn quoted() {
        assert_eq!(dollar("v: 'it''s ${a}'"), Pos::new(1, 11));
        assert_eq!(dollar(r#"v: "say \"hi\" ${a}""#), Pos::new(1, 16));
        assert_eq!(dollar(r#"v: "\u00e9\t${a}""#), Pos::new(1, 13));
        assert_eq!(dollar("v: \"one \\\n   two ${a}\""), Pos::new(2, 8));
    }

    #[test]
    fn blocks() {
        assert_eq!(
            dollar("v: |\n  {\"a\": 1,\n   \"b\": \"${a}\"}\n"),
            Pos::new(3, 10)
        );
        assert_eq!(dollar("v: >-\n  folded\n  text ${a}\n"), Pos::new(3, 8));
        assert_eq!(dollar("v: | # ${not} this\n  x ${a}\n"), Pos::new(2, 5));
        assert_eq!(dollar("v: |\n  日本語 ${a}\n"), Pos::new(2, 7));
    }

    /// The value of key `v` in `yaml`, with its span.
    fn scalar_of(source: &Source) -> Option<(Span, ScalarStyle, String)> {
        let root = super::super::parse(source).ok()??;
        let Value::Mapping(entries) = &root.value else {
            return None;
        };
        let (_, value) = entries.iter().find(|(k, _)| k.as_text() == Some("v"))?;
        let scalar = value.as_scalar()?;
        Some((value.span, scalar.style, scalar.text.to_string()))
    }

    #[test]
    fn common_scalars_are_mapped_a_line_at_a_time() {
        for yaml in [
            "v: https://x/${a}",
            "v: 'a ${b}'",
            "v: \"a ${b}\"",
            "v: |\n  {\"a\": 1,\n\n   \"b\": \"${a}\"}\n",
        ] {
            let source = Source::new(yaml.to_owned());
            let (span, style, text) = scalar_of(&source).unwrap();
            let offsets: Vec<usize> = (0..=text.len()).collect();
            assert!(
                line_by_line(&source, span, style, &text, &offsets).is_some(),
                "{yaml:?} takes the walk"
            );
        }
    }

    proptest::proptest! {
        /// The line-at-a-time mapping agrees with the walk wherever it answers. (At a space
        /// that begins a more-indented line, the walk points into the indentation; the
        /// line mapping at the space itself. Nothing asks for the place of a space there.)
        #[test]
        fn line_by_line_agrees_with_the_walk(
            header in "(v: \\|[-+]?\n|v: |v: '|v: \")",
            lines in proptest::collection::vec("( {0,4})[a-zé\\\\'\" ${}\t]{0,12}", 1..6),
            closing in "('|\"|\n|)",
        ) {
            let indent = if header.contains('|') { "  " } else { "" };
            let body: Vec<String> = lines.iter().map(|l| format!("{indent}{l}")).collect();
            let yaml = format!("{header}{}{closing}", body.join("\n"));
            let source = Source::new(yaml);
            if let Some((span, style, text)) = scalar_of(&source) {
                let offsets: Vec<usize> =
                    text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
                if let Some(fast) = line_by_line(&source, span, style, &text, &offsets) {
                    let slow = walk(&source, span, style, &text, &offsets);
                    for (offset, (fast, slow)) in offsets.iter().zip(fast.iter().zip(&slow)) {
                        // The end of the text maps to its last character.
                        let last = text.char_indices().next_back().map_or(0, |(i, _)| i);
                        let at_space = text[(*offset).min(last)..].starts_with(' ');
                        if !at_space {
                            proptest::prop_assert_eq!(fast, slow, "offset {} of {:?}", offset, text);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn crlf() {
        assert_eq!(
            dollar("x0: 1\r\nv: |\r\n  line\r\n  é ${a}\r\n"),
            Pos::new(4, 5)
        );
        assert_eq!(dollar("v: \"a\r\n  b ${a}\"\r\n"), Pos::new(2, 5));
    }
}
