//! `callactions events`: the six events and the lifecycles, for people or as JSON.

use std::io::{self, Write};

use serde_json::json;

use super::paint::Paint;
use crate::event::{Event, Scenario};

pub fn human(out: &mut dyn Write, paint: Paint) -> io::Result<()> {
    writeln!(out, "{}", paint.bold("Events"))?;
    for event in Event::ALL {
        writeln!(
            out,
            "  {:<24}{}",
            paint.name(event.name()),
            event.fires_when()
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", paint.bold("Lifecycles (firing order)"))?;
    for scenario in Scenario::ALL {
        writeln!(
            out,
            "  {:<15}{}",
            paint.name(scenario.name()),
            scenario.lifecycle_text()
        )?;
    }
    Ok(())
}

pub fn json(out: &mut dyn Write) -> io::Result<()> {
    let events: Vec<_> = Event::ALL
        .iter()
        .map(|e| json!({"name": e.name(), "fires_when": e.fires_when()}))
        .collect();
    let lifecycles: Vec<_> = Scenario::ALL
        .iter()
        .map(|s| {
            let events: Vec<&str> = s.lifecycle().iter().map(|e| e.name()).collect();
            json!({"scenario": s.name(), "events": events})
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut *out,
        &json!({"events": events, "lifecycles": lifecycles}),
    )?;
    writeln!(out)
}
