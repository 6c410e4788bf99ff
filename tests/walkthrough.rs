//! The README's walkthrough, run as it stands: each command in a shell, in an empty
//! folder, with `callactions` on the PATH and the receiver on a free port.

use crate::harness::{binary, root};

#[test]
fn the_walkthrough_of_the_readme_runs() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("<!-- walkthrough:start -->\n```sh\n").unwrap();
    let body = &readme[start + "<!-- walkthrough:start -->\n```sh\n".len()..];
    let script = &body[..body.find("\n```").unwrap()];
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = script.replace("9000", &port.to_string());
    let dir = tempfile::tempdir().unwrap();
    let bin = binary();
    let path = format!("{}:/usr/bin:/bin", bin.parent().unwrap().display());
    let output = std::process::Command::new("sh")
        .args(["-e", "-c", &script])
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    // init wrote the file and its schema; render showed it; listen got it; validate passed.
    assert!(dir.path().join("actions/hubspot.yaml").exists());
    assert!(dir.path().join("actions/callactions.schema.json").exists());
    assert!(
        stdout.contains("POST https://api.hubapi.com/****"),
        "{stdout}"
    );
    assert!(stdout.contains("POST /crm/v3/objects/notes"), "{stdout}");
    assert!(
        stdout.contains("authorization: ****") || stdout.contains("Authorization: ****"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 request: 1 succeeded, 0 failed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("::notice title=callactions::no problems in 1 file"),
        "{stdout}"
    );
    assert!(!stdout.contains("pat-demo-token") && !stderr.contains("pat-demo-token"));
}
