//! The machine formats of `validate`: GitHub annotations escaped as the runner requires,
//! SARIF with the structure code scanning needs, and the exit-code contract.

use serde_json::Value;

use crate::harness::{Test, callactions};

#[test]
fn github_annotations_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    // A file name with the characters a property value must escape.
    let path = dir.path().join("crm,sync:v2.yaml");
    std::fs::write(
        &path,
        "actions:\n  - name: a\n    event: call_start\n    url: http://crm.example.com/${callInfo.callsid}\n",
    )
    .unwrap();
    let run = Test::new()
        .current_dir(dir.path())
        .args(["validate", "--format", "github", "crm,sync:v2.yaml"])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    // Sorted by position: the URL's warning (column 10) before the placeholder's error.
    assert!(
        lines[0].starts_with("::warning file=crm%2Csync%3Av2.yaml,line=4,col=10,endColumn=52,"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("title=callactions [insecure-url]::"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("::error file=crm%2Csync%3Av2.yaml,line=4,col=33,endColumn=52,title=callactions [unknown-variable]::"),
        "{}",
        lines[1]
    );
    // The message and its help line are one annotation: the line break is escaped.
    assert!(
        lines[1].contains(
            "(did you mean `callInfo.callSid`?)%0Ahelp: the variables of `call_start` are"
        ),
        "{}",
        lines[1]
    );
}

#[test]
fn sarif_is_structured_for_code_scanning() {
    let run = callactions(["validate", "--format", "sarif", "fixtures/invalid"]);
    assert_eq!(run.code, 1);
    let sarif: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "callactions");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), callactions::rules::RULES.len());
    for rule in rules {
        assert!(rule["id"].is_string());
        assert!(
            rule["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        assert!(rule["help"]["text"].is_string());
        // The rule's own entry in the README (its anchor is checked by tests/lsp.rs).
        assert_eq!(
            rule["helpUri"],
            format!(
                "https://github.com/callactions/callactions#rule-{}",
                rule["id"].as_str().unwrap()
            )
        );
        assert!(matches!(
            rule["defaultConfiguration"]["level"].as_str(),
            Some("error" | "warning")
        ));
    }
    let results = run0["results"].as_array().unwrap();
    assert!(results.len() > 30, "{}", results.len());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at the rule"
        );
        assert!(matches!(
            result["level"].as_str(),
            Some("error" | "warning")
        ));
        assert!(
            result["message"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("fixtures/invalid/") && uri.ends_with(".yaml"),
            "{uri}"
        );
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(location["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn json_findings_have_stable_fields_and_are_sorted() {
    let run = callactions([
        "validate",
        "--format",
        "json",
        "fixtures/invalid/unknown-key.yaml",
        "fixtures/invalid/bare-string.yaml",
    ]);
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let keys: Vec<&String> = findings[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "severity",
            "rule",
            "message",
            "help",
            "fix"
        ]
    );
    let order: Vec<(String, u64, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert_eq!(order[0].0, "fixtures/invalid/bare-string.yaml");
}

#[test]
fn exit_codes() {
    // Warnings alone pass; --strict makes them fail.
    assert_eq!(
        callactions(["validate", "fixtures/invalid/insecure-url.yaml"]).code,
        0
    );
    assert_eq!(
        callactions(["validate", "--strict", "fixtures/invalid/insecure-url.yaml"]).code,
        1
    );
    assert_eq!(
        callactions(["validate", "fixtures/invalid/unknown-key.yaml"]).code,
        1
    );
    // --ignore drops a rule; an unknown rule id is a usage error with a suggestion.
    let ignored = callactions([
        "validate",
        "--strict",
        "--ignore",
        "insecure-url",
        "fixtures/invalid/insecure-url.yaml",
    ]);
    assert_eq!(ignored.code, 0, "{}", ignored.stdout);
    assert!(
        ignored.stdout.contains("no problems in 1 file"),
        "{}",
        ignored.stdout
    );
    let unknown = callactions([
        "validate",
        "--ignore",
        "insecure-uri",
        "fixtures/invalid/insecure-url.yaml",
    ]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `insecure-url`"),
        "{}",
        unknown.stderr
    );
    assert_eq!(callactions(["validate", "fixtures/nope"]).code, 3);
}

#[test]
fn every_file_is_checked_even_when_some_fail() {
    let run = callactions(["validate", "--format", "json", "fixtures/invalid"]);
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let files: std::collections::BTreeSet<&str> = findings
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let fixtures = std::fs::read_dir(crate::harness::root().join("fixtures/invalid"))
        .unwrap()
        .count();
    assert_eq!(files.len(), fixtures);
}
