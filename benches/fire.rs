//! Fires 10,000 requests at a local server and reports requests per second, for the
//! `fire` command as a user runs it and, when curl is installed, for curl sending the
//! same 10,000 requests from one config file.
//!
//! `cargo bench --bench fire`. The server (tiny_http, two workers) runs in this process
//! on 127.0.0.1; nothing leaves the machine.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Instant;

const REQUESTS: usize = 10_000;

fn main() {
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("binds 127.0.0.1:0"));
    let port = server.server_addr().to_ip().expect("an IP address").port();
    for _ in 0..2 {
        let server = Arc::clone(&server);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let _ = request.respond(tiny_http::Response::from_string("{\"ok\":true}"));
            }
        });
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-fire");
    std::fs::create_dir_all(&dir).expect("target/ is writable");
    let base = format!("http://127.0.0.1:{port}");
    write_actions(&dir, &base);

    let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/callactions");
    if !binary.exists() {
        eprintln!("build the release binary first: cargo build --release");
        return;
    }
    for format in ["human", "json"] {
        let seconds = time(
            Command::new(&binary)
                .args(["fire", "--all", "--format", format])
                .current_dir(&dir),
        );
        println!(
            "callactions fire --format {format}: {REQUESTS} requests in {seconds:.2} s — {:.0} req/s",
            REQUESTS as f64 / seconds
        );
    }
    if Command::new("curl")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok()
    {
        let seconds = time(
            Command::new("curl")
                .args(["--silent", "--config", "curl.config"])
                .current_dir(&dir),
        );
        println!(
            "curl --config (same requests): {seconds:.2} s — {:.0} req/s",
            REQUESTS as f64 / seconds
        );
    }
    server.unblock();
}

fn time(command: &mut Command) -> f64 {
    let start = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .status()
        .expect("the command runs");
    let elapsed = start.elapsed().as_secs_f64();
    assert!(status.success(), "{command:?} failed");
    elapsed
}

/// 10,000 actions, each a POST with a templated JSON body, and the same requests as a
/// curl config file.
fn write_actions(dir: &Path, base: &str) {
    let mut yaml = String::from("actions:\n");
    let mut curl = String::new();
    let body = r#"{"callId": "CA9f1c2e7b4d5a41c8a0e3b6d2f7c9a1e4", "duration": 421}"#;
    for i in 0..REQUESTS {
        yaml.push_str(&format!(
            "  - name: hook-{i}\n    event: call_end\n    url: {base}/calls/${{callInfo.callSid}}?n={i}\n    headers:\n      Content-Type: application/json\n    body: '{{\"callId\": \"${{callInfo.callSid}}\", \"duration\": ${{duration}}}}'\n"
        ));
        curl.push_str(&format!(
            "next\nurl = \"{base}/calls/CA9f1c2e7b4d5a41c8a0e3b6d2f7c9a1e4?n={i}\"\nheader = \"Content-Type: application/json\"\ndata = \"{}\"\noutput = \"/dev/null\"\n",
            body.replace('"', "\\\"")
        ));
    }
    std::fs::write(dir.join("callactions.yaml"), yaml).expect("target/ is writable");
    std::fs::write(dir.join("curl.config"), curl.trim_start_matches("next\n"))
        .expect("target/ is writable");
}
