//! The pre-commit hook picks action files, and leaves other YAML (GitHub workflows above
//! all) alone.

use crate::harness::root;

fn hook_field(name: &str) -> regex::Regex {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: serde_yaml::Value = serde_yaml::from_str(&hooks).unwrap();
    let pattern = hooks[0][name].as_str().unwrap();
    // pre-commit matches with Python's `re.search`.
    regex::Regex::new(pattern).unwrap()
}

#[test]
fn the_hook_matches_action_files_and_not_workflows() {
    let (files, exclude) = (hook_field("files"), hook_field("exclude"));
    let picked = |path: &str| files.is_match(path) && !exclude.is_match(path);
    for path in [
        "callactions.yaml",
        "callactions.yml",
        "agents/sales/callactions.yaml",
        "actions/crm.yaml",
        "callactions/helpdesk.yml",
        "agents/support/actions/ticket.yaml",
    ] {
        assert!(picked(path), "{path} is not picked");
    }
    for path in [
        ".github/workflows/ci.yml",
        ".github/actions/setup/action.yml",
        "docker-compose.yaml",
        ".pre-commit-config.yaml",
        "k8s/deployment.yaml",
        "transactions/x.yaml",
    ] {
        assert!(!picked(path), "{path} is picked");
    }
}
