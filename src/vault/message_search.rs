//! Message search: the newest text messages containing the query (Korean
//! substrings included, case ignored) and how many there are, from the
//! search index the import wrote (`text_index`), each hit read back from its
//! chunk with the messages around it.

use std::collections::HashMap;

use super::chunk::{self, StoredText};
use super::ingest::stamp;
use super::{ContextMessage, MessageHit, MessageResults, Vault, VaultError, text_index};
use crate::text::nfc;

/// Messages shown before and after a hit (from its stored chunk: a few
/// thousand of the room's messages in the order they were exported).
const CONTEXT: usize = 2;

impl Vault {
    /// The `limit` newest text messages containing `query`, and their count.
    pub fn search_messages(&self, query: &str, limit: usize) -> Result<MessageResults, VaultError> {
        let q = text_index::fold(&nfc(query)).into_owned();
        if q.is_empty() {
            return Ok(MessageResults { total: 0, hits: Vec::new() });
        }
        let run = || -> rusqlite::Result<MessageResults> {
            let found = text_index::find(&self.conn, &q, limit)?;
            let ids: Vec<i64> = found.newest.iter().map(|(_, id)| *id).collect();
            Ok(MessageResults { total: found.total, hits: self.message_hits(&ids)? })
        };
        run().map_err(|e| self.sql(e))
    }

    /// The hits for these coded ids, in order; each chunk is read once.
    fn message_hits(&self, ids: &[i64]) -> rusqlite::Result<Vec<MessageHit>> {
        let mut by_chunk: HashMap<i64, Vec<(usize, usize)>> = HashMap::new();
        for (slot, id) in ids.iter().enumerate() {
            let (chunk_id, index) = chunk::split_id(*id);
            by_chunk.entry(chunk_id).or_default().push((slot, index));
        }
        let mut group = self
            .conn
            .prepare_cached("SELECT g.name, g.id FROM message_chunk c JOIN grp g ON g.id = c.grp_id WHERE c.id = ?1")?;
        let mut hits: Vec<Option<MessageHit>> = vec![None; ids.len()];
        for (chunk_id, wanted) in by_chunk {
            let (name, group_id): (String, i64) = group.query_row([chunk_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let c = chunk::chunk(&self.conn, chunk_id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            // Only the hits and their context are read.
            let first = wanted.iter().map(|(_, i)| *i).min().unwrap_or(0).saturating_sub(CONTEXT);
            let last = wanted.iter().map(|(_, i)| *i).max().unwrap_or(0) + CONTEXT + 1;
            let messages = c.messages_in(first..last)?;
            for (slot, index) in wanted {
                hits[slot] = Some(hit(ids[slot], &messages, index - first, &name, group_id)?);
            }
        }
        hits.into_iter().map(|h| h.ok_or(rusqlite::Error::QueryReturnedNoRows)).collect()
    }
}

fn hit(id: i64, messages: &[StoredText], index: usize, group: &str, group_id: i64) -> rusqlite::Result<MessageHit> {
    let m = messages.get(index).ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    let shown =
        |m: &StoredText| ContextMessage { sender: m.sender.to_owned(), at: stamp(m.at), text: m.text.to_owned() };
    Ok(MessageHit {
        id,
        group: group.to_owned(),
        group_id,
        sender: m.sender.to_owned(),
        at: stamp(m.at),
        text: m.text.to_owned(),
        before: messages[index.saturating_sub(CONTEXT)..index].iter().map(shown).collect(),
        after: messages.iter().skip(index + 1).take(CONTEXT).map(shown).collect(),
    })
}
