//! The vault's side of backups: the messages a backup carries (the views do
//! not show fingerprints), and merging a backup back in as one batch of kind
//! `restore`, in one transaction, so `lifeboat undo` removes it whole.
//!
//! Who made the backup decides how it is read:
//! - signed by this vault: restored exactly as it was ([`own`]);
//! - anything else is someone else's claim ([`claim`]): every number and
//!   e-mail arrives as a candidate whose provenance names the backup and its
//!   signer, joins one of your people only through a number or e-mail you
//!   confirmed, and never outranks what you confirmed.
//!
//! Both write through the one write path per table (`write::Rows`).

mod claim;
mod own;
mod report;

pub use report::{MatchReason, PersonChange, RestoreReport, SignerChange, SignerView, SuggestedMatch, ValueConflict};

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::chunk::{self, ChunkWriter};
use super::ingest::{BatchKind, new_batch, now, stamp};
use super::list_indexes::ListIndexes;
use super::text_index::IndexBuilder;
use super::write::Rows;
use super::{Vault, VaultError, people::refresh_haystack};
use crate::backup::format::{BackupGroup, BackupMessage, Snapshot};
use crate::model::MessageKind;
use crate::phone::Region;
use crate::text::nfc;

/// A message as stored, for `backup create --with-messages`.
pub struct StoredMessage {
    pub person_id: Option<i64>,
    pub sender: String,
    pub at: String,
    pub body: String,
    pub kind: MessageKind,
    pub fp: i64,
}

/// The backup file being restored and who made it, as its signature shows.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BackupOrigin {
    pub file_name: String,
    pub sha256: String,
    /// When the maker made it (their clock).
    pub made_at: String,
    /// The maker's name as they chose it; None when unsigned.
    pub signer: Option<String>,
    /// The signing key's fingerprint (`SHA256:…`); None when unsigned.
    pub fingerprint: Option<String>,
    /// Signed by this vault's own key: restored exactly as it was.
    pub own: bool,
}

/// How to restore.
#[derive(Debug, Clone, Copy, Default)]
pub struct RestoreOptions {
    /// Work out everything, report it, keep nothing.
    pub dry_run: bool,
    /// The user said yes to a group roster signed by another key than last time.
    pub accept_new_signer: bool,
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
                            kind: m.kind,
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

    /// Merge a snapshot in, all or nothing. Members and messages whose person
    /// or group is not in the snapshot are skipped (`Snapshot::from_json`
    /// refuses such files outright). A roster signed by another key than the
    /// last one restored for its group is refused unless accepted.
    pub fn restore(
        &mut self,
        snapshot: &Snapshot,
        origin: &BackupOrigin,
        opts: RestoreOptions,
    ) -> Result<RestoreReport, VaultError> {
        let restored = self.restore_batch(snapshot, origin, opts);
        // Whatever became of the batch, the page cache a big one grew shrinks back.
        let shrunk = self.shrink_cache();
        let report = restored?;
        shrunk?;
        Ok(report)
    }

    fn restore_batch(
        &mut self,
        snapshot: &Snapshot,
        origin: &BackupOrigin,
        opts: RestoreOptions,
    ) -> Result<RestoreReport, VaultError> {
        let region = self.region()?;
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let batch_id = new_batch(&tx, BatchKind::Restore).map_err(sql)?;
        let mut report = RestoreReport::new(origin, opts.dry_run);
        let list_indexes = ListIndexes::for_restore(&tx, snapshot.people.len()).map_err(sql)?;
        let rows = Rows { conn: &tx, batch_id };
        Restore { rows, origin, region, report: &mut report }.run(snapshot).map_err(sql)?;
        report.needs_acceptance = !report.signer_changes.is_empty() && !opts.accept_new_signer;
        if report.needs_acceptance && !opts.dry_run {
            tx.rollback().map_err(sql)?;
            return Err(VaultError::NewSigner {
                groups: report.signer_changes.iter().map(|c| c.group.clone()).collect::<Vec<_>>().join(", "),
                signer: report.signer.said(),
            });
        }
        if opts.dry_run || report.is_empty() {
            tx.rollback().map_err(sql)?;
        } else {
            list_indexes.rebuild(&tx).map_err(sql)?;
            tx.commit().map_err(sql)?;
            report.batch_id = Some(batch_id);
        }
        Ok(report)
    }
}

/// One restore in progress.
struct Restore<'t, 'r> {
    rows: Rows<'t>,
    origin: &'r BackupOrigin,
    region: Region,
    report: &'r mut RestoreReport,
}

/// Where each backup person sits, by their key: (group, display name, left).
type Seats = HashMap<i64, Vec<(i64, String, bool)>>;

fn seats(snap: &Snapshot, groups: &Groups) -> Seats {
    let mut seats = Seats::new();
    for g in &snap.groups {
        let grp = groups.by_key[&g.key];
        for m in &g.members {
            seats.entry(m.person).or_default().push((grp, nfc(&m.display_name), m.left));
        }
    }
    seats
}

/// The vault's groups for the snapshot's, by the snapshot's keys.
struct Groups<'s> {
    by_key: HashMap<i64, i64>,
    by_name: HashMap<&'s str, i64>,
    /// Groups whose last roster came from this same signer: its changes
    /// (a member who left) are an update from someone already trusted.
    trusted: std::collections::HashSet<i64>,
}

impl<'s> Restore<'_, '_> {
    fn run(&mut self, snap: &'s Snapshot) -> rusqlite::Result<()> {
        let backup_source = self.backup_source()?;
        let mut groups = self.groups(&snap.groups)?;
        if !self.origin.own {
            self.check_signers(snap, &mut groups)?;
        }
        let touched = if self.origin.own {
            own::merge(self, snap, &groups, backup_source)?
        } else {
            claim::merge(self, snap, &groups, backup_source)?
        };
        // In id order: the people's rows are read page after page, not at
        // random across a vault larger than the page cache (in hash order,
        // that was a fifth of a 100,000-person restore).
        for id in touched {
            refresh_haystack(self.rows.conn, id)?;
        }
        Ok(())
    }

    /// The source row of the backup file itself, naming its signer.
    fn backup_source(&mut self) -> rusqlite::Result<i64> {
        let o = self.origin;
        self.rows.exec(
            "INSERT INTO source(batch_id, file_name, format, encoding, sha256, imported_at, signer, signer_key, made_at, claim)
             VALUES (?1, ?2, 'lifeboat-backup', 'age', ?3, ?4, ?5, ?6, ?7, ?8)",
            params![self.rows.batch_id, o.file_name, o.sha256, now(), o.signer, o.fingerprint, o.made_at, !o.own],
        )?;
        Ok(self.rows.conn.last_insert_rowid())
    }

    fn groups(&mut self, list: &'s [BackupGroup]) -> rusqlite::Result<Groups<'s>> {
        let mut out = Groups { by_key: HashMap::new(), by_name: HashMap::new(), trusted: Default::default() };
        for g in list {
            let name = nfc(&g.name);
            let found: Option<i64> = self
                .rows
                .conn
                .prepare_cached(
                    "SELECT id FROM grp WHERE kind = ?1 AND platform IS ?2 AND name = ?3 ORDER BY id LIMIT 1",
                )?
                .query_row(params![g.kind, g.platform, name], |r| r.get(0))
                .optional()?;
            let id = match found {
                Some(id) => id,
                None => {
                    self.rows.exec(
                        "INSERT INTO grp(name, kind, platform, batch_id) VALUES (?1, ?2, ?3, ?4)",
                        params![name, g.kind, g.platform, self.rows.batch_id],
                    )?;
                    self.report.new_groups += 1;
                    self.rows.conn.last_insert_rowid()
                }
            };
            out.by_key.insert(g.key, id);
            out.by_name.entry(g.name.as_str()).or_insert(id);
        }
        Ok(out)
    }

    /// Trust on first use, per group: the first roster restored for a group
    /// remembers its signer; another key (or none) later is a change the
    /// user must accept. Remembers this signer for every group.
    fn check_signers(&mut self, snap: &Snapshot, groups: &mut Groups) -> rusqlite::Result<()> {
        for g in &snap.groups {
            let grp = groups.by_key[&g.key];
            let last: Option<(Option<String>, Option<String>)> = self
                .rows
                .conn
                .prepare_cached(
                    "SELECT signer_key, signer FROM group_signer WHERE grp_id = ?1 ORDER BY id DESC LIMIT 1",
                )?
                .query_row([grp], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let same = last.as_ref().is_some_and(|(key, _)| *key == self.origin.fingerprint);
            if same {
                groups.trusted.insert(grp);
            }
            if let Some((key, name)) = &last
                && !same
            {
                self.report.signer_changes.push(SignerChange {
                    group: nfc(&g.name),
                    before: SignerView::from_parts(name.clone(), key.clone(), false),
                });
            }
            if !same {
                self.rows.exec(
                    "INSERT INTO group_signer(grp_id, signer_key, signer, batch_id) VALUES (?1, ?2, ?3, ?4)",
                    params![grp, self.origin.fingerprint, self.origin.signer, self.rows.batch_id],
                )?;
            }
        }
        Ok(())
    }

    /// The snapshot's messages, each group's into its own chunks, never twice.
    fn messages(&mut self, snap: &Snapshot, groups: &Groups, backup_source: i64) -> rusqlite::Result<()> {
        let mut by_group: HashMap<i64, Vec<&BackupMessage>> = HashMap::new();
        for m in &snap.messages {
            if let Some(grp) = groups.by_key.get(&m.group) {
                by_group.entry(*grp).or_default().push(m);
            }
        }
        let conn = self.rows.conn;
        let mut index = IndexBuilder::default();
        for (grp, messages) in by_group {
            let mut existing = chunk::group_fingerprints(conn, grp)?;
            let mut writer = ChunkWriter::new(conn, grp, Some(self.rows.batch_id), Some(backup_source))?;
            for m in messages {
                let Ok(at) = NaiveDateTime::parse_from_str(&m.at, "%Y-%m-%d %H:%M:%S") else { continue };
                if existing.insert(m.fp) {
                    let kind = MessageKind::from_name(&m.kind).unwrap_or(MessageKind::Text);
                    let body = nfc(&m.body);
                    let id = writer.push(conn, &nfc(&m.sender), at, kind, &body, m.fp)?;
                    index.add(id, at, kind, &body);
                    self.report.new_messages += 1;
                }
            }
            writer.flush(conn)?;
        }
        index.write(conn, self.rows.batch_id)
    }
}
