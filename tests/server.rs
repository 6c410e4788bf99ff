//! Real HTTP servers on 127.0.0.1 for the tests that fire requests: recording servers
//! (`Recorder`, one answer for every request; `Pool`, several at once, as under load) on
//! std and httparse, and raw TCP servers that misbehave on purpose. Every server stops by
//! itself: loops are bounded in count and time.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A request as the server received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// Path and query, as sent.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("the body is JSON")
    }
}

/// Answers every request with one status, headers and body, and records what it got,
/// one request at a time.
pub struct Recorder {
    pub base: String,
    pool: Pool,
}

impl Recorder {
    pub fn start(status: u16, headers: &[(&str, &str)], body: &str) -> Recorder {
        let reply = Reply {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
            body: body.to_owned(),
            delay: None,
        };
        let pool = Pool::answering(1, move |_| reply.clone());
        Recorder {
            base: pool.base.clone(),
            pool,
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.pool.requests()
    }
}

/// How a raw server misbehaves.
#[derive(Clone, Copy)]
pub enum Misbehaviour {
    /// Reads the request and never answers.
    Silent,
    /// Sends the status line, then one byte of a header every 300 ms.
    DripHeaders,
    /// Sends complete headers, then one byte of the body every 300 ms.
    DripBody,
    /// Answers 200 with a body of this many bytes.
    LargeBody(usize),
    /// Answers 200 and closes the connection, without saying `Connection: close`.
    CloseAfterAnswer,
    /// Answers 200 with the request it received as the body, decoded as a server might log
    /// it: the request line percent-decoded, and the Basic credentials base64-decoded.
    Echo,
}

/// A raw TCP server on 127.0.0.1 that serves one connection at a time, at most 20, for at
/// most 30 seconds in all.
pub fn misbehaving(how: Misbehaviour) -> String {
    misbehaving_counted(how).0
}

/// [`misbehaving`], with the number of connections it accepted.
pub fn misbehaving_counted(how: Misbehaviour) -> (String, Arc<Mutex<usize>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds 127.0.0.1:0");
    let port = listener.local_addr().expect("an address").port();
    let accepted = Arc::new(Mutex::new(0));
    let counter = Arc::clone(&accepted);
    thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(30);
        for stream in listener.incoming().take(20) {
            let Ok(stream) = stream else { return };
            *counter.lock().unwrap() += 1;
            thread::spawn(move || serve(stream, how, deadline));
        }
    });
    (format!("http://127.0.0.1:{port}"), accepted)
}

fn serve(mut stream: TcpStream, how: Misbehaviour, deadline: Instant) {
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut buffer = [0; 8192];
    let _ = stream.read(&mut buffer);
    let drip = |stream: &mut TcpStream| {
        while Instant::now() < deadline {
            if stream.write_all(b"x").is_err() {
                return;
            }
            thread::sleep(Duration::from_millis(300));
        }
    };
    match how {
        Misbehaviour::Silent => {
            while Instant::now() < deadline && stream.read(&mut buffer).map_or(true, |n| n > 0) {
                thread::sleep(Duration::from_millis(100));
            }
        }
        Misbehaviour::DripHeaders => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nX-Slow: ");
            drip(&mut stream);
        }
        Misbehaviour::DripBody => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
            drip(&mut stream);
        }
        Misbehaviour::Echo => {
            let received = String::from_utf8_lossy(&buffer)
                .trim_end_matches('\0')
                .to_owned();
            let decoded = callactions::template::encode::percent_decode(&received, true);
            let basic = received
                .lines()
                .find_map(|l| l.strip_prefix("authorization: Basic "))
                .and_then(|b| {
                    use base64::Engine;
                    base64::engine::general_purpose::STANDARD
                        .decode(b.trim())
                        .ok()
                })
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let body = format!("{received}\n{decoded}\n{basic}\n");
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: session=s3cr3t-cookie\r\nContent-Length: {}\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
        Misbehaviour::CloseAfterAnswer => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            // A moment later, as a server with no keep-alive does: a request sent on the
            // connection meanwhile is never read.
            thread::sleep(Duration::from_millis(30));
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
        Misbehaviour::LargeBody(size) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {size}\r\n\r\n"
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&vec![b'a'; size]);
        }
    }
}

/// A port on 127.0.0.1 where nothing listens.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds 127.0.0.1:0");
    listener.local_addr().expect("an address").port()
}

/// How a [`Pool`] answers.
#[derive(Clone, Copy)]
pub enum Answer {
    Ok,
    /// 500 for every `n`th request it receives, 200 for the others.
    FailEvery(usize),
    /// 200 after this long.
    After(Duration),
}

/// A recording server that answers with several workers, as an endpoint under load does:
/// any number of kept-alive connections, at most `workers` requests handled at once.
/// Written on std and httparse rather than tiny_http, which on a loaded machine could
/// sit on a request until the client gave up on it (20 s seen, with two busy cores).
pub struct Pool {
    pub base: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

/// How many requests may be handled at once.
struct Permits {
    free: Mutex<usize>,
    freed: std::sync::Condvar,
}

impl Permits {
    fn take(&self) {
        let mut free = self.free.lock().unwrap();
        while *free == 0 {
            free = self.freed.wait(free).unwrap();
        }
        *free -= 1;
    }

    fn give(&self) {
        *self.free.lock().unwrap() += 1;
        self.freed.notify_one();
    }
}

/// What the server answers to one request.
#[derive(Clone)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    /// Waited before answering.
    delay: Option<Duration>,
}

/// The reply to the `count`th request (from 1).
type Replies = dyn Fn(usize) -> Reply + Send + Sync;

impl Pool {
    pub fn start(workers: usize, answer: Answer) -> Pool {
        Pool::answering(workers, move |count| Reply {
            status: match answer {
                Answer::FailEvery(n) if count.is_multiple_of(n) => 500,
                _ => 200,
            },
            headers: Vec::new(),
            body: "ok".to_owned(),
            delay: match answer {
                Answer::After(delay) => Some(delay),
                _ => None,
            },
        })
    }

    fn answering(workers: usize, replies: impl Fn(usize) -> Reply + Send + Sync + 'static) -> Pool {
        let replies: Arc<Replies> = Arc::new(replies);
        let listener = TcpListener::bind("127.0.0.1:0").expect("binds 127.0.0.1:0");
        let port = listener.local_addr().expect("an address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let permits = Arc::new(Permits {
            free: Mutex::new(workers),
            freed: std::sync::Condvar::new(),
        });
        let received = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (recorded, stopped) = (Arc::clone(&requests), Arc::clone(&stop));
        thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(180);
            for stream in listener.incoming() {
                if stopped.load(std::sync::atomic::Ordering::SeqCst) || Instant::now() > deadline {
                    return;
                }
                let Ok(stream) = stream else { continue };
                let (recorded, permits, received, replies) = (
                    Arc::clone(&recorded),
                    Arc::clone(&permits),
                    Arc::clone(&received),
                    Arc::clone(&replies),
                );
                thread::spawn(move || {
                    serve_pooled(stream, &recorded, &permits, &received, &*replies);
                });
            }
        });
        Pool {
            base: format!("http://127.0.0.1:{port}"),
            requests,
            stop,
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

/// The requests of one connection, answered in turn until the client closes it.
fn serve_pooled(
    mut stream: TcpStream,
    recorded: &Mutex<Vec<Recorded>>,
    permits: &Permits,
    received: &std::sync::atomic::AtomicUsize,
    replies: &Replies,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
    let mut buffer: Vec<u8> = Vec::new();
    loop {
        // The head, then as much body as it says.
        let (request, used) = loop {
            let mut headers = [httparse::EMPTY_HEADER; 64];
            let mut parsed = httparse::Request::new(&mut headers);
            if let Ok(httparse::Status::Complete(used)) = parsed.parse(&buffer) {
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
                let request = Recorded {
                    method: parsed.method.unwrap_or_default().to_owned(),
                    url: parsed.path.unwrap_or_default().to_owned(),
                    headers,
                    body: String::new(),
                };
                break (request, used);
            }
            if !read_more(&mut stream, &mut buffer) {
                return;
            }
        };
        let length: usize = request
            .header("content-length")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        while buffer.len() < used + length {
            if !read_more(&mut stream, &mut buffer) {
                return;
            }
        }
        let body = String::from_utf8_lossy(&buffer[used..used + length]).into_owned();
        buffer.drain(..used + length);
        permits.take();
        // Recorded before the answer: a client waits for it, so the order of one
        // client's requests is the order here.
        recorded.lock().unwrap().push(Recorded { body, ..request });
        let count = received.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        let reply = replies(count);
        if let Some(delay) = reply.delay {
            thread::sleep(delay);
        }
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Length: {}\r\n",
            reply.status,
            reason(reply.status),
            reply.body.len()
        );
        for (name, value) in &reply.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if !reply
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
        {
            head.push_str("Content-Type: text/plain; charset=utf-8\r\n");
        }
        head.push_str("\r\n");
        let written = stream
            .write_all(head.as_bytes())
            .and_then(|()| stream.write_all(reply.body.as_bytes()));
        permits.give();
        if written.is_err() {
            return;
        }
    }
}

/// Reads what has come onto the end of `buffer`; `false` when the client has gone.
fn read_more(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> bool {
    let mut chunk = [0; 8192];
    match stream.read(&mut chunk) {
        Ok(0) | Err(_) => false,
        Ok(n) => {
            buffer.extend_from_slice(&chunk[..n]);
            true
        }
    }
}

fn reason(status: u16) -> &'static str {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
        .unwrap_or("")
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        // Wakes the accept loop so that it sees the stop.
        let _ = TcpStream::connect(self.base.trim_start_matches("http://"));
    }
}
