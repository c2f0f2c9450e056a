//! Lifeboat's core: the encrypted vault, the importers, extraction of phone
//! numbers and e-mails from chats, exports and backups.
//!
//! The core knows no shell: the `lifeboat` CLI and the desktop app unpack
//! their arguments, call one function here, and map the error.

#![forbid(unsafe_code)]

pub mod backup;
pub mod email;
pub mod export;
pub mod extract;
pub mod handoff;
mod harden;
pub mod i18n;
pub mod import;
pub mod ingest;
pub mod links;
pub mod load;
pub mod model;
pub mod phone;
pub mod qr;
pub mod redact;
#[cfg(test)]
mod test_support;
pub mod text;
pub mod vault;

pub use harden::harden_process;
