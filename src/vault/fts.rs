//! The trigram full-text index over messages, brought up to date lazily.
//!
//! Filling the index costs more than storing a million messages, so imports
//! leave it to the first message search (or to the app, which calls
//! [`Vault::index_messages`] in the background after an import): contacts and
//! rosters are usable the moment the import returns. The setting
//! `fts_indexed_upto` is the highest message id the index holds.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Vault, VaultError};

const UPTO: &str = "fts_indexed_upto";

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

/// Before a batch's messages are deleted: take the indexed ones out of the index.
pub(super) fn forget_batch(conn: &Connection, batch_id: i64) -> rusqlite::Result<()> {
    let upto = indexed_upto(conn)?;
    conn.execute(
        "INSERT INTO message_fts(message_fts, rowid, body)
         SELECT 'delete', id, body FROM message WHERE batch_id = ?1 AND kind = 'text' AND id <= ?2",
        params![batch_id, upto],
    )?;
    Ok(())
}

/// After messages were deleted: ids above the highest remaining one may be
/// handed out again, so the index must not claim them.
pub(super) fn clamp(conn: &Connection) -> rusqlite::Result<()> {
    let max: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM message", [], |r| r.get(0))?;
    if indexed_upto(conn)? > max {
        set_indexed_upto(conn, max)?;
    }
    Ok(())
}

impl Vault {
    /// Add every message not yet in the full-text index, in one statement and
    /// one transaction. Returns how many messages were indexed.
    pub fn index_messages(&self) -> Result<u64, VaultError> {
        let run = || -> rusqlite::Result<u64> {
            let tx = self.conn.unchecked_transaction()?;
            let upto = indexed_upto(&tx)?;
            let max: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM message", [], |r| r.get(0))?;
            if max <= upto {
                return Ok(0);
            }
            let added = tx.execute(
                "INSERT INTO message_fts(rowid, body) SELECT id, body FROM message WHERE id > ?1 AND kind = 'text'",
                [upto],
            )?;
            set_indexed_upto(&tx, max)?;
            tx.commit()?;
            Ok(added as u64)
        };
        run().map_err(|e| self.sql(e))
    }
}
