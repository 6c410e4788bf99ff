//! `listen` as a real server, and `fire` against it through the real binaries.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::harness::{Test, command, root};

/// Starts `callactions listen --port 0 …` and returns it with the address it printed.
fn listen(args: &[&str]) -> (Child, String) {
    let mut child = command()
        .args(["listen", "--port", "0", "--color", "never"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let address = line
        .split_whitespace()
        .find_map(|word| word.strip_prefix("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    (child, address)
}

/// The requests `listen --format json` printed, one JSON object per line.
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn output(child: Child) -> (i32, String) {
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn fire_against_listen_end_to_end() {
    let (child, address) = listen(&["--count", "2", "--format", "json", "--show-secrets"]);
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!(
        "actions:\n  - name: a\n    event: call_end\n    url: http://{address}/calls/${{callInfo.callSid}}?name=${{context.firstName}}&tag=a%26b\n    headers:\n      Content-Type: application/json\n      Authorization: Bearer ${{env.TOKEN}}\n    body: '{{\"d\": ${{duration}}, \"s\": \"${{analysis.results.summary}}\"}}'\n  - name: b\n    event: call_end\n    method: PUT\n    url: http://{address}/default\n"
    );
    std::fs::write(dir.path().join("callactions.yaml"), yaml).unwrap();
    let run = Test::new()
        .current_dir(dir.path())
        .env("TOKEN", "t0k")
        .args(["fire", "--event", "call_end"])
        .run();
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let (code, stdout) = output(child);
    assert_eq!(code, 0);
    let lines = json_lines(&stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["method"], "POST");
    assert_eq!(
        lines[0]["path"],
        "/calls/CA9f1c2e7b4d5a41c8a0e3b6d2f7c9a1e4"
    );
    assert_eq!(
        lines[0]["query"],
        serde_json::json!([["name", "Zoë"], ["tag", "a&b"]])
    );
    assert_eq!(lines[0]["headers"]["authorization"], "Bearer t0k");
    assert_eq!(lines[0]["json"]["d"], 421);
    assert!(lines[0]["json"]["s"].as_str().unwrap().contains("München"));
    assert_eq!(lines[1]["method"], "PUT");
    assert_eq!(
        lines[1]["json"]["callInfo"]["callSid"],
        "CA9f1c2e7b4d5a41c8a0e3b6d2f7c9a1e4"
    );
}

#[test]
fn listen_masks_credentials_and_answers_with_its_status() {
    let (child, address) = listen(&["--count", "1", "--status", "503"]);
    let mut stream = TcpStream::connect(&address).unwrap();
    stream
        .write_all(b"POST /hook?x=%20y HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{\"a\": 1}")
        .unwrap();
    let mut response = String::new();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let _ = stream.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 503"), "{response}");
    let (code, stdout) = output(child);
    assert_eq!(code, 0);
    assert!(stdout.contains("POST /hook"), "{stdout}");
    assert!(stdout.contains("? x =  y"), "{stdout}");
    assert!(stdout.contains("Authorization: ****"), "{stdout}");
    assert!(stdout.contains("  {\n    \"a\": 1\n  }"), "{stdout}");
}

#[test]
fn bodies_over_one_mebibyte_are_refused_and_bad_requests_get_400() {
    let (child, address) = listen(&["--count", "2", "--format", "json"]);
    // Not HTTP at all: the server answers 400 and goes on.
    let mut garbage = TcpStream::connect(&address).unwrap();
    garbage.write_all(b"this is not http\r\n\r\n").unwrap();
    let mut response = String::new();
    garbage
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let _ = garbage.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 400"), "{response:?}");

    let mut big = TcpStream::connect(&address).unwrap();
    let size = 1024 * 1024 + 1;
    big.write_all(
        format!("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n\r\n").as_bytes(),
    )
    .unwrap();
    let _ = big.write_all(&vec![b'a'; size]);
    let mut response = String::new();
    big.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let _ = big.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 413"), "{response:?}");

    // The server went on after the bad request: a normal one is still served.
    let mut good = TcpStream::connect(&address).unwrap();
    good.write_all(b"GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut response = String::new();
    good.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let _ = good.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 200"), "{response:?}");

    let (code, stdout) = output(child);
    assert_eq!(code, 0);
    let lines = json_lines(&stdout);
    assert_eq!(lines[0]["path"], "/big");
    assert_eq!(lines[0]["too_large"], true);
    assert_eq!(lines[1]["path"], "/ok");
}

#[test]
fn a_port_in_use_is_fatal() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = Test::new()
        .current_dir(&root())
        .args(["listen", "--port", &port])
        .run();
    assert_eq!(run.code, 3);
    assert!(run.stderr.contains("the port is in use"), "{}", run.stderr);
    assert!(run.stderr.contains("--port 0"), "{}", run.stderr);
}
