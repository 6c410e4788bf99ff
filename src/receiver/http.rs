//! Reading one HTTP/1.1 request from a connection, within limits and deadlines, and
//! writing the answer. Whatever a client sends, this ends with a request, a refusal with
//! its status, or the connection closed — never a hang and never unbounded memory.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// A request head larger than this is refused with 431.
pub const MAX_HEAD: usize = 16 * 1024;
/// Headers of one request, at the most.
const MAX_HEADERS: usize = 100;
/// Bodies larger than this are refused with 413.
pub const MAX_BODY: usize = 1024 * 1024;

/// How long a client may take.
#[derive(Clone, Copy, Debug)]
pub struct Deadlines {
    /// For the request line and headers, from the first byte.
    pub head: Duration,
    /// For the whole body.
    pub body: Duration,
    /// Between requests on a kept-alive connection.
    pub idle: Duration,
}

/// A request as read, before it is decoded for people.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Every header in order, repeated ones kept; values as UTF-8 (lossy).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The body was over [`MAX_BODY`]: refused with 413 and not kept.
    pub too_large: bool,
    /// The body did not arrive in full: the client hung up or ran out of time.
    pub cut: bool,
    /// The connection ends after the answer.
    pub close: bool,
}

/// What reading from a connection came to.
#[derive(Debug)]
pub enum Next {
    Request(Request),
    /// A request that cannot be read, answered with this status and the connection closed.
    Refused(u16),
    /// The client closed the connection (or stayed silent) between requests.
    Closed,
}

/// A connection and the bytes read from it that were not used yet.
pub struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl Connection {
    pub fn new(stream: TcpStream) -> Connection {
        Connection {
            stream,
            buffer: Vec::new(),
        }
    }

    /// Reads the next request.
    pub fn read(&mut self, deadlines: Deadlines) -> Next {
        let head_end = match self.read_head(deadlines) {
            Ok(Some(end)) => end,
            Ok(None) => return Next::Closed,
            Err(status) => return Next::Refused(status),
        };
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut headers);
        let status = parsed.parse(&self.buffer[..head_end]);
        let request = match status {
            Ok(httparse::Status::Complete(_)) => head(&parsed),
            Ok(httparse::Status::Partial) => return Next::Refused(400),
            // `HTTP/2.0` is an HTTP this server does not speak; anything else is not HTTP.
            Err(httparse::Error::Version) if self.says_http_version() => return Next::Refused(505),
            Err(httparse::Error::TooManyHeaders) => return Next::Refused(431),
            Err(_) => return Next::Refused(400),
        };
        self.buffer.drain(..head_end);
        match request {
            Ok(request) => self.read_body(request, deadlines),
            Err(status) => Next::Refused(status),
        }
    }

    /// Whether the request line ends in `HTTP/` and a version.
    fn says_http_version(&self) -> bool {
        let line_end = find(&self.buffer, b"\r\n").unwrap_or(self.buffer.len());
        let line = &self.buffer[..line_end];
        line.rsplit(|b| *b == b' ')
            .next()
            .is_some_and(|version| version.starts_with(b"HTTP/"))
    }

    /// Reads until the end of a head; `Ok(None)` when the connection ends or stays idle
    /// before a first byte.
    fn read_head(&mut self, deadlines: Deadlines) -> Result<Option<usize>, u16> {
        let started = Instant::now();
        loop {
            match find(&self.buffer, b"\r\n\r\n") {
                Some(end) if end + 4 > MAX_HEAD => return Err(431),
                Some(end) => return Ok(Some(end + 4)),
                None if self.buffer.len() > MAX_HEAD => return Err(431),
                None => {}
            }
            // An idle connection waits for its next request; a started head must finish.
            let limit = if self.buffer.is_empty() {
                deadlines.idle
            } else {
                deadlines.head
            };
            let Some(left) = limit.checked_sub(started.elapsed()) else {
                return if self.buffer.is_empty() {
                    Ok(None)
                } else {
                    Err(408)
                };
            };
            match self.fill(left) {
                Ok(0) if self.buffer.is_empty() => return Ok(None),
                Ok(0) => return Err(400),
                Ok(_) => {}
                Err(e) if is_timeout(&e) && self.buffer.is_empty() => return Ok(None),
                Err(e) if is_timeout(&e) => return Err(408),
                Err(_) => return Ok(None),
            }
        }
    }

    fn read_body(&mut self, mut request: Request, deadlines: Deadlines) -> Next {
        let framing = match framing(&request.headers) {
            Ok(framing) => framing,
            Err(status) => return Next::Refused(status),
        };
        let deadline = Instant::now() + deadlines.body;
        match framing {
            Framing::None => {}
            Framing::Length(length) if length > MAX_BODY as u64 => {
                request.too_large = true;
                request.close = true;
            }
            Framing::Length(length) => {
                // The length was checked against the cap, so it fits.
                let length = usize::try_from(length).unwrap_or(MAX_BODY);
                match self.take(length, deadline) {
                    Some(body) => request.body = body,
                    None => {
                        request.cut = true;
                        request.close = true;
                        request.body = std::mem::take(&mut self.buffer);
                    }
                }
            }
            Framing::Chunked => match self.chunked(deadline) {
                Chunked::Body(body) => request.body = body,
                Chunked::TooLarge => {
                    request.too_large = true;
                    request.close = true;
                }
                Chunked::Cut(partial) => {
                    request.cut = true;
                    request.close = true;
                    request.body = partial;
                }
                Chunked::Bad => return Next::Refused(400),
            },
        }
        Next::Request(request)
    }

    /// The next `length` bytes, or `None` when they do not all come before `deadline`.
    fn take(&mut self, length: usize, deadline: Instant) -> Option<Vec<u8>> {
        while self.buffer.len() < length {
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.fill(left) {
                Ok(0) | Err(_) => return None,
                Ok(_) => {}
            }
        }
        Some(self.buffer.drain(..length).collect())
    }

    /// A line ending in CRLF, without it; `None` when it does not come in time or is too long.
    fn line(&mut self, deadline: Instant) -> Option<Vec<u8>> {
        loop {
            if let Some(end) = find(&self.buffer, b"\r\n") {
                let line = self.buffer[..end].to_vec();
                self.buffer.drain(..end + 2);
                return Some(line);
            }
            if self.buffer.len() > MAX_HEAD {
                return None;
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.fill(left) {
                Ok(0) | Err(_) => return None,
                Ok(_) => {}
            }
        }
    }

    fn chunked(&mut self, deadline: Instant) -> Chunked {
        let mut body = Vec::new();
        loop {
            let Some(line) = self.line(deadline) else {
                return Chunked::Cut(body);
            };
            let size_text = String::from_utf8_lossy(&line);
            let size_text = size_text.split(';').next().unwrap_or_default().trim();
            let Ok(size) = usize::from_str_radix(size_text, 16) else {
                return Chunked::Bad;
            };
            if size_text.is_empty() || size_text.len() > 8 {
                return Chunked::Bad;
            }
            if body.len() + size > MAX_BODY {
                return Chunked::TooLarge;
            }
            if size == 0 {
                // Trailers, up to the empty line.
                loop {
                    match self.line(deadline) {
                        Some(line) if line.is_empty() => return Chunked::Body(body),
                        Some(_) => {}
                        None => return Chunked::Cut(body),
                    }
                }
            }
            match self.take(size + 2, deadline) {
                Some(chunk) if chunk.ends_with(b"\r\n") => body.extend_from_slice(&chunk[..size]),
                Some(_) => return Chunked::Bad,
                None => {
                    body.append(&mut self.buffer);
                    return Chunked::Cut(body);
                }
            }
        }
    }

    /// Reads what the client has sent, waiting at most `left`.
    fn fill(&mut self, left: Duration) -> io::Result<usize> {
        self.stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))?;
        let mut chunk = [0; 8192];
        let read = self.stream.read(&mut chunk)?;
        self.buffer.extend_from_slice(&chunk[..read]);
        Ok(read)
    }

    /// Ends the connection after a refusal without losing the answer: a client still
    /// sending would otherwise get a reset instead of the status. What it sends is read
    /// and dropped, for a second at most.
    pub fn linger(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Write);
        let deadline = Instant::now() + Duration::from_secs(1);
        let mut sink = [0; 8192];
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if self.stream.set_read_timeout(Some(left)).is_err() {
                return;
            }
            match self.stream.read(&mut sink) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    }

    /// Answers with `status` and no body; `close` ends the connection after it.
    pub fn respond(&mut self, status: u16, close: bool) -> io::Result<()> {
        let reason = reason(status);
        let connection = if close { "Connection: close\r\n" } else { "" };
        let head = format!("HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\n{connection}\r\n");
        self.stream
            .set_write_timeout(Some(Duration::from_secs(10)))?;
        self.stream.write_all(head.as_bytes())?;
        self.stream.flush()
    }
}

#[derive(Debug)]
enum Framing {
    None,
    Length(u64),
    Chunked,
}

enum Chunked {
    Body(Vec<u8>),
    TooLarge,
    Cut(Vec<u8>),
    Bad,
}

/// How the body is delimited. Both a length and chunks, lengths that disagree, or one
/// that is not a number, are refused (they are how requests are smuggled).
fn framing(headers: &[(String, String)]) -> Result<Framing, u16> {
    fn values<'h>(
        headers: &'h [(String, String)],
        name: &'static str,
    ) -> impl Iterator<Item = &'h str> {
        headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }
    let chunked =
        values(headers, "transfer-encoding").any(|v| v.to_ascii_lowercase().contains("chunked"));
    let lengths: Vec<&str> = values(headers, "content-length").collect();
    if chunked && !lengths.is_empty() {
        return Err(400);
    }
    if chunked {
        return Ok(Framing::Chunked);
    }
    let Some(first) = lengths.first() else {
        return Ok(Framing::None);
    };
    if lengths.iter().any(|l| l != first)
        || first.is_empty()
        || first.len() > 19
        || !first.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(400);
    }
    first.parse().map(Framing::Length).map_err(|_| 400)
}

fn head(parsed: &httparse::Request<'_, '_>) -> Result<Request, u16> {
    let (Some(method), Some(target), Some(version)) = (parsed.method, parsed.path, parsed.version)
    else {
        return Err(400);
    };
    let headers: Vec<(String, String)> = parsed
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_owned(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    let connection = headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("connection"))
        .map(|(_, v)| v.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(",");
    let close = match version {
        0 => !connection.contains("keep-alive"),
        _ => connection.contains("close"),
    };
    Ok(Request {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body: Vec::new(),
        too_large: false,
        cut: false,
        close,
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn is_timeout(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn reason(status: u16) -> &'static str {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}
