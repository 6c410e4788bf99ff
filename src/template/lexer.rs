//! Splits a template into literal text and `${path}` placeholders.

use std::ops::Range;

use super::parts::{Part, Placeholder, Template};
use super::path::VarPath;
use crate::source::Span;
use crate::yaml::ScalarStyle;

/// A template that cannot be read; `range` starts at the `${` in question.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    pub range: Range<usize>,
    pub message: String,
    pub help: String,
}

impl Template {
    /// Lexes `text`; spans are left at their defaults until the loader maps them into the
    /// file. (Here rather than beside [`Template`], so that the parts know nothing of the
    /// lexer that makes them.)
    pub fn parse(text: &str) -> Result<Template, LexError> {
        Ok(Template {
            text: text.to_owned(),
            parts: lex(text)?,
            span: Span::default(),
            style: ScalarStyle::Plain,
        })
    }
}

/// Lexes a template: `${path}` with optional blanks inside the braces, `$${` for a literal
/// `${`, and any other `$` as itself.
pub fn lex(text: &str) -> Result<Vec<Part>, LexError> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut rest = 0;
    while let Some(found) = text[rest..].find('$') {
        let dollar = rest + found;
        literal.push_str(&text[rest..dollar]);
        let after = &text[dollar + 1..];
        if after.starts_with("${") {
            literal.push_str("${");
            rest = dollar + 3;
        } else if after.starts_with('{') {
            let placeholder = placeholder(text, dollar)?;
            if !literal.is_empty() {
                parts.push(Part::Literal(std::mem::take(&mut literal)));
            }
            rest = placeholder.range.end;
            parts.push(Part::Placeholder(placeholder));
        } else {
            literal.push('$');
            rest = dollar + 1;
        }
    }
    literal.push_str(&text[rest..]);
    if !literal.is_empty() {
        parts.push(Part::Literal(literal));
    }
    Ok(parts)
}

/// Reads the placeholder whose `$` is at byte `start`.
fn placeholder(text: &str, start: usize) -> Result<Placeholder, LexError> {
    let inner_start = start + 2;
    let is_path_char =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '\t');
    let inner_len = text[inner_start..]
        .find(|c: char| !is_path_char(c))
        .unwrap_or(text.len() - inner_start);
    let close = inner_start + inner_len;
    if !text[close..].starts_with('}') {
        let found = match text[close..].chars().next() {
            None => "the end of the text".to_owned(),
            Some('\n') => "the end of the line".to_owned(),
            Some(c) if c.is_control() => format!("`{}`", c.escape_debug()),
            Some(c) => format!("`{c}`"),
        };
        return Err(LexError {
            range: start..start + 2,
            message: format!("unterminated `${{`: expected `}}` but found {found}"),
            help:
                "close the placeholder, as in `${callInfo.callSid}`; write `$${` for a literal `${`"
                    .to_owned(),
        });
    }
    let range = start..close + 1;
    let inner = text[inner_start..close].trim_matches([' ', '\t']);
    if inner.is_empty() {
        return Err(LexError {
            range,
            message: "empty placeholder `${}`".to_owned(),
            help: "name a variable, as in `${callInfo.callSid}`; run `callactions payload EVENT --vars` to list them"
                .to_owned(),
        });
    }
    let path = VarPath::parse(inner).map_err(|err| LexError {
        range: range.clone(),
        message: format!("bad variable path `{inner}`: {}", err.message),
        help: "a path is dot-separated names (`[A-Za-z_][A-Za-z0-9_-]*`) or indices (digits), as in `${analysis.results.items.0}`"
            .to_owned(),
    })?;
    Ok(Placeholder {
        path,
        range,
        span: Span::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<String> {
        lex(text)
            .unwrap()
            .into_iter()
            .map(|part| match part {
                Part::Literal(l) => format!("lit:{l}"),
                Part::Placeholder(p) => format!("var:{}@{:?}", p.path, p.range),
            })
            .collect()
    }

    #[test]
    fn splits_literals_and_placeholders() {
        assert_eq!(
            shape("https://x/${callInfo.callSid}?a=${ duration }"),
            [
                "lit:https://x/",
                "var:callInfo.callSid@10..29",
                "lit:?a=",
                "var:duration@32..45"
            ]
        );
        assert_eq!(shape("${a}${b}"), ["var:a@0..4", "var:b@4..8"]);
        assert_eq!(shape(""), Vec::<String>::new());
    }

    #[test]
    fn dollars() {
        assert_eq!(
            shape("$${literal} costs $5 $"),
            ["lit:${literal} costs $5 $"]
        );
        assert_eq!(shape("$$x"), ["lit:$$x"]);
        assert_eq!(shape("$$${a}"), ["lit:$${a}"]);
        assert_eq!(shape("a$$${b}"), ["lit:a$${b}"]);
        assert_eq!(shape("$ ${\ta.0\t}"), ["lit:$ ", "var:a.0@2..10"]);
    }

    #[test]
    fn errors_point_at_the_dollar() {
        for (text, start, fragment) in [
            ("abc ${", 4, "unterminated"),
            ("x ${callInfo.callSid", 2, "unterminated"),
            ("{\"a\": \"${x\"}", 7, "unterminated"),
            ("${}", 0, "empty"),
            ("é ${  }", 3, "empty"),
            ("${a..b}", 0, "segment is empty"),
            ("${1a}", 0, "cannot start with a digit"),
            ("${a.}", 0, "segment is empty"),
            ("${a b}", 0, "is not allowed"),
        ] {
            let err = lex(text).unwrap_err();
            assert_eq!(err.range.start, start, "{text}");
            assert!(err.message.contains(fragment), "{text}: {}", err.message);
        }
    }
}
