//! Every `fixtures/render/*.yaml` is rendered and its output snapshotted. A case sets its
//! command line and environment in leading comments:
//!
//! ```yaml
//! # args: --set duration=12.5 --format json
//! # env: CRM_TOKEN=s3cret
//! ```

use crate::harness::{Test, root};

#[test]
fn render_cases() {
    insta::glob!("../fixtures/render", "*.yaml", |path| {
        let text = std::fs::read_to_string(path).expect("fixture is readable");
        let relative = path
            .strip_prefix(root())
            .expect("fixture is in the repository");
        let mut test = Test::new()
            .args(["render", "--color", "never"])
            .args([relative]);
        for line in text.lines().take_while(|l| l.starts_with('#')) {
            if let Some(args) = line.strip_prefix("# args:") {
                test = test.args(split(args));
            }
            if let Some(env) = line.strip_prefix("# env:") {
                for pair in env.split_whitespace() {
                    let (key, value) = pair.split_once('=').expect("env is KEY=VALUE");
                    test = test.env(key, value);
                }
            }
        }
        insta::assert_snapshot!(test.run().transcript());
    });
}

/// Splits a line of arguments as `sh` would, for the quoting the fixtures use:
/// `"…"` with `\"` and `\\` escapes, and `'…'` taken as it is.
fn split(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => args.extend(current.take()),
            '"' => {
                let arg = current.get_or_insert_with(String::new);
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => arg.extend(chars.next()),
                        c => arg.push(c),
                    }
                }
            }
            '\'' => {
                let arg = current.get_or_insert_with(String::new);
                arg.extend(chars.by_ref().take_while(|c| *c != '\''));
            }
            c => current.get_or_insert_with(String::new).push(c),
        }
    }
    args.extend(current);
    args
}
