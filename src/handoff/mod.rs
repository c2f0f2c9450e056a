//! Send to phone: the people of a group, one person or everyone, handed from
//! this computer to a phone on the same Wi-Fi (or the phone's own hotspot)
//! with no internet, no account and no app on the phone.
//!
//! The desktop shows one QR code holding
//! `http://<private address>:<random port>/h/<random path>#<key>`. The
//! server sends one page with the ciphertext in it; the page decrypts in the
//! phone's browser with the key from the fragment, which a browser never
//! sends over the network. Browsers withhold WebCrypto from plain `http://`
//! LAN pages, so the page carries tweetnacl-js (`vendor/`, with its licence
//! and where it came from) and the payload is sealed with the same
//! XSalsa20-Poly1305 secretbox here.
//!
//! Bounded on purpose ([`Limits`]): the server listens only on a
//! private-network address (RFC 1918, link-local, loopback, IPv6 unique
//! local), serves the data a few times and for five minutes at most,
//! answers every other path with 404 and stops after too many of them.
//! What this leaves out: TLS (there is no name to certify on a LAN; the
//! secretbox is what keeps the data private) and the phone's copy, which
//! lives as long as the page stays open.

mod net;
mod page;
mod payload;
mod seal;
mod server;
#[cfg(test)]
mod tests;

use std::net::IpAddr;
use std::time::Duration;

use crate::args;
use crate::export::{self, ExportError};
use crate::i18n::{self, Args, Localized};
use crate::vault::Vault;

pub use net::{is_private, local_address};
pub use payload::{Email, Payload, Person, Phone};
pub use server::{Event, Outcome, Running, Status, Stopper};

#[derive(Debug, thiserror::Error)]
#[error("{}", i18n::english(self))]
#[non_exhaustive]
pub enum HandoffError {
    NotPrivate {
        addr: IpAddr,
    },

    NoPrivateAddress,

    Listen {
        addr: IpAddr,
        #[source]
        source: std::io::Error,
    },

    Random(getrandom::Error),

    #[error(transparent)]
    Select(#[from] ExportError),
}

impl Localized for HandoffError {
    fn code(&self) -> &'static str {
        match self {
            HandoffError::NotPrivate { .. } => "not_private",
            HandoffError::NoPrivateAddress => "no_private_address",
            HandoffError::Listen { .. } => "listen",
            HandoffError::Random(_) => "random",
            HandoffError::Select(e) => e.code(),
        }
    }

    fn args(&self) -> Args {
        match self {
            HandoffError::NotPrivate { addr } => args![addr => addr.to_string()],
            HandoffError::NoPrivateAddress => Vec::new(),
            HandoffError::Listen { addr, source } => args![addr => addr.to_string(), source => source.to_string()],
            HandoffError::Random(e) => args![reason => e.to_string()],
            HandoffError::Select(e) => e.args(),
        }
    }
}

impl From<crate::vault::VaultError> for HandoffError {
    fn from(e: crate::vault::VaultError) -> Self {
        HandoffError::Select(e.into())
    }
}

/// Whom to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The members of a group (name or id).
    Group(String),
    /// One person (id, or a name or number that matches one person).
    Person(String),
    /// Everyone in the vault.
    All,
}

/// How long and how often the link works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How many times the data is served.
    pub fetches: u32,
    /// How long after the start the data is served.
    pub expires: Duration,
    /// How many requests for any other path before the server stops.
    pub wrong: u32,
    /// How long the server goes on answering "used or expired" after the data
    /// was served for the last time, so a late phone is told what to do.
    pub linger: Duration,
}

impl Limits {
    /// The longest a link may live.
    pub const MAX_EXPIRES: Duration = Duration::from_secs(5 * 60);
}

impl Default for Limits {
    fn default() -> Self {
        Limits { fetches: 3, expires: Limits::MAX_EXPIRES, wrong: 20, linger: Duration::from_secs(60) }
    }
}

/// Seal the people of `scope` and start serving them on `listen` (this
/// computer's private address when None): the running handoff, whose
/// [`Running::url`] goes into the QR code. Nothing is served until
/// [`Running::serve`] runs.
pub fn start(vault: &Vault, scope: &Scope, listen: Option<IpAddr>, limits: Limits) -> Result<Running, HandoffError> {
    let addr = listen_address(listen)?;
    let payload = Payload::build(vault, scope)?;
    let json = serde_json::to_vec(&payload).expect("the payload serializes");
    let sealed = seal::seal(&json)?;
    Running::bind(addr, sealed, payload.people.len(), limits)
}

/// The address to listen on: `listen` when it is a private one, else this
/// computer's address on the Wi-Fi or hotspot. The CLI asks before the
/// passphrase prompt, so a wrong address is told first.
pub fn listen_address(listen: Option<IpAddr>) -> Result<IpAddr, HandoffError> {
    match listen {
        Some(addr) if is_private(addr) => Ok(addr),
        Some(addr) => Err(HandoffError::NotPrivate { addr }),
        None => local_address(),
    }
}

/// The people a scope names, as exports see them (conflicting claims left out).
fn people(vault: &Vault, scope: &Scope) -> Result<Vec<crate::vault::PersonView>, ExportError> {
    match scope {
        Scope::Group(g) => export::select(vault, Some(g), None),
        Scope::Person(p) => export::select(vault, None, Some(p)),
        Scope::All => export::select(vault, None, None),
    }
}
