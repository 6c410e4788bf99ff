//! The escaping guarantees of SPEC §4, over arbitrary Unicode: no value can change the
//! shape of a request.

use proptest::prelude::*;
use serde_json::{Value, json};

use callactions::action::{Action, Header, Method};
use callactions::event::Event;
use callactions::request::{self, Options, Request};
use callactions::template::Template;
use callactions::template::encode::percent_decode;

/// Strings rich in the characters that break things.
fn nasty() -> impl Strategy<Value = String> {
    let special = prop_oneof![
        Just('"'),
        Just('\\'),
        Just('&'),
        Just('#'),
        Just('%'),
        Just('/'),
        Just('?'),
        Just('='),
        Just('+'),
        Just(' '),
        Just('\r'),
        Just('\n'),
        Just('\t'),
        Just('\0'),
        Just('\''),
        Just('$'),
        Just('{'),
        Just('}'),
        Just('é'),
        Just('日'),
        Just('\u{1F600}'),
        Just('\u{7f}'),
        Just('\u{2028}'),
    ];
    prop::collection::vec(prop_oneof![3 => special, 2 => any::<char>()], 0..40)
        .prop_map(String::from_iter)
}

fn action(url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Action {
    Action {
        name: "prop".to_owned(),
        event: Event::CallEnd,
        method: Method::Post,
        url: Template::parse(url).unwrap(),
        timeout: 15,
        headers: headers
            .iter()
            .map(|(name, value)| Header {
                name: (*name).to_owned(),
                value: Template::parse(value).unwrap(),
            })
            .collect(),
        body: body.map(|b| Template::parse(b).unwrap()),
        span: Default::default(),
        entry: Default::default(),
        faulty: false,
    }
}

/// The rendered request, or `None` when rendering refused the value.
fn render(action: &Action, value: &str) -> Option<Request> {
    let payload = json!({"context": {"v": value}});
    let options = Options { env: &|_| None };
    request::render(action, &payload, &options)
        .map(|(request, _)| request)
        .ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_value_in_a_json_string_parses_back_to_itself(value in nasty()) {
        let action = action(
            "https://x.example.com/",
            &[("Content-Type", "application/json")],
            Some(r#"{"v": "${context.v}", "w": "<${context.v}>"}"#),
        );
        let request = render(&action, &value).unwrap();
        let body: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
        prop_assert_eq!(body["v"].as_str(), Some(value.as_str()));
        let wrapped = format!("<{value}>");
        prop_assert_eq!(body["w"].as_str(), Some(wrapped.as_str()));
        prop_assert_eq!(body.as_object().unwrap().len(), 2);
    }

    #[test]
    fn a_value_in_a_bare_json_position_is_a_json_string(value in nasty()) {
        let action = action("https://x.example.com/", &[], Some(r#"{"v": ${context.v}}"#));
        let request = render(&action, &value).unwrap();
        let body: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
        prop_assert_eq!(body["v"].as_str(), Some(value.as_str()));
    }

    #[test]
    fn a_value_in_the_query_decodes_to_itself_and_adds_no_parameter(value in nasty()) {
        let action = action("https://x.example.com/calls/${context.v}/log?a=${context.v}&b=1", &[], None);
        let request = render(&action, &value).unwrap();
        let (path, query) = request.url.split_once('?').unwrap();
        prop_assert!(!query.contains('#'));
        let params: Vec<&str> = query.split('&').collect();
        prop_assert_eq!(params.len(), 2);
        prop_assert_eq!(percent_decode(params[0].strip_prefix("a=").unwrap(), false), value.clone());
        prop_assert_eq!(params[1], "b=1");
        let segments: Vec<&str> = path.trim_start_matches("https://x.example.com/").split('/').collect();
        prop_assert_eq!(segments.len(), 3);
        prop_assert_eq!(percent_decode(segments[1], false), value);
    }

    #[test]
    fn a_value_in_a_form_body_decodes_to_itself(value in nasty()) {
        let action = action(
            "https://x.example.com/",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            Some("a=${context.v}&b=1"),
        );
        let request = render(&action, &value).unwrap();
        let body = request.body.unwrap();
        let params: Vec<&str> = body.split('&').collect();
        prop_assert_eq!(params.len(), 2);
        prop_assert_eq!(percent_decode(params[0].strip_prefix("a=").unwrap(), true), value);
    }

    #[test]
    fn a_header_value_with_a_line_break_is_refused(value in nasty()) {
        let action = action("https://x.example.com/", &[("X-Value", "v=${context.v}")], None);
        let result = render(&action, &value);
        // A line break would end the header; no control character but the tab can be sent.
        if value.chars().any(|c| (c.is_ascii_control() && c != '\t') || c == '\u{7f}') {
            prop_assert!(result.is_none());
        } else {
            let request = result.unwrap();
            let expected = format!("v={value}");
            prop_assert_eq!(request.header("X-Value"), Some(expected.as_str()));
        }
    }
}
