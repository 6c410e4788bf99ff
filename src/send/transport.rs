//! How requests reach the network: ureq's own connectors, with a layer between TCP and
//! TLS that counts connections and keeps every read to its deadline, and a resolver that
//! looks each host up once.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use ureq::http;
use ureq::unversioned::transport::time::Duration as Timeout;
use ureq::unversioned::transport::{
    Buffers, ConnectProxyConnector, ConnectionDetails, Connector, NextTimeout, RustlsConnector,
    TcpConnector, Transport,
};

/// The longest single wait on a socket. A socket's receive timeout goes through the
/// kernel's timer wheel, which rounds a long one up by as much as an eighth of it: a
/// 30 s wait woke 0.6–2 s late. Waits this short are rounded by a few milliseconds, so a
/// long deadline is waited out in slices of this, each re-armed with the time left.
const SLICE: std::time::Duration = std::time::Duration::from_millis(200);

/// ureq's default chain (a CONNECT proxy when configured, TCP, rustls), with
/// [`DeadlineTransport`] over each TCP connection, counted in `opened`.
pub fn connector(opened: Arc<AtomicU64>) -> impl Connector<(), Out = impl Transport> {
    ().chain(ConnectProxyConnector::default())
        .chain(TcpConnector::default())
        .chain(Deadlines { opened })
        .chain(RustlsConnector::default())
}

/// Wraps each new connection in a [`DeadlineTransport`] and counts it.
#[derive(Debug)]
struct Deadlines {
    opened: Arc<AtomicU64>,
}

impl<In: Transport> Connector<In> for Deadlines {
    type Out = DeadlineTransport<In>;

    fn connect(
        &self,
        _: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        Ok(chained.map(|inner| {
            self.opened.fetch_add(1, Ordering::SeqCst);
            DeadlineTransport { inner }
        }))
    }
}

/// A connection whose reads wait at most [`SLICE`] at a time, until the deadline ureq
/// gives them has passed by the monotonic clock.
#[derive(Debug)]
pub struct DeadlineTransport<T> {
    inner: T,
}

impl<T: Transport> Transport for DeadlineTransport<T> {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    // A write cut off midway cannot be resumed (part of it has gone), so a write keeps
    // the one timeout ureq gives it.
    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.inner.transmit_output(amount, timeout)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        let Timeout::Exact(after) = timeout.after else {
            return self.inner.await_input(timeout);
        };
        let deadline = Instant::now() + after;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let slice = NextTimeout {
                after: Timeout::Exact(left.min(SLICE)),
                ..timeout
            };
            match self.inner.await_input(slice) {
                // A read that timed out has taken nothing: waiting again loses nothing.
                Err(error) if is_timeout(&error) && Instant::now() < deadline => continue,
                result => return result,
            }
        }
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}

fn is_timeout(error: &ureq::Error) -> bool {
    match error {
        ureq::Error::Timeout(_) => true,
        ureq::Error::Io(e) => matches!(
            e.kind(),
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
        ),
        _ => false,
    }
}

/// Resolves each host once per run. ureq's own resolver looks the host up for every
/// request — on a thread of its own when a timeout is set — even when a pooled connection
/// to it is waiting; at thousands of requests that dominates the time.
#[derive(Debug, Default)]
pub struct CachingResolver {
    inner: ureq::unversioned::resolver::DefaultResolver,
    cache: std::sync::Mutex<
        std::collections::HashMap<String, ureq::unversioned::resolver::ResolvedSocketAddrs>,
    >,
}

impl ureq::unversioned::resolver::Resolver for CachingResolver {
    fn resolve(
        &self,
        uri: &http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        let key = format!(
            "{}://{}",
            uri.scheme_str().unwrap_or_default(),
            uri.authority().map(|a| a.as_str()).unwrap_or_default()
        );
        let cached = self
            .cache
            .lock()
            .ok()
            .and_then(|cache| cache.get(&key).cloned());
        if let Some(addresses) = cached {
            return Ok(addresses);
        }
        let addresses = self.inner.resolve(uri, config, timeout)?;
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(key, addresses.clone());
        }
        Ok(addresses)
    }
}
