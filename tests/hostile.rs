//! Hostile and broken files are refused with a clear message and exit 1: never a panic,
//! never a hang, never unbounded memory.

use std::path::Path;

use crate::harness::{Run, callactions};

fn render(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> Run {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    callactions([
        "render".as_ref(),
        "--color".as_ref(),
        "never".as_ref(),
        path.as_os_str(),
    ])
}

fn assert_refused(run: &Run, rule: &str, fragment: &str) {
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("error[{rule}]")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(fragment), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn alias_bomb() {
    let dir = tempfile::tempdir().unwrap();
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        let refs = vec![format!("*{previous}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    bomb.push_str("actions: *i\n");
    let run = render(dir.path(), "bomb.yaml", bomb);
    assert_refused(&run, "yaml-syntax", "aliases expand to more than");
}

#[test]
fn small_aliases_are_fine() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "common: &json\n  Content-Type: application/json\nactions:\n  - name: a\n    event: call_end\n    url: https://x.example.com/\n    headers: *json\n";
    let run = render(dir.path(), "anchors.yaml", yaml);
    // `common` is not a key of the format; the alias itself is read.
    assert!(
        run.stderr.contains("unknown key `common`"),
        "{}",
        run.stderr
    );
    let yaml = "actions:\n  - name: a\n    event: call_end\n    url: https://x.example.com/\n    headers: &h\n      Content-Type: application/json\n  - name: b\n    event: call_end\n    url: https://x.example.com/\n    headers: *h\n";
    let run = render(dir.path(), "anchors2.yaml", yaml);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.matches("Content-Type: application/json").count(),
        2
    );
}

#[test]
fn deep_nesting() {
    let dir = tempfile::tempdir().unwrap();
    let flow = format!("actions: {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let run = render(dir.path(), "flow.yaml", flow);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[yaml-syntax]"), "{}", run.stderr);
    let block = format!("actions:\n  {}x\n", "- ".repeat(100_000));
    let run = render(dir.path(), "block.yaml", block);
    assert_refused(&run, "yaml-syntax", "nesting deeper than 64 levels");
    let mappings = format!(
        "actions: {}x{}",
        "{a: ".repeat(100_000),
        "}".repeat(100_000)
    );
    let run = render(dir.path(), "map.yaml", mappings);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[yaml-syntax]"), "{}", run.stderr);
}

#[test]
fn huge_file() {
    let dir = tempfile::tempdir().unwrap();
    let line = "# padding padding padding padding padding padding padding padding\n";
    let run = render(
        dir.path(),
        "huge.yaml",
        line.repeat(50 * 1024 * 1024 / line.len()),
    );
    assert_refused(
        &run,
        "invalid-file",
        "the file is too large (50.0 MiB; the limit is 4 MiB)",
    );
}

#[test]
fn not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let run = render(
        dir.path(),
        "latin1.yaml",
        b"actions:\n  - name: caf\xe9\n".as_slice(),
    );
    assert_refused(&run, "invalid-file", "not UTF-8");
    assert!(run.stderr.contains("latin1.yaml:2:14"), "{}", run.stderr);
}

#[test]
fn empty_and_comments_only() {
    let dir = tempfile::tempdir().unwrap();
    assert_refused(
        &render(dir.path(), "empty.yaml", ""),
        "invalid-file",
        "no YAML content",
    );
    assert_refused(
        &render(dir.path(), "comments.yaml", "# nothing\n# here\n"),
        "invalid-file",
        "no YAML content",
    );
}

#[test]
fn documents_that_are_not_mappings() {
    let dir = tempfile::tempdir().unwrap();
    assert_refused(
        &render(dir.path(), "list.yaml", "- name: a\n"),
        "invalid-file",
        "but it is a list",
    );
    assert_refused(
        &render(dir.path(), "string.yaml", "just text\n"),
        "invalid-file",
        "but it is a string",
    );
    assert_refused(
        &render(dir.path(), "number.yaml", "42\n"),
        "invalid-file",
        "but it is a number",
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let run = render(
        dir.path(),
        "bom.yaml",
        "\u{feff}actions:\n  - name: a\n    event: call_start\n    method: GET\n    url: https://x.example.com/${callInfo.callSid}\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("bom.yaml:2"), "{}", run.stdout);
}

#[test]
fn tabs_for_indentation() {
    let dir = tempfile::tempdir().unwrap();
    let run = render(dir.path(), "tabs.yaml", "actions:\n\t- name: a\n");
    assert_refused(&run, "yaml-syntax", "replace the tabs");
    assert!(run.stderr.contains("tabs.yaml:2:1"), "{}", run.stderr);
}

#[test]
fn two_documents() {
    let dir = tempfile::tempdir().unwrap();
    let run = render(dir.path(), "two.yaml", "actions: []\n---\nactions: []\n");
    assert_refused(&run, "yaml-syntax", "a second YAML document");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Whatever the text, reading and checking it ends with diagnostics, not a panic.
    #[test]
    fn any_text_is_read_without_panicking(text in "(actions:|  - name: a|\n|    url: |    event: call_end|    body: |\\$\\{|\\}|[ -~é\t\r'\"|>#:\\[\\]{}&*!-]){0,60}") {
        let source = std::sync::Arc::new(callactions::source::Source::new(text));
        let env = |_: &str| None;
        let policy = callactions::check::Policy::new(&env);
        let checked = callactions::check::source(std::path::Path::new("t.yaml"), source, &policy);
        for action in &checked.file.actions {
            let payload = callactions::payload::sample(action.event);
            let options = callactions::request::Options { env: &env };
            let _ = callactions::request::render(action, &payload, &options);
        }
    }
}

#[test]
fn a_tab_is_pointed_at_where_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    // YAML's scanner stops at the end of line 2; the tab is at the start of line 3.
    let run = render(
        dir.path(),
        "tab.yaml",
        "actions:\n  - name: a\n\t  event: call_end\n",
    );
    assert_refused(&run, "yaml-syntax", "replace the tabs");
    assert!(run.stderr.contains("tab.yaml:3:1"), "{}", run.stderr);
}

#[test]
fn each_yaml_error_gets_the_help_that_fits_it() {
    let dir = tempfile::tempdir().unwrap();
    for (yaml, place, help) in [
        (
            "actions:\n  - name: a\n    url: https://x.example.com/a: b\n",
            "3:33",
            "must be quoted",
        ),
        (
            "actions:\n  - name: a\n    url: x\n      method: GET\n",
            "4:7",
            "check the indentation",
        ),
        (
            "actions:\n  - name: a\n   event: call_end\n",
            "3:4",
            "check the indentation",
        ),
        ("actions:\n  - name: 'a\n", "2:11", "close the quote"),
    ] {
        let run = render(dir.path(), "bad.yaml", yaml);
        assert_refused(&run, "yaml-syntax", help);
        assert!(
            run.stderr.contains(&format!("bad.yaml:{place}")),
            "{yaml}\n{}",
            run.stderr
        );
        if help != "must be quoted" {
            assert!(!run.stderr.contains("must be quoted"), "{}", run.stderr);
        }
    }
}

use crate::harness::Test;

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_and_said() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), "actions: []\n").unwrap();
    let fifo = dir.path().join("pipe.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for command in ["validate", "render"] {
        let run = Test::new()
            .timeout(30)
            .args([command, "--color", "never"])
            .arg_path(dir.path())
            .run();
        assert_eq!(run.code, 0, "{command}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("pipe.yaml was skipped: not a regular file"),
            "{}",
            run.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn linked_folders_are_followed_once() {
    let dir = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("broken.yaml"), "actions:\n  - name: a\n").unwrap();
    std::os::unix::fs::symlink(other.path(), dir.path().join("linked")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
    let run = Test::new()
        .timeout(30)
        .args(["validate", "--color", "never"])
        .arg_path(dir.path())
        .run();
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("broken.yaml"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("a link to a folder that is read already"),
        "{}",
        run.stderr
    );
}

#[test]
fn devices_and_huge_payloads_are_capped() {
    let run = Test::new()
        .timeout(30)
        .args(["render", "fixtures/examples", "--payload", "/dev/zero"])
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("too large"), "{}", run.stderr);
    let run = Test::new()
        .timeout(30)
        .args(["validate", "/dev/zero"])
        .run();
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("more than the limit of 4 MiB"),
        "{}",
        run.stdout
    );
}

#[test]
fn positions_cost_nothing_on_one_long_line() {
    let dir = tempfile::tempdir().unwrap();
    let item = "{name: a${N}, event: call_end, url: 'https://x.example.com/${callInfo.callSid}é'}";
    let items: Vec<String> = (0..20_000)
        .map(|i| item.replace("${N}", &i.to_string()))
        .collect();
    let path = dir.path().join("long.yaml");
    std::fs::write(&path, format!("actions: [{}]\n", items.join(", "))).unwrap();
    let run = Test::new()
        .timeout(60)
        .args(["validate", "--format", "json"])
        .arg_path(&path)
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_set_path_too_deep_is_a_command_line_error() {
    let deep = format!("{}=1", vec!["a"; 20_000].join("."));
    let run = Test::new()
        .args([
            "simulate",
            "--scenario",
            "connected",
            "--format",
            "json",
            "fixtures/examples",
            "--set",
            &deep,
        ])
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("at most"), "{}", run.stderr);
}

#[test]
fn numbers_stay_exact() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("callactions.yaml"),
        "actions:\n  - name: a\n    event: call_end\n    url: https://x.example.com/${context.big}\n    headers:\n      Content-Type: application/json\n    body: '{\"big\": ${context.big}, \"f\": ${context.f}}'\n",
    )
    .unwrap();
    let run = Test::new()
        .current_dir(dir.path())
        .args([
            "render",
            "--format",
            "json",
            "--set",
            "context.big=123456789012345678901234567890",
            "--set",
            "context.f=0.1000000000000000055511151231257827",
        ])
        .run();
    assert!(run.stdout.contains(r#"{\"big\": 123456789012345678901234567890, \"f\": 0.1000000000000000055511151231257827}"#), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("https://x.example.com/123456789012345678901234567890"),
        "{}",
        run.stdout
    );
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = crate::harness::command()
        .args(["payload", "call_end"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot write to standard output: no space left on the device"),
        "{stderr}"
    );
}

#[test]
fn a_long_invalid_name_is_quoted_once_and_cut() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x y".repeat(300_000);
    let run = render(
        dir.path(),
        "long-name.yaml",
        format!(
            "actions:\n  - name: \"{name}\"\n    event: call_end\n    url: https://x.example.com/\n"
        ),
    );
    assert_refused(&run, "invalid-name", "is not a valid action name");
    assert!(
        run.stderr.len() < 10_000,
        "{} bytes of messages",
        run.stderr.len()
    );
}

#[test]
fn an_unknown_host_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("callactions.yaml"),
        "actions:\n  - name: a\n    event: call_end\n    url: https://api.example.invalid/x\n",
    )
    .unwrap();
    let run = Test::new()
        .timeout(60)
        .current_dir(dir.path())
        .args(["fire", "--all", "--color", "never", "--timeout", "5s"])
        .run();
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("could not resolve host api.example.invalid")
            || run.stdout.contains("timed out"),
        "{}",
        run.stdout
    );
}
