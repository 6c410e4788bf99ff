//! When each call is due, in an open model: calls start at the rate asked whether or not
//! earlier requests have answered, so a slow endpoint cannot slow the test down and hide
//! its own slowness. A ramp is piecewise linear between its points; after the last one its
//! rate holds.

use std::time::Duration;

/// Calls per second over time.
#[derive(Clone, Debug, PartialEq)]
pub enum Pacing {
    Rate(f64),
    /// `(time, rate)` points, the first at time 0, in time order.
    Ramp(Vec<(f64, f64)>),
}

impl Pacing {
    /// `--ramp`'s reading.
    pub fn parse_ramp(text: &str) -> Result<Pacing, String> {
        parse_ramp(text).map(Pacing::Ramp)
    }

    /// When call `index` (from 0) is due, from the start; `None` when the rate never brings
    /// it (a ramp that ends at 0).
    pub fn due(&self, index: u64) -> Option<Duration> {
        let n = index as f64;
        match self {
            Pacing::Rate(rate) => Duration::try_from_secs_f64(n / rate).ok(),
            Pacing::Ramp(points) => {
                let mut before = 0.0;
                for pair in points.windows(2) {
                    let ((t0, r0), (t1, r1)) = (pair[0], pair[1]);
                    let span = t1 - t0;
                    let calls = (r0 + r1) / 2.0 * span;
                    if n < before + calls {
                        return Duration::try_from_secs_f64(t0 + within(n - before, r0, r1, span))
                            .ok();
                    }
                    before += calls;
                }
                let &(last_time, last_rate) = points.last()?;
                (last_rate > 0.0)
                    .then(|| Duration::try_from_secs_f64(last_time + (n - before) / last_rate).ok())
                    .flatten()
            }
        }
    }

    /// How many calls are due within `duration`.
    pub fn calls_within(&self, duration: Duration) -> u64 {
        let t = duration.as_secs_f64();
        match self {
            Pacing::Rate(rate) => (rate * t).ceil() as u64,
            Pacing::Ramp(points) => {
                let mut calls = 0.0;
                for pair in points.windows(2) {
                    let ((t0, r0), (t1, r1)) = (pair[0], pair[1]);
                    if t <= t0 {
                        break;
                    }
                    let end = t.min(t1);
                    let rate_at_end = r0 + (r1 - r0) * (end - t0) / (t1 - t0);
                    calls += (r0 + rate_at_end) / 2.0 * (end - t0);
                }
                if let Some(&(last_time, last_rate)) = points.last()
                    && t > last_time
                {
                    calls += last_rate * (t - last_time);
                }
                calls.ceil() as u64
            }
        }
    }

    /// The time the ramp's last point is at (its natural length).
    pub fn length(&self) -> Option<Duration> {
        match self {
            Pacing::Rate(_) => None,
            Pacing::Ramp(points) => points
                .last()
                .and_then(|(t, _)| Duration::try_from_secs_f64(*t).ok()),
        }
    }
}

/// The time into a segment at which `calls` calls have been due, the rate going linearly
/// from `r0` to `r1` over `span` seconds: the root of `r0·τ + (r1 − r0)·τ²/(2·span)`.
fn within(calls: f64, r0: f64, r1: f64, span: f64) -> f64 {
    let slope = (r1 - r0) / span;
    if slope.abs() < 1e-12 {
        return calls / r0;
    }
    let root = (r0 * r0 + 2.0 * slope * calls).max(0.0).sqrt();
    (root - r0) / slope
}

/// Reads a rate: `50/s`, `50`, `3000/m`.
pub fn parse_rate(text: &str) -> Result<f64, String> {
    let (number, per) = text.trim().split_once('/').unwrap_or((text.trim(), "s"));
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a rate; write it as 50/s or 3000/m"))?;
    let per_second = match per {
        "s" => value,
        "m" | "min" => value / 60.0,
        _ => return Err(format!("unknown unit `/{per}` in `{text}`; use /s or /m")),
    };
    if !per_second.is_finite() || per_second < 0.0 {
        return Err(format!("`{text}` is not a rate a test can run at"));
    }
    Ok(per_second)
}

/// Reads a ramp: `0:50/s,60s:500/s`, points of `TIME:RATE` from time 0.
pub fn parse_ramp(text: &str) -> Result<Vec<(f64, f64)>, String> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for part in text.split(',') {
        let (time, rate) = part
            .split_once(':')
            .ok_or_else(|| format!("`{part}` is not TIME:RATE, as in 60s:500/s"))?;
        let time = match time.trim() {
            "0" | "0s" => 0.0,
            other => crate::duration::parse(other)?.as_secs_f64(),
        };
        let rate = parse_rate(rate)?;
        if let Some(&(previous, _)) = points.last()
            && time <= previous
        {
            return Err(format!(
                "the points of a ramp go forward in time: {part} comes after {previous}s"
            ));
        }
        points.push((time, rate));
    }
    if points.first().map(|p| p.0) != Some(0.0) {
        return Err("a ramp starts at time 0, as in 0:50/s,60s:500/s".to_owned());
    }
    if points.len() < 2 {
        return Err("a ramp has at least two points; for one rate, use --rate".to_owned());
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_spaces_calls_evenly() {
        let pacing = Pacing::Rate(1000.0);
        assert_eq!(pacing.due(0), Some(Duration::ZERO));
        assert_eq!(pacing.due(1000), Some(Duration::from_secs(1)));
        assert_eq!(pacing.calls_within(Duration::from_secs(10)), 10_000);
    }

    #[test]
    fn a_ramp_integrates_its_rate() {
        let pacing = Pacing::Ramp(parse_ramp("0:0/s,10s:100/s").unwrap());
        // 500 calls in the first 10 s (the area under the ramp), then 100/s.
        assert_eq!(pacing.calls_within(Duration::from_secs(10)), 500);
        let at = pacing.due(500).unwrap().as_secs_f64();
        assert!((at - 10.0).abs() < 1e-6, "{at}");
        let quarter = pacing.due(125).unwrap().as_secs_f64();
        assert!((quarter - 5.0).abs() < 1e-6, "{quarter}");
        assert!((pacing.due(600).unwrap().as_secs_f64() - 11.0).abs() < 1e-6);
        // Every call is due no earlier than the one before it.
        let dues: Vec<Duration> = (0..700).map(|i| pacing.due(i).unwrap()).collect();
        assert!(dues.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_ramp_to_zero_brings_no_more_calls() {
        let pacing = Pacing::Ramp(parse_ramp("0:10/s,10s:0/s").unwrap());
        assert!(pacing.due(49).is_some());
        assert_eq!(pacing.due(50), None);
    }

    #[test]
    fn rates_and_ramps_are_read_with_clear_errors() {
        assert_eq!(parse_rate("50/s"), Ok(50.0));
        assert_eq!(parse_rate("120/m"), Ok(2.0));
        assert!(parse_rate("fast").is_err());
        assert!(parse_ramp("10s:5/s,20s:6/s").is_err());
        assert!(parse_ramp("0:5/s").is_err());
        assert!(parse_ramp("0:5/s,20s:6/s,10s:1/s").is_err());
    }
}
