//! `invalid-url`: a URL that is not an absolute http(s) URL, checked with placeholders masked.

use super::Rule;
use crate::diagnostic::{Diagnostic, Severity};
use crate::template::{Part, Template};

pub static RULE: Rule = Rule {
    id: "invalid-url",
    severity: Severity::Error,
    summary: "a URL that is not an absolute http(s) URL: another scheme, no host, spaces",
    check: None,
};

pub fn check(url: &Template) -> Option<Diagnostic> {
    let problem = problem(url)?;
    Some(RULE.at(url.span, problem.0, problem.1))
}

/// What is wrong with a URL template, and how to fix it.
fn problem(url: &Template) -> Option<(String, &'static str)> {
    let starts_with_placeholder = matches!(url.parts.first(), Some(Part::Placeholder(_)));
    let masked = url.masked("x");
    if let Some(bad) = masked.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Some((
            format!("the URL contains {}", describe(bad)),
            "remove it, or percent-encode it (a space is `%20`); values of placeholders are encoded for you",
        ));
    }
    if starts_with_placeholder {
        // A base URL from a variable: its scheme and host are known only when rendering.
        return None;
    }
    let lower = masked.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        let scheme = masked.split_once("://").map(|(s, _)| s);
        return Some(match scheme {
            Some(scheme) => (
                format!("the URL scheme `{scheme}` is not http or https"),
                "the platform sends webhooks over http:// or https:// only",
            ),
            None => (
                format!("`{}` is not an absolute URL", url.text),
                "start the URL with `https://` and a host, as in `https://crm.example.com/calls`",
            ),
        });
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or(host);
    if host.is_empty() || host.starts_with(':') {
        return Some((
            "the URL has no host".to_owned(),
            "put a host after the scheme, as in `https://crm.example.com/calls`",
        ));
    }
    None
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\t' => "a tab".to_owned(),
        '\n' | '\r' => "a line break".to_owned(),
        c => format!("the character {:?}", c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_of(url: &str) -> Option<String> {
        problem(&Template::parse(url).unwrap()).map(|p| p.0)
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
            "https://user@host/x",
        ] {
            assert_eq!(problem_of(url), None, "{url}");
        }
    }

    #[test]
    fn refuses_the_rest() {
        for (url, fragment) in [
            ("ftp://example.com/x", "scheme `ftp`"),
            ("example.com/calls", "not an absolute URL"),
            ("https:///calls", "no host"),
            ("https://:8080/x", "no host"),
            ("https://example.com/a b", "a space"),
            ("${context.apiBase}/a b", "a space"),
            ("mailto:x@example.com", "not an absolute URL"),
        ] {
            let problem = problem_of(url).unwrap_or_default();
            assert!(problem.contains(fragment), "{url}: {problem}");
        }
    }
}
