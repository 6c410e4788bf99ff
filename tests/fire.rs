//! `fire` against real servers on 127.0.0.1: what is received is exactly what is
//! rendered, every outcome is named plainly, and secrets never show.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::harness::{Run, Test, project, terminal};
use crate::server::{Misbehaviour, Recorder, closed_port, misbehaving};

/// Writes `yaml` (with `BASE` replaced by `base`) and fires it with `args`.
fn fire(base: &str, yaml: &str, args: &[&str]) -> Run {
    fire_env(base, yaml, args, &[])
}

fn fire_env(base: &str, yaml: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let dir = project(&yaml.replace("BASE", base));
    let mut test = Test::new()
        .current_dir(dir.path())
        .args(["fire", "--color", "never"])
        .args(args);
    for (key, value) in env {
        test = test.env(key, value);
    }
    test.run()
}

fn exchanges(run: &Run) -> Vec<Value> {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr))
}

#[test]
fn the_server_receives_exactly_the_rendered_request() {
    let server = Recorder::start(200, &[], "");
    let yaml = r#"
actions:
  - name: post-json
    event: call_end
    url: BASE/customers/${context.customerId}/calls?note=${context.note}&n=1
    headers:
      Content-Type: application/json
      X-Call-Id: ${callInfo.callSid}
    body: '{"summary": "${analysis.results.summary}", "duration": ${duration}, "interested": ${analysis.results.interested}}'
  - name: put-default
    event: call_end_not_connected
    method: PUT
    url: BASE/default
  - name: get-query
    event: call_start
    method: get
    url: BASE/lookup?phone=${callInfo.from}&name=${context.firstName}
"#;
    let note = "a&b #c d/é?=%";
    let run = fire(
        &server.base,
        yaml,
        &[
            "--all",
            "--set",
            &format!("context.note={note}"),
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let got = server.requests();
    assert_eq!(got.len(), 3);

    let post = &got[0];
    assert_eq!(post.method, "POST");
    let (path, query) = post.url.split_once('?').unwrap();
    assert_eq!(path, "/customers/CUST-20931/calls");
    let pairs: Vec<(String, String)> = query
        .split('&')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (
                k.to_owned(),
                callactions::template::encode::percent_decode(v, false),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("note".to_owned(), note.to_owned()),
            ("n".to_owned(), "1".to_owned())
        ]
    );
    assert_eq!(post.header("content-type"), Some("application/json"));
    assert_eq!(
        post.header("x-call-id"),
        Some("CA9f1c2e7b4d5a41c8a0e3b6d2f7c9a1e4")
    );
    assert_eq!(
        post.header("user-agent"),
        Some(concat!("callactions/", env!("CARGO_PKG_VERSION")))
    );
    let sample = callactions::payload::sample(callactions::event::Event::CallEnd);
    assert_eq!(
        post.json(),
        json!({
            "summary": sample["analysis"]["results"]["summary"],
            "duration": 421,
            "interested": true,
        })
    );

    let put = &got[1];
    assert_eq!(put.method, "PUT");
    assert_eq!(put.header("content-type"), Some("application/json"));
    let mut expected = callactions::payload::sample(callactions::event::Event::CallEndNotConnected);
    expected["context"]["note"] = json!(note);
    assert_eq!(
        put.json(),
        expected,
        "the default payload, with the --set override"
    );

    let get = &got[2];
    assert_eq!(get.method, "GET");
    assert_eq!(get.url, "/lookup?phone=%2B14155550123&name=Zo%C3%AB");
    assert_eq!(get.body, "");
    assert_eq!(
        get.header("accept"),
        None,
        "no header of the HTTP library's own"
    );

    // What fire reports sending is what render shows.
    let reported: Vec<Value> = exchanges(&run)
        .into_iter()
        .map(|e| e["request"].clone())
        .collect();
    let dir = project(&yaml.replace("BASE", &server.base));
    let rendered = Test::new()
        .current_dir(dir.path())
        .args([
            "render",
            "--format",
            "json",
            "--set",
            &format!("context.note={note}"),
        ])
        .run();
    let rendered: Vec<Value> = serde_json::from_str(&rendered.stdout).unwrap();
    for (sent, shown) in reported.iter().zip(&rendered) {
        for field in ["method", "url", "headers", "body"] {
            assert_eq!(sent[field], shown[field], "{field}");
        }
    }
}

fn one_action(method: &str) -> String {
    format!(
        "actions:\n  - name: hook\n    event: call_end\n    method: {method}\n    url: BASE/hook\n"
    )
}

#[test]
fn statuses_are_results() {
    for (status, ok) in [
        (200, true),
        (201, true),
        (204, true),
        (404, false),
        (500, false),
    ] {
        let body = if status == 204 {
            ""
        } else {
            r#"{"id": 7, "ok": true}"#
        };
        let server = Recorder::start(status, &[("Content-Type", "application/json")], body);
        let run = fire(&server.base, &one_action("POST"), &["--all"]);
        assert_eq!(run.code, if ok { 0 } else { 1 }, "{status}: {}", run.stdout);
        let first = run.stdout.lines().next().unwrap();
        assert!(
            first.starts_with(if ok {
                "✓ hook  call_end  POST"
            } else {
                "✗ hook  call_end  POST"
            }),
            "{first}"
        );
        match status {
            404 => assert!(first.contains("HTTP 404 Not Found"), "{first}"),
            500 => assert!(first.contains("HTTP 500 Internal Server Error"), "{first}"),
            s => assert!(first.contains(&format!("{s} ")), "{first}"),
        }
        if status != 204 {
            // The start of the body, pretty-printed as JSON.
            assert!(
                run.stdout.contains("    {\n      \"id\": 7,"),
                "{}",
                run.stdout
            );
        }
        assert_eq!(server.requests().len(), 1, "sent once, no retries");
    }
}

#[test]
fn redirects_are_reported_not_followed() {
    let target = Recorder::start(200, &[], "");
    let server = Recorder::start(
        302,
        &[("Location", &format!("{}/elsewhere", target.base))],
        "",
    );
    let run = fire(&server.base, &one_action("POST"), &["--all"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains(&format!(
            "redirect (302) to {}/elsewhere not followed",
            target.base
        )),
        "{}",
        run.stdout
    );
    assert!(target.requests().is_empty());
}

#[test]
fn connection_refused() {
    let port = closed_port();
    let run = fire(
        &format!("http://127.0.0.1:{port}"),
        &one_action("GET"),
        &["--all"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains(&format!("connection refused (127.0.0.1:{port})")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("the platform does not retry"),
        "{}",
        run.stdout
    );
}

/// Fires at a misbehaving server with a 500 ms deadline: a timeout, and a run that ended.
fn times_out(how: Misbehaviour) {
    let base = misbehaving(how);
    let start = Instant::now();
    let run = fire(
        &base,
        &one_action("POST"),
        &["--all", "--timeout", "500ms", "--format", "json"],
    );
    // A generous bound that still catches a hang; precise timing is the benchmark's job.
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(run.code, 1);
    let result = &exchanges(&run)[0];
    assert_eq!(result["error"], "timed out after 0.5 s", "{}", run.stdout);
    assert_eq!(result["ok"], false);
}

#[test]
fn a_server_that_never_answers_is_cut_off() {
    times_out(Misbehaviour::Silent);
}

#[test]
fn a_server_that_drips_its_headers_is_cut_off() {
    times_out(Misbehaviour::DripHeaders);
}

#[test]
fn a_server_that_drips_its_body_is_cut_off() {
    times_out(Misbehaviour::DripBody);
}

#[test]
fn the_actions_own_timeout_is_the_deadline() {
    let base = misbehaving(Misbehaviour::Silent);
    let yaml =
        "actions:\n  - name: hook\n    event: call_end\n    url: BASE/hook\n    timeout: 1\n";
    let start = Instant::now();
    let run = fire(&base, yaml, &["--all"]);
    assert!(start.elapsed() < Duration::from_secs(10));
    // A long wait is waited out in short slices: none of them may end it early.
    assert!(
        start.elapsed() >= Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    assert!(
        run.stdout.contains("timed out after 1.0 s"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_large_response_body_is_cut_at_one_mebibyte() {
    let base = misbehaving(Misbehaviour::LargeBody(2 * 1024 * 1024));
    let run = fire(&base, &one_action("GET"), &["--all", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let result = &exchanges(&run)[0];
    assert_eq!(result["response"]["truncated"], true);
    assert_eq!(
        result["response"]["body"].as_str().unwrap().len(),
        1024 * 1024
    );
    let human = fire(&base, &one_action("GET"), &["--all"]);
    assert!(
        human.stdout.contains("(body cut at 1 MiB)"),
        "{}",
        human.stdout
    );
}

#[test]
fn secrets_never_show_unless_asked() {
    let server = Recorder::start(
        200,
        &[("Content-Type", "application/json")],
        r#"{"echo": "s3cr3t-token"}"#,
    );
    let yaml = r#"
actions:
  - name: secret
    event: call_start
    url: BASE/hook?key=${env.TOKEN}
    headers:
      Authorization: Bearer ${env.TOKEN}
      Content-Type: application/json
    body: '{"token": "${env.TOKEN}"}'
"#;
    let env = [("TOKEN", "s3cr3t-token")];
    for format in ["human", "json", "junit"] {
        let run = fire_env(
            &server.base,
            yaml,
            &["--all", "-v", "--format", format],
            &env,
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            !run.stdout.contains("s3cr3t"),
            "{format} shows the secret:\n{}",
            run.stdout
        );
        assert!(
            !run.stderr.contains("s3cr3t"),
            "{format} shows the secret:\n{}",
            run.stderr
        );
        if format != "junit" {
            assert!(run.stdout.contains("****"), "{format}:\n{}", run.stdout);
        }
    }
    let shown = fire_env(&server.base, yaml, &["--all", "-v", "--show-secrets"], &env);
    assert!(
        shown.stdout.contains("Authorization: Bearer s3cr3t-token"),
        "{}",
        shown.stdout
    );
    // The server got the real values either way.
    let got = server.requests();
    assert_eq!(got[0].header("authorization"), Some("Bearer s3cr3t-token"));
    assert_eq!(got[0].url, "/hook?key=s3cr3t-token");
}

#[test]
fn a_render_error_fails_the_action_before_anything_is_sent() {
    let server = Recorder::start(200, &[], "");
    let yaml = "actions:\n  - name: needs-env\n    event: call_end\n    url: BASE/a\n    headers:\n      Authorization: Bearer ${env.MISSING_TOKEN}\n  - name: fine\n    event: call_end\n    url: BASE/b\n";
    let run = fire(&server.base, yaml, &["--all"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("✗ needs-env  call_end  (not sent)  not sent: environment variable `MISSING_TOKEN` is not set"), "{}", run.stdout);
    assert!(
        run.stderr.contains("callactions.yaml:6:29"),
        "{}",
        run.stderr
    );
    let urls: Vec<String> = server.requests().into_iter().map(|r| r.url).collect();
    assert_eq!(urls, ["/b"]);
}

#[test]
fn junit_parses_with_the_right_counts() {
    let ok = Recorder::start(200, &[], "");
    let yaml = format!(
        "actions:\n  - name: a\n    event: call_end\n    url: BASE/a\n  - name: b\n    event: call_end\n    url: http://127.0.0.1:{}/b?x=1&y=2\n  - name: c\n    event: call_start\n    method: GET\n    url: BASE/c\n",
        closed_port()
    );
    let run = fire(&ok.base, &yaml, &["--all", "--format", "junit"]);
    assert_eq!(run.code, 1);
    let document =
        roxmltree::Document::parse(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.stdout));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("3"));
    assert_eq!(root.attribute("failures"), Some("1"));
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    let names: Vec<_> = suites
        .iter()
        .map(|s| s.attribute("name").unwrap())
        .collect();
    assert_eq!(names, ["call_end", "call_start"]);
    assert_eq!(suites[0].attribute("tests"), Some("2"));
    assert_eq!(suites[0].attribute("failures"), Some("1"));
    let failure = suites[0]
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert!(
        failure
            .attribute("message")
            .unwrap()
            .starts_with("connection refused")
    );
    // The `&` of the URL in the failure's text came through XML escaping intact.
    assert!(
        failure.text().unwrap().contains("/b?x=1&y=2"),
        "{:?}",
        failure.text()
    );
    assert_eq!(suites[1].attribute("failures"), Some("0"));
}

#[test]
fn selection_is_required_and_durations_are_checked() {
    let run = fire("http://127.0.0.1:9", &one_action("GET"), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--event EVENT or --action NAME"),
        "{}",
        run.stderr
    );
    let bad = fire(
        "http://127.0.0.1:9",
        &one_action("GET"),
        &["--all", "--timeout", "2 hours"],
    );
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

#[test]
fn dry_run_sends_nothing() {
    let server = Recorder::start(200, &[], "");
    let run = fire(&server.base, &one_action("POST"), &["--all", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!("POST {}/hook", server.base)),
        "{}",
        run.stdout
    );
    assert!(run.stderr.contains("dry run: nothing was sent"));
    std::thread::sleep(Duration::from_millis(100));
    assert!(server.requests().is_empty());
}

#[test]
fn a_terminal_shows_progress() {
    let server = Recorder::start(200, &[], "");
    let yaml = "actions:\n  - name: first\n    event: call_end\n    url: BASE/1\n  - name: second\n    event: call_end\n    url: BASE/2\n";
    let dir = project(&yaml.replace("BASE", &server.base));
    let mut session = terminal(&["fire", "--all", "--color", "never"], dir.path());
    // The pseudo-terminal hands back bytes, one character each.
    let tick: String = "✓".bytes().map(char::from).collect();
    session.exp_string("[1/2] first").unwrap();
    // The progress line is cleared before the result is printed, so the two never share
    // a line on screen.
    let before = session.exp_string(&format!("{tick} first")).unwrap();
    assert!(before.ends_with("\r\x1b[2K"), "{before:?}");
    session.exp_string("[2/2] second").unwrap();
    let before = session.exp_string(&format!("{tick} second")).unwrap();
    assert!(before.ends_with("\r\x1b[2K"), "{before:?}");
    session
        .exp_string("2 requests: 2 succeeded, 0 failed")
        .unwrap();
    session.exp_eof().unwrap();
}

#[test]
fn a_server_that_closes_after_each_answer_gets_every_request() {
    let (base, accepted) = crate::server::misbehaving_counted(Misbehaviour::CloseAfterAnswer);
    let yaml = (1..=6)
        .map(|i| format!("  - name: a{i}\n    event: call_end\n    url: BASE/{i}\n"))
        .collect::<String>();
    let run = fire(
        &base,
        &format!("actions:\n{yaml}"),
        &["--all", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    for result in exchanges(&run) {
        assert_eq!(result["ok"], true, "{result}");
    }
    assert_eq!(
        *accepted.lock().unwrap(),
        6,
        "one connection a request, each request once"
    );
}
