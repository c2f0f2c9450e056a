//! Opening a file for an importer: zip archives, encodings, bounded lines.
//!
//! Everything an importer reads comes through here, so the limits that keep
//! memory bounded whatever the input (line length, file size, zip expansion)
//! are enforced in one place.

use crate::i18n::Said;
use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use encoding_rs::{Decoder, EUC_KR, Encoding, UTF_8, UTF_16BE, UTF_16LE};
use memchr::memchr;

use super::json_strings::StringBound;
use super::parts::{self, Location, Part};
use super::{ImportError, Importer};
use crate::import::Reason;

/// Largest contact card read from beside a chat in a zip.
pub const MAX_CARD_BYTES: u64 = 1 << 20;

/// How much of a file the sniffers see.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Bounds on what a file may make Lifeboat read or hold.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest decoded text an importer may read, in bytes.
    pub max_text_bytes: u64,
    /// Largest single line (or quoted record, or JSON string) in bytes.
    pub max_line_bytes: usize,
    /// Most entries a zip may list, or files an export folder may hold.
    pub max_zip_entries: usize,
    /// Largest ratio of uncompressed to compressed size for a zip entry we read.
    pub max_zip_ratio: u64,
    /// Largest whole-file read for formats that need the whole text at once (JSON, vCard, CSV contacts).
    pub max_document_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_text_bytes: 4 << 30,
            max_line_bytes: 1 << 20,
            max_zip_entries: 100_000,
            max_zip_ratio: 200,
            max_document_bytes: 512 << 20,
        }
    }
}

/// An export opened for import: the files its text is in, how the first is
/// encoded, and that file's head.
pub struct Source {
    path: PathBuf,
    file_name: String,
    /// The files to read, in order; one for most exports.
    parts: Vec<Part>,
    /// The export is a folder (its own name is shown, not a file's).
    folder: bool,
    encoding: &'static Encoding,
    head: String,
    limits: Limits,
    /// `--date-order` and similar hints the user gave on the command line.
    pub date_order: Option<DateOrder>,
}

/// How to read an all-numeric date when the file itself cannot tell.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    Dmy,
    Mdy,
    Ymd,
}

/// How a file's day/month order was chosen when no date in it proves the
/// order (no day above 12) and the user named none: reported in the import
/// summary with the option that reads it the other way.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DateReading {
    pub order: DateOrder,
    pub by: ReadingBasis,
    /// The option that reads the dates the other way (`--date-order mdy`).
    pub change_with: &'static str,
}

/// Why a [`DateReading`] was chosen.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReadingBasis {
    /// Only this reading keeps the messages in time order (or fewer of them out of it).
    Chronology,
    /// Both readings keep the messages in order: the rule (day first) chose.
    Rule,
}

impl DateReading {
    pub fn new(order: DateOrder, by: ReadingBasis) -> DateReading {
        let change_with = if order == DateOrder::Mdy { "--date-order dmy" } else { "--date-order mdy" };
        DateReading { order, by, change_with }
    }
}

impl std::fmt::Display for DateOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
            DateOrder::Ymd => "ymd",
        })
    }
}

impl std::str::FromStr for DateOrder {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "dmy" => Ok(DateOrder::Dmy),
            "mdy" => Ok(DateOrder::Mdy),
            "ymd" => Ok(DateOrder::Ymd),
            _ => Err(format!("{s:?} is not a date order: use dmy, mdy or ymd")),
        }
    }
}

/// Open `path` for import, for any format: see [`open_export`].
pub fn open_source(path: &Path, limits: &Limits) -> Result<Source, ImportError> {
    open_export(path, limits, super::IMPORTERS)
}

/// Open `path` for import: a file, a zip or an export folder. In a zip or a
/// folder, the first of `formats` that reads exports of several files
/// chooses the files and their order; else a zip's one chat file is read.
/// The first file's encoding is detected from its first bytes and its head
/// decoded for the sniffers.
pub fn open_export(path: &Path, limits: &Limits, formats: &[&dyn Importer]) -> Result<Source, ImportError> {
    let io_err = |source| ImportError::Io { path: path.to_owned(), source };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = std::fs::metadata(path).map_err(io_err)?.is_dir();
    let parts = if folder {
        parts::folder_parts(path, limits, formats)?
    } else {
        let mut file = File::open(path).map_err(io_err)?;
        let mut magic = [0u8; 4];
        let n = read_full(&mut file, &mut magic).map_err(io_err)?;
        if n == 4 && magic == *b"PK\x03\x04" {
            parts::zip_parts(path, &file_name, limits, formats)?
        } else {
            vec![Part::plain(path, file_name.clone(), file_name.clone())?]
        }
    };
    let mut source = Source {
        path: path.to_owned(),
        file_name,
        parts,
        folder,
        encoding: UTF_8,
        head: String::new(),
        limits: limits.clone(),
        date_order: None,
    };
    let (encoding, head) = sniff_part(&source.parts[0])?;
    source.encoding = encoding;
    source.head = head;
    Ok(source)
}

/// The encoding of a part and its decoded head.
fn sniff_part(part: &Part) -> Result<(&'static Encoding, String), ImportError> {
    let mut raw = Vec::with_capacity(SNIFF_BYTES);
    part.raw_reader()?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut raw)
        .map_err(|source| ImportError::Io { path: part.path.clone(), source })?;
    let encoding = detect_encoding(&raw);
    Ok((encoding, decode_head(encoding, &raw)))
}

impl Source {
    /// The export as shown to users: the file (with its zip entry when one
    /// entry is read), or the folder or zip when several files are.
    pub fn display_name(&self) -> String {
        match self.parts.as_slice() {
            [one] if !self.folder => one.display.clone(),
            _ => self.file_name.clone(),
        }
    }
    /// The SHA-256 that tells an export already imported (see [`parts::sha256`]).
    pub fn sha256(&self) -> Result<String, ImportError> {
        parts::sha256(&self.path, &self.parts, self.folder)
    }
    /// Bytes of text to read, over all files: for progress.
    pub fn size(&self) -> u64 {
        self.parts.iter().map(|p| p.size).sum()
    }
    /// The decoded head the sniffers look at.
    pub fn head(&self) -> &str {
        &self.head
    }
    /// The name a room takes when its format has no header: the zip entry's
    /// file name is useless (`_chat.txt`), so the archive's name is used.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }
    pub fn path(&self) -> &Path {
        &self.path
    }
    pub fn encoding_name(&self) -> &'static str {
        self.encoding.name()
    }

    /// A fresh reader over the whole decoded text, starting at the first file.
    pub fn input(&mut self) -> Result<Input, ImportError> {
        let first = &self.parts[0];
        let raw = first.raw_reader()?;
        let decoder = self.encoding.new_decoder_with_bom_removal();
        let limit = self.limits.max_text_bytes;
        Ok(Input {
            file: first.display.clone(),
            file_name: self.file_name.clone(),
            reader: Decoded::new(raw, decoder),
            limits: self.limits.clone(),
            read_bytes: 0,
            progress: Default::default(),
            limit,
            line: 0,
            date_order: self.date_order,
            archive: match first.location {
                Location::ZipEntry { .. } => Some(self.path.clone()),
                Location::Plain => None,
            },
            date_reading: Default::default(),
            starts: vec![(0, first.display.clone())],
            parts: self.parts.clone(),
            part: 0,
            text: None,
        })
    }
}

/// The decoded text of one file, for one importer to read once.
pub struct Input {
    file: String,
    file_name: String,
    reader: Decoded,
    limits: Limits,
    read_bytes: u64,
    progress: std::sync::Arc<std::sync::atomic::AtomicU64>,
    limit: u64,
    line: u32,
    /// The user's `--date-order`, if any.
    pub date_order: Option<DateOrder>,
    /// The zip this text came from, where attachments beside it are.
    archive: Option<PathBuf>,
    /// How the importer chose the day/month order, when it had to choose.
    date_reading: std::sync::Arc<std::sync::OnceLock<DateReading>>,
    /// The files of the export and the one being read. Line numbers run on
    /// across files; `starts` holds, per file begun, the last line before it
    /// and its name, so an error names the file and its own line.
    parts: Vec<Part>,
    part: usize,
    starts: Vec<(u32, String)>,
    /// The text of an input made in memory, for [`Input::rewind`].
    text: Option<std::sync::Arc<[u8]>>,
}

impl Input {
    /// An input over text in memory (tests, attachments inside an export).
    pub fn from_text(file: &str, text: &str) -> Input {
        let bytes: std::sync::Arc<[u8]> = text.as_bytes().into();
        let raw: Box<dyn Read + Send> = Box::new(io::Cursor::new(bytes.clone()));
        Input {
            file: file.to_owned(),
            file_name: file.to_owned(),
            reader: Decoded::new(raw, UTF_8.new_decoder_with_bom_removal()),
            limits: Limits::default(),
            read_bytes: 0,
            progress: Default::default(),
            limit: Limits::default().max_text_bytes,
            line: 0,
            date_order: None,
            archive: None,
            date_reading: Default::default(),
            parts: Vec::new(),
            part: 0,
            starts: vec![(0, file.to_owned())],
            text: Some(bytes),
        }
    }

    /// Read the current file again from its beginning, for formats whose
    /// header comes after their records (Instagram's `title` follows its
    /// `messages`): a first pass skims, the second reads. Both passes count
    /// against the limits; line numbers start over at the file's first line.
    pub fn rewind(&mut self) -> Result<(), ImportError> {
        let (raw, encoding): (Box<dyn Read + Send>, &'static Encoding) = match (&self.text, self.parts.get(self.part)) {
            (Some(bytes), _) => (Box::new(io::Cursor::new(bytes.clone())), UTF_8),
            (None, Some(part)) => (part.raw_reader()?, sniff_part(part)?.0),
            (None, None) => return Ok(()),
        };
        self.reader = Decoded::new(raw, encoding.new_decoder_with_bom_removal());
        self.line = self.starts.last().map_or(0, |(before, _)| *before);
        Ok(())
    }

    /// Move on to the next file of a multi-file export; false when there is
    /// none. Line numbers continue: see [`Input::place`].
    pub fn next_part(&mut self) -> Result<bool, ImportError> {
        let Some(next) = self.parts.get(self.part + 1) else { return Ok(false) };
        let (encoding, _) = sniff_part(next)?;
        self.reader = Decoded::new(next.raw_reader()?, encoding.new_decoder_with_bom_removal());
        self.part += 1;
        self.file = next.display.clone();
        self.starts.push((self.line, next.display.clone()));
        Ok(true)
    }

    /// The name inside the export of the file being read
    /// (`chats/chat_01/messages2.html`); a single file's own name.
    pub fn part_name(&self) -> &str {
        self.parts.get(self.part).map_or(self.file_name.as_str(), |p| p.name.as_str())
    }

    /// The file and the line in it of a line number [`Input::line_number`]
    /// gave: the same for a single file; for an export of several files,
    /// the file that line is in and its line there.
    pub fn place(&self, line: u32) -> (String, u32) {
        let index = self.starts.partition_point(|(before, _)| *before < line).saturating_sub(1);
        let (before, file) = &self.starts[index];
        (file.clone(), line - before)
    }

    /// The text of a contact card (`.vcf`) shipped beside the chat in the
    /// same zip, by its file name; None when there is no such card. Cards are
    /// small: one larger than [`MAX_CARD_BYTES`] is left out.
    pub fn attachment(&self, name: &str) -> Result<Option<String>, ImportError> {
        let Some(path) = self.archive.as_deref().filter(|_| name.to_ascii_lowercase().ends_with(".vcf")) else {
            return Ok(None);
        };
        let io = |source| ImportError::Io { path: path.to_owned(), source };
        let zip_error =
            |e: zip::result::ZipError| ImportError::Zip { file: self.file_name.clone(), reason: e.to_string().into() };
        let file = File::open(path).map_err(io)?;
        let mut archive = zip::ZipArchive::new(file).map_err(zip_error)?;
        let found = (0..archive.len()).find(|&i| {
            archive
                .by_index_raw(i)
                .is_ok_and(|e| e.name().rsplit('/').next() == Some(name) && e.size() <= MAX_CARD_BYTES)
        });
        let Some(index) = found else { return Ok(None) };
        let entry = archive.by_index(index).map_err(zip_error)?;
        let mut raw = Vec::new();
        entry.take(MAX_CARD_BYTES).read_to_end(&mut raw).map_err(io)?;
        Ok(Some(decode_head(detect_encoding(&raw), &raw)))
    }

    /// The name to put in errors: `room.txt` or `export.zip!_chat.txt`; for
    /// an export of several files, the file being read.
    pub fn file(&self) -> &str {
        &self.file
    }
    /// The outer file's name, for rooms named after their file.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }
    /// An error pointing at `line` (as [`Input::line_number`] counts) of this export.
    pub fn malformed(&self, line: u32, reason: impl Into<Reason>) -> ImportError {
        let (file, line) = self.place(line);
        ImportError::Malformed { file, line, reason: reason.into() }
    }
    /// A counter of decoded bytes read so far, for progress reports from a sink.
    pub fn bytes_counter(&self) -> std::sync::Arc<std::sync::atomic::AtomicU64> {
        self.progress.clone()
    }
    /// Where an importer's date queue records the day/month order it chose
    /// (the importer may hold the input mutably while the queue decides).
    pub fn date_reading_cell(&self) -> std::sync::Arc<std::sync::OnceLock<DateReading>> {
        self.date_reading.clone()
    }
    /// The day/month order chosen for this file without proof, if one was.
    pub fn date_reading(&self) -> Option<DateReading> {
        self.date_reading.get().copied()
    }
    /// The 1-based number of the last line returned by [`Input::next_line`],
    /// counted over all files of the export read so far.
    pub fn line_number(&self) -> u32 {
        self.line
    }

    /// The next line without its `\n` or `\r\n`, or None at the end.
    /// Lines longer than the limit are an error, so memory stays bounded.
    pub fn next_line(&mut self) -> Result<Option<String>, ImportError> {
        Ok(self.read_line()?.map(|(_, line)| line.to_owned()))
    }

    /// Like [`Input::next_line`], with the line's number, borrowed from the
    /// decoded text: the line is neither copied nor checked as UTF-8 again.
    pub fn read_line(&mut self) -> Result<Option<(u32, &str)>, ImportError> {
        let max = self.limits.max_line_bytes;
        self.reader.align();
        // Bytes after `pos` already searched for the end of the line.
        let mut searched = 0;
        let len = loop {
            let rest = &self.reader.text.as_bytes()[self.reader.pos..];
            if let Some(i) = memchr(b'\n', &rest[searched..]) {
                break searched + i + 1;
            }
            searched = rest.len();
            if searched > max + 2 {
                return Err(self.line_too_long());
            }
            self.reader.compact();
            if !self.reader.decode_more().map_err(|e| self.read_error(e))? {
                if searched == 0 {
                    return Ok(None);
                }
                break searched;
            }
        };
        if len > max + 2 {
            return Err(self.line_too_long());
        }
        self.count(len)?;
        self.line += 1;
        let start = self.reader.pos;
        self.reader.pos += len;
        // `align` put `start` on a character and the line ends after a `\n`
        // or at the end of the text, so the slice always exists.
        let line = self.reader.text.get(start..start + len).unwrap_or_default();
        Ok(Some((self.line, line.trim_end_matches(['\n', '\r']))))
    }

    fn line_too_long(&self) -> ImportError {
        let (file, line) = self.place(self.line + 1);
        ImportError::LineTooLong { file, line, limit: self.limits.max_line_bytes }
    }

    /// An iterator over `(line number, line)`.
    pub fn lines(&mut self) -> Lines<'_> {
        Lines { input: self }
    }

    /// The whole remaining text, for formats that need it at once (JSON,
    /// vCard, contact CSV). Bounded by the document limit.
    pub fn read_document(&mut self) -> Result<String, ImportError> {
        self.read_records(&mut |_| Ok(()))
    }

    /// The whole remaining text like [`Input::read_document`], each piece
    /// shown to `bound` as it is read: it returns the line of a record
    /// longer than the line limit, refused then before the rest is read.
    pub fn read_records(&mut self, bound: &mut dyn FnMut(&[u8]) -> Result<(), u32>) -> Result<String, ImportError> {
        let limit = self.limits.max_document_bytes;
        let mut text = Vec::new();
        loop {
            let piece = match self.reader.fill_buf() {
                Ok(piece) => piece,
                Err(e) => return Err(self.read_error(e)),
            };
            if piece.is_empty() {
                break;
            }
            let n = piece.len();
            if let Err(line) = bound(piece) {
                let (file, line) = self.place(line);
                return Err(ImportError::LineTooLong { file, line, limit: self.limits.max_line_bytes });
            }
            text.extend_from_slice(piece);
            self.reader.consume(n);
            if text.len() as u64 > limit {
                return Err(ImportError::TooLarge {
                    file: self.file.clone(),
                    what: Said::new("what_file", Vec::new()),
                    limit,
                });
            }
        }
        self.count(text.len())?;
        // Whole pieces of the decoded text, so UTF-8 unless a byte reader
        // stopped inside a character before.
        Ok(String::from_utf8(text).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }

    /// A reader over the remaining decoded text of a JSON document parsed as
    /// it streams (Telegram, Instagram): counted for progress like lines,
    /// stopped at the document limit like [`Input::read_document`], and at a
    /// string longer than the line limit before the parser gathers it.
    pub fn json_reader(&mut self) -> JsonReader<'_> {
        let strings = StringBound::new(self.limits.max_line_bytes);
        JsonReader { input: self, read: 0, strings, failure: None }
    }

    /// A reader over the remaining decoded text (for the `csv` crate).
    /// Callers bound records themselves with [`Input::max_line_bytes`].
    pub fn reader(&mut self) -> &mut dyn BufRead {
        &mut self.reader
    }
    pub fn max_line_bytes(&self) -> usize {
        self.limits.max_line_bytes
    }

    fn count(&mut self, n: usize) -> Result<(), ImportError> {
        self.read_bytes += n as u64;
        self.progress.store(self.read_bytes, std::sync::atomic::Ordering::Relaxed);
        if self.read_bytes > self.limit {
            return Err(ImportError::TooLarge {
                file: self.file.clone(),
                what: Said::new("what_text", Vec::new()),
                limit: self.limit,
            });
        }
        Ok(())
    }

    fn read_error(&self, e: io::Error) -> ImportError {
        if e.kind() == io::ErrorKind::InvalidData {
            ImportError::Zip { file: self.file.clone(), reason: e.to_string().into() }
        } else {
            ImportError::Io { path: PathBuf::from(&self.file), source: e }
        }
    }
}

/// See [`Input::json_reader`].
pub struct JsonReader<'a> {
    input: &'a mut Input,
    read: u64,
    strings: StringBound,
    failure: Option<ImportError>,
}

impl JsonReader<'_> {
    /// Why reading stopped, when a limit stopped it: the parser only saw an
    /// I/O error.
    pub fn take_failure(&mut self) -> Option<ImportError> {
        self.failure.take()
    }
}

impl Read for JsonReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.input.reader.read(buf)?;
        self.read += n as u64;
        let limit = self.input.limits.max_document_bytes;
        let over = if self.read > limit {
            Err(ImportError::TooLarge {
                file: self.input.file.clone(),
                what: Said::new("what_file", Vec::new()),
                limit,
            })
        } else if let Err(line) = self.strings.scan(&buf[..n]) {
            let (file, line) = self.input.place(line);
            Err(ImportError::FieldTooLong { file, line, limit: self.input.limits.max_line_bytes })
        } else {
            self.input.count(n)
        };
        match over {
            Ok(()) => Ok(n),
            Err(e) => {
                let message = e.to_string();
                self.failure = Some(e);
                Err(io::Error::other(message))
            }
        }
    }
}

/// See [`Input::lines`].
pub struct Lines<'a> {
    input: &'a mut Input,
}

impl Iterator for Lines<'_> {
    type Item = Result<(u32, String), ImportError>;
    fn next(&mut self) -> Option<Self::Item> {
        match self.input.next_line() {
            Ok(Some(line)) => Some(Ok((self.input.line, line))),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

fn read_full(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// BOM first; then UTF-16 without BOM by its zero bytes; then UTF-8 if the
/// head is valid; else CP949 (what Korean Excel writes).
fn detect_encoding(head: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(head) {
        return enc;
    }
    let sample = &head[..head.len().min(4096)];
    if sample.len() >= 4 {
        let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd_zero = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let half = sample.len() / 2;
        if odd_zero * 10 > half * 3 && even_zero * 10 < half {
            return UTF_16LE;
        }
        if even_zero * 10 > half * 3 && odd_zero * 10 < half {
            return UTF_16BE;
        }
    }
    match std::str::from_utf8(head) {
        Ok(_) => UTF_8,
        // A character cut by the end of the head is still UTF-8.
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => EUC_KR,
    }
}

fn decode_head(encoding: &'static Encoding, raw: &[u8]) -> String {
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut out = String::with_capacity(raw.len() * 3 / 2 + 16);
    let _ = decoder.decode_to_string(raw, &mut out, false);
    out
}

/// Bytes in any supported encoding, decoded straight into a `String`: lines
/// are cut out of it as `&str`, and byte readers (`csv`) read it as UTF-8.
struct Decoded {
    inner: Box<dyn Read + Send>,
    decoder: Decoder,
    /// Bytes read from `inner`; `raw[start..end]` are not decoded yet.
    raw: Vec<u8>,
    start: usize,
    end: usize,
    /// The decoder has been told the input ended.
    finished: bool,
    /// Decoded text; `text[pos..]` is not consumed yet.
    text: String,
    pos: usize,
}

impl Decoded {
    fn new(inner: Box<dyn Read + Send>, decoder: Decoder) -> Self {
        Decoded {
            inner,
            decoder,
            raw: vec![0; 64 * 1024],
            start: 0,
            end: 0,
            finished: false,
            text: String::new(),
            pos: 0,
        }
    }

    /// Decode more input onto the end of `text`; false when there is none.
    fn decode_more(&mut self) -> io::Result<bool> {
        let before = self.text.len();
        while self.text.len() == before {
            if self.finished {
                return Ok(false);
            }
            if self.start == self.end {
                self.start = 0;
                self.end = loop {
                    match self.inner.read(&mut self.raw) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    }
                };
            }
            // Nothing left to read: flush what the decoder holds.
            let last = self.start == self.end;
            let src = &self.raw[self.start..self.end];
            let room = self.decoder.max_utf8_buffer_length(src.len()).unwrap_or(src.len() * 3 + 16);
            self.text.reserve(room);
            let (_, read, _) = self.decoder.decode_to_string(src, &mut self.text, last);
            self.start += read;
            self.finished = last;
        }
        Ok(true)
    }

    /// Drop the consumed text, keeping the start of a line being read.
    fn compact(&mut self) {
        self.align();
        self.text.drain(..self.pos);
        self.pos = 0;
    }

    /// A byte reader may have stopped inside a character; the text after it
    /// is then rebuilt with that character replaced, so lines stay `&str`.
    fn align(&mut self) {
        if !self.text.is_char_boundary(self.pos) {
            self.text = String::from_utf8_lossy(&self.text.as_bytes()[self.pos..]).into_owned();
            self.pos = 0;
        }
    }
}

impl Read for Decoded {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = buf.len().min(available.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Decoded {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.text.len() {
            self.text.clear();
            self.pos = 0;
            self.decode_more()?;
        }
        Ok(&self.text.as_bytes()[self.pos..])
    }

    fn consume(&mut self, amount: usize) {
        self.pos = (self.pos + amount).min(self.text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFabc"), UTF_8);
        assert_eq!(detect_encoding(b"\xFF\xFEa\0b\0"), UTF_16LE);
        assert_eq!(detect_encoding("이름,전화".as_bytes()), UTF_8);
        let (cp949, _, _) = EUC_KR.encode("이름,전화번호\n홍길동,010-1234-5678\n");
        assert_eq!(detect_encoding(&cp949), EUC_KR);
        let utf16: Vec<u8> = "Name,Phone\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(detect_encoding(&utf16), UTF_16LE);
    }

    #[test]
    fn lines_strip_crlf_and_bound_length() {
        let mut input = Input::from_text("t.txt", "\u{feff}a\r\nb\nc");
        let lines: Vec<_> = input.lines().map(|r| r.unwrap()).collect();
        assert_eq!(lines, vec![(1, "a".into()), (2, "b".into()), (3, "c".into())]);
        let long = "x".repeat((1 << 20) + 10);
        let mut input = Input::from_text("t.txt", &format!("ok\n{long}\n"));
        assert!(input.next_line().unwrap().is_some());
        match input.next_line() {
            Err(ImportError::LineTooLong { line: 2, .. }) => {}
            other => panic!("expected LineTooLong, got {other:?}"),
        }
    }

    /// Lines that straddle the decoder's chunks, in UTF-8 and in CP949.
    #[test]
    fn lines_across_chunks_and_encodings() {
        let lines: Vec<String> =
            (0..20_000).map(|i| format!("[김하늘] [오후 2:{:02}] 줄 {i} {}", i % 60, "한".repeat(i % 7))).collect();
        let text = lines.join("\r\n");
        let mut input = Input::from_text("t.txt", &text);
        let mut got = Vec::new();
        while let Some((no, line)) = input.read_line().unwrap() {
            got.push((no, line.to_owned()));
        }
        let want: Vec<_> = lines.iter().enumerate().map(|(i, l)| (i as u32 + 1, l.clone())).collect();
        assert_eq!(got, want);

        let (cp949, _, _) = EUC_KR.encode(&text);
        let raw: Box<dyn Read + Send> = Box::new(io::Cursor::new(cp949.into_owned()));
        let mut input = Input::from_text("t.txt", "");
        input.reader = Decoded::new(raw, EUC_KR.new_decoder_with_bom_removal());
        let got: Vec<_> = input.lines().map(|r| r.unwrap()).collect();
        assert_eq!(got, want);
    }

    /// A byte reader that stops inside a character leaves lines readable.
    #[test]
    fn lines_after_a_partial_byte_read() {
        let mut input = Input::from_text("t.txt", "한글\n둘째 줄\n");
        assert_eq!(input.reader().fill_buf().unwrap().first(), Some(&0xED));
        input.reader().consume(1);
        assert_eq!(input.next_line().unwrap().as_deref(), Some("\u{FFFD}\u{FFFD}글"));
        assert_eq!(input.next_line().unwrap().as_deref(), Some("둘째 줄"));
        assert_eq!(input.next_line().unwrap(), None);
        let mut input = Input::from_text("t.txt", "a,b\n한,글\n");
        assert_eq!(input.read_document().unwrap(), "a,b\n한,글\n");
    }
}
