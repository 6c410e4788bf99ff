use crate::cli::{DataFormat, ListenArgs};
use crate::error::{Error, exit};
use crate::output::{Streams, received};
use crate::receiver::{Answer, Receiver};
use crate::secrets::Reveal;

pub fn run(args: ListenArgs, streams: &mut Streams) -> Result<i32, Error> {
    let address = format!("{}:{}", args.host, args.port);
    let receiver = Receiver::bind(&args.host, args.port).map_err(|source| Error::Bind {
        address: address.clone(),
        source,
    })?;
    let stop = match args.count {
        Some(n) => format!(
            "stops after {}",
            crate::output::diagnostics::plural(n as usize, "request")
        ),
        None => "Ctrl-C stops".to_owned(),
    };
    streams.note(&format!(
        "listening on http://{} — answers {}; {stop}",
        receiver.address, args.status
    ))?;
    streams.flush()?;
    let answer = Answer {
        status: args.status,
        delay: args.delay,
    };
    let reveal = Reveal::from_flag(args.show_secrets);
    let mut failed_output = None;
    let served = receiver.serve(&answer, args.count, |request| {
        let request = received::shown(request, reveal);
        let written = streams.out(|out, paint| {
            match args.format {
                DataFormat::Human => received::human(out, paint, &request)?,
                DataFormat::Json => received::json_line(out, &request)?,
            }
            // Each request is shown as it arrives, whoever reads the output.
            out.flush()
        });
        match written {
            Ok(()) => true,
            Err(error) => {
                failed_output = Some(error);
                false
            }
        }
    });
    if let Some(error) = failed_output {
        return Err(error);
    }
    served.map_err(|source| Error::Serve { address, source })?;
    Ok(exit::OK)
}
