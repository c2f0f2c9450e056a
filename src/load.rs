//! Between the import driver and the store: the records the driver pushes,
//! and the [`Loader`] it pushes them into.
//!
//! The driver (`import::run`) owns everything about files: opening, hashing,
//! zip entries, encodings, sniffing, the parser thread, coverage. The vault
//! implements `Loader` and knows no file format, as atuin's `Loader` does.
//! Neither `import/` nor `vault/` imports the other: both meet here.

use crate::extract;
use serde::Serialize;

use crate::import::ImportError;
use crate::model::{ChatEvent, ChatMessage, ContactRecord, RoomInfo};

/// How many values kept as written a file report lists by line.
pub const KEPT_AS_WRITTEN_LISTED: usize = 20;

/// One parsed record, ready for the store.
pub enum Record {
    /// Boxed: a contact is several times the size of the records that outnumber it.
    Contact(Box<PreparedContact>),
    Room(RoomInfo),
    /// A message with its text and sender in NFC.
    Message(ChatMessage, Prepared),
    Event(ChatEvent),
    Unparsed(u32, String),
    /// A value that could not be decoded and is kept as written, and why.
    KeptAsWritten(u32, crate::i18n::Said),
}

/// What the parser thread works out about a message for the store.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The numbers and e-mails its text holds.
    pub found: Vec<extract::Found>,
    /// The message's fingerprint in its room (the same message in two exports).
    pub fp: i64,
}

/// A contact, with what the parser thread works out about it for the store.
#[derive(Debug)]
pub struct PreparedContact {
    pub contact: ContactRecord,
    /// The E.164 form of each of its numbers, read in the file's region.
    pub e164s: Vec<Option<String>>,
    /// Each of its e-mail addresses as the vault keeps it: NFC, lower case.
    pub addresses: Vec<String>,
}

/// A file the driver is about to read into the loader.
pub struct FileStart<'a> {
    /// As users see it: `room.txt`, `export.zip!_chat.txt`.
    pub display_name: &'a str,
    /// The outer file's name, for rooms named after their file.
    pub file_name: &'a str,
    pub format: &'static str,
    pub encoding: &'static str,
    pub sha256: &'a str,
    /// The region for the file's numbers without a country code.
    pub region: crate::phone::Region,
}

/// Where the driver puts what it read. Records are lent, not given: their
/// memory goes back to the parser thread that made them, which frees it
/// cheaply (freeing another thread's allocations cost the store a tenth of
/// its time).
pub trait Loader {
    /// The store's own error; the driver's errors convert into it, so the
    /// caller gets one error with the store's failure inside it whole.
    type Error: From<ImportError>;

    /// The format a file with this SHA-256 was already imported as, if it
    /// was: the driver then reads nothing of it.
    fn already_imported(&mut self, sha256: &str) -> Result<Option<String>, Self::Error>;
    /// Called once per file, before its first record.
    fn begin_file(&mut self, file: &FileStart) -> Result<(), Self::Error>;
    fn take(&mut self, record: &mut Record) -> Result<(), Self::Error>;
    /// The file was read whole: add what the store counted (contacts,
    /// messages, members, new messages, first and last time) to `report`.
    fn end_file(&mut self, report: &mut FileReport) -> Result<(), Self::Error>;
}

/// What one file brought.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize)]
pub struct FileReport {
    pub file: String,
    pub format: String,
    pub encoding: String,
    pub sha256: String,
    /// True when this exact file was imported before: nothing was read.
    pub already_imported: bool,
    pub lines: u64,
    pub contacts: u64,
    pub messages: u64,
    pub new_messages: u64,
    pub members: u64,
    pub first_message: Option<String>,
    pub last_message: Option<String>,
    /// Lines that matched no known shape, and the first of them.
    pub unparsed: u64,
    pub first_unparsed: Option<(u32, String)>,
    /// Values that could not be decoded and were kept as written: their
    /// count, and the first [`KEPT_AS_WRITTEN_LISTED`] with line and reason.
    pub kept_as_written: u64,
    pub kept_as_written_lines: Vec<(u32, crate::i18n::Said)>,
    /// The day/month order chosen for all-numeric dates no day above 12
    /// settled, and why; None when the file settled it (or the user did).
    pub date_order: Option<crate::import::DateReading>,
    /// The region the file's numbers without a country code were read in, and why.
    pub region: Option<crate::import::RegionReading>,
}
