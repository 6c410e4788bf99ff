//! Event payloads: the built-in samples derived from the variable table, payload files,
//! and `--set` overrides.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::error::Error;
use crate::event::Event;
use crate::template::{Segment, VarPath};
use crate::variable;

/// The sample payload of `event`, built once.
pub fn sample_ref(event: Event) -> &'static Value {
    static SAMPLES: OnceLock<Vec<Value>> = OnceLock::new();
    let samples = SAMPLES.get_or_init(|| Event::ALL.into_iter().map(build_sample).collect());
    &samples[event as usize]
}

/// The sample payload of `event`: every variable of the table present at it, with its example.
pub fn sample(event: Event) -> Value {
    sample_ref(event).clone()
}

fn build_sample(event: Event) -> Value {
    let mut payload = Value::Object(Map::new());
    for variable in variable::at(event) {
        let path = VarPath::new(
            variable
                .segments()
                .map(|s| Segment::Key(s.to_owned()))
                .collect(),
        );
        // Paths of the table are keys only, so setting them cannot fail.
        let _ = set(&mut payload, &path, variable.example_for(event));
    }
    payload
}

/// The value at a dot path of names (a path of the variable table), if the payload has one.
pub fn get_path<'v>(payload: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.')
        .try_fold(payload, |value, key| value.get(key))
}

/// The value at `path`, if the payload has one.
pub fn get<'v>(payload: &'v Value, path: &VarPath) -> Option<&'v Value> {
    path.segments()
        .iter()
        .try_fold(payload, |value, segment| match segment {
            Segment::Key(key) => value.get(key),
            Segment::Index(index) => value.get(index),
        })
}

/// Sets the value at `path`, creating objects on the way; an index may replace an item or
/// add one at the end of an array.
pub fn set(payload: &mut Value, path: &VarPath, new: Value) -> Result<(), String> {
    let mut here = payload;
    for segment in path.segments() {
        if here.is_null() {
            *here = match segment {
                Segment::Key(_) => Value::Object(Map::new()),
                Segment::Index(_) => Value::Array(Vec::new()),
            };
        }
        here = match (segment, here) {
            (Segment::Key(key), Value::Object(map)) => {
                map.entry(key.clone()).or_insert(Value::Null)
            }
            (Segment::Index(index), Value::Array(items)) => {
                if *index == items.len() {
                    items.push(Value::Null);
                }
                let len = items.len();
                items.get_mut(*index).ok_or_else(|| {
                    format!("index {index} is past the end of an array of {len} items")
                })?
            }
            (segment, other) => {
                let what = match segment {
                    Segment::Key(key) => format!("key `{key}`"),
                    Segment::Index(index) => format!("index {index}"),
                };
                return Err(format!("cannot set {what} inside {}", kind(other)));
            }
        };
    }
    *here = new;
    Ok(())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Segments a `--set` path may have.
pub const MAX_SET_DEPTH: usize = 32;

/// One `--set PATH=VALUE`.
#[derive(Clone, Debug)]
pub struct Override {
    pub path: VarPath,
    pub value: Value,
}

impl std::str::FromStr for Override {
    type Err = String;

    /// VALUE is JSON when it parses as JSON, else a string: `--set duration=30`,
    /// `--set outcome=busy`, `--set 'context.tags=["a"]'`.
    fn from_str(text: &str) -> Result<Override, String> {
        let (path, value) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}` is not PATH=VALUE, as in `callInfo.attempt=2`"))?;
        let value = serde_json::from_str(value).unwrap_or_else(|_| Value::String(value.to_owned()));
        Override::new(path, value)
    }
}

impl Override {
    /// The value `value` at the dot path `path` (as in `callInfo.attempt`).
    pub fn new(path: &str, value: Value) -> Result<Override, String> {
        let path =
            VarPath::parse(path.trim()).map_err(|e| format!("bad path `{path}`: {}", e.message))?;
        // Payloads are a few levels deep; a deeper path would only build a value too deep
        // to print.
        if path.segments().len() > MAX_SET_DEPTH {
            return Err(format!(
                "the path has {} segments; a --set path may have {MAX_SET_DEPTH} at most",
                path.segments().len()
            ));
        }
        Ok(Override { path, value })
    }
}

/// Where the payload of each event comes from, as chosen on the command line.
#[derive(Debug, Default)]
pub struct Payloads {
    /// `--payload FILE.json`: one payload for every event.
    file: Option<Value>,
    /// `--payload DIR`: the events that have a `DIR/<event>.json`.
    by_event: HashMap<Event, Value>,
    overrides: Vec<Override>,
    /// The payload of each event, in [`Event::ALL`] order, made at load.
    resolved: Vec<Value>,
}

impl Payloads {
    pub fn load(payload: Option<&Path>, overrides: Vec<Override>) -> Result<Payloads, Error> {
        let mut payloads = Payloads {
            overrides,
            ..Payloads::default()
        };
        match payload {
            None => {}
            Some(dir) if dir.is_dir() => {
                for event in Event::ALL {
                    let file = dir.join(format!("{event}.json"));
                    if file.is_file() {
                        payloads.by_event.insert(event, read_json(&file)?);
                    }
                }
            }
            Some(file) => payloads.file = Some(read_json(file)?),
        }
        // Each event's payload is made once, and every action of the event reads it.
        for event in Event::ALL {
            let payload = payloads.for_event_or(event, || sample(event))?;
            payloads.resolved.push(payload);
        }
        Ok(payloads)
    }

    /// The payload an action of `event` is rendered against.
    pub fn for_event(&self, event: Event) -> &Value {
        self.resolved
            .get(event as usize)
            .unwrap_or_else(|| sample_ref(event))
    }

    /// The payload of `event` from the command line, or `default` where it gives none;
    /// `--set` applies to either.
    pub fn for_event_or(
        &self,
        event: Event,
        default: impl FnOnce() -> Value,
    ) -> Result<Value, Error> {
        let mut payload = self
            .file
            .as_ref()
            .or_else(|| self.by_event.get(&event))
            .cloned()
            .unwrap_or_else(default);
        for Override { path, value } in &self.overrides {
            set(&mut payload, path, value.clone()).map_err(|message| Error::Usage {
                message: format!("--set {path}: {message}"),
                help: "--set PATH=VALUE sets one value of the payload, as in `--set callInfo.attempt=2`".to_owned(),
            })?;
        }
        Ok(payload)
    }
}

fn read_json(path: &Path) -> Result<Value, Error> {
    let problem = |message: String| Error::Payload {
        path: path.to_owned(),
        message,
    };
    let bytes = match crate::file_read::read_capped(path)? {
        crate::file_read::Capped::Bytes(bytes) => bytes,
        crate::file_read::Capped::TooLarge(_) => {
            return Err(problem(format!(
                "too large: a payload file may hold {} MiB at most",
                crate::file_read::MAX_FILE_SIZE >> 20
            )));
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| problem("not UTF-8 text".to_owned()))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| Error::Payload {
        path: path.to_owned(),
        message: format!("not valid JSON: {e}"),
    })?;
    if !value.is_object() {
        return Err(Error::Payload {
            path: path.to_owned(),
            message: "a payload must be a JSON object, as `callactions payload EVENT` prints"
                .to_owned(),
        });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn path(text: &str) -> VarPath {
        VarPath::parse(text).unwrap()
    }

    #[test]
    fn samples_follow_the_table() {
        let start = sample(Event::CallStart);
        assert!(get(&start, &path("callInfo.callSid")).is_some());
        assert!(get(&start, &path("callInfo.endedAt")).is_none());
        assert!(get(&start, &path("analysis")).is_none());
        let not_connected = sample(Event::CallEndNotConnected);
        assert_eq!(get(&not_connected, &path("duration")), Some(&json!(0)));
        assert!(get(&not_connected, &path("analysis")).is_none());
        let transfer_end = sample(Event::TransferEnd);
        assert!(get(&transfer_end, &path("transfer.duration")).is_some());
        assert!(get(&transfer_end, &path("analysis.results.summary")).is_some());
    }

    #[test]
    fn sets_values() {
        let mut payload = json!({"a": {"list": [1]}});
        set(&mut payload, &path("a.b.c"), json!(true)).unwrap();
        set(&mut payload, &path("a.list.1"), json!(2)).unwrap();
        assert_eq!(payload, json!({"a": {"list": [1, 2], "b": {"c": true}}}));
        assert!(set(&mut payload, &path("a.list.5"), json!(0)).is_err());
        assert!(set(&mut payload, &path("a.b.c.d"), json!(0)).is_err());
    }

    #[test]
    fn parses_overrides() {
        let o: Override = "duration=30".parse().unwrap();
        assert_eq!(o.value, json!(30));
        let o: Override = "outcome=busy line".parse().unwrap();
        assert_eq!(o.value, json!("busy line"));
        let o: Override = "context.x=a=b".parse().unwrap();
        assert_eq!(o.value, json!("a=b"));
        assert!("novalue".parse::<Override>().is_err());
        let deep = format!("{}=1", vec!["a"; MAX_SET_DEPTH + 1].join("."));
        assert!(deep.parse::<Override>().is_err());
        assert!("a..b=1".parse::<Override>().is_err());
    }
}
