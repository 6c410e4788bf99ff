//! A real browser for the HTML report: headless Chromium loads it, its rendered DOM must
//! hold the table and the charts, nothing may be logged to the console as an error, and a
//! screenshot is kept under `target/` for review. `.ci/run` installs Chromium; where it
//! cannot be installed the check says so loudly and is skipped.

use std::path::Path;
use std::process::Command;

use crate::harness::root;

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

pub fn check_report(path: &Path) {
    let Some(browser) = chromium() else {
        eprintln!(
            "\n*** SKIPPED the browser check of the HTML report: Chromium is not installed \
             (.ci/run installs it with apt-get install -y chromium) ***\n"
        );
        return;
    };
    let url = format!("file://{}", path.display());
    let profile = tempfile::tempdir().unwrap();
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=1200,2400",
    ];
    let user_data = format!("--user-data-dir={}", profile.path().display());
    let dom = Command::new(browser)
        .args(common)
        .arg(&user_data)
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium runs");
    let rendered = String::from_utf8_lossy(&dom.stdout);
    for needle in [
        "<table id=\"summary\"",
        "<svg id=\"latency-over-time\"",
        "<svg id=\"lost-over-time\"",
        "<svg id=\"histogram-",
    ] {
        assert!(
            rendered.contains(needle),
            "the rendered page has no {needle}"
        );
    }
    let log = String::from_utf8_lossy(&dom.stderr);
    let console_errors: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("CONSOLE") && (l.contains("ERROR") || l.contains("Uncaught")))
        .collect();
    assert!(
        console_errors.is_empty(),
        "console errors: {console_errors:?}"
    );
    let shot = root().join("target/load-report.png");
    let screenshot = Command::new(browser)
        .args(common)
        .arg(&user_data)
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(
        screenshot.status.success(),
        "{}",
        String::from_utf8_lossy(&screenshot.stderr)
    );
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "no screenshot at {}",
        shot.display()
    );
}
