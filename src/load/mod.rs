//! `load`: a campaign's calls, each a coherent call of its scenario firing its lifecycle's
//! actions in order — exactly as `simulate --fire` does, through the same runner — started
//! at the rate asked (an open model) on a capped pool of workers. Each request's latency is
//! measured from when it was due, so a slow endpoint shows as slow instead of slowing the
//! test (coordinated omission). Nothing is kept per request: counters and histograms.

pub mod campaign;
pub mod pacing;
pub mod stats;
pub mod thresholds;

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::call::Call;
use crate::error::Error;
use crate::payload::Payloads;
use crate::request::Options;
use crate::runner::{Ran, Runner};
use crate::send::{self, Outcome, Sender};
use crate::workspace::Selected;
use campaign::Campaign;
use pacing::Pacing;
use stats::{Failure, Sample, Stats, Tally};

/// What to run.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The most calls to start.
    pub calls: u64,
    pub pacing: Pacing,
    /// No call starts after this, when given.
    pub duration: Option<Duration>,
    /// Requests in flight at most: the number of workers.
    pub concurrency: usize,
    pub campaign: Campaign,
    /// Overrides each action's own timeout.
    pub timeout: Option<Duration>,
}

/// Where the calls go, and what they are made of.
pub struct Endpoint<'a> {
    pub actions: &'a [Selected<'a>],
    pub payloads: &'a Payloads,
    pub options: &'a Options<'a>,
    pub sender: &'a Sender,
}

/// How far a run has got, for a progress line.
#[derive(Debug, Default)]
pub struct Progress {
    pub started: AtomicU64,
    pub finished: AtomicU64,
}

/// Called as the run goes with the progress, what makes the stats so far (merging them has
/// a cost, so only a caller that shows them asks), and the time since the start.
pub type Tick<'a> = dyn FnMut(&Progress, &dyn Fn() -> Stats, Duration) + 'a;

/// What a run came to.
#[derive(Debug)]
pub struct Finished {
    pub stats: Stats,
    pub elapsed: Duration,
    pub calls_started: u64,
    pub calls_finished: u64,
    /// When the last call was due: the span the arrival rate is measured over.
    pub last_due: Duration,
    /// Stopped by Ctrl-C before every call was started.
    pub interrupted: bool,
    /// The actions' names in the order of the files, for the reports' rows.
    pub order: Vec<String>,
}

impl Finished {
    /// Calls started per second over the span they were due in.
    pub fn call_rate(&self) -> f64 {
        match self.calls_started {
            0 | 1 => self.calls_started as f64 / self.elapsed.as_secs_f64().max(1e-9),
            n => (n - 1) as f64 / self.last_due.as_secs_f64().max(1e-9),
        }
    }

    pub fn request_rate(&self) -> f64 {
        self.stats.total.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Each action that sent a request, with its tally, in the order of the files.
    pub fn actions(&self) -> impl Iterator<Item = (&str, &Tally)> {
        self.order
            .iter()
            .filter_map(|name| Some((name.as_str(), self.stats.actions.get(name)?)))
    }
}

/// What the workers and the scheduler share while a run goes.
struct Shared {
    start: Instant,
    progress: Progress,
    /// One per worker, so recording never waits on another worker.
    workers: Vec<Mutex<Stats>>,
    /// The seconds that have ended, gathered from the workers as the run goes, so that
    /// each worker holds only the last few.
    timeline: Mutex<Stats>,
}

impl Shared {
    fn gather(&self, now: Duration) {
        let limit = (now.as_secs() as usize).saturating_sub(2);
        for stats in &self.workers {
            let ended = match stats.lock() {
                Ok(mut stats) => stats.drain_seconds_before(limit),
                Err(_) => Vec::new(),
            };
            if let Ok(mut timeline) = self.timeline.lock() {
                timeline.add_seconds(ended.iter().map(|(i, s)| (*i, s)));
            }
        }
    }

    fn merged(&self) -> Stats {
        let mut all = Stats::default();
        if let Ok(timeline) = self.timeline.lock() {
            all.add_seconds(timeline.seconds.iter().enumerate());
        }
        for stats in &self.workers {
            if let Ok(stats) = stats.lock() {
                all.merge(&stats);
            }
        }
        all
    }
}

/// Calls the caller's tick about four times a second.
struct Ticker<'t, 'a> {
    tick: &'t mut Tick<'a>,
    next: Duration,
}

impl Ticker<'_, '_> {
    fn maybe(&mut self, shared: &Shared) {
        let now = shared.start.elapsed();
        if now >= self.next {
            shared.gather(now);
            (self.tick)(&shared.progress, &|| shared.merged(), now);
            self.next = now + Duration::from_millis(250);
        }
    }

    /// How long to sleep at most before ticking again.
    fn until_next(&self, shared: &Shared) -> Duration {
        self.next.saturating_sub(shared.start.elapsed())
    }
}

/// Runs `plan` against `endpoint`. `stop` is asked between calls (Ctrl-C); `tick` is called
/// about four times a second with the progress, and what makes the stats so far.
pub fn run(
    plan: &Plan,
    endpoint: &Endpoint<'_>,
    stop: &(dyn Fn() -> bool + Sync),
    tick: &mut Tick<'_>,
) -> Finished {
    let shared = Shared {
        start: Instant::now(),
        progress: Progress::default(),
        workers: (0..plan.concurrency.max(1))
            .map(|_| Mutex::default())
            .collect(),
        timeline: Mutex::default(),
    };
    let mut ticker = Ticker {
        tick,
        next: Duration::ZERO,
    };
    // A call waits here for a worker. Bounded, so memory stays flat at any rate: when it is
    // full the next call is handed out late — and its latency, counted from when it was
    // due, says so.
    let (sender, queue) =
        crossbeam_channel::bounded::<(u64, Duration)>(plan.concurrency.max(1) * 64);
    let runner = Runner {
        options: endpoint.options,
        sender: Some(endpoint.sender),
        timeout: plan.timeout,
        strict: false,
    };
    let mut handed_out = Ok(Duration::ZERO);
    std::thread::scope(|scope| {
        let workers: Vec<_> = shared
            .workers
            .iter()
            .map(|stats| {
                let queue = queue.clone();
                let worker = Worker {
                    plan,
                    endpoint,
                    runner: &runner,
                    shared: &shared,
                    stats,
                    stop,
                };
                scope.spawn(move || {
                    while let Ok((index, due)) = queue.recv() {
                        if stop() {
                            continue;
                        }
                        worker
                            .shared
                            .progress
                            .started
                            .fetch_add(1, Ordering::Relaxed);
                        worker.call(index, due);
                        worker
                            .shared
                            .progress
                            .finished
                            .fetch_add(1, Ordering::Relaxed);
                    }
                })
            })
            .collect();
        drop(queue);
        handed_out = hand_out(plan, &shared, &sender, &mut ticker, stop);
        drop(sender);
        // Wait for what is queued and in flight, still reporting (after Ctrl-C the queue
        // is passed over: those calls never started).
        while !workers.iter().all(|w| w.is_finished()) {
            std::thread::sleep(Duration::from_millis(20));
            ticker.maybe(&shared);
        }
    });
    let (last_due, interrupted) = match handed_out {
        Ok(last_due) => (last_due, false),
        Err(last_due) => (last_due, true),
    };
    Finished {
        calls_started: shared.progress.started.load(Ordering::Relaxed),
        calls_finished: shared.progress.finished.load(Ordering::Relaxed),
        stats: shared.merged(),
        elapsed: shared.start.elapsed(),
        last_due,
        interrupted,
        order: action_order(endpoint.actions),
    }
}

/// The names of `actions`, each once, as the files have them.
fn action_order(actions: &[Selected<'_>]) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    for selected in actions {
        if !order.contains(&selected.action.name) {
            order.push(selected.action.name.clone());
        }
    }
    order
}

/// Hands each call to the workers when it is due, waking to tick and to hear Ctrl-C. The
/// time the last call was due; `Err` with it when Ctrl-C stopped the run.
fn hand_out(
    plan: &Plan,
    shared: &Shared,
    sender: &crossbeam_channel::Sender<(u64, Duration)>,
    ticker: &mut Ticker<'_, '_>,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Duration, Duration> {
    let mut last_due = Duration::ZERO;
    for index in 0..plan.calls {
        let Some(due) = plan.pacing.due(index) else {
            break;
        };
        if plan.duration.is_some_and(|d| due > d) {
            break;
        }
        loop {
            ticker.maybe(shared);
            if stop() {
                return Err(last_due);
            }
            let now = shared.start.elapsed();
            if now >= due {
                break;
            }
            std::thread::sleep((due - now).min(ticker.until_next(shared)));
        }
        last_due = due;
        let mut call = (index, due);
        loop {
            match sender.send_timeout(call, Duration::from_millis(50)) {
                Ok(()) => break,
                Err(crossbeam_channel::SendTimeoutError::Timeout(back)) => {
                    call = back;
                    ticker.maybe(shared);
                    if stop() {
                        return Err(last_due);
                    }
                }
                Err(crossbeam_channel::SendTimeoutError::Disconnected(_)) => return Ok(last_due),
            }
        }
    }
    Ok(last_due)
}

/// What one worker thread holds: the run, and its own stats.
struct Worker<'w, 'a> {
    plan: &'w Plan,
    endpoint: &'w Endpoint<'a>,
    runner: &'w Runner<'a>,
    shared: &'w Shared,
    stats: &'w Mutex<Stats>,
    stop: &'w (dyn Fn() -> bool + Sync),
}

impl Worker<'_, '_> {
    /// One call: its payloads, then each of its actions in lifecycle order, each due when
    /// the one before it ended (the first when the call was).
    fn call(&self, index: u64, due: Duration) {
        let start = self.shared.start;
        let lag = start.elapsed().saturating_sub(due);
        if let Ok(mut stats) = self.stats.lock() {
            stats.started(lag);
        }
        let Ok(firing) = firing(
            &self.plan.campaign.call(index),
            self.endpoint.actions,
            self.endpoint.payloads,
        ) else {
            return;
        };
        let mut request_due = due;
        for (payload, actions) in &firing {
            for item in actions {
                if (self.stop)() {
                    return;
                }
                let run = self.runner.run(item.action, payload, Vec::new());
                let ended = start.elapsed();
                let timeout = self
                    .plan
                    .timeout
                    .unwrap_or(Duration::from_secs(item.action.timeout));
                let sample = Sample {
                    action: &item.action.name,
                    due: request_due,
                    latency: ended.saturating_sub(request_due),
                    timeout,
                    failure: failure_of(&run.ran),
                };
                if let Ok(mut stats) = self.stats.lock() {
                    stats.record(&sample);
                }
                request_due = ended;
            }
        }
    }
}

/// The events of `call` that fire an action, in lifecycle order: each with the payload
/// `simulate` gives it (a payload file's, else the call's, with the --set values on top)
/// and its actions. The run and the Locust export both send what this gives.
pub fn firing<'a>(
    call: &Call,
    actions: &'a [Selected<'a>],
    payloads: &Payloads,
) -> Result<Vec<(Value, Vec<&'a Selected<'a>>)>, Error> {
    let mut firing = Vec::new();
    for &event in call.scenario.lifecycle() {
        let of_event: Vec<&Selected<'_>> =
            actions.iter().filter(|s| s.action.event == event).collect();
        if of_event.is_empty() {
            continue;
        }
        firing.push((
            payloads.for_event_or(event, || call.payload(event))?,
            of_event,
        ));
    }
    Ok(firing)
}

/// What the platform would have made of a run: `None` for a 2xx.
fn failure_of(ran: &Ran) -> Option<Failure> {
    match ran {
        Ran::Blocked | Ran::NotRendered(_) | Ran::Rendered(_) => Some(Failure::NotSent),
        Ran::Sent(exchange) => match &exchange.outcome {
            Outcome::Response(response) => match response.status {
                200..=299 => None,
                300..=399 => Some(Failure::Redirect),
                400..=499 => Some(Failure::Status4xx),
                500..=599 => Some(Failure::Status5xx),
                _ => Some(Failure::Transport),
            },
            Outcome::Failed(send::Failure::Timeout(_)) => Some(Failure::Timeout),
            Outcome::Failed(send::Failure::Refused(_)) => Some(Failure::Refused),
            Outcome::Failed(_) => Some(Failure::Transport),
        },
    }
}
