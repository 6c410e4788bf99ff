//! One integration-test binary (as in casey/just): every test runs the real `callactions`.

mod harness;
mod server;

mod architecture;
mod browser;
mod cli;
mod completions;
mod curl;
mod escaping;
mod explain;
mod fire;
mod fix;
mod hostile;
mod init;
mod listen;
mod load;
mod locust;
mod lsp;
mod neovim;
mod pre_commit;
mod project;
mod readme;
mod render_cases;
mod schema;
mod secrets;
mod simulate;
mod terminal;
mod validate_cases;
mod validate_formats;
mod verdict;
mod walkthrough;
