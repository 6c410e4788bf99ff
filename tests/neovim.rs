//! The language server in a real editor: headless Neovim (`tests/nvim/check.lua`) opens a
//! fixture, and its diagnostics, a completion inside `${` and a hover are checked. `.ci/run`
//! installs Neovim; where it cannot be installed this test says so loudly and skips.

use serde_json::Value;

use crate::harness::{binary, root};

#[test]
fn neovim_gets_diagnostics_completion_and_hover() {
    if std::process::Command::new("nvim")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "\n*** SKIPPED neovim_gets_diagnostics_completion_and_hover: nvim is not installed \
             (.ci/run installs it with apt-get install -y neovim) ***\n"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fixture = dir.path().join("actions.yaml");
    let text = "actions:\n  - name: crm-note\n    event: call_end_connected\n    url: https://crm.example.com/notes/${callInfo.callsid}\n    headers:\n      Content-Type: application/json\n    body: '{\"summary\": \"${analysis.results.summary}\", \"sid\": \"${callInfo.\"}'\n";
    std::fs::write(&fixture, text).unwrap();
    let result = dir.path().join("result.json");
    let line6 = text.lines().nth(6).unwrap();
    let completion_at = line6.find("${callInfo.").unwrap() + "${callInfo.".len();
    let hover_at = line6.find("results.summary").unwrap();
    let run = std::process::Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u", "NONE"])
        .arg("-c")
        .arg(format!(
            "luafile {}",
            root().join("tests/nvim/check.lua").display()
        ))
        .env("CALLACTIONS_BIN", binary())
        .env("FIXTURE", &fixture)
        .env("RESULT", &result)
        .env(
            "COMPLETION_AT",
            format!("{{\"line\": 6, \"character\": {completion_at}}}"),
        )
        .env(
            "HOVER_AT",
            format!("{{\"line\": 6, \"character\": {hover_at}}}"),
        )
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path())
        .current_dir(dir.path())
        .output()
        .expect("nvim runs");
    let text = std::fs::read_to_string(&result).unwrap_or_else(|_| {
        panic!(
            "Neovim wrote no result:\n{}\n{}",
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        )
    });
    let got: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(got["errors"], serde_json::json!([]), "{got}");
    let codes: Vec<&str> = got["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"unknown-variable"), "{got}");
    let completion: Vec<&str> = got["completion"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(completion.contains(&"callInfo.callSid"), "{got}");
    assert!(
        got["hover"].as_str().unwrap().contains("analysis.results"),
        "{got}"
    );
}
