use std::io::Write;

use serde_json::json;

use crate::cli::DataFormat;
use crate::error::{Error, exit};
use crate::event::{Event, Scenario};
use crate::output::Streams;

pub fn run(format: DataFormat, streams: &mut Streams) -> Result<i32, Error> {
    let out = &mut streams.out;
    match format {
        DataFormat::Json => {
            let events: Vec<_> = Event::ALL
                .iter()
                .map(|e| json!({"name": e.name(), "fires_when": e.fires_when()}))
                .collect();
            let lifecycles: Vec<_> = Scenario::ALL
                .iter()
                .map(|s| json!({"scenario": s.name(), "events": s.lifecycle().iter().map(|e| e.name()).collect::<Vec<_>>()}))
                .collect();
            serde_json::to_writer_pretty(
                &mut *out,
                &json!({"events": events, "lifecycles": lifecycles}),
            )
            .map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        DataFormat::Human => {
            let paint = streams.out_paint;
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
                let order: Vec<&str> = scenario.lifecycle().iter().map(|e| e.name()).collect();
                writeln!(
                    out,
                    "  {:<15}{}",
                    paint.name(scenario.name()),
                    order.join(" → ")
                )?;
            }
        }
    }
    Ok(exit::OK)
}
