//! The committed completion scripts are what the clap definition generates, and the bash
//! one really completes; so are the man pages. The shell completes the project's action
//! names, rule ids and environments. `UPDATE_GENERATED=1 cargo test` rewrites what is
//! generated.

use clap_complete::Shell;

use callactions::commands::completions::script;

use crate::harness::{check_generated, root};

const SCRIPTS: [(Shell, &str); 5] = [
    (Shell::Bash, "callactions.bash"),
    (Shell::Zsh, "_callactions"),
    (Shell::Fish, "callactions.fish"),
    (Shell::PowerShell, "_callactions.ps1"),
    (Shell::Elvish, "callactions.elv"),
];

#[test]
fn committed_scripts_are_current() {
    for (shell, file) in SCRIPTS {
        check_generated(&root().join("completions").join(file), &script(shell));
    }
}

/// Sources the committed bash script and asks it to complete `words`, the last being the
/// word under the cursor.
fn complete_in_bash(words: &[&str]) -> Vec<String> {
    let script = root().join("completions/callactions.bash");
    let words_list = words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let program = format!(
        "source '{}'\nCOMP_WORDS=({words_list})\nCOMP_CWORD={}\n_callactions callactions '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let output = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_subcommands_and_event_names() {
    assert_eq!(complete_in_bash(&["callactions", "pay"]), ["payload"]);
    assert_eq!(
        complete_in_bash(&["callactions", "payload", "call_end_n"]),
        ["call_end_not_connected"]
    );
    let events = complete_in_bash(&["callactions", "render", "--event", "transfer"]);
    assert_eq!(events, ["transfer_start", "transfer_end"]);
    let scenarios = complete_in_bash(&["callactions", "simulate", "--scenario", ""]);
    assert_eq!(scenarios, ["connected", "not-connected", "transferred"]);
}

/// What `COMPLETE=fish callactions -- WORDS…` offers for the last word, in `dir`.
fn complete_dynamically(dir: &std::path::Path, words: &[&str]) -> Vec<String> {
    let run = crate::harness::Test::new()
        .current_dir(dir)
        .env("COMPLETE", "fish")
        .args([&["--", "callactions"], words].concat())
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    run.stdout
        .lines()
        .map(|line| line.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn the_shell_completes_action_names_rules_and_environments_from_the_project() {
    let examples = root().join("fixtures/examples");
    assert_eq!(
        complete_dynamically(&examples, &["fire", "--action", "crm-"]),
        ["crm-log-call", "crm-book-appointment", "crm-call-started"]
    );
    assert_eq!(
        complete_dynamically(&examples, &["validate", "--ignore", "insecure"]),
        ["insecure-url"]
    );
    let project = tempfile::tempdir().unwrap();
    std::fs::write(
        project.path().join("callactions.toml"),
        "[environments.staging]\n[environments.production]\n",
    )
    .unwrap();
    assert_eq!(
        complete_dynamically(project.path(), &["render", "--environment", "st"]),
        ["staging"]
    );
}

/// The man pages: one for the command and one per subcommand, as `man callactions-render`.
fn man_pages() -> Vec<(String, Vec<u8>)> {
    use clap::CommandFactory;
    let mut command = callactions::cli::Cli::command();
    command.build();
    let mut pages = Vec::new();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .expect("renders");
    pages.push(("callactions.1".to_owned(), page));
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("callactions-{}", sub.get_name());
        let mut page = Vec::new();
        clap_mangen::Man::new(sub.clone().name(name.clone().leak() as &str))
            .render(&mut page)
            .expect("renders");
        pages.push((format!("{name}.1"), page));
    }
    pages
}

#[test]
fn committed_man_pages_are_current() {
    let dir = root().join("man");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(&dir).expect("the repository is writable");
    }
    let pages = man_pages();
    for (name, page) in &pages {
        check_generated(&dir.join(name), page);
    }
    // No page is left over from a command that is gone.
    let committed = std::fs::read_dir(&dir).expect("man/ exists").count();
    assert_eq!(committed, pages.len(), "man/ holds a page no command has");
}
