//! The language server on a 500-action file, as an editor drives it: the time from a change
//! to its diagnostics, from a completion request to its answer, and the server's peak memory.
//!
//! `cargo bench --bench lsp` (builds and runs the release binary over its stdio).

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const ACTIONS: usize = 500;
const CHANGES: usize = 40;
const COMPLETIONS: usize = 200;

fn main() {
    let binary = std::path::PathBuf::from(env!("CARGO_BIN_EXE_callactions"));
    let mut text = String::from("variables:\n  context: [customerId, plan]\nactions:\n");
    for i in 0..ACTIONS {
        text.push_str(&format!(
            "  - name: action-{i}\n    event: call_end_connected\n    method: POST\n    url: https://crm.example.com/customers/${{context.customerId}}/calls/${{callInfo.callSid}}\n    headers:\n      Content-Type: application/json\n      Authorization: Bearer ${{env.CRM_TOKEN}}\n    body: '{{\"summary\": \"${{analysis.results.summary}}\", \"plan\": \"${{context.plan}}\", \"attempt\": ${{callInfo.attempt}}}}'\n"
        ));
    }
    let mut child = Command::new(&binary)
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut send = |message: Value| {
        let body = message.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    };
    let mut receive = move || -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            if let Some(v) = line.trim().strip_prefix("Content-Length: ") {
                length = v.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    };
    let uri = "file:///bench/actions.yaml";
    send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    receive();
    let start = Instant::now();
    send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}}),
    );
    receive();
    let open = start.elapsed();
    let mut changes = Vec::new();
    for i in 0..CHANGES {
        // Type one character into a URL in the middle of the file.
        let line = 3 + 8 * (ACTIONS / 2) + 3;
        let start = Instant::now();
        send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [{"range": {"start": {"line": line, "character": 40}, "end": {"line": line, "character": 40}}, "text": "x"}]}}),
        );
        let published = receive();
        assert_eq!(published["method"], "textDocument/publishDiagnostics");
        changes.push(start.elapsed());
    }
    let mut completions = Vec::new();
    let line = 3 + 8 * (ACTIONS / 2) + 7;
    for i in 0..COMPLETIONS {
        let start = Instant::now();
        send(
            json!({"jsonrpc": "2.0", "id": 100 + i, "method": "textDocument/completion", "params": {"textDocument": {"uri": uri}, "position": {"line": line, "character": 30}}}),
        );
        let answer = receive();
        assert!(answer["result"].is_array(), "{answer}");
        completions.push(start.elapsed());
    }
    let peak = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .ok()
        .and_then(|status| {
            status.lines().find(|l| l.starts_with("VmHWM:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse::<u64>()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0);
    send(json!({"jsonrpc": "2.0", "id": 9999, "method": "shutdown"}));
    receive();
    send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = child.wait();
    let (median, p95, max) = summary(&mut changes);
    let (c_median, c_p95, c_max) = summary(&mut completions);
    println!(
        "language server, {ACTIONS}-action file ({} KiB)",
        text.len() / 1024
    );
    println!("| measure | median | p95 | max |");
    println!("|---|---|---|---|");
    println!("| open → diagnostics | {:.1} ms | | |", ms(open));
    println!(
        "| change → diagnostics ({CHANGES}) | {:.1} ms | {:.1} ms | {:.1} ms |",
        ms(median),
        ms(p95),
        ms(max)
    );
    println!(
        "| completion ({COMPLETIONS}) | {:.2} ms | {:.2} ms | {:.2} ms |",
        ms(c_median),
        ms(c_p95),
        ms(c_max)
    );
    println!("| peak memory | {:.1} MiB | | |", peak as f64 / 1024.0);
}

fn summary(times: &mut [Duration]) -> (Duration, Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), at(1.0))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
