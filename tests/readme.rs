//! The README's generated sections match the code, so the documentation cannot drift.
//! `UPDATE_GENERATED=1 cargo test` rewrites them after a change.

use callactions::event::EventSet;
use callactions::variable::VARIABLES;

use crate::harness::{check_readme_section, root};

#[test]
fn variables_table_matches_the_event_table() {
    let mut table = String::from("| variable | type | events | meaning |\n|---|---|---|---|\n");
    for variable in VARIABLES {
        let events = if variable.events == EventSet::ALL {
            "all".to_owned()
        } else {
            variable
                .events
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            variable.display_path(),
            variable.type_name().replace('|', "\\|"),
            events,
            variable.description
        ));
    }
    check_readme_section("variables", &table);
}

#[test]
fn rules_table_lists_every_rule() {
    let mut table = String::from("| rule | severity | what it catches |\n|---|---|---|\n");
    for rule in callactions::rules::RULES {
        table.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.id,
            rule.severity.name(),
            rule.summary.replace('|', "\\|")
        ));
    }
    check_readme_section("rules", &table);
}

#[test]
fn validate_example_is_real_output() {
    let file = "fixtures/readme/broken.yaml";
    let yaml = std::fs::read_to_string(root().join(file)).unwrap();
    let run = crate::harness::callactions(["validate", "--color", "never", file]);
    assert_eq!(run.code, 1);
    let section = format!(
        "```yaml\n# {file}\n{yaml}```\n\n```console\n$ callactions validate {file}\n{}```\n",
        run.stdout
    );
    check_readme_section("validate-example", &section);
}

#[test]
fn render_example_is_real_output() {
    let run = crate::harness::Test::new()
        .env("CRM_TOKEN", "demo")
        .args([
            "render",
            "--color",
            "never",
            "fixtures/examples",
            "--action",
            "crm-log-call",
        ])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let section = format!(
        "```console\n$ callactions render fixtures/examples --action crm-log-call\n{}```\n",
        run.stdout
    );
    check_readme_section("render-example", &section);
}

#[test]
fn verdict_groups_follow_the_rules() {
    use callactions::diagnostic::Severity;
    let list = |pick: &dyn Fn(&callactions::rules::Rule) -> bool| -> String {
        let ids: Vec<String> = callactions::rules::RULES
            .iter()
            .filter(|r| pick(r))
            .map(|r| format!("`{}`", r.id))
            .collect();
        ids.join(", ")
    };
    let section = format!(
        "| group | rules |\n|---|---|\n| errors that keep the request from being built: neither rendered nor sent | {} |\n| errors about meaning: rendered and sent as the platform would, and the run fails | {} |\n| warnings: shown everywhere; errors under `--strict` | {} |\n",
        list(&|r| r.blocks),
        list(&|r| !r.blocks && r.severity == Severity::Error),
        list(&|r| r.severity == Severity::Warning),
    );
    check_readme_section("verdict", &section);
}

#[test]
fn events_table_follows_the_event_table() {
    let mut table = String::from("| event | fires when |\n|---|---|\n");
    for event in callactions::event::Event::ALL {
        table.push_str(&format!("| `{event}` | {} |\n", event.fires_when()));
    }
    table.push('\n');
    let lifecycles: Vec<String> = callactions::event::Scenario::ALL
        .iter()
        .map(|s| format!("{} `{}`", s.name(), s.lifecycle_text()))
        .collect();
    table.push_str(&format!(
        "Lifecycles, in firing order: {}.\n",
        lifecycles.join("; ")
    ));
    check_readme_section("events", &table);
}

#[test]
fn not_connected_outcomes_follow_the_variable_table() {
    let outcomes: Vec<String> = callactions::variable::not_connected_outcomes()
        .iter()
        .map(|o| format!("`{o}`"))
        .collect();
    let line = format!(
        "The outcomes of a call that never connected are {}; any other outcome means the call connected.\n",
        callactions::suggestion::join_and(&outcomes)
    );
    check_readme_section("not-connected-outcomes", &line);
}

#[test]
fn the_readme_names_the_rust_version_cargo_toml_declares() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let declared = manifest
        .lines()
        .find_map(|line| line.strip_prefix("rust-version = "))
        .expect("Cargo.toml declares a rust-version");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    // Line breaks of the prose do not count.
    let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        readme.contains(&format!("`rust-version = {declared}`")),
        "the README does not say rust-version = {declared}"
    );
    let version = declared.trim_matches('"');
    assert!(
        readme.contains(&format!("CI checks {version} as well")),
        "the README's CI line does not name {version}"
    );
}
