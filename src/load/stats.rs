//! What a load run measured, without a record per request: counters and HDR histograms per
//! action and in total, and per second of the run (for the charts), so memory stays flat
//! however many calls there are.

use std::collections::BTreeMap;
use std::time::Duration;

use hdrhistogram::Histogram;

/// Why a request is lost: what the platform would have dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Failure {
    Timeout,
    Refused,
    Redirect,
    Status4xx,
    Status5xx,
    /// Any other transport failure (DNS, TLS, a closed connection).
    Transport,
    /// Never sent: its errors keep the request from being built.
    NotSent,
}

impl Failure {
    pub const ALL: [Failure; 7] = [
        Failure::Timeout,
        Failure::Refused,
        Failure::Redirect,
        Failure::Status4xx,
        Failure::Status5xx,
        Failure::Transport,
        Failure::NotSent,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Failure::Timeout => "timeout",
            Failure::Refused => "refused",
            Failure::Redirect => "redirect",
            Failure::Status4xx => "4xx",
            Failure::Status5xx => "5xx",
            Failure::Transport => "transport",
            Failure::NotSent => "not sent",
        }
    }
}

/// Latencies are kept in microseconds, from 1 µs to an hour.
const MAX_MICROS: u64 = 3_600_000_000;

/// A histogram of latencies to `digits` significant digits. The bounds are constants, so
/// it cannot fail.
fn histogram(digits: u8) -> Histogram<u64> {
    Histogram::new_with_bounds(1, MAX_MICROS, digits).expect("1 µs to 1 h is a valid range")
}

/// The requests of one action, or of all of them.
#[derive(Clone, Debug)]
pub struct Tally {
    pub requests: u64,
    pub succeeded: u64,
    pub failures: BTreeMap<Failure, u64>,
    /// From when each request was due to when it ended, in microseconds.
    pub latency: Histogram<u64>,
    /// Requests that ended later than their action's timeout after they were due: a
    /// platform that fired on time would have given up on them.
    pub over_timeout: u64,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            requests: 0,
            succeeded: 0,
            failures: BTreeMap::new(),
            latency: histogram(3),
            over_timeout: 0,
        }
    }
}

impl Tally {
    pub fn lost(&self) -> u64 {
        self.failures.values().sum()
    }

    /// The share lost, from 0 to 1.
    pub fn lost_share(&self) -> f64 {
        match self.requests {
            0 => 0.0,
            n => self.lost() as f64 / n as f64,
        }
    }

    pub fn percentile(&self, quantile: f64) -> Duration {
        Duration::from_micros(self.latency.value_at_quantile(quantile))
    }

    pub fn max(&self) -> Duration {
        Duration::from_micros(self.latency.max())
    }

    fn record(&mut self, sample: &Sample) {
        self.requests += 1;
        match sample.failure {
            None => self.succeeded += 1,
            Some(failure) => *self.failures.entry(failure).or_default() += 1,
        }
        if sample.failure != Some(Failure::NotSent) {
            let _ = self.latency.record(micros(sample.latency));
        }
        if sample.latency > sample.timeout {
            self.over_timeout += 1;
        }
    }

    fn merge(&mut self, other: &Tally) {
        self.requests += other.requests;
        self.succeeded += other.succeeded;
        for (failure, count) in &other.failures {
            *self.failures.entry(*failure).or_default() += count;
        }
        let _ = self.latency.add(&other.latency);
        self.over_timeout += other.over_timeout;
    }
}

/// One request as measured.
pub struct Sample<'a> {
    pub action: &'a str,
    /// From the start of the run to when it was due.
    pub due: Duration,
    pub latency: Duration,
    pub timeout: Duration,
    pub failure: Option<Failure>,
}

/// One second of the run: what ended in it (for the charts).
#[derive(Clone, Debug, Default)]
pub struct Second {
    pub requests: u64,
    pub lost: u64,
    pub latency: Option<Histogram<u64>>,
}

#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub total: Tally,
    pub actions: BTreeMap<String, Tally>,
    pub seconds: Vec<Second>,
    /// Calls that started later than due because every worker was busy (the
    /// `--concurrency` cap), and the most any was late.
    pub calls_late: u64,
    pub most_late: Duration,
}

/// A call that starts this much after it was due counts as held back by the cap.
pub const LATE: Duration = Duration::from_millis(10);

impl Stats {
    pub fn record(&mut self, sample: &Sample) {
        self.total.record(sample);
        match self.actions.get_mut(sample.action) {
            Some(tally) => tally.record(sample),
            None => {
                let mut tally = Tally::default();
                tally.record(sample);
                self.actions.insert(sample.action.to_owned(), tally);
            }
        }
        let second = (sample.due + sample.latency).as_secs() as usize;
        if self.seconds.len() <= second {
            self.seconds.resize(second + 1, Second::default());
        }
        let slot = &mut self.seconds[second];
        slot.requests += 1;
        if sample.failure.is_some() {
            slot.lost += 1;
        }
        if sample.failure != Some(Failure::NotSent) {
            // One significant digit is enough for a chart, and keeps an hour of seconds small.
            let latency = slot.latency.get_or_insert_with(|| histogram(1));
            let _ = latency.record(micros(sample.latency));
        }
    }

    /// Adds seconds of another run's timeline (by their index).
    pub fn add_seconds<'s>(&mut self, seconds: impl IntoIterator<Item = (usize, &'s Second)>) {
        for (index, theirs) in seconds {
            if self.seconds.len() <= index {
                self.seconds.resize(index + 1, Second::default());
            }
            let mine = &mut self.seconds[index];
            mine.requests += theirs.requests;
            mine.lost += theirs.lost;
            if let Some(latency) = &theirs.latency {
                match &mut mine.latency {
                    Some(own) => {
                        let _ = own.add(latency);
                    }
                    None => mine.latency = Some(latency.clone()),
                }
            }
        }
    }

    /// Takes the seconds before `limit` out of the timeline (their places stay, empty), for
    /// a run to gather them in one place as they end.
    pub fn drain_seconds_before(&mut self, limit: usize) -> Vec<(usize, Second)> {
        let end = limit.min(self.seconds.len());
        self.seconds[..end]
            .iter_mut()
            .enumerate()
            .filter(|(_, s)| s.requests > 0)
            .map(|(index, s)| (index, std::mem::take(s)))
            .collect()
    }

    pub fn started(&mut self, lag: Duration) {
        if lag > LATE {
            self.calls_late += 1;
        }
        self.most_late = self.most_late.max(lag);
    }

    pub fn merge(&mut self, other: &Stats) {
        self.total.merge(&other.total);
        for (name, tally) in &other.actions {
            self.actions.entry(name.clone()).or_default().merge(tally);
        }
        self.add_seconds(other.seconds.iter().enumerate());
        self.calls_late += other.calls_late;
        self.most_late = self.most_late.max(other.most_late);
    }
}

fn micros(latency: Duration) -> u64 {
    (latency.as_micros() as u64).clamp(1, MAX_MICROS)
}
