//! Accepting connections: HTTP/1.1 with a deadline for each request's headers and a cap on open
//! connections. Without them, about 20,100 half-sent requests held every file handle of the
//! server and nobody else was answered. A connection beyond the cap gets a 503 at once and is
//! closed; one whose headers do not arrive in time is closed.

use std::future::Future;
use std::net::IpAddr;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tower::ServiceExt;

use super::{AppState, router};
use crate::render::locale::{DOCUMENT_LANGUAGES, Locale};
use crate::storage::Store;

/// How long a client has to send a request's headers, and to start the next one on a kept-alive
/// connection; then the connection is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Open connections at most, by default: far above an office's users (each browser keeps a few),
/// far below the file handles a process has (1,024 on many systems).
pub const CONNECTIONS_MAX: usize = 512;
/// Open connections per client address at most, by default: a browser opens six, an office behind
/// one address (NAT) some dozens; one client cannot take every place. Trusted proxies are not
/// counted: every client comes through them, and they hold slow clients themselves.
pub const CONNECTIONS_PER_ADDRESS_MAX: usize = 64;
/// Connections beyond the cap being answered 503 at once; beyond these, one is closed unanswered,
/// so a flood of connections cannot hold file handles through its refusals either.
const REFUSING_MAX: usize = 256;
/// How long a stop waits for requests in progress to finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
/// How long to pause when accepting fails (no file handle left), rather than spin.
const ACCEPT_RETRY_PAUSE: Duration = Duration::from_millis(50);

/// The limits a server keeps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeLimits {
    pub header_timeout: Duration,
    pub connections_max: usize,
    pub connections_per_address_max: usize,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            header_timeout: HEADER_TIMEOUT,
            connections_max: CONNECTIONS_MAX,
            connections_per_address_max: CONNECTIONS_PER_ADDRESS_MAX,
        }
    }
}

/// Open connections per client address (trusted proxies aside).
#[derive(Default)]
struct OpenPerAddress(std::sync::Mutex<std::collections::HashMap<IpAddr, usize>>);

impl OpenPerAddress {
    /// Counts a connection from `address`, unless it has `most` open already.
    fn admit(self: &Arc<Self>, address: IpAddr, most: usize) -> Option<AddressPlace> {
        let mut open = self.0.lock().expect("BUG: the count of connections was poisoned");
        let count = open.entry(address).or_insert(0);
        if *count >= most {
            return None;
        }
        *count += 1;
        Some(AddressPlace {
            counts: Arc::clone(self),
            address,
        })
    }
}

/// A connection's place among those of its address, given back when it ends.
struct AddressPlace {
    counts: Arc<OpenPerAddress>,
    address: IpAddr,
}

impl Drop for AddressPlace {
    fn drop(&mut self) {
        let mut open = self
            .counts
            .0
            .lock()
            .expect("BUG: the count of connections was poisoned");
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

/// Serves with the default limits until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(listener, state, ServeLimits::default(), shutdown).await
}

/// Serves until `shutdown` completes, then lets requests in progress finish (10 s at most).
pub async fn serve_with(
    listener: TcpListener,
    state: AppState,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    keep_in_memory(state.store.clone());
    let trusted_proxies = Arc::clone(&state.trusted_proxies);
    let app = router(state);
    let open = Arc::new(Semaphore::new(limits.connections_max));
    let per_address = Arc::new(OpenPerAddress::default());
    let refusing = Arc::new(Semaphore::new(REFUSING_MAX));
    let graceful = GracefulShutdown::new();
    let mut connections = tokio::task::JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        while connections.try_join_next().is_some() {}
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    tracing::warn!(%error, "a connection could not be accepted");
                    tokio::time::sleep(ACCEPT_RETRY_PAUSE).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let address_place = if trusted_proxies.contains(&peer.ip()) {
            None
        } else {
            match per_address.admit(peer.ip(), limits.connections_per_address_max) {
                Some(place) => Some(place),
                None => {
                    refuse(stream, &refusing);
                    continue;
                }
            }
        };
        let Ok(place) = open.clone().try_acquire_owned() else {
            refuse(stream, &refusing);
            continue;
        };
        // The peer's address goes with each request, for the throttle and the audit log.
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            app.clone().oneshot(request.map(axum::body::Body::new))
        });
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
        let watched = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        connections.spawn(async move {
            // A connection that ends badly (reset, timed out) is the client's affair.
            let _ = watched.await;
            drop((place, address_place));
        });
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await.is_err() {
        // Dropped, their transactions roll back and their statements stop (`storage::watch`).
        tracing::warn!("requests still running at the stop were cut short");
        connections.abort_all();
        while connections.join_next().await.is_some() {}
    }
    Ok(())
}

/// The answer to a connection beyond the cap: its request is not read, so its language is not
/// known, and the text is given in every language of the pages.
static FULL: LazyLock<String> = LazyLock::new(|| {
    let body: String = DOCUMENT_LANGUAGES
        .iter()
        .map(|language| Locale::new(*language).label("web-server-full") + "\n")
        .collect();
    format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n\
         Cache-Control: no-store\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
});

/// How long, and how much, a connection beyond the cap is read before its 503: a client answered
/// before it has sent its request takes the answer for a broken connection. A person's browser
/// sends its request at once; a slow client holds a place among the refusals for no longer.
const REFUSAL_READ_TIME: Duration = Duration::from_millis(250);
const REFUSAL_READ_BYTES_MAX: usize = 8 * 1024;

/// Answers a connection beyond a cap with a 503 when fewer than [`REFUSING_MAX`] are being
/// answered so, else closes it at once.
fn refuse(stream: TcpStream, refusing: &Arc<Semaphore>) {
    if let Ok(refusal) = refusing.clone().try_acquire_owned() {
        tokio::spawn(async move {
            refuse_when_full(stream).await;
            drop(refusal);
        });
    }
}

/// Answers a connection beyond the cap with a 503 and closes it, after reading (a little of) its
/// request, never handing it on.
async fn refuse_when_full(mut stream: TcpStream) {
    let mut head = Vec::with_capacity(1024);
    let _ = tokio::time::timeout(REFUSAL_READ_TIME, async {
        let mut buffer = [0_u8; 1024];
        while head.len() < REFUSAL_READ_BYTES_MAX && !head.windows(4).any(|window| window == b"\r\n\r\n") {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(read) => head.extend_from_slice(&buffer[..read]),
            }
        }
    })
    .await;
    let answer = FULL.as_str();
    // The client may already have gone: nothing to do about that.
    let _ = stream.write_all(answer.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// Reads books' owners and cases into the Store's memory beside the first requests (see
/// `Store::keep_in_memory`); if that fails, requests read them as they come. Then says, loudly,
/// if anything predates sealing: the operator seals it with `gestio seal adopt`.
fn keep_in_memory(store: Store) {
    tokio::spawn(async move {
        warn_of_unsealed(&store).await;
        let started = std::time::Instant::now();
        match store.keep_in_memory().await {
            Ok((books, cases)) => tracing::info!(
                books,
                cases,
                milliseconds = started.elapsed().as_millis() as u64,
                "books and cases kept in memory"
            ),
            Err(error) => tracing::warn!(%error, "books and cases could not be read ahead; they are read as asked for"),
        }
    });
}

async fn warn_of_unsealed(store: &Store) {
    match crate::service::sealing::unsealed(store).await {
        Ok(unsealed) if !unsealed.is_empty() => tracing::warn!(
            books = unsealed.books.len(),
            filings = unsealed.filings.len(),
            evidence = unsealed.evidence.len(),
            payment_files = unsealed.payment_files.len(),
            "records written before sealing began have no seal: run `gestio seal adopt` once"
        ),
        Ok(_) => {}
        Err(error) => tracing::warn!(%error, "could not count the records without a seal"),
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
