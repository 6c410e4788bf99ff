//! A body template read as JSON either renders to valid JSON or fails to render, whatever
//! the template and whatever the payload's values: never a body that does not parse.
#![no_main]

use callactions::action::{Action, Header, Method};
use callactions::event::Event;
use callactions::request::{Options, render};
use callactions::template::Template;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (body, value) = input;
    let Ok(body) = Template::parse(body) else {
        return;
    };
    let action = Action {
        name: "fuzz".to_owned(),
        event: Event::CallEnd,
        method: Method::Post,
        url: Template::parse("https://x.example.com/").unwrap(),
        timeout: 15,
        headers: vec![Header {
            name: "Content-Type".to_owned(),
            value: Template::parse("application/json").unwrap(),
        }],
        body: Some(body),
        span: Default::default(),
        entry: Default::default(),
        faulty: false,
    };
    let payload = serde_json::json!({"context": {"v": value, "n": 1.5, "o": {"a": [value]}}});
    let options = Options {
        env: &|_| Some(value.to_owned()),
    };
    if let Ok((request, _)) = render(&action, &payload, &options) {
        let body = request.body.unwrap_or_default();
        assert!(
            serde_json::from_str::<serde_json::Value>(&body).is_ok(),
            "rendered a body that is not JSON: {body:?}"
        );
    }
});
