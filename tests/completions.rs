//! The committed completion scripts are what the clap definition generates, and the bash
//! one really completes. `UPDATE_GENERATED=1 cargo test` rewrites them.

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
