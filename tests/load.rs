//! `callactions load` against real servers on 127.0.0.1 started here: the lifecycle order
//! within each call, each call's coherence, the seed, timeouts and failures counted as
//! lost, thresholds, usage errors, and the HTML report.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;

use crate::harness::{Run, Test};
use crate::server::{Answer, Misbehaviour, Pool, misbehaving};

/// An action per event, each naming its event and its call in the path, and a body with
/// the values every event of a call shares.
fn actions(base: &str) -> String {
    let mut yaml = String::from("actions:\n");
    for event in [
        "call_start",
        "transfer_start",
        "transfer_end",
        "call_end",
        "call_end_connected",
        "call_end_not_connected",
    ] {
        yaml.push_str(&format!(
            "  - name: {}\n    event: {event}\n    url: {base}/{event}/${{callInfo.callSid}}\n    timeout: 2\n    headers:\n      Content-Type: application/json\n    body: '{{\"from\": \"${{callInfo.from}}\", \"to\": \"${{callInfo.to}}\", \"started\": \"${{callInfo.startedAt}}\", \"attempt\": ${{callInfo.attempt}}}}'\n",
            event.replace('_', "-")
        ));
    }
    yaml
}

fn load(yaml: &str, args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("callactions.yaml"), yaml).unwrap();
    Test::new()
        .current_dir(dir.path())
        .args([&["load"], args].concat())
        .timeout(120)
        .run()
}

fn report(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|_| panic!("{}", run.transcript()))
}

/// The requests each call sent, in the order the server got them, by call id.
fn by_call(pool: &Pool) -> BTreeMap<String, Vec<(String, Value)>> {
    let mut calls: BTreeMap<String, Vec<(String, Value)>> = BTreeMap::new();
    for request in pool.requests() {
        let mut parts = request.url.trim_start_matches('/').split('/');
        let (event, sid) = (
            parts.next().unwrap().to_owned(),
            parts.next().unwrap().to_owned(),
        );
        calls.entry(sid).or_default().push((event, request.json()));
    }
    calls
}

#[test]
fn each_call_fires_its_lifecycle_in_order_and_is_coherent() {
    let pool = Pool::start(8, Answer::Ok);
    let run = load(
        &actions(&pool.base),
        &[
            "--calls",
            "60",
            "--rate",
            "300/s",
            "--concurrency",
            "8",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let calls = by_call(&pool);
    assert_eq!(calls.len(), 60);
    // The lifecycles of SPEC §2, as `simulate` walks them.
    let lifecycles: Vec<Vec<&str>> = callactions::event::Scenario::ALL
        .iter()
        .map(|s| s.lifecycle().iter().map(|e| e.name()).collect())
        .collect();
    for (sid, requests) in &calls {
        let events: Vec<&str> = requests.iter().map(|(e, _)| e.as_str()).collect();
        assert!(lifecycles.contains(&events), "{sid}: {events:?}");
        // One call, one caller, one start: every event carries the same.
        let first = &requests[0].1;
        for (_, body) in requests {
            assert_eq!(body, first, "{sid}");
        }
    }
    let report = report(&run);
    assert_eq!(report["calls_started"], 60);
    assert_eq!(report["total"]["lost"], 0);
    assert_eq!(report["total"]["requests"], pool.requests().len());
}

#[test]
fn the_seed_reproduces_the_calls() {
    let runs: Vec<Vec<String>> = ["1", "1", "2"]
        .iter()
        .map(|seed| {
            let pool = Pool::start(4, Answer::Ok);
            let run = load(
                &actions(&pool.base),
                &["--calls", "20", "--rate", "400/s", "--seed", seed],
            );
            assert_eq!(run.code, 0, "{}", run.transcript());
            let mut sent: Vec<String> = pool
                .requests()
                .iter()
                .map(|r| format!("{} {}", r.url, r.body))
                .collect();
            sent.sort();
            sent
        })
        .collect();
    assert_eq!(runs[0], runs[1]);
    assert_ne!(runs[0], runs[2]);
}

#[test]
fn a_server_slower_than_the_timeout_loses_every_request_as_a_timeout() {
    let base = misbehaving(Misbehaviour::Silent);
    let yaml = format!(
        "actions:\n  - name: slow\n    event: call_end\n    url: {base}/x\n    timeout: 1\n"
    );
    let run = load(
        &yaml,
        &[
            "--calls",
            "3",
            "--rate",
            "50/s",
            "--mix",
            "connected=1",
            "--format",
            "json",
        ],
    );
    let report = report(&run);
    assert_eq!(report["total"]["requests"], 3, "{}", run.stdout);
    assert_eq!(report["total"]["lost"], 3);
    assert_eq!(report["total"]["failures"]["timeout"], 3);
    assert_eq!(run.code, 0, "no threshold, so no failure: {}", run.stderr);
}

#[test]
fn a_server_failing_one_request_in_ten_loses_one_in_ten() {
    let pool = Pool::start(4, Answer::FailEvery(10));
    let yaml = format!(
        "actions:\n  - name: sync\n    event: call_end\n    url: {}/sync/${{callInfo.callSid}}\n",
        pool.base
    );
    let run = load(
        &yaml,
        &[
            "--calls",
            "200",
            "--rate",
            "500/s",
            "--concurrency",
            "4",
            "--format",
            "json",
            "--max-lost",
            "5%",
        ],
    );
    let report = report(&run);
    // The server fails exactly every tenth request it gets: the count is exact.
    assert_eq!(report["total"]["requests"], 200);
    assert_eq!(report["total"]["lost"], 20, "{}", run.stdout);
    assert_eq!(report["total"]["failures"]["5xx"], 20);
    assert_eq!(run.code, 1, "--max-lost 5% is broken");
    assert_eq!(report["thresholds"][0]["threshold"], "--max-lost 5%");
    assert_eq!(report["thresholds"][0]["measured"], "10% lost");
}

#[test]
fn a_broken_threshold_is_named_and_fails_the_run() {
    let pool = Pool::start(4, Answer::After(Duration::from_millis(60)));
    let yaml = format!(
        "actions:\n  - name: crm-sync\n    event: call_end\n    url: {}/x\n",
        pool.base
    );
    let run = load(
        &yaml,
        &[
            "--calls",
            "10",
            "--rate",
            "100/s",
            "--max-p99",
            "crm-sync=20ms",
            "--max-p99",
            "5s",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("✗ --max-p99 crm-sync=20ms: p99 of crm-sync"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("✓ --max-p99 5s"), "{}", run.stdout);
    let junit = load(
        &yaml,
        &[
            "--calls",
            "5",
            "--rate",
            "100/s",
            "--max-p99",
            "crm-sync=20ms",
            "--format",
            "junit",
        ],
    );
    let document = roxmltree::Document::parse(&junit.stdout).unwrap();
    let failed: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .filter_map(|n| n.parent().and_then(|p| p.attribute("name")))
        .collect();
    assert_eq!(failed, ["--max-p99 crm-sync=20ms"]);
}

#[test]
fn a_run_that_would_start_no_call_is_a_usage_error() {
    let yaml = "actions:\n  - name: a\n    event: call_end\n    url: http://127.0.0.1:9/x\n";
    for args in [
        &["--calls", "0", "--rate", "10/s"][..],
        &["--calls", "10", "--rate", "0/s"],
        &["--calls", "10"],
        &["--rate", "10/s"],
        &["--ramp", "0:0/s,10s:0/s"],
    ] {
        let run = load(yaml, args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.transcript());
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    }
}

#[test]
fn the_rate_is_kept_however_slow_the_endpoint_is() {
    // 40 calls at 200/s on 2 workers, each answer taking 100 ms: a closed model would take
    // 2 s; calls are still handed out on time, and the wait shows as latency and as calls
    // started late.
    let pool = Pool::start(8, Answer::After(Duration::from_millis(100)));
    let yaml = format!(
        "actions:\n  - name: sync\n    event: call_end\n    url: {}/x\n",
        pool.base
    );
    let run = load(
        &yaml,
        &[
            "--calls",
            "40",
            "--rate",
            "200/s",
            "--concurrency",
            "2",
            "--mix",
            "connected=1",
            "--format",
            "json",
        ],
    );
    let report = report(&run);
    assert!(report["calls_late"].as_u64().unwrap() > 0, "{}", run.stdout);
    // Measured from when each was due: the last ones waited for a worker for about 1.9 s.
    assert!(
        report["total"]["latency"]["max_ms"].as_f64().unwrap() > 1000.0,
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\"calls_late\""));
}

#[test]
fn the_html_report_is_one_file_with_its_table_and_charts() {
    let pool = Pool::start(4, Answer::FailEvery(7));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    std::fs::write(dir.path().join("callactions.yaml"), actions(&pool.base)).unwrap();
    let run = Test::new()
        .current_dir(dir.path())
        .args(["load", "--calls", "30", "--rate", "100/s", "--report"])
        .arg_path(&path)
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let html = std::fs::read_to_string(&path).unwrap();
    for id in [
        "summary",
        "latency-over-time",
        "lost-over-time",
        "histogram-call-end",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id} is missing");
    }
    // The rows follow the file (call-start first), not the alphabet.
    let row = |name: &str| html.find(&format!("<tr><td>{name}</td>")).unwrap();
    assert!(row("call-start") < row("transfer-start"));
    assert!(row("transfer-end") < row("call-end"));
    assert!(row("call-end") < row("total"));
    // A run within one second still shows its latency: a dot for each of p50 and p99.
    let chart = &html[html.find("id=\"latency-over-time\"").unwrap()..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    assert_eq!(chart.matches("<circle").count(), 2, "{chart}");
    assert!(chart.contains("<title>second 1: p99 "), "{chart}");
    // Self-contained: nothing is fetched, nothing runs.
    for outside in ["<script", "<link", "src=", "url(", "<iframe"] {
        assert!(!html.contains(outside), "the report holds {outside}");
    }
    crate::browser::check_report(&path);
}

#[test]
fn load_against_listen_measures_its_delay_not_a_queue() {
    use std::io::{BufRead, BufReader};
    let mut listen = crate::harness::command()
        .args([
            "listen", "--port", "0", "--delay", "200ms", "--count", "20", "--format", "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    crate::harness::watchdog(listen.id(), 60);
    let mut stderr = BufReader::new(listen.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    // Read as it comes, as a consumer of `listen --format json` does: a full pipe would
    // hold listen's workers up.
    let mut stdout = listen.stdout.take().unwrap();
    let lines = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut text);
        text
    });
    let address = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))
        .unwrap()
        .to_owned();
    let yaml = format!(
        "actions:\n  - name: slow\n    event: call_end\n    url: http://{address}/x/${{callInfo.callSid}}\n"
    );
    let run = load(
        &yaml,
        &[
            "--calls",
            "20",
            "--rate",
            "100/s",
            "--mix",
            "connected=1",
            "--format",
            "json",
        ],
    );
    let report = report(&run);
    assert_eq!(report["total"]["succeeded"], 20, "{}", run.stdout);
    // Twenty requests within 0.2 s of each other, each answered after 0.2 s: served one
    // at a time the last would wait 4 s; served together each takes about the delay.
    let p99 = report["total"]["latency"]["p99_ms"].as_f64().unwrap();
    assert!((200.0..1500.0).contains(&p99), "p99 {p99} ms");
    assert!(listen.wait().unwrap().success());
    // Exactly --count lines, each one whole JSON request.
    let lines: Vec<Value> = lines
        .join()
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a whole JSON line"))
        .collect();
    assert_eq!(lines.len(), 20);
}

#[test]
fn ctrl_c_stops_starting_calls_and_reports_what_was_done() {
    let pool = Pool::start(4, Answer::Ok);
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!(
        "actions:\n  - name: sync\n    event: call_end\n    url: {}/x\n",
        pool.base
    );
    std::fs::write(dir.path().join("callactions.yaml"), yaml).unwrap();
    let child = crate::harness::command()
        .current_dir(dir.path())
        .args([
            "load",
            "--calls",
            "1000",
            "--rate",
            "10/s",
            "--mix",
            "connected=1",
            "--format",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    crate::harness::watchdog(child.id(), 60);
    std::thread::sleep(Duration::from_millis(1500));
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["interrupted"], true);
    let started = report["calls_started"].as_u64().unwrap();
    assert!((5..100).contains(&started), "{started} calls started");
    // Every call started was sent and measured.
    assert_eq!(report["total"]["requests"].as_u64().unwrap(), started);
    assert_eq!(pool.requests().len() as u64, started);
}

#[test]
fn a_terminal_shows_live_progress_and_a_pipe_does_not() {
    let pool = Pool::start(4, Answer::Ok);
    let yaml = format!(
        "actions:\n  - name: sync\n    event: call_end\n    url: {}/x\n",
        pool.base
    );
    let dir = crate::harness::project(&yaml);
    let args = [
        "load",
        "--calls",
        "20",
        "--rate",
        "10/s",
        "--mix",
        "connected=1",
        "--color",
        "never",
    ];
    let mut session = crate::harness::terminal(&args, dir.path());
    // The pseudo-terminal hands back bytes, one character each.
    let bytes = |text: &str| -> String { text.bytes().map(char::from).collect() };
    // Redrawn in place as the run goes: calls, rate, what was lost and the p99 so far.
    session.exp_string("\r\x1b[2Kcalls ").unwrap();
    session.exp_string("/20 started, ").unwrap();
    session
        .exp_string(&bytes(" req/s · lost 0 · p99 "))
        .unwrap();
    // Cleared before the report, so the two never share a line.
    let before = session.exp_string("load: 20 calls").unwrap();
    assert!(before.ends_with("\r\x1b[2K"), "{before:?}");
    session.exp_string("achieved").unwrap();
    session.exp_eof().unwrap();

    let piped = Test::new()
        .current_dir(dir.path())
        .args([
            "load",
            "--calls",
            "20",
            "--rate",
            "200/s",
            "--mix",
            "connected=1",
        ])
        .run();
    assert_eq!(piped.code, 0, "{}", piped.transcript());
    assert!(!piped.stderr.contains("started,"), "{}", piped.stderr);
}

#[test]
fn a_ramp_brings_its_calls_and_the_duration_ends_them() {
    // 20/s rising to 60/s over the first second (40 calls), then 60/s: by 1.41 s the calls
    // due are those up to 1 + 24/60 s, 65 of them, whether --calls is larger or left out.
    let pool = Pool::start(4, Answer::Ok);
    let yaml = format!(
        "actions:\n  - name: sync\n    event: call_end\n    url: {}/x\n",
        pool.base
    );
    let ramp = ["--ramp", "0:20/s,1s:60/s", "--duration", "1410ms"];
    for calls in [&["--calls", "10000"][..], &[]] {
        let before = pool.requests().len();
        let run = load(
            &yaml,
            &[
                &ramp[..],
                calls,
                &["--mix", "connected=1", "--format", "json"],
            ]
            .concat(),
        );
        assert_eq!(run.code, 0, "{}", run.transcript());
        let report = report(&run);
        assert_eq!(report["calls_started"], 65, "{calls:?}: {}", run.stdout);
        assert_eq!(
            report["plan"]["ramp"],
            serde_json::json!([[0.0, 20.0], [1.0, 60.0]])
        );
        assert_eq!(report["plan"]["rate"], Value::Null);
        assert_eq!(report["plan"]["duration_s"], 1.41);
        assert_eq!(pool.requests().len() - before, 65);
    }
}

#[test]
fn losses_without_a_threshold_are_said_not_to_fail_the_run() {
    // A port nothing listens on: every request refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let yaml = format!(
        "actions:\n  - name: sync\n    event: call_end\n    url: http://127.0.0.1:{port}/x\n"
    );
    let args = ["--calls", "3", "--rate", "50/s", "--color", "never"];
    let run = load(&yaml, &args);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains("lost by kind: refused 3"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "no threshold was given, so what was lost does not fail the run: --max-lost 0% fails it on any"
        ),
        "{}",
        run.stdout
    );
    let strict = load(&yaml, &[&args[..], &["--max-lost", "0%"]].concat());
    assert_eq!(strict.code, 1, "{}", strict.transcript());
    assert!(
        strict.stdout.contains("✗ --max-lost 0%"),
        "{}",
        strict.stdout
    );
    assert!(!strict.stdout.contains("no threshold was given"));
}
