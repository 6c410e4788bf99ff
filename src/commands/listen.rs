use std::time::Duration;

use crate::cli::{DataFormat, ListenArgs};
use crate::error::{Error, exit};
use crate::interrupt;
use crate::output::diagnostics::plural;
use crate::output::{Streams, received};
use crate::receiver::{Answer, Arrival, Deadlines, Receiver};
use crate::secrets::Reveal;

/// How long clients may take: enough for any webhook, too little to hold a worker.
const DEADLINES: Deadlines = Deadlines {
    head: Duration::from_secs(10),
    body: Duration::from_secs(10),
    idle: Duration::from_secs(5),
};

pub fn run(args: ListenArgs, streams: &mut Streams) -> Result<i32, Error> {
    let address = format!("{}:{}", args.host, args.port);
    let receiver = Receiver::bind(&args.host, args.port).map_err(|source| Error::Bind {
        address: address.clone(),
        source,
    })?;
    let stop = match args.count {
        Some(n) => format!("stops after {}", plural(n as usize, "request")),
        None => "Ctrl-C stops".to_owned(),
    };
    streams.note(&format!(
        "listening on http://{} — answers {}; {stop}",
        receiver.address, args.status
    ))?;
    streams.flush()?;
    interrupt::catch();
    let answer = Answer {
        status: args.status,
        delay: args.delay,
    };
    let mut arrivals = receiver
        .start(answer, DEADLINES)
        .map_err(|source| Error::Serve {
            address: address.clone(),
            source,
        })?;
    let reveal = Reveal::from_flag(args.show_secrets);
    let mut count = 0u64;
    let outcome = loop {
        if interrupt::requested() || args.count.is_some_and(|n| count >= n) {
            break Ok(());
        }
        let request = match arrivals.next(Duration::from_millis(100)) {
            None => continue,
            Some(Arrival::Failed(source)) => break Err(Error::Serve { address, source }),
            Some(Arrival::Request(request)) => request,
        };
        let shown = received::shown(&request.received, reveal);
        let written = streams.out(|out, paint| {
            match args.format {
                DataFormat::Human => received::human(out, paint, &shown)?,
                DataFormat::Json => received::json_line(out, &shown)?,
            }
            // Each request is shown as it arrives, whoever reads the output.
            out.flush()
        });
        request.answer(written.is_ok());
        if let Err(error) = written {
            break Err(error);
        }
        count += 1;
    };
    arrivals.finish(args.delay.unwrap_or_default() + Duration::from_secs(5));
    streams.note(&format!("{} received", plural(count as usize, "request")))?;
    outcome.map(|()| exit::OK)
}
