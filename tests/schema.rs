//! The committed JSON Schema is what `callactions schema` prints.

use crate::harness::{callactions, check_generated, root};

#[test]
fn committed_schema_is_current() {
    let run = callactions(["schema"]);
    assert_eq!(run.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    check_generated(
        &root().join("callactions.schema.json"),
        run.stdout.as_bytes(),
    );
}
