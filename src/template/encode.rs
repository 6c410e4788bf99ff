//! What a value becomes in each place a placeholder can stand (SPEC §4).

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

/// Percent-encodes everything but the unreserved characters `A-Z a-z 0-9 - . _ ~`,
/// so a value can never add a path segment, a query parameter or a fragment.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            push_hex(&mut out, byte);
        }
    }
    out
}

/// `application/x-www-form-urlencoded`: as [`percent_encode`], but a space is `+`.
pub fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'*') => {
                out.push(b as char)
            }
            b => push_hex(&mut out, b),
        }
    }
    out
}

fn push_hex(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(HEX[usize::from(byte >> 4)] as char);
    out.push(HEX[usize::from(byte & 0xF)] as char);
}

/// Decodes `%XX` escapes (and `+` when `plus_is_space`), for showing what a server receives.
pub fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The inside of a JSON string literal holding `text` (without the quotes).
pub fn json_string_content(text: &str) -> String {
    let quoted = Value::String(text.to_owned()).to_string();
    quoted[1..quoted.len() - 1].to_owned()
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
