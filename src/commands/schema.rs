use crate::error::{Error, exit};
use crate::output::Streams;

pub fn run(streams: &mut Streams) -> Result<i32, Error> {
    let schema = crate::schema::schema();
    streams.out(|out, _| {
        serde_json::to_writer_pretty(&mut *out, &schema)?;
        writeln!(out)
    })?;
    Ok(exit::OK)
}
