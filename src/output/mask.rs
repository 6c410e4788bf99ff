//! Hides credentials in everything shown (SPEC §5), unless `--show-secrets`.

use std::ops::Range;

use crate::request::Request;

pub const MASK: &str = "****";

/// Headers whose values are credentials: by name, compared case-insensitively.
pub fn is_credential_header(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    matches!(
        name.as_str(),
        "authorization" | "proxy-authorization" | "cookie"
    ) || ["token", "secret", "key"]
        .iter()
        .any(|word| name.contains(word))
}

/// Secrets shorter than this are not looked for in text the server sends back: they
/// would hide every occurrence of a common word.
const MIN_ECHOED: usize = 4;

/// `text` with each byte range replaced by the mask.
pub fn mask_ranges(text: &str, ranges: &[Range<usize>]) -> String {
    let mut sorted: Vec<&Range<usize>> = ranges.iter().collect();
    sorted.sort_by_key(|r| std::cmp::Reverse(r.start));
    let mut out = text.to_owned();
    for range in sorted {
        if range.end <= out.len()
            && out.is_char_boundary(range.start)
            && out.is_char_boundary(range.end)
        {
            out.replace_range(range.clone(), MASK);
        }
    }
    out
}

/// `text` — a response the server sent — with every secret it echoes replaced by the mask.
pub fn mask_secrets(text: &str, secrets: &[String]) -> String {
    let mut sorted: Vec<&String> = secrets.iter().filter(|s| s.len() >= MIN_ECHOED).collect();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut out = text.to_owned();
    for secret in sorted {
        if out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), MASK);
        }
    }
    out
}

/// A credential header's value, masked: the scheme of `Bearer xyz` stays visible.
fn mask_credential(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) if scheme.chars().all(|c| c.is_ascii_alphabetic()) => {
            format!("{scheme} {MASK}")
        }
        _ => MASK.to_owned(),
    }
}

/// The request as it may be shown.
pub fn masked(request: &Request, show_secrets: bool) -> Request {
    if show_secrets {
        return request.clone();
    }
    let secrets = &request.secrets;
    Request {
        url: mask_ranges(&request.url, &secrets.url),
        headers: request
            .headers
            .iter()
            .enumerate()
            .map(|(index, (name, value))| {
                let value = if is_credential_header(name) {
                    mask_credential(value)
                } else {
                    let ranges: Vec<Range<usize>> = secrets
                        .headers
                        .iter()
                        .filter(|(i, _)| *i == index)
                        .map(|(_, r)| r.clone())
                        .collect();
                    mask_ranges(value, &ranges)
                };
                (name.clone(), value)
            })
            .collect(),
        body: request
            .body
            .as_deref()
            .map(|b| mask_ranges(b, &secrets.body)),
        ..request.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_headers() {
        for name in [
            "Authorization",
            "proxy-authorization",
            "Cookie",
            "X-Api-Key",
            "X-Auth-Token",
            "client_secret",
        ] {
            assert!(is_credential_header(name), "{name}");
        }
        for name in ["Content-Type", "X-Call-Id", "Accept"] {
            assert!(!is_credential_header(name), "{name}");
        }
    }

    #[test]
    fn masks() {
        assert_eq!(mask_credential("Bearer abc.def"), "Bearer ****");
        assert_eq!(mask_credential("abc123"), "****");
        let secrets = vec!["s3cr3t".to_owned(), "s3".to_owned()];
        // Too short to look for in a response: it would hide every `s3`.
        assert_eq!(mask_secrets("a=s3cr3t&b=s3", &secrets), "a=****&b=s3");
        let token = 4..5;
        assert_eq!(
            mask_ranges("key=x&box=1", std::slice::from_ref(&token)),
            "key=****&box=1"
        );
        assert_eq!(mask_ranges("ab", &[0..1, 1..2]), "********");
    }
}
