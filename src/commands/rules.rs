use crate::cli::DataFormat;
use crate::error::{Error, exit};
use crate::output::{Streams, rules};

pub fn run(format: DataFormat, streams: &mut Streams) -> Result<i32, Error> {
    streams.out(|out, paint| match format {
        DataFormat::Human => rules::human(out, paint),
        DataFormat::Json => rules::json(out),
    })?;
    Ok(exit::OK)
}
