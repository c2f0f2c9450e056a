//! The user's decisions about who is who: merge two people, reverse a merge,
//! and remember that two people are not the same. Each decision is a batch of
//! kind `edit`, so `lifeboat imports` lists it and `lifeboat undo` reverses it;
//! and each survives re-imports (a merged person is kept, hidden, and the
//! importer follows it to the person it became).

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::ingest::{BatchKind, new_batch, now};
use super::{Vault, VaultError, people::refresh_haystack};

/// The rows a person owns that a merge moves, with the columns that make a
/// row a duplicate of one the other person already has (memberships never are).
const MOVED: [(&str, &[&str]); 5] = [
    ("phone", &["value"]),
    ("email", &["address"]),
    ("alias", &["name"]),
    ("handle", &["service", "value"]),
    ("membership", &["id"]),
];

/// What a merge did, for the CLI and the app.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MergeReport {
    /// The edit batch: `lifeboat unmerge ID` (or `lifeboat undo ID`) reverses it.
    pub id: i64,
    pub into: i64,
    pub from: i64,
    pub name: String,
}

impl Vault {
    /// Merge person `from` into person `into`: numbers, e-mails, handles, names
    /// and memberships move; `from` is kept hidden so the merge can be reversed.
    pub fn merge(&mut self, into: i64, from: i64) -> Result<MergeReport, VaultError> {
        let into = self.live_person(into)?;
        let from = self.live_person(from)?;
        let name = self.person(into)?.name;
        let from_name = self.person(from)?.name;
        if into == from {
            return Err(VaultError::AlreadyOne { name, id: into });
        }
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let id = merge_in(&tx, into, from, &from_name).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(MergeReport { id, into, from, name })
    }

    /// Remember that two people are different: `suggest` never proposes them again.
    pub fn not_same(&mut self, a: i64, b: i64) -> Result<i64, VaultError> {
        let a = self.live_person(a)?;
        let b = self.live_person(b)?;
        self.person(a)?;
        self.person(b)?;
        if a == b {
            return Err(VaultError::OnePerson);
        }
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let batch = new_batch(&tx, BatchKind::Edit).map_err(sql)?;
        tx.execute(
            "INSERT OR IGNORE INTO not_same(a, b, batch_id) VALUES (?1, ?2, ?3)",
            params![a.min(b), a.max(b), batch],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(batch)
    }

    /// Reverse merge `id` (its batch id, as `merge` returned).
    pub fn unmerge(&mut self, id: i64) -> Result<(), VaultError> {
        let live = self.edit_batch(id)?;
        let dir = self.dir.clone();
        let sql = |e| VaultError::sql(&dir, e);
        let tx = self.conn.transaction().map_err(sql)?;
        let found = undo_edit(&tx, live).map_err(sql)?;
        if !found {
            return Err(VaultError::NoMerge { id });
        }
        tx.commit().map_err(sql)
    }

    /// An edit batch that is not undone yet.
    fn edit_batch(&self, id: i64) -> Result<i64, VaultError> {
        let kind: Option<(String, Option<String>)> = self
            .conn
            .query_row("SELECT kind, undone_at FROM batch WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| self.sql(e))?;
        match kind {
            Some((k, None)) if k == "edit" => Ok(id),
            Some((k, Some(_))) if k == "edit" => Err(VaultError::MergeUndone { id }),
            _ => Err(VaultError::NoMerge { id }),
        }
    }
}

fn merge_in(tx: &Transaction, into: i64, from: i64, from_name: &str) -> rusqlite::Result<i64> {
    let batch = new_batch(tx, BatchKind::Edit)?;
    let was_me: bool = tx.query_row("SELECT me FROM person WHERE id = ?1", [from], |r| r.get(0))?;
    let into_me: bool = tx.query_row("SELECT me FROM person WHERE id = ?1", [into], |r| r.get(0))?;
    let set_me = was_me && !into_me;
    tx.execute(
        "INSERT INTO merge(batch_id, into_id, from_id, set_me) VALUES (?1, ?2, ?3, ?4)",
        params![batch, into, from, set_me],
    )?;
    for (table, key) in MOVED {
        // A row `into` already has (the same number twice) stays with `from`, hidden.
        let same: Vec<String> = key.iter().map(|c| format!("u.{c} = t.{c}")).collect();
        tx.execute(
            &format!(
                "INSERT INTO merge_move(batch_id, tbl, row_id) SELECT ?1, '{table}', t.id FROM {table} t
                 WHERE t.person_id = ?3 AND NOT EXISTS (SELECT 1 FROM {table} u WHERE u.person_id = ?2 AND {})",
                same.join(" AND ")
            ),
            params![batch, into, from],
        )?;
        tx.execute(
            &format!(
                "UPDATE {table} SET person_id = ?2
                 WHERE id IN (SELECT row_id FROM merge_move WHERE batch_id = ?1 AND tbl = '{table}')"
            ),
            params![batch, into],
        )?;
    }
    tx.execute(
        "INSERT OR IGNORE INTO alias(person_id, name, batch_id)
         SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = ?1 AND name = ?2)",
        params![into, from_name, batch],
    )?;
    if set_me {
        tx.execute("UPDATE person SET me = 1 WHERE id = ?1", [into])?;
    }
    tx.execute("UPDATE person SET merged_into = ?1 WHERE id = ?2", params![into, from])?;
    refresh_haystack(tx, into)?;
    refresh_haystack(tx, from)?;
    Ok(batch)
}

/// Reverse edit batch `batch` (a merge or a not-same); false when it is neither.
pub(super) fn undo_edit(tx: &Transaction, batch: i64) -> rusqlite::Result<bool> {
    let merge: Option<(i64, i64, bool)> = tx
        .query_row("SELECT into_id, from_id, set_me FROM merge WHERE batch_id = ?1", [batch], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let undone = if let Some((into, from, set_me)) = merge {
        for (table, _) in MOVED {
            tx.execute(
                &format!(
                    "UPDATE OR IGNORE {table} SET person_id = ?2
                     WHERE person_id = ?3 AND id IN (SELECT row_id FROM merge_move WHERE batch_id = ?1 AND tbl = '{table}')"
                ),
                params![batch, from, into],
            )?;
        }
        tx.execute("DELETE FROM alias WHERE batch_id = ?1", [batch])?;
        if set_me {
            tx.execute("UPDATE person SET me = 0 WHERE id = ?1", [into])?;
        }
        tx.execute("UPDATE person SET merged_into = NULL WHERE id = ?1", [from])?;
        tx.execute("DELETE FROM merge_move WHERE batch_id = ?1", [batch])?;
        refresh_haystack(tx, into)?;
        refresh_haystack(tx, from)?;
        true
    } else {
        tx.execute("DELETE FROM not_same WHERE batch_id = ?1", [batch])? > 0
    };
    if undone {
        tx.execute("UPDATE batch SET undone_at = ?2 WHERE id = ?1", params![batch, now()])?;
    }
    Ok(undone)
}
