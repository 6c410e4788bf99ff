//! A bad and a good file for each rule, for `callactions explain`: the bad one is the
//! rule's test fixture (which must report it), the good one its fixed form (which must
//! not). Both are files of the repository, checked by the tests, so an example cannot
//! drift from what the rule does.

/// The fixture `invalid/<bad>.yaml` and its fixed form `explain/<good>.yaml`.
macro_rules! pair {
    ($name:literal) => {
        pair!($name, $name)
    };
    ($bad:literal, $good:literal) => {
        (
            include_str!(concat!("../../fixtures/invalid/", $bad, ".yaml")),
            include_str!(concat!("../../fixtures/explain/", $good, ".yaml")),
        )
    };
}

/// The bad and the good example of the rule `id`.
pub fn of(id: &str) -> Option<(&'static str, &'static str)> {
    Some(match id {
        "bare-string" => pair!("bare-string"),
        "body-ignored" => pair!("body-ignored"),
        "duplicate-key" => pair!("duplicate-key"),
        "duplicate-name" => pair!("duplicate-name"),
        "env-missing" => pair!("env-missing"),
        "header-injection" => pair!("header-injection"),
        "insecure-url" => pair!("insecure-url"),
        "invalid-event" => pair!("invalid-event"),
        "invalid-file" => pair!("invalid-file-list", "invalid-file"),
        "invalid-header" => pair!("invalid-header"),
        "invalid-json-body" => pair!("invalid-json-body"),
        "invalid-method" => pair!("invalid-method"),
        "invalid-name" => pair!("invalid-name"),
        "invalid-url" => pair!("invalid-url"),
        "missing-content-type" => pair!("missing-content-type"),
        "missing-key" => pair!("missing-key"),
        "template-syntax" => pair!("template-syntax"),
        "timeout-range" => pair!("timeout-range"),
        "unavailable-variable" => pair!("unavailable-variable"),
        "undeclared-key" => pair!("undeclared-key"),
        "unknown-base-url" => pair!("unknown-base-url"),
        "unknown-key" => pair!("unknown-key"),
        "unknown-open-key" => pair!("unknown-open-key"),
        "unknown-variable" => pair!("unknown-variable"),
        "unused-ignore" => pair!("unused-ignore"),
        "wrong-type" => pair!("wrong-type"),
        "yaml-syntax" => pair!("yaml-syntax"),
        _ => return None,
    })
}
