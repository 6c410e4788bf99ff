use crate::cli::DataFormat;
use crate::error::{Error, exit};
use crate::output::{Streams, events};

pub fn run(format: DataFormat, streams: &mut Streams) -> Result<i32, Error> {
    streams.out(|out, paint| match format {
        DataFormat::Human => events::human(out, paint),
        DataFormat::Json => events::json(out),
    })?;
    Ok(exit::OK)
}
