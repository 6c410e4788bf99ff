//! `init` through the real binary: flags without a terminal, appending byte for byte, and
//! the interactive prompts driven in a pseudo-terminal.

use std::path::Path;

use crate::harness::{Run, Test, settle, terminal, type_keys};

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";

fn init(dir: &Path, args: &[&str]) -> Run {
    Test::new()
        .current_dir(dir)
        .args(["init", "--color", "never"])
        .args(args)
        .run()
}

const FLAGS: [&str; 6] = [
    "--event",
    "call_end_connected",
    "--url",
    "https://crm.example.com/calls/${callInfo.callSid}",
    "--body-vars",
    "callInfo.callSid,duration,context.customerId",
];

#[test]
fn a_new_file_from_flags() {
    let dir = tempfile::tempdir().unwrap();
    let run = init(
        dir.path(),
        &[
            &FLAGS[..],
            &[
                "--header",
                "Authorization: Bearer ${env.CRM_TOKEN}",
                "--yes",
            ],
        ]
        .concat(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("callactions.yaml")).unwrap();
    insta::assert_snapshot!(written);
    let check = Test::new()
        .current_dir(dir.path())
        .env("CRM_TOKEN", "t")
        .args(["validate", "--strict"])
        .run();
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn appending_keeps_every_existing_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hooks.yml");
    let existing = "# Hooks of the billing team.   \r\nactions:\r\n  # the first one\r\n  - name: call-end-connected   # taken: init must pick another name\r\n    event: call_end\r\n    url: 'https://x.example.com/a'\r\n\r\n# end of the list\r\n";
    std::fs::write(&path, existing).unwrap();
    let run = init(dir.path(), &[&FLAGS[..], &["--yes", "hooks.yml"]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&path).unwrap();
    let at = written
        .find("  - name: call-end-connected-2")
        .expect("the new action, with a free name");
    // Right after the last item, in the file's own CRLF line breaks.
    let last_item_end = existing.find("a'\r\n").unwrap() + 4;
    assert_eq!(&written[..at], &existing[..last_item_end]);
    assert!(
        !written.replace("\r\n", "").contains('\n'),
        "only CRLF line breaks: {written:?}"
    );
    assert!(written.ends_with(&existing[last_item_end..]), "{written:?}");
    let render = Test::new()
        .current_dir(dir.path())
        .args(["render", "--format", "json", "hooks.yml"])
        .run();
    assert_eq!(render.code, 0, "{}", render.stderr);
    assert!(render.stdout.contains("\"name\": \"call-end-connected-2\""));
    // No temporary file is left behind.
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
}

#[test]
fn an_invalid_file_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callactions.yaml");
    let broken = "actions:\n  - name: a\n    event: call_ended\n    url: https://x.example.com/\n";
    std::fs::write(&path, broken).unwrap();
    let run = init(dir.path(), &[&FLAGS[..], &["--yes"]].concat());
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error[invalid-event]"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("left as it was"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn a_duplicate_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callactions.yaml");
    let existing =
        "actions:\n  - name: crm-sync\n    event: call_end\n    url: https://x.example.com/\n";
    std::fs::write(&path, existing).unwrap();
    let run = init(
        dir.path(),
        &[&FLAGS[..], &["--yes", "--name", "crm-sync"]].concat(),
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("already has an action named `crm-sync`"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), existing);
}

#[test]
fn without_a_terminal_missing_answers_are_listed_not_asked() {
    let dir = tempfile::tempdir().unwrap();
    let run = init(dir.path(), &["--name", "x"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--event, --url, --yes"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("callactions.yaml").exists());
    let bad_url = init(
        dir.path(),
        &["--event", "call_end", "--url", "ftp://x", "--yes"],
    );
    assert_eq!(bad_url.code, 2);
    assert!(
        bad_url
            .stderr
            .contains("--url: the URL scheme `ftp` is not http or https"),
        "{}",
        bad_url.stderr
    );
    let get_body = init(
        dir.path(),
        &[
            "--event",
            "call_end",
            "--url",
            "https://x.example.com",
            "--method",
            "get",
            "--body",
            "x",
            "--yes",
        ],
    );
    assert_eq!(get_body.code, 2);
}

#[test]
fn the_prompts_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = terminal(&["init", "--color", "never", "hooks.yaml"], dir.path());
    session.exp_string("transfer_end").unwrap();
    settle();
    // Third event: call_end_connected.
    type_keys(&mut session, DOWN);
    type_keys(&mut session, DOWN);
    type_keys(&mut session, ENTER);
    session.exp_string("Name").unwrap();
    settle();
    session.send_line("crm-log").unwrap();
    session.exp_string("Method").unwrap();
    settle();
    type_keys(&mut session, ENTER); // POST
    session.exp_string("URL").unwrap();
    settle();
    session.send_line("nonsense").unwrap();
    session.exp_string("not an absolute http(s) URL").unwrap();
    settle();
    // The invalid answer is asked again; clear it and type a good one.
    type_keys(&mut session, &"\x7f".repeat(10));
    session
        .send_line("https://crm.example.com/calls/${callInfo.callSid}")
        .unwrap();
    session.exp_string("Timeout").unwrap();
    settle();
    session.send_line("").unwrap(); // 15
    session.exp_string("Body").unwrap();
    settle();
    type_keys(&mut session, DOWN); // JSON from variables
    type_keys(&mut session, ENTER);
    session.exp_string("Variables").unwrap();
    settle();
    type_keys(&mut session, " "); // callInfo.callSid
    type_keys(&mut session, ENTER);
    session.exp_string("Content-Type").unwrap();
    settle();
    type_keys(&mut session, ENTER); // yes
    session.exp_string("Credential").unwrap();
    settle();
    type_keys(&mut session, DOWN); // Authorization: Bearer
    type_keys(&mut session, ENTER);
    session.exp_string("Environment variable").unwrap();
    settle();
    session.send_line("CRM_TOKEN").unwrap();
    session.exp_string("Add another header").unwrap();
    settle();
    type_keys(&mut session, ENTER); // no
    session.exp_string("rendered against the sample").unwrap();
    settle();
    session.exp_string("Authorization: Bearer ****").unwrap();
    settle();
    session.exp_string("Write this action").unwrap();
    settle();
    type_keys(&mut session, ENTER);
    session
        .exp_string("Also write callactions.schema.json")
        .unwrap();
    settle();
    type_keys(&mut session, ENTER);
    session
        .exp_string("written to new file hooks.yaml")
        .unwrap();
    session.exp_string("the schema written to").unwrap();
    session.exp_eof().unwrap();
    let schema = std::fs::read_to_string(dir.path().join("callactions.schema.json")).unwrap();
    assert_eq!(schema, crate::harness::callactions(["schema"]).stdout);

    let written = std::fs::read_to_string(dir.path().join("hooks.yaml")).unwrap();
    assert!(
        written.contains("  - name: crm-log\n    event: call_end_connected\n    method: POST\n"),
        "{written}"
    );
    assert!(
        written.contains("      Authorization: Bearer ${env.CRM_TOKEN}\n"),
        "{written}"
    );
    assert!(
        written.contains("\"callSid\": \"${callInfo.callSid}\""),
        "{written}"
    );
}

#[test]
fn ctrl_c_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callactions.yaml");
    let existing =
        "actions:\n  - name: crm-sync\n    event: call_end\n    url: https://x.example.com/\n";
    std::fs::write(&path, existing).unwrap();
    let mut session = terminal(&["init", "--color", "never"], dir.path());
    session.exp_string("transfer_end").unwrap();
    settle();
    session.send_control('c').unwrap();
    // The cursor a selection hides is shown again.
    session.exp_string("\x1b[?25h").unwrap();
    session.exp_eof().unwrap();
    let status = session.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
        "{status:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), existing);
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "no temporary file left");
}

/// A flag is checked as its prompt would check it, before any question, with the exit
/// code it has without a terminal.
#[test]
fn at_a_terminal_bad_flags_are_refused_before_any_prompt() {
    let existing =
        "actions:\n  - name: taken\n    event: call_end\n    url: https://x.example.com/\n";
    for (flags, message) in [
        (
            vec!["--name", "taken"],
            "already has an action named `taken`",
        ),
        (vec!["--header", "no colon here"], "is not NAME: VALUE"),
        (vec!["--body", "{\"a\": \"${\"}"], "--body: unterminated"),
        (vec!["--timeout", "1.5s"], "not a whole number of seconds"),
        (vec!["--url", "ftp://x.example.com"], "scheme `ftp`"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("callactions.yaml"), existing).unwrap();
        let args = [&["init", "--color", "never"][..], &flags].concat();
        let mut session = terminal(&args, dir.path());
        session.exp_string(message).unwrap();
        let rest = session.exp_eof().unwrap();
        assert!(
            !rest.contains("Event"),
            "{flags:?} asked a question: {rest}"
        );
        let status = session.process().wait().unwrap();
        assert!(
            matches!(status, rexpect::process::WaitStatus::Exited(_, 2)),
            "{flags:?}: {status:?}"
        );
        let quiet = init(
            dir.path(),
            &[
                &flags[..],
                &[
                    "--event",
                    "call_end",
                    "--url",
                    "https://x.example.com/",
                    "--yes",
                ],
            ]
            .concat(),
        );
        if !flags.contains(&"--url") {
            assert_eq!(
                quiet.code, 2,
                "{flags:?} without a terminal: {}",
                quiet.stderr
            );
            assert!(quiet.stderr.contains(message), "{}", quiet.stderr);
        }
        assert_eq!(
            std::fs::read_to_string(dir.path().join("callactions.yaml")).unwrap(),
            existing
        );
    }
}

#[test]
fn a_new_file_in_a_new_folder_with_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let run = init(
        dir.path(),
        &[&FLAGS[..], &["--yes", "--schema", "actions/hubspot.yaml"]].concat(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("actions/hubspot.yaml")).unwrap();
    assert!(written.starts_with("# yaml-language-server: $schema=./callactions.schema.json\n"));
    assert!(
        written.contains("variables:\n  context: [customerId]\n"),
        "{written}"
    );
    let schema =
        std::fs::read_to_string(dir.path().join("actions/callactions.schema.json")).unwrap();
    assert_eq!(schema, crate::harness::callactions(["schema"]).stdout);
}

#[test]
fn an_action_with_errors_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let run = init(
        dir.path(),
        &[
            "--event",
            "call_start",
            "--url",
            "https://crm.example.com/calls",
            "--body",
            "{\"id\": \"${callInfo.callsid}\", \"s\": \"${analysis.results.summary}\"}",
            "--yes",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[unknown-variable]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("error[unavailable-variable]"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert!(!dir.path().join("callactions.yaml").exists());
}

#[test]
fn the_preview_shows_where_the_request_goes_and_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "init",
        "--color",
        "never",
        "--event",
        "call_end",
        "--name",
        "zendesk",
        "--method",
        "POST",
        "--timeout",
        "10",
        "--url",
        "${env.HUBSPOT_BASE}/crm/v3/objects/notes",
        "--header",
        "Content-Type: application/json",
        "--body",
        "{\"ticket\": \"${context.zendeskId}\"}",
    ];
    let mut session = crate::harness::terminal_with(
        &args,
        dir.path(),
        &[("HUBSPOT_BASE", "https://api.hubapi.com")],
    );
    session
        .exp_string("`${context.zendeskId}` is not in the call_end payload")
        .unwrap();
    session
        .exp_string("POST https://api.hubapi.com/****")
        .unwrap();
    session.exp_string("Write this action").unwrap();
    settle();
    type_keys(&mut session, ENTER);
    session.exp_string("Also write").unwrap();
    settle();
    type_keys(&mut session, "n");
    session.exp_eof().unwrap();
    let written = std::fs::read_to_string(dir.path().join("callactions.yaml")).unwrap();
    assert!(
        written.contains("variables:\n  context: [zendeskId]\n"),
        "{written}"
    );
    assert!(!dir.path().join("callactions.schema.json").exists());
}

const EXISTING: &str =
    "actions:\n  - name: first\n    event: call_end\n    url: https://x.example.com/a\n";

fn add(dir: &Path, file: &str, name: &str) -> Run {
    init(
        dir,
        &[
            "--event",
            "call_end",
            "--url",
            "https://x.example.com/b",
            "--name",
            name,
            "--yes",
            file,
        ],
    )
}

#[test]
fn an_edit_saved_while_the_prompts_are_open_is_never_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callactions.yaml");
    std::fs::write(&path, EXISTING).unwrap();
    let mut session = terminal(&["init", "--color", "never"], dir.path());
    session.exp_string("transfer_end").unwrap();
    // The user saves an edit in the editor meanwhile.
    let edited = format!("{EXISTING}# edited while init asked\n");
    std::fs::write(&path, &edited).unwrap();
    settle();
    type_keys(&mut session, ENTER); // call_start
    session.exp_string("Name").unwrap();
    settle();
    session.send_line("second").unwrap();
    session.exp_string("Method").unwrap();
    settle();
    type_keys(&mut session, ENTER);
    session.exp_string("URL").unwrap();
    settle();
    session.send_line("https://x.example.com/b").unwrap();
    session.exp_string("Timeout").unwrap();
    settle();
    session.send_line("").unwrap();
    session.exp_string("Body").unwrap();
    settle();
    type_keys(&mut session, ENTER);
    session.exp_string("Credential").unwrap();
    settle();
    type_keys(&mut session, ENTER);
    session.exp_string("Add another header").unwrap();
    settle();
    type_keys(&mut session, ENTER);
    session.exp_string("Write this action").unwrap();
    settle();
    type_keys(&mut session, ENTER);
    session.exp_string("changed while this ran").unwrap();
    session.exp_eof().unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn ten_at_once_lose_no_action() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callactions.yaml");
    std::fs::write(&path, EXISTING).unwrap();
    let runs: Vec<_> = (0..10)
        .map(|i| {
            let dir = dir.path().to_owned();
            std::thread::spawn(move || add(&dir, "callactions.yaml", &format!("n{i}")))
        })
        .collect();
    let mut added = 0;
    for run in runs {
        let run = run.join().unwrap();
        match run.code {
            0 => added += 1,
            // Refused because another run wrote first: said, and nothing lost.
            3 => assert!(
                run.stderr.contains("changed while this ran"),
                "{}",
                run.stderr
            ),
            code => panic!("{code}: {}", run.stderr),
        }
    }
    let text = std::fs::read_to_string(&path).unwrap();
    let written = (0..10)
        .filter(|i| text.contains(&format!("name: n{i}\n")))
        .count();
    assert_eq!(written, added, "{text}");
    assert!(added >= 1);
}

#[cfg(unix)]
#[test]
fn links_and_permissions_are_kept_and_read_only_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.yaml");
    std::fs::write(&target, EXISTING).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real.yaml", dir.path().join("link.yaml")).unwrap();
    let run = add(dir.path(), "link.yaml", "through-the-link");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::symlink_metadata(dir.path().join("link.yaml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("name: through-the-link")
    );
    assert_eq!(
        std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o640
    );

    std::fs::hard_link(&target, dir.path().join("hard.yaml")).unwrap();
    let run = add(dir.path(), "hard.yaml", "through-the-hard-link");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("name: through-the-hard-link")
    );

    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o440)).unwrap();
    let before = std::fs::read_to_string(&target).unwrap();
    let run = add(dir.path(), "real.yaml", "refused");
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains("is read-only"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_says_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let run = add(dir.path(), "locked/new.yaml", "x");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    // As root every folder is writable; the message is what matters elsewhere.
    if run.code != 0 {
        assert_eq!(run.code, 3);
        assert!(
            run.stderr
                .contains("cannot write locked/new.yaml: permission denied"),
            "{}",
            run.stderr
        );
    }
}
