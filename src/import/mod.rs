//! Reading files into records: one importer per format, one sniffer to choose.
//!
//! Data flows one way: file → [`open_source`] (zip, encoding) → [`sniff`] →
//! an [`Importer`] → a [`Sink`]. Importers never touch the store: the driver
//! ([`run`]) reads them on a second thread and pushes records into a
//! [`crate::load::Loader`], which the vault implements; tests use [`Collected`].

mod bounded;
mod chat_common;
mod driver;
mod error;
mod fingerprint;
mod input;
mod instagram;
pub(crate) mod json_strings;
mod json_walk;
mod kakao;
mod line;
mod parts;
mod pipeline;
mod region;
mod registry;
mod telegram;
mod whatsapp;

mod contact;
mod contacts_csv;
mod vcard;

pub(crate) use vcard::parse_loose as parse_vcard_loose;
pub use vcard::quiet_caught_dependency_panic;

pub use bounded::{MAX_ROOM_MEMBERS, read_bounded};
pub use driver::{Progress, ReadOptions, run};
pub use error::{EmptyHint, ImportError, Reason};
pub use input::{DateOrder, DateReading, Input, Limits, Lines, ReadingBasis, Source, open_export, open_source};
pub use parts::Part;
pub use region::{Language, RegionBasis, RegionReading, read_region};
pub use registry::{IMPORTERS, by_id, sniff};

use crate::i18n::Said;
use crate::model::{ChatEvent, ChatMessage, ContactRecord, RoomInfo};

/// File names exports typically carry, one per format family. Fuzzers and
/// property tests pass arbitrary bytes under each of these, so every sniffer
/// and importer gets its turn.
pub const EXAMPLE_FILE_NAMES: [&str; 9] = [
    "KakaoTalk_Chat_room.txt",
    "KakaoTalk_Chat_room.csv",
    "_chat.txt",
    "[LINE] room.txt",
    "result.json",
    "contacts.vcf",
    "contacts.csv",
    "messages.html",
    "message_1.json",
];

/// What a sniffer sees of a file: its name and the first decoded bytes.
pub struct Probe<'a> {
    /// The file name without folders (`KakaoTalk_Chat_캡스톤_2022-10-16.csv`, `_chat.txt`).
    pub file_name: &'a str,
    /// The first [`input::SNIFF_BYTES`] of the file decoded to text, BOM removed.
    pub head: &'a str,
}

/// One file format. Adding a messenger means one more implementation of this
/// trait in its own file, listed in [`IMPORTERS`].
pub trait Importer: Sync {
    /// Stable id used by `--format` and recorded with each source (`kakao-pc`, `vcard`).
    fn id(&self) -> &'static str;
    /// True when the head of the file has this format's shape. Sniffers look at
    /// content, never at the extension alone.
    fn sniff(&self, probe: &Probe) -> bool;
    /// For an export of several files (a folder, or a zip of one): which of
    /// its entries this format reads, as indexes into `entries` (names
    /// relative to the export, `/` between folders), in reading order; the
    /// importer then moves from one to the next with [`Input::next_part`].
    /// Empty, as for most formats, when this is not such an export.
    fn parts(&self, _entries: &[&str]) -> Vec<usize> {
        Vec::new()
    }
    /// Read the whole input, handing every record to `sink` as it is parsed.
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError>;
    /// The language of the locale the file was written in, when the format
    /// shows it in ways its text may not (a Thai phone's Buddhist-era years
    /// in an English UI): it names the region of the file's numbers.
    fn language(&self, _probe: &Probe) -> Option<Language> {
        None
    }
}

/// Where records go. The vault implements it to store them inside one
/// transaction; [`Collected`] keeps them in memory.
pub trait Sink {
    fn contact(&mut self, contact: ContactRecord) -> Result<(), ImportError>;
    /// Called once per room, before its messages and events.
    fn room(&mut self, room: RoomInfo) -> Result<(), ImportError>;
    fn message(&mut self, message: ChatMessage) -> Result<(), ImportError>;
    fn event(&mut self, event: ChatEvent) -> Result<(), ImportError>;
    /// A line of a recognised file that matched no known shape.
    fn unparsed(&mut self, line: u32, text: &str);
    /// A value on `line` that could not be decoded (broken quoted-printable,
    /// an unknown charset) and is kept as written; `why` says what and why.
    fn kept_as_written(&mut self, line: u32, why: Said);
}

/// A sink that keeps everything in memory: for tests, previews and tools.
#[derive(Debug, Default)]
pub struct Collected {
    pub contacts: Vec<ContactRecord>,
    pub rooms: Vec<RoomInfo>,
    pub messages: Vec<ChatMessage>,
    pub events: Vec<ChatEvent>,
    pub unparsed: Vec<(u32, String)>,
    pub kept_as_written: Vec<(u32, Said)>,
}

impl Sink for Collected {
    fn contact(&mut self, contact: ContactRecord) -> Result<(), ImportError> {
        self.contacts.push(contact);
        Ok(())
    }
    fn room(&mut self, room: RoomInfo) -> Result<(), ImportError> {
        self.rooms.push(room);
        Ok(())
    }
    fn message(&mut self, message: ChatMessage) -> Result<(), ImportError> {
        self.messages.push(message);
        Ok(())
    }
    fn event(&mut self, event: ChatEvent) -> Result<(), ImportError> {
        self.events.push(event);
        Ok(())
    }
    fn unparsed(&mut self, line: u32, text: &str) {
        self.unparsed.push((line, text.to_owned()));
    }
    fn kept_as_written(&mut self, line: u32, why: Said) {
        self.kept_as_written.push((line, why));
    }
}

/// Parse a file into memory with the sniffed (or named) importer. For tests
/// and the redact tool; the vault streams through its own sink instead.
pub fn collect(path: &std::path::Path, format: Option<&str>) -> Result<(&'static str, Collected), ImportError> {
    let mut sink = Collected::default();
    let mut source = open_source(path, &Limits::default())?;
    let importer = match format {
        Some(id) => by_id(id).ok_or_else(|| ImportError::UnknownFormatName { name: id.to_owned() })?,
        None => sniff(&source)?,
    };
    let mut input = source.input()?;
    read_bounded(importer, &mut input, &mut sink)?;
    Ok((importer.id(), sink))
}
