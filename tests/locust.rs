//! The Locust export runs on real Locust, distributed (a master and two workers, all on
//! 127.0.0.1, headless), against a server started here: every request arrives exactly as
//! `callactions load` sends it for the same seed. `.ci/run` installs Locust into
//! `target/locust-venv`; where it cannot be installed this test says so loudly and skips.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{Test, root};
use crate::server::{Answer, Pool, Recorded};

fn locust() -> Option<PathBuf> {
    let venv = root().join("target/locust-venv/bin/locust");
    let candidates = [venv, PathBuf::from("locust")];
    candidates.into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// A request as compared: method, target, body and every header but the connection's own
/// Host (the same server, so the same) — sorted, since the two runs interleave differently.
fn seen(requests: &[Recorded]) -> Vec<String> {
    let mut seen: Vec<String> = requests
        .iter()
        .map(|r| {
            let mut headers: Vec<String> = r
                .headers
                .iter()
                .map(|(n, v)| format!("{}: {v}", n.to_ascii_lowercase()))
                .collect();
            headers.sort();
            format!(
                "{} {}\n{}\n\n{}",
                r.method,
                r.url,
                headers.join("\n"),
                r.body
            )
        })
        .collect();
    seen.sort();
    seen
}

#[test]
fn the_locust_export_sends_what_load_sends_distributed() {
    let Some(locust) = locust() else {
        eprintln!(
            "\n*** SKIPPED the_locust_export_sends_what_load_sends_distributed: Locust is not installed \
             (.ci/run installs it into target/locust-venv with pip) ***\n"
        );
        return;
    };
    let pool = Pool::start(8, Answer::Ok);
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!(
        "actions:\n  - name: started\n    event: call_start\n    url: {base}/start/${{callInfo.callSid}}?attempt=${{callInfo.attempt}}\n    timeout: 1\n  - name: ended\n    event: call_end\n    url: {base}/end/${{callInfo.callSid}}\n    timeout: 1\n    headers:\n      Content-Type: application/json\n      Authorization: Bearer ${{env.CRM_TOKEN}}\n    body: '{{\"outcome\": \"${{outcome}}\", \"summary\": \"${{analysis.results.summary}}\"}}'\n",
        base = pool.base
    );
    std::fs::write(dir.path().join("callactions.yaml"), yaml).unwrap();
    let args = [
        "load",
        "--calls",
        "24",
        "--rate",
        "40/s",
        "--concurrency",
        "4",
        "--seed",
        "11",
    ];
    let export = Test::new()
        .current_dir(dir.path())
        .env("CRM_TOKEN", "s3cr3t-token")
        .args(args)
        .args(["--export", "locust"])
        .run();
    assert_eq!(export.code, 0, "{}", export.transcript());
    assert!(
        !export.stdout.contains("s3cr3t-token"),
        "the secret is written into the locustfile"
    );
    let file = dir.path().join("locustfile.py");
    std::fs::write(&file, &export.stdout).unwrap();

    // Two workers, as the master expects; then a master that expects one, whose second
    // worker must send nothing rather than send calls twice.
    for expected in ["2", "1"] {
        let before = pool.requests().len();
        distributed(&locust, &file, dir.path(), expected, 2);
        let by_locust = pool.requests()[before..].to_vec();

        let load = Test::new()
            .current_dir(dir.path())
            .env("CRM_TOKEN", "s3cr3t-token")
            .args(args)
            .run();
        assert_eq!(load.code, 0, "{}", load.transcript());
        let all = pool.requests();
        let by_load = &all[before + by_locust.len()..];
        assert!(!by_locust.is_empty());
        assert_eq!(
            seen(&by_locust),
            seen(by_load),
            "--expect-workers {expected} with 2 workers"
        );
    }
}

/// Runs the locustfile headless with a master expecting `expected` workers and `workers`
/// of them, all on 127.0.0.1, until the master ends; fails the test when Locust does.
fn distributed(locust: &Path, file: &Path, dir: &Path, expected: &str, workers: usize) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let spawn = |extra: &[&str]| {
        Command::new(locust)
            .arg("-f")
            .arg(file)
            .args(extra)
            .env("CRM_TOKEN", "s3cr3t-token")
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let port_text = port.to_string();
    let mut master = spawn(&[
        "--headless",
        "--master",
        "--expect-workers",
        expected,
        "--master-bind-host",
        "127.0.0.1",
        "--master-bind-port",
        &port_text,
    ]);
    let workers: Vec<_> = (0..workers)
        .map(|_| {
            spawn(&[
                "--worker",
                "--master-host",
                "127.0.0.1",
                "--master-port",
                &port_text,
            ])
        })
        .collect();
    for child in workers.iter().chain([&master]) {
        crate::harness::watchdog(child.id(), 120);
    }
    let started = Instant::now();
    let status = loop {
        if let Some(status) = master.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(110),
            "Locust did not finish"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let master_log =
        String::from_utf8_lossy(&master.wait_with_output().unwrap().stderr).into_owned();
    for mut worker in workers {
        let _ = worker.wait();
    }
    assert!(status.success(), "Locust failed:\n{master_log}");
}
