//! The vault's side of backups: the messages a backup carries (the views do
//! not show fingerprints), and merging a backup back in as one batch of kind
//! `restore`, in one transaction, so `lifeboat undo` removes it whole.
//!
//! A restore merges like an import: people are found by the same E.164 number
//! or e-mail, chat members by their display name in the same group; rows that
//! already exist are left alone, so restoring twice adds nothing.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use chrono::NaiveDateTime;

use super::chunk::{self, ChunkWriter};
use super::ingest::{new_batch, now, phone_digits, stamp};
use super::{Vault, VaultError, people::refresh_haystack};
use crate::backup::format::{BackupMessage, BackupPerson, BackupSource, Snapshot};
use crate::model::MessageKind;
use crate::text::nfc;

/// A message as stored, for `backup create --with-messages`.
pub struct StoredMessage {
    pub person_id: Option<i64>,
    pub sender: String,
    pub at: String,
    pub body: String,
    pub kind: String,
    pub fp: i64,
}

/// What a restore added (or, for a dry run, would add).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RestoreReport {
    /// The batch to undo; None for a dry run or when nothing was new.
    pub batch_id: Option<i64>,
    pub dry_run: bool,
    pub new_people: u64,
    /// People of the backup who were already in the vault.
    pub merged_people: u64,
    pub new_phones: u64,
    pub new_emails: u64,
    pub new_groups: u64,
    pub new_members: u64,
    pub new_messages: u64,
}

impl RestoreReport {
    fn is_empty(&self) -> bool {
        self.new_people + self.new_phones + self.new_emails + self.new_groups + self.new_members + self.new_messages
            == 0
    }
}

impl Vault {
    /// Every message of a group, oldest first.
    pub fn group_messages(&self, grp_id: i64) -> Result<Vec<StoredMessage>, VaultError> {
        let run = || -> rusqlite::Result<Vec<StoredMessage>> {
            let people: HashMap<String, i64> = {
                let mut stmt =
                    self.conn.prepare_cached("SELECT display_name, person_id FROM membership WHERE grp_id = ?1")?;
                stmt.query_map([grp_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?
            };
            let mut out: Vec<(NaiveDateTime, StoredMessage)> = Vec::new();
            chunk::for_each_chunk(&self.conn, "grp_id = ?1", [grp_id], |c| {
                for m in c.messages()? {
                    out.push((
                        m.at,
                        StoredMessage {
                            person_id: people.get(m.sender).copied(),
                            sender: m.sender.to_owned(),
                            at: stamp(m.at),
                            body: m.text.to_owned(),
                            kind: m.kind.as_str().to_owned(),
                            fp: m.fp,
                        },
                    ));
                }
                Ok(())
            })?;
            // Stable: messages of one second keep the order they were stored in.
            out.sort_by_key(|(at, _)| *at);
            Ok(out.into_iter().map(|(_, m)| m).collect())
        };
        run().map_err(|e| self.sql(e))
    }

    /// Merge a snapshot in. `file_name` and `sha256` name the backup file in
    /// the batch history. All or nothing. Members and messages whose person or
    /// group is not in the snapshot are skipped (`Snapshot::from_json` refuses
    /// such files outright).
    pub fn restore(
        &mut self,
        snapshot: &Snapshot,
        file_name: &str,
        sha256: &str,
        dry_run: bool,
    ) -> Result<RestoreReport, VaultError> {
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let mut report = RestoreReport { dry_run, ..Default::default() };
        let batch_id = new_batch(&tx, "restore").map_err(sql)?;
        Merge { tx: &tx, batch_id, sha256, sources: HashMap::new(), report: &mut report }
            .run(snapshot, file_name)
            .map_err(sql)?;
        if dry_run || report.is_empty() {
            tx.rollback().map_err(sql)?;
        } else {
            tx.commit().map_err(sql)?;
            report.batch_id = Some(batch_id);
        }
        Ok(report)
    }
}

struct Merge<'t, 'r> {
    tx: &'t Transaction<'t>,
    batch_id: i64,
    sha256: &'r str,
    /// Source rows of this batch by file name: the backup itself, and the
    /// original files that provenance names.
    sources: HashMap<String, i64>,
    report: &'r mut RestoreReport,
}

/// Provenance to write once the messages it may point to are in.
struct PendingSource<'s> {
    column: &'static str,
    item: i64,
    source: &'s BackupSource,
}

impl<'s> Merge<'_, '_> {
    fn run(&mut self, snap: &'s Snapshot, file_name: &str) -> rusqlite::Result<()> {
        let backup_source = self.source(file_name, "lifeboat-backup")?;
        let mut groups: HashMap<i64, i64> = HashMap::new();
        let mut group_by_name: HashMap<&str, i64> = HashMap::new();
        for g in &snap.groups {
            let id = self.group(&nfc(&g.name), &g.kind, g.platform.as_deref())?;
            groups.insert(g.key, id);
            group_by_name.entry(g.name.as_str()).or_insert(id);
        }
        // Where each person appears, to find chat members who have no number.
        let mut seats: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
        for g in &snap.groups {
            let grp = groups[&g.key];
            for m in &g.members {
                seats.entry(m.person).or_default().push((grp, nfc(&m.display_name)));
            }
        }
        let mut people: HashMap<i64, i64> = HashMap::new();
        let mut pending = Vec::new();
        for p in &snap.people {
            let id =
                self.person(p, seats.get(&p.key).map(Vec::as_slice).unwrap_or(&[]), backup_source, &mut pending)?;
            people.insert(p.key, id);
        }
        for g in &snap.groups {
            let grp = groups[&g.key];
            for m in &g.members {
                let Some(person) = people.get(&m.person) else { continue };
                let added = self.tx.execute(
                    "INSERT OR IGNORE INTO membership(grp_id, person_id, display_name, first_seen, last_seen, messages, left_group, batch_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![grp, person, nfc(&m.display_name), m.first_seen, m.last_seen, m.messages, m.left, self.batch_id],
                )?;
                self.report.new_members += added as u64;
            }
        }
        // Per group, in the snapshot's order: each group's messages go into its own chunks.
        let mut by_group: HashMap<i64, Vec<&BackupMessage>> = HashMap::new();
        for m in &snap.messages {
            if let Some(grp) = groups.get(&m.group) {
                by_group.entry(*grp).or_default().push(m);
            }
        }
        for (grp, messages) in by_group {
            let mut existing = chunk::group_fingerprints(self.tx, grp)?;
            let mut writer = ChunkWriter::new(self.tx, grp, Some(self.batch_id), Some(backup_source))?;
            for m in messages {
                let Ok(at) = NaiveDateTime::parse_from_str(&m.at, "%Y-%m-%d %H:%M:%S") else { continue };
                if existing.insert(m.fp) {
                    writer.push(
                        self.tx,
                        &nfc(&m.sender),
                        at,
                        MessageKind::from_name(&m.kind).unwrap_or(MessageKind::Text),
                        &nfc(&m.body),
                        m.fp,
                    )?;
                    self.report.new_messages += 1;
                }
            }
            writer.flush(self.tx)?;
        }
        for p in pending {
            let grp = p.source.group.as_deref().and_then(|g| group_by_name.get(g).copied());
            self.provenance(p.column, p.item, p.source, grp)?;
        }
        for id in people.values() {
            refresh_haystack(self.tx, *id)?;
        }
        Ok(())
    }

    /// A source row of this batch for a file name, made on first use.
    fn source(&mut self, file_name: &str, format: &str) -> rusqlite::Result<i64> {
        if let Some(id) = self.sources.get(file_name) {
            return Ok(*id);
        }
        self.tx.execute(
            "INSERT INTO source(batch_id, file_name, format, encoding, sha256, imported_at) VALUES (?1, ?2, ?3, 'age', ?4, ?5)",
            params![self.batch_id, file_name, format, self.sha256, now()],
        )?;
        let id = self.tx.last_insert_rowid();
        self.sources.insert(file_name.to_owned(), id);
        Ok(id)
    }

    fn group(&mut self, name: &str, kind: &str, platform: Option<&str>) -> rusqlite::Result<i64> {
        let found: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM grp WHERE kind = ?1 AND platform IS ?2 AND name = ?3 ORDER BY id LIMIT 1",
                params![kind, platform, name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = found {
            return Ok(id);
        }
        self.tx.execute(
            "INSERT INTO grp(name, kind, platform, batch_id) VALUES (?1, ?2, ?3, ?4)",
            params![name, kind, platform, self.batch_id],
        )?;
        self.report.new_groups += 1;
        Ok(self.tx.last_insert_rowid())
    }

    /// The vault person for a backup person: by number, e-mail, seat in a
    /// group, "me", or, for someone known by nothing else, the exact name.
    fn existing(&self, p: &BackupPerson, seats: &[(i64, String)]) -> rusqlite::Result<Option<i64>> {
        let one = |sql: &str, value: &dyn rusqlite::ToSql| -> rusqlite::Result<Option<i64>> {
            self.tx.prepare_cached(sql)?.query_row([value], |r| r.get(0)).optional()
        };
        for ph in &p.phones {
            if let Some(e164) = &ph.e164
                && let Some(id) = one(
                    "SELECT person_id FROM phone WHERE e164 = ?1 ORDER BY status = 'confirmed' DESC, person_id LIMIT 1",
                    e164,
                )?
            {
                return Ok(Some(id));
            }
        }
        for e in &p.emails {
            let address = nfc(&e.address).to_lowercase();
            if let Some(id) = one(
                "SELECT person_id FROM email WHERE address = ?1 ORDER BY status = 'confirmed' DESC, person_id LIMIT 1",
                &address,
            )? {
                return Ok(Some(id));
            }
        }
        for (grp, name) in seats {
            let found: Option<i64> = self
                .tx
                .query_row(
                    "SELECT person_id FROM membership WHERE grp_id = ?1 AND display_name = ?2",
                    params![grp, name],
                    |r| r.get(0),
                )
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
        }
        if p.me {
            return self
                .tx
                .query_row("SELECT id FROM person WHERE me = 1 ORDER BY id LIMIT 1", [], |r| r.get(0))
                .optional();
        }
        if p.phones.is_empty() && p.emails.is_empty() && seats.is_empty() {
            return one("SELECT id FROM person WHERE name = ?1 ORDER BY id LIMIT 1", &nfc(&p.name));
        }
        Ok(None)
    }

    fn person(
        &mut self,
        p: &'s BackupPerson,
        seats: &[(i64, String)],
        backup_source: i64,
        pending: &mut Vec<PendingSource<'s>>,
    ) -> rusqlite::Result<i64> {
        let name = nfc(&p.name);
        let (org, note, birthday) =
            (p.org.as_deref().map(nfc), p.note.as_deref().map(nfc), p.birthday.as_deref().map(nfc));
        let id = match self.existing(p, seats)? {
            Some(id) => {
                self.report.merged_people += 1;
                self.tx.execute(
                    "UPDATE person SET org = coalesce(org, ?2), note = coalesce(note, ?3), birthday = coalesce(birthday, ?4) WHERE id = ?1",
                    params![id, org, note, birthday],
                )?;
                id
            }
            None => {
                self.tx.execute(
                    "INSERT INTO person(name, me, org, note, birthday, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![name, p.me, org, note, birthday, self.batch_id],
                )?;
                self.report.new_people += 1;
                self.tx.last_insert_rowid()
            }
        };
        for alias in std::iter::once(&p.name).chain(&p.aliases) {
            self.tx.execute(
                "INSERT OR IGNORE INTO alias(person_id, name, source_id, batch_id)
                 SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = ?1 AND name = ?2)",
                params![id, nfc(alias), backup_source, self.batch_id],
            )?;
        }
        for ph in &p.phones {
            let raw = nfc(&ph.raw);
            let value = ph.e164.clone().unwrap_or_else(|| raw.clone());
            let added = self.tx.execute(
                "INSERT OR IGNORE INTO phone(person_id, e164, raw, value, digits, label, status, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![id, ph.e164, raw, value, phone_digits(&raw, ph.e164.as_deref()), ph.label, ph.status.as_str(), self.batch_id],
            )?;
            self.report.new_phones += added as u64;
            let phone_id: i64 = self.tx.query_row(
                "SELECT id FROM phone WHERE person_id = ?1 AND value = ?2",
                params![id, value],
                |r| r.get(0),
            )?;
            pending.extend(ph.sources.iter().map(|source| PendingSource {
                column: "phone_id",
                item: phone_id,
                source,
            }));
        }
        for e in &p.emails {
            let address = nfc(&e.address).to_lowercase();
            let added = self.tx.execute(
                "INSERT OR IGNORE INTO email(person_id, address, label, status, batch_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, address, e.label, e.status.as_str(), self.batch_id],
            )?;
            self.report.new_emails += added as u64;
            let email_id: i64 = self.tx.query_row(
                "SELECT id FROM email WHERE person_id = ?1 AND address = ?2",
                params![id, address],
                |r| r.get(0),
            )?;
            pending.extend(e.sources.iter().map(|source| PendingSource { column: "email_id", item: email_id, source }));
        }
        for h in &p.handles {
            self.tx.execute(
                "INSERT OR IGNORE INTO handle(person_id, service, value, batch_id) VALUES (?1, ?2, ?3, ?4)",
                params![id, h.service, nfc(&h.value), self.batch_id],
            )?;
        }
        Ok(id)
    }

    /// Provenance for a phone or e-mail, unless the vault already records the
    /// same origin (same file and line, or same group, sharer and time).
    fn provenance(&mut self, column: &str, item: i64, s: &BackupSource, grp: Option<i64>) -> rusqlite::Result<()> {
        let known: bool = self.tx.query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM provenance p LEFT JOIN source s ON s.id = p.source_id
                 WHERE p.{column} = ?1 AND s.file_name IS ?2 AND p.line IS ?3 AND p.grp_id IS ?4 AND p.shared_by IS ?5 AND p.at IS ?6)"
            ),
            params![item, s.file, s.line, grp, s.shared_by, s.at],
            |r| r.get(0),
        )?;
        if known {
            return Ok(());
        }
        let source_id = match &s.file {
            Some(file) => Some(self.source(file, "restored")?),
            None => None,
        };
        let at = s.at.as_deref().and_then(|at| NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S").ok());
        let message = match (grp, at, &s.shared_by) {
            (Some(g), Some(at), Some(by)) => chunk::find_message(self.tx, g, at, by)?,
            _ => None,
        };
        self.tx.execute(
            &format!("INSERT INTO provenance({column}, source_id, line, message_id, grp_id, shared_by, at, times, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
            params![item, source_id, s.line, message, grp, s.shared_by, s.at, s.times, self.batch_id],
        )?;
        Ok(())
    }
}
