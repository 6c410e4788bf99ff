//! `validate --fix`: every `fixtures/fix/*.yaml` is fixed in a temporary copy, and the
//! fixed file and the report are snapshotted; `--dry-run` writes nothing. A property test
//! mutates a clean file with fixable slips and checks that the fixes resolve them and
//! touch no byte outside their edits.

use std::sync::Arc;

use proptest::prelude::*;

use callactions::check::{self, Policy};
use callactions::fix;
use callactions::source::Source;

use crate::harness::{Test, root};

#[test]
fn fix_cases() {
    insta::glob!("../fixtures/fix", "*.yaml", |path| {
        let dir = tempfile::tempdir().unwrap();
        let name = path.file_name().unwrap();
        let copy = dir.path().join(name);
        let original = std::fs::read(path).unwrap();
        std::fs::write(&copy, &original).unwrap();
        let dry = Test::new()
            .current_dir(dir.path())
            .args(["validate", "--fix", "--dry-run", "--color", "never"])
            .arg_path(std::path::Path::new(name))
            .run();
        assert_eq!(std::fs::read(&copy).unwrap(), original, "--dry-run wrote");
        let run = Test::new()
            .current_dir(dir.path())
            .args(["validate", "--fix", "--color", "never"])
            .arg_path(std::path::Path::new(name))
            .run();
        let fixed = String::from_utf8(std::fs::read(&copy).unwrap()).unwrap();
        insta::assert_snapshot!(format!(
            "--- dry run\n{}--- fixed file\n{}\n--- fix\n{}",
            dry.stdout,
            fixed.replace('\r', "␍"),
            run.transcript()
        ));
    });
    let _ = root();
}

const CLEAN: &str = "variables:
  context: [customerId]
actions:
  - name: crm-note
    event: call_end_connected
    method: POST
    url: https://crm.example.com/notes/${context.customerId}
    headers:
      Content-Type: application/json
      X-Source: ai
    body: '{\"sid\": \"${callInfo.callSid}\", \"summary\": \"${analysis.results.summary}\"}'
";

/// A slip that `--fix` resolves: what to find in the clean file, and what to put instead.
const SLIPS: [(&str, &str); 6] = [
    ("event: call_end_connected", "event: Call_End_Connected"),
    ("    headers:", "    header:"),
    ("${callInfo.callSid}", "${callInfo.callsid}"),
    ("      Content-Type: application/json\n", ""),
    ("method: POST", "methd: POST"),
    ("${context.customerId}", "${context.plan}"),
];

fn env(_: &str) -> Option<String> {
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn fixes_resolve_their_findings_and_touch_nothing_else(
        chosen in proptest::collection::vec(any::<bool>(), SLIPS.len()),
        crlf in any::<bool>(),
    ) {
        let mut text = CLEAN.to_owned();
        for ((from, to), on) in SLIPS.iter().zip(&chosen) {
            if *on {
                text = text.replacen(from, to, 1);
            }
        }
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let path = std::path::Path::new("slips.yaml");
        let policy = Policy::new(&env);
        let mut current = Arc::new(Source::new(text));
        let mut fixed_findings = Vec::new();
        for _ in 0..4 {
            let checked = check::source(path, Arc::clone(&current), &policy);
            let fixable: Vec<_> = checked.diagnostics.iter().filter(|d| d.fix.is_some()).collect();
            let fixes: Vec<_> = fixable.iter().filter_map(|d| d.fix.as_ref()).collect();
            let applied = fix::apply(&current, &fixes);
            if applied.applied.is_empty() {
                break;
            }
            // Every changed byte of the old text lies within an edit of a fix applied.
            let edits: Vec<std::ops::Range<usize>> = applied
                .applied
                .iter()
                .flat_map(|&i| fixes[i].edits.iter())
                .filter_map(|edit| fix::locate(&current, edit))
                .collect();
            let diff = similar::TextDiff::from_chars(current.text.as_str(), applied.text.as_str());
            for op in diff.ops() {
                let old = op.old_range();
                let changed = !matches!(op.tag(), similar::DiffTag::Equal);
                if changed {
                    let inside = edits.iter().any(|e| e.start <= old.start && old.end <= e.end.max(e.start));
                    prop_assert!(inside, "bytes {:?} changed outside the edits {:?}", old, edits);
                }
            }
            fixed_findings.extend(applied.applied.iter().map(|&i| (fixable[i].rule, fixable[i].message.clone())));
            current = Arc::new(Source::new(applied.text));
        }
        let after = check::source(path, Arc::clone(&current), &policy);
        for (rule, message) in &fixed_findings {
            prop_assert!(
                !after.diagnostics.iter().any(|d| d.rule == *rule && d.message == *message),
                "{rule}: {message} is still reported"
            );
        }
        // The line breaks of the file are kept.
        prop_assert_eq!(current.text.contains("\r\n"), crlf);
        // What --fix cannot resolve here is only the missing method key's slip.
        let left: Vec<&str> = after.diagnostics.iter().map(|d| d.rule).collect();
        prop_assert!(left.iter().all(|r| *r == "unknown-key" || *r == "undeclared-key"), "{left:?}");
    }
}

/// The byte offset of a 1-based line and column (in characters), as the reports give them.
fn offset_of(text: &str, line: u64, column: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize - 1)
        .map(str::len)
        .sum();
    start
        + text[start..]
            .char_indices()
            .nth(column as usize - 1)
            .map_or(text.len() - start, |(i, _)| i)
}

/// What a tool reading `--format json` would do with its fixes: each edit made where it
/// says, a fix that overlaps one taken left out.
fn apply_reported(text: &str, findings: &[serde_json::Value]) -> String {
    let mut taken: Vec<(usize, usize, String)> = Vec::new();
    for finding in findings {
        let Some(edits) = finding["fix"]["edits"].as_array() else {
            continue;
        };
        let place = |e: &serde_json::Value, line: &str, column: &str| {
            offset_of(text, e[line].as_u64().unwrap(), e[column].as_u64().unwrap())
        };
        let ranges: Vec<(usize, usize, String)> = edits
            .iter()
            .map(|e| {
                let replace = e["replace"].as_str().unwrap().to_owned();
                (
                    place(e, "line", "column"),
                    place(e, "end_line", "end_column"),
                    replace,
                )
            })
            .collect();
        let overlaps = ranges.iter().any(|(start, end, _)| {
            taken
                .iter()
                .any(|(s, e, _)| start < e && s < end || start == s)
        });
        if !overlaps {
            taken.extend(ranges);
        }
    }
    taken.sort_by_key(|(start, _, _)| *start);
    let (mut out, mut at) = (String::new(), 0);
    for (start, end, replace) in taken {
        out.push_str(&text[at..start]);
        out.push_str(&replace);
        at = end;
    }
    out + &text[at..]
}

#[test]
fn json_and_sarif_give_the_fixes_that_fix_makes() {
    let mut files: Vec<std::path::PathBuf> = ["fix", "invalid"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root().join("fixtures").join(dir)).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let policy = Policy::new(&env);
    let mut with_fixes = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue; // not UTF-8: a fixture of its own finding
        };
        let checked = check::source(path, Arc::new(Source::new(text.clone())), &policy);
        let fixes: Vec<_> = checked
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .collect();
        if fixes.is_empty() {
            continue;
        }
        with_fixes += 1;
        let engine = fix::apply(&checked.file.source, &fixes).text;
        let json = Test::new()
            .args(["validate", "--format", "json"])
            .arg_path(path)
            .run();
        let findings: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(
            apply_reported(&text, &findings),
            engine,
            "{}",
            path.display()
        );
        // SARIF's replacements are the same edits at the same places.
        let sarif = Test::new()
            .args(["validate", "--format", "sarif"])
            .arg_path(path)
            .run();
        let log: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), findings.len(), "{}", path.display());
        for (result, finding) in results.iter().zip(&findings) {
            let replacements: Vec<serde_json::Value> =
                result["fixes"][0]["artifactChanges"][0]["replacements"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .map(|r| {
                        let region = &r["deletedRegion"];
                        serde_json::json!({
                            "line": region["startLine"], "column": region["startColumn"],
                            "end_line": region["endLine"], "end_column": region["endColumn"],
                            "replace": r["insertedContent"]["text"],
                        })
                    })
                    .collect();
            let edits = finding["fix"]["edits"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            assert_eq!(replacements, edits, "{}", path.display());
            assert_eq!(
                result["fixes"][0]["description"]["text"],
                finding["fix"]["title"]
            );
        }
    }
    assert!(with_fixes >= 8, "only {with_fixes} fixtures have fixes");
}
