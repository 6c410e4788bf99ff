//! What HTTP allows in a header (RFC 9110): a name is a token; a value holds no line
//! break and no control character but the tab. The loader, the renderer, the schema and
//! `init` all ask here.

/// The symbols an RFC 9110 token may hold besides ASCII letters and digits.
pub const TOKEN_SYMBOLS: &str = "!#$%&'*+-.^_`|~";

pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || TOKEN_SYMBOLS.as_bytes().contains(&b))
}

/// The first character of `value` that a header cannot carry: a CR or LF (which would
/// start another header), a NUL, or another control character.
pub fn forbidden_in_value(value: &str) -> Option<char> {
    value
        .chars()
        .find(|c| (c.is_ascii_control() && *c != '\t') || *c == '\u{7f}')
}

/// `a line break`, `a NUL character`, `the control character \u{1}`: for messages.
pub fn describe_forbidden(c: char) -> String {
    match c {
        '\r' | '\n' => "a line break".to_owned(),
        '\0' => "a NUL character".to_owned(),
        c => format!("the control character {}", c.escape_unicode()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_tokens() {
        assert!(is_valid_name("X-Call-Id"));
        assert!(is_valid_name("x_weird!#"));
        for bad in ["", "Bad Name", "a:b", "é", "a\n"] {
            assert!(!is_valid_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn values_hold_no_control_character_but_the_tab() {
        assert_eq!(forbidden_in_value("a\tb é"), None);
        for (value, c) in [
            ("a\r\nb", '\r'),
            ("a\n", '\n'),
            ("\0", '\0'),
            ("x\u{1}", '\u{1}'),
            ("\u{7f}", '\u{7f}'),
        ] {
            assert_eq!(forbidden_in_value(value), Some(c), "{value:?}");
        }
    }

    /// The HTTP client refuses exactly what this refuses, so `validate` and `init` refuse
    /// nothing that could be sent and pass nothing that could not.
    #[test]
    fn agrees_with_the_http_client() {
        for byte in 0u8..=255 {
            let value = format!("a{}b", char::from(byte));
            let client = ureq::http::HeaderValue::from_str(&value).is_ok();
            assert_eq!(
                forbidden_in_value(&value).is_none(),
                client,
                "byte {byte:#x}"
            );
        }
        for name in ["X-Call-Id", "a b", "", "x:y", "ok!#$%&'*+-.^_`|~"] {
            let client = ureq::http::HeaderName::from_bytes(name.as_bytes()).is_ok();
            assert_eq!(is_valid_name(name), client, "{name:?}");
        }
    }
}
