//! The local webhook receiver behind `listen`: an HTTP/1.1 server with a bounded pool of
//! workers, deadlines on every read and limits on what a request may hold, so that no
//! client can make it hang, grow or go deaf. Requests are handed to the caller one at a
//! time, in the order they arrive, and each is answered once the caller has seen it.

mod http;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc::{self, Receiver as Queue, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

pub use http::{Deadlines, MAX_BODY, MAX_HEAD};

use crate::template::encode::percent_decode;

/// Connections served at once; more wait their turn.
pub const WORKERS: usize = 256;

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
    /// Every header in order; a repeated header is there each time.
    pub headers: Vec<(String, String)>,
    /// The body, byte for byte.
    pub body: Vec<u8>,
    /// The body was over [`MAX_BODY`]: refused with 413 and not kept.
    pub too_large: bool,
    /// The body did not arrive in full; what came is kept.
    pub cut: bool,
}

/// How to answer each request.
#[derive(Clone, Copy, Debug)]
pub struct Answer {
    pub status: u16,
    pub delay: Option<Duration>,
}

pub struct Receiver {
    listener: TcpListener,
    pub address: SocketAddr,
}

/// What the server has for the caller.
pub enum Arrival {
    /// A request; answer it with [`Request::answer`].
    Request(Request),
    /// The listening socket failed: the server cannot go on.
    Failed(std::io::Error),
}

/// A request waiting for the caller.
pub struct Request {
    pub received: Received,
    go: SyncSender<bool>,
}

impl Request {
    /// Lets the worker answer (after the delay), or, with `false`, refuse it with 503.
    pub fn answer(self, serve: bool) {
        // A worker that is gone has nothing to answer.
        let _ = self.go.send(serve);
    }
}

/// The requests of a running server, as they arrive.
pub struct Arrivals {
    queue: Queue<Arrival>,
    /// Answers not sent yet, each said done on this queue.
    done: Queue<()>,
    pending: usize,
}

impl Receiver {
    pub fn bind(host: &str, port: u16) -> std::io::Result<Receiver> {
        let listener = TcpListener::bind((host, port))?;
        let address = listener.local_addr()?;
        Ok(Receiver { listener, address })
    }

    /// Starts accepting connections, served by [`WORKERS`] workers.
    pub fn start(self, answer: Answer, deadlines: Deadlines) -> std::io::Result<Arrivals> {
        let (arrive, queue) = mpsc::sync_channel(WORKERS);
        let (done_tx, done) = mpsc::channel();
        let (connections, incoming) = mpsc::sync_channel::<TcpStream>(WORKERS);
        let incoming = Arc::new(Mutex::new(incoming));
        for _ in 0..WORKERS {
            let worker = Worker {
                incoming: Arc::clone(&incoming),
                arrive: arrive.clone(),
                done: done_tx.clone(),
                answer,
                deadlines,
            };
            thread::Builder::new()
                .stack_size(128 * 1024)
                .spawn(move || worker.run())?;
        }
        thread::Builder::new().spawn(move || accept(self.listener, connections, arrive))?;
        Ok(Arrivals {
            queue,
            done,
            pending: 0,
        })
    }
}

impl Arrivals {
    /// The next arrival, waiting at most `wait`; `None` when nothing came in that time.
    pub fn next(&mut self, wait: Duration) -> Option<Arrival> {
        match self.queue.recv_timeout(wait) {
            Ok(arrival) => {
                if matches!(arrival, Arrival::Request(_)) {
                    self.pending += 1;
                }
                Some(arrival)
            }
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                Some(Arrival::Failed(std::io::Error::other("the server stopped")))
            }
        }
    }

    /// Waits until every request handed out has been answered, at most `wait` in all.
    pub fn finish(mut self, wait: Duration) {
        let deadline = std::time::Instant::now() + wait;
        while self.pending > 0 {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if self.done.recv_timeout(left).is_err() {
                return;
            }
            self.pending -= 1;
        }
    }
}

/// Accepts connections and queues them for the workers; a full queue makes new clients
/// wait, not the server grow.
fn accept(listener: TcpListener, connections: SyncSender<TcpStream>, arrive: SyncSender<Arrival>) {
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                if connections.send(stream).is_err() {
                    return;
                }
            }
            // A socket that is no longer a listening socket is the end of the server, said
            // to the caller.
            Err(error) if is_fatal(&error) => {
                let _ = arrive.send(Arrival::Failed(error));
                return;
            }
            // Out of file descriptors, a client that gave up: it passes.
            Err(_) => thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// EBADF, EINVAL and ENOTSOCK (as Linux numbers them): the listening socket itself is gone.
fn is_fatal(error: &std::io::Error) -> bool {
    matches!(error.raw_os_error(), Some(9 | 22 | 88))
}

struct Worker {
    incoming: Arc<Mutex<Queue<TcpStream>>>,
    arrive: SyncSender<Arrival>,
    done: mpsc::Sender<()>,
    answer: Answer,
    deadlines: Deadlines,
}

impl Worker {
    fn run(self) {
        loop {
            let next = match self.incoming.lock() {
                Ok(queue) => queue.recv(),
                Err(_) => return,
            };
            let Ok(stream) = next else {
                return;
            };
            self.serve(http::Connection::new(stream));
        }
    }

    /// Serves the requests of one connection, until it closes.
    fn serve(&self, mut connection: http::Connection) {
        loop {
            let request = match connection.read(self.deadlines) {
                http::Next::Closed => return,
                http::Next::Refused(status) => {
                    if connection.respond(status, true).is_ok() {
                        connection.linger();
                    }
                    return;
                }
                http::Next::Request(request) => request,
            };
            let (go, wait) = mpsc::sync_channel(1);
            let received = decode(&request);
            if self
                .arrive
                .send(Arrival::Request(Request { received, go }))
                .is_err()
            {
                return;
            }
            let serve = wait.recv().unwrap_or(false);
            let status = match (serve, request.too_large) {
                (false, _) => 503,
                (true, true) => 413,
                (true, false) => self.answer.status,
            };
            if serve && let Some(delay) = self.answer.delay {
                thread::sleep(delay);
            }
            let close = request.close || request.cut || !serve;
            let answered = request.cut || connection.respond(status, close).is_ok();
            if answered && request.too_large {
                connection.linger();
            }
            let _ = self.done.send(());
            if close || !answered {
                return;
            }
        }
    }
}

fn decode(request: &http::Request) -> Received {
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((&request.target, ""));
    let query = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key, true), percent_decode(value, true))
        })
        .collect();
    Received {
        time: crate::timestamp::format(crate::timestamp::now()),
        method: request.method.clone(),
        path: percent_decode(path, false),
        query,
        headers: request.headers.clone(),
        body: request.body.clone(),
        too_large: request.too_large,
        cut: request.cut,
    }
}
