use super::common;
use crate::cli::{ConfigArgs, DataFormat};
use crate::error::{Error, exit};
use crate::output::{Streams, config};

pub fn run(args: ConfigArgs, streams: &mut Streams) -> Result<i32, Error> {
    let settings = common::settings(&[], Some(args.payload), &args.findings, &args.project)?;
    streams.out(|out, paint| match args.format {
        DataFormat::Human => config::human(out, paint, &settings),
        DataFormat::Json => config::json(out, &settings),
    })?;
    Ok(exit::OK)
}
