//! The six events of a call and the lifecycles that order them (SPEC §1).

use std::fmt;

/// A moment of a phone call at which the platform fires actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    CallStart,
    CallEnd,
    CallEndConnected,
    CallEndNotConnected,
    TransferStart,
    TransferEnd,
}

impl Event {
    pub const ALL: [Event; 6] = [
        Event::CallStart,
        Event::CallEnd,
        Event::CallEndConnected,
        Event::CallEndNotConnected,
        Event::TransferStart,
        Event::TransferEnd,
    ];

    /// The name used in YAML files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Event::CallStart => "call_start",
            Event::CallEnd => "call_end",
            Event::CallEndConnected => "call_end_connected",
            Event::CallEndNotConnected => "call_end_not_connected",
            Event::TransferStart => "transfer_start",
            Event::TransferEnd => "transfer_end",
        }
    }

    pub fn fires_when(self) -> &'static str {
        match self {
            Event::CallStart => "the call connects and the conversation begins",
            Event::CallEnd => "the call ends, whether or not it connected",
            Event::CallEndConnected => "the call was connected and the conversation is complete",
            Event::CallEndNotConnected => "the call was not connected (failed, busy, no answer, …)",
            Event::TransferStart => "a transferred call is picked up by the receiving party",
            Event::TransferEnd => "the transfer is complete and the call has ended",
        }
    }

    pub fn from_name(name: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|event| event.name() == name)
    }

    pub fn names() -> impl Iterator<Item = &'static str> + Clone {
        Event::ALL.into_iter().map(Event::name)
    }

    /// The bit of this event in an [`EventSet`].
    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of events, small enough to be a constant in the variable table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventSet(u8);

impl EventSet {
    pub const ALL: EventSet = EventSet(0b11_1111);
    /// `call_end`, `call_end_connected` and `call_end_not_connected`.
    pub const END: EventSet = EventSet::of(&[
        Event::CallEnd,
        Event::CallEndConnected,
        Event::CallEndNotConnected,
    ]);
    pub const END_AND_TRANSFER_END: EventSet = EventSet(EventSet::END.0 | Event::TransferEnd.bit());
    pub const TRANSFER: EventSet = EventSet::of(&[Event::TransferStart, Event::TransferEnd]);

    pub const fn of(events: &[Event]) -> EventSet {
        let mut bits = 0;
        let mut i = 0;
        while i < events.len() {
            bits |= events[i].bit();
            i += 1;
        }
        EventSet(bits)
    }

    pub const fn union(self, other: EventSet) -> EventSet {
        EventSet(self.0 | other.0)
    }

    pub fn contains(self, event: Event) -> bool {
        self.0 & event.bit() != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Event> {
        Event::ALL.into_iter().filter(move |e| self.contains(*e))
    }

    /// "`call_end`, `call_end_connected` and `transfer_end`", for messages.
    pub fn describe(self) -> String {
        if self == EventSet::ALL {
            return "every event".to_owned();
        }
        let names: Vec<String> = self.iter().map(|e| format!("`{e}`")).collect();
        crate::suggestion::join_and(&names)
    }
}

/// The three ways a call can go, each with the events it fires in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scenario {
    Connected,
    NotConnected,
    Transferred,
}

impl Scenario {
    pub const ALL: [Scenario; 3] = [
        Scenario::Connected,
        Scenario::NotConnected,
        Scenario::Transferred,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Scenario::Connected => "connected",
            Scenario::NotConnected => "not-connected",
            Scenario::Transferred => "transferred",
        }
    }

    /// The events this scenario fires, in firing order.
    pub fn lifecycle(self) -> &'static [Event] {
        match self {
            Scenario::Connected => &[Event::CallStart, Event::CallEnd, Event::CallEndConnected],
            Scenario::NotConnected => &[Event::CallEnd, Event::CallEndNotConnected],
            Scenario::Transferred => &[
                Event::CallStart,
                Event::TransferStart,
                Event::CallEnd,
                Event::CallEndConnected,
                Event::TransferEnd,
            ],
        }
    }

    /// `call_start → call_end → call_end_connected`.
    pub fn lifecycle_text(self) -> String {
        let names: Vec<&str> = self.lifecycle().iter().map(|e| e.name()).collect();
        names.join(" → ")
    }

    /// Why an event does not fire in this scenario, or `None` when it does.
    pub fn why_not(self, event: Event) -> Option<&'static str> {
        if self.lifecycle().contains(&event) {
            return None;
        }
        Some(match (self, event) {
            (Scenario::NotConnected, Event::CallStart) => "the call never connected",
            (Scenario::NotConnected, Event::CallEndConnected) => "the call never connected",
            (Scenario::NotConnected, _) => "the call never connected, so it was not transferred",
            (_, Event::CallEndNotConnected) => "the call connected",
            (_, _) => "the call was not transferred",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for event in Event::ALL {
            assert_eq!(Event::from_name(event.name()), Some(event));
        }
        assert_eq!(Event::from_name("call_ended"), None);
    }

    #[test]
    fn event_sets() {
        assert!(EventSet::END.contains(Event::CallEndNotConnected));
        assert!(!EventSet::END.contains(Event::TransferEnd));
        assert!(EventSet::END_AND_TRANSFER_END.contains(Event::TransferEnd));
        assert_eq!(EventSet::ALL.iter().count(), 6);
        assert_eq!(
            EventSet::TRANSFER.describe(),
            "`transfer_start` and `transfer_end`"
        );
    }

    #[test]
    fn every_scenario_explains_every_event_it_skips() {
        for scenario in Scenario::ALL {
            let fired = scenario.lifecycle().len();
            let skipped = Event::ALL
                .into_iter()
                .filter(|e| scenario.why_not(*e).is_some())
                .count();
            assert_eq!(fired + skipped, 6, "{}", scenario.name());
        }
        assert_eq!(
            Scenario::NotConnected.why_not(Event::CallStart),
            Some("the call never connected")
        );
    }
}
