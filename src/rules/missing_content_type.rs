//! `missing-content-type`: a JSON body without `Content-Type: application/json`.

use super::rule::{Context, Rule};
use crate::action::{Action, ActionFile, Method};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::fix;
use crate::source::Pos;
use crate::template::body::looks_meant_as_json;
use crate::template::json_scanner;

pub static RULE: Rule = Rule {
    id: "missing-content-type",
    severity: Severity::Error,
    summary: "a JSON body without `Content-Type: application/json`, which the platform requires",
    explanation: "The platform sends a JSON body only with `Content-Type: application/json`; without it the receiver may not read the body as JSON. `--fix` adds the header.",
    fixable: true,
    blocks: false,
    check: Some(check),
};

fn check(_: &Context<'_>, file: &ActionFile, action: &Action, out: &mut Vec<Diagnostic>) {
    if action.method == Method::Get || action.header("content-type").is_some() {
        return;
    }
    let Some(body) = action.written_body() else {
        return;
    };
    if json_scanner::scan(&body.parts).looks_like_json || looks_meant_as_json(&body.text) {
        out.push(
            RULE.at(
                body.span,
                format!(
                    "action `{}` sends a JSON body without a Content-Type header",
                    action.name
                ),
                "add `Content-Type: application/json` under `headers:`",
            )
            // An entry with an error is not read in full (a misspelt `header:`): adding a
            // `headers:` to it could make a second one.
            .with_fix(match action.faulty {
                true => None,
                false => add_header(file, action),
            }),
        );
    }
}

/// `Content-Type: application/json` added above the first header (block-style headers),
/// or a `headers:` with it after the `url:` line. Anything else is left to the user.
fn add_header(file: &ActionFile, action: &Action) -> Option<Fix> {
    let source = &file.source;
    let eol = fix::line_break(source);
    let title = "add `Content-Type: application/json`".to_owned();
    if let Some(first) = action.headers.first() {
        let line = first.value.span.start.line;
        let column = fix::key_column(source.line(line), &first.name)?;
        let at = Pos::new(line, column + 1);
        return Some(Fix::insert(
            title,
            at,
            format!("Content-Type: application/json{eol}{}", " ".repeat(column)),
        ));
    }
    let line = action.url.span.start.line;
    if action.url.span.end.line != line || !fix::ends_with_break(source, line) {
        return None;
    }
    let column = fix::key_column(source.line(line), "url")?;
    let indent = " ".repeat(column);
    Some(Fix::insert(
        title,
        Pos::new(line + 1, 1),
        format!("{indent}headers:{eol}{indent}  Content-Type: application/json{eol}"),
    ))
}
