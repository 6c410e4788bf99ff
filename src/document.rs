//! Reads an action file's YAML tree into [`ActionFile`], reporting every problem with the
//! place of the key or value at fault. Reading goes on after a problem, so one pass finds
//! them all; an action with an error is left out of the result.

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use crate::action::{
    ACTION_FIELDS, Action, ActionFile, DEFAULT_METHOD, DEFAULT_TIMEOUT, Declared, FILE_FIELDS,
    Field, Header, Method, VARIABLES_FIELDS, is_valid_name,
};
use crate::diagnostic::Diagnostic;
use crate::event::Event;
use crate::header;
use crate::rules::{
    duplicate_key, duplicate_name, invalid_event, invalid_file, invalid_header, invalid_method,
    invalid_name, invalid_url, missing_key, template_syntax, timeout_range, unknown_key,
    wrong_type, yaml_syntax,
};
use crate::source::{Source, Span};
use crate::template::{Part, Template, lex};
use crate::yaml::{self, Node, ScalarStyle, Value};

/// Reads the text of one file.
pub fn read(path: &Path, source: Arc<Source>) -> (ActionFile, Vec<Diagnostic>) {
    let mut reader = Reader {
        source: &source,
        diagnostics: Vec::new(),
    };
    let mut file = ActionFile {
        path: path.to_owned(),
        source: Arc::clone(&source),
        declared: Declared::default(),
        actions: Vec::new(),
        unbuilt: Vec::new(),
    };
    match yaml::parse(&source) {
        Err(error) => reader.diagnostics.push(yaml_syntax::report(error)),
        Ok(None) => reader.diagnostics.push(invalid_file::empty()),
        Ok(Some(root)) => reader.file(&root, &mut file),
    }
    let mut diagnostics = reader.diagnostics;
    for diagnostic in &mut diagnostics {
        diagnostic.path = path.to_owned();
    }
    (file, diagnostics)
}

struct Reader<'a> {
    source: &'a Source,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn file(&mut self, root: &Node, file: &mut ActionFile) {
        let Some(entries) = self.mapping_entries(root, FILE_FIELDS, "the file") else {
            self.diagnostics.push(invalid_file::not_a_mapping(root));
            return;
        };
        for (key, value) in entries.iter() {
            match key.as_str() {
                "variables" => file.declared = self.declared(value),
                "actions" => (file.actions, file.unbuilt) = self.actions(value),
                _ => {}
            }
        }
        if !entries.iter().any(|(k, _)| k == "actions") {
            self.diagnostics.push(missing_key::report(
                Span::at(root.span.start, 1),
                "actions",
                "the file",
            ));
        }
    }

    /// The entries of a mapping with known keys, reporting unknown and repeated keys
    /// (which are left out). `None` when the node is not a mapping.
    fn mapping_entries(
        &mut self,
        node: &Node,
        fields: &[Field],
        place: &str,
    ) -> Option<Vec<(String, Rc<Node>)>> {
        let Value::Mapping(entries) = &node.value else {
            return None;
        };
        let mut known: Vec<(String, Rc<Node>)> = Vec::new();
        let mut seen: Vec<(String, usize)> = Vec::new();
        for (key, value) in entries {
            let Some(text) = key.as_scalar().map(|s| s.text.clone()) else {
                self.diagnostics
                    .push(wrong_type::report(key, "a key", "text", "`name:`"));
                continue;
            };
            if let Some((_, line)) = seen.iter().find(|(k, _)| *k == text) {
                self.diagnostics
                    .push(duplicate_key::report(key, &text, *line));
                continue;
            }
            seen.push((text.clone(), key.span.start.line));
            if fields.iter().any(|f| f.key == text) {
                known.push((text, Rc::clone(value)));
            } else {
                self.diagnostics
                    .push(unknown_key::report(key, &text, fields, place));
            }
        }
        Some(known)
    }

    fn declared(&mut self, node: &Node) -> Declared {
        let mut declared = Declared::default();
        if node.is_null() {
            return declared;
        }
        let Some(entries) = self.mapping_entries(node, VARIABLES_FIELDS, "`variables`") else {
            self.diagnostics.push(wrong_type::report(
                node,
                "`variables`",
                "a mapping",
                "`variables: {context: [customerId]}`",
            ));
            return declared;
        };
        for (namespace, value) in entries {
            let keys = self.key_list(&value, &namespace);
            if let Value::Sequence(items) = &value.value {
                let list = crate::action::DeclaredList {
                    span: value.span,
                    last_item: items.last().map(|item| item.span),
                };
                let name = match namespace.as_str() {
                    "context" => "context",
                    _ => "analysis.results",
                };
                declared.lists.push((name.to_owned(), list));
            }
            match namespace.as_str() {
                "context" => declared.context = Some(keys),
                _ => declared.analysis_results = Some(keys),
            }
        }
        declared
    }

    fn key_list(&mut self, node: &Node, namespace: &str) -> Vec<String> {
        let Value::Sequence(items) = &node.value else {
            self.diagnostics.push(wrong_type::report(
                node,
                &format!("`variables.{namespace}`"),
                "a list of keys",
                &format!("`{namespace}: [customerId, plan]`"),
            ));
            return Vec::new();
        };
        let mut keys = Vec::new();
        for item in items {
            match item.as_text() {
                Some(key) => keys.push(key.to_owned()),
                None => self.diagnostics.push(wrong_type::report(
                    item,
                    "a declared key",
                    "a name",
                    "`customerId`",
                )),
            }
        }
        keys
    }

    /// The actions that could be built, and the names of those that could not.
    fn actions(&mut self, node: &Node) -> (Vec<Action>, Vec<String>) {
        if node.is_null() {
            return (Vec::new(), Vec::new());
        }
        let Value::Sequence(items) = &node.value else {
            self.diagnostics.push(wrong_type::report(
                node,
                "`actions`",
                "a list",
                "`actions:` followed by items that start with `- name:`",
            ));
            return (Vec::new(), Vec::new());
        };
        let mut actions: Vec<Action> = Vec::new();
        let mut unbuilt = Vec::new();
        // The line of each name, to point a duplicate at the first.
        let mut names: HashMap<String, usize> = HashMap::new();
        for item in items {
            let (action, name_node) = match self.action(item) {
                Ok(built) => built,
                Err(name) => {
                    unbuilt.extend(name);
                    continue;
                }
            };
            if let Some(line) = names.get(&action.name) {
                self.diagnostics.push(duplicate_name::report(
                    name_node.head_span(),
                    &action.name,
                    *line,
                ));
                continue;
            }
            names.insert(action.name.clone(), name_node.span.start.line);
            actions.push(action);
        }
        (actions, unbuilt)
    }

    /// One action, or (`Err`, with its name when it has one) none when it lacks what every
    /// request needs (name, event, URL, method, timeout). Any other error is reported and
    /// marks the action `faulty`.
    fn action(&mut self, node: &Node) -> Result<(Action, Rc<Node>), Option<String>> {
        let errors_before = self.error_count();
        let Some(entries) = self.mapping_entries(node, ACTION_FIELDS, "an action") else {
            self.diagnostics.push(wrong_type::report(
                node,
                "an action",
                "a mapping",
                "`- name: crm-sync` followed by `event:`, `url:` and the other keys",
            ));
            return Err(None);
        };
        let get = |key: &str| {
            entries
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| Rc::clone(v))
        };
        let name_node = get("name");
        let name = name_node.as_deref().and_then(|n| self.action_name(n));
        let owner = match &name {
            Some(name) => format!("action `{name}`"),
            None => "this action".to_owned(),
        };
        let here = Span::at(node.span.start, 1);
        for field in ACTION_FIELDS.iter().filter(|f| f.required) {
            if get(field.key).is_none() {
                self.diagnostics
                    .push(missing_key::report(here, field.key, &owner));
            }
        }
        let event = get("event").and_then(|n| self.event(&n));
        let method = get("method").map_or(Some(DEFAULT_METHOD), |n| self.method(&n));
        let timeout = get("timeout").map_or(Some(DEFAULT_TIMEOUT), |n| self.timeout(&n));
        let url = get("url").and_then(|n| self.url(&n));
        let headers = get("headers").map_or_else(Vec::new, |n| self.headers(&n));
        let body = get("body").filter(|n| !n.is_null()).and_then(|n| {
            self.template(
                &n,
                "`body`",
                "a block: `body: |` and the text indented below",
            )
        });
        let (Some(event), Some(method), Some(url), Some(timeout), Some(name_node)) =
            (event, method, url, timeout, name_node)
        else {
            return Err(name);
        };
        let Some(name) = name else {
            return Err(None);
        };
        let action = Action {
            name,
            event,
            method,
            url,
            timeout,
            headers,
            body,
            span: here,
            entry: node.span,
            faulty: self.error_count() > errors_before,
        };
        Ok((action, name_node))
    }

    fn action_name(&mut self, node: &Node) -> Option<String> {
        let text = self.text(node, "`name`", "`name: crm-sync`")?;
        if is_valid_name(text) {
            Some(text.to_owned())
        } else {
            self.diagnostics.push(invalid_name::report(node, text));
            None
        }
    }

    fn event(&mut self, node: &Node) -> Option<Event> {
        let text = self.text(node, "`event`", "`event: call_end`")?;
        self.check(invalid_event::parse(node, text))
    }

    fn method(&mut self, node: &Node) -> Option<Method> {
        let text = self.text(node, "`method`", "`method: POST`")?;
        self.check(invalid_method::parse(node, text))
    }

    fn timeout(&mut self, node: &Node) -> Option<u64> {
        let text = self.text(node, "`timeout`", "`timeout: 15`")?;
        self.check(timeout_range::parse(node, text))
    }

    fn url(&mut self, node: &Node) -> Option<Template> {
        let url = self.template(node, "`url`", "`url: https://crm.example.com/calls`")?;
        match invalid_url::check(&url) {
            Some(problem) => {
                self.diagnostics.push(problem);
                None
            }
            None => Some(url),
        }
    }

    fn headers(&mut self, node: &Node) -> Vec<Header> {
        if node.is_null() {
            return Vec::new();
        }
        let Value::Mapping(entries) = &node.value else {
            self.diagnostics.push(wrong_type::report(
                node,
                "`headers`",
                "a mapping of names to values",
                "`headers:` with `Content-Type: application/json` indented below",
            ));
            return Vec::new();
        };
        let mut headers: Vec<Header> = Vec::new();
        // The line of each header's name, to point a duplicate at the first.
        let mut lines: Vec<usize> = Vec::new();
        for (key, value) in entries {
            let Some(name) = self.text(key, "a header name", "`X-Call-Id:`") else {
                continue;
            };
            if !header::is_valid_name(name) {
                self.diagnostics
                    .push(invalid_header::report_name(key, name));
                continue;
            }
            if let Some(first) = headers
                .iter()
                .position(|h| h.name.eq_ignore_ascii_case(name))
            {
                self.diagnostics
                    .push(duplicate_key::report(key, name, lines[first]));
                continue;
            }
            if let Some(template) = self.header_value(name, value) {
                lines.push(key.span.start.line);
                headers.push(Header {
                    name: name.to_owned(),
                    value: template,
                });
            }
        }
        headers
    }

    /// A header's value as a template; null is the empty value.
    fn header_value(&mut self, name: &str, node: &Node) -> Option<Template> {
        if node.is_null() {
            return Template::parse("").ok();
        }
        let template = self.template(
            node,
            &format!("header `{name}`"),
            "`X-Call-Id: ${callInfo.callSid}`",
        )?;
        if let Some(c) = header::forbidden_in_value(&template.masked("")) {
            self.diagnostics
                .push(invalid_header::report_value(node, name, c));
            return None;
        }
        Some(template)
    }

    /// The text of a scalar; reports a wrong type for anything else.
    fn text<'n>(&mut self, node: &'n Node, what: &str, example: &str) -> Option<&'n str> {
        let text = node.as_text();
        if text.is_none() {
            self.diagnostics
                .push(wrong_type::report(node, what, "text", example));
        }
        text
    }

    /// A scalar read as a template, with each placeholder's place in the file.
    fn template(&mut self, node: &Node, what: &str, example: &str) -> Option<Template> {
        let text = self.text(node, what, example)?;
        let style = node.as_scalar().map_or(ScalarStyle::Plain, |s| s.style);
        let locate = |offsets: &[usize]| yaml::locate(self.source, node.span, style, text, offsets);
        match lex(text) {
            Err(error) => {
                let at = locate(&[error.range.start, error.range.end - 1]);
                let span = one_line(at[0], at[1]);
                self.diagnostics.push(template_syntax::report(error, span));
                None
            }
            Ok(mut parts) => {
                let offsets: Vec<usize> = parts
                    .iter()
                    .filter_map(|p| match p {
                        Part::Placeholder(p) => Some([p.range.start, p.range.end - 1]),
                        Part::Literal(_) => None,
                    })
                    .flatten()
                    .collect();
                let places = locate(&offsets);
                let mut places = places.chunks(2);
                let placeholders = parts.iter_mut().filter_map(|part| match part {
                    Part::Placeholder(p) => Some(p),
                    Part::Literal(_) => None,
                });
                for (placeholder, place) in placeholders.zip(&mut places) {
                    if let [start, last] = place {
                        placeholder.span = one_line(*start, *last);
                    }
                }
                Some(Template {
                    text: text.to_owned(),
                    parts,
                    span: node.span,
                    style,
                })
            }
        }
    }

    fn check<T>(&mut self, result: Result<T, Diagnostic>) -> Option<T> {
        result.map_err(|d| self.diagnostics.push(d)).ok()
    }

    fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// From `start` to just after `last`, or one character when they are on different lines.
fn one_line(start: crate::source::Pos, last: crate::source::Pos) -> Span {
    if start.line == last.line && last.column >= start.column {
        Span::new(start, crate::source::Pos::new(last.line, last.column + 1))
    } else {
        Span::at(start, 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostics(yaml: &str) -> Vec<(String, String)> {
        let (_, found) = read(Path::new("t.yaml"), Arc::new(Source::new(yaml.to_owned())));
        found
            .into_iter()
            .map(|d| {
                (
                    d.rule.to_owned(),
                    format!("{}-{}", d.span.start, d.span.end),
                )
            })
            .collect()
    }

    const HEAD: &str = "actions:\n  - name: a\n    event: call_end\n";

    fn with_url(url_line: &str) -> String {
        format!("{HEAD}{url_line}")
    }

    #[test]
    fn template_errors_point_at_the_dollar_in_every_scalar_style() {
        let cases = [
            ("    url: https://x/é${a..b}\n", "4:21-4:28"),
            ("    url: 'https://x/''${a..b}'\n", "4:23-4:30"),
            ("    url: \"https://x/\\\"${a..b}\"\n", "4:23-4:30"),
            ("    url: |\n      https://x/日本${a..b}\n", "5:19-5:26"),
            ("    url: >-\n      https://x/\n      ${a..b}\n", "6:7-6:14"),
            ("    url: https://x/${\n", "4:20-4:22"),
            ("    url: https://x/${}\n", "4:20-4:23"),
        ];
        for (line, span) in cases {
            let yaml = with_url(line);
            assert_eq!(
                diagnostics(&yaml),
                [("template-syntax".to_owned(), span.to_owned())],
                "{yaml}"
            );
            let crlf = yaml.replace('\n', "\r\n");
            assert_eq!(
                diagnostics(&crlf),
                [("template-syntax".to_owned(), span.to_owned())],
                "CRLF {yaml}"
            );
        }
    }

    #[test]
    fn keys_and_values_are_located() {
        let yaml = "actions:\n  - name: a\n    event: call_end\n    url: https://x.example.com/\n    methd: GET\n    timeout: 0\n";
        assert_eq!(
            diagnostics(yaml),
            [
                ("unknown-key".to_owned(), "5:5-5:10".to_owned()),
                ("timeout-range".to_owned(), "6:14-6:15".to_owned()),
            ]
        );
    }

    #[test]
    fn file_level_problems() {
        let rules = |yaml: &str| -> Vec<String> {
            diagnostics(yaml)
                .into_iter()
                .map(|(rule, _)| rule)
                .collect()
        };
        assert_eq!(rules("variables: {}\n"), ["missing-key"]);
        assert_eq!(rules("actions: {a: 1}\n"), ["wrong-type"]);
        assert_eq!(
            rules("actions:\n  - name: a\n"),
            ["missing-key", "missing-key"]
        );
        assert_eq!(rules("actions:\n  - [1]\n"), ["wrong-type"]);
        assert_eq!(
            rules(&format!("{HEAD}    url: https://x/\n    method: DELETE\n")),
            ["invalid-method"]
        );
        assert_eq!(
            rules(&format!("{HEAD}    url: https://x/\n    timeout: 1.5\n")),
            ["timeout-range"]
        );
        assert_eq!(
            rules(&format!("{HEAD}    url: https://x/\n    timeout: \"15\"\n")),
            ["timeout-range"]
        );
        assert_eq!(
            rules(&format!("{HEAD}    url: https://x/\n    url: https://y/\n")),
            ["duplicate-key"]
        );
        assert_eq!(rules(&format!("{HEAD}    url: [1]\n")), ["wrong-type"]);
        assert_eq!(
            rules(&format!(
                "{HEAD}    url: https://x/\n    headers:\n      Bad Name: 1\n      x-a: 1\n      X-A: 2\n"
            )),
            ["invalid-header", "duplicate-key"]
        );
        let twice = "actions:\n  - name: a\n    event: call_end\n    url: https://x/\n  - name: a\n    event: call_start\n    url: https://y/\n";
        assert_eq!(
            diagnostics(twice),
            [("duplicate-name".to_owned(), "5:11-5:12".to_owned())]
        );
    }

    #[test]
    fn a_valid_file_loads_with_defaults() {
        let yaml = "variables:\n  context: [customerId]\nactions:\n  - name: a\n    event: call_end\n    method: get\n    url: https://x.example.com/${callInfo.callSid}\n    headers:\n      X-Empty:\n";
        let (file, found) = read(Path::new("t.yaml"), Arc::new(Source::new(yaml.to_owned())));
        assert!(found.is_empty(), "{found:?}");
        let action = &file.actions[0];
        assert_eq!(action.method, crate::action::Method::Get);
        assert_eq!(action.timeout, DEFAULT_TIMEOUT);
        assert_eq!(
            file.declared.context.as_deref(),
            Some(&["customerId".to_owned()][..])
        );
        assert_eq!(
            action.url.placeholders().next().unwrap().span.start,
            crate::source::Pos::new(7, 32)
        );
    }
}
