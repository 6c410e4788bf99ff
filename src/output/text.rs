//! Text from elsewhere (a server's answer, a payload value, a request `listen` got, a
//! line of a file) as it may reach a terminal: control characters are shown escaped,
//! never sent raw, so no byte can move the cursor, erase a line or retitle the window.

use std::borrow::Cow;

/// `text` with every control character but the line break and the tab written as
/// `\u{1b}`; JSON output does not need this, its escaping is exact.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// As [`visible`], for text that must stay on one line (a header, a path): line breaks
/// are escaped too.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => "\t".to_owned(),
                c if c.is_control() => c.escape_unicode().to_string(),
                c => c.to_string(),
            })
            .collect(),
    )
}

/// As [`visible`], one character for one: each control character becomes its picture
/// (`␛` for ESC, `␀` for NUL), so a snippet's underline stays under its span.
pub fn pictured(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hidden(c) || c == '\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c as u32 {
                code @ 0..=0x1f if c != '\t' => char::from_u32(0x2400 + code).unwrap_or('?'),
                0x7f => '\u{2421}',
                _ if is_hidden(c) => '\u{fffd}',
                _ => c,
            })
            .collect(),
    )
}

/// Characters that act on a terminal rather than print: C0 and C1 controls and DEL, and
/// the bidirectional overrides that reorder what is shown.
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_sent() {
        assert_eq!(visible("plain\n\ttext"), "plain\n\ttext");
        assert_eq!(visible("\u{1b}[2K\r✓ ok"), "\\u{1b}[2K\\u{d}✓ ok");
        assert_eq!(visible("a\u{7f}\u{9b}b"), "a\\u{7f}\\u{9b}b");
        assert_eq!(visible("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(one_line("a\nb"), "a\\u{a}b");
        assert_eq!(pictured("a\u{1b}b\u{0}c\u{7f}\u{9b}"), "a␛b␀c␡\u{fffd}");
    }
}
