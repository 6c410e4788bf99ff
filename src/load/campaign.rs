//! The calls of a campaign: call `i` of seed `s` is always the same call — its scenario
//! drawn from the mix, its own call id, numbers, times, outcome and a summary as a model
//! writes one (quotes, line breaks, non-ASCII). Each call is drawn from its own stream, so
//! any call can be made alone, in any order, on any thread, and by the Locust export.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use crate::call::{Call, Identity};
use crate::event::{Event, Scenario};
use crate::payload;
use crate::timestamp;
use crate::variable;

/// Outcomes of a connected call: labels a model defines for the task.
const CONNECTED_OUTCOMES: [&str; 5] = [
    "appointment_booked",
    "interested",
    "not_interested",
    "callback_requested",
    "wrong_person",
];

/// Pieces of summaries; a summary is two or three, so no two calls read alike.
const SUMMARY_PARTS: [&str; 10] = [
    "Customer said \"the invoice is wrong\" and she'll pay once it's fixed.",
    "Callback requested: Zoë prefers Tuesday 10:00 at the München office.",
    "Asked about the \"Pro\" plan; wants pricing by email.\nMentioned a competitor's offer.",
    "Caller was driving — asked to be called back after 18:00.",
    "Confirmed the appointment for Friday.\nWill bring the contract.",
    "Not interested right now; said 'maybe next quarter'.",
    "Spoke with José about the renewal (€1,200/yr); needs approval from finance.",
    "Wrong number: the person asked to be removed from the list.",
    "Interested in a demo 🎉 — booked for next week.",
    "Complained about hold times; escalated to a supervisor.",
];

/// Who is called, and how: the seed and the share of each scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Campaign {
    pub seed: u64,
    /// Scenarios with their weights, as `--mix connected=70,not-connected=25,transferred=5`.
    pub mix: Vec<(Scenario, u32)>,
}

impl Campaign {
    /// Call `index` of the campaign.
    pub fn call(&self, index: u64) -> Call {
        // One stream per call: the seed and the index, mixed (SplitMix64's constant).
        let mut rng =
            ChaCha8Rng::seed_from_u64(self.seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let scenario = self.scenario(&mut rng);
        let not_connected = variable::not_connected_outcomes();
        let outcome = match scenario {
            Scenario::Connected => pick(&mut rng, &CONNECTED_OUTCOMES).to_string(),
            Scenario::NotConnected => pick(&mut rng, not_connected).to_string(),
            Scenario::Transferred => "agent_transfer".to_owned(),
        };
        let base = payload::sample_ref(Event::CallStart)["callInfo"]["startedAt"]
            .as_str()
            .and_then(timestamp::parse)
            .unwrap_or(0);
        let parts = 2 + below(&mut rng, 2) as usize;
        let summary: Vec<&str> = (0..parts)
            .map(|_| *pick(&mut rng, &SUMMARY_PARTS))
            .collect();
        let identity = Identity {
            call_sid: format!("CA{:016x}{:016x}", rng.next_u64(), rng.next_u64()),
            from: "+14155550100".to_owned(),
            to: format!("+1{}", 2_000_000_000 + below(&mut rng, 7_999_999_999)),
            attempt: 1 + below(&mut rng, 3) as i64,
            // Calls of a campaign start a few seconds apart.
            started_at: base + (index as i64) * 3 + below(&mut rng, 3) as i64,
            talk: 30 + below(&mut rng, 870) as i64,
            summary: summary.join(" "),
        };
        Call {
            scenario,
            outcome,
            identity: Some(identity),
        }
    }

    fn scenario(&self, rng: &mut ChaCha8Rng) -> Scenario {
        let total: u64 = self.mix.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut draw = below(rng, total.max(1));
        for (scenario, weight) in &self.mix {
            if draw < u64::from(*weight) {
                return *scenario;
            }
            draw -= u64::from(*weight);
        }
        Scenario::Connected
    }
}

/// A number below `bound`, without the bias of a plain remainder (Lemire's method).
fn below(rng: &mut ChaCha8Rng, bound: u64) -> u64 {
    ((u128::from(rng.next_u64()) * u128::from(bound.max(1))) >> 64) as u64
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[below(rng, items.len() as u64) as usize]
}

/// `--mix`: scenarios with their weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Mix(pub Vec<(Scenario, u32)>);

impl Mix {
    pub fn parse(text: &str) -> Result<Mix, String> {
        parse_mix(text).map(Mix)
    }
}

/// Reads `connected=70,not-connected=25,transferred=5` (weights, any total).
pub fn parse_mix(text: &str) -> Result<Vec<(Scenario, u32)>, String> {
    let mut mix = Vec::new();
    for part in text.split(',') {
        let (name, weight) = part
            .split_once('=')
            .ok_or_else(|| format!("`{part}` is not SCENARIO=WEIGHT, as in connected=70"))?;
        let scenario = Scenario::ALL
            .into_iter()
            .find(|s| s.name() == name.trim())
            .ok_or_else(|| {
                let names: Vec<&str> = Scenario::ALL.iter().map(|s| s.name()).collect();
                format!(
                    "`{}` is not a scenario; the scenarios are {}",
                    name.trim(),
                    names.join(", ")
                )
            })?;
        let weight: u32 = weight
            .trim()
            .trim_end_matches('%')
            .parse()
            .map_err(|_| format!("`{weight}` is not a whole number"))?;
        mix.push((scenario, weight));
    }
    if mix.iter().all(|(_, w)| *w == 0) {
        return Err("the weights add up to 0: give at least one scenario a weight".to_owned());
    }
    Ok(mix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign() -> Campaign {
        Campaign {
            seed: 7,
            mix: parse_mix("connected=70,not-connected=25,transferred=5").unwrap(),
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_calls_and_calls_differ() {
        let (a, b) = (campaign(), campaign());
        for index in [0, 1, 999] {
            assert_eq!(a.call(index), b.call(index));
        }
        let sids: std::collections::HashSet<String> = (0..500)
            .map(|i| a.call(i).identity.unwrap().call_sid)
            .collect();
        assert_eq!(sids.len(), 500);
        let other = Campaign {
            seed: 8,
            ..campaign()
        };
        assert_ne!(a.call(0), other.call(0));
    }

    #[test]
    fn the_mix_is_followed() {
        let c = campaign();
        let connected = (0..10_000)
            .filter(|i| c.call(*i).scenario == Scenario::Connected)
            .count();
        assert!((6_700..7_300).contains(&connected), "{connected}");
    }

    #[test]
    fn every_call_is_coherent_and_its_outcome_fits() {
        let c = campaign();
        for index in 0..300 {
            let call = c.call(index);
            // The same rule as `simulate`'s calls: Call::new accepts the outcome.
            assert!(
                Call::new(call.scenario, Some(&call.outcome)).is_ok(),
                "{call:?}"
            );
            let sid = call.identity.as_ref().unwrap().call_sid.clone();
            for event in call.scenario.lifecycle() {
                let payload = call.payload(*event);
                assert_eq!(payload["callInfo"]["callSid"], sid.as_str());
            }
        }
    }

    #[test]
    fn mixes_are_read_with_clear_errors() {
        assert!(parse_mix("connected=1").is_ok());
        assert!(
            parse_mix("conected=1")
                .unwrap_err()
                .contains("not a scenario")
        );
        assert!(parse_mix("connected").is_err());
        assert!(parse_mix("connected=0").is_err());
    }
}
