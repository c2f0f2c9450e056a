//! Message search: a trigram full-text index over the text of chunked
//! messages, brought up to date lazily, and the search itself.
//!
//! Filling the index costs more than storing a million messages, so imports
//! leave it to the first message search ([`Vault::index_messages`]): contacts
//! and rosters are usable the moment the import returns. The setting
//! `fts_chunks_upto` is the highest chunk id the index holds.
//!
//! The index is contentless: it gives candidate messages by their coded id,
//! and each candidate's text, read back from its chunk, is checked for the
//! query. Queries under three characters have no trigram and scan the chunks.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};

use super::chunk::{self, Chunk, coded_id};
use super::ingest::stamp;
use super::{ContextMessage, MessageHit, Vault, VaultError};
use crate::model::MessageKind;
use crate::text::nfc;

const UPTO: &str = "fts_chunks_upto";

fn indexed_upto(conn: &Connection) -> rusqlite::Result<i64> {
    let value: Option<String> =
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [UPTO], |r| r.get(0)).optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

fn set_indexed_upto(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO setting(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![UPTO, id.to_string()],
    )?;
    Ok(())
}

/// Before a batch's chunks are deleted: take their indexed messages out of the index.
pub(super) fn forget_batch(conn: &Connection, batch_id: i64) -> rusqlite::Result<()> {
    let upto = indexed_upto(conn)?;
    let mut delete = conn.prepare_cached("DELETE FROM message_text WHERE rowid = ?1")?;
    chunk::for_each_chunk(conn, "batch_id = ?1 AND id <= ?2", params![batch_id, upto], |c| {
        for (i, m) in c.messages()?.iter().enumerate() {
            if m.kind == MessageKind::Text {
                delete.execute([coded_id(c.id, i)])?;
            }
        }
        Ok(())
    })
}

/// After chunks were deleted: ids above the highest remaining one may be
/// handed out again, so the index must not claim them.
pub(super) fn clamp(conn: &Connection) -> rusqlite::Result<()> {
    let max: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM message_chunk", [], |r| r.get(0))?;
    if indexed_upto(conn)? > max {
        set_indexed_upto(conn, max)?;
    }
    Ok(())
}

/// The full-text query for `q`: every trigram of it (the tokenizer folds case).
fn trigram_query(q: &str) -> String {
    let chars: Vec<char> = q.chars().collect();
    let grams: Vec<String> =
        chars.windows(3).map(|w| format!("\"{}\"", w.iter().collect::<String>().replace('"', "\"\""))).collect();
    grams.join(" AND ")
}

impl Vault {
    /// Add every message not yet in the full-text index, in one transaction.
    /// Returns how many messages were indexed.
    pub fn index_messages(&self) -> Result<u64, VaultError> {
        let run = || -> rusqlite::Result<u64> {
            let tx = self.conn.unchecked_transaction()?;
            let upto = indexed_upto(&tx)?;
            let max: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM message_chunk", [], |r| r.get(0))?;
            if max <= upto {
                return Ok(0);
            }
            let mut added = 0;
            {
                let mut insert = tx.prepare_cached("INSERT INTO message_text(rowid, body) VALUES (?1, ?2)")?;
                chunk::for_each_chunk(&tx, "id > ?1", [upto], |c| {
                    for (i, m) in c.messages()?.iter().enumerate() {
                        if m.kind == MessageKind::Text {
                            insert.execute(params![coded_id(c.id, i), m.text])?;
                            added += 1;
                        }
                    }
                    Ok(())
                })?;
            }
            set_indexed_upto(&tx, max)?;
            tx.commit()?;
            Ok(added)
        };
        run().map_err(|e| self.sql(e))
    }

    /// Text messages containing `query` (Korean substrings included, case
    /// ignored), newest first.
    pub fn search_messages(&self, query: &str, limit: usize) -> Result<Vec<MessageHit>, VaultError> {
        let q = nfc(query);
        if q.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        self.index_messages()?;
        self.find_messages(&q, limit).map_err(|e| self.sql(e))
    }

    fn find_messages(&self, q: &str, limit: usize) -> rusqlite::Result<Vec<MessageHit>> {
        let needle = q.to_lowercase();
        let mut found: Vec<(NaiveDateTime, i64)> = Vec::new();
        let mut check = |c: &Chunk, only: Option<&[usize]>| -> rusqlite::Result<()> {
            let messages = c.messages()?;
            let mut keep = |i: usize| {
                if let Some(m) = messages.get(i)
                    && m.kind == MessageKind::Text
                    && m.text.to_lowercase().contains(&needle)
                {
                    found.push((m.at, coded_id(c.id, i)));
                }
            };
            match only {
                Some(indexes) => indexes.iter().for_each(|i| keep(*i)),
                None => (0..messages.len()).for_each(keep),
            }
            Ok(())
        };
        if q.chars().count() >= 3 {
            let mut candidates: HashMap<i64, Vec<usize>> = HashMap::new();
            let mut stmt = self.conn.prepare_cached("SELECT rowid FROM message_text WHERE message_text MATCH ?1")?;
            for id in stmt.query_map([trigram_query(q)], |r| r.get::<_, i64>(0))? {
                let (c, i) = chunk::split_id(id?);
                candidates.entry(c).or_default().push(i);
            }
            for (id, indexes) in candidates {
                if let Some(c) = chunk::chunk(&self.conn, id)? {
                    check(&c, Some(&indexes))?;
                }
            }
        } else {
            chunk::for_each_chunk(&self.conn, "1", [], |c| check(&c, None))?;
        }
        found.sort_unstable_by(|a, b| b.cmp(a));
        found.truncate(limit);
        found.iter().map(|(_, id)| self.message_hit(*id)).collect()
    }

    fn message_hit(&self, id: i64) -> rusqlite::Result<MessageHit> {
        let (chunk_id, index) = chunk::split_id(id);
        let (group, group_id): (String, i64) = self.conn.query_row(
            "SELECT g.name, g.id FROM message_chunk c JOIN grp g ON g.id = c.grp_id WHERE c.id = ?1",
            [chunk_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let c = chunk::chunk(&self.conn, chunk_id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
        let messages = c.messages()?;
        let m = messages.get(index).ok_or(rusqlite::Error::QueryReturnedNoRows)?;
        let shown = |m: &chunk::StoredText| ContextMessage {
            sender: m.sender.to_owned(),
            at: stamp(m.at),
            text: m.text.to_owned(),
        };
        Ok(MessageHit {
            id,
            group,
            group_id,
            sender: m.sender.to_owned(),
            at: stamp(m.at),
            text: m.text.to_owned(),
            before: messages[index.saturating_sub(CONTEXT)..index].iter().map(shown).collect(),
            after: messages.iter().skip(index + 1).take(CONTEXT).map(shown).collect(),
        })
    }
}

/// Messages shown before and after a hit (from its stored chunk: a few
/// thousand of the room's messages in the order they were exported).
const CONTEXT: usize = 2;
