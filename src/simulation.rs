//! A call walked through its lifecycle: which actions fire at which event, in order,
//! against which payload — and which events, with their actions, never happen.

use serde_json::Value;

use crate::call::Call;
use crate::error::Error;
use crate::event::{Event, Scenario};
use crate::payload::Payloads;
use crate::workspace::Selected;

/// An event that fires in the scenario, with the actions it fires, in declaration order.
pub struct Step<'a> {
    pub event: Event,
    pub payload: Value,
    pub actions: Vec<Selected<'a>>,
}

/// An event that does not happen in the scenario.
pub struct Skipped<'a> {
    pub event: Event,
    pub why: &'static str,
    /// The selected actions that would never run in such a call.
    pub actions: Vec<Selected<'a>>,
}

pub struct Simulation<'a> {
    pub call: Call,
    pub steps: Vec<Step<'a>>,
    pub skipped: Vec<Skipped<'a>>,
}

pub fn simulate<'a>(
    call: Call,
    selected: &[Selected<'a>],
    payloads: &Payloads,
) -> Result<Simulation<'a>, Error> {
    let of = |event: Event| -> Vec<Selected<'a>> {
        selected
            .iter()
            .filter(|s| s.action.event == event)
            .copied()
            .collect()
    };
    let mut steps = Vec::new();
    for &event in call.scenario.lifecycle() {
        steps.push(Step {
            event,
            payload: payloads.for_event_or(event, || call.payload(event))?,
            actions: of(event),
        });
    }
    let skipped = Event::ALL
        .into_iter()
        .filter_map(|event| {
            call.scenario.why_not(event).map(|why| Skipped {
                event,
                why,
                actions: of(event),
            })
        })
        .collect();
    Ok(Simulation {
        call,
        steps,
        skipped,
    })
}

impl Simulation<'_> {
    pub fn scenario(&self) -> Scenario {
        self.call.scenario
    }

    /// The call id every payload shares (unless a payload file says otherwise).
    pub fn call_sid(&self) -> &str {
        self.steps
            .first()
            .and_then(|s| s.payload["callInfo"]["callSid"].as_str())
            .unwrap_or_default()
    }
}
