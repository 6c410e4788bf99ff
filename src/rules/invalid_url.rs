//! `invalid-url`: a URL that is not an absolute http(s) URL, checked with placeholders
//! filled with a stand-in value, by the same reading of URLs that rendering uses.

use super::rule::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::template::{Part, Template};
use crate::url::{self, Problem};

pub static RULE: Rule = Rule {
    id: "invalid-url",
    severity: Severity::Error,
    summary: "a URL that is not an absolute http(s) URL: another scheme, no host, a bad port, a password, spaces",
    explanation: "A URL must be an absolute `http://` or `https://` URL with a host, a valid port and no spaces or other characters that must be percent-encoded. A password in the URL is refused: put credentials in an `Authorization` header, where they are masked.",
    fixable: false,
    blocks: true,
    check: None,
};

/// A value every place of a URL accepts (host, port, path, query), standing for a
/// placeholder whose value is known only when rendering.
const STAND_IN: &str = "1";

pub fn check(url: &Template) -> Option<Diagnostic> {
    let problem = problem(url)?;
    Some(RULE.at(url.span, message(url, &problem), problem.help()))
}

/// The finding's message, for `validate` and for `init`'s answer alike.
pub fn message(url: &Template, problem: &Problem) -> String {
    match problem {
        Problem::NotAbsolute => format!("`{}` is not an absolute http(s) URL", url.text),
        other => other.to_string(),
    }
}

/// What keeps a URL template from rendering to a URL that can be sent, as far as can be
/// told before rendering.
pub fn problem(url: &Template) -> Option<Problem> {
    let filled = url.masked(STAND_IN);
    if matches!(url.parts.first(), Some(Part::Placeholder(_))) {
        // A base URL from a variable: its scheme and host are known only when rendering.
        return url::check_characters(&filled).err();
    }
    url::parse(&filled).err()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_of(url: &str) -> Option<String> {
        problem(&Template::parse(url).unwrap()).map(|p| p.to_string())
    }

    #[test]
    fn accepts_http_urls() {
        for url in [
            "https://crm.example.com/calls?id=${callInfo.callSid}",
            "http://localhost:8080/hook",
            "HTTPS://EXAMPLE.COM",
            "${context.apiBase}/calls/${callInfo.callSid}",
            "${context.webhookUrl}",
            "https://${context.tenant}.example.com/x",
            "http://localhost:${context.port}/x",
        ] {
            assert_eq!(problem_of(url), None, "{url}");
        }
    }

    #[test]
    fn refuses_the_rest() {
        for (url, fragment) in [
            ("ftp://example.com/x", "scheme `ftp`"),
            ("example.com/calls", "not an absolute"),
            ("https:///calls", "no host"),
            ("https://:8080/x", "no host"),
            ("https://example.com:99999/x", "not a port"),
            ("https://user:pw@example.com/x", "user name or password"),
            ("https://example.com/a b", "a space"),
            ("${context.apiBase}/a b", "a space"),
            ("mailto:x@example.com", "not an absolute"),
        ] {
            let problem = problem_of(url).unwrap_or_default();
            assert!(problem.contains(fragment), "{url}: {problem}");
        }
    }
}
