//! Import batches: the history of what each import added, and undo.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::ingest::stamp;
use super::{Vault, VaultError, chunk, people::refresh_haystack, text_index};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BatchFile {
    pub name: String,
    pub format: String,
    pub sha256: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Added {
    pub people: i64,
    pub phones: i64,
    pub emails: i64,
    pub groups: i64,
    pub messages: i64,
}

/// One import run, restore or edit. JSON contract: README, "JSON output".
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BatchSummary {
    pub id: i64,
    pub at: String,
    pub kind: String,
    pub files: Vec<BatchFile>,
    pub added: Added,
}

/// What undo removed, and what it kept because the user changed it since.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct UndoReport {
    pub removed: Added,
    /// Phones, e-mails, handles and people the user confirmed or edited since: kept.
    pub kept_edited: i64,
}

impl Vault {
    /// Every batch not undone, oldest first.
    pub fn batches(&self) -> Result<Vec<BatchSummary>, VaultError> {
        let ids = self.ids("SELECT id FROM batch WHERE undone_at IS NULL ORDER BY id", params![])?;
        ids.into_iter().map(|id| self.batch(id)).collect()
    }

    fn batch(&self, id: i64) -> Result<BatchSummary, VaultError> {
        let sql = |e| self.sql(e);
        let (at, kind): (String, String) = self
            .conn
            .query_row("SELECT at, kind FROM batch WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT file_name, format, sha256 FROM source WHERE batch_id = ?1 ORDER BY id")
            .map_err(sql)?;
        let files = stmt
            .query_map([id], |r| Ok(BatchFile { name: r.get(0)?, format: r.get(1)?, sha256: r.get(2)? }))
            .map_err(sql)?
            .collect::<Result<_, _>>()
            .map_err(sql)?;
        let sum = |what: &str, table: &str| -> Result<i64, VaultError> {
            self.conn
                .query_row(&format!("SELECT coalesce({what}, 0) FROM {table} WHERE batch_id = ?1"), [id], |r| r.get(0))
                .map_err(sql)
        };
        let count = |table: &str| sum("count(*)", table);
        let added = Added {
            people: count("person")?,
            phones: count("phone")?,
            emails: count("email")?,
            groups: count("grp")?,
            messages: sum("sum(count)", "message_chunk")?,
        };
        Ok(BatchSummary { id, at, kind, files, added })
    }

    /// Remove exactly what batch `id` added, in one transaction. What the user
    /// confirmed or edited since stays.
    pub fn undo(&mut self, id: i64) -> Result<UndoReport, VaultError> {
        let live: Option<Option<String>> = self
            .conn
            .query_row("SELECT undone_at FROM batch WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.sql(e))?;
        match live {
            None => {
                return Err(VaultError::NoImport { id });
            }
            Some(Some(_)) => {
                return Err(VaultError::ImportUndone { id });
            }
            Some(None) => {}
        }
        let before = self.batch(id)?.added;
        let dir = self.dir.clone();
        let kind: String =
            self.conn.query_row("SELECT kind FROM batch WHERE id = ?1", [id], |r| r.get(0)).map_err(|e| self.sql(e))?;
        if kind == "edit" {
            // A merge or a not-same decision: reversed, not deleted.
            let tx = self.conn.transaction().map_err(|e| VaultError::sql(&dir, e))?;
            super::decide::undo_edit(&tx, id).map_err(|e| VaultError::sql(&dir, e))?;
            tx.commit().map_err(|e| VaultError::sql(&dir, e))?;
            return Ok(UndoReport::default());
        }
        let tx = self.conn.transaction().map_err(|e| VaultError::sql(&dir, e))?;
        let result = (|| -> rusqlite::Result<UndoReport> {
            let mut affected: BTreeSet<i64> = BTreeSet::new();
            for sql in [
                "SELECT person_id FROM phone WHERE batch_id = ?1",
                "SELECT person_id FROM email WHERE batch_id = ?1",
                "SELECT person_id FROM handle WHERE batch_id = ?1",
                "SELECT person_id FROM alias WHERE batch_id = ?1",
                "SELECT person_id FROM membership WHERE batch_id = ?1",
            ] {
                let mut stmt = tx.prepare(sql)?;
                for row in stmt.query_map([id], |r| r.get::<_, i64>(0))? {
                    affected.insert(row?);
                }
            }
            let groups: Vec<i64> = {
                let mut stmt = tx.prepare("SELECT DISTINCT grp_id FROM message_chunk WHERE batch_id = ?1")?;
                stmt.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?
            };
            let kept_edited: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM phone WHERE batch_id = ?1 AND edited = 1)
                      + (SELECT count(*) FROM email WHERE batch_id = ?1 AND edited = 1)
                      + (SELECT count(*) FROM handle WHERE batch_id = ?1 AND edited = 1)
                      + (SELECT count(*) FROM person WHERE batch_id = ?1 AND edited = 1)",
                [id],
                |r| r.get(0),
            )?;
            text_index::forget_batch(&tx, id)?;
            tx.execute_batch(&format!(
                "UPDATE membership SET left_group = 0 WHERE id IN (SELECT membership_id FROM claim_left WHERE batch_id = {id});
                 DELETE FROM claim_left WHERE batch_id = {id};
                 DELETE FROM provenance WHERE batch_id = {id};
                 DELETE FROM message_chunk WHERE batch_id = {id};
                 DELETE FROM phone WHERE batch_id = {id} AND edited = 0;
                 DELETE FROM email WHERE batch_id = {id} AND edited = 0;
                 DELETE FROM handle_source WHERE batch_id = {id};
                 DELETE FROM handle WHERE batch_id = {id} AND edited = 0;
                 DELETE FROM group_signer WHERE batch_id = {id};
                 DELETE FROM claim_match WHERE batch_id = {id};
                 DELETE FROM alias WHERE batch_id = {id};
                 DELETE FROM membership WHERE batch_id = {id};
                 DELETE FROM person WHERE batch_id = {id} AND edited = 0
                   AND NOT EXISTS (SELECT 1 FROM phone WHERE person_id = person.id)
                   AND NOT EXISTS (SELECT 1 FROM email WHERE person_id = person.id)
                   AND NOT EXISTS (SELECT 1 FROM membership WHERE person_id = person.id);
                 DELETE FROM grp WHERE batch_id = {id}
                   AND NOT EXISTS (SELECT 1 FROM membership WHERE grp_id = grp.id)
                   AND NOT EXISTS (SELECT 1 FROM message_chunk WHERE grp_id = grp.id);
                 DELETE FROM source WHERE batch_id = {id};"
            ))?;
            // Rosters of rooms that keep other batches' messages: recount from what remains.
            for grp in groups {
                recount_roster(&tx, grp)?;
            }
            for person in affected {
                refresh_haystack(&tx, person)?;
            }
            tx.execute("UPDATE batch SET undone_at = ?2 WHERE id = ?1", params![id, super::ingest::now()])?;
            Ok(UndoReport { removed: Added::default(), kept_edited })
        })();
        match result {
            Ok(mut report) => {
                tx.commit().map_err(|e| VaultError::sql(&dir, e))?;
                report.removed = Added {
                    people: before.people,
                    phones: before.phones - report.kept_edited.min(before.phones),
                    emails: before.emails,
                    groups: before.groups,
                    messages: before.messages,
                };
                Ok(report)
            }
            Err(e) => Err(VaultError::sql(&dir, e)),
        }
    }
}

/// A room's roster statistics, counted again from the messages it keeps.
fn recount_roster(tx: &Transaction, grp_id: i64) -> rusqlite::Result<()> {
    // Per display name: messages, first and last time.
    let mut tally: HashMap<String, (i64, NaiveDateTime, NaiveDateTime)> = HashMap::new();
    chunk::for_each_chunk(tx, "grp_id = ?1", [grp_id], |c| {
        for m in c.messages()? {
            let t = tally.entry(m.sender.to_owned()).or_insert((0, m.at, m.at));
            *t = (t.0 + 1, t.1.min(m.at), t.2.max(m.at));
        }
        Ok(())
    })?;
    let names: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, display_name FROM membership WHERE grp_id = ?1")?;
        stmt.query_map([grp_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?
    };
    let mut update =
        tx.prepare("UPDATE membership SET messages = ?2, first_seen = ?3, last_seen = ?4 WHERE id = ?1")?;
    for (id, name) in names {
        let (count, first, last) = match tally.get(&name) {
            Some((n, first, last)) => (*n, Some(stamp(*first)), Some(stamp(*last))),
            None => (0, None, None),
        };
        update.execute(params![id, count, first, last])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::edit::tests::sample;

    /// The history counts an import's people, phones and e-mails through
    /// their batch index, not by reading the whole table.
    #[test]
    fn batch_counts_use_the_batch_indexes() {
        let (_d, v, _) = sample();
        for (table, index) in [("person", "person_batch"), ("phone", "phone_batch"), ("email", "email_batch")] {
            let plan: String = v
                .conn
                .query_row(&format!("EXPLAIN QUERY PLAN SELECT count(*) FROM {table} WHERE batch_id = 1"), [], |r| {
                    r.get(3)
                })
                .unwrap();
            assert!(plan.contains(index), "{table}: {plan}");
        }
    }
}
