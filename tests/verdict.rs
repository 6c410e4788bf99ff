//! One verdict (SPEC §7): every rule's fixture gives the same findings — rule, severity,
//! line and column — through `validate`, `render`, `fire --dry-run`, `simulate` and `load`
//! (sent to a server here), and each command the exit code the README documents.

use std::path::Path;

use callactions::rules::RULES;

use crate::harness::{Run, Test, fixture_header, root};

/// A finding as every command reports it: `severity[rule]` at `line:column`.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Finding {
    severity: String,
    rule: String,
    line: usize,
    column: usize,
}

/// The findings of `validate --format json`.
fn from_json(run: &Run) -> Vec<Finding> {
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    let mut found: Vec<Finding> = list
        .iter()
        .map(|d| Finding {
            severity: d["severity"].as_str().unwrap().to_owned(),
            rule: d["rule"].as_str().unwrap().to_owned(),
            line: d["line"].as_u64().unwrap() as usize,
            column: d["column"].as_u64().unwrap() as usize,
        })
        .collect();
    found.sort();
    found
}

/// The findings a command printed for people: `error[rule]: …` then ` --> path:line:col`.
fn from_human(text: &str, path: &str) -> Vec<Finding> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((label, _)) = line.split_once("]: ") else {
            continue;
        };
        let Some((severity, rule)) = label.split_once('[') else {
            continue;
        };
        if !matches!(severity, "error" | "warning") {
            continue;
        }
        let place = lines
            .get(i + 1)
            .and_then(|l| l.trim_start().strip_prefix("--> "))
            .and_then(|l| l.strip_prefix(path))
            .and_then(|l| l.strip_prefix(':'))
            .unwrap_or_else(|| panic!("no place after {line:?}"));
        let (line_number, column) = place.split_once(':').unwrap();
        found.push(Finding {
            severity: severity.to_owned(),
            rule: rule.to_owned(),
            line: line_number.parse().unwrap(),
            column: column.parse().unwrap(),
        });
    }
    found.sort();
    found
}

fn run(command: &[&str], path: &Path) -> Run {
    let relative = path.strip_prefix(root()).unwrap();
    Test::new()
        .args(command)
        .args(["--color", "never"])
        .arg_path(relative)
        .fixture(&fixture_header(path))
        .run()
}

/// The warnings about what a value will be when the request is built — the environment's
/// or the payload's, not the file's: `validate` warns, and rendering fails (exit 1) when
/// the value is as the warning says (unset, missing, a summary with a line break).
const ABOUT_A_VALUE: [&str; 3] = ["env-missing", "unknown-base-url", "header-injection"];

#[test]
fn every_rule_gives_one_verdict_in_every_command() {
    let pool = crate::server::Pool::start(2, crate::server::Answer::Ok);
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("fixtures/invalid")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(rule) = RULES.iter().find(|r| name.starts_with(r.id)) else {
            continue;
        };
        let relative = path.strip_prefix(root()).unwrap().display().to_string();
        let validate = run(&["validate", "--format", "json"], &path);
        let expected = from_json(&validate);
        let has_errors = expected.iter().any(|f| f.severity == "error");
        assert_eq!(validate.code, i32::from(has_errors), "validate {name}");
        for command in [
            &["render"][..],
            &["fire", "--dry-run", "--all"],
            &["simulate", "--scenario", "transferred"],
            &[
                "load",
                "--calls",
                "1",
                "--rate",
                "1/s",
                "--mix",
                "transferred=1",
                "--target",
                &pool.base,
            ],
        ] {
            let result = run(command, &path);
            let what = format!("{} {name}", command.join(" "));
            assert_eq!(
                from_human(&result.stderr, &relative),
                expected,
                "{what}:\n{}",
                result.stderr
            );
            assert!(!result.stderr.contains("panicked"), "{what}");
            // An error fails every command; so does rendering without a value it needs.
            // Simulate and load render only the events of their scenario.
            let one_call = ["simulate", "load"].contains(&command[0]);
            let renders_it = !one_call || fires_in_a_transferred_call(&path);
            let about_a_value = ABOUT_A_VALUE.contains(&rule.id) && renders_it;
            let code = i32::from(has_errors || about_a_value);
            assert_eq!(result.code, code, "{what}: {}", result.stderr);
        }
        checked += 1;
    }
    assert!(
        checked >= RULES.len(),
        "{checked} fixtures for {} rules",
        RULES.len()
    );
}

/// Whether an action of the file fires in a transferred call, so `simulate` renders it.
fn fires_in_a_transferred_call(path: &Path) -> bool {
    let env = |_: &str| None;
    let policy = callactions::check::Policy::new(&env);
    let checked = callactions::check::path(path, &policy).unwrap();
    let lifecycle = callactions::event::Scenario::Transferred.lifecycle();
    checked
        .file
        .actions
        .iter()
        .any(|a| lifecycle.contains(&a.event))
}

#[test]
fn the_reader_of_human_findings_reads_them() {
    let text = "warning[insecure-url]: plain\n --> a.yaml:6:10\n  |\nerror[unknown-key]: x\n  --> a.yaml:12:5\n";
    assert_eq!(
        from_human(text, "a.yaml"),
        [
            Finding {
                severity: "error".to_owned(),
                rule: "unknown-key".to_owned(),
                line: 12,
                column: 5
            },
            Finding {
                severity: "warning".to_owned(),
                rule: "insecure-url".to_owned(),
                line: 6,
                column: 10
            },
        ]
    );
}

#[test]
fn selecting_an_action_that_cannot_be_built_says_so_in_every_command() {
    let path = root().join("fixtures/invalid/invalid-url.yaml");
    for command in [
        &["render", "--action", "ftp"][..],
        &["fire", "--action", "ftp"],
        &["fire", "--dry-run", "--action", "ftp"],
        &["simulate", "--scenario", "connected", "--action", "ftp"],
        &["load", "--calls", "1", "--rate", "1/s", "--action", "ftp"],
    ] {
        let result = run(command, &path);
        let what = command.join(" ");
        // Its findings, then why nothing is done with it: exit 1, the files' fault.
        assert!(
            result.stderr.contains("error[invalid-url]"),
            "{what}: {}",
            result.stderr
        );
        assert!(
            result.stderr.contains(
                "error: action `ftp` cannot be built: its errors keep the request from being made"
            ),
            "{what}: {}",
            result.stderr
        );
        assert_eq!(result.code, 1, "{what}: {}", result.stderr);
        // A near name still gets its did-you-mean, among the actions that cannot be built.
        let typo = run(
            &[&[command[0]][..], &command[1..command.len() - 1], &["ftq"]].concat(),
            &path,
        );
        assert!(
            typo.stderr
                .contains("no action is named `ftq` (did you mean `ftp`?)"),
            "{what}: {}",
            typo.stderr
        );
        assert_eq!(typo.code, 2, "{what}");
    }
}
