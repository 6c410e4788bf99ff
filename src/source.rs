//! Positions in a file: 1-based lines and columns, columns counted in Unicode characters.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A place in a file. Line and column are 1-based; `0:0` means "no place".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A range in a file, `end` exclusive. Spans on one line are what the underline shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Pos {
    pub fn new(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }
}

impl Span {
    pub fn new(start: Pos, end: Pos) -> Span {
        Span { start, end }
    }

    /// A span that covers `width` characters from `start`, on one line.
    pub fn at(start: Pos, width: usize) -> Span {
        Span::new(start, Pos::new(start.line, start.column + width))
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// The text of a file with what is needed to find a place in it in constant time: where
/// each line starts, and (for text that is not ASCII) where every 64th character is.
#[derive(Debug)]
pub struct Source {
    pub text: String,
    /// Byte offset at which each line starts. A line ends at `\n`, `\r\n` or a lone `\r`,
    /// as YAML reads line breaks.
    line_starts: Vec<usize>,
    /// When the text is not ASCII: the character index at which each line starts, and the
    /// byte offset of every [`STRIDE`]th character.
    chars: Option<CharIndex>,
}

#[derive(Debug)]
struct CharIndex {
    line_chars: Vec<usize>,
    checkpoints: Vec<usize>,
}

/// Characters between two checkpoints of a [`CharIndex`].
const STRIDE: usize = 64;

impl Source {
    pub fn new(text: String) -> Source {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        if text.contains('\r') {
            for (i, byte) in bytes.iter().enumerate() {
                match byte {
                    b'\n' => line_starts.push(i + 1),
                    b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                    _ => {}
                }
            }
        } else {
            // The usual file: `\n` only, found by the standard library's fast search.
            line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        }
        let chars = (!text.is_ascii()).then(|| CharIndex::new(&text, &line_starts));
        Source {
            text,
            line_starts,
            chars,
        }
    }

    /// Line `line` (1-based) without its line break, or "" when out of range.
    pub fn line(&self, line: usize) -> &str {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.line_starts.get(i)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset of a place, by line and 1-based column (in characters); clamped to the
    /// text.
    pub fn offset(&self, pos: Pos) -> usize {
        let Some(index) = pos
            .line
            .checked_sub(1)
            .filter(|i| *i < self.line_starts.len())
        else {
            return self.text.len();
        };
        let skip = pos.column.saturating_sub(1);
        match &self.chars {
            None => (self.line_starts[index] + skip).min(self.text.len()),
            Some(chars) => chars.byte_of(&self.text, chars.line_chars[index] + skip),
        }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The place of byte `offset` (clamped to the text, and to the character it falls in).
    pub fn pos_at(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let index = self.line_starts.partition_point(|start| *start <= offset) - 1;
        let start = self.line_starts[index];
        Pos::new(index + 1, self.text[start..offset].chars().count() + 1)
    }

    /// The span of the byte range `range`.
    pub fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(
            self.pos_at(range.start),
            self.pos_at(range.end.max(range.start)),
        )
    }
}

impl CharIndex {
    fn new(text: &str, line_starts: &[usize]) -> CharIndex {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut line_chars = Vec::with_capacity(line_starts.len());
        let mut next_line = line_starts.iter().peekable();
        let mut count = 0;
        for (byte, _) in text.char_indices() {
            if count % STRIDE == 0 {
                checkpoints.push(byte);
            }
            while next_line.next_if(|start| **start <= byte).is_some() {
                line_chars.push(count);
            }
            count += 1;
        }
        // Lines that start at the very end of the text.
        line_chars.resize(line_starts.len(), count);
        CharIndex {
            line_chars,
            checkpoints,
        }
    }

    /// The byte offset of character `index`, or the end of the text.
    fn byte_of(&self, text: &str, index: usize) -> usize {
        let Some(&from) = self.checkpoints.get(index / STRIDE) else {
            return text.len();
        };
        text[from..]
            .char_indices()
            .nth(index % STRIDE)
            .map_or(text.len(), |(i, _)| from + i)
    }
}

/// The text of each file read, to show the line of a diagnostic.
pub type Sources = HashMap<PathBuf, Arc<Source>>;

/// The sources of loaded files, by path.
pub fn sources<'a>(files: impl IntoIterator<Item = (&'a Path, &'a Arc<Source>)>) -> Sources {
    files
        .into_iter()
        .map(|(path, source)| (path.to_owned(), Arc::clone(source)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_line_break() {
        let source = Source::new("a\rb\r\nc\nd".to_owned());
        assert_eq!(source.line_count(), 4);
        assert_eq!(
            (
                source.line(1),
                source.line(2),
                source.line(3),
                source.line(4)
            ),
            ("a", "b", "c", "d")
        );
        assert_eq!(&source.text[source.offset(Pos::new(3, 1))..], "c\nd");
    }

    #[test]
    fn offsets_in_long_lines_of_any_text() {
        let line: String = "é日a".repeat(500);
        let source = Source::new(format!("x\n{line}\n"));
        for column in [1, 2, 63, 64, 65, 1000, 1500] {
            let expected: usize = 2 + line
                .chars()
                .take(column - 1)
                .map(char::len_utf8)
                .sum::<usize>();
            assert_eq!(
                source.offset(Pos::new(2, column)),
                expected,
                "column {column}"
            );
        }
        assert_eq!(source.offset(Pos::new(3, 1)), source.text.len());
    }

    #[test]
    fn lines_and_offsets() {
        let source = Source::new("a: 1\r\nnäme: x\nlast".to_owned());
        assert_eq!(source.line(1), "a: 1");
        assert_eq!(source.line(2), "näme: x");
        assert_eq!(source.line(3), "last");
        assert_eq!(source.line(4), "");
        assert_eq!(source.line(0), "");
        assert_eq!(&source.text[source.offset(Pos::new(2, 3))..], "me: x\nlast");
        assert_eq!(source.offset(Pos::new(9, 1)), source.text.len());
    }
}
