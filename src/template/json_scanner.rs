//! Tells, for a body template meant as JSON, whether each placeholder stands inside a
//! string literal or as a bare value — without parsing the template as JSON, which it is
//! not until the placeholders are filled in.

use super::parts::Part;

/// Where a placeholder stands in a JSON body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Inside a string literal: `"id-${callInfo.callSid}"`.
    InString,
    /// Where a value goes: `"duration": ${duration}`.
    Bare,
}

/// The result of scanning a body template.
#[derive(Debug, PartialEq)]
pub struct Scan {
    /// The slot of each placeholder, in order.
    pub slots: Vec<Slot>,
    /// Whether the template has the shape of one JSON object or array: it starts with
    /// `{` or `[`, its brackets balance outside strings, and nothing but blanks follows.
    pub looks_like_json: bool,
}

pub fn scan(parts: &[Part]) -> Scan {
    let mut scanner = Scanner::default();
    let mut slots = Vec::new();
    for part in parts {
        match part {
            Part::Literal(text) => text.chars().for_each(|c| scanner.feed(c)),
            Part::Placeholder(_) => {
                slots.push(if scanner.in_string {
                    Slot::InString
                } else {
                    Slot::Bare
                });
                scanner.value();
            }
        }
    }
    Scan {
        slots,
        looks_like_json: scanner.opened_with_bracket
            && !scanner.broken
            && scanner.depth.is_empty()
            && !scanner.in_string
            && scanner.closed,
    }
}

#[derive(Default)]
struct Scanner {
    in_string: bool,
    escaped: bool,
    /// The open brackets, innermost last.
    depth: Vec<char>,
    started: bool,
    opened_with_bracket: bool,
    /// The outermost bracket has been closed.
    closed: bool,
    /// Something that cannot be JSON was seen (a mismatched bracket, text after the end).
    broken: bool,
}

impl Scanner {
    fn feed(&mut self, c: char) {
        if self.in_string {
            match (self.escaped, c) {
                (true, _) => self.escaped = false,
                (false, '\\') => self.escaped = true,
                (false, '"') => self.in_string = false,
                _ => {}
            }
            return;
        }
        if c.is_whitespace() {
            return;
        }
        if self.closed {
            self.broken = true;
            return;
        }
        if !self.started {
            self.started = true;
            self.opened_with_bracket = matches!(c, '{' | '[');
        }
        match c {
            '"' => self.in_string = true,
            '{' | '[' => self.depth.push(c),
            '}' | ']' => {
                let opener = if c == '}' { '{' } else { '[' };
                if self.depth.pop() != Some(opener) {
                    self.broken = true;
                }
                self.closed = self.depth.is_empty();
            }
            _ => {}
        }
    }

    /// A placeholder outside a string is a value, not the start of a document.
    fn value(&mut self) {
        if !self.in_string && !self.started {
            self.started = true;
        }
        if !self.in_string && self.closed {
            self.broken = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::lex;

    fn slots(text: &str) -> (Vec<Slot>, bool) {
        let scan = scan(&lex(text).unwrap());
        (scan.slots, scan.looks_like_json)
    }

    use Slot::{Bare, InString};

    #[test]
    fn strings_and_values() {
        assert_eq!(
            slots(r#"{"id": "${a}", "n": ${b}, "list": [${c}, "x${d}y"]}"#),
            (vec![InString, Bare, Bare, InString], true)
        );
    }

    #[test]
    fn escapes_inside_strings() {
        // The `\"` does not end the string, so the placeholder is still inside it.
        assert_eq!(slots(r#"{"a": "say \"${x}\""}"#), (vec![InString], true));
        // An escaped backslash does end, so the quote after it closes the string.
        assert_eq!(slots(r#"{"a": "c:\\", "b": ${x}}"#), (vec![Bare], true));
        // Brackets and braces inside strings are text.
        assert_eq!(slots(r#"{"a": "}{][", "b": ${x}}"#), (vec![Bare], true));
    }

    #[test]
    fn what_is_not_json() {
        assert!(!slots("hello ${x}").1);
        assert!(!slots("${x}").1);
        assert!(!slots(r#"{"a": 1"#).1);
        assert!(!slots(r#"{"a": 1]"#).1);
        assert!(!slots(r#"{"a": 1} trailing"#).1);
        assert!(!slots(r#"{"a": 1} ${x}"#).1);
        assert!(!slots(r#"{"a": "open}"#).1);
        assert!(slots("  [1, 2]\n").1);
        assert!(slots("{}").1);
    }
}
