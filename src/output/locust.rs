//! `load --export locust`: a locustfile that reproduces a campaign on Locust, whose
//! master/worker mode spreads one test over many machines. Every request is rendered here,
//! by the same renderer `load` sends with, and embedded; the Python side only sends them:
//! it knows no template rule. A `${env.…}` value is read from the Locust process's own
//! environment, so no secret is written into the file.

use std::io::{self, Write};

use base64::Engine;
use serde_json::{Value, json};

use crate::load::Plan;
use crate::load::thresholds::Threshold;
use crate::request::{Field, Request};

/// A request as the locustfile sends it.
pub struct Exported {
    pub action: String,
    pub request: Request,
    /// The URL sent to, when `--target` changed it (its secret ranges moved with it).
    pub url: Option<(String, Vec<std::ops::Range<usize>>)>,
}

type Moved<'a> = &'a dyn Fn(&std::ops::Range<usize>) -> Option<std::ops::Range<usize>>;

/// A field's text as pieces: literal text, and `{"env": NAME}` where an environment value
/// was inserted as it is; `moved` places each value's range in `text`.
fn pieces(request: &Request, field: Field, text: &str, moved: Moved<'_>) -> Value {
    let mut marks: Vec<(std::ops::Range<usize>, &str)> = request
        .secrets
        .env
        .iter()
        .filter(|e| e.field == field && e.as_is)
        .filter_map(|e| moved(&e.range).map(|range| (range, e.name.as_str())))
        .collect();
    marks.sort_by_key(|(range, _)| range.start);
    let mut out = Vec::new();
    let mut at = 0;
    for (range, name) in marks {
        if range.start < at || range.end > text.len() {
            continue;
        }
        if range.start > at {
            out.push(json!(text[at..range.start]));
        }
        out.push(json!({"env": name}));
        at = range.end;
    }
    if at < text.len() {
        out.push(json!(text[at..]));
    }
    Value::Array(out)
}

fn request_json(exported: &Exported) -> Value {
    let request = &exported.request;
    let same = |range: &std::ops::Range<usize>| Some(range.clone());
    // Where `--target` swapped the origin, a value in the path moved with it, and one in
    // the origin is gone.
    let origin_end = crate::url::parse(&request.url).map_or(0, |u| u.authority_end);
    let url = exported
        .url
        .as_ref()
        .map_or(request.url.as_str(), |(url, _)| url.as_str());
    let shift = url.len() as isize - request.url.len() as isize;
    let moved = |range: &std::ops::Range<usize>| match exported.url {
        None => Some(range.clone()),
        Some(_) if range.start < origin_end => None,
        Some(_) => {
            Some((range.start as isize + shift) as usize..(range.end as isize + shift) as usize)
        }
    };
    let headers: Vec<Value> = request
        .headers
        .iter()
        .enumerate()
        .map(|(i, (name, value))| json!([name, pieces(request, Field::Header(i), value, &same)]))
        .collect();
    json!({
        "name": exported.action,
        "method": request.method.name(),
        "url": pieces(request, Field::Url, url, &moved),
        "headers": headers,
        "body": request.body.as_deref().map(|b| pieces(request, Field::Body, b, &same)),
        "timeout": request.timeout,
    })
}

/// The locustfile of a campaign: its calls (each its requests in lifecycle order), when
/// each is due, the pool size, and the thresholds as the exit code.
pub fn locustfile(
    out: &mut dyn Write,
    plan: &Plan,
    calls: &[Vec<Exported>],
    thresholds: &[Threshold],
) -> io::Result<()> {
    let due: Vec<f64> = (0..calls.len() as u64)
        .map(|i| plan.pacing.due(i).map_or(0.0, |d| d.as_secs_f64()))
        .collect();
    let longest: u64 = calls
        .iter()
        .map(|c| c.iter().map(|e| e.request.timeout).sum::<u64>())
        .max()
        .unwrap_or(0);
    let end = due.last().copied().unwrap_or(0.0) + longest as f64 + 1.0;
    let max_lost = thresholds.iter().find_map(|t| match t {
        Threshold::MaxLost(share) => Some(*share),
        _ => None,
    });
    let max_p99: Vec<Value> = thresholds
        .iter()
        .filter_map(|t| match t {
            Threshold::MaxP99 { action, limit } => Some(json!([action, limit.as_secs_f64()])),
            _ => None,
        })
        .collect();
    let campaign = json!({
        "calls": calls.iter().map(|c| c.iter().map(request_json).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "due": due,
        "users": plan.concurrency,
        "end": end,
        "max_lost": max_lost,
        "max_p99": max_p99,
    });
    let data = base64::engine::general_purpose::STANDARD.encode(campaign.to_string());
    let header = format!(
        "\"\"\"A callactions campaign for Locust: {} calls (seed {}), written by `callactions load --export locust`.\n\n\
         Every request was rendered by callactions and is sent as it is. Run it alone:\n\n    \
         locust -f locustfile.py --headless\n\n\
         or spread over machines (--expect-workers is how the calls are split among the workers):\n\n    \
         locust -f locustfile.py --headless --master --expect-workers 4\n    \
         locust -f locustfile.py --worker --master-host MASTER   # on each of the 4\n\n\
         `${{env.NAME}}` values are read from each process's environment. The exit code is 1\n\
         when a threshold of the campaign is broken.\n\"\"\"\n",
        calls.len(),
        plan.campaign.seed
    );
    out.write_all(header.as_bytes())?;
    out.write_all(LOCUSTFILE.as_bytes())?;
    writeln!(
        out,
        "\nCAMPAIGN = json.loads(base64.b64decode(\"{data}\").decode(\"utf-8\"))"
    )?;
    out.write_all(SETUP.as_bytes())
}

const LOCUSTFILE: &str = r#"
import base64
import json
import logging
import os
import time

import gevent
from locust import HttpUser, LoadTestShape, constant, events, task
from locust.exception import StopUser
from locust.runners import WorkerRunner
from urllib3.util import SKIP_HEADER
"#;

const SETUP: &str = r#"
CALLS = CAMPAIGN["calls"]


def text(pieces):
    """A field's text: its literal pieces, and each environment value where it goes."""
    return "".join(p if isinstance(p, str) else os.environ[p["env"]] for p in pieces)


def schedule(environment):
    """The calls this process sends (every worker's share, by its index), and the start."""
    state = getattr(environment, "callactions", None)
    if state is None:
        runner = environment.runner
        index, count = 0, 1
        if isinstance(runner, WorkerRunner):
            index = runner.worker_index
            count = max(1, getattr(environment.parsed_options, "expect_workers", 1) or 1)
        # A worker beyond the master's --expect-workers has no share: sending any would
        # send some calls twice.
        shares = range(index, len(CALLS), count) if index < count else range(0)
        if index >= count:
            logging.warning(
                "callactions: worker %d has no share of the calls: the master expects %d "
                "workers (--expect-workers)", index, count)
        state = {"calls": iter(shares), "start": time.monotonic()}
        environment.callactions = state
    return state


class Campaign(HttpUser):
    # Every URL is absolute; the host is never used.
    host = "http://127.0.0.1"
    wait_time = constant(0)

    def on_start(self):
        # Only what callactions sends: no headers of requests' own.
        self.client.headers.clear()
        self.state = schedule(self.environment)

    @task
    def call(self):
        index = next(self.state["calls"], None)
        if index is None:
            raise StopUser()
        # Open model: the call starts when it is due, whatever earlier calls are doing.
        delay = self.state["start"] + CAMPAIGN["due"][index] - time.monotonic()
        if delay > 0:
            gevent.sleep(delay)
        for request in CALLS[index]:
            headers = {name: text(value) for name, value in request["headers"]}
            if not any(name.lower() == "accept-encoding" for name in headers):
                headers["Accept-Encoding"] = SKIP_HEADER
            body = request["body"]
            with self.client.request(
                request["method"],
                text(request["url"]),
                data=None if body is None else text(body).encode("utf-8"),
                headers=headers,
                timeout=request["timeout"],
                allow_redirects=False,
                catch_response=True,
                name=request["name"],
            ) as response:
                # Lost, as the platform loses it: any non-2xx, any timeout.
                if not 200 <= response.status_code < 300:
                    response.failure(f"HTTP {response.status_code}" if response.status_code else str(response.error))


class CampaignShape(LoadTestShape):
    """Every user at once, until the last call has had time to end."""

    def tick(self):
        if self.get_run_time() > CAMPAIGN["end"]:
            return None
        return (CAMPAIGN["users"], CAMPAIGN["users"])


@events.quitting.add_listener
def thresholds(environment, **_):
    if isinstance(environment.runner, WorkerRunner):
        return
    stats, broken = environment.stats, []
    total = stats.total
    if CAMPAIGN["max_lost"] is not None and total.num_requests and total.fail_ratio > CAMPAIGN["max_lost"]:
        broken.append(f"--max-lost {CAMPAIGN['max_lost'] * 100:g}%: {total.fail_ratio * 100:.3g}% lost")
    for action, limit in CAMPAIGN["max_p99"]:
        entries = [total] if action is None else [e for e in stats.entries.values() if e.name == action]
        for entry in entries:
            p99 = entry.get_response_time_percentile(0.99) / 1000.0
            if entry.num_requests and p99 > limit:
                broken.append(f"--max-p99 {(action + '=') if action else ''}{limit:g}s: p99 {p99:.3f} s")
    for line in broken:
        print(f"threshold broken: {line}")
    environment.process_exit_code = 1 if broken else 0
"#;
