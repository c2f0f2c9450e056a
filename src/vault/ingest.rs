//! Import: the vault's side. The import driver (`import::run`) reads files
//! and pushes records into an [`ImportBatch`], which stores them in one
//! transaction and knows no file format.
//!
//! The batch resolves every record against what the vault already holds:
//! contacts merge on the same E.164 number or e-mail (never on a name),
//! chat members are found by their display name in the room, messages are
//! counted once by their fingerprint, and numbers and e-mails written in
//! messages become candidates owned by the sender or the member named.
//! A room already in the vault under another export is recognised by its
//! messages (`recognise`), so two members' exports of one room make one group.

mod contacts;
mod recognise;
mod room;

use room::Room;

use std::collections::HashSet;
use std::path::PathBuf;

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::list_indexes::ListIndexes;
use super::text_index::IndexBuilder;
use super::write::Rows;
use super::{Vault, VaultError, people::refresh_haystack};
use crate::load::{FileReport, FileStart, Loader, Record};
use crate::phone::Region;

/// What an import run brought, in total.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    /// Instagram, Telegram, LINE and Discord IDs (and address books' messenger handles).
    pub new_handles: u64,
    pub new_groups: u64,
    pub new_members: u64,
    pub new_messages: u64,
}

impl ImportReport {
    fn nothing_new(&self) -> bool {
        self.new_people
            + self.new_phones
            + self.new_emails
            + self.new_handles
            + self.new_groups
            + self.new_members
            + self.new_messages
            + self.merged
            == 0
    }
}

/// The kinds of batch the history lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BatchKind {
    Import,
    Restore,
    /// The user's own changes: a confirm, a merge, a rename.
    Edit,
}

impl BatchKind {
    fn as_str(self) -> &'static str {
        match self {
            BatchKind::Import => "import",
            BatchKind::Restore => "restore",
            BatchKind::Edit => "edit",
        }
    }
}

impl Vault {
    /// Import as one batch in one transaction, for all files of the run:
    /// `read` pushes their records into it (`import::run`); then the batch
    /// is kept, or rolled back (see [`ImportBatch::finish`]) or, when `read`
    /// fails, dropped: nothing of it stays. Either way the page cache a big
    /// batch grew shrinks back.
    pub fn import_batch(
        &mut self,
        region: Region,
        dry_run: bool,
        read: impl FnOnce(&mut ImportBatch<'_>) -> Result<Vec<FileReport>, VaultError>,
    ) -> Result<ImportReport, VaultError> {
        let imported = self.begin_import(region).and_then(|mut batch| {
            let files = read(&mut batch)?;
            batch.finish(files, dry_run)
        });
        let shrunk = self.shrink_cache();
        let report = imported?;
        shrunk?;
        Ok(report)
    }

    fn begin_import(&mut self, region: Region) -> Result<ImportBatch<'_>, VaultError> {
        let dir = self.dir.clone();
        let tx = self.conn.transaction().map_err(|e| VaultError::sql(&dir, e))?;
        let batch_id = new_batch(&tx, BatchKind::Import).map_err(|e| VaultError::sql(&dir, e))?;
        let list_indexes = ListIndexes::for_import(&tx).map_err(|e| VaultError::sql(&dir, e))?;
        Ok(ImportBatch {
            tx,
            dir,
            batch_id,
            region,
            report: ImportReport::default(),
            source_id: 0,
            file: FileReport::default(),
            room: None,
            touched: HashSet::new(),
            span: None,
            index: IndexBuilder::default(),
            list_indexes,
        })
    }
}

pub(super) fn new_batch(tx: &Transaction, kind: BatchKind) -> rusqlite::Result<i64> {
    tx.execute("INSERT INTO batch(at, kind) VALUES (?1, ?2)", params![now(), kind.as_str()])?;
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

/// An import in progress: the vault's [`Loader`].
pub struct ImportBatch<'v> {
    tx: Transaction<'v>,
    dir: PathBuf,
    batch_id: i64,
    region: Region,
    report: ImportReport,
    /// The file being read: its source row and what the store counted of it.
    source_id: i64,
    file: FileReport,
    room: Option<Room>,
    touched: HashSet<i64>,
    /// The first and last message time of the file.
    span: Option<(NaiveDateTime, NaiveDateTime)>,
    /// The search index of the batch's messages, written before it commits.
    index: IndexBuilder,
    /// The people list's indexes, which a batch that makes many people
    /// builds before it commits.
    list_indexes: ListIndexes,
}

impl ImportBatch<'_> {
    /// Keep the batch (or, for a dry run or a batch that added nothing,
    /// roll it back: history lists only imports that changed something).
    fn finish(mut self, files: Vec<FileReport>, dry_run: bool) -> Result<ImportReport, VaultError> {
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        self.report.files = files;
        self.report.dry_run = dry_run;
        if dry_run || self.report.nothing_new() {
            self.tx.rollback().map_err(sql)?;
        } else {
            std::mem::take(&mut self.list_indexes).rebuild(&self.tx).map_err(sql)?;
            std::mem::take(&mut self.index).write(&self.tx, self.batch_id).map_err(sql)?;
            self.tx.commit().map_err(sql)?;
            self.report.batch_id = Some(self.batch_id);
        }
        Ok(self.report)
    }

    fn rows(&self) -> Rows<'_> {
        Rows { conn: &self.tx, batch_id: self.batch_id }
    }

    fn sql(&self, e: rusqlite::Error) -> VaultError {
        VaultError::sql(&self.dir, e)
    }

    fn close_file(&mut self) -> rusqlite::Result<()> {
        self.close_room()?;
        if let Some((first, last)) = self.span.take() {
            self.file.first_message = Some(stamp(first));
            self.file.last_message = Some(stamp(last));
        }
        // In id order: the rows are read and rewritten page after page, not
        // at random across a person table larger than the page cache.
        let mut touched: Vec<i64> = self.touched.drain().collect();
        touched.sort_unstable();
        for id in touched {
            refresh_haystack(&self.tx, id)?;
        }
        Ok(())
    }
}

impl Loader for ImportBatch<'_> {
    type Error = VaultError;

    fn already_imported(&mut self, sha256: &str) -> Result<Option<String>, VaultError> {
        self.tx
            .query_row(
                "SELECT s.format FROM source s JOIN batch b ON b.id = s.batch_id WHERE s.sha256 = ?1 AND b.undone_at IS NULL LIMIT 1",
                [sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))
    }

    fn begin_file(&mut self, file: &FileStart) -> Result<(), VaultError> {
        self.tx
            .execute(
                "INSERT INTO source(batch_id, file_name, format, encoding, sha256, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![self.batch_id, file.display_name, file.format, file.encoding, file.sha256, now()],
            )
            .map_err(|e| self.sql(e))?;
        self.source_id = self.tx.last_insert_rowid();
        self.file = FileReport { file: file.file_name.to_owned(), ..Default::default() };
        self.region = file.region;
        Ok(())
    }

    fn take(&mut self, record: &mut Record) -> Result<(), VaultError> {
        let stored = match record {
            // Left in its batch, for the parser's thread to free (freeing here
            // what that thread allocated waits on its allocator's lock).
            Record::Contact(contact) => self.store_contact(contact),
            Record::Room(room) => self.open_room(room),
            Record::Message(message, prepared) => self.store_message(message, prepared),
            Record::Event(event) => self.store_event(event),
            Record::Unparsed(..) | Record::KeptAsWritten(..) => Ok(()),
        };
        stored.and_then(|()| self.list_indexes.made(&self.tx, self.report.new_people)).map_err(|e| self.sql(e))
    }

    fn end_file(&mut self, report: &mut FileReport) -> Result<(), VaultError> {
        self.close_file().map_err(|e| self.sql(e))?;
        let counted = std::mem::take(&mut self.file);
        report.contacts = counted.contacts;
        report.messages = counted.messages;
        report.new_messages = counted.new_messages;
        report.members = counted.members;
        report.first_message = counted.first_message;
        report.last_message = counted.last_message;
        self.tx
            .execute(
                "UPDATE source SET lines = ?2, contacts = ?3, messages = ?4, members = ?5, first_at = ?6, last_at = ?7 WHERE id = ?1",
                params![
                    self.source_id,
                    report.lines as i64,
                    report.contacts as i64,
                    report.messages as i64,
                    report.members as i64,
                    report.first_message,
                    report.last_message
                ],
            )
            .map_err(|e| self.sql(e))?;
        Ok(())
    }
}
