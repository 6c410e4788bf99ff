//! Bytes from elsewhere never reach the terminal raw: a server's answer, a payload value,
//! a request `listen` got, a line of a file. Control characters are shown escaped, so no
//! one can erase a `✗` line and print a fake `✓`; JSON output stays exact JSON.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::harness::{Test, command, project, watchdog};
use crate::server::Recorder;

/// Erases the line, moves up, prints a fake success and retitles the terminal.
const FORGERY: &str = "\u{1b}[2K\u{1b}[1A✓ all good\u{1b}]0;owned\u{7}";

fn assert_no_escape(text: &str, what: &str) {
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{what} lets a control character through:\n{text:?}"
    );
}

#[test]
fn a_server_cannot_forge_the_report() {
    let server = Recorder::start(500, &[], FORGERY);
    let dir = project(&format!(
        "actions:\n  - name: hook\n    event: call_end\n    url: {}/hook\n",
        server.base
    ));
    let run = Test::new()
        .current_dir(dir.path())
        .args(["fire", "--all", "-v", "--color", "never"])
        .run();
    assert_eq!(run.code, 1);
    assert_no_escape(&run.stdout, "fire");
    assert!(run.stdout.contains("\\u{1b}[2K"), "{}", run.stdout);
    // JSON keeps the bytes exactly, escaped as JSON escapes them.
    let json = Test::new()
        .current_dir(dir.path())
        .args(["fire", "--all", "--format", "json"])
        .run();
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report[0]["response"]["body"], FORGERY);
}

#[test]
fn a_payload_value_or_a_file_cannot_forge_the_output() {
    let dir = project(
        "actions:\n  - name: hook\n    event: call_end\n    url: https://x.example.com/\n    headers:\n      Content-Type: text/plain\n    body: \"${context.note}\"\n  - name: \"evil\\e[2K\"\n    event: call_end\n    url: https://x.example.com/\n",
    );
    let run = Test::new()
        .current_dir(dir.path())
        .args(["render", "--color", "never", "--set"])
        .arg_path(std::path::Path::new(&format!("context.note={FORGERY}")))
        .run();
    assert_no_escape(&run.stdout, "render");
    assert_no_escape(&run.stderr, "render's findings");
    assert!(run.stderr.contains("invalid-name"), "{}", run.stderr);
}

#[test]
fn a_client_cannot_forge_what_listen_prints() {
    let mut child = command()
        .args(["listen", "--port", "0", "--count", "1", "--color", "never"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    watchdog(child.id(), 60);
    let mut stderr = child.stderr.take().unwrap();
    let mut first = [0; 200];
    let read = stderr.read(&mut first).unwrap();
    let line = String::from_utf8_lossy(&first[..read]).into_owned();
    let address = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))
        .unwrap()
        .to_owned();
    let mut stream = TcpStream::connect(&address).unwrap();
    let body = FORGERY.as_bytes();
    let request = format!(
        "POST /a%1B%5B2K?q=%1B%5D0%3Bt HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let _ = stream.read_to_end(&mut Vec::new());
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_no_escape(&stdout, "listen");
    assert!(stdout.contains("\\u{1b}"), "{stdout}");
}
