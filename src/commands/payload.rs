use crate::cli::DataFormat;
use crate::error::{Error, exit};
use crate::event::Event;
use crate::output::{Streams, variables};
use crate::payload;

pub fn run(
    event: Event,
    vars: bool,
    format: DataFormat,
    streams: &mut Streams,
) -> Result<i32, Error> {
    streams.out(|out, paint| match (vars, format) {
        (false, _) => {
            serde_json::to_writer_pretty(&mut *out, payload::sample_ref(event))?;
            writeln!(out)
        }
        (true, DataFormat::Human) => variables::human(out, paint, event),
        (true, DataFormat::Json) => variables::json(out, event),
    })?;
    Ok(exit::OK)
}
