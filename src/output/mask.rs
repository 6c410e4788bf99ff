//! Hides credentials in everything shown (SPEC §5), unless `--show-secrets`.

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

/// `text` with every secret replaced by the mask, longest secret first.
pub fn mask_secrets(text: &str, secrets: &[String]) -> String {
    let mut sorted: Vec<&String> = secrets.iter().filter(|s| !s.is_empty()).collect();
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
        url: mask_secrets(&request.url, secrets),
        headers: request
            .headers
            .iter()
            .map(|(name, value)| {
                let value = if is_credential_header(name) {
                    mask_credential(value)
                } else {
                    mask_secrets(value, secrets)
                };
                (name.clone(), value)
            })
            .collect(),
        body: request.body.as_deref().map(|b| mask_secrets(b, secrets)),
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
        assert_eq!(mask_secrets("a=s3cr3t&b=s3", &secrets), "a=****&b=****");
    }
}
