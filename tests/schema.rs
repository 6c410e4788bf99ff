//! The committed JSON Schema is what `callactions schema` prints.

use crate::harness::{callactions, root};

#[test]
fn committed_schema_is_current() {
    let run = callactions(["schema"]);
    assert_eq!(run.code, 0);
    let committed = std::fs::read_to_string(root().join("callactions.schema.json")).unwrap();
    assert!(
        committed == run.stdout,
        "callactions.schema.json is stale; regenerate it with\n  cargo run -- schema > callactions.schema.json"
    );
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
}
