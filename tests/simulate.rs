//! `simulate`: the events of each scenario in order, one coherent call, the events that
//! never happen, and `--fire` in firing order against a real server.

use serde_json::Value;

use crate::harness::{Test, callactions, project};
use crate::server::Recorder;

fn examples(args: &[&str]) -> crate::harness::Run {
    Test::new()
        .env("CRM_TOKEN", "t0k3n")
        .env("SUPPORT_BASIC_AUTH", "dXNlcg==")
        .env("CHAT_WEBHOOK_SECRET", "hush")
        .args(["simulate", "--color", "never", "fixtures/examples"])
        .args(args)
        .run()
}

fn report(args: &[&str]) -> Value {
    let run = examples(&[args, &["--format", "json"]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn events_fire_in_lifecycle_order_and_the_rest_are_explained() {
    for (scenario, fired, skipped) in [
        (
            "connected",
            vec!["call_start", "call_end", "call_end_connected"],
            vec!["call_end_not_connected", "transfer_start", "transfer_end"],
        ),
        (
            "not-connected",
            vec!["call_end", "call_end_not_connected"],
            vec![
                "call_start",
                "call_end_connected",
                "transfer_start",
                "transfer_end",
            ],
        ),
        (
            "transferred",
            vec![
                "call_start",
                "transfer_start",
                "call_end",
                "call_end_connected",
                "transfer_end",
            ],
            vec!["call_end_not_connected"],
        ),
    ] {
        let report = report(&["--scenario", scenario]);
        let events: Vec<&str> = report["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event"].as_str().unwrap())
            .collect();
        assert_eq!(events, fired, "{scenario}");
        let not_firing: Vec<&str> = report["not_firing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event"].as_str().unwrap())
            .collect();
        assert_eq!(not_firing, skipped, "{scenario}");
    }
    let not_connected = report(&["--scenario", "not-connected"]);
    let call_start = &not_connected["not_firing"][0];
    assert_eq!(call_start["why"], "the call never connected");
    assert_eq!(
        call_start["actions"],
        serde_json::json!(["crm-call-started"])
    );
}

fn time(value: &Value) -> i64 {
    callactions::timestamp::parse(value.as_str().unwrap()).unwrap()
}

#[test]
fn the_payloads_describe_one_coherent_call() {
    let report = report(&["--scenario", "transferred"]);
    let payloads: Vec<&Value> = report["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["payload"])
        .collect();
    let sid = &payloads[0]["callInfo"]["callSid"];
    for payload in &payloads {
        assert_eq!(&payload["callInfo"]["callSid"], sid);
        assert_eq!(payload["callInfo"]["from"], payloads[0]["callInfo"]["from"]);
        assert_eq!(
            payload["callInfo"]["startedAt"],
            payloads[0]["callInfo"]["startedAt"]
        );
    }
    let started = time(&payloads[0]["callInfo"]["startedAt"]);
    let transfer_start = &payloads[1]["transfer"];
    let call_end = payloads[2];
    let transfer_end = payloads[4];
    let picked_up = time(&transfer_start["startedAt"]);
    assert!(started <= picked_up);
    assert!(picked_up <= time(&call_end["callInfo"]["endedAt"]));
    assert!(picked_up <= time(&transfer_end["transfer"]["endedAt"]));
    assert_eq!(
        transfer_end["transfer"]["startedAt"],
        transfer_start["startedAt"]
    );
    assert_eq!(
        call_end["callInfo"]["endedAt"],
        transfer_end["callInfo"]["endedAt"]
    );
    let ended = time(&call_end["callInfo"]["endedAt"]);
    assert!(call_end["duration"].as_i64().unwrap() <= ended - started);
    assert_eq!(call_end["outcome"], "agent_transfer");
    assert_eq!(call_end["callInfo"]["endReason"], "transferred");
}

#[test]
fn outcomes_must_fit_the_scenario() {
    let busy = report(&["--scenario", "not-connected", "--outcome", "busy"]);
    assert_eq!(busy["outcome"], "busy");
    assert_eq!(busy["events"][1]["payload"]["outcome"], "busy");
    assert_eq!(busy["events"][1]["payload"]["duration"], 0);
    let wrong = examples(&[
        "--scenario",
        "not-connected",
        "--outcome",
        "appointment_booked",
    ]);
    assert_eq!(wrong.code, 2);
    assert!(wrong.stderr.contains("never connected"), "{}", wrong.stderr);
    assert_eq!(
        examples(&["--scenario", "connected", "--outcome", "busy"]).code,
        2
    );
    assert_eq!(examples(&["--scenario", "sideways"]).code, 2);
    assert_eq!(
        examples(&["--scenario", "connected", "--format", "junit"]).code,
        2
    );
}

#[test]
fn set_overrides_the_generated_call() {
    let report = report(&[
        "--scenario",
        "connected",
        "--set",
        "callInfo.callSid=CA-mine",
    ]);
    for event in report["events"].as_array().unwrap() {
        assert_eq!(event["payload"]["callInfo"]["callSid"], "CA-mine");
    }
}

#[test]
fn connected_call_for_people() {
    let run = examples(&["--scenario", "connected"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn fire_sends_in_firing_order() {
    let server = Recorder::start(200, &[], "");
    let yaml = "actions:\n  - name: ended\n    event: call_end_connected\n    url: BASE/3\n  - name: transfer-done\n    event: transfer_end\n    url: BASE/5\n  - name: started\n    event: call_start\n    url: BASE/1\n  - name: transferring\n    event: transfer_start\n    url: BASE/2\n  - name: ended-any\n    event: call_end\n    url: BASE/3a\n  - name: never\n    event: call_end_not_connected\n    url: BASE/never\n";
    let dir = project(&yaml.replace("BASE", &server.base));
    let run = Test::new()
        .current_dir(dir.path())
        .args([
            "simulate",
            "--scenario",
            "transferred",
            "--fire",
            "--format",
            "junit",
        ])
        .run();
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let order: Vec<String> = server.requests().into_iter().map(|r| r.url).collect();
    assert_eq!(order, ["/1", "/2", "/3a", "/3", "/5"]);
    let bodies: Vec<Value> = server.requests().iter().map(|r| r.json()).collect();
    assert!(
        bodies
            .iter()
            .all(|b| b["callInfo"]["callSid"] == bodies[0]["callInfo"]["callSid"])
    );
    let junit = roxmltree::Document::parse(&run.stdout).unwrap();
    assert_eq!(junit.root_element().attribute("tests"), Some("5"));
}

#[test]
fn fire_failures_fail_the_run() {
    let server = Recorder::start(500, &[], "");
    let yaml = "actions:\n  - name: started\n    event: call_start\n    url: BASE/1\n";
    let dir = project(&yaml.replace("BASE", &server.base));
    let run = Test::new()
        .current_dir(dir.path())
        .args(["simulate", "--scenario", "connected", "--fire"])
        .run();
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("HTTP 500 Internal Server Error"),
        "{}",
        run.stdout
    );
    assert_eq!(
        callactions([
            "simulate",
            "--scenario",
            "connected",
            "--timeout",
            "1s",
            "fixtures/examples"
        ])
        .code,
        2,
        "--timeout needs --fire"
    );
    assert_eq!(
        callactions([
            "simulate",
            "--scenario",
            "connected",
            "-v",
            "fixtures/examples"
        ])
        .code,
        2,
        "-v shows what was sent, so it needs --fire"
    );
}

#[test]
fn one_call_has_one_call_info_in_every_event() {
    let server = Recorder::start(200, &[], "");
    let yaml = "actions:\n  - name: ended\n    event: call_end\n    url: BASE/1\n  - name: missed\n    event: call_end_not_connected\n    url: BASE/2\n";
    let dir = project(&yaml.replace("BASE", &server.base));
    let run = Test::new()
        .current_dir(dir.path())
        .args(["simulate", "--scenario", "not-connected", "--fire"])
        .run();
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let bodies: Vec<Value> = server.requests().iter().map(|r| r.json()).collect();
    assert_eq!(bodies.len(), 2);
    assert_eq!(bodies[0]["callInfo"], bodies[1]["callInfo"]);
    assert_eq!(bodies[0]["outcome"], bodies[1]["outcome"]);
    assert!(
        run.stdout.contains("2 requests: 2 succeeded, 0 failed"),
        "{}",
        run.stdout
    );
}
