//! Sends rendered requests over HTTP/1.1 (ureq, rustls) and describes what came back.
//! Nothing here prints: an [`Exchange`] is a value that the output layer reports.

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ureq::http;

use crate::action::Method;
use crate::request::Request;
use crate::secrets::Reveal;
use crate::url;

mod transport;

use transport::CachingResolver;

/// Response bodies are read up to this size; the rest is cut, and the report says so.
pub const MAX_RESPONSE_BODY: usize = 1024 * 1024;

/// A request and what became of it.
#[derive(Debug)]
pub struct Exchange {
    pub request: Request,
    /// Where it went instead of its own URL (`--target`), and the secrets' ranges in it.
    pub sent_to: Option<SentTo>,
    pub outcome: Outcome,
    /// From the start of the connection to the end of the response body, or to the failure.
    pub elapsed: Duration,
}

/// The URL a request was sent to under `--target`.
#[derive(Debug)]
pub struct SentTo {
    pub url: String,
    pub secrets: Vec<std::ops::Range<usize>>,
}

impl SentTo {
    /// The URL as it may be shown.
    pub fn shown(&self, reveal: Reveal) -> String {
        match reveal {
            Reveal::Show => self.url.clone(),
            Reveal::Mask => crate::secrets::mask_ranges(&self.url, &self.secrets),
        }
    }
}

#[derive(Debug)]
pub enum Outcome {
    /// The server answered; a 2xx is a success, anything else a failure.
    Response(Response),
    /// No answer: nothing was received, or the exchange was cut off.
    Failed(Failure),
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The body was longer than [`MAX_RESPONSE_BODY`] and was cut there.
    pub truncated: bool,
}

#[derive(Debug)]
pub enum Failure {
    Timeout(Duration),
    Refused(String),
    UnknownHost(String),
    Tls(String),
    /// Anything else the transport reported, in its words.
    Transport(String),
}

impl Exchange {
    pub fn succeeded(&self) -> bool {
        matches!(&self.outcome, Outcome::Response(r) if (200..300).contains(&r.status))
    }

    /// Why the exchange failed, in a few words; `None` when it succeeded. A secret the
    /// server echoes (in a `Location`) is masked as asked.
    pub fn problem(&self, reveal: Reveal) -> Option<String> {
        match &self.outcome {
            Outcome::Response(r) if (200..300).contains(&r.status) => None,
            Outcome::Response(r) if (300..400).contains(&r.status) => {
                Some(match r.header("location") {
                    Some(location) => format!(
                        "redirect ({}) to {} not followed",
                        r.status,
                        self.request.secrets.echoes.hide(location, reveal)
                    ),
                    None => format!("redirect ({}) without a Location, not followed", r.status),
                })
            }
            Outcome::Response(r) => Some(
                format!("HTTP {} {}", r.status, r.reason)
                    .trim_end()
                    .to_owned(),
            ),
            Outcome::Failed(failure) => Some(failure.to_string()),
        }
    }
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Timeout(after) => write!(f, "timed out after {:.1} s", after.as_secs_f64()),
            Failure::Refused(address) => write!(f, "connection refused ({address})"),
            Failure::UnknownHost(host) => write!(f, "could not resolve host {host}"),
            Failure::Tls(message) => write!(f, "TLS error: {message}"),
            Failure::Transport(message) => f.write_str(message),
        }
    }
}

/// Sends requests through one agent, so connections to the same host are reused.
pub struct Sender {
    agent: ureq::Agent,
    /// `--target`: the origin every request goes to instead of its own.
    target: Option<url::Target>,
    /// Connections opened so far, to tell a request sent on a pooled connection.
    opened: Arc<AtomicU64>,
}

impl Sender {
    /// `insecure` turns off TLS certificate checks, for self-signed local endpoints.
    pub fn new(insecure: bool, target: Option<url::Target>) -> Sender {
        Sender::with_connections(insecure, target, 3)
    }

    /// A sender that keeps up to `connections` idle connections to each host, for a pool
    /// of that many workers (`load`).
    pub fn with_connections(
        insecure: bool,
        target: Option<url::Target>,
        connections: usize,
    ) -> Sender {
        let tls = ureq::tls::TlsConfig::builder()
            .disable_verification(insecure)
            .build();
        let config = ureq::Agent::config_builder()
            // 4xx and 5xx are results to report, not transport errors.
            .http_status_as_error(false)
            // The platform does not follow redirects: a 3xx is reported as it is.
            .max_redirects(0)
            // What is sent is what `render` shows: no headers of ureq's own.
            .accept("")
            .user_agent("")
            .tls_config(tls)
            .max_idle_connections(connections.max(10))
            .max_idle_connections_per_host(connections.max(3))
            .build();
        let opened = Arc::new(AtomicU64::new(0));
        let connector = transport::connector(Arc::clone(&opened));
        Sender {
            agent: ureq::Agent::with_parts(config, connector, CachingResolver::default()),
            target,
            opened,
        }
    }

    /// Sends `request`, cut off at `timeout` however the server behaves.
    ///
    /// A pooled connection the server has closed (HTTP/1.1 lets it close after any
    /// answer) fails before the request reaches it; the request then goes once more on a
    /// fresh connection, within the same deadline. That is not a retry: the server never
    /// received it, and the platform opens connections of its own.
    pub fn send(&self, request: Request, timeout: Duration) -> Exchange {
        let start = Instant::now();
        let sent_to = self.target.as_ref().and_then(|target| {
            target
                .apply(&request.url, &request.secrets.url)
                .map(|(url, secrets)| SentTo { url, secrets })
        });
        let url = sent_to
            .as_ref()
            .map_or(request.url.as_str(), |s| s.url.as_str());
        let mut result = self.exchange_counted(&request, url, timeout);
        for _ in 0..2 {
            match &result {
                Err((error, false)) if is_closed_connection(error) => {
                    let left = timeout.saturating_sub(start.elapsed());
                    result = self.exchange_counted(&request, url, left);
                }
                _ => break,
            }
        }
        let outcome = match result {
            Ok(response) => Outcome::Response(response),
            Err((error, _)) => Outcome::Failed(failure(error, url, timeout)),
        };
        Exchange {
            request,
            sent_to,
            outcome,
            elapsed: start.elapsed(),
        }
    }

    /// One exchange; an error says whether a connection was opened for it (`false`: it
    /// went on a pooled one).
    fn exchange_counted(
        &self,
        request: &Request,
        url: &str,
        timeout: Duration,
    ) -> Result<Response, (ureq::Error, bool)> {
        let before = self.opened.load(Ordering::SeqCst);
        self.exchange(request, url, timeout)
            .map_err(|error| (error, self.opened.load(Ordering::SeqCst) != before))
    }

    fn exchange(
        &self,
        request: &Request,
        url: &str,
        timeout: Duration,
    ) -> Result<Response, ureq::Error> {
        let method = match request.method {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
        };
        let mut builder = http::Request::builder().method(method).uri(url);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_bytes());
        }
        let body = request.body.clone().unwrap_or_default().into_bytes();
        let http_request = builder.body(body)?;
        let http_request = self
            .agent
            .configure_request(http_request)
            // One deadline over the whole exchange: connect, send, headers and body.
            .timeout_global(Some(timeout))
            .build();
        let response = self.agent.run(http_request)?;
        let status = response.status();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let mut body = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(MAX_RESPONSE_BODY as u64 + 1)
            .read_to_end(&mut body)
            .map_err(ureq::Error::from)?;
        let truncated = body.len() > MAX_RESPONSE_BODY;
        body.truncate(MAX_RESPONSE_BODY);
        Ok(Response {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or_default().to_owned(),
            headers,
            body,
            truncated,
        })
    }
}

/// A transport error in plain words.
fn failure(error: ureq::Error, url: &str, timeout: Duration) -> Failure {
    let parsed = url::parse(url).ok();
    let host = || parsed.map(|u| u.host.to_owned()).unwrap_or_default();
    let address = || parsed.map(|u| u.address()).unwrap_or_default();
    match error {
        ureq::Error::Timeout(_) => Failure::Timeout(timeout),
        ureq::Error::HostNotFound => Failure::UnknownHost(host()),
        ureq::Error::ConnectionFailed => Failure::Refused(address()),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            Failure::Refused(address())
        }
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => Failure::Timeout(timeout),
        // The system resolver's failure comes as an I/O error of its own words.
        ureq::Error::Io(e) if e.to_string().contains("failed to lookup address") => {
            Failure::UnknownHost(host())
        }
        ureq::Error::Tls(message) => Failure::Tls(message.to_owned()),
        ureq::Error::Rustls(e) => Failure::Tls(e.to_string()),
        ureq::Error::Http(e) => Failure::Transport(format!("the request could not be built: {e}")),
        ureq::Error::BadUri(uri) => Failure::Transport(format!("invalid URL: {uri}")),
        other => Failure::Transport(other.to_string()),
    }
}

/// A connection that the server had closed: the request did not reach it.
fn is_closed_connection(error: &ureq::Error) -> bool {
    matches!(error, ureq::Error::Io(e) if matches!(
        e.kind(),
        std::io::ErrorKind::UnexpectedEof
            | std::io::ErrorKind::ConnectionReset
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::BrokenPipe
    ))
}
