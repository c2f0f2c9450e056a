//! Message search: the newest text messages containing the query (Korean
//! substrings included, case ignored) and how many there are, from the
//! search index the import wrote (`text_index`), each hit read back from its
//! chunk with the messages around it.

use std::collections::HashMap;

use super::chunk::{self, ChunkReader, StoredText};
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
        // One read transaction: the index, then each hit's chunk and room.
        self.reading(|| run().map_err(|e| self.sql(e)))
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
        let mut reader = ChunkReader::new(&self.conn);
        let mut hits: Vec<Option<MessageHit>> = vec![None; ids.len()];
        for (chunk_id, wanted) in by_chunk {
            let (name, group_id): (String, i64) = group.query_row([chunk_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            // Only the hits and their context are read.
            let mut indexes: Vec<usize> = wanted.iter().map(|(_, i)| *i).collect();
            indexes.sort_unstable();
            let near = |i: usize| {
                indexes.get(indexes.partition_point(|hit| hit + CONTEXT < i)).is_some_and(|hit| *hit <= i + CONTEXT)
            };
            let end = indexes.last().map_or(0, |i| i + CONTEXT + 1);
            let messages = reader.messages_where(chunk_id, end, near)?;
            let at = |i: usize| messages.binary_search_by_key(&i, |(index, _)| *index).ok().map(|k| &messages[k].1);
            for (slot, index) in wanted {
                hits[slot] = Some(hit(ids[slot], index, at, &name, group_id)?);
            }
        }
        hits.into_iter().map(|h| h.ok_or(rusqlite::Error::QueryReturnedNoRows)).collect()
    }
}

fn hit<'a>(
    id: i64,
    index: usize,
    at: impl Fn(usize) -> Option<&'a StoredText<'a>>,
    group: &str,
    group_id: i64,
) -> rusqlite::Result<MessageHit> {
    let m = at(index).ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    let shown =
        |m: &StoredText| ContextMessage { sender: m.sender.to_owned(), at: stamp(m.at), text: m.text.to_owned() };
    Ok(MessageHit {
        id,
        group: group.to_owned(),
        group_id,
        sender: m.sender.to_owned(),
        at: stamp(m.at),
        text: m.text.to_owned(),
        before: (index.saturating_sub(CONTEXT)..index).filter_map(&at).map(shown).collect(),
        after: (index + 1..=index + CONTEXT).filter_map(&at).map(shown).collect(),
    })
}
