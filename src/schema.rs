//! The JSON Schema (draft-07, the widest editor support) of the action file, built from
//! the same field tables, event list, methods and limits the loader checks against.

use serde_json::{Map, Value, json};

use crate::action::{
    ACTION_FIELDS, DEFAULT_METHOD, DEFAULT_TIMEOUT, FILE_FIELDS, Field, Method, TIMEOUT_RANGE,
    VARIABLES_FIELDS,
};
use crate::event::Event;
use crate::header;

/// The schema's file name, beside the action files: what `init` writes and its
/// `$schema` line points at (`./callactions.schema.json`), and what the README says.
pub const SCHEMA_FILE: &str = "callactions.schema.json";

pub fn schema() -> Value {
    let action = object(ACTION_FIELDS, |key| match key {
        "name" => json!({"type": "string", "pattern": "^[A-Za-z0-9_-]+$"}),
        "event" => json!({
            "type": "string",
            "enum": Event::names().collect::<Vec<_>>(),
            "enumDescriptions": Event::ALL.iter().map(|e| format!("Fires when {}.", e.fires_when())).collect::<Vec<_>>(),
        }),
        "method" => json!({
            "type": "string",
            // Any case is accepted; the schema lists the usual two spellings.
            "enum": Method::ALL.iter().flat_map(|m| [m.name().to_owned(), m.name().to_lowercase()]).collect::<Vec<_>>(),
            "default": DEFAULT_METHOD.name(),
        }),
        "url" => json!({"type": "string", "pattern": "^(?:[Hh][Tt][Tt][Pp][Ss]?://|\\$\\{)"}),
        "timeout" => json!({
            "type": "integer",
            "minimum": TIMEOUT_RANGE.start(),
            "maximum": TIMEOUT_RANGE.end(),
            "default": DEFAULT_TIMEOUT,
        }),
        "headers" => json!({
            "type": ["object", "null"],
            "propertyNames": {"pattern": header_name_pattern()},
            "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
        }),
        "body" => json!({"type": ["string", "null"]}),
        _ => json!({}),
    });
    let variables = object(
        VARIABLES_FIELDS,
        |_| json!({"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$"}, "uniqueItems": true}),
    );
    let file = object(FILE_FIELDS, |key| match key {
        "variables" => variables.clone(),
        "actions" => json!({"type": "array", "items": {"$ref": "#/definitions/action"}}),
        _ => json!({}),
    });
    let mut schema = Map::new();
    schema.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    schema.insert("title".into(), json!("callactions action file"));
    schema.insert(
        "description".into(),
        json!("Webhooks fired at moments of a phone call. See `callactions events` and `callactions payload EVENT --vars`."),
    );
    if let Value::Object(file) = file {
        schema.extend(file);
    }
    schema.insert("definitions".into(), json!({"action": action}));
    Value::Object(schema)
}

/// An object schema of `fields`, each property from `property(key)` with the field's description.
fn object(fields: &[Field], property: impl Fn(&str) -> Value) -> Value {
    let mut properties = Map::new();
    for field in fields {
        let mut schema = property(field.key);
        if let Some(map) = schema.as_object_mut() {
            map.insert("description".into(), json!(field.description));
        }
        properties.insert(field.key.to_owned(), schema);
    }
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// The pattern of [`header::TOKEN_SYMBOLS`] and ASCII letters and digits.
fn header_name_pattern() -> String {
    format!("^[A-Za-z0-9{}-]+$", header::TOKEN_SYMBOLS.replace('-', ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_are_the_loaders_fields() {
        let schema = schema();
        let keys = |v: &Value| -> Vec<String> {
            v["properties"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect()
        };
        let expect =
            |fields: &[Field]| -> Vec<String> { fields.iter().map(|f| f.key.to_owned()).collect() };
        assert_eq!(keys(&schema), expect(FILE_FIELDS));
        assert_eq!(
            keys(&schema["definitions"]["action"]),
            expect(ACTION_FIELDS)
        );
        assert_eq!(
            keys(&schema["properties"]["variables"]),
            expect(VARIABLES_FIELDS)
        );
        assert_eq!(
            schema["definitions"]["action"]["required"],
            json!(["name", "event", "url"])
        );
        assert_eq!(
            schema["definitions"]["action"]["properties"]["event"]["enum"]
                .as_array()
                .unwrap()
                .len(),
            6
        );
        assert_eq!(
            schema["definitions"]["action"]["properties"]["timeout"]["maximum"],
            60
        );
    }
}
