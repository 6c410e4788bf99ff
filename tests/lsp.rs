//! `callactions lsp` spoken to as an editor does: the real binary over its stdio, framed
//! JSON-RPC, every answer read back. And a property test that feeds the server random
//! edits and requests in process and checks that every request gets its answer.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use proptest::prelude::*;
use serde_json::{Value, json};

use crate::harness::{command, watchdog};

const URI: &str = "file:///tmp/callactions-lsp/actions.yaml";

/// A language client over the server's stdio.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Client {
    /// Starts the server and initializes it, offering `encodings`.
    fn start(encodings: &[&str]) -> (Client, Value) {
        Client::start_in(encodings, None)
    }

    /// [`Client::start`] with a workspace folder, where the project file is looked for.
    fn start_in(encodings: &[&str], root: Option<&std::path::Path>) -> (Client, Value) {
        let mut child = command()
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        watchdog(child.id(), 60);
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0;
                let mut line = String::new();
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = line.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(value) = header.strip_prefix("Content-Length: ") {
                        length = value.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 0,
        };
        let capabilities = json!({"general": {"positionEncodings": encodings}});
        let root = root.map(|r| format!("file://{}", r.display()));
        let result = client.request(
            "initialize",
            json!({"capabilities": capabilities, "rootUri": root}),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        let text = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{text}", text.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its answer (its `result`, or the whole answer when it
    /// is an error); notifications in between are kept for `diagnostics`.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.answer_to(json!(id))
    }

    fn answer_to(&mut self, id: Value) -> Value {
        loop {
            let message = self.next();
            if message.get("id") == Some(&id) && message.get("method").is_none() {
                assert_eq!(message["jsonrpc"], "2.0", "{message}");
                return match message.get("error") {
                    Some(_) => message,
                    None => message["result"].clone(),
                };
            }
        }
    }

    fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self) -> Vec<Value> {
        loop {
            let message = self.next();
            if message["method"] == "textDocument/publishDiagnostics" {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    fn open(&mut self, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "yaml", "version": 1, "text": text}}),
        );
        self.diagnostics()
    }

    fn at(&mut self, method: &str, line: u32, character: u32) -> Value {
        self.request(
            method,
            json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}}),
        )
    }

    fn stop(mut self) {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer, Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success());
    }
}

/// The line and character just after `needle` in `text` (ASCII text: bytes are units).
fn after(text: &str, needle: &str) -> (u32, u32) {
    let end = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in the text"))
        + needle.len();
    let line = text[..end].matches('\n').count();
    let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    (line as u32, (end - start) as u32)
}

fn labels(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn diagnostics_are_validates_findings() {
    let text = std::fs::read_to_string(
        crate::harness::root().join("fixtures/invalid/unknown-variable.yaml"),
    )
    .unwrap();
    let (mut client, _) = Client::start(&["utf-16"]);
    let published = client.open(&text);
    let validate = crate::harness::callactions([
        "validate",
        "--format",
        "json",
        "fixtures/invalid/unknown-variable.yaml",
    ]);
    let findings: Vec<Value> = serde_json::from_str(&validate.stdout).unwrap();
    let from_lsp: Vec<(String, u64, u64, u64)> = published
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
                d["range"]["start"]["character"].as_u64().unwrap() + 1,
                d["severity"].as_u64().unwrap(),
            )
        })
        .collect();
    let from_validate: Vec<(String, u64, u64, u64)> = findings
        .iter()
        .map(|f| {
            let severity = if f["severity"] == "error" { 1 } else { 2 };
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                severity,
            )
        })
        .collect();
    assert_eq!(from_lsp, from_validate);
    // Each links to its rule's entry in the README, which carries that anchor.
    let readme = std::fs::read_to_string(crate::harness::root().join("README.md")).unwrap();
    for d in &published {
        let href = d["codeDescription"]["href"].as_str().unwrap();
        let rule = d["code"].as_str().unwrap();
        assert_eq!(
            href,
            format!("https://github.com/callactions/callactions#rule-{rule}")
        );
        assert!(
            readme.contains(&format!("<a id=\"rule-{rule}\"></a>")),
            "{rule}"
        );
    }
    client.stop();
}

#[test]
fn a_document_that_does_not_parse_gets_its_yaml_error_and_the_findings_before_it() {
    let text = "actions:\n  - name: first\n    event: call_start\n    url: https://x.example/${callInfo.callsid}\n  - name: second\n    event: call_end\n    url: \"https://x.example/${callInfo.\n";
    let (mut client, _) = Client::start(&[]);
    let published = client.open(text);
    let codes: Vec<&str> = published
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"yaml-syntax"), "{codes:?}");
    assert!(codes.contains(&"unknown-variable"), "{codes:?}");
    client.stop();
}

const DOCUMENT: &str = "variables:\n  context: [customerId, plan]\nactions:\n  - name: start\n    event: call_start\n    url: https://x.example/${callInfo.callSid}\n    headers:\n      Authorization: Bearer ${env.CRM_TOKEN}\n  - name: end\n    event: call_end_connected\n    url: https://x.example/${callInfo.callsid}\n    headers:\n      Content-Type: application/json\n    body: '{\"s\": \"${analysis.results.summary}\", \"c\": \"${context.customerId}\"}'\n";

#[test]
fn completion_offers_the_events_variables_even_on_a_line_being_typed() {
    let (mut client, _) = Client::start(&["utf-16"]);
    client.open(DOCUMENT);
    // Type an unterminated `${` in the call_start action: the document no longer parses.
    let (line, character) = after(DOCUMENT, "callInfo.callSid}");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{
            "range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}},
            "text": "?q=${"
        }]}),
    );
    let _ = client.diagnostics();
    let items = client.at("textDocument/completion", line, character + 5);
    let offered = labels(&items);
    assert!(
        offered.contains(&"callInfo.callSid".to_owned()),
        "{offered:?}"
    );
    assert!(offered.contains(&"context.".to_owned()), "{offered:?}");
    // The analysis exists only once the call has ended: not offered at call_start.
    assert!(
        !offered.iter().any(|l| l.starts_with("analysis")),
        "{offered:?}"
    );
    let sid = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "callInfo.callSid")
        .unwrap();
    assert_eq!(sid["detail"], "string");
    assert!(
        sid["documentation"]["value"]
            .as_str()
            .unwrap()
            .contains("Example")
    );

    // After an open namespace: the declared keys first.
    let (line, character) = after(DOCUMENT, "\"c\": \"${context.");
    let keys = labels(&client.at("textDocument/completion", line, character));
    assert_eq!(&keys[..2], ["context.customerId", "context.plan"]);
    // After `env.`: the names the file uses.
    let (line, character) = after(DOCUMENT, "Bearer ${env.");
    assert_eq!(
        labels(&client.at("textDocument/completion", line, character)),
        ["env.CRM_TOKEN"]
    );
    // An event value, a header name.
    let (line, character) = after(DOCUMENT, "event: call_");
    let events = labels(&client.at("textDocument/completion", line, character));
    assert_eq!(events.len(), 4, "{events:?}");
    client.stop();
}

#[test]
fn hover_explains_a_placeholder_and_an_event() {
    let (mut client, _) = Client::start(&["utf-16"]);
    client.open(DOCUMENT);
    let (line, character) = after(DOCUMENT, "${analysis.results.sum");
    let hover = client.at("textDocument/hover", line, character);
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("analysis.results"), "{text}");
    assert!(text.contains("call_end_connected"), "{text}");
    let (line, character) = after(DOCUMENT, "event: call_st");
    let hover = client.at("textDocument/hover", line, character);
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("Fires when the call connects"), "{text}");
    client.stop();
}

#[test]
fn quick_fixes_edit_only_what_they_fix() {
    let (mut client, _) = Client::start(&["utf-16"]);
    client.open(DOCUMENT);
    let (line, character) = after(DOCUMENT, "${callInfo.calls");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}, "context": {"diagnostics": []}}),
    );
    let actions = actions.as_array().unwrap();
    let rename = actions
        .iter()
        .find(|a| a["title"] == "rename `callInfo.callsid` to `callInfo.callSid`")
        .unwrap_or_else(|| panic!("{actions:?}"));
    let edits = &rename["edit"]["changes"][URI];
    assert_eq!(edits.as_array().unwrap().len(), 1);
    let edit = &edits[0];
    assert_eq!(edit["newText"], "callInfo.callSid");
    let start = edit["range"]["start"]["character"].as_u64().unwrap() as usize;
    let end = edit["range"]["end"]["character"].as_u64().unwrap() as usize;
    let line_text = DOCUMENT.lines().nth(line as usize).unwrap();
    assert_eq!(&line_text[start..end], "callInfo.callsid");
    let ignore = actions
        .iter()
        .find(|a| a["title"] == "ignore `unknown-variable` here (# callactions-ignore)")
        .unwrap_or_else(|| panic!("{actions:?}"));
    let insert = &ignore["edit"]["changes"][URI][0];
    assert_eq!(
        insert["newText"],
        "    # callactions-ignore: unknown-variable\n"
    );
    assert_eq!(
        insert["range"]["start"],
        json!({"line": line, "character": 0})
    );
    client.stop();
}

#[test]
fn symbols_and_inlay_hints_come_from_the_actions() {
    let (mut client, _) = Client::start(&["utf-16"]);
    client.open(DOCUMENT);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["start", "end"]);
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}}),
    );
    let labels: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"= \"CA9f1c2e7b4d5a41c8a0e3b…"),
        "{labels:?}"
    );
    client.stop();
}

#[test]
fn positions_are_exact_in_utf16_and_utf8_with_emoji_crlf_and_tabs() {
    let text = "# \tnote 🎉\r\nactions:\r\n  - name: a\r\n    event: call_end\r\n    url: \"https://x.example/🎉${callInfo.callsid}\"\r\n";
    for (offered, negotiated, character) in [
        (vec!["utf-16"], "utf-16", 30),
        (vec!["utf-8", "utf-16"], "utf-8", 32),
    ] {
        let (mut client, result) = Client::start(&offered);
        assert_eq!(result["capabilities"]["positionEncoding"], negotiated);
        let published = client.open(text);
        let finding = published
            .iter()
            .find(|d| d["code"] == "unknown-variable")
            .unwrap();
        assert_eq!(
            finding["range"]["start"],
            json!({"line": 4, "character": character}),
            "{negotiated}"
        );
        client.stop();
    }
}

#[test]
fn malformed_input_gets_the_protocols_error_and_the_server_goes_on() {
    let (mut client, _) = Client::start(&[]);
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let answer = client.next();
    assert_eq!(answer["error"]["code"], -32700, "{answer}");
    assert_eq!(answer["id"], Value::Null);
    client.send(json!({"jsonrpc": "2.0", "id": 77, "params": {}}));
    let answer = client.next();
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    let unknown = client.request("textDocument/unknownThing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let missing = client.at("textDocument/hover", 0, 0);
    assert_eq!(missing["error"]["code"], -32602);
    client.stop();
}

/// One step a client might take.
#[derive(Clone, Debug)]
enum Step {
    Insert {
        line: u32,
        character: u32,
        text: String,
    },
    Delete {
        line: u32,
        character: u32,
        length: u32,
    },
    Complete {
        line: u32,
        character: u32,
    },
    Hover {
        line: u32,
        character: u32,
    },
    Actions {
        line: u32,
    },
    Symbols,
    Hints,
}

fn step() -> impl Strategy<Value = Step> {
    let text = prop_oneof![
        Just("${".to_owned()),
        Just("}".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("  - ".to_owned()),
        Just(": ".to_owned()),
        Just("'".to_owned()),
        Just("\"".to_owned()),
        Just("🎉".to_owned()),
        Just("\t".to_owned()),
        Just("event: call_end\n".to_owned()),
        "[a-zA-Z_.{}$:\\- ]{0,8}",
    ];
    prop_oneof![
        (0u32..14, 0u32..60, text).prop_map(|(line, character, text)| Step::Insert {
            line,
            character,
            text
        }),
        (0u32..14, 0u32..60, 0u32..20).prop_map(|(line, character, length)| Step::Delete {
            line,
            character,
            length
        }),
        (0u32..14, 0u32..60).prop_map(|(line, character)| Step::Complete { line, character }),
        (0u32..14, 0u32..60).prop_map(|(line, character)| Step::Hover { line, character }),
        (0u32..14).prop_map(|line| Step::Actions { line }),
        Just(Step::Symbols),
        Just(Step::Hints),
    ]
}

fn frame(message: Value) -> Vec<u8> {
    let text = message.to_string();
    format!("Content-Length: {}\r\n\r\n{text}", text.len()).into_bytes()
}

fn position(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of edits and requests: every request is answered, with a result or an
    /// error, and the server never stops early.
    #[test]
    fn every_request_gets_an_answer(steps in proptest::collection::vec(step(), 1..40)) {
        let mut input = frame(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}));
        input.extend(frame(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": URI, "languageId": "yaml", "version": 1, "text": DOCUMENT}}})));
        let mut ids = vec![0];
        for (index, step) in steps.iter().enumerate() {
            let id = index as i64 + 1;
            let document = json!({"uri": URI});
            let message = match step {
                Step::Insert { line, character, text } => json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": URI, "version": id}, "contentChanges": [{"range": {"start": position(*line, *character), "end": position(*line, *character)}, "text": text}]}}),
                Step::Delete { line, character, length } => json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": URI, "version": id}, "contentChanges": [{"range": {"start": position(*line, *character), "end": position(*line, character + length)}, "text": ""}]}}),
                Step::Complete { line, character } => json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/completion", "params": {"textDocument": document, "position": position(*line, *character)}}),
                Step::Hover { line, character } => json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {"textDocument": document, "position": position(*line, *character)}}),
                Step::Actions { line } => json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/codeAction", "params": {"textDocument": document, "range": {"start": position(*line, 0), "end": position(*line, 80)}, "context": {"diagnostics": []}}}),
                Step::Symbols => json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol", "params": {"textDocument": document}}),
                Step::Hints => json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/inlayHint", "params": {"textDocument": document, "range": {"start": position(0, 0), "end": position(99, 0)}}}),
            };
            if message.get("id").is_some() {
                ids.push(id);
            }
            input.extend(frame(message));
        }
        let mut output = Vec::new();
        callactions::lsp::serve(&mut input.as_slice(), &mut output).unwrap();
        let text = String::from_utf8(output).unwrap();
        let mut answered = Vec::new();
        for part in text.split("Content-Length: ").skip(1) {
            let body = part.split_once("\r\n\r\n").unwrap().1;
            let message: Value = serde_json::from_str(body).unwrap();
            if let Some(id) = message.get("id").and_then(Value::as_i64) {
                prop_assert!(message.get("result").is_some() || message["error"]["code"] != -32603, "{message}");
                answered.push(id);
            }
        }
        prop_assert_eq!(answered, ids);
    }
}

/// A file with one slip of each fixable kind, and lines left to complete.
const SLIPS: &str = "variables:\n  context: [customerId]\nactions:\n  - name: one\n    event: call_ended\n    url: https://x.example/1\n  - name: two\n    event: call_end\n    url: https://x.example/2\n    header:\n      X-A: b\n  - name: three\n    event: call_end\n    method: POST\n    url: https://x.example/3\n    body: '{\"o\": \"${outcome}\"}'\n  - name: four\n    event: call_end\n    url: https://x.example/4/${context.customerID}/${context.region}\n  - name: five\n    event: call_end\n    method: \n    url: https://x.example/5\n    headers:\n      Cont\n    \n";

/// The titles of the code actions at a place, with the text each one's edits make.
fn fixes_at(client: &mut Client, line: u32, character: u32) -> Vec<(String, String)> {
    let here = json!({"line": line, "character": character});
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": {"start": here, "end": here}, "context": {"diagnostics": []}}),
    );
    actions
        .as_array()
        .unwrap()
        .iter()
        .map(|action| {
            let edits = action["edit"]["changes"][URI].as_array().unwrap();
            (
                action["title"].as_str().unwrap().to_owned(),
                applied(SLIPS, edits),
            )
        })
        .collect()
}

/// `text` with LSP text edits made (ASCII text: characters are bytes).
fn applied(text: &str, edits: &[Value]) -> String {
    let offset = |at: &Value| {
        let (line, character) = (
            at["line"].as_u64().unwrap(),
            at["character"].as_u64().unwrap(),
        );
        let start: usize = text
            .split_inclusive('\n')
            .take(line as usize)
            .map(str::len)
            .sum();
        start + character as usize
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort();
    let (mut out, mut at) = (String::new(), 0);
    for (start, end, new) in edits {
        out.push_str(&text[at..start]);
        out.push_str(new);
        at = end;
    }
    out + &text[at..]
}

#[test]
fn every_kind_of_fix_is_offered_and_keys_methods_and_headers_complete() {
    let (mut client, _) = Client::start(&["utf-16"]);
    client.open(SLIPS);
    let offered = |client: &mut Client, needle: &str| {
        let (line, character) = after(SLIPS, needle);
        fixes_at(client, line, character - 1)
    };
    let made = |fixes: &[(String, String)], title: &str| -> String {
        fixes
            .iter()
            .find(|(t, _)| t == title)
            .unwrap_or_else(|| panic!("no `{title}` in {fixes:?}"))
            .1
            .clone()
    };
    let event = offered(&mut client, "event: call_ended");
    assert_eq!(
        made(&event, "rename `call_ended` to `call_end`"),
        SLIPS.replacen("call_ended", "call_end", 1)
    );
    let headers = offered(&mut client, "    header:");
    assert_eq!(
        made(&headers, "rename `header` to `headers`"),
        SLIPS.replacen("    header:", "    headers:", 1)
    );
    let content_type = offered(&mut client, "    body: '{");
    assert_eq!(
        made(&content_type, "add `Content-Type: application/json`"),
        SLIPS.replacen(
            "    body: '{",
            "    headers:\n      Content-Type: application/json\n    body: '{",
            1
        )
    );
    // Near a declared key: both ways out, the rename and the declaration.
    let near = offered(&mut client, "${context.customerID");
    assert_eq!(
        made(&near, "rename `customerID` to `customerId`"),
        SLIPS.replacen("${context.customerID}", "${context.customerId}", 1)
    );
    assert_eq!(
        made(&near, "declare `customerID` in `variables: context:`"),
        SLIPS.replacen("[customerId]", "[customerId, customerID]", 1)
    );
    let region = offered(&mut client, "${context.region");
    assert_eq!(
        made(&region, "declare `region` in `variables: context:`"),
        SLIPS.replacen("[customerId]", "[customerId, region]", 1)
    );
    assert!(
        region
            .iter()
            .any(|(t, _)| t == "ignore `undeclared-key` here (# callactions-ignore)"),
        "{region:?}"
    );

    // Hover on a finding that is not a placeholder: its rule explained.
    let (line, character) = after(SLIPS, "    head");
    let hover = client.at("textDocument/hover", line, character);
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("**`unknown-key`**"), "{text}");

    // The methods after `method: `, header names under `headers:`, an action's keys.
    let (line, _) = after(SLIPS, "    method: \n");
    let methods = labels(&client.at("textDocument/completion", line - 1, 12));
    assert_eq!(methods, ["GET", "POST", "PUT"]);
    let (line, _) = after(SLIPS, "      Cont");
    let names = labels(&client.at("textDocument/completion", line, 10));
    assert_eq!(names, ["Content-Type"]);
    let last = SLIPS.lines().count() as u32 - 1;
    let keys = labels(&client.at("textDocument/completion", last, 4));
    for key in ["timeout", "body"] {
        assert!(keys.contains(&key.to_owned()), "{key} not in {keys:?}");
    }
    client.stop();
}

#[test]
fn a_changed_project_file_is_read_again_and_the_documents_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut client, _) = Client::start_in(&["utf-16"], Some(dir.path()));
    // A body on a GET: the `body-ignored` warning, at the rule's own level.
    let text = "actions:\n  - name: a\n    event: call_end\n    method: GET\n    url: https://x.example/a\n    body: ignored\n";
    let rules = |found: &[Value]| -> Vec<String> {
        found
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(rules(&client.open(text)), ["body-ignored"]);
    // The project turns the rule off; the editor's watcher says the file changed.
    let project = dir.path().join("callactions.toml");
    std::fs::write(&project, "[rules]\nbody-ignored = \"off\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", project.display()), "type": 1}]}),
    );
    assert_eq!(rules(&client.diagnostics()), Vec::<String>::new());
    client.stop();
}

#[test]
fn a_project_file_with_errors_gets_its_findings_and_they_clear_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("callactions.toml");
    std::fs::write(&project, "[rules]\nbody-ignord = \"off\"\n").unwrap();
    let (mut client, _) = Client::start_in(&["utf-16"], Some(dir.path()));
    // Published on the project file, at the misspelt rule's place, as validate says it.
    let message = loop {
        let message = client.next();
        if message["method"] == "textDocument/publishDiagnostics" {
            break message;
        }
    };
    let project_uri = format!("file://{}", project.display());
    assert_eq!(message["params"]["uri"], project_uri.as_str());
    let found = message["params"]["diagnostics"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0]["range"]["start"],
        json!({"line": 1, "character": 0})
    );
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("body-ignored"),
        "{found:?}"
    );
    // Fixed and saved: the findings are cleared, and the documents use its levels.
    std::fs::write(&project, "[rules]\nbody-ignored = \"off\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": project_uri, "type": 2}]}),
    );
    let cleared = loop {
        let message = client.next();
        if message["params"]["uri"] == project_uri.as_str() {
            break message;
        }
    };
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    client.stop();
}
