//! `load --export locust`: the campaign's calls rendered here, as `load` would send them,
//! and written as a locustfile on standard output.

use super::common::Inputs;
use crate::error::Error;
use crate::load::thresholds::Threshold;
use crate::load::{Plan, firing};
use crate::output::Streams;
use crate::output::locust::{Exported, locustfile};
use crate::request::Field;
use crate::runner::{Ran, Runner};
use crate::url::Target;
use crate::workspace::Selected;

pub fn run(
    plan: &Plan,
    selected: &[Selected<'_>],
    inputs: &Inputs<'_>,
    thresholds: &[Threshold],
    target: Option<&Target>,
    streams: &mut Streams,
) -> Result<i32, Error> {
    let runner = Runner {
        options: &inputs.options,
        sender: None,
        timeout: plan.timeout,
        strict: false,
    };
    let mut calls = Vec::with_capacity(plan.calls.min(1 << 20) as usize);
    for index in 0..plan.calls {
        if plan.pacing.due(index).is_none() {
            break;
        }
        let mut requests = Vec::new();
        for (payload, actions) in firing(&plan.campaign.call(index), selected, &inputs.payloads)? {
            for item in actions {
                let run = runner.run(item.action, &payload, Vec::new());
                // What `load` would not send is not exported either.
                let Ran::Rendered(mut request) = run.ran else {
                    continue;
                };
                refuse_written_secrets(&request, &item.action.name)?;
                if let Some(seconds) = plan.timeout {
                    request.timeout = seconds.as_secs().max(1);
                }
                let url = target.and_then(|t| t.apply(&request.url, &request.secrets.url));
                requests.push(Exported {
                    action: item.action.name.clone(),
                    request,
                    url,
                });
            }
        }
        calls.push(requests);
    }
    streams.out(|out, _| locustfile(out, plan, &calls, thresholds))?;
    // Written all the same, as render shows what would be sent; the verdict is one (§7).
    Ok(super::common::verdict(&inputs.workspace, false))
}

/// A `${env.…}` value the locustfile could only hold written out (encoded for its place, or
/// part of a base URL): the file would hold the secret, so the export is refused.
fn refuse_written_secrets(request: &crate::request::Request, action: &str) -> Result<(), Error> {
    let origin_end = crate::url::parse(&request.url).map_or(0, |u| u.authority_end);
    for value in &request.secrets.env {
        let straddles = value.field == Field::Url
            && value.range.start < origin_end
            && value.range.end > origin_end;
        if !value.as_is || straddles {
            return Err(Error::Usage {
                message: format!(
                    "action `{action}`: `${{env.{}}}` would have to be written into the locustfile",
                    value.name
                ),
                help: "the export reads environment values at run time only where they are inserted as they are; put the value in a header, or in the URL's path or host on its own".to_owned(),
            });
        }
    }
    Ok(())
}
