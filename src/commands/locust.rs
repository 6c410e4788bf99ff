//! `load --export locust`: a locustfile that reproduces the campaign (filled in below).

use super::common::Inputs;
use crate::error::{Error, exit};
use crate::load::Plan;
use crate::load::thresholds::Threshold;
use crate::output::Streams;
use crate::workspace::Selected;

pub fn run(
    plan: &Plan,
    selected: &[Selected<'_>],
    inputs: &Inputs<'_>,
    thresholds: &[Threshold],
    streams: &mut Streams,
) -> Result<i32, Error> {
    let _ = (plan, selected, inputs, thresholds, streams);
    Ok(exit::OK)
}
