//! The command-line contract: outputs of the read-only commands and the exit codes.

use std::io::Read;
use std::process::Stdio;

use serde_json::Value;

use crate::harness::{Test, callactions, command, root, terminal_with};

#[test]
fn events_lists_the_six_events_and_the_lifecycles() {
    let run = callactions(["events"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn events_as_json() {
    let run = callactions(["events", "--format", "json"]);
    assert_eq!(run.code, 0);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["events"].as_array().unwrap().len(), 6);
    assert_eq!(json["events"][3]["name"], "call_end_not_connected");
    let transferred = &json["lifecycles"][2];
    assert_eq!(transferred["scenario"], "transferred");
    assert_eq!(
        transferred["events"],
        serde_json::json!([
            "call_start",
            "transfer_start",
            "call_end",
            "call_end_connected",
            "transfer_end"
        ])
    );
}

#[test]
fn payload_of_every_event_is_a_json_object() {
    for event in callactions::event::Event::names() {
        let run = callactions(["payload", event]);
        assert_eq!(run.code, 0, "{event}");
        let json: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(
            json,
            callactions::payload::sample(callactions::event::Event::from_name(event).unwrap())
        );
        assert!(json["callInfo"]["callSid"].is_string(), "{event}");
    }
}

#[test]
fn payload_sample_of_call_end() {
    insta::assert_snapshot!(callactions(["payload", "call_end"]).stdout);
}

#[test]
fn payload_vars_of_transfer_end() {
    insta::assert_snapshot!(callactions(["payload", "transfer_end", "--vars"]).stdout);
}

#[test]
fn payload_vars_as_json_follow_the_table() {
    let run = callactions([
        "payload",
        "call_end_not_connected",
        "--vars",
        "--format",
        "json",
    ]);
    let vars: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let paths: Vec<&str> = vars.iter().map(|v| v["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"context.<key>"));
    assert!(paths.contains(&"duration"));
    assert!(
        !paths.iter().any(|p| p.starts_with("analysis")),
        "{paths:?}"
    );
    assert!(
        !paths.iter().any(|p| p.starts_with("transfer")),
        "{paths:?}"
    );
    let duration = vars.iter().find(|v| v["path"] == "duration").unwrap();
    assert_eq!(duration["type"], "number");
    assert_eq!(duration["example"], 0);
    for var in &vars {
        assert!(var["description"].as_str().is_some_and(|d| !d.is_empty()));
    }
}

#[test]
fn unknown_event_is_a_usage_error_with_a_suggestion() {
    let run = callactions(["payload", "call_ended"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("'call_end'"), "{}", run.stderr);
    assert!(
        run.stderr.contains("call_end_not_connected"),
        "lists the events: {}",
        run.stderr
    );
}

#[test]
fn unknown_flag_is_a_usage_error() {
    assert_eq!(callactions(["render", "--nope"]).code, 2);
    assert_eq!(callactions(["render", "--format", "xml"]).code, 2);
    assert_eq!(
        callactions(["render", "--set", "novalue", "fixtures/examples"]).code,
        2
    );
}

#[test]
fn no_default_file_is_fatal_with_a_hint_to_init() {
    let dir = tempfile::tempdir().unwrap();
    let run = Test::new().current_dir(dir.path()).args(["render"]).run();
    assert_eq!(run.code, 3);
    assert!(run.stderr.contains("no callactions.yaml"), "{}", run.stderr);
    assert!(run.stderr.contains("callactions init"), "{}", run.stderr);
}

#[test]
fn default_file_is_read_when_no_path_is_given() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("callactions.yml"),
        "actions:\n  - name: a\n    event: call_start\n    method: GET\n    url: https://x.example.com/\n",
    )
    .unwrap();
    let run = Test::new()
        .current_dir(dir.path())
        .args(["render", "--format", "json"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("https://x.example.com/"));
}

#[test]
fn missing_path_is_fatal() {
    let run = callactions(["render", "fixtures/does-not-exist.yaml"]);
    assert_eq!(run.code, 3);
    assert!(
        run.stderr
            .contains("cannot read fixtures/does-not-exist.yaml: no such file or folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn payload_file_that_is_not_json_is_a_file_problem() {
    let dir = tempfile::tempdir().unwrap();
    let payload = dir.path().join("p.json");
    std::fs::write(&payload, "{not json").unwrap();
    let run = callactions(
        ["render", "fixtures/examples", "--payload"]
            .into_iter()
            .map(String::from)
            .chain([payload.display().to_string()]),
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not valid JSON"), "{}", run.stderr);
}

#[test]
fn directories_are_read_in_sorted_order_skipping_hidden_folders() {
    let dir = tempfile::tempdir().unwrap();
    let action = |name: &str| {
        format!(
            "actions:\n  - name: {name}\n    event: call_start\n    method: GET\n    url: https://x.example.com/{name}\n"
        )
    };
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    std::fs::create_dir_all(dir.path().join(".hidden")).unwrap();
    std::fs::write(dir.path().join("b.yaml"), action("b")).unwrap();
    std::fs::write(dir.path().join("a.yml"), action("a")).unwrap();
    std::fs::write(dir.path().join("sub/c.yaml"), action("c")).unwrap();
    std::fs::write(dir.path().join(".hidden/d.yaml"), action("d")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not yaml").unwrap();
    let run = Test::new()
        .current_dir(dir.path())
        .args(["render", ".", "--format", "json"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Vec<String> = serde_json::from_str::<Vec<Value>>(&run.stdout)
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["a", "b", "c"]);
}

#[test]
fn colour_is_chosen_by_flag() {
    let coloured = callactions([
        "render",
        "fixtures/render/header-values.yaml",
        "--color",
        "always",
    ]);
    assert!(coloured.stdout.contains('\u{1b}'));
    let plain = callactions([
        "render",
        "fixtures/render/header-values.yaml",
        "--color",
        "never",
    ]);
    assert!(!plain.stdout.contains('\u{1b}'));
    // Not a terminal: no colour by default.
    let auto = callactions(["render", "fixtures/render/header-values.yaml"]);
    assert!(!auto.stdout.contains('\u{1b}'));
    let no_color = Test::new()
        .env("NO_COLOR", "1")
        .args([
            "render",
            "fixtures/render/header-values.yaml",
            "--color",
            "auto",
        ])
        .run();
    assert!(!no_color.stdout.contains('\u{1b}'));
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let mut child = command()
        .args(["payload", "call_end"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the program writes, as `| head -0` would.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn the_quick_start_of_the_readme_works() {
    let run = Test::new()
        .env("CRM_TOKEN", "demo")
        .env("SUPPORT_BASIC_AUTH", "demo")
        .env("CHAT_WEBHOOK_SECRET", "demo")
        .args(["render", "fixtures/examples"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "8 actions rendered\n");
    assert_eq!(
        run.stdout.matches(" · ").count(),
        16,
        "8 actions, each with its event and place"
    );
}

/// Everything a terminal session printed until the program ended.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut session = terminal_with(args, &root(), env);
    session.exp_eof().unwrap()
}

#[test]
fn one_colour_decision_for_the_output_and_for_clap() {
    let file = "fixtures/render/header-values.yaml";
    assert!(on_a_terminal(&["render", file], &[]).contains('\u{1b}'));
    for env in [[("TERM", "dumb")], [("CLICOLOR", "0")], [("NO_COLOR", "1")]] {
        let printed = on_a_terminal(&["render", file], &env);
        assert!(!printed.contains('\u{1b}'), "{env:?}: {printed:?}");
    }
    let forced = Test::new()
        .env("CLICOLOR_FORCE", "1")
        .args(["render", file])
        .run();
    assert!(forced.stdout.contains('\u{1b}'), "{}", forced.stdout);
    // clap's own errors follow the same decision.
    assert!(on_a_terminal(&["render", "--nope"], &[]).contains('\u{1b}'));
    let plain = on_a_terminal(&["render", "--nope", "--color", "never"], &[]);
    assert!(!plain.contains('\u{1b}'), "{plain:?}");
    assert!(plain.contains("--nope"), "{plain:?}");
}

#[test]
fn rules_lists_every_rule_with_its_verdict() {
    let run = callactions(["rules", "--format", "json"]);
    assert_eq!(run.code, 0);
    let listed: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(listed.len(), callactions::rules::RULES.len());
    for (item, rule) in listed.iter().zip(callactions::rules::RULES) {
        assert_eq!(item["id"], rule.id);
        assert_eq!(item["blocks"], rule.blocks);
        assert_eq!(item["url"], rule.url());
    }
    let human = callactions(["rules"]);
    assert!(human.stdout.contains("unknown-key"), "{}", human.stdout);
    assert!(human.stdout.contains("not sent"), "{}", human.stdout);
}
