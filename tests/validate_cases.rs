//! `fixtures/valid/*.yaml` (and the examples) validate with no finding; each
//! `fixtures/invalid/<rule-id>*.yaml` is validated and its human and JSON outputs are
//! snapshotted. Leading `# args:` comments add command-line arguments.

use std::path::Path;

use callactions::rules::RULES;

use crate::harness::{Test, fixture_header, root};

fn validate(path: &Path, format: &str) -> crate::harness::Run {
    let relative = path.strip_prefix(root()).unwrap();
    Test::new()
        .args(["validate", "--color", "never", "--format", format])
        .args([relative])
        .fixture(&fixture_header(path))
        .run()
}

#[test]
fn invalid_cases() {
    insta::glob!("../fixtures/invalid", "*.yaml", |path| {
        let human = validate(path, "human");
        let json = validate(path, "json");
        assert_eq!(human.code, json.code);
        assert!(!human.stderr.contains("panicked"), "{}", human.stderr);
        insta::assert_snapshot!(format!(
            "exit code: {}\n--- human\n{}--- json\n{}",
            human.code, human.stdout, json.stdout
        ));
    });
}

#[test]
fn valid_files_and_examples_have_no_finding() {
    let run = Test::new()
        .env("CRM_TOKEN", "t")
        .env("SUPPORT_BASIC_AUTH", "t")
        .env("CHAT_WEBHOOK_SECRET", "t")
        .args([
            "validate",
            "--strict",
            "--format",
            "json",
            "fixtures/valid",
            "fixtures/examples",
        ])
        .run();
    assert_eq!(run.stdout, "[]\n", "{}", run.stderr);
    assert_eq!(run.code, 0);
}

#[test]
fn every_rule_has_a_fixture_and_every_fixture_a_rule() {
    let fixtures: Vec<String> = std::fs::read_dir(root().join("fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for rule in RULES {
        assert!(
            fixtures.iter().any(|f| f.starts_with(rule.id)),
            "rule `{}` has no fixtures/invalid/{}*.yaml",
            rule.id,
            rule.id
        );
    }
    for fixture in &fixtures {
        assert!(
            RULES.iter().any(|r| fixture.starts_with(r.id)),
            "fixtures/invalid/{fixture} is named after no rule"
        );
    }
}

#[test]
fn each_invalid_fixture_reports_its_rule() {
    for rule in RULES {
        let mut reported = false;
        for entry in std::fs::read_dir(root().join("fixtures/invalid")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with(rule.id) {
                let run = validate(&path, "json");
                reported |= run.stdout.contains(&format!("\"rule\": \"{}\"", rule.id));
            }
        }
        assert!(reported, "no fixture of `{}` reports it", rule.id);
    }
}
