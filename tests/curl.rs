//! `render --format curl` prints commands that send, byte for byte, what `fire` sends:
//! run in sh, bash and dash against a real server, with secrets read from the
//! environment rather than printed.

use crate::harness::{Test, project};
use crate::server::{Recorded, Recorder};

const TOKEN: &str = "t0k'en $HOME *";

fn comparable(request: &Recorded) -> (String, String, Vec<(String, String)>, String) {
    let mut headers: Vec<(String, String)> = request
        .headers
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
        .filter(|(n, _)| n != "host" && n != "content-length")
        .collect();
    headers.sort();
    (
        request.method.clone(),
        request.url.clone(),
        headers,
        request.body.clone(),
    )
}

#[test]
fn the_command_sends_what_fire_sends() {
    let server = Recorder::start(200, &[], "");
    let yaml = r#"
actions:
  - name: post
    event: call_end
    url: ${env.BASE}/calls/${callInfo.callSid}?tags={a,b}&r=[1]&n=${context.lastName}
    headers:
      Content-Type: application/json
      Authorization: Bearer ${env.TOKEN}
      X-Empty:
    body: '{"token": "${env.TOKEN}", "summary": "${analysis.results.summary}", "d": ${duration}}'
  - name: form
    event: call_end
    method: PUT
    url: ${env.BASE}/form
    headers:
      Content-Type: application/x-www-form-urlencoded
    body: 'name=${context.firstName}&note=${analysis.results.summary}'
  - name: get
    event: call_start
    method: GET
    url: ${env.BASE}/lookup?from=${callInfo.from}
"#;
    let dir = project(yaml);
    let env = [("BASE", server.base.as_str()), ("TOKEN", TOKEN)];
    let with_env = |mut test: Test| {
        for (key, value) in env {
            test = test.env(key, value);
        }
        test
    };
    let fired = with_env(Test::new().current_dir(dir.path()).args(["fire", "--all"])).run();
    assert_eq!(fired.code, 0, "{}\n{}", fired.stdout, fired.stderr);
    let sent: Vec<_> = server.requests().iter().map(comparable).collect();
    assert_eq!(sent.len(), 3);

    let script = with_env(
        Test::new()
            .current_dir(dir.path())
            .args(["render", "--format", "curl"]),
    )
    .run();
    assert_eq!(script.code, 0, "{}", script.stderr);
    assert!(
        !script.stdout.contains("t0k"),
        "the command prints the secret:\n{}",
        script.stdout
    );
    for shell in ["sh", "bash", "dash"] {
        let before = server.requests().len();
        let output = std::process::Command::new(shell)
            .arg("-c")
            .arg(format!(
                "{}\n",
                script.stdout.replace("\ncurl", "\ncurl -sS -o /dev/null")
            ))
            .envs(env)
            .env_remove("CURL_HOME")
            .output()
            .expect("the shell runs");
        assert!(
            output.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let got: Vec<_> = server.requests()[before..].iter().map(comparable).collect();
        assert_eq!(got, sent, "{shell} sent something else:\n{}", script.stdout);
    }
}

#[test]
fn a_body_with_a_nul_byte_goes_through_printf() {
    let server = Recorder::start(200, &[], "");
    let dir = project(&format!(
        "actions:\n  - name: nul\n    event: call_end\n    url: {}/nul\n    headers:\n      Content-Type: text/plain\n    body: 'a${{context.n}}% \\b'\n",
        server.base
    ));
    let script = Test::new()
        .current_dir(dir.path())
        .args([
            "render",
            "--format",
            "curl",
            "--set",
            r#"context.n="x\u0000y""#,
        ])
        .run();
    assert_eq!(script.code, 0, "{}", script.stderr);
    assert!(script.stdout.contains("printf "), "{}", script.stdout);
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(script.stdout.replace("| curl", "| curl -sS -o /dev/null"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(server.requests()[0].body, "ax\0y% \\b");
}
