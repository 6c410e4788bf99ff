//! Validates a generated corpus of 1,000 files × 10 actions and prints the time taken.
//!
//! `cargo bench --bench validate` — the corpus is left in `target/bench-corpus/` so other
//! tools (ajv-cli, hyperfine) can be timed on the same files.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use callactions::check::Policy;
use callactions::validate::validate;

const FILES: usize = 1_000;
const ACTIONS: usize = 10;
const RUNS: usize = 15;

fn main() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus");
    write_corpus(&corpus);
    let env = |name: &str| (name == "CRM_TOKEN").then(|| "t".to_owned());
    let policy = Policy::new(&env);
    let paths = [corpus.clone()];

    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let report = validate(&paths, &policy, &|_| false).expect("the corpus is readable");
            let elapsed = start.elapsed();
            assert_eq!(report.files, FILES);
            assert!(
                report.diagnostics.is_empty(),
                "{:?}",
                report.diagnostics.first()
            );
            elapsed
        })
        .collect();
    times.sort();
    let median = times[RUNS / 2];
    println!(
        "validate: {FILES} files × {ACTIONS} actions in {:.1} ms (median of {RUNS}; best {:.1} ms) — {:.0} files/s",
        median.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        FILES as f64 / median.as_secs_f64()
    );
}

fn write_corpus(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).expect("target/ is writable");
    let events = [
        "call_start",
        "call_end",
        "call_end_connected",
        "call_end_not_connected",
        "transfer_start",
        "transfer_end",
    ];
    for f in 0..FILES {
        let mut yaml = String::from("variables:\n  context: [customerId, plan]\nactions:\n");
        for a in 0..ACTIONS {
            let event = events[(f + a) % events.len()];
            let extra = match event {
                "call_end" | "call_end_connected" => {
                    r#", "summary": "${analysis.results.summary}", "duration": ${duration}"#
                }
                "transfer_start" | "transfer_end" => r#", "department": "${transfer.department}""#,
                "call_end_not_connected" => r#", "outcome": "${outcome}""#,
                _ => "",
            };
            yaml.push_str(&format!(
                "  - name: action-{a}\n    event: {event}\n    method: POST\n    url: https://crm.example.com/customers/${{context.customerId}}/calls/${{callInfo.callSid}}?n={a}\n    timeout: 10\n    headers:\n      Content-Type: application/json\n      Authorization: Bearer ${{env.CRM_TOKEN}}\n    body: |\n      {{\"callId\": \"${{callInfo.callSid}}\", \"plan\": \"${{context.plan}}\", \"to\": \"${{callInfo.to}}\"{extra}}}\n"
            ));
        }
        std::fs::write(dir.join(format!("file-{f:04}.yaml")), yaml).expect("target/ is writable");
    }
}
