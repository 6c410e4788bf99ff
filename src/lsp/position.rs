//! Positions as the client counts them. LSP lines are 0-based; characters are UTF-8 bytes
//! or UTF-16 code units of the line, as negotiated (`positionEncoding`). The engine counts
//! 1-based lines and columns in characters. Each conversion walks one line, exactly: an
//! emoji is one character, two UTF-16 units, four bytes.

use lsp_types::Position;

use crate::source::{Pos, Source};

/// How the client counts characters in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// The client's position of the engine's `pos` in `source`.
pub fn to_lsp(source: &Source, pos: Pos, encoding: Encoding) -> Position {
    let line = source.line(pos.line);
    let character: usize = line
        .chars()
        .take(pos.column.saturating_sub(1))
        .map(|c| encoding.units(c))
        .sum();
    Position::new(pos.line.saturating_sub(1) as u32, character as u32)
}

/// The byte offset in `text` of the client's `position`: clamped to the end of its line,
/// and to the character a unit falls inside, so no position a client sends is an error.
pub fn to_offset(text: &str, position: Position, encoding: Encoding) -> usize {
    let line_start = line_starts(text)
        .nth(position.line as usize)
        .unwrap_or(text.len());
    let rest = &text[line_start..];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let mut units = 0;
    for (index, c) in rest[..line_end].char_indices() {
        if units >= position.character as usize {
            return line_start + index;
        }
        units += encoding.units(c);
        if units > position.character as usize {
            // Inside a character (half of a surrogate pair): its start.
            return line_start + index;
        }
    }
    line_start + line_end
}

/// The engine's position of the client's `position` in `source`.
pub fn to_pos(source: &Source, position: Position, encoding: Encoding) -> Pos {
    source.pos_at(to_offset(&source.text, position, encoding))
}

/// Where each line of `text` starts: after `\n`, `\r\n` or a lone `\r`, as LSP counts.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    std::iter::once(0).chain(bytes.iter().enumerate().filter_map(move |(i, b)| match b {
        b'\n' => Some(i + 1),
        b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
        _ => None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# \tcomment 🎉\r\nurl: \"é🎉${x}\"\r\n";

    #[test]
    fn utf16_counts_an_emoji_as_two_units_and_utf8_as_four_bytes() {
        let source = Source::new(TEXT.to_owned());
        // `$` of line 2 is the 9th character: `url: "é🎉` is 8 characters before it.
        let dollar = Pos::new(2, 9);
        assert_eq!(
            to_lsp(&source, dollar, Encoding::Utf16),
            Position::new(1, 9)
        );
        assert_eq!(
            to_lsp(&source, dollar, Encoding::Utf8),
            Position::new(1, 12)
        );
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let there = to_lsp(&source, dollar, encoding);
            assert_eq!(to_pos(&source, there, encoding), dollar, "{encoding:?}");
        }
    }

    #[test]
    fn a_tab_in_a_comment_is_one_unit() {
        let source = Source::new(TEXT.to_owned());
        let emoji = Pos::new(1, 12);
        assert_eq!(
            to_lsp(&source, emoji, Encoding::Utf16),
            Position::new(0, 11)
        );
    }

    #[test]
    fn positions_past_the_line_or_inside_a_pair_are_clamped() {
        assert_eq!(to_offset(TEXT, Position::new(0, 500), Encoding::Utf16), 15);
        assert_eq!(
            to_offset(TEXT, Position::new(9, 0), Encoding::Utf16),
            TEXT.len()
        );
        // Between the two halves of the emoji of line 2: the emoji's start.
        let emoji = TEXT.find("🎉$").unwrap();
        assert_eq!(to_offset(TEXT, Position::new(1, 8), Encoding::Utf16), emoji);
    }
}
