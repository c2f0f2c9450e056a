//! The handoff's HTTP server: one random path on one private address, the
//! page with the sealed data a few times for a few minutes, 404 for
//! anything else, and a stop after too many of those.

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use tiny_http::{Header, Request, Response, Server};
use zeroize::Zeroizing;

use super::page::{self, State};
use super::seal::{self, Sealed};
use super::{HandoffError, Limits};

/// Bytes of randomness in the one-time path (22 base64url characters).
const PATH_BYTES: usize = 16;
/// How often the loop looks at the clock and the stop flag.
const TICK: Duration = Duration::from_millis(200);

/// A handoff listening on its address, ready to [`serve`](Running::serve).
pub struct Running {
    server: Arc<Server>,
    addr: SocketAddr,
    path: String,
    url: Zeroizing<String>,
    page: String,
    gone: String,
    people: usize,
    limits: Limits,
    started: Instant,
    stop: Arc<AtomicBool>,
    counts: Arc<Mutex<Counts>>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    fetches: u32,
    wrong: u32,
    /// When the data was served for the last time or expired.
    done_at: Option<Instant>,
    finished: bool,
}

/// Where a handoff is, for a countdown and a fetch count.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "HandoffStatus"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Status {
    pub fetches: u32,
    pub max_fetches: u32,
    pub wrong: u32,
    /// Seconds until the data stops being served (0 once used up or expired).
    pub seconds_left: u64,
    /// The server has stopped listening.
    pub finished: bool,
}

/// What happened to one request, as it arrived (a browser never sends the fragment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A request and the status it got.
    Request { line: String, status: u16 },
    /// The data was served for the `count`th time of `of`.
    Fetched { count: u32, of: u32 },
}

/// Why the server stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Stopped,
    Expired,
    UsedUp,
    TooManyWrong,
}

/// Stops a running handoff from another thread (Ctrl-C, the Stop button).
#[derive(Clone)]
pub struct Stopper {
    stop: Arc<AtomicBool>,
    server: Arc<Server>,
}

impl Stopper {
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        self.server.unblock();
    }
}

impl Running {
    pub(super) fn bind(addr: IpAddr, sealed: Sealed, people: usize, limits: Limits) -> Result<Running, HandoffError> {
        let listen = |source| HandoffError::Listen { addr, source };
        let listener = TcpListener::bind((addr, 0)).map_err(listen)?;
        let local = listener.local_addr().map_err(listen)?;
        let server = Server::from_listener(listener, None).map_err(|e| listen(std::io::Error::other(e)))?;
        let path = format!("/h/{}", seal::token(PATH_BYTES)?);
        let url = Zeroizing::new(format!("http://{local}{path}#{}", sealed.key.as_str()));
        Ok(Running {
            server: Arc::new(server),
            addr: local,
            path,
            url,
            page: page::render(State::Ready(&sealed.boxed)),
            gone: page::render(State::Gone),
            people,
            limits,
            started: Instant::now(),
            stop: Arc::new(AtomicBool::new(false)),
            counts: Arc::default(),
        })
    }

    /// The link for the QR code, key in the fragment.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The address and port the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many people the link holds.
    pub fn people(&self) -> usize {
        self.people
    }

    pub fn stopper(&self) -> Stopper {
        Stopper { stop: self.stop.clone(), server: self.server.clone() }
    }

    pub fn status(&self) -> Status {
        let c = *self.counts.lock().expect("counts");
        let left = self.limits.expires.saturating_sub(self.started.elapsed());
        let serving = c.done_at.is_none() && c.fetches < self.limits.fetches;
        Status {
            fetches: c.fetches,
            max_fetches: self.limits.fetches,
            wrong: c.wrong,
            seconds_left: if serving { left.as_secs() + u64::from(left.subsec_nanos() > 0) } else { 0 },
            finished: c.finished,
        }
    }

    /// Answer requests until stopped, or until the data was served its last
    /// time or expired and [`Limits::linger`] passed, or after too many
    /// wrong requests; `on` hears of each request.
    pub fn serve(&self, mut on: impl FnMut(Event)) -> Outcome {
        let outcome = self.serve_loop(&mut on);
        self.counts.lock().expect("counts").finished = true;
        outcome
    }

    fn serve_loop(&self, on: &mut impl FnMut(Event)) -> Outcome {
        loop {
            if self.stop.load(Ordering::SeqCst) {
                return Outcome::Stopped;
            }
            let now = Instant::now();
            let expires_at = self.started + self.limits.expires;
            let done_at = {
                let mut c = self.counts.lock().expect("counts");
                if c.done_at.is_none() && now >= expires_at {
                    c.done_at = Some(expires_at);
                }
                c.done_at
            };
            if let Some(done) = done_at
                && now >= done + self.limits.linger
            {
                let used_up = self.counts.lock().expect("counts").fetches >= self.limits.fetches;
                return if used_up { Outcome::UsedUp } else { Outcome::Expired };
            }
            let request = match self.server.recv_timeout(TICK) {
                Ok(Some(request)) => request,
                Ok(None) => continue,
                Err(_) => return Outcome::Stopped,
            };
            if self.stop.load(Ordering::SeqCst) {
                return Outcome::Stopped;
            }
            if self.answer(request, now, on) {
                return Outcome::TooManyWrong;
            }
        }
    }

    /// Answer one request; true when it was one wrong request too many.
    fn answer(&self, request: Request, now: Instant, on: &mut impl FnMut(Event)) -> bool {
        let line = format!("{} {}", request.method(), request.url());
        let ours = request.method() == &tiny_http::Method::Get
            && same(request.url(), &self.path)
            && request.headers().iter().any(|h| h.field.equiv("Host") && h.value.as_str() == self.addr.to_string());
        let mut c = self.counts.lock().expect("counts");
        let (status, body, fetched) = if !ours {
            c.wrong += 1;
            (404, page::NOT_FOUND, None)
        } else if c.done_at.is_none() && now < self.started + self.limits.expires {
            c.fetches += 1;
            if c.fetches >= self.limits.fetches {
                c.done_at = Some(now);
            }
            (200, self.page.as_str(), Some(c.fetches))
        } else {
            (410, self.gone.as_str(), None)
        };
        let too_many = c.wrong >= self.limits.wrong;
        drop(c);
        let _ = request.respond(response(status, body));
        on(Event::Request { line, status });
        if let Some(count) = fetched {
            on(Event::Fetched { count, of: self.limits.fetches });
        }
        too_many
    }
}

fn response(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut response = Response::from_string(body).with_status_code(status);
    for (field, value) in [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Security-Policy", page::csp()),
        ("Cache-Control", "no-store"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ] {
        response.add_header(Header::from_bytes(field, value).expect("a valid header"));
    }
    response
}

/// The path compared in time that does not depend on where it differs.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0, |acc, (x, y)| acc | (x ^ y)) == 0
}
