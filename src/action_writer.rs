//! Writes a new action as YAML: a new file, or appended to an existing one with every
//! existing byte kept — and reads the result back before anything is written.

use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

use crate::action::Method;
use crate::document;
use crate::event::Event;
use crate::schema::SCHEMA_FILE;
use crate::source::{Pos, Source};
use crate::template::Template;
use crate::variable::{self, Lookup, VarType};
use crate::yaml::{self, Node, Value as YamlValue};

/// Everything `init` needs to write one action.
#[derive(Clone, Debug, PartialEq)]
pub struct Answers {
    pub event: Event,
    pub name: String,
    pub method: Method,
    pub url: String,
    pub timeout: u64,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// No body: POST and PUT send the event's whole payload.
    DefaultPayload,
    /// The user's own text.
    Text(String),
}

/// Why an answer or a file cannot be used.
#[derive(Debug, PartialEq)]
pub struct Refusal(pub String);

/// The variables offered for a JSON body at `event`: the table's, with the sample's keys
/// for open namespaces (`context.customerId`), each with whether it is quoted.
pub fn body_variables(event: Event) -> Vec<(String, bool)> {
    let mut offered = Vec::new();
    for variable in variable::at(event) {
        if variable.open {
            if let Value::Object(keys) = variable.example_for(event) {
                for (key, example) in keys {
                    offered.push((format!("{}.{key}", variable.path), example.is_string()));
                }
            }
        } else {
            offered.push((variable.path.to_owned(), variable.ty == VarType::String));
        }
    }
    offered
}

/// A JSON body holding the chosen variables: strings quoted, numbers and objects bare.
pub fn body_from_variables(event: Event, chosen: &[String]) -> Result<String, Refusal> {
    let offered = body_variables(event);
    let mut lines = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for path in chosen {
        let Some((_, quoted)) = offered.iter().find(|(p, _)| p == path) else {
            let names: Vec<&str> = offered.iter().map(|(p, _)| p.as_str()).collect();
            let suggestion = crate::suggestion::closest(path, names.iter().copied());
            return Err(Refusal(format!(
                "`{path}` is not a variable of {event}{}",
                crate::suggestion::did_you_mean(suggestion)
            )));
        };
        let last = path.rsplit('.').next().unwrap_or(path).to_owned();
        let key = if keys.contains(&last) {
            path.replace('.', "_")
        } else {
            last
        };
        keys.push(key.clone());
        let value = if *quoted {
            format!("\"${{{path}}}\"")
        } else {
            format!("${{{path}}}")
        };
        lines.push(format!("  \"{key}\": {value}"));
    }
    Ok(format!("{{\n{}\n}}\n", lines.join(",\n")))
}

/// A name for an action of `event` that `taken` does not have yet.
pub fn suggest_name(event: Event, taken: &[String]) -> String {
    let base = event.name().replace('_', "-");
    std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|name| !taken.contains(name))
        .unwrap_or(base)
}

/// The YAML of one list item, its `-` at column `indent` (0-based).
pub fn action_yaml(answers: &Answers, indent: usize) -> String {
    let dash = " ".repeat(indent);
    let pad = " ".repeat(indent + 2);
    let mut yaml = format!("{dash}- name: {}\n", scalar(&answers.name));
    yaml.push_str(&format!("{pad}event: {}\n", answers.event));
    yaml.push_str(&format!("{pad}method: {}\n", answers.method));
    yaml.push_str(&format!("{pad}url: {}\n", scalar(&answers.url)));
    yaml.push_str(&format!("{pad}timeout: {}\n", answers.timeout));
    if !answers.headers.is_empty() {
        yaml.push_str(&format!("{pad}headers:\n"));
        for (name, value) in &answers.headers {
            yaml.push_str(&format!("{pad}  {}: {}\n", scalar(name), scalar(value)));
        }
    }
    if let Body::Text(body) = &answers.body {
        yaml.push_str(&format!("{pad}body: {}", block(body, &format!("{pad}  "))));
    }
    yaml
}

/// A new action file holding one action, with the schema line editors read and a
/// `variables:` block declaring the open keys the action uses, so typos are caught from
/// the first commit.
pub fn new_file(answers: &Answers) -> String {
    let mut text = format!(
        "# yaml-language-server: $schema=./{SCHEMA_FILE}\n# (`callactions schema > {SCHEMA_FILE}` writes the schema beside this file.)\n"
    );
    let declared = open_keys(answers);
    if !declared.is_empty() {
        text.push_str("variables:\n");
        for (namespace, keys) in declared {
            text.push_str(&format!("  {namespace}: [{}]\n", keys.join(", ")));
        }
    }
    text.push_str("actions:\n");
    text.push_str(&action_yaml(answers, 2));
    text
}

/// The keys of open namespaces (`context`, `analysis.results`) the action's templates
/// use, by namespace, in the order they first appear.
pub fn open_keys(answers: &Answers) -> Vec<(&'static str, Vec<String>)> {
    let body = match &answers.body {
        Body::Text(text) => Some(text.as_str()),
        Body::DefaultPayload => None,
    };
    let texts = std::iter::once(answers.url.as_str())
        .chain(answers.headers.iter().map(|(_, v)| v.as_str()))
        .chain(body);
    let mut declared: Vec<(&'static str, Vec<String>)> = Vec::new();
    for template in texts.filter_map(|text| Template::parse(text).ok()) {
        for placeholder in template.placeholders() {
            let Lookup::OpenKey { namespace, key } = variable::lookup(&placeholder.path) else {
                continue;
            };
            match declared.iter_mut().find(|(n, _)| *n == namespace.path) {
                Some((_, keys)) if keys.iter().any(|k| k == key) => {}
                Some((_, keys)) => keys.push(key.to_owned()),
                None => declared.push((namespace.path, vec![key.to_owned()])),
            }
        }
    }
    declared
}

/// `existing` with the action appended to its `actions:` list; every other byte is kept.
pub fn append(existing: &str, answers: &Answers) -> Result<String, Refusal> {
    let source = Source::new(existing.to_owned());
    let root = yaml::parse(&source)
        .ok()
        .flatten()
        .ok_or_else(|| Refusal("the file is not a YAML mapping".to_owned()))?;
    let YamlValue::Mapping(entries) = &root.value else {
        return Err(Refusal("the file is not a YAML mapping".to_owned()));
    };
    let Some((key, actions)) = entries.iter().find(|(k, _)| k.as_text() == Some("actions")) else {
        return Err(Refusal("the file has no `actions:` list".to_owned()));
    };
    let mut text = existing.to_owned();
    let flow = source.text[source.offset(actions.span.start)..].starts_with('[');
    match &actions.value {
        YamlValue::Sequence(items) if !items.is_empty() && !flow => {
            let indent = dash_column(&source, &items[0]);
            let mut at = items
                .last()
                .map_or(text.len(), |last| line_after(&source, last_leaf_end(last)));
            if at >= text.len() {
                if !text.ends_with(['\n', '\r']) {
                    text.push_str(line_break(existing));
                }
                at = text.len();
            }
            text.insert_str(
                at,
                &with_line_breaks_of(existing, action_yaml(answers, indent)),
            );
        }
        YamlValue::Sequence(items) if !items.is_empty() => {
            return Err(Refusal(
                "`actions` is a flow list (`[…]`); write it as a block list, one `- name:` per action, to append to it"
                    .to_owned(),
            ));
        }
        // `actions:` with nothing after it, `~`, `null` or `[]`: the list starts on the next
        // line, and what stood after the colon (but a comment) goes.
        YamlValue::Sequence(_) | YamlValue::Scalar(_) if actions.as_text().is_none() => {
            let line_start = source.offset(Pos::new(key.span.start.line, 1));
            let end = line_start + source.line(key.span.start.line).len();
            let line = &text[line_start..end];
            let colon = line.find(':').map_or(line.len(), |i| i + 1);
            let comment = line[colon..].find(" #").map_or("", |i| &line[colon + i..]);
            let replacement = format!("{}{comment}\n{}", &line[..colon], action_yaml(answers, 2));
            let replacement =
                with_line_breaks_of(existing, replacement.trim_end_matches('\n').to_owned());
            text.replace_range(line_start..end, &replacement);
            if !text.ends_with(['\n', '\r']) {
                text.push_str(line_break(existing));
            }
        }
        _ => return Err(Refusal("`actions` is not a list".to_owned())),
    }
    Ok(text)
}

/// Loads `text` and checks that it holds `answers`' action, last, with no error, and that
/// every action of `before` (the file as it was) renders exactly as it did: what is about
/// to be written is read back exactly as `render` and `fire` will read it.
pub fn read_back(text: &str, answers: &Answers, before: Option<&str>) -> Result<(), Refusal> {
    let (file, diagnostics) =
        document::read(Path::new("-"), Arc::new(Source::new(text.to_owned())));
    let old = before.map_or_else(Vec::new, |before| {
        document::read(Path::new("-"), Arc::new(Source::new(before.to_owned())))
            .0
            .actions
    });
    let actions_before = old.len();
    for (was, is) in old.iter().zip(&file.actions) {
        if was.name != is.name || rendered(was) != rendered(is) {
            return Err(Refusal(format!(
                "action `{}` would no longer render as it did",
                was.name
            )));
        }
    }
    if let Some(error) = diagnostics.iter().find(|d| d.is_error()) {
        return Err(Refusal(format!(
            "the result would not be a valid action file ({} at {}: {})",
            error.rule, error.span.start, error.message
        )));
    }
    let Some(action) = file.actions.last() else {
        return Err(Refusal(
            "the new action did not come out of the result".to_owned(),
        ));
    };
    let body = match &answers.body {
        Body::DefaultPayload => None,
        Body::Text(text) => Some(text.as_str()),
    };
    let same = file.actions.len() == actions_before + 1
        && action.name == answers.name
        && action.event == answers.event
        && action.method == answers.method
        && action.url.text == answers.url
        && action.timeout == answers.timeout
        && action.body.as_ref().map(|b| b.text.as_str()) == body
        && action.headers.len() == answers.headers.len()
        && action
            .headers
            .iter()
            .zip(&answers.headers)
            .all(|(h, (name, value))| h.name == *name && h.value.text == *value);
    if same {
        Ok(())
    } else {
        Err(Refusal(
            "the result does not read back as the new action".to_owned(),
        ))
    }
}

/// What an action renders to against its event's sample (an `${env.…}` value stood in
/// for): its request, or why not.
fn rendered(action: &crate::action::Action) -> Result<String, String> {
    let options = crate::request::Options {
        env: &|_| Some("env".to_owned()),
    };
    let payload = crate::payload::sample_ref(action.event);
    crate::request::render(action, payload, &options)
        .map(|(request, _)| format!("{request:?}"))
        .map_err(|error| error.describe(crate::secrets::Reveal::Show))
}

/// A YAML scalar for `text` on one line: plain or single-quoted as serde_yaml writes it,
/// or, for text that needs more lines, a double-quoted scalar with JSON's escapes (which
/// YAML reads the same).
fn scalar(text: &str) -> String {
    match serde_yaml::to_string(text) {
        Ok(yaml) if yaml.matches('\n').count() == 1 && !yaml.starts_with(['|', '>']) => {
            yaml.trim_end_matches('\n').to_owned()
        }
        _ => Value::String(text.to_owned()).to_string(),
    }
}

/// `text` with the line breaks `existing` uses: CRLF files stay CRLF.
fn with_line_breaks_of(existing: &str, text: String) -> String {
    match line_break(existing) {
        "\n" => text,
        other => text.replace('\n', other),
    }
}

/// The line break a file uses: CRLF, a lone CR, or LF.
fn line_break(existing: &str) -> &'static str {
    if existing.contains("\r\n") {
        "\r\n"
    } else if existing.contains('\r') && !existing.contains('\n') {
        "\r"
    } else {
        "\n"
    }
}

/// The column (0-based) of the `-` that starts a list item, which may stand on a line of
/// its own above the item's first key.
fn dash_column(source: &Source, item: &Node) -> usize {
    let start = source.offset(item.span.start);
    let before = source.text[..start].trim_end_matches([' ', '\t', '\n', '\r']);
    if !before.ends_with('-') {
        return 0;
    }
    let dash = before.len() - 1;
    let line_start = before[..dash].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    before[line_start..dash].chars().count()
}

/// A body: a literal block (`|`) when it spans lines, a scalar otherwise.
fn block(text: &str, pad: &str) -> String {
    let simple = text.contains('\n')
        && !text.starts_with([' ', '\t', '\n'])
        && !text.trim_end_matches('\n').contains("\n\n\n")
        && !text.ends_with("\n\n")
        && !text.lines().any(|l| l.ends_with([' ', '\t']))
        && !text.contains('\r');
    if !simple {
        return format!("{}\n", scalar(text));
    }
    let indicator = if text.ends_with('\n') { "|" } else { "|-" };
    let lines: Vec<String> = text
        .trim_end_matches('\n')
        .lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{pad}{line}")
            }
        })
        .collect();
    format!("{indicator}\n{}\n", lines.join("\n"))
}

/// Where the last value of a node ends in the file.
fn last_leaf_end(node: &Node) -> Pos {
    match &node.value {
        YamlValue::Scalar(_) => node.span.end,
        YamlValue::Sequence(items) => items
            .iter()
            .map(|i| last_leaf_end(i))
            .max()
            .unwrap_or(node.span.end),
        YamlValue::Mapping(entries) => entries
            .iter()
            .map(|(k, v)| last_leaf_end(k).max(last_leaf_end(v)))
            .max()
            .unwrap_or(node.span.end),
    }
}

/// The offset of the start of the line after `pos` (`pos` itself when it starts a line).
fn line_after(source: &Source, pos: Pos) -> usize {
    if pos.column <= 1 {
        return source.offset(pos);
    }
    source.offset(Pos::new(pos.line + 1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(body: Body) -> Answers {
        Answers {
            event: Event::CallEndConnected,
            name: "crm-sync".to_owned(),
            method: Method::Post,
            url: "https://crm.example.com/calls?id=${callInfo.callSid}".to_owned(),
            timeout: 15,
            headers: vec![
                ("Content-Type".to_owned(), "application/json".to_owned()),
                (
                    "Authorization".to_owned(),
                    "Bearer ${env.CRM_TOKEN}".to_owned(),
                ),
            ],
            body,
        }
    }

    #[test]
    fn answers_become_yaml() {
        let body = body_from_variables(
            Event::CallEndConnected,
            &[
                "callInfo.callSid".to_owned(),
                "duration".to_owned(),
                "context.customerId".to_owned(),
                "analysis.results.followUp".to_owned(),
            ],
        )
        .unwrap();
        assert_eq!(
            body,
            "{\n  \"callSid\": \"${callInfo.callSid}\",\n  \"duration\": ${duration},\n  \"customerId\": \"${context.customerId}\",\n  \"followUp\": ${analysis.results.followUp}\n}\n"
        );
        let yaml = action_yaml(&answers(Body::Text(body.clone())), 2);
        assert_eq!(
            yaml,
            "  - name: crm-sync\n    event: call_end_connected\n    method: POST\n    url: https://crm.example.com/calls?id=${callInfo.callSid}\n    timeout: 15\n    headers:\n      Content-Type: application/json\n      Authorization: Bearer ${env.CRM_TOKEN}\n    body: |\n      {\n        \"callSid\": \"${callInfo.callSid}\",\n        \"duration\": ${duration},\n        \"customerId\": \"${context.customerId}\",\n        \"followUp\": ${analysis.results.followUp}\n      }\n"
        );
        let file = new_file(&answers(Body::Text(body)));
        assert!(file.starts_with("# yaml-language-server: $schema="));
        assert_eq!(
            read_back(
                &file,
                &answers(Body::Text(
                    body_from_variables(
                        Event::CallEndConnected,
                        &[
                            "callInfo.callSid".to_owned(),
                            "duration".to_owned(),
                            "context.customerId".to_owned(),
                            "analysis.results.followUp".to_owned()
                        ]
                    )
                    .unwrap()
                )),
                None
            ),
            Ok(())
        );
    }

    #[test]
    fn awkward_values_are_quoted_and_read_back() {
        for body in [
            "one line: with # and 'quotes'",
            " leading blank\nsecond",
            "trailing blank \nx",
            "no newline at end\nlast",
            "@at",
            "- dash",
            "{\"json\": true}",
            "tab\there\n",
        ] {
            let mut a = answers(Body::Text(body.to_owned()));
            a.url = "https://x.example.com/?q=a:b#frag".to_owned();
            a.headers = vec![("X-Note".to_owned(), "a: b # c".to_owned())];
            let file = new_file(&a);
            assert_eq!(read_back(&file, &a, None), Ok(()), "{body:?}\n{file}");
        }
    }

    #[test]
    fn appends_keeping_every_byte() {
        let existing = "# Our CRM hooks.\nvariables:   # keys we use\n  context: [customerId]\nactions:\n    - name: first   # the first\n      event: call_start\n      url: https://x.example.com/a\n    # a comment under the list\n\n# the end\n";
        let a = answers(Body::DefaultPayload);
        let appended = append(existing, &a).unwrap();
        assert_eq!(
            read_back(&appended, &a, Some(existing)),
            Ok(()),
            "{appended}"
        );
        let new_item = action_yaml(&a, 4);
        // Inserted after the last item's content; the rest is untouched.
        let cut = existing.find("    # a comment").unwrap();
        assert_eq!(
            appended,
            format!("{}{new_item}{}", &existing[..cut], &existing[cut..])
        );
    }

    #[test]
    fn appends_after_a_block_body_and_before_the_next_key() {
        let existing = "actions:\n- name: first\n  event: call_end\n  url: https://x.example.com/a\n  body: |\n    {\"a\": 1}\nvariables:\n  context: [customerId]\n";
        let a = answers(Body::DefaultPayload);
        let appended = append(existing, &a).unwrap();
        assert_eq!(
            read_back(&appended, &a, Some(existing)),
            Ok(()),
            "{appended}"
        );
        assert!(appended.starts_with("actions:\n- name: first\n"));
        assert!(
            appended.ends_with("variables:\n  context: [customerId]\n"),
            "{appended}"
        );
        assert!(
            appended.contains("\n- name: crm-sync\n  event: call_end_connected\n"),
            "{appended}"
        );
    }

    #[test]
    fn appends_to_an_empty_list_and_without_a_final_newline() {
        let a = answers(Body::DefaultPayload);
        for existing in [
            "actions:\n",
            "actions: []  # none yet\n",
            "actions: ~",
            "actions:\n  - name: x\n    event: call_end\n    url: https://x.example.com/",
        ] {
            let appended = append(existing, &a).unwrap();
            assert_eq!(
                read_back(&appended, &a, Some(existing)),
                Ok(()),
                "{existing:?}\n{appended}"
            );
        }
        assert!(
            append("actions: []  # none yet\n", &a)
                .unwrap()
                .starts_with("actions: # none yet\n  - name: crm-sync\n")
        );
    }

    #[test]
    fn appends_keeping_every_old_action_as_it_was() {
        let a = answers(Body::DefaultPayload);
        for existing in [
            // Trailing blanks and no final line break after a block body.
            "actions:\n  - name: x\n    event: call_end\n    url: https://x.example.com/\n    body: |\n      hello\n      ",
            // The `-` of each item on a line of its own.
            "actions:\n  -\n    name: x\n    event: call_end\n    url: https://x.example.com/\n",
            // Line breaks that are a lone CR.
            "actions:\r  - name: x\r    event: call_end\r    url: https://x.example.com/\r",
        ] {
            let appended = append(existing, &a).unwrap();
            assert_eq!(
                read_back(&appended, &a, Some(existing)),
                Ok(()),
                "{existing:?}\n{appended:?}"
            );
            assert!(
                appended.starts_with(existing.trim_end_matches(' ')),
                "{appended:?}"
            );
        }
    }

    #[test]
    fn refuses_what_it_cannot_append_to() {
        let a = answers(Body::DefaultPayload);
        assert!(
            append(
                "actions: [{name: a, event: call_end, url: 'https://x/'}]\n",
                &a
            )
            .is_err()
        );
        assert!(append("- a\n", &a).is_err());
        assert!(append("variables: {}\n", &a).is_err());
        assert!(append("actions: text\n", &a).is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Whatever the text, the YAML written reads back as exactly that text.
        #[test]
        fn any_body_and_header_value_reads_back(body in "[ -~\n\té日\"'#:{}\\[\\]$-]{1,40}", value in "[ -~é]{0,30}") {
            // `${` in generated text would be a template; these stay literal.
            let body = body.replace("${", "$${");
            let value = value.replace("${", "$${").trim().to_owned();
            let mut a = answers(Body::Text(body.clone()));
            a.headers = vec![("X-Value".to_owned(), value)];
            let file = new_file(&a);
            proptest::prop_assert_eq!(read_back(&file, &a, None), Ok(()), "{}", file);
        }
    }

    #[test]
    fn names_are_suggested_and_variables_checked() {
        assert_eq!(suggest_name(Event::CallEnd, &[]), "call-end");
        assert_eq!(
            suggest_name(
                Event::CallEnd,
                &["call-end".to_owned(), "call-end-2".to_owned()]
            ),
            "call-end-3"
        );
        let err =
            body_from_variables(Event::CallStart, &["callInfo.callsid".to_owned()]).unwrap_err();
        assert!(
            err.0.contains("did you mean `callInfo.callSid`"),
            "{}",
            err.0
        );
        assert!(body_from_variables(Event::CallStart, &["duration".to_owned()]).is_err());
    }
}
