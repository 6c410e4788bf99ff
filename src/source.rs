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

/// The text of a file with what is needed to show one of its lines.
#[derive(Debug)]
pub struct Source {
    pub text: String,
    /// Byte offset at which each line starts.
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(text: String) -> Source {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source { text, line_starts }
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

    /// Byte offset of a place, by line and 1-based column; clamped to the text.
    pub fn offset(&self, pos: Pos) -> usize {
        let Some(&start) = pos
            .line
            .checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
        else {
            return self.text.len();
        };
        let skip = pos.column.saturating_sub(1);
        self.text[start..]
            .char_indices()
            .nth(skip)
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
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
