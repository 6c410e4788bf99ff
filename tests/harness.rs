//! Runs the real binary hermetically: a cleared environment, colour off, the repository
//! root as working directory (so fixture paths in output are short and stable). Every
//! test that starts the binary starts it through here.

use std::path::{Path, PathBuf};
use std::process::Output;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("callactions")
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Exit code and both streams, for a snapshot.
    pub fn transcript(&self) -> String {
        format!(
            "exit code: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

pub struct Test {
    command: assert_cmd::Command,
}

impl Test {
    pub fn new() -> Test {
        let mut command = assert_cmd::Command::new(binary());
        command.env_clear().current_dir(root());
        Test { command }
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.command.args(args);
        self
    }

    pub fn arg_path(mut self, path: &Path) -> Test {
        self.command.arg(path);
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.command.env(key, value);
        self
    }

    /// Kills the run after `seconds`: for a test of something that used to hang.
    pub fn timeout(mut self, seconds: u64) -> Test {
        self.command
            .timeout(std::time::Duration::from_secs(seconds));
        self
    }

    pub fn current_dir(mut self, dir: &Path) -> Test {
        self.command.current_dir(dir);
        self
    }

    pub fn run(mut self) -> Run {
        let Output {
            status,
            stdout,
            stderr,
        } = self.command.output().expect("the binary runs");
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }
}

pub fn callactions<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Test::new().args(args).run()
}

/// The binary as a hermetic `std::process::Command`, for tests that spawn it and talk to
/// it while it runs (pipes, servers).
pub fn command() -> std::process::Command {
    let mut command = std::process::Command::new(binary());
    command.env_clear().current_dir(root());
    command
}

/// Kills the process `pid` if it still runs after `seconds`, so a server a test started
/// cannot hang the test run.
pub fn watchdog(pid: u32, seconds: u64) {
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(seconds));
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .stderr(std::process::Stdio::null())
            .status();
    });
}

/// The binary in a pseudo-terminal, in `dir`, as a user at a terminal runs it.
pub fn terminal(args: &[&str], dir: &Path) -> rexpect::session::PtySession {
    terminal_with(args, dir, &[])
}

/// [`terminal`] with more environment variables (a later `TERM` wins).
pub fn terminal_with(
    args: &[&str],
    dir: &Path,
    env: &[(&str, &str)],
) -> rexpect::session::PtySession {
    let mut command = command();
    command.args(args).current_dir(dir).env("TERM", "xterm");
    for (key, value) in env {
        command.env(key, value);
    }
    rexpect::session::spawn_command(command, Some(10_000)).expect("a pseudo-terminal")
}

/// Keys typed at a terminal session, sent at once.
pub fn type_keys(session: &mut rexpect::session::PtySession, keys: &str) {
    session.send(keys).expect("the terminal takes keys");
    session.flush().expect("the terminal takes keys");
}

/// A prompt is drawn a moment before it reads keys in raw mode; keys sent in between
/// would be read in line mode.
pub fn settle() {
    std::thread::sleep(std::time::Duration::from_millis(250));
}

/// A temporary folder holding `yaml` as its `callactions.yaml`.
pub fn project(yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("callactions.yaml"), yaml).expect("the folder is writable");
    dir
}

/// What a fixture's leading comments ask for: `# args: …` (quoted as in `sh`) and
/// `# env: KEY=VALUE …`.
pub struct FixtureHeader {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

pub fn fixture_header(path: &Path) -> FixtureHeader {
    let bytes = std::fs::read(path).expect("the fixture is readable");
    let text = String::from_utf8_lossy(&bytes);
    let mut header = FixtureHeader {
        args: Vec::new(),
        env: Vec::new(),
    };
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        if let Some(args) = line.strip_prefix("# args:") {
            header.args.extend(split(args));
        }
        if let Some(env) = line.strip_prefix("# env:") {
            for pair in env.split_whitespace() {
                let (key, value) = pair.split_once('=').expect("env is KEY=VALUE");
                header.env.push((key.to_owned(), value.to_owned()));
            }
        }
    }
    header
}

impl Test {
    /// The arguments and environment a fixture's header asks for.
    pub fn fixture(mut self, header: &FixtureHeader) -> Test {
        self = self.args(&header.args);
        for (key, value) in &header.env {
            self = self.env(key, value);
        }
        self
    }
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

/// Committed files generated from the code (README sections, completion scripts, the
/// schema, the man page) are checked against a fresh copy; `UPDATE_GENERATED=1 cargo test`
/// rewrites every one of them.
pub fn check_generated(path: &Path, fresh: &[u8]) {
    if std::fs::read(path).ok().as_deref() == Some(fresh) {
        return;
    }
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(path, fresh).expect("the repository is writable");
        return;
    }
    panic!(
        "{} is stale; regenerate it with\n  UPDATE_GENERATED=1 cargo test",
        path.strip_prefix(root()).unwrap_or(path).display()
    );
}

/// Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` of the README
/// with `expected`, as [`check_generated`] does for a whole file.
pub fn check_readme_section(name: &str, expected: &str) {
    // Tests run in parallel, and each rewrites its own section of the one file.
    static README: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _only_one = README
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("the README is readable");
    let start_marker = format!("<!-- {name}:start -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let start = readme
        .find(&start_marker)
        .unwrap_or_else(|| panic!("README has no {start_marker}"))
        + start_marker.len();
    let end = readme
        .find(&end_marker)
        .unwrap_or_else(|| panic!("README has no {end_marker}"));
    if readme[start..end] == *expected {
        return;
    }
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("the README is writable");
        return;
    }
    panic!(
        "the README's `{name}` section is stale; regenerate it with\n  UPDATE_GENERATED=1 cargo test\n--- expected:\n{expected}"
    );
}
