use std::io::Write;

use crate::cli::{DataFormat, ListenArgs};
use crate::error::{Error, exit};
use crate::output::{Streams, received};
use crate::receiver::{Answer, Receiver};

pub fn run(args: ListenArgs, streams: &mut Streams) -> Result<i32, Error> {
    let receiver = Receiver::bind(&args.host, args.port).map_err(|source| Error::Listen {
        address: format!("{}:{}", args.host, args.port),
        source,
    })?;
    let stop = match args.count {
        Some(n) => format!(
            "stops after {}",
            crate::output::diagnostics::plural(n as usize, "request")
        ),
        None => "Ctrl-C stops".to_owned(),
    };
    writeln!(
        streams.err,
        "listening on http://{} — answers {}; {stop}",
        receiver.address, args.status
    )?;
    streams.err.flush()?;
    let answer = Answer {
        status: args.status,
        delay: args.delay,
    };
    let paint = streams.out_paint;
    let out = &mut streams.out;
    receiver.serve(&answer, args.count, |request| {
        let request = received::masked(request, args.show_secrets);
        match args.format {
            DataFormat::Human => received::human(out, paint, &request)?,
            DataFormat::Json => received::json_line(out, &request)?,
        }
        // Each request is shown as it arrives, whoever reads the output.
        out.flush()
    })?;
    Ok(exit::OK)
}
