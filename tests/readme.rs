//! The README's generated tables match the code, so the documentation cannot drift.
//! Run with `CALLACTIONS_UPDATE_README=1` to rewrite them after a change.

use callactions::event::EventSet;
use callactions::variable::VARIABLES;

use crate::harness::root;

/// Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` and fails when
/// it differed, naming the command that rewrites it.
pub fn check_generated_section(name: &str, expected: &str) {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start_marker = format!("<!-- {name}:start -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let start = readme
        .find(&start_marker)
        .unwrap_or_else(|| panic!("README has no {start_marker}"))
        + start_marker.len();
    let end = readme
        .find(&end_marker)
        .unwrap_or_else(|| panic!("README has no {end_marker}"));
    if readme[start..end] == *expected {
        return;
    }
    if std::env::var_os("CALLACTIONS_UPDATE_README").is_some() {
        let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    panic!(
        "the README's `{name}` table is stale; regenerate it with\n  CALLACTIONS_UPDATE_README=1 cargo test --test integration readme\n--- expected:\n{expected}"
    );
}

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
    check_generated_section("variables", &table);
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
    check_generated_section("rules", &table);
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
    check_generated_section("validate-example", &section);
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
    check_generated_section("render-example", &section);
}
