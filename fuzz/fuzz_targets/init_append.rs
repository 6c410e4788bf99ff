//! `init`'s append keeps every old byte: on any file that reads as actions, the result
//! holds the old text around the new action, and every old action renders as before.
#![no_main]

use callactions::action::Method;
use callactions::action_writer::{Answers, Body, append, read_back};
use callactions::event::Event;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|existing: &str| {
    let answers = Answers {
        event: Event::CallEnd,
        name: "fuzz-added".to_owned(),
        method: Method::Post,
        url: "https://x.example.com/${callInfo.callSid}".to_owned(),
        timeout: 15,
        headers: vec![("Content-Type".to_owned(), "application/json".to_owned())],
        body: Body::Text("{\"id\": \"${callInfo.callSid}\"}".to_owned()),
    };
    let Ok(appended) = append(existing, &answers) else {
        return;
    };
    // What read_back refuses is never written; what it accepts kept the old actions.
    if read_back(&appended, &answers, Some(existing)).is_ok() {
        assert!(appended.len() > existing.trim_end().len());
    }
});
