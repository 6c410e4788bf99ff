//! `listen` as a real server, and `fire` against it through the real binaries.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::harness::{Test, command, root, watchdog};

/// Starts `callactions listen --port 0 …` and returns it with the address it printed;
/// the rest of its standard error is read by a thread, and `stderr_of` gives it.
fn listen(args: &[&str]) -> (Child, String) {
    let mut child = command()
        .args(["listen", "--port", "0", "--color", "never"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    watchdog(child.id(), 60);
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let address = line
        .split_whitespace()
        .find_map(|word| word.strip_prefix("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    let rest = std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
        rest
    });
    STDERR.lock().unwrap().push((child.id(), rest));
    (child, address)
}

/// The readers of the standard error of each `listen` started, by process id.
static STDERR: std::sync::Mutex<Vec<(u32, std::thread::JoinHandle<String>)>> =
    std::sync::Mutex::new(Vec::new());

/// What `listen` printed on standard error after its first line, once it ended.
fn stderr_of(id: u32) -> String {
    let mut readers = STDERR.lock().unwrap();
    let at = readers.iter().position(|(pid, _)| *pid == id).unwrap();
    readers.remove(at).1.join().unwrap()
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

/// Sends `bytes` on a fresh connection and returns the answer's status line.
fn exchange(address: &str, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(bytes).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn what_cannot_be_read_is_refused_with_its_status() {
    let (child, address) = listen(&["--count", "1", "--format", "json"]);
    for (request, status) in [
        (&b"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"[..], "400"),
        (b"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", "400"),
        (b"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "400"),
        (b"POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", "400"),
        (b"GET /a HTTP/2.0\r\nHost: x\r\n\r\n", "505"),
    ] {
        let line = exchange(&address, request);
        assert!(line.starts_with(&format!("HTTP/1.1 {status}")), "{:?}: {line}", String::from_utf8_lossy(request));
    }
    let huge = format!(
        "GET /a HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "a".repeat(20_000)
    );
    assert!(exchange(&address, huge.as_bytes()).starts_with("HTTP/1.1 431"));
    // None of those was a request; this one is, and ends the run.
    let chunked = b"POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n";
    assert!(exchange(&address, chunked).starts_with("HTTP/1.1 200"));
    let (code, stdout) = output(child);
    assert_eq!(code, 0);
    let lines = json_lines(&stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["body"], "hello world");
}

#[test]
fn headers_are_kept_as_sent_and_bodies_byte_for_byte() {
    let (child, address) = listen(&["--count", "1", "--format", "json", "--show-secrets"]);
    let mut request = b"POST /b HTTP/1.1\r\nHost: x\r\nX-Name: Zo\xc3\xab\r\nX-Tag: a\r\nX-Tag: b\r\nConnection: close\r\nContent-Length: 3\r\n\r\n".to_vec();
    request.extend_from_slice(b"\xff\x00\xfe");
    assert!(exchange(&address, &request).starts_with("HTTP/1.1 200"));
    let (_, stdout) = output(child);
    let line = &json_lines(&stdout)[0];
    assert_eq!(line["headers"]["X-Name"], "Zoë");
    assert_eq!(line["headers"]["X-Tag"], "a, b");
    assert_eq!(line["header_lines"][2], serde_json::json!(["X-Tag", "a"]));
    assert_eq!(line["header_lines"][3], serde_json::json!(["X-Tag", "b"]));
    assert_eq!(line["body_base64"], true);
    assert_eq!(line["body"], "/wD+");
}

#[test]
fn a_body_that_never_arrives_in_full_is_reported_cut() {
    let (child, address) = listen(&["--count", "1", "--format", "json"]);
    let mut stream = TcpStream::connect(&address).unwrap();
    stream
        .write_all(b"POST /cut HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial")
        .unwrap();
    drop(stream);
    let (code, stdout) = output(child);
    assert_eq!(code, 0);
    let line = &json_lines(&stdout)[0];
    assert_eq!(line["cut"], true);
    assert_eq!(line["body"], "partial");
}

#[test]
fn requests_are_served_at_once_and_a_slow_client_blocks_no_one() {
    let (child, address) = listen(&["--count", "2", "--delay", "2s", "--format", "json"]);
    // A client that promises a body and sends one byte of it.
    let mut slow = TcpStream::connect(&address).unwrap();
    slow.write_all(b"POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nx")
        .unwrap();
    let started = std::time::Instant::now();
    let clients: Vec<_> = (0..2)
        .map(|i| {
            let address = address.clone();
            std::thread::spawn(move || {
                exchange(
                    &address,
                    format!("GET /{i} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
                )
            })
        })
        .collect();
    for client in clients {
        assert!(client.join().unwrap().starts_with("HTTP/1.1 200"));
    }
    // Served one after the other, the two delays alone would take 4 s.
    assert!(
        started.elapsed() < Duration::from_millis(3900),
        "{:?}",
        started.elapsed()
    );
    let (_, stdout) = output(child);
    let mut paths: Vec<String> = json_lines(&stdout)
        .iter()
        .map(|l| l["path"].as_str().unwrap().to_owned())
        .collect();
    paths.sort();
    assert_eq!(paths, ["/0", "/1"]);
    drop(slow);
}

#[test]
fn idle_connections_do_not_make_it_deaf() {
    let (child, address) = listen(&["--count", "1"]);
    let idle: Vec<TcpStream> = (0..400)
        .filter_map(|_| TcpStream::connect(&address).ok())
        .collect();
    assert!(idle.len() > 300, "{}", idle.len());
    let line = exchange(
        &address,
        b"GET /still-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");
    drop(idle);
    let (code, stdout) = output(child);
    assert_eq!(code, 0);
    assert!(stdout.contains("/still-here"), "{stdout}");
}

#[test]
fn it_says_how_many_requests_it_received() {
    let (child, address) = listen(&["--count", "1"]);
    assert!(
        exchange(
            &address,
            b"GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .starts_with("HTTP/1.1 200")
    );
    let id = child.id();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = stderr_of(id);
    assert!(stderr.contains("1 request received"), "{stderr:?}");
}

#[test]
fn ctrl_c_stops_it_with_a_count() {
    let (child, address) = listen(&[]);
    assert!(
        exchange(
            &address,
            b"GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .starts_with("HTTP/1.1 200")
    );
    // SIGINT, as a terminal's Ctrl-C sends it.
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let id = child.id();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = stderr_of(id);
    assert!(stderr.contains("1 request received"), "{stderr:?}");
}
