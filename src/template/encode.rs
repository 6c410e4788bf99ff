//! What a value becomes in each place a placeholder can stand (SPEC §4).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::Value;

/// The default text of a value: strings as they are, numbers and booleans in JSON form,
/// null as nothing, objects and arrays as compact JSON.
pub fn stringify(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Everything but the unreserved characters `A-Z a-z 0-9 - . _ ~`.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// What `application/x-www-form-urlencoded` leaves as it is: `A-Z a-z 0-9 - . _ *`.
const FORM: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'*');

/// Percent-encodes everything but the unreserved characters `A-Z a-z 0-9 - . _ ~`,
/// so a value can never add a path segment, a query parameter or a fragment.
pub fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

/// `application/x-www-form-urlencoded`: as [`percent_encode`], but a space is `+`.
pub fn form_encode(text: &str) -> String {
    utf8_percent_encode(text, FORM)
        .to_string()
        .replace("%20", "+")
}

/// Decodes `%XX` escapes (and `+` when `plus_is_space`), for showing what a server receives.
pub fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let text = if plus_is_space {
        std::borrow::Cow::Owned(text.replace('+', " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    percent_decode_str(&text).decode_utf8_lossy().into_owned()
}

/// The inside of a JSON string literal holding `text` (without the quotes).
pub fn json_string_content(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_json_escaped(&mut out, text);
    out
}

/// Appends `text` escaped as in a JSON string, exactly as serde_json escapes it: `"`,
/// `\`, and the control characters below U+0020 (the usual five by name).
pub fn push_json_escaped(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{byte:04x}"));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stringifies() {
        assert_eq!(stringify(&json!("a\"b")), "a\"b");
        assert_eq!(stringify(&json!(42)), "42");
        assert_eq!(stringify(&json!(12.5)), "12.5");
        assert_eq!(stringify(&json!(true)), "true");
        assert_eq!(stringify(&json!(null)), "");
        assert_eq!(stringify(&json!({"a": [1, "x"]})), r#"{"a":[1,"x"]}"#);
    }

    proptest::proptest! {
        /// The escaping is serde_json's, byte for byte, so a body renders the same whoever
        /// escapes it.
        #[test]
        fn escapes_as_serde_json_does(text in "\\PC*|[\\x00-\\x20\"\\\\\\x7f-\\u{a0}]*") {
            let quoted = Value::String(text.clone()).to_string();
            proptest::prop_assert_eq!(json_string_content(&text), &quoted[1..quoted.len() - 1]);
        }
    }

    #[test]
    fn encodes() {
        assert_eq!(percent_encode("a b&c=d/é~"), "a%20b%26c%3Dd%2F%C3%A9~");
        assert_eq!(form_encode("a b&c"), "a+b%26c");
        assert_eq!(percent_decode("a%20b%26c+d%zz%%é", false), "a b&c+d%zz%%é");
        assert_eq!(percent_decode("a+b", true), "a b");
        assert_eq!(
            json_string_content("say \"hi\"\n\u{1}"),
            r#"say \"hi\"\n\u0001"#
        );
    }
}
