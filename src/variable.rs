//! The variable table: every payload variable of every event (SPEC §2), once.
//!
//! Sample payloads, `payload --vars`, the validator's variable checks and the README's
//! table are all derived from [`VARIABLES`]; nothing else lists variables.

use crate::event::{Event, EventSet};
use crate::template::{Segment, VarPath};

/// The JSON type of a variable's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarType {
    String,
    Integer,
    Number,
    /// An open namespace or a value of any JSON type.
    Any,
}

/// One variable of the event payloads.
#[derive(Debug, PartialEq)]
pub struct Variable {
    /// Dot path; for an open namespace, the namespace itself (`context`).
    pub path: &'static str,
    pub ty: VarType,
    pub nullable: bool,
    /// A string's expected shape (`E.164`, `RFC 3339`, `URL`), for the table.
    pub format: Option<&'static str>,
    /// The only values a string may take, when it is an enumeration.
    pub one_of: &'static [&'static str],
    pub events: EventSet,
    pub description: &'static str,
    /// Example value, as JSON text: what the sample payload carries.
    pub example: &'static str,
    /// Example for `call_end_not_connected`, where the call never connected.
    pub example_not_connected: Option<&'static str>,
    /// The values it takes when the call never connected (the not-connected outcomes).
    pub values_not_connected: &'static [&'static str],
    /// Any key is allowed below this path (`context.*`, `analysis.results.*`).
    pub open: bool,
    /// Text written by people or a model, which may contain anything, newlines included.
    pub free_text: bool,
}

const fn var(path: &'static str, ty: VarType, events: EventSet) -> Variable {
    Variable {
        path,
        ty,
        nullable: false,
        format: None,
        one_of: &[],
        events,
        description: "",
        example: "null",
        example_not_connected: None,
        values_not_connected: &[],
        open: false,
        free_text: false,
    }
}

impl Variable {
    const fn about(mut self, description: &'static str, example: &'static str) -> Self {
        self.description = description;
        self.example = example;
        self
    }
    const fn nullable(mut self) -> Self {
        self.nullable = true;
        self
    }
    const fn format(mut self, format: &'static str) -> Self {
        self.format = Some(format);
        self
    }
    const fn one_of(mut self, values: &'static [&'static str]) -> Self {
        self.one_of = values;
        self
    }
    const fn not_connected(mut self, example: &'static str) -> Self {
        self.example_not_connected = Some(example);
        self
    }
    const fn values_not_connected(mut self, values: &'static [&'static str]) -> Self {
        self.values_not_connected = values;
        self
    }
    const fn open(mut self) -> Self {
        self.open = true;
        self
    }
    const fn free_text(mut self) -> Self {
        self.free_text = true;
        self
    }

    /// The path as shown to people: `context.<key>` for an open namespace.
    pub fn display_path(&self) -> String {
        if self.open {
            format!("{}.<key>", self.path)
        } else {
            self.path.to_owned()
        }
    }

    /// The type as shown to people: `string (E.164)`, `"inbound" | "outbound"`, `string | null`.
    pub fn type_name(&self) -> String {
        let mut name = if !self.one_of.is_empty() {
            let quoted: Vec<String> = self.one_of.iter().map(|v| format!("\"{v}\"")).collect();
            quoted.join(" | ")
        } else {
            match self.ty {
                VarType::String => "string",
                VarType::Integer => "integer",
                VarType::Number => "number",
                VarType::Any => "any",
            }
            .to_owned()
        };
        if let Some(format) = self.format {
            name = format!("{name} ({format})");
        }
        if self.nullable {
            name.push_str(" | null");
        }
        name
    }

    pub fn example_for(&self, event: Event) -> serde_json::Value {
        let text = match (event, self.example_not_connected) {
            (Event::CallEndNotConnected, Some(text)) => text,
            _ => self.example,
        };
        // The examples are constants of this file, checked by a test to be valid JSON.
        serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
    }

    pub fn segments(&self) -> impl Iterator<Item = &'static str> {
        self.path.split('.')
    }

    pub fn at(&self, event: Event) -> bool {
        self.events.contains(event)
    }
}

use VarType as T;

const END: EventSet = EventSet::END_AND_TRANSFER_END;
const ANALYSIS: EventSet =
    EventSet::of(&[Event::CallEnd, Event::CallEndConnected, Event::TransferEnd]);

/// Every payload variable, in the order the sample payloads list them.
pub static VARIABLES: &[Variable] = &[
    var("callInfo.callSid", T::String, EventSet::ALL)
        .about("unique id of the call", r#""CA9f1c2e7b4d5a41c8a0e3b6d2f7c9a1e4""#),
    var("callInfo.from", T::String, EventSet::ALL)
        .format("E.164")
        .about("calling number", r#""+14155550123""#),
    var("callInfo.to", T::String, EventSet::ALL)
        .format("E.164")
        .about("called number", r#""+14155550199""#),
    var("callInfo.type", T::String, EventSet::ALL)
        .one_of(&["inbound", "outbound"])
        .about("call direction", r#""outbound""#),
    var("callInfo.campaignId", T::String, EventSet::ALL)
        .nullable()
        .about("outbound campaign, null for inbound", r#""cmp_spring_renewals""#),
    var("callInfo.taskId", T::String, EventSet::ALL)
        .about("the task that placed or took the call", r#""task_7Hq2LmX9""#),
    var("callInfo.attempt", T::Integer, EventSet::ALL)
        .about("dial attempt number, from 1", "1")
        .not_connected("2"),
    var("callInfo.startedAt", T::String, EventSet::ALL)
        .format("RFC 3339")
        .about("when the call started ringing/connecting", r#""2026-03-14T15:02:11Z""#),
    var("callInfo.endedAt", T::String, END)
        .format("RFC 3339")
        .about("when the call ended", r#""2026-03-14T15:09:46Z""#)
        .not_connected(r#""2026-03-14T15:02:41Z""#),
    var("callInfo.endReason", T::String, END)
        .about(
            "why it ended (user_hangup, agent_hangup, transferred, no-answer, busy, failed, …)",
            r#""user_hangup""#,
        )
        .not_connected(r#""no-answer""#),
    var("callInfo.recordingUrl", T::String, END)
        .nullable()
        .format("URL")
        .about(
            "recording of the call, null when not connected",
            r#""https://recordings.example.com/CA9f1c2e7b4d5a41c8a0e3b6d2f7c9a1e4.mp3""#,
        )
        .not_connected("null"),
    var("context", T::Any, EventSet::ALL)
        .open()
        .about(
            "every context variable passed in the task, by the Pre-Call API, and system defaults",
            r#"{"customerId": "CUST-20931", "firstName": "Zoë", "lastName": "O'Brien", "plan": "premium", "language": "en-US", "apiBase": "https://crm.example.com/api/v2"}"#,
        ),
    var("analysis.results", T::Any, ANALYSIS)
        .open()
        .free_text()
        .about(
            "post-call analysis: summary, structured data, transfer department and reason, input params of tool calls",
            r#"{"summary": "Customer said \"the invoice is wrong\" and she'll pay once it's fixed.\nCallback requested: Zoë prefers Tuesday 10:00 at the München office.", "sentiment": "positive", "appointmentTime": "2026-03-17T10:00:00+01:00", "interested": true, "followUp": {"channel": "sms", "inDays": 2}}"#,
        ),
    var("outcome", T::String, END)
        .about(
            "final outcome: failed, init_failed, no-answer, busy, dnd, voicemail, no_response, agent_transfer, or an LLM-defined label",
            r#""appointment_booked""#,
        )
        .not_connected(r#""no-answer""#)
        .values_not_connected(&["no-answer", "busy", "failed", "init_failed", "dnd", "voicemail"]),
    var("duration", T::Number, END)
        .about("agent talk time in seconds (0 when not connected)", "421")
        .not_connected("0"),
    var("transfer.to", T::String, EventSet::TRANSFER)
        .about("number or SIP URI of the receiving party", r#""+14155550142""#),
    var("transfer.department", T::String, EventSet::TRANSFER)
        .about("department transferred to", r#""billing""#),
    var("transfer.reason", T::String, EventSet::TRANSFER)
        .free_text()
        .about(
            "why the call was transferred",
            r#""Customer asked to change the card on file""#,
        ),
    var("transfer.startedAt", T::String, EventSet::TRANSFER)
        .format("RFC 3339")
        .about("when the receiving party picked up", r#""2026-03-14T15:06:30Z""#),
    var("transfer.endedAt", T::String, EventSet::of(&[Event::TransferEnd]))
        .format("RFC 3339")
        .about("when the transfer ended", r#""2026-03-14T15:12:05Z""#),
    var("transfer.duration", T::Number, EventSet::of(&[Event::TransferEnd]))
        .about("seconds talked after the transfer", "335"),
];

/// The outcomes of a call that never connected; any other outcome means it connected.
pub fn not_connected_outcomes() -> &'static [&'static str] {
    VARIABLES
        .iter()
        .map(|v| v.values_not_connected)
        .find(|values| !values.is_empty())
        .unwrap_or_default()
}

/// The variables present at `event`, in table order.
pub fn at(event: Event) -> impl Iterator<Item = &'static Variable> {
    VARIABLES.iter().filter(move |v| v.at(event))
}

/// The variables of `event` in a line, grouped by their first segment:
/// `callInfo.{callSid, from, …}, context.*, outcome, duration`.
pub fn summary_at(event: Event) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for variable in at(event) {
        let (head, tail) = match variable.path.split_once('.') {
            Some((head, tail)) if !variable.open => (head, tail.to_owned()),
            _ => (variable.path, String::new()),
        };
        let tail = if variable.open { "*".to_owned() } else { tail };
        match groups
            .iter_mut()
            .find(|(h, _)| *h == head && !tail.is_empty() && !variable.open)
        {
            Some((_, tails)) => tails.push(tail),
            None => groups.push((head, vec![tail])),
        }
    }
    let items: Vec<String> = groups
        .into_iter()
        .map(|(head, tails)| match tails.as_slice() {
            [only] if only.is_empty() => head.to_owned(),
            [only] => format!("{head}.{only}"),
            many => format!("{head}.{{{}}}", many.join(", ")),
        })
        .collect();
    items.join(", ")
}

/// What a template path refers to in the variable table.
#[derive(Debug, PartialEq)]
pub enum Lookup<'p> {
    /// A variable of the table.
    Variable(&'static Variable),
    /// A key below an open namespace (`context.customerId`); `key` is its first segment.
    OpenKey {
        namespace: &'static Variable,
        key: &'p str,
    },
    /// An object that holds variables (`callInfo`, `transfer`), present at these events.
    Object(EventSet),
    /// No event has this path.
    Unknown,
}

impl Lookup<'_> {
    /// The events at which the path exists.
    pub fn events(&self) -> EventSet {
        match self {
            Lookup::Variable(v) | Lookup::OpenKey { namespace: v, .. } => v.events,
            Lookup::Object(events) => *events,
            Lookup::Unknown => EventSet::of(&[]),
        }
    }

    /// Whether the path exists at `event`.
    pub fn at(&self, event: Event) -> bool {
        match self {
            Lookup::Variable(v) | Lookup::OpenKey { namespace: v, .. } => v.at(event),
            Lookup::Object(events) => events.contains(event),
            Lookup::Unknown => false,
        }
    }
}

pub fn lookup(path: &VarPath) -> Lookup<'_> {
    let Some(Segment::Key(head)) = path.segments().first() else {
        return Lookup::Unknown;
    };
    let Some((_, group)) = table_by_head().iter().find(|(name, _)| name == head) else {
        return Lookup::Unknown;
    };
    let mut object = None;
    for (variable, table_path) in group {
        match compare(table_path, path.segments()) {
            Overlap::Same => return Lookup::Variable(variable),
            Overlap::Below(Segment::Key(key)) if variable.open => {
                return Lookup::OpenKey {
                    namespace: variable,
                    key,
                };
            }
            // A prefix of variables, such as `callInfo` or `analysis`: the object holding them.
            Overlap::Above => {
                object = Some(object.unwrap_or(EventSet::of(&[])).union(variable.events));
            }
            Overlap::Below(_) | Overlap::Apart => {}
        }
    }
    object.map_or(Lookup::Unknown, Lookup::Object)
}

/// The variables grouped by the first segment of their path, each with its path split,
/// made once: every placeholder of every file is looked up here, and only the variables
/// under its first segment can match.
type HeadGroup = (&'static str, Vec<(&'static Variable, Vec<&'static str>)>);

fn table_by_head() -> &'static [HeadGroup] {
    static GROUPS: std::sync::OnceLock<Vec<HeadGroup>> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<HeadGroup> = Vec::new();
        for variable in VARIABLES {
            let segments: Vec<&str> = variable.path.split('.').collect();
            let head = segments[0];
            match groups.iter_mut().find(|(name, _)| *name == head) {
                Some((_, group)) => group.push((variable, segments)),
                None => groups.push((head, vec![(variable, segments)])),
            }
        }
        groups
    })
}

/// How a path of the table and a template's path relate.
enum Overlap<'p> {
    Same,
    /// The template's path goes below the table's; this is its next segment.
    Below(&'p Segment),
    /// The template's path stops above the table's.
    Above,
    Apart,
}

fn compare<'p>(table_path: &[&str], segments: &'p [Segment]) -> Overlap<'p> {
    let mut table = table_path.iter();
    let mut given = segments.iter();
    loop {
        match (table.next(), given.next()) {
            (None, None) => return Overlap::Same,
            (None, Some(next)) => return Overlap::Below(next),
            (Some(_), None) => return Overlap::Above,
            (Some(name), Some(Segment::Key(key))) if name == key => {}
            (Some(_), Some(_)) => return Overlap::Apart,
        }
    }
}

/// Every path a template may name, for did-you-mean: the table's paths and the keys
/// the sample carries below open namespaces.
pub fn known_paths() -> Vec<String> {
    let mut paths = Vec::new();
    for variable in VARIABLES {
        paths.push(variable.path.to_owned());
        if variable.open
            && let serde_json::Value::Object(map) = variable.example_for(Event::CallEnd)
        {
            paths.extend(map.keys().map(|key| format!("{}.{key}", variable.path)));
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_is_json() {
        for variable in VARIABLES {
            for text in [Some(variable.example), variable.example_not_connected]
                .into_iter()
                .flatten()
            {
                assert!(
                    serde_json::from_str::<serde_json::Value>(text).is_ok(),
                    "{}: {text}",
                    variable.path
                );
            }
            assert!(!variable.description.is_empty(), "{}", variable.path);
        }
    }

    #[test]
    fn examples_have_their_declared_type() {
        for variable in VARIABLES {
            for event in variable.events.iter() {
                let value = variable.example_for(event);
                let ok = match (variable.ty, &value) {
                    (_, serde_json::Value::Null) => variable.nullable,
                    (VarType::String, v) => v.is_string(),
                    (VarType::Integer, v) => v.is_i64() || v.is_u64(),
                    (VarType::Number, v) => v.is_number(),
                    (VarType::Any, _) => true,
                };
                assert!(ok, "{} at {event}: {value}", variable.path);
                if let Some(s) = value.as_str().filter(|_| !variable.one_of.is_empty()) {
                    assert!(variable.one_of.contains(&s), "{}", variable.path);
                }
            }
        }
    }

    fn path(text: &str) -> VarPath {
        crate::template::VarPath::parse(text).unwrap()
    }

    #[test]
    fn the_not_connected_sample_has_a_not_connected_outcome() {
        let outcome = VARIABLES.iter().find(|v| v.path == "outcome").unwrap();
        let sample = outcome.example_for(Event::CallEndNotConnected);
        assert!(not_connected_outcomes().contains(&sample.as_str().unwrap()));
        let connected = outcome.example_for(Event::CallEndConnected);
        assert!(!not_connected_outcomes().contains(&connected.as_str().unwrap()));
    }

    #[test]
    fn summaries() {
        assert_eq!(
            summary_at(Event::CallStart),
            "callInfo.{callSid, from, to, type, campaignId, taskId, attempt, startedAt}, context.*"
        );
        assert_eq!(
            summary_at(Event::TransferStart),
            "callInfo.{callSid, from, to, type, campaignId, taskId, attempt, startedAt}, context.*, transfer.{to, department, reason, startedAt}"
        );
        assert!(
            summary_at(Event::CallEnd)
                .ends_with("context.*, analysis.results.*, outcome, duration")
        );
    }

    #[test]
    fn lookups() {
        assert!(
            matches!(lookup(&path("callInfo.callSid")), Lookup::Variable(v) if v.path == "callInfo.callSid")
        );
        assert!(
            matches!(lookup(&path("context.customerId")), Lookup::OpenKey { key, .. } if key == "customerId")
        );
        assert!(
            matches!(lookup(&path("analysis.results.followUp.channel")), Lookup::OpenKey { key, .. } if key == "followUp")
        );
        assert_eq!(lookup(&path("callInfo")), Lookup::Object(EventSet::ALL));
        assert_eq!(lookup(&path("callInfo.callsid")), Lookup::Unknown);
        assert_eq!(lookup(&path("call")), Lookup::Unknown);
        assert!(!lookup(&path("analysis.results.summary")).at(Event::CallStart));
        assert!(!lookup(&path("analysis.results.summary")).at(Event::CallEndNotConnected));
        assert!(lookup(&path("analysis.results.summary")).at(Event::TransferEnd));
    }
}
