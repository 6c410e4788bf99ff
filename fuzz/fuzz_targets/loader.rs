//! Reading, checking and rendering any text ends with findings, never a panic.
#![no_main]

use std::path::Path;
use std::sync::Arc;

use callactions::check::{Policy, source};
use callactions::request::{Options, render};
use callactions::source::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let env = |_: &str| None;
    let policy = Policy::new(&env);
    let checked = source(
        Path::new("fuzz.yaml"),
        Arc::new(Source::new(text.to_owned())),
        &policy,
    );
    for diagnostic in &checked.diagnostics {
        assert!(diagnostic.span.start.line >= 1 || diagnostic.span.start.line == 0);
    }
    let options = Options { env: &env };
    for action in &checked.file.actions {
        let payload = callactions::payload::sample(action.event);
        let _ = render(action, &payload, &options);
    }
});
