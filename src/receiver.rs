//! The local webhook receiver behind `listen`: an HTTP/1.1 server (tiny_http) that hands
//! each request it gets to the caller, then answers.

use std::io::Read;
use std::net::SocketAddr;
use std::time::Duration;

use crate::template::encode::percent_decode;

/// Bodies larger than this are refused with 413.
pub const MAX_BODY: usize = 1024 * 1024;

/// One request, as received.
#[derive(Clone, Debug)]
pub struct Received {
    /// RFC 3339, UTC.
    pub time: String,
    pub method: String,
    /// The path, percent-decoded.
    pub path: String,
    /// The query parameters, decoded, in order.
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The body was over [`MAX_BODY`]: refused with 413 and not kept.
    pub too_large: bool,
}

pub struct Receiver {
    server: tiny_http::Server,
    pub address: SocketAddr,
}

/// How to answer each request.
pub struct Answer {
    pub status: u16,
    pub delay: Option<Duration>,
}

impl Receiver {
    pub fn bind(host: &str, port: u16) -> std::io::Result<Receiver> {
        let server = tiny_http::Server::http((host, port)).map_err(|error| match error
            .downcast::<std::io::Error>(
        ) {
            Ok(io) => *io,
            Err(other) => std::io::Error::other(other.to_string()),
        })?;
        let address = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| std::io::Error::other("not listening on an IP address"))?;
        Ok(Receiver { server, address })
    }

    /// Receives requests, hands each to `seen` and answers it, until `count` requests
    /// (when given), until `seen` returns `false`, or until the server fails.
    pub fn serve(
        &self,
        answer: &Answer,
        count: Option<u64>,
        mut seen: impl FnMut(&Received) -> bool,
    ) -> std::io::Result<u64> {
        let mut served = 0;
        while count.is_none_or(|count| served < count) {
            // A malformed request is answered (400) inside tiny_http and never reaches here;
            // an error from `recv` means the listening socket itself failed.
            let mut request = self.server.recv()?;
            let received = read(&mut request);
            if !seen(&received) {
                return Ok(served);
            }
            if let Some(delay) = answer.delay {
                std::thread::sleep(delay);
            }
            let status = if received.too_large {
                413
            } else {
                answer.status
            };
            // A client that hung up does not stop the receiver.
            let _ = request.respond(tiny_http::Response::empty(status));
            served += 1;
        }
        Ok(served)
    }
}

fn read(request: &mut tiny_http::Request) -> Received {
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let query = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key, true), percent_decode(value, true))
        })
        .collect();
    let headers = request
        .headers()
        .iter()
        .map(|h| {
            (
                h.field.as_str().as_str().to_owned(),
                h.value.as_str().to_owned(),
            )
        })
        .collect();
    let declared_too_large = request.body_length().is_some_and(|n| n > MAX_BODY);
    let mut body = Vec::new();
    let too_large = declared_too_large
        || request
            .as_reader()
            .take(MAX_BODY as u64 + 1)
            .read_to_end(&mut body)
            .is_ok_and(|n| n > MAX_BODY);
    if too_large {
        body.clear();
    }
    Received {
        time: crate::timestamp::format(crate::timestamp::now()),
        method: request.method().as_str().to_owned(),
        path: percent_decode(path, false),
        query,
        headers,
        body,
        too_large,
    }
}
