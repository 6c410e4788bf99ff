//! The project file, env files, environments, `--target`, standard input and
//! `callactions config`, through the real binary in a temporary project folder.

use std::path::Path;

use crate::harness::{Run, Test};
use crate::server::Recorder;

/// A project folder with these files.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    Test::new().current_dir(dir).args(args).run()
}

/// The rendered requests of `render --format json`.
fn rendered(run: &Run) -> Vec<serde_json::Value> {
    serde_json::from_str(&run.stdout).unwrap_or_else(|_| panic!("{}", run.transcript()))
}

const TOKEN_ACTION: &str = "actions:
  - name: hook
    event: call_end
    url: https://crm.example.com/hook
    headers:
      X-Token: ${env.TOKEN}
";

fn token(run: &Run) -> String {
    rendered(run)[0]["headers"]["X-Token"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_dotenv_file_gives_env_values_and_later_sources_win() {
    let dir = project(&[
        ("callactions.yaml", TOKEN_ACTION),
        (".env", "TOKEN=from-dotenv\n"),
        ("other.env", "TOKEN=from-env-file\n"),
    ]);
    let args = ["render", "--format", "json", "--show-secrets"];
    assert_eq!(token(&run_in(dir.path(), &args)), "from-dotenv");
    let with_file = [&args[..], &["--env-file", "other.env"]].concat();
    assert_eq!(token(&run_in(dir.path(), &with_file)), "from-env-file");
    // The real environment wins over every file.
    let real = Test::new()
        .current_dir(dir.path())
        .env("TOKEN", "from-environment")
        .args(with_file)
        .run();
    assert_eq!(token(&real), "from-environment");
}

#[test]
fn values_from_env_files_are_secrets() {
    let dir = project(&[
        ("callactions.yaml", TOKEN_ACTION),
        (".env", "TOKEN=s3cr3t-value\n"),
    ]);
    let run = run_in(dir.path(), &["render"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!run.stdout.contains("s3cr3t-value"), "{}", run.stdout);
    assert!(run.stdout.contains("X-Token: ****"), "{}", run.stdout);
    let config = run_in(dir.path(), &["config"]);
    assert!(
        config.stdout.contains(".env (sets TOKEN)"),
        "{}",
        config.stdout
    );
    assert!(!config.stdout.contains("s3cr3t"), "{}", config.stdout);
}

#[test]
fn a_bad_env_file_is_named_with_its_line() {
    let dir = project(&[
        ("callactions.yaml", TOKEN_ACTION),
        ("bad.env", "GOOD=1\nnot a line at all\n"),
    ]);
    let run = run_in(dir.path(), &["render", "--env-file", "bad.env"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.contains("bad.env:2:"), "{}", run.stderr);
}

const BASE_ACTION: &str = "actions:
  - name: sync
    event: call_end
    url: ${context.apiBase}/calls/${callInfo.callSid}?source=ai
";

const ENVIRONMENTS: &str = r#"paths = ["actions"]

[set]
"context.apiBase" = "https://api.example.com"

[environments.staging]
set = { "context.apiBase" = "https://staging.example.com" }
"#;

#[test]
fn an_environment_chosen_by_name_gives_its_values() {
    let dir = project(&[
        ("callactions.toml", ENVIRONMENTS),
        ("actions/sync.yaml", BASE_ACTION),
    ]);
    let url = |run: &Run| rendered(run)[0]["url"].as_str().unwrap().to_owned();
    let default = run_in(dir.path(), &["render", "--format", "json"]);
    assert!(url(&default).starts_with("https://api.example.com/calls/"));
    let staging = run_in(dir.path(), &["render", "--format", "json", "-E", "staging"]);
    assert!(url(&staging).starts_with("https://staging.example.com/calls/"));
    // The command line wins over both.
    let flag = run_in(
        dir.path(),
        &[
            "render",
            "--format",
            "json",
            "-E",
            "staging",
            "--set",
            "context.apiBase=https://cli.example.com",
        ],
    );
    assert!(url(&flag).starts_with("https://cli.example.com/calls/"));
    // Run from a subfolder, the project file of the parent is found.
    let nested = run_in(&dir.path().join("actions"), &["render", "--format", "json"]);
    assert!(
        url(&nested).starts_with("https://api.example.com/"),
        "{}",
        nested.transcript()
    );
}

#[test]
fn an_unknown_environment_is_a_usage_error_with_a_suggestion() {
    let dir = project(&[
        ("callactions.toml", ENVIRONMENTS),
        ("actions/sync.yaml", BASE_ACTION),
    ]);
    let run = run_in(dir.path(), &["render", "--environment", "stagign"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("did you mean `staging`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("its environments are `staging`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_project_file_is_reported_at_each_place() {
    let dir = project(&[
        (
            "callactions.toml",
            "paths = [\"actions\"]\nstrcit = true\npayload = 3\n\n[rules]\nbare-strng = \"off\"\n",
        ),
        ("actions/sync.yaml", BASE_ACTION),
    ]);
    let run = run_in(dir.path(), &["validate"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_toml_syntax_error_is_at_its_place() {
    let dir = project(&[("callactions.toml", "paths = [\"actions\"\nstrict = true\n")]);
    let run = run_in(dir.path(), &["validate"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.contains("invalid TOML"), "{}", run.stderr);
    assert!(
        run.stderr.contains("--> callactions.toml:"),
        "{}",
        run.stderr
    );
}

/// A file with a warning (`bare-string`) and an insecure URL to an outside host.
const FINDINGS: &str = r#"actions:
  - name: note
    event: call_end
    url: http://crm.example.com/notes
    headers:
      Content-Type: application/json
    body: '{"sid": ${callInfo.callSid}}'
"#;

#[test]
fn rule_levels_and_overrides_change_every_commands_verdict() {
    let rules = r#"[rules]
bare-string = "off"
insecure-url = "error"

[[overrides]]
files = ["legacy/**"]
rules = { insecure-url = "off" }
"#;
    let dir = project(&[
        ("callactions.toml", rules),
        ("current/a.yaml", FINDINGS),
        ("legacy/b.yaml", FINDINGS),
    ]);
    let server = Recorder::start(200, &[], "ok");
    let validate = run_in(
        dir.path(),
        &["validate", "--format", "json", "current", "legacy"],
    );
    let findings: Vec<serde_json::Value> = serde_json::from_str(&validate.stdout).unwrap();
    let of = |path: &str| -> Vec<(String, String)> {
        findings
            .iter()
            .filter(|f| f["path"].as_str().unwrap().starts_with(path))
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_owned(),
                    f["severity"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        of("current"),
        [("insecure-url".to_owned(), "error".to_owned())]
    );
    assert_eq!(of("legacy"), []);
    assert_eq!(validate.code, 1);
    // render and fire judge alike: an error in `current`, nothing in `legacy`.
    let render = run_in(dir.path(), &["render", "current"]);
    assert_eq!(render.code, 1, "{}", render.transcript());
    assert!(
        render.stderr.contains("error[insecure-url]"),
        "{}",
        render.stderr
    );
    assert!(!render.stderr.contains("bare-string"), "{}", render.stderr);
    let render = run_in(dir.path(), &["render", "legacy"]);
    assert_eq!(render.code, 0, "{}", render.transcript());
    let fire = |folder: &str| {
        run_in(
            dir.path(),
            &[
                "fire",
                folder,
                "--all",
                "--target",
                &server.base,
                "--format",
                "json",
            ],
        )
    };
    let current = fire("current");
    assert_eq!(current.code, 1, "{}", current.transcript());
    let legacy = fire("legacy");
    assert_eq!(legacy.code, 0, "{}", legacy.transcript());
}

#[test]
fn ignored_paths_are_skipped_when_a_folder_is_read() {
    let dir = project(&[
        (
            "callactions.toml",
            "paths = [\"actions\"]\nignore = [\"actions/drafts/**\"]\n",
        ),
        ("actions/good.yaml", BASE_ACTION),
        ("actions/drafts/broken.yaml", "actions: [\n"),
    ]);
    let run = run_in(dir.path(), &["validate"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains("no problems in 1 file"),
        "{}",
        run.stdout
    );
    // Named, a file is read whatever the project file says.
    let named = run_in(dir.path(), &["validate", "actions/drafts/broken.yaml"]);
    assert_eq!(named.code, 1, "{}", named.transcript());
}

#[test]
fn target_sends_every_request_to_one_origin_with_its_path_and_query() {
    let server = Recorder::start(200, &[], "ok");
    let dir = project(&[("callactions.yaml", BASE_ACTION)]);
    let run = run_in(
        dir.path(),
        &[
            "fire",
            "--all",
            "--set",
            "context.apiBase=https://crm.example.com/v2",
            "--target",
            &server.base,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let sid = "CA9f1c2e7b4d5a41c8a0e3b6d2f7c9a1e4";
    assert_eq!(requests[0].url, format!("/v2/calls/{sid}?source=ai"));
    // The report shows where it was meant to go and where it went.
    let line = format!(
        "POST https://crm.example.com/v2/calls/{sid}?source=ai → {}/v2/calls/{sid}?source=ai",
        server.base
    );
    assert!(run.stdout.contains(&line), "{}", run.stdout);
    let json = run_in(
        dir.path(),
        &[
            "fire",
            "--all",
            "--set",
            "context.apiBase=https://crm.example.com",
            "--target",
            &server.base,
            "--format",
            "json",
        ],
    );
    let reported: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        reported[0]["request"]["sent_to"],
        format!("{}/calls/{sid}?source=ai", server.base)
    );
}

#[test]
fn target_takes_an_origin_only() {
    let dir = project(&[("callactions.yaml", BASE_ACTION)]);
    let run = run_in(
        dir.path(),
        &["fire", "--all", "--target", "http://127.0.0.1:9/x"],
    );
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("--target takes an origin"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_dash_reads_an_action_file_from_standard_input() {
    use std::io::Write;
    let mut child = crate::harness::command()
        .args(["validate", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"actions:\n  - name: x\n    event: call_ended\n    url: https://a.example/x\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("--> <stdin>:3:12"), "{stdout}");

    let mut child = crate::harness::command()
        .args(["render", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"actions:\n  - name: x\n    event: call_end\n    url: https://a.example/${callInfo.callSid}\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let rendered: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(rendered[0]["name"], "x");
}

#[test]
fn config_says_where_each_setting_comes_from() {
    let dir = project(&[
        ("callactions.toml", ENVIRONMENTS),
        ("actions/sync.yaml", BASE_ACTION),
        (".env", "TOKEN=x\n"),
    ]);
    let run = run_in(
        dir.path(),
        &["config", "-E", "staging", "--set", "outcome=busy"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn init_judges_the_new_action_by_the_project_file_too() {
    let dir = project(&[("callactions.toml", "[rules]\ninsecure-url = \"error\"\n")]);
    let args = [
        "init",
        "--event",
        "call_end",
        "--url",
        "http://crm.example.com/x",
        "--yes",
    ];
    let run = run_in(dir.path(), &args);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.contains("error[insecure-url]"), "{}", run.stderr);
    assert!(!dir.path().join("callactions.yaml").exists());
    std::fs::remove_file(dir.path().join("callactions.toml")).unwrap();
    let run = run_in(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains("warning[insecure-url]"),
        "{}",
        run.stderr
    );
}
