//! Credentials (SPEC §5): which values are secrets, where they stand in a text, and how
//! they are hidden. Nothing here decides *whether* to hide them: every output asks with
//! the [`Reveal`] of its command, so `--show-secrets` means the same everywhere.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;

pub const MASK: &str = "****";

/// Whether secrets are shown (`--show-secrets`) or masked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reveal {
    Mask,
    Show,
}

impl Reveal {
    pub fn from_flag(show_secrets: bool) -> Reveal {
        if show_secrets {
            Reveal::Show
        } else {
            Reveal::Mask
        }
    }
}

/// Headers whose values are credentials: by name, compared case-insensitively.
pub fn is_credential_header(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    matches!(
        name.as_str(),
        "authorization" | "proxy-authorization" | "cookie" | "set-cookie"
    ) || ["token", "secret", "key"]
        .iter()
        .any(|word| name.contains(word))
}

/// Query parameters whose values are credentials, by name (case-insensitive): what an
/// endpoint that takes its key in the URL calls it (`api_key`, `token`, `sig`, …).
pub fn is_credential_param(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    matches!(name.as_str(), "sig" | "pwd" | "code")
        || [
            "token",
            "secret",
            "key",
            "password",
            "passwd",
            "auth",
            "signature",
        ]
        .iter()
        .any(|word| name.contains(word))
}

/// Authentication schemes whose name may stay visible (`Bearer ****`): a scheme says how
/// the credential is sent, not what it is.
const SCHEMES: &[&str] = &[
    "Basic",
    "Bearer",
    "Digest",
    "Token",
    "Bot",
    "Negotiate",
    "ApiKey",
    "AWS4-HMAC-SHA256",
];

/// The length of a known scheme and the blank after it at the start of `literal` — text
/// written in the file, never a value inserted from elsewhere.
pub fn scheme_prefix(literal: &str) -> Option<usize> {
    let word_end = literal.find(' ')?;
    let word = &literal[..word_end];
    if !SCHEMES
        .iter()
        .any(|scheme| scheme.eq_ignore_ascii_case(word))
    {
        return None;
    }
    let after = &literal[word_end..];
    Some(word_end + after.len() - after.trim_start_matches(' ').len())
}

/// Text with the byte ranges that hold secrets: what a message or a rendered value is
/// before an output decides how to show it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SecretText {
    pub text: String,
    pub secrets: Vec<Range<usize>>,
}

impl SecretText {
    /// Text with no secret in it.
    pub fn plain(text: impl Into<String>) -> SecretText {
        SecretText {
            text: text.into(),
            secrets: Vec::new(),
        }
    }

    /// Appends text with no secret in it.
    pub fn push(&mut self, text: &str) -> &mut SecretText {
        self.text.push_str(text);
        self
    }

    /// Appends text that is a secret as a whole.
    pub fn push_secret(&mut self, text: &str) -> &mut SecretText {
        let start = self.text.len();
        self.text.push_str(text);
        if !text.is_empty() {
            self.secrets.push(start..self.text.len());
        }
        self
    }

    /// Appends another secret text, its secrets with it.
    pub fn push_text(&mut self, other: &SecretText) -> &mut SecretText {
        let start = self.text.len();
        self.text.push_str(&other.text);
        self.secrets
            .extend(other.secrets.iter().map(|r| r.start + start..r.end + start));
        self
    }

    pub fn shown(&self, reveal: Reveal) -> Cow<'_, str> {
        match reveal {
            Reveal::Show => Cow::Borrowed(&self.text),
            Reveal::Mask if self.secrets.is_empty() => Cow::Borrowed(&self.text),
            Reveal::Mask => Cow::Owned(mask_ranges(&self.text, &self.secrets)),
        }
    }
}

/// `text` with each byte range replaced by one mask; overlapping and touching ranges
/// are hidden as one.
pub fn mask_ranges(text: &str, ranges: &[Range<usize>]) -> String {
    let mut sorted: Vec<Range<usize>> = ranges
        .iter()
        .filter(|r| r.start < r.end && r.end <= text.len())
        .cloned()
        .collect();
    sorted.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for range in sorted {
        if range.end <= at {
            continue;
        }
        let start = floor_char_boundary(text, range.start.max(at));
        if start > at || at == 0 || !out.ends_with(MASK) {
            out.push_str(&text[at..start]);
            out.push_str(MASK);
        }
        at = ceil_char_boundary(text, range.end);
    }
    out.push_str(&text[at.min(text.len())..]);
    out
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn ceil_char_boundary(text: &str, mut index: usize) -> usize {
    while index < text.len() && !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

/// Secrets shorter than this are not looked for in text a server sends back: they would
/// hide every occurrence of a common word.
const MIN_ECHOED: usize = 4;

/// Every form in which the secrets of a request can come back in what a server sends:
/// as inserted, percent-encoded or decoded, JSON-escaped, and the two sides of Basic
/// authentication (`user:pass` and its base64).
#[derive(Clone, Debug, Default)]
pub struct Echoes {
    secrets: Vec<String>,
    /// The forms, made when first needed: most requests are rendered and never answered.
    forms: OnceLock<Vec<String>>,
}

impl Echoes {
    pub fn add(&mut self, secret: &str) {
        if !self.secrets.iter().any(|s| s == secret) {
            self.secrets.push(secret.to_owned());
            self.forms = OnceLock::new();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.forms().is_empty()
    }

    fn forms(&self) -> &[String] {
        self.forms.get_or_init(|| {
            let mut forms: Vec<String> = Vec::new();
            for secret in &self.secrets {
                for form in forms_of(secret) {
                    if form.len() >= MIN_ECHOED && !forms.contains(&form) {
                        forms.push(form);
                    }
                }
            }
            // Longest first, so a secret inside another is not masked before it.
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
            forms
        })
    }

    /// `text` with every echoed secret masked, or as it is with [`Reveal::Show`].
    pub fn hide<'t>(&self, text: &'t str, reveal: Reveal) -> Cow<'t, str> {
        if reveal == Reveal::Show || !self.forms().iter().any(|f| text.contains(f.as_str())) {
            return Cow::Borrowed(text);
        }
        let mut out = text.to_owned();
        for form in self.forms() {
            if out.contains(form.as_str()) {
                out = out.replace(form.as_str(), MASK);
            }
        }
        Cow::Owned(out)
    }
}

impl PartialEq for Echoes {
    fn eq(&self, other: &Echoes) -> bool {
        self.secrets == other.secrets
    }
}

impl Eq for Echoes {}

/// The forms one secret can come back in.
fn forms_of(secret: &str) -> Vec<String> {
    let mut forms = vec![
        secret.to_owned(),
        crate::template::encode::percent_encode(secret),
        crate::template::encode::form_encode(secret),
        crate::template::encode::percent_decode(secret, false),
        crate::template::encode::json_string_content(secret),
        BASE64.encode(secret),
    ];
    if let Ok(decoded) = BASE64.decode(secret.trim())
        && let Ok(text) = String::from_utf8(decoded)
    {
        forms.push(text);
    }
    forms
}

/// A header as it may be shown, when nothing is known of how its value was written (a
/// header a server sent, or one `listen` received): a credential is masked whole.
pub fn header_value<'v>(name: &str, value: &'v str, reveal: Reveal) -> Cow<'v, str> {
    if reveal == Reveal::Mask && is_credential_header(name) {
        Cow::Borrowed(MASK)
    } else {
        Cow::Borrowed(value)
    }
}

/// A query parameter as it may be shown, when nothing is known of how it was written (one
/// `listen` received): a credential, by its name, is masked whole.
pub fn param_value<'v>(name: &str, value: &'v str, reveal: Reveal) -> Cow<'v, str> {
    if reveal == Reveal::Mask && is_credential_param(name) {
        Cow::Borrowed(MASK)
    } else {
        Cow::Borrowed(value)
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
            "Set-Cookie",
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
    fn credential_params_by_name() {
        for name in [
            "api_key",
            "apiKey",
            "access_token",
            "client_secret",
            "password",
            "sig",
            "Auth",
        ] {
            assert!(is_credential_param(name), "{name}");
        }
        for name in ["page", "callSid", "attempt", "signed_up", "q"] {
            assert!(!is_credential_param(name), "{name}");
        }
    }

    #[test]
    fn schemes_are_known_words_only() {
        assert_eq!(scheme_prefix("Bearer abc"), Some(7));
        assert_eq!(scheme_prefix("basic  abc"), Some(7));
        assert_eq!(scheme_prefix("Bearer "), Some(7));
        assert_eq!(scheme_prefix("hunter two"), None);
        assert_eq!(scheme_prefix("Bearer"), None);
    }

    #[test]
    fn masks_ranges() {
        assert_eq!(
            mask_ranges("key=x&box=1", std::slice::from_ref(&(4..5))),
            "key=****&box=1"
        );
        assert_eq!(mask_ranges("ab", &[0..1, 1..2]), "****");
        assert_eq!(mask_ranges("abcdef", &[1..4, 2..3, 5..6]), "a****e****");
        assert_eq!(mask_ranges("é", std::slice::from_ref(&(1..2))), "****");
        assert_eq!(mask_ranges("abc", std::slice::from_ref(&(5..9))), "abc");
    }

    #[test]
    fn secret_texts_keep_their_ranges() {
        let mut inner = SecretText::plain("https://");
        inner.push_secret("t0k3n").push("/x");
        let mut outer = SecretText::plain("renders to `");
        outer.push_text(&inner).push("`");
        assert_eq!(outer.shown(Reveal::Mask), "renders to `https://****/x`");
        assert_eq!(outer.shown(Reveal::Show), "renders to `https://t0k3n/x`");
    }

    #[test]
    fn echoes_in_every_form() {
        let mut echoes = Echoes::default();
        echoes.add("s3cr3t value");
        echoes.add("dXNlcjpwYXNz"); // user:pass
        echoes.add("s3");
        for echoed in [
            "got s3cr3t value",
            "got s3cr3t%20value",
            "got s3cr3t+value",
            "got user:pass",
            "got dXNlcjpwYXNz",
            "got czNjcjN0IHZhbHVl",
        ] {
            assert_eq!(echoes.hide(echoed, Reveal::Mask), "got ****", "{echoed}");
        }
        // Too short to look for: it would hide every `s3`.
        assert_eq!(echoes.hide("a=s3", Reveal::Mask), "a=s3");
        assert_eq!(echoes.hide("got user:pass", Reveal::Show), "got user:pass");
    }
}
