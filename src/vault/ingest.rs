//! Import: files → importer → this sink → the vault, in one transaction.
//!
//! The sink resolves every record against what the vault already holds:
//! contacts merge on the same E.164 number or e-mail (never on a name),
//! chat members are found by their display name in the room, messages are
//! counted once by their fingerprint, and numbers and e-mails written in
//! messages become candidates owned by the sender or the member named.
//! A room already in the vault under another export is recognised by its
//! messages (`recognise`), so two members' exports of one room make one group.

mod cards;
mod contacts;
mod fingerprint;
mod pipeline;
mod recognise;
mod room;

pub(super) use contacts::phone_digits;
use room::Room;

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Vault, VaultError, people::refresh_haystack};
use crate::import::{self, DateOrder, ImportError, Input, Limits};
use crate::phone::Region;
use pipeline::{Record, RecordSink};

/// How to run an import.
#[derive(Default)]
pub struct ImportOptions<'a> {
    /// An importer id that overrides the sniffer (`--format`).
    pub format: Option<String>,
    pub date_order: Option<DateOrder>,
    /// Region for numbers without a country code; the vault's setting when None.
    pub region: Option<Region>,
    /// Run everything, report, and keep nothing.
    pub dry_run: bool,
    /// Set from another thread (Ctrl-C, a Cancel button) to stop and keep nothing.
    pub cancel: Option<&'a AtomicBool>,
    pub progress: Option<&'a (dyn Fn(&Progress) + Sync)>,
}

/// Progress of a running import, reported every few thousand records.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub file: String,
    pub bytes_read: u64,
    pub bytes_total: u64,
    pub messages: u64,
    pub contacts: u64,
}

/// What one file brought.
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
}

/// What an import run brought, in total.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// The batch to undo; None for a dry run or an import that added nothing.
    pub batch_id: Option<i64>,
    pub dry_run: bool,
    pub files: Vec<FileReport>,
    pub new_people: u64,
    /// Records that matched someone already in the vault (same number or e-mail).
    pub merged: u64,
    pub new_phones: u64,
    pub new_emails: u64,
    pub new_groups: u64,
    pub new_members: u64,
    pub new_messages: u64,
}

/// More unreadable lines than this fraction refuses a file.
const MAX_UNPARSED_FRACTION: f64 = 0.02;
const MAX_UNPARSED_ALWAYS_OK: u64 = 20;

impl Vault {
    /// Import files as one batch in one transaction: all of them or nothing.
    pub fn import(&mut self, paths: &[PathBuf], opts: &ImportOptions) -> Result<ImportReport, VaultError> {
        let region = match opts.region {
            Some(r) => r,
            None => self.region()?,
        };
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let batch_id = new_batch(&tx, "import").map_err(sql)?;
        let mut report = ImportReport { dry_run: opts.dry_run, ..Default::default() };
        for path in paths {
            let file = import_file(&tx, batch_id, path, region, opts, &mut report)?;
            report.files.push(file);
        }
        let nothing_new = report.new_people
            + report.new_phones
            + report.new_emails
            + report.new_groups
            + report.new_members
            + report.new_messages
            + report.merged
            == 0;
        // A batch that added nothing is not kept: history lists only imports that changed something.
        if opts.dry_run || nothing_new {
            tx.rollback().map_err(sql)?;
        } else {
            tx.commit().map_err(sql)?;
            report.batch_id = Some(batch_id);
        }
        Ok(report)
    }
}

pub(super) fn new_batch(tx: &Transaction, kind: &str) -> rusqlite::Result<i64> {
    tx.execute("INSERT INTO batch(at, kind) VALUES (?1, ?2)", params![now(), kind])?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn now() -> String {
    stamp(chrono::Local::now().naive_local())
}

/// How the vault writes times: `2022-10-15 14:02:00`, sortable as text.
/// (Written by hand: strftime parses its pattern for each of a million messages.)
pub(super) fn stamp(t: NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second())
}

fn sha256_file(path: &Path) -> Result<String, ImportError> {
    let io = |source| ImportError::Io { path: path.to_owned(), source };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = file.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

fn import_file(
    tx: &Transaction,
    batch_id: i64,
    path: &Path,
    region: Region,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Result<FileReport, VaultError> {
    let dir = path.parent().unwrap_or(path).to_owned();
    let sql = |e| VaultError::sql(&dir, e);
    let sha256 = sha256_file(path)?;
    let mut file = FileReport { file: path.display().to_string(), sha256: sha256.clone(), ..Default::default() };
    let seen: Option<String> = tx
        .query_row(
            "SELECT s.format FROM source s JOIN batch b ON b.id = s.batch_id WHERE s.sha256 = ?1 AND b.undone_at IS NULL LIMIT 1",
            [&sha256],
            |r| r.get(0),
        )
        .optional()
        .map_err(sql)?;
    if let Some(format) = seen {
        file.already_imported = true;
        file.format = format;
        return Ok(file);
    }
    let mut source = import::open_source(path, &Limits::default())?;
    source.date_order = opts.date_order;
    let importer = match &opts.format {
        Some(id) => import::by_id(id).ok_or_else(|| ImportError::UnknownFormatName { name: id.clone() })?,
        None => import::sniff(&source)?,
    };
    file.format = importer.id().to_owned();
    file.encoding = source.encoding_name().to_owned();
    tx.execute(
        "INSERT INTO source(batch_id, file_name, format, encoding, sha256, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![batch_id, source.display_name(), importer.id(), source.encoding_name(), sha256, now()],
    )
    .map_err(sql)?;
    let source_id = tx.last_insert_rowid();
    let bytes_total = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let mut input = source.input()?;
    let mut sink = VaultSink {
        tx,
        batch_id,
        source_id,
        region,
        opts,
        bytes_total,
        file: &mut file,
        report,
        room: None,
        touched: HashSet::new(),
        store_error: None,
        records: 0,
        bytes_read: input.bytes_counter(),
        cards: Vec::new(),
        shared: None,
        span: None,
    };
    let read = pipeline::read_in_parallel(importer, &mut input, region, &mut sink);
    let outcome = read.and_then(|()| sink.store_cards(&source)).and_then(|()| sink.finish());
    match outcome {
        Ok(()) => {}
        Err(ImportError::Store(_)) if sink.store_error.is_some() => {
            return Err(sink.store_error.take().expect("checked"));
        }
        Err(e) => return Err(e.into()),
    }
    drop(sink);
    file.lines = u64::from(input.line_number());
    check_coverage(&input, &file)?;
    tx.execute(
        "UPDATE source SET lines = ?2, contacts = ?3, messages = ?4, members = ?5, first_at = ?6, last_at = ?7 WHERE id = ?1",
        params![source_id, file.lines as i64, file.contacts as i64, file.messages as i64, file.members as i64, file.first_message, file.last_message],
    )
    .map_err(sql)?;
    Ok(file)
}

/// A recognised file must not silently lose lines, nor yield nothing.
fn check_coverage(input: &Input, file: &FileReport) -> Result<(), ImportError> {
    if file.messages == 0 && file.contacts == 0 {
        let (line, text) = file.first_unparsed.clone().unwrap_or((1, String::new()));
        return Err(ImportError::Empty {
            file: input.file().to_owned(),
            line,
            reason: format!(
                "read as {} but found no messages or contacts (first unreadable line: {text:?})",
                file.format
            ),
            hint: "check that this is the exported chat or contact file, or name its format with --format.".into(),
        });
    }
    let allowed = MAX_UNPARSED_ALWAYS_OK.max((file.lines as f64 * MAX_UNPARSED_FRACTION) as u64);
    if file.unparsed > allowed {
        let (line, text) = file.first_unparsed.clone().unwrap_or_default();
        return Err(input.malformed(
            line,
            format!("{} of {} lines match no known {} shape (first: {text:?})", file.unparsed, file.lines, file.format),
        ));
    }
    Ok(())
}

struct VaultSink<'t, 'o> {
    tx: &'t Transaction<'t>,
    batch_id: i64,
    source_id: i64,
    region: Region,
    opts: &'o ImportOptions<'o>,
    bytes_total: u64,
    file: &'o mut FileReport,
    report: &'o mut ImportReport,
    room: Option<Room>,
    touched: HashSet<i64>,
    /// The vault error behind an `ImportError::Store`, kept whole for the caller.
    store_error: Option<VaultError>,
    records: u64,
    bytes_read: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// Contact cards attached to messages, read from the zip once the chat is read.
    cards: Vec<cards::Card>,
    /// Set while storing an attached card: where its numbers were shared.
    shared: Option<cards::Shared>,
    /// The first and last message time of the file.
    span: Option<(NaiveDateTime, NaiveDateTime)>,
}

impl<'t, 'o> VaultSink<'t, 'o> {
    fn store(&mut self, e: rusqlite::Error) -> ImportError {
        let err = VaultError::sql(Path::new(&self.file.file), e);
        let msg = err.to_string();
        self.store_error = Some(err);
        ImportError::Store(msg)
    }

    /// Called every record: cancellation and progress.
    fn tick(&mut self) -> Result<(), ImportError> {
        self.records += 1;
        if !self.records.is_multiple_of(4096) {
            return Ok(());
        }
        if self.opts.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            return Err(ImportError::Cancelled);
        }
        if let Some(progress) = self.opts.progress {
            progress(&Progress {
                file: self.file.file.clone(),
                bytes_read: self.bytes_read.load(Ordering::Relaxed),
                bytes_total: self.bytes_total,
                messages: self.file.messages,
                contacts: self.file.contacts,
            });
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ImportError> {
        self.close_room().map_err(|e| self.store(e))?;
        if let Some((first, last)) = self.span {
            self.file.first_message = Some(stamp(first));
            self.file.last_message = Some(stamp(last));
        }
        let touched: Vec<i64> = self.touched.drain().collect();
        for id in touched {
            refresh_haystack(self.tx, id).map_err(|e| self.store(e))?;
        }
        Ok(())
    }
}

impl RecordSink for VaultSink<'_, '_> {
    fn take(&mut self, record: &mut Record) -> Result<(), ImportError> {
        let stored = match record {
            Record::Contact(contact) => {
                self.tick()?;
                self.store_contact(std::mem::take(contact))
            }
            Record::Room(room) => self.open_room(room),
            Record::Message(message, prepared) => {
                self.tick()?;
                self.store_message(message, prepared)
            }
            Record::Event(event) => self.store_event(event),
            Record::Unparsed(line, text) => {
                self.file.unparsed += 1;
                self.file.first_unparsed.get_or_insert_with(|| (*line, std::mem::take(text)));
                Ok(())
            }
        };
        stored.map_err(|e| self.store(e))
    }
}
