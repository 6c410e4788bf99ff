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

    #[test]
    fn crlf() {
        assert_eq!(
            dollar("x0: 1\r\nv: |\r\n  line\r\n  é ${a}\r\n"),
            Pos::new(4, 5)
        );
        assert_eq!(dollar("v: \"a\r\n  b ${a}\"\r\n"), Pos::new(2, 5));
    }
}
