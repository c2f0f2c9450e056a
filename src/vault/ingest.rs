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
mod recognise;

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Vault, VaultError, people::refresh_haystack};
use crate::extract;
use crate::import::{self, DateOrder, ImportError, Input, Limits, Sink};
use crate::model::{ChatEvent, ChatMessage, ContactRecord, EventKind, MessageKind, RoomInfo, Speaker, is_not_a_person};
use crate::phone::{self, Region};
use crate::text::nfc;
use recognise::Held;

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
    let mut sink = VaultSink::new(tx, batch_id, source_id, region, opts, bytes_total, &mut file, report);
    sink.bytes_read = input.bytes_counter();
    let read = crate::import::read_bounded(importer, &mut input, &mut sink);
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

/// What the sink knows about one member of the current room.
struct Member {
    person_id: i64,
    membership_id: i64,
    first: Option<NaiveDateTime>,
    last: Option<NaiveDateTime>,
    new_messages: i64,
    left: Option<bool>,
}

struct Room {
    info: RoomInfo,
    /// None while the room's first records are held to recognise it.
    grp_id: Option<i64>,
    held: Vec<Held>,
    /// The person behind a display name, learnt from messages another export of the room holds.
    matched: HashMap<String, i64>,
    members: HashMap<String, Option<usize>>,
    list: Vec<(String, Member)>,
    /// For message fingerprints: occurrences of each text within the current minute.
    minute: Option<NaiveDateTime>,
    occurrences: HashMap<u64, u32>,
    last_at: Option<NaiveDateTime>,
    /// Values found in messages, resolved to owners once the whole roster is known.
    pending: Vec<Pending>,
}

struct Pending {
    message_id: i64,
    sender: String,
    text: String,
    at: String,
    line: u32,
    found: extract::Found,
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
}

impl<'t, 'o> VaultSink<'t, 'o> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        tx: &'t Transaction<'t>,
        batch_id: i64,
        source_id: i64,
        region: Region,
        opts: &'o ImportOptions<'o>,
        bytes_total: u64,
        file: &'o mut FileReport,
        report: &'o mut ImportReport,
    ) -> Self {
        VaultSink {
            tx,
            batch_id,
            source_id,
            region,
            opts,
            bytes_total,
            file,
            report,
            room: None,
            touched: HashSet::new(),
            store_error: None,
            records: 0,
            bytes_read: Default::default(),
            cards: Vec::new(),
            shared: None,
        }
    }

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

    fn new_person(&mut self, name: &str, me: bool) -> rusqlite::Result<i64> {
        self.tx
            .execute("INSERT INTO person(name, me, batch_id) VALUES (?1, ?2, ?3)", params![name, me, self.batch_id])?;
        self.report.new_people += 1;
        let id = self.tx.last_insert_rowid();
        self.touched.insert(id);
        Ok(id)
    }

    fn add_alias(&mut self, person_id: i64, name: &str) -> rusqlite::Result<()> {
        self.exec(
            "INSERT OR IGNORE INTO alias(person_id, name, source_id, batch_id)
             SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = ?1 AND name = ?2)",
            params![person_id, name, self.source_id, self.batch_id],
        )?;
        Ok(())
    }

    /// Add a phone to a person (or find it there); returns the phone row id.
    /// Every statement of the sink goes through the connection's statement
    /// cache: a million-message import must not parse SQL per row.
    fn exec<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.tx.prepare_cached(sql)?.execute(params)
    }

    fn query_row<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        row: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.tx.prepare_cached(sql)?.query_row(params, row)
    }

    fn add_phone(&mut self, person_id: i64, raw: &str, label: Option<&str>, status: &str) -> rusqlite::Result<i64> {
        let e164 = phone::to_e164(raw, self.region);
        self.insert_phone(person_id, raw, e164, label, status)
    }

    /// Add a phone whose E.164 form is already known (or known not to exist).
    fn insert_phone(
        &mut self,
        person_id: i64,
        raw: &str,
        e164: Option<String>,
        label: Option<&str>,
        status: &str,
    ) -> rusqlite::Result<i64> {
        let raw = nfc(raw);
        let value = e164.clone().unwrap_or_else(|| raw.clone());
        let digits = phone_digits(&raw, e164.as_deref());
        let inserted = self.exec(
            "INSERT OR IGNORE INTO phone(person_id, e164, raw, value, digits, label, status, batch_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![person_id, e164, raw, value, digits, label, status, self.batch_id],
        )?;
        if inserted > 0 {
            self.report.new_phones += 1;
            self.touched.insert(person_id);
            return Ok(self.tx.last_insert_rowid());
        }
        self.query_row("SELECT id FROM phone WHERE person_id = ?1 AND value = ?2", params![person_id, value], |r| {
            r.get(0)
        })
    }

    fn add_email(&mut self, person_id: i64, address: &str, label: Option<&str>, status: &str) -> rusqlite::Result<i64> {
        let address = nfc(address).to_lowercase();
        let inserted = self.exec(
            "INSERT OR IGNORE INTO email(person_id, address, label, status, batch_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![person_id, address, label, status, self.batch_id],
        )?;
        if inserted > 0 {
            self.report.new_emails += 1;
            self.touched.insert(person_id);
            return Ok(self.tx.last_insert_rowid());
        }
        self.query_row("SELECT id FROM email WHERE person_id = ?1 AND address = ?2", params![person_id, address], |r| {
            r.get(0)
        })
    }

    fn file_provenance(&self, column: &str, item_id: i64, line: u32) -> rusqlite::Result<()> {
        if let Some(shared) = &self.shared {
            let sql = format!(
                "INSERT INTO provenance({column}, source_id, line, grp_id, shared_by, at, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
            );
            self.exec(
                &sql,
                params![item_id, self.source_id, shared.line, shared.grp_id, shared.sender, shared.at, self.batch_id],
            )?;
            return Ok(());
        }
        let sql = format!(
            "INSERT INTO provenance({column}, source_id, line, batch_id)
             SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM provenance WHERE {column} = ?1 AND source_id = ?2 AND line = ?3)"
        );
        self.exec(&sql, params![item_id, self.source_id, line, self.batch_id])?;
        Ok(())
    }

    /// The person a contact record belongs to: someone with one of its numbers
    /// or e-mails, else a new person. Never matched on the name.
    fn person_for_contact(&mut self, c: &ContactRecord, e164s: &[Option<String>], name: &str) -> rusqlite::Result<i64> {
        for e164 in e164s.iter().flatten() {
            let found: Option<i64> = self
                .query_row(
                    "SELECT person_id FROM phone WHERE e164 = ?1 ORDER BY status = 'confirmed' DESC, person_id LIMIT 1",
                    [e164],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = found {
                return self.live(id);
            }
        }
        for e in &c.emails {
            let found: Option<i64> = self
                .query_row(
                    "SELECT person_id FROM email WHERE address = ?1 ORDER BY status = 'confirmed' DESC, person_id LIMIT 1",
                    [nfc(&e.address).to_lowercase()],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = found {
                return self.live(id);
            }
        }
        let id = self.new_person(name, false)?;
        Ok(id)
    }

    fn store_contact(&mut self, c: ContactRecord) -> rusqlite::Result<()> {
        let name = c
            .name
            .as_deref()
            .map(nfc)
            .filter(|n| !n.is_empty())
            .or_else(|| c.emails.first().map(|e| nfc(&e.address).to_lowercase()))
            .or_else(|| c.phones.first().map(|p| nfc(&p.raw)));
        let Some(name) = name else { return Ok(()) };
        // Normalizing is the costly part of a contact: once per number.
        let e164s: Vec<Option<String>> = c.phones.iter().map(|p| phone::to_e164(&p.raw, self.region)).collect();
        let before = self.report.new_people;
        let person_id = self.person_for_contact(&c, &e164s, &name)?;
        if self.report.new_people == before {
            self.report.merged += 1;
            self.add_alias(person_id, &name)?;
        }
        for (p, e164) in c.phones.iter().zip(e164s) {
            let id = self.insert_phone(person_id, &p.raw, e164, p.label.as_deref(), "confirmed")?;
            self.file_provenance("phone_id", id, c.line)?;
        }
        for e in &c.emails {
            let id = self.add_email(person_id, &e.address, e.label.as_deref(), "confirmed")?;
            self.file_provenance("email_id", id, c.line)?;
        }
        for h in &c.handles {
            self.exec(
                "INSERT OR IGNORE INTO handle(person_id, service, value, batch_id) VALUES (?1, ?2, ?3, ?4)",
                params![person_id, h.service, nfc(&h.value), self.batch_id],
            )?;
        }
        self.exec(
            "UPDATE person SET org = coalesce(org, ?2), note = coalesce(note, ?3), birthday = coalesce(birthday, ?4) WHERE id = ?1",
            params![person_id, c.org.as_deref().map(nfc), c.note.as_deref().map(nfc), c.birthday],
        )?;
        self.touched.insert(person_id);
        self.file.contacts += 1;
        Ok(())
    }

    fn open_room(&mut self, info: &RoomInfo) -> rusqlite::Result<()> {
        self.close_room()?;
        let info = RoomInfo { name: nfc(&info.name), ..info.clone() };
        self.room = Some(Room {
            info,
            grp_id: None,
            held: Vec::new(),
            matched: HashMap::new(),
            members: HashMap::new(),
            list: Vec::new(),
            minute: None,
            occurrences: HashMap::new(),
            last_at: None,
            pending: Vec::new(),
        });
        Ok(())
    }

    /// The group a room goes into when no other export of it is in the vault:
    /// the chat group of that platform with its name, else a new one.
    fn group_named(&mut self, info: &RoomInfo) -> rusqlite::Result<i64> {
        let existing: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM grp WHERE kind = 'chat' AND platform = ?1 AND name = ?2 ORDER BY id LIMIT 1",
                params![info.platform.as_str(), info.name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
        self.exec(
            "INSERT INTO grp(name, kind, platform, batch_id) VALUES (?1, 'chat', ?2, ?3)",
            params![info.name, info.platform.as_str(), self.batch_id],
        )?;
        self.report.new_groups += 1;
        Ok(self.tx.last_insert_rowid())
    }

    /// The room a record belongs to; formats that send no RoomInfo get one named after the file.
    fn room(&mut self) -> rusqlite::Result<&mut Room> {
        if self.room.is_none() {
            let stem =
                Path::new(&self.file.file).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let info = RoomInfo { platform: crate::model::Platform::Kakao, name: stem, external_id: None };
            self.open_room(&info)?;
        }
        Ok(self.room.as_mut().expect("opened above"))
    }

    /// The member index for a speaker, creating the person and membership when
    /// new. `fp` is the fingerprint of the speaker's message, if any: a message
    /// another export of the room already holds tells who this display name is.
    fn member(&mut self, speaker: &Speaker, fp: Option<i64>) -> rusqlite::Result<Option<usize>> {
        let name = nfc(&speaker.name);
        let room = self.room()?;
        if let Some(found) = room.members.get(&name) {
            return Ok(*found);
        }
        let Some(grp_id) = room.grp_id else { return Ok(None) };
        let matched = room.matched.get(&name).copied();
        if is_not_a_person(&name) {
            self.room()?.members.insert(name, None);
            return Ok(None);
        }
        let existing: Option<(i64, i64)> = self
            .tx
            .query_row(
                "SELECT id, person_id FROM membership WHERE grp_id = ?1 AND display_name = ?2",
                params![grp_id, name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (membership_id, person_id) = match existing {
            Some(found) => found,
            None => {
                let known = match matched {
                    Some(id) => Some(id),
                    None => self.known_speaker(grp_id, speaker, fp)?,
                };
                let person_id = match known {
                    Some(id) => {
                        self.adopt(id, speaker, &name)?;
                        id
                    }
                    None => self.person_for_speaker(speaker, &name)?,
                };
                if let Some(handle) = &speaker.id {
                    self.exec(
                        "INSERT OR IGNORE INTO handle(person_id, service, value, batch_id) VALUES (?1, 'id', ?2, ?3)",
                        params![person_id, handle, self.batch_id],
                    )?;
                }
                self.exec(
                    "INSERT INTO membership(grp_id, person_id, display_name, batch_id) VALUES (?1, ?2, ?3, ?4)",
                    params![grp_id, person_id, name, self.batch_id],
                )?;
                self.report.new_members += 1;
                (self.tx.last_insert_rowid(), person_id)
            }
        };
        self.file.members += 1;
        let room = self.room()?;
        let index = room.list.len();
        room.list.push((
            name.clone(),
            Member { person_id, membership_id, first: None, last: None, new_messages: 0, left: None },
        ));
        room.members.insert(name, Some(index));
        Ok(Some(index))
    }

    fn person_for_speaker(&mut self, speaker: &Speaker, name: &str) -> rusqlite::Result<i64> {
        if speaker.me {
            let me: Option<i64> = self
                .tx
                .query_row("SELECT id FROM person WHERE me = 1 AND merged_into IS NULL ORDER BY id LIMIT 1", [], |r| {
                    r.get(0)
                })
                .optional()?;
            let id = match me {
                Some(id) => id,
                None => self.new_person(name, true)?,
            };
            self.add_alias(id, name)?;
            return Ok(id);
        }
        // Members the exporter had not saved appear as their number: that is contact data.
        if looks_like_phone_name(name)
            && let Some(e164) = phone::to_e164(name, self.region)
        {
            let known: Option<i64> = self
                .tx
                .query_row("SELECT person_id FROM phone WHERE e164 = ?1 ORDER BY person_id LIMIT 1", [&e164], |r| {
                    r.get(0)
                })
                .optional()?;
            let id = match known {
                Some(id) => self.live(id)?,
                None => self.new_person(name, false)?,
            };
            let phone_id = self.add_phone(id, name, Some("messenger"), "confirmed")?;
            let line = self.file.messages as u32;
            self.file_provenance("phone_id", phone_id, line)?;
            return Ok(id);
        }
        self.new_person(name, false)
    }

    fn see(&mut self, index: usize, at: Option<NaiveDateTime>, left: Option<bool>) {
        let Some(room) = self.room.as_mut() else { return };
        let member = &mut room.list[index].1;
        if let Some(at) = at {
            member.first = Some(member.first.map_or(at, |f| f.min(at)));
            member.last = Some(member.last.map_or(at, |l| l.max(at)));
        }
        if left.is_some() {
            member.left = left;
        }
    }

    fn store_message(&mut self, mut m: ChatMessage) -> rusqlite::Result<()> {
        m.text = nfc(&m.text);
        self.note_card(&m);
        let room = self.room()?;
        let fp = room.fingerprint(m.at, &m.text);
        room.last_at = Some(m.at);
        if room.grp_id.is_none() {
            room.held.push(Held::Message(m, fp));
            if room.held.len() >= recognise::HOLD {
                self.settle()?;
            }
            return Ok(());
        }
        self.write_message(m, fp)
    }

    fn write_message(&mut self, m: ChatMessage, fp: i64) -> rusqlite::Result<()> {
        let member = self.member(&m.sender, Some(fp))?;
        let text = m.text;
        let sender = nfc(&m.sender.name);
        let room = self.room()?;
        let Some(grp_id) = room.grp_id else { return Ok(()) };
        let person_id = member.map(|i| room.list[i].1.person_id);
        let at = stamp(m.at);
        let kind = match m.kind {
            MessageKind::Text => "text",
            MessageKind::Media => "media",
            MessageKind::Deleted => "deleted",
        };
        self.file.messages += 1;
        if self.file.first_message.as_ref().is_none_or(|f| *f > at) {
            self.file.first_message = Some(at.clone());
        }
        if self.file.last_message.as_ref().is_none_or(|l| *l < at) {
            self.file.last_message = Some(at.clone());
        }
        let mut insert = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO message(grp_id, person_id, sender, at, body, kind, fp, source_id, line, batch_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        let inserted = insert.execute(params![
            grp_id,
            person_id,
            sender,
            at,
            text,
            kind,
            fp,
            self.source_id,
            m.line,
            self.batch_id
        ])?;
        if let Some(i) = member {
            self.see(i, Some(m.at), Some(false));
        }
        if inserted == 0 {
            return Ok(());
        }
        let message_id = self.tx.last_insert_rowid();
        self.file.new_messages += 1;
        self.report.new_messages += 1;
        let room = self.room.as_mut().expect("room is open");
        if let Some(i) = member {
            room.list[i].1.new_messages += 1;
        }
        if m.kind == MessageKind::Text && member.is_some() {
            for found in extract::find(&text, self.region) {
                room.pending.push(Pending {
                    message_id,
                    sender: sender.clone(),
                    text: text.clone(),
                    at: at.clone(),
                    line: m.line,
                    found,
                });
            }
        }
        Ok(())
    }

    fn store_event(&mut self, mut e: ChatEvent) -> rusqlite::Result<()> {
        let room = self.room()?;
        e.at = e.at.or(room.last_at);
        if room.grp_id.is_none() {
            room.held.push(Held::Event(e));
            return Ok(());
        }
        self.write_event(e)
    }

    fn write_event(&mut self, e: ChatEvent) -> rusqlite::Result<()> {
        let at = e.at;
        if let Some(actor) = &e.actor
            && let Some(i) = self.member(actor, None)?
        {
            self.see(i, at, None);
        }
        let left = match e.kind {
            EventKind::Left | EventKind::Kicked => Some(true),
            EventKind::Joined | EventKind::Invited => Some(false),
        };
        for subject in &e.subjects {
            if let Some(i) = self.member(subject, None)? {
                self.see(i, at, left);
            }
        }
        Ok(())
    }

    /// Write the room's member statistics and give found values their owners.
    fn close_room(&mut self) -> rusqlite::Result<()> {
        self.settle()?;
        let Some(room) = self.room.take() else { return Ok(()) };
        let Some(grp_id) = room.grp_id else { return Ok(()) };
        let fmt = |t: Option<NaiveDateTime>| t.map(stamp);
        for (_, m) in &room.list {
            self.exec(
                "UPDATE membership SET
                   first_seen = CASE WHEN first_seen IS NULL OR ?2 < first_seen THEN coalesce(?2, first_seen) ELSE first_seen END,
                   last_seen = CASE WHEN last_seen IS NULL OR ?3 > last_seen THEN coalesce(?3, last_seen) ELSE last_seen END,
                   messages = messages + ?4,
                   left_group = CASE WHEN ?5 IS NULL OR (last_seen IS NOT NULL AND ?3 IS NOT NULL AND last_seen > ?3) THEN left_group ELSE ?5 END
                 WHERE id = ?1",
                params![m.membership_id, fmt(m.first), fmt(m.last), m.new_messages, m.left],
            )?;
            self.touched.insert(m.person_id);
        }
        let names: Vec<&str> = room.list.iter().map(|(n, _)| n.as_str()).collect();
        let roster = extract::Roster::new(&names);
        // The same value is shared again and again: store it once per owner.
        let mut stored: HashMap<(i64, bool, &str), i64> = HashMap::new();
        for p in &room.pending {
            let owner_name = roster.owner(&p.text, &p.found, &p.sender).unwrap_or(&p.sender);
            let Some(Some(index)) = room.members.get(owner_name) else { continue };
            let owner = room.list[*index].1.person_id;
            let is_phone = matches!(p.found.kind, extract::Kind::Phone);
            let item = match stored.get(&(owner, is_phone, p.found.value.as_str())) {
                Some(item) => *item,
                None => {
                    let item = if is_phone {
                        self.insert_phone(owner, &p.found.raw, Some(p.found.value.clone()), None, "candidate")?
                    } else {
                        self.add_email(owner, &p.found.value, None, "candidate")?
                    };
                    stored.insert((owner, is_phone, p.found.value.as_str()), item);
                    item
                }
            };
            let sql = if is_phone {
                "INSERT INTO provenance(phone_id, source_id, line, message_id, grp_id, shared_by, at, batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            } else {
                "INSERT INTO provenance(email_id, source_id, line, message_id, grp_id, shared_by, at, batch_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            };
            self.exec(sql, params![item, self.source_id, p.line, p.message_id, grp_id, p.sender, p.at, self.batch_id])?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ImportError> {
        self.close_room().map_err(|e| self.store(e))?;
        let touched: Vec<i64> = self.touched.drain().collect();
        for id in touched {
            refresh_haystack(self.tx, id).map_err(|e| self.store(e))?;
        }
        Ok(())
    }
}

impl Room {
    /// A fingerprint of (minute, text, occurrence within that minute): the same
    /// message in two exports of the room, whoever exported it.
    fn fingerprint(&mut self, at: NaiveDateTime, text: &str) -> i64 {
        let minute = at.with_second(0).unwrap_or(at);
        if self.minute != Some(minute) {
            self.minute = Some(minute);
            self.occurrences.clear();
        }
        let base = fnv1a(fnv1a(FNV_OFFSET, minute.and_utc().timestamp().to_le_bytes().as_slice()), text.as_bytes());
        let n = self.occurrences.entry(base).or_insert(0);
        *n += 1;
        // Minutes in the high bits keep index inserts in time order, so a
        // million-message import appends to the index instead of scattering
        // writes across it; the low 24 bits tell one minute's messages apart.
        let minutes = minute.and_utc().timestamp().div_euclid(60);
        (minutes << 24) | (fnv1a(base, &n.to_le_bytes()) & 0xFF_FFFF) as i64
    }
}

use chrono::Timelike;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A sender name made of a number (`+82 10-1234-5678`, `+1 (777) 777‑7777`).
fn looks_like_phone_name(name: &str) -> bool {
    let name = name.trim_start_matches('~').trim();
    name.starts_with('+')
        && name.chars().all(|c| c.is_ascii_digit() || " +-()\u{2011}\u{00A0}\u{202F}\u{200E}".contains(c))
}

/// The digits search matches a phone by: as written, E.164, and national (`010…`).
pub(super) fn phone_digits(raw: &str, e164: Option<&str>) -> String {
    let mut out = crate::text::digits(raw);
    if let Some(e164) = e164 {
        out.push(' ');
        out.push_str(&crate::text::digits(e164));
        if let Some(national) = e164.strip_prefix("+82") {
            out.push_str(" 0");
            out.push_str(national);
        }
    }
    out
}

impl Sink for VaultSink<'_, '_> {
    fn contact(&mut self, contact: ContactRecord) -> Result<(), ImportError> {
        self.tick()?;
        self.store_contact(contact).map_err(|e| self.store(e))
    }
    fn room(&mut self, room: RoomInfo) -> Result<(), ImportError> {
        self.open_room(&room).map_err(|e| self.store(e))
    }
    fn message(&mut self, message: ChatMessage) -> Result<(), ImportError> {
        self.tick()?;
        self.store_message(message).map_err(|e| self.store(e))
    }
    fn event(&mut self, event: ChatEvent) -> Result<(), ImportError> {
        self.store_event(event).map_err(|e| self.store(e))
    }
    fn unparsed(&mut self, line: u32, text: &str) {
        self.file.unparsed += 1;
        if self.file.first_unparsed.is_none() {
            self.file.first_unparsed = Some((line, text.chars().take(120).collect()));
        }
    }
}
