//! `--show-secrets` reveals, and its absence masks, every secret in every output: each
//! report format, each command, and the messages of errors.

use crate::harness::{Run, Test, project};
use crate::server::Recorder;

const TOKEN: &str = "s3cr3t-t0ken";

/// An action whose secret lands in the URL, a credential header, a header of its own and
/// the body.
fn secret_action(base: &str) -> String {
    format!(
        "actions:\n  - name: secret\n    event: call_end\n    url: {base}/hook?key=${{env.TOKEN}}\n    headers:\n      Content-Type: application/json\n      Authorization: Bearer ${{env.TOKEN}}\n      X-Trace: t-${{env.TOKEN}}\n    body: '{{\"token\": \"${{env.TOKEN}}\", \"bare\": ${{env.TOKEN}}}}'\n"
    )
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> Run {
    Test::new()
        .current_dir(dir)
        .env("TOKEN", TOKEN)
        .args(args)
        .args(["--color", "never"])
        .run()
}

fn assert_masked(run: &Run, what: &str) {
    assert!(
        !run.stdout.contains("s3cr3t") && !run.stderr.contains("s3cr3t"),
        "{what} shows the secret:\n{}\n{}",
        run.stdout,
        run.stderr
    );
}

fn assert_shown(run: &Run, what: &str) {
    assert!(
        run.stdout.contains(TOKEN) || run.stderr.contains(TOKEN),
        "{what} hides the secret with --show-secrets:\n{}\n{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn every_format_of_every_command_masks_unless_asked() {
    let server = Recorder::start(200, &[("Content-Type", "application/json")], "{}");
    let dir = project(&secret_action(&server.base));
    let commands: Vec<Vec<&str>> = vec![
        vec!["render"],
        vec!["render", "--format", "json"],
        vec!["fire", "--all", "-v"],
        vec!["fire", "--all", "--format", "json"],
        vec!["fire", "--all", "--format", "junit"],
        vec!["fire", "--all", "--dry-run"],
        vec!["simulate", "--scenario", "connected"],
        vec!["simulate", "--scenario", "connected", "--format", "json"],
        vec!["simulate", "--scenario", "connected", "--fire", "-v"],
    ];
    for args in commands {
        let what = args.join(" ");
        let masked = run_in(dir.path(), &args);
        assert_eq!(masked.code, 0, "{what}: {}", masked.stderr);
        assert_masked(&masked, &what);
        if !args.contains(&"junit") {
            assert!(masked.stdout.contains("****"), "{what}:\n{}", masked.stdout);
        }
        let shown = run_in(dir.path(), &[&args[..], &["--show-secrets"]].concat());
        assert_eq!(shown.code, 0, "{what}: {}", shown.stderr);
        if !args.contains(&"junit") {
            assert_shown(&shown, &what);
        }
    }
    // The server got the real values each time.
    let got = server.requests();
    assert!(got.iter().all(|r| r.url == format!("/hook?key={TOKEN}")));
}

#[test]
fn a_masked_json_body_is_still_json() {
    let dir = project(&secret_action("https://x.example.com"));
    let run = run_in(dir.path(), &["render", "--format", "json"]);
    let rendered: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let body: serde_json::Value =
        serde_json::from_str(rendered[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["token"], "****");
    assert_eq!(body["bare"], "****");
    assert_eq!(rendered[0]["headers"]["X-Trace"], "t-****");
}

#[test]
fn render_errors_mask_unless_asked() {
    let yaml = "actions:\n  - name: base\n    event: call_end\n    url: ${env.BASE}/x\n";
    let dir = project(yaml);
    let masked = Test::new()
        .current_dir(dir.path())
        .env("BASE", "s3cr3t-base")
        .args(["render"])
        .run();
    assert_eq!(masked.code, 1);
    assert!(
        masked.stderr.contains("renders to `****/x`"),
        "{}",
        masked.stderr
    );
    assert_masked(&masked, "a render error");
    let shown = Test::new()
        .current_dir(dir.path())
        .env("BASE", "s3cr3t-base")
        .args(["render", "--show-secrets"])
        .run();
    assert!(
        shown.stderr.contains("renders to `s3cr3t-base/x`"),
        "{}",
        shown.stderr
    );
}

#[test]
fn a_credential_header_shows_only_a_scheme_written_in_the_file() {
    let yaml = "actions:\n  - name: a\n    event: call_end\n    method: GET\n    url: https://x.example.com/\n    headers:\n      Authorization: ${env.TOKEN}\n      X-Api-Key: Bearer literal-key\n      Proxy-Authorization: Basic ${env.TOKEN}\n";
    let dir = project(yaml);
    let run = Test::new()
        .current_dir(dir.path())
        .env("TOKEN", "hunter two")
        .args(["render", "--format", "json"])
        .run();
    assert!(!run.stdout.contains("hunter"), "{}", run.stdout);
    assert!(!run.stdout.contains("literal-key"), "{}", run.stdout);
    let rendered: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let headers = &rendered[0]["headers"];
    assert_eq!(headers["Authorization"], "****");
    assert_eq!(headers["X-Api-Key"], "Bearer ****");
    assert_eq!(headers["Proxy-Authorization"], "Basic ****");
}

#[test]
fn a_base_url_from_the_environment_shows_where_the_request_goes() {
    let yaml = "actions:\n  - name: hubspot\n    event: call_end\n    url: ${env.HUBSPOT_BASE}/crm/v3/objects/notes\n  - name: slack\n    event: call_end\n    url: ${env.SLACK_WEBHOOK}\n";
    let dir = project(yaml);
    let run = Test::new()
        .current_dir(dir.path())
        .env("HUBSPOT_BASE", "https://api.hubapi.com")
        .env(
            "SLACK_WEBHOOK",
            "https://hooks.slack.com/services/T000/B000/s3cr3tpath",
        )
        .args(["render"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("POST https://api.hubapi.com/****\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("POST https://hooks.slack.com/****\n"),
        "{}",
        run.stdout
    );
    assert_masked(&run, "a base URL");
}

#[test]
fn what_a_server_echoes_back_is_masked_in_every_form() {
    let base = crate::server::misbehaving(crate::server::Misbehaviour::Echo);
    let yaml = "actions:\n  - name: echo\n    event: call_end\n    url: BASE/hook?key=${env.KEY}\n    headers:\n      Authorization: Basic ${env.BASIC}\n      X-Api-Key: literal-key-1234\n";
    let dir = project(&yaml.replace("BASE", &base));
    // `user:s3cr3t pass` in base64.
    let basic = "dXNlcjpzM2NyM3QgcGFzcw==";
    for format in ["human", "json", "junit"] {
        let run = Test::new()
            .current_dir(dir.path())
            .env("KEY", "s3cr3t key&x")
            .env("BASIC", basic)
            .args([
                "fire", "--all", "-v", "--color", "never", "--format", format,
            ])
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        for leaked in ["s3cr3t", basic, "literal-key-1234", "s3cr3t%20key"] {
            assert!(
                !run.stdout.contains(leaked),
                "{format} shows {leaked}:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn a_redirect_that_echoes_the_secret_is_masked() {
    let server = crate::server::Recorder::start(
        302,
        &[("Location", "https://login.example.com/?token=s3cr3t-t0ken")],
        "",
    );
    let dir = project(&format!(
        "actions:\n  - name: r\n    event: call_end\n    url: {}/hook?token=${{env.TOKEN}}\n",
        server.base
    ));
    for format in ["human", "json", "junit"] {
        let run = run_in(dir.path(), &["fire", "--all", "--format", format]);
        assert_eq!(run.code, 1);
        assert_masked(&run, format);
        assert!(
            run.stdout
                .contains("redirect (302) to https://login.example.com/?token=****"),
            "{format}: {}",
            run.stdout
        );
    }
}

#[test]
fn listen_masks_every_credential_header_and_query_parameter_in_every_format() {
    for format in ["human", "json"] {
        let mut child = crate::harness::command()
            .args(["listen", "--port", "0", "--count", "1", "--format", format])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        crate::harness::watchdog(child.id(), 60);
        let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
        let address = line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("http://"))
            .unwrap()
            .to_owned();
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        std::io::Write::write_all(
            &mut stream,
            b"GET /?api_key=s3cr3t7&access_token=s3cr3t8&sig=s3cr3t9&page=2 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cr3t1\r\nCookie: s=s3cr3t2\r\nX-Api-Key: s3cr3t3\r\nX-Auth-Token: s3cr3t4\r\nProxy-Authorization: Basic s3cr3t5\r\nClient-Secret: s3cr3t6\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
        let _ = std::io::Read::read_to_end(&mut stream, &mut Vec::new());
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains("s3cr3t"), "{format}:\n{stdout}");
        assert!(stdout.contains("****"), "{format}:\n{stdout}");
        // What is not a credential stays as it came.
        assert!(
            stdout.contains("page = 2") || stdout.contains(r#"["page","2"]"#),
            "{format}:\n{stdout}"
        );
    }
}

#[test]
fn a_password_in_the_url_is_refused_for_a_header() {
    let dir = project(
        "actions:\n  - name: a\n    event: call_end\n    url: https://user:pw@x.example.com/\n",
    );
    let run = Test::new()
        .current_dir(dir.path())
        .args(["validate", "--color", "never"])
        .run();
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("the URL holds a user name or password"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Authorization: Basic ${env.NAME}"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("\n   = help: remove"),
        "{}",
        run.stdout
    );
}
