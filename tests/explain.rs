//! `callactions explain`: every rule has an explanation and a bad and a good example,
//! the bad one reports the rule and the good one does not; a rule marked fixable has a
//! fix on its bad example and the others have none; the README says the same.

use std::sync::Arc;

use callactions::check::{self, Policy};
use callactions::rules::{RULES, examples};
use callactions::source::Source;

use crate::harness::{callactions, check_readme_section};

/// The rules found in `text`, checked as a file would be, with CRM_TOKEN set.
fn findings(text: &str) -> Vec<callactions::diagnostic::Diagnostic> {
    let env = |name: &str| (name == "CRM_TOKEN").then(|| "t".to_owned());
    let policy = Policy::new(&env);
    let source = Arc::new(Source::new(text.trim_start_matches('\u{feff}').to_owned()));
    check::source(std::path::Path::new("example.yaml"), source, &policy).diagnostics
}

#[test]
fn every_rule_has_a_bad_and_a_good_example_that_say_so() {
    for rule in RULES {
        assert!(
            !rule.explanation.is_empty(),
            "{} has no explanation",
            rule.id
        );
        let (bad, good) =
            examples::of(rule.id).unwrap_or_else(|| panic!("{} has no examples", rule.id));
        // The not-UTF-8 and too-large cases are read from bytes; the list case stands in.
        let bad_findings = findings(bad);
        assert!(
            bad_findings.iter().any(|d| d.rule == rule.id),
            "the bad example of {} does not report it",
            rule.id
        );
        let good_findings = findings(good);
        assert!(
            good_findings.iter().all(|d| d.rule != rule.id),
            "the good example of {} reports it: {good_findings:?}",
            rule.id
        );
        let fixes = bad_findings
            .iter()
            .filter(|d| d.rule == rule.id && d.fix.is_some())
            .count();
        match rule.fixable {
            true => assert!(
                fixes > 0,
                "{} is fixable, but its bad example has no fix",
                rule.id
            ),
            false => assert_eq!(fixes, 0, "{} has fixes but is not marked fixable", rule.id),
        }
    }
}

#[test]
fn explain_prints_the_rule_with_its_examples() {
    let run = callactions(["explain", "missing-content-type", "--color", "never"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn an_unknown_rule_is_a_usage_error_with_a_suggestion() {
    let run = callactions(["explain", "missing-content-typ"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `missing-content-type`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_readme_explains_every_rule_as_explain_does() {
    let mut section = String::new();
    for rule in RULES {
        // The anchor editors and code scanning link to (`Rule::url`).
        section.push_str(&format!(
            "- <a id=\"rule-{}\"></a>**`{}`**",
            rule.id, rule.id
        ));
        if rule.fixable {
            section.push_str(" (fixable)");
        }
        section.push_str(&format!(": {}\n", rule.explanation));
    }
    check_readme_section("rule-explanations", &section);
}
