//! One coherent call for `simulate`: the payload of every event of a scenario, sharing the
//! same call id, numbers and context, with timestamps in order and a fitting outcome.

use serde_json::{Value, json};

use crate::event::{Event, Scenario};
use crate::payload;
use crate::timestamp;
use crate::variable;

/// Seconds the phone rings before it is picked up (or given up on).
const RINGING: i64 = 12;
/// Seconds a not-connected attempt lasts.
const UNANSWERED: i64 = 30;
/// Seconds the agent talks before transferring.
const BEFORE_TRANSFER: i64 = 259;
/// Seconds from the transfer to the agent's leg ending.
const HANDOVER: i64 = 3;

/// A call as it went, from which each event's payload is built.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub scenario: Scenario,
    pub outcome: String,
    /// What makes this call one of many (`load`); without it, the samples' values.
    pub identity: Option<Identity>,
}

/// The values one call of a campaign has of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub call_sid: String,
    pub from: String,
    pub to: String,
    pub attempt: i64,
    /// Seconds since the epoch.
    pub started_at: i64,
    /// Seconds the agent talked, when the call connected.
    pub talk: i64,
    /// The analysis's summary: free text, as a model writes it.
    pub summary: String,
}

impl Call {
    /// A call of `scenario`; `outcome` must fit it (a connected outcome for a call that
    /// never connected is refused, and the reverse).
    pub fn new(scenario: Scenario, outcome: Option<&str>) -> Result<Call, String> {
        let outcome = match (scenario, outcome) {
            (Scenario::NotConnected, None) => sample_string(Event::CallEndNotConnected, "outcome"),
            (Scenario::Transferred, None) => "agent_transfer".to_owned(),
            (Scenario::Connected, None) => sample_string(Event::CallEndConnected, "outcome"),
            (_, Some(outcome)) => outcome.to_owned(),
        };
        let not_connected = variable::not_connected_outcomes();
        let connected_outcome = !not_connected.contains(&outcome.as_str());
        match (scenario, connected_outcome) {
            (Scenario::NotConnected, true) => Err(format!(
                "`{outcome}` is not an outcome of a call that never connected; use one of {}",
                not_connected.join(", ")
            )),
            (Scenario::Connected | Scenario::Transferred, false) => Err(format!(
                "`{outcome}` is the outcome of a call that never connected; use --scenario not-connected"
            )),
            _ => Ok(Call {
                scenario,
                outcome,
                identity: None,
            }),
        }
    }

    /// The payload of `event` in this call: the event's sample, made consistent.
    pub fn payload(&self, event: Event) -> Value {
        let mut payload = payload::sample(event);
        self.share_call_info(&mut payload);
        if let Some(identity) = &self.identity {
            identity.apply(&mut payload);
        }
        let started = payload["callInfo"]["startedAt"]
            .as_str()
            .and_then(timestamp::parse)
            .unwrap_or(0);
        let (ended, duration) = match self.scenario {
            Scenario::NotConnected => (started + UNANSWERED, 0),
            Scenario::Connected => {
                let talk = match &self.identity {
                    Some(identity) => identity.talk,
                    None => payload::sample_ref(Event::CallEndConnected)["duration"]
                        .as_i64()
                        .unwrap_or(0),
                };
                (started + RINGING + talk, talk)
            }
            Scenario::Transferred => (
                started + RINGING + BEFORE_TRANSFER + HANDOVER,
                BEFORE_TRANSFER + HANDOVER,
            ),
        };
        let call_info = &mut payload["callInfo"];
        if call_info.get("endedAt").is_some() {
            call_info["endedAt"] = json!(timestamp::format(ended));
            call_info["endReason"] = json!(self.end_reason());
            if self.scenario == Scenario::NotConnected {
                call_info["recordingUrl"] = Value::Null;
            }
        }
        if payload.get("outcome").is_some() {
            payload["outcome"] = json!(self.outcome);
            payload["duration"] = json!(duration);
        }
        if payload.get("transfer").is_some() {
            let picked_up = started + RINGING + BEFORE_TRANSFER;
            payload["transfer"]["startedAt"] = json!(timestamp::format(picked_up));
            if payload["transfer"].get("endedAt").is_some() {
                let talked = payload["transfer"]["duration"].as_i64().unwrap_or(0);
                payload["transfer"]["endedAt"] = json!(timestamp::format(picked_up + talked));
            }
        }
        payload
    }

    /// One call has one `callInfo`: every event carries the values of the event that says
    /// how the call went (the samples differ, in the attempt for one).
    fn share_call_info(&self, payload: &mut Value) {
        let defining = match self.scenario {
            Scenario::NotConnected => Event::CallEndNotConnected,
            Scenario::Connected | Scenario::Transferred => Event::CallEndConnected,
        };
        if let (Some(call_info), Some(Value::Object(shared))) = (
            payload["callInfo"].as_object_mut(),
            payload::sample_ref(defining).get("callInfo"),
        ) {
            for (key, value) in call_info.iter_mut() {
                if let Some(same) = shared.get(key) {
                    *value = same.clone();
                }
            }
        }
    }

    fn end_reason(&self) -> &str {
        match (self.scenario, self.outcome.as_str()) {
            (Scenario::Transferred, _) => "transferred",
            (Scenario::Connected, _) => "user_hangup",
            (Scenario::NotConnected, "init_failed") => "failed",
            (Scenario::NotConnected, outcome) => outcome,
        }
    }
}

impl Identity {
    /// The call's own values in an event's payload, where the event carries them.
    fn apply(&self, payload: &mut Value) {
        let call_info = &mut payload["callInfo"];
        for (key, value) in [
            ("callSid", json!(self.call_sid)),
            ("from", json!(self.from)),
            ("to", json!(self.to)),
            ("attempt", json!(self.attempt)),
            ("startedAt", json!(timestamp::format(self.started_at))),
        ] {
            if call_info.get(key).is_some() {
                call_info[key] = value;
            }
        }
        if let Some(url) = call_info.get("recordingUrl").and_then(Value::as_str) {
            let url = format!(
                "{}/{}.mp3",
                url.rsplit_once('/').map_or(url, |(base, _)| base),
                self.call_sid
            );
            call_info["recordingUrl"] = json!(url);
        }
        if let Some(results) = payload.pointer_mut("/analysis/results")
            && results.get("summary").is_some()
        {
            results["summary"] = json!(self.summary);
        }
    }
}

fn sample_string(event: Event, key: &str) -> String {
    payload::sample_ref(event)[key]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(payload: &Value, path: &[&str]) -> i64 {
        let value = path.iter().fold(payload, |v, k| &v[*k]);
        timestamp::parse(value.as_str().unwrap()).unwrap()
    }

    #[test]
    fn every_event_of_a_call_is_coherent() {
        for scenario in Scenario::ALL {
            let call = Call::new(scenario, None).unwrap();
            let payloads: Vec<Value> = scenario
                .lifecycle()
                .iter()
                .map(|e| call.payload(*e))
                .collect();
            let first = &payloads[0];
            for payload in &payloads {
                // Every field of callInfo an event carries is the same in every event.
                for (key, value) in payload["callInfo"].as_object().unwrap() {
                    if let Some(other) = payloads.iter().find_map(|p| p["callInfo"].get(key)) {
                        assert_eq!(value, other, "{scenario:?}: callInfo.{key}");
                    }
                }
                assert_eq!(payload["callInfo"]["callSid"], first["callInfo"]["callSid"]);
                assert_eq!(payload["context"], first["context"]);
                let started = time(payload, &["callInfo", "startedAt"]);
                if payload["callInfo"].get("endedAt").is_some() {
                    let ended = time(payload, &["callInfo", "endedAt"]);
                    assert!(started <= ended);
                    let duration = payload["duration"].as_i64().unwrap();
                    assert!(
                        duration <= ended - started,
                        "{scenario:?}: duration {duration}"
                    );
                    assert_eq!(payload["outcome"], json!(call.outcome));
                }
                if payload.get("transfer").is_some() {
                    let picked_up = time(payload, &["transfer", "startedAt"]);
                    assert!(started <= picked_up);
                    if payload["callInfo"].get("endedAt").is_some() {
                        assert!(picked_up <= time(payload, &["callInfo", "endedAt"]));
                    }
                    if payload["transfer"].get("endedAt").is_some() {
                        assert!(picked_up <= time(payload, &["transfer", "endedAt"]));
                    }
                }
            }
        }
    }

    #[test]
    fn outcomes_fit_the_scenario() {
        assert_eq!(
            Call::new(Scenario::NotConnected, None).unwrap().outcome,
            "no-answer"
        );
        assert_eq!(
            Call::new(Scenario::NotConnected, Some("busy"))
                .unwrap()
                .outcome,
            "busy"
        );
        assert!(Call::new(Scenario::NotConnected, Some("appointment_booked")).is_err());
        assert!(Call::new(Scenario::Connected, Some("busy")).is_err());
        assert_eq!(
            Call::new(Scenario::Transferred, None).unwrap().outcome,
            "agent_transfer"
        );
        let busy = Call::new(Scenario::NotConnected, Some("busy")).unwrap();
        let payload = busy.payload(Event::CallEndNotConnected);
        assert_eq!(payload["callInfo"]["endReason"], "busy");
        assert_eq!(payload["duration"], 0);
        assert_eq!(payload["callInfo"]["recordingUrl"], Value::Null);
    }
}
