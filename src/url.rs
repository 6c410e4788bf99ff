//! The one reading of a URL, for every command: `validate` checks a URL template with it,
//! `render` the rendered URL, `insecure-url` asks it for the host, and `fire` for the
//! address it could not reach. What this accepts, the HTTP client can send.

use std::fmt;

/// An absolute http(s) URL, taken apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Url<'a> {
    pub scheme: Scheme,
    /// The host as written, without the brackets of an IPv6 address.
    pub host: &'a str,
    /// The port written, or the scheme's.
    pub port: u16,
    /// Byte offset where the authority ends and the path, query or fragment begins.
    pub authority_end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
}

impl Scheme {
    pub fn default_port(self) -> u16 {
        match self {
            Scheme::Http => 80,
            Scheme::Https => 443,
        }
    }
}

impl Url<'_> {
    /// Whether the host is this machine, where plain http stays on the machine.
    pub fn is_loopback(&self) -> bool {
        let host = self.host.to_ascii_lowercase();
        host == "localhost"
            || host.ends_with(".localhost")
            || host == "::1"
            || host.starts_with("127.")
    }

    /// `host:port`, as a connection error names it.
    pub fn address(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// What keeps a text from being a URL that can be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A blank or a control character, which no URL may hold.
    Character(char),
    /// A character that must be percent-encoded to stand in a URL.
    Unencoded(char),
    NotAbsolute,
    Scheme(String),
    NoHost,
    /// `user:password@` before the host.
    Userinfo,
    Port(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Character(c) => write!(f, "the URL contains {}", describe(*c)),
            Problem::Unencoded(c) => write!(
                f,
                "the URL contains `{c}`, which must be percent-encoded in a URL"
            ),
            Problem::NotAbsolute => f.write_str("it is not an absolute http(s) URL"),
            Problem::Scheme(scheme) => write!(f, "the URL scheme `{scheme}` is not http or https"),
            Problem::NoHost => f.write_str("the URL has no host"),
            Problem::Userinfo => f.write_str("the URL holds a user name or password"),
            Problem::Port(port) => write!(f, "`{port}` is not a port (a number from 1 to 65535)"),
        }
    }
}

impl Problem {
    /// How to fix it.
    pub fn help(&self) -> &'static str {
        match self {
            Problem::Character(_) => {
                "remove it, or percent-encode it (a space is `%20`); values of placeholders are encoded for you"
            }
            Problem::Unencoded(_) => {
                "percent-encode it (`<` is `%3C`); values of placeholders are encoded for you"
            }
            Problem::NotAbsolute => {
                "start the URL with `https://` and a host, as in `https://crm.example.com/calls`"
            }
            Problem::Scheme(_) => "the platform sends webhooks over http:// or https:// only",
            Problem::NoHost => "put a host after the scheme, as in `https://crm.example.com/calls`",
            Problem::Userinfo => {
                "send credentials in a header instead: `Authorization: Basic ${env.NAME}`, read from the environment"
            }
            Problem::Port(_) => "write the port as a number, as in `https://crm.example.com:8443/`",
        }
    }
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\t' => "a tab".to_owned(),
        '\n' | '\r' => "a line break".to_owned(),
        c => format!("the control character {}", c.escape_unicode()),
    }
}

/// Whether `c` may stand as it is in the part of a URL it is in, as the HTTP client reads
/// URLs: any non-ASCII character (sent as UTF-8), and the ASCII that RFC 3986 allows there
/// and the client takes (`"`, `{`, `}` and `|` in a path; `{`, `}` and `` ` `` in a query).
fn allowed(c: char, part: Part) -> bool {
    if !c.is_ascii() {
        return true;
    }
    let disallowed = match part {
        Part::Path => "<>`",
        Part::Query => "<>\"",
        Part::Fragment => "",
    };
    c.is_ascii_graphic() && !disallowed.contains(c)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Path,
    Query,
    Fragment,
}

/// Reads an absolute http(s) URL, or says what keeps it from being one.
pub fn parse(text: &str) -> Result<Url<'_>, Problem> {
    check_characters(text)?;
    let lower_scheme = text.find("://").map(|i| text[..i].to_ascii_lowercase());
    let (scheme, rest_start) = match lower_scheme.as_deref() {
        Some("https") => (Scheme::Https, 8),
        Some("http") => (Scheme::Http, 7),
        Some(other) if !other.is_empty() && !other.contains(['/', '?', '#']) => {
            return Err(Problem::Scheme(text[..other.len()].to_owned()));
        }
        _ => return Err(Problem::NotAbsolute),
    };
    let rest = &text[rest_start..];
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_len];
    if authority.contains('@') {
        return Err(Problem::Userinfo);
    }
    let (host, port) = split_host_port(authority)?;
    if host.is_empty() {
        return Err(Problem::NoHost);
    }
    let bracketed = authority.starts_with('[');
    if let Some(bad) = host.chars().find(|c| match bracketed {
        true => !(c.is_ascii_hexdigit() || ":.".contains(*c)),
        false => !(c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=".contains(*c)),
    }) {
        return Err(Problem::Unencoded(bad));
    }
    let port = match port {
        None => scheme.default_port(),
        Some(port) => port
            .parse::<u16>()
            .ok()
            .filter(|p| *p > 0 && port.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| Problem::Port(port.to_owned()))?,
    };
    Ok(Url {
        scheme,
        host,
        port,
        authority_end: rest_start + authority_len,
    })
}

/// Where `--target` sends every request instead: an origin (scheme, host and port), which
/// replaces each URL's own and keeps its path and query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    origin: String,
}

impl Target {
    /// Reads `http://127.0.0.1:8080` (a trailing `/` allowed; nothing after it).
    pub fn parse(text: &str) -> Result<Target, String> {
        let url = parse(text).map_err(|problem| format!("{text} is not a URL: {problem}"))?;
        let rest = &text[url.authority_end..];
        if !rest.is_empty() && rest != "/" {
            return Err(format!(
                "{text} has a path or query: --target takes an origin, as in http://127.0.0.1:8080, and keeps each request's own path"
            ));
        }
        Ok(Target {
            origin: text[..url.authority_end].to_owned(),
        })
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// `url` sent to this origin, and the byte ranges `secrets` of `url` moved with its
    /// path (what stood in the origin it replaces is gone with it). `None` when `url` is not
    /// one [`parse`] reads.
    pub fn apply(
        &self,
        url: &str,
        secrets: &[std::ops::Range<usize>],
    ) -> Option<(String, Vec<std::ops::Range<usize>>)> {
        let start = parse(url).ok()?.authority_end;
        let at = |offset: usize| offset - start + self.origin.len();
        // A secret that reaches into the path (a base URL from the environment) keeps
        // its path part masked.
        let moved = secrets
            .iter()
            .filter(|r| r.end > start)
            .map(|r| at(r.start.max(start))..at(r.end))
            .collect();
        Some((format!("{}{}", self.origin, &url[start..]), moved))
    }
}

/// Checks only the characters: for a URL whose start comes from a placeholder, which is
/// known only when rendering.
pub fn check_characters(text: &str) -> Result<(), Problem> {
    // Nearly every URL is ASCII without a blank: one pass over the bytes says so.
    if text.is_ascii()
        && text
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"<>`\"".contains(&b))
    {
        return Ok(());
    }
    if let Some(bad) = text.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(Problem::Character(bad));
    }
    let mut part = Part::Path;
    for c in text.chars() {
        match (part, c) {
            (Part::Path, '?') => part = Part::Query,
            (Part::Path | Part::Query, '#') => part = Part::Fragment,
            _ if !allowed(c, part) => return Err(Problem::Unencoded(c)),
            _ => {}
        }
    }
    Ok(())
}

fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), Problem> {
    if let Some(v6) = authority.strip_prefix('[') {
        let Some((host, after)) = v6.split_once(']') else {
            return Err(Problem::Unencoded('['));
        };
        return match after {
            "" => Ok((host, None)),
            _ => match after.strip_prefix(':') {
                Some(port) => Ok((host, Some(port))),
                None => Err(Problem::Port(after.to_owned())),
            },
        };
    }
    Ok(match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_http_urls() {
        let url = parse("https://crm.example.com/calls?id=1").unwrap();
        assert_eq!(
            (url.scheme, url.host, url.port),
            (Scheme::Https, "crm.example.com", 443)
        );
        assert_eq!(url.authority_end, "https://crm.example.com".len());
        let url = parse("HTTP://LOCALHOST:8080").unwrap();
        assert_eq!((url.host, url.port), ("LOCALHOST", 8080));
        assert!(url.is_loopback());
        let url = parse("http://[::1]:9/x").unwrap();
        assert_eq!(
            (url.host, url.port, url.address().as_str()),
            ("::1", 9, "[::1]:9")
        );
        assert!(parse("https://x.example.com/a\"{b}?q={b}&é#\"").is_ok());
    }

    #[test]
    fn says_what_is_wrong() {
        for (text, problem) in [
            ("ftp://example.com/x", Problem::Scheme("ftp".to_owned())),
            ("example.com/calls", Problem::NotAbsolute),
            ("mailto:x@example.com", Problem::NotAbsolute),
            ("https:///calls", Problem::NoHost),
            ("https://:8080/x", Problem::NoHost),
            (
                "https://example.com:99999/",
                Problem::Port("99999".to_owned()),
            ),
            ("https://example.com:x/", Problem::Port("x".to_owned())),
            ("https://example.com:0/", Problem::Port("0".to_owned())),
            ("https://user:pw@example.com/", Problem::Userinfo),
            ("https://example.com/a b", Problem::Character(' ')),
            ("https://example.com/a<b", Problem::Unencoded('<')),
            ("https://exämple.com/", Problem::Unencoded('ä')),
            ("https://example.com/?q=\"", Problem::Unencoded('"')),
            ("https://example.com/a`b", Problem::Unencoded('`')),
        ] {
            assert_eq!(parse(text), Err(problem), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// `validate` never passes a URL that `fire` could not send.
        #[test]
        fn the_http_client_takes_every_url_it_accepts(
            host in "[a-z0-9.:\\[\\]_%!-]{0,12}",
            rest in "[ -~éé\t]{0,24}",
        ) {
            let text = format!("https://{host}{rest}");
            if parse(&text).is_ok() {
                proptest::prop_assert!(ureq::http::Uri::try_from(text.as_str()).is_ok(), "{}", text);
            }
        }
    }

    #[test]
    fn whatever_it_accepts_the_http_client_accepts() {
        for text in [
            "https://crm.example.com/calls?id=1",
            "http://[::1]:9/x",
            "https://x.example.com/a\"{b}?q={b}&é#\"frag",
            "https://x.example.com/%zz",
        ] {
            assert!(parse(text).is_ok(), "{text}");
            assert!(ureq::http::Uri::try_from(text).is_ok(), "{text}");
        }
    }
}
