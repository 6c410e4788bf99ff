//! A bad and a good file for each rule, for `callactions explain`: the bad one is the
//! rule's test fixture (which must report it), the good one its fixed form (which must
//! not). Both are files of the repository, checked by the tests, so an example cannot
//! drift from what the rule does.

/// The bad and the good example of the rule `id`.
pub fn of(id: &str) -> Option<(&'static str, &'static str)> {
    Some(match id {
        "bare-string" => (
            include_str!("../../fixtures/invalid/bare-string.yaml"),
            include_str!("../../fixtures/explain/bare-string.yaml"),
        ),
        "body-ignored" => (
            include_str!("../../fixtures/invalid/body-ignored.yaml"),
            include_str!("../../fixtures/explain/body-ignored.yaml"),
        ),
        "duplicate-key" => (
            include_str!("../../fixtures/invalid/duplicate-key.yaml"),
            include_str!("../../fixtures/explain/duplicate-key.yaml"),
        ),
        "duplicate-name" => (
            include_str!("../../fixtures/invalid/duplicate-name.yaml"),
            include_str!("../../fixtures/explain/duplicate-name.yaml"),
        ),
        "env-missing" => (
            include_str!("../../fixtures/invalid/env-missing.yaml"),
            include_str!("../../fixtures/explain/env-missing.yaml"),
        ),
        "header-injection" => (
            include_str!("../../fixtures/invalid/header-injection.yaml"),
            include_str!("../../fixtures/explain/header-injection.yaml"),
        ),
        "insecure-url" => (
            include_str!("../../fixtures/invalid/insecure-url.yaml"),
            include_str!("../../fixtures/explain/insecure-url.yaml"),
        ),
        "invalid-event" => (
            include_str!("../../fixtures/invalid/invalid-event.yaml"),
            include_str!("../../fixtures/explain/invalid-event.yaml"),
        ),
        "invalid-file" => (
            include_str!("../../fixtures/invalid/invalid-file-list.yaml"),
            include_str!("../../fixtures/explain/invalid-file.yaml"),
        ),
        "invalid-header" => (
            include_str!("../../fixtures/invalid/invalid-header.yaml"),
            include_str!("../../fixtures/explain/invalid-header.yaml"),
        ),
        "invalid-json-body" => (
            include_str!("../../fixtures/invalid/invalid-json-body.yaml"),
            include_str!("../../fixtures/explain/invalid-json-body.yaml"),
        ),
        "invalid-method" => (
            include_str!("../../fixtures/invalid/invalid-method.yaml"),
            include_str!("../../fixtures/explain/invalid-method.yaml"),
        ),
        "invalid-name" => (
            include_str!("../../fixtures/invalid/invalid-name.yaml"),
            include_str!("../../fixtures/explain/invalid-name.yaml"),
        ),
        "invalid-url" => (
            include_str!("../../fixtures/invalid/invalid-url.yaml"),
            include_str!("../../fixtures/explain/invalid-url.yaml"),
        ),
        "missing-content-type" => (
            include_str!("../../fixtures/invalid/missing-content-type.yaml"),
            include_str!("../../fixtures/explain/missing-content-type.yaml"),
        ),
        "missing-key" => (
            include_str!("../../fixtures/invalid/missing-key.yaml"),
            include_str!("../../fixtures/explain/missing-key.yaml"),
        ),
        "template-syntax" => (
            include_str!("../../fixtures/invalid/template-syntax.yaml"),
            include_str!("../../fixtures/explain/template-syntax.yaml"),
        ),
        "timeout-range" => (
            include_str!("../../fixtures/invalid/timeout-range.yaml"),
            include_str!("../../fixtures/explain/timeout-range.yaml"),
        ),
        "unavailable-variable" => (
            include_str!("../../fixtures/invalid/unavailable-variable.yaml"),
            include_str!("../../fixtures/explain/unavailable-variable.yaml"),
        ),
        "undeclared-key" => (
            include_str!("../../fixtures/invalid/undeclared-key.yaml"),
            include_str!("../../fixtures/explain/undeclared-key.yaml"),
        ),
        "unknown-base-url" => (
            include_str!("../../fixtures/invalid/unknown-base-url.yaml"),
            include_str!("../../fixtures/explain/unknown-base-url.yaml"),
        ),
        "unknown-key" => (
            include_str!("../../fixtures/invalid/unknown-key.yaml"),
            include_str!("../../fixtures/explain/unknown-key.yaml"),
        ),
        "unknown-open-key" => (
            include_str!("../../fixtures/invalid/unknown-open-key.yaml"),
            include_str!("../../fixtures/explain/unknown-open-key.yaml"),
        ),
        "unknown-variable" => (
            include_str!("../../fixtures/invalid/unknown-variable.yaml"),
            include_str!("../../fixtures/explain/unknown-variable.yaml"),
        ),
        "unused-ignore" => (
            include_str!("../../fixtures/invalid/unused-ignore.yaml"),
            include_str!("../../fixtures/explain/unused-ignore.yaml"),
        ),
        "wrong-type" => (
            include_str!("../../fixtures/invalid/wrong-type.yaml"),
            include_str!("../../fixtures/explain/wrong-type.yaml"),
        ),
        "yaml-syntax" => (
            include_str!("../../fixtures/invalid/yaml-syntax.yaml"),
            include_str!("../../fixtures/explain/yaml-syntax.yaml"),
        ),
        _ => return None,
    })
}
