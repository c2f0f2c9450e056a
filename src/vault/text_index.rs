//! The message search index: written with the messages it covers, in the
//! same transaction, so a search never waits for it to be filled.
//!
//! Each batch that adds messages gets one segment (`seg` = the batch id;
//! 0 for messages older than batches), removed with its batch on undo.
//! A segment indexes the batch's distinct texts, case folded: chats repeat
//! themselves ("네", "ㅋㅋㅋ", "사진"), so a text is cut into grams once
//! however often it was sent. Texts are numbered by their newest message,
//! newest first, and each text lists its messages newest first: the newest
//! hits of a query are among its first matching texts.
//! - `text_index_gram`: for every gram of one, two and three characters, the
//!   texts holding it (delta-coded text numbers), each with its message count.
//!   A query of up to three characters is one gram, so its matches and their
//!   count come from one row; a longer one intersects its trigrams, then
//!   checks each candidate's text.
//! - `text_index_text`: the folded texts, a block of [`BLOCK`] per row.
//! - `text_index_seen`: per text of a block, its messages (time and coded
//!   id), newest first; the first [`INLINE`] there, the rest in
//!   `text_index_more`, read only for a result list that long.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use foldhash::fast::RandomState;
use rusqlite::{Connection, OptionalExtension, params};

use super::blob_read::BlobColumn;
use super::chunk::{self, coded_id, put_varint, unzigzag, varint, zigzag};
use crate::model::MessageKind;

/// Texts per row of `text_index_text` and `text_index_seen`.
const BLOCK: usize = 256;
/// Messages of a text kept beside it in its block.
const INLINE: usize = 128;

/// The text as searched: lower case, as the query is.
pub(super) fn fold(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(has_lower_case) { text.to_lowercase().into() } else { text.into() }
}

/// True when lower case changes `c`. Hangul and CJK have no case: they
/// skip the case tables.
fn has_lower_case(c: char) -> bool {
    match c {
        '\0'..='\x7F' => c.is_ascii_uppercase(),
        '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7FF}' => false,
        _ => {
            let mut lower = c.to_lowercase();
            lower.next() != Some(c) || lower.next().is_some()
        }
    }
}

/// A gram of one to three characters as one number: 21 bits a character, each
/// plus one so that shorter grams never equal longer ones.
fn gram(chars: &[char]) -> i64 {
    chars.iter().fold(0i64, |code, c| (code << 21) | (*c as i64 + 1))
}

/// The distinct grams of one to three characters of `chars`.
fn grams_of(chars: &[char], out: &mut Vec<i64>) {
    out.clear();
    for n in 1..=3 {
        out.extend(chars.windows(n).map(gram));
    }
    out.sort_unstable();
    out.dedup();
}

/// Collects one batch's text messages, then writes its segment.
#[derive(Default)]
pub(super) struct IndexBuilder {
    texts: HashMap<Box<str>, u32, RandomState>,
    /// (time in seconds, coded id, text in arrival order) per message.
    seen: Vec<(i64, i64, u32)>,
}

impl IndexBuilder {
    /// Add a message; only text messages are searched.
    pub(super) fn add(&mut self, id: i64, at: NaiveDateTime, kind: MessageKind, text: &str) {
        if kind != MessageKind::Text {
            return;
        }
        let folded = fold(text);
        let text = match self.texts.get(folded.as_ref()) {
            Some(t) => *t,
            None => {
                let t = self.texts.len() as u32;
                self.texts.insert(folded.into_owned().into_boxed_str(), t);
                t
            }
        };
        self.seen.push((at.and_utc().timestamp(), id, text));
    }

    /// Write the segment `seg` (the batch's id) into the vault.
    pub(super) fn write(self, conn: &Connection, seg: i64) -> rusqlite::Result<()> {
        if self.seen.is_empty() {
            return Ok(());
        }
        let IndexBuilder { texts, mut seen } = self;
        // Rooms arrive oldest first: reversed, each is one run the stable sort only merges.
        seen.reverse();
        seen.sort_by_key(|m| std::cmp::Reverse((m.0, m.1)));
        // Number the texts by their newest message.
        let mut number = vec![u32::MAX; texts.len()];
        let mut count = Vec::with_capacity(texts.len());
        for (_, _, t) in &seen {
            let n = &mut number[*t as usize];
            if *n == u32::MAX {
                *n = count.len() as u32;
                count.push(0u32);
            }
            count[*n as usize] += 1;
        }
        let mut ordered: Vec<Option<Box<str>>> = vec![None; texts.len()];
        for (text, t) in texts {
            ordered[number[t as usize] as usize] = Some(text);
        }
        // Each text's messages, newest first, as runs in one array.
        let mut start = Vec::with_capacity(count.len() + 1);
        start.push(0usize);
        for c in &count {
            start.push(start.last().copied().unwrap_or(0) + *c as usize);
        }
        let mut fill = start.clone();
        let mut runs = vec![(0i64, 0i64); seen.len()];
        for (at, id, t) in seen {
            let n = number[t as usize] as usize;
            runs[fill[n]] = (at, id);
            fill[n] += 1;
        }
        let mut postings: HashMap<i64, Vec<u8>, RandomState> = HashMap::default();
        let mut last: HashMap<i64, u32, RandomState> = HashMap::default();
        let (mut chars, mut grams) = (Vec::new(), Vec::new());
        for (n, text) in ordered.iter().enumerate() {
            chars.clear();
            chars.extend(text.as_deref().unwrap_or_default().chars());
            grams_of(&chars, &mut grams);
            for g in &grams {
                let list = postings.entry(*g).or_default();
                let previous = last.insert(*g, n as u32).map_or(0, |p| p + 1);
                put_varint(list, u64::from(n as u32 - previous));
                put_varint(list, u64::from(count[n]));
            }
        }
        let mut put_gram =
            conn.prepare_cached("INSERT INTO text_index_gram(seg, gram, postings) VALUES (?1, ?2, ?3)")?;
        let mut keys: Vec<i64> = postings.keys().copied().collect();
        keys.sort_unstable();
        for g in keys {
            put_gram.execute(params![seg, g, postings[&g]])?;
        }
        let mut put_text = conn.prepare_cached("INSERT INTO text_index_text(id, texts) VALUES (?1, ?2)")?;
        let mut put_seen = conn.prepare_cached("INSERT INTO text_index_seen(id, seen) VALUES (?1, ?2)")?;
        let mut put_more = conn.prepare_cached("INSERT INTO text_index_more(id, seen) VALUES (?1, ?2)")?;
        let (mut text_blob, mut seen_blob, mut more_blob) = (Vec::new(), Vec::new(), Vec::new());
        for (b, block) in ordered.chunks(BLOCK).enumerate() {
            text_blob.clear();
            seen_blob.clear();
            for (i, text) in block.iter().enumerate() {
                let text = text.as_deref().unwrap_or_default();
                put_varint(&mut text_blob, text.len() as u64);
                text_blob.extend_from_slice(text.as_bytes());
                let n = b * BLOCK + i;
                let run = &runs[start[n]..start[n + 1]];
                let inline = run.len().min(INLINE);
                put_run(&mut seen_blob, &run[..inline]);
                if run.len() > inline {
                    more_blob.clear();
                    put_run(&mut more_blob, &run[inline..]);
                    put_more.execute(params![row(seg, n), more_blob])?;
                }
            }
            put_text.execute(params![row(seg, b), text_blob])?;
            put_seen.execute(params![row(seg, b), seen_blob])?;
        }
        conn.prepare_cached("INSERT INTO text_index_segment(seg, texts) VALUES (?1, ?2)")?
            .execute(params![seg, ordered.len() as i64])?;
        Ok(())
    }
}

/// A run of messages, newest first: its length, then per message the time
/// (the first as is, then back from the one before) and the coded id
/// (as a difference from the one before).
fn put_run(out: &mut Vec<u8>, run: &[(i64, i64)]) {
    put_varint(out, run.len() as u64);
    let (mut at, mut id) = (0i64, 0i64);
    for (i, (t, m)) in run.iter().enumerate() {
        put_varint(out, if i == 0 { zigzag(*t) } else { (at - t) as u64 });
        put_varint(out, zigzag(m - id));
        (at, id) = (*t, *m);
    }
}

fn damaged(what: &'static str) -> rusqlite::Error {
    super::error::Damage::error("damage_search_index", crate::args![part => what])
}

/// From a blob of `put_run`s: up to `take` messages of each run whose
/// index is in `wanted` (ascending), into `out`.
fn read_runs(blob: &[u8], wanted: &[usize], take: usize, out: &mut Vec<(i64, i64)>) -> rusqlite::Result<()> {
    let bad = || damaged("seen");
    let mut pos = 0;
    let mut w = 0;
    let mut index = 0;
    while pos < blob.len() && w < wanted.len() {
        let len = varint(blob, &mut pos).ok_or_else(bad)? as usize;
        let keep = if wanted[w] == index {
            w += 1;
            take
        } else {
            0
        };
        let (mut at, mut id) = (0i64, 0i64);
        for i in 0..len {
            let t = varint(blob, &mut pos).ok_or_else(bad)?;
            at = if i == 0 { unzigzag(t) } else { at - t as i64 };
            id += unzigzag(varint(blob, &mut pos).ok_or_else(bad)?);
            if i < keep {
                out.push((at, id));
            }
        }
        index += 1;
    }
    Ok(())
}

/// Messages matching a search: how many, and the newest (time, coded id) first.
pub(super) struct Matches {
    pub(super) total: u64,
    pub(super) newest: Vec<(i64, i64)>,
}

/// The text messages whose folded text contains `query` (folded, not empty):
/// their count and the `limit` newest.
pub(super) fn find(conn: &Connection, query: &str, limit: usize) -> rusqlite::Result<Matches> {
    let chars: Vec<char> = query.chars().collect();
    let exact = chars.len() <= 3;
    let mut grams: Vec<i64> = if exact { vec![gram(&chars)] } else { chars.windows(3).map(gram).collect() };
    grams.sort_unstable();
    grams.dedup();
    let segments: Vec<i64> = {
        let mut stmt = conn.prepare_cached("SELECT seg FROM text_index_segment ORDER BY seg")?;
        stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
    };
    let mut found = Matches { total: 0, newest: Vec::new() };
    for seg in segments {
        let Some(texts) = segment_matches(conn, seg, &grams)? else { continue };
        let texts = if exact { texts } else { verified(conn, seg, texts, query)? };
        found.total += texts.iter().map(|(_, n)| u64::from(*n)).sum::<u64>();
        // The newest `limit` messages are among the first `limit` texts.
        found.newest.extend(seen_of(conn, seg, &texts[..texts.len().min(limit)], limit)?);
    }
    found.newest.sort_unstable_by(|a, b| b.cmp(a));
    found.newest.truncate(limit);
    Ok(found)
}

/// The segment's texts holding every gram, with their message counts: None when one gram is in none.
fn segment_matches(conn: &Connection, seg: i64, grams: &[i64]) -> rusqlite::Result<Option<Vec<(u32, u32)>>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM text_index_gram WHERE seg = ?1 AND gram = ?2")?;
    let mut column = BlobColumn::new(conn, c"text_index_gram", c"postings");
    let mut lists = Vec::with_capacity(grams.len());
    for g in grams {
        let Some(id) = stmt.query_row(params![seg, g], |r| r.get::<_, i64>(0)).optional()? else {
            return Ok(None);
        };
        let mut blob = Vec::new();
        column.read_row(id, &mut blob)?;
        lists.push(blob);
    }
    lists.sort_by_key(Vec::len);
    let mut matched = postings(&lists[0])?;
    for other in &lists[1..] {
        let other = postings(other)?;
        let mut j = 0;
        matched.retain(|(t, _)| {
            while j < other.len() && other[j].0 < *t {
                j += 1;
            }
            j < other.len() && other[j].0 == *t
        });
        if matched.is_empty() {
            break;
        }
    }
    Ok(Some(matched))
}

fn postings(blob: &[u8]) -> rusqlite::Result<Vec<(u32, u32)>> {
    let bad = || damaged("gram");
    let mut out = Vec::new();
    let (mut pos, mut next) = (0, 0u64);
    while pos < blob.len() {
        let text = next + varint(blob, &mut pos).ok_or_else(bad)?;
        let count = varint(blob, &mut pos).ok_or_else(bad)?;
        out.push((u32::try_from(text).map_err(|_| bad())?, u32::try_from(count).map_err(|_| bad())?));
        next = text + 1;
    }
    Ok(out)
}

/// The candidates whose text really contains `query`.
fn verified(
    conn: &Connection,
    seg: i64,
    candidates: Vec<(u32, u32)>,
    query: &str,
) -> rusqlite::Result<Vec<(u32, u32)>> {
    let mut column = BlobColumn::new(conn, c"text_index_text", c"texts");
    let mut blob = Vec::new();
    let mut out = Vec::with_capacity(candidates.len());
    for run in candidates.chunk_by(|a, b| a.0 as usize / BLOCK == b.0 as usize / BLOCK) {
        column.read_row(row(seg, run[0].0 as usize / BLOCK), &mut blob)?;
        let texts = block_texts(&blob)?;
        for (t, n) in run {
            let Some(bytes) = texts.get(*t as usize % BLOCK) else { continue };
            if std::str::from_utf8(bytes).map_err(|_| damaged("text"))?.contains(query) {
                out.push((*t, *n));
            }
        }
    }
    Ok(out)
}

/// The texts of a block, as bytes: only the candidates' are checked to be UTF-8.
fn block_texts(blob: &[u8]) -> rusqlite::Result<Vec<&[u8]>> {
    let bad = || damaged("text");
    let mut out = Vec::with_capacity(BLOCK);
    let mut pos = 0;
    while pos < blob.len() {
        let len = varint(blob, &mut pos).ok_or_else(bad)? as usize;
        let bytes = blob.get(pos..pos.checked_add(len).ok_or_else(bad)?).ok_or_else(bad)?;
        out.push(bytes);
        pos += len;
    }
    Ok(out)
}

/// Up to `limit` newest messages of each of these texts (in text order).
fn seen_of(conn: &Connection, seg: i64, texts: &[(u32, u32)], limit: usize) -> rusqlite::Result<Vec<(i64, i64)>> {
    let mut blocks = BlobColumn::new(conn, c"text_index_seen", c"seen");
    let mut more = BlobColumn::new(conn, c"text_index_more", c"seen");
    let mut blob = Vec::new();
    let mut out = Vec::new();
    for run in texts.chunk_by(|a, b| a.0 as usize / BLOCK == b.0 as usize / BLOCK) {
        let block = run[0].0 as usize / BLOCK;
        blocks.read_row(row(seg, block), &mut blob)?;
        let wanted: Vec<usize> = run.iter().map(|(t, _)| *t as usize % BLOCK).collect();
        read_runs(&blob, &wanted, limit, &mut out)?;
        for (text, count) in run {
            if limit > INLINE && *count as usize > INLINE {
                more.read_row(row(seg, *text as usize), &mut blob)?;
                read_runs(&blob, &[0], limit - INLINE, &mut out)?;
            }
        }
    }
    Ok(out)
}

/// Index every stored message (a vault from before the index): one segment per batch.
pub(super) fn index_stored(conn: &Connection) -> rusqlite::Result<()> {
    let batches: Vec<Option<i64>> = {
        let mut stmt = conn.prepare("SELECT DISTINCT batch_id FROM message_chunk ORDER BY batch_id")?;
        stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
    };
    for batch in batches {
        let mut builder = IndexBuilder::default();
        chunk::for_each_chunk(conn, "batch_id IS ?1", [batch], |c| {
            for (i, m) in c.messages()?.iter().enumerate() {
                builder.add(coded_id(c.id, i), m.at, m.kind, m.text);
            }
            Ok(())
        })?;
        builder.write(conn, batch.unwrap_or(0))?;
    }
    Ok(())
}

/// Take a batch's segment out of the index (its messages are being deleted).
pub(super) fn forget_batch(conn: &Connection, batch_id: i64) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM text_index_gram WHERE seg = ?1", [batch_id])?;
    conn.execute("DELETE FROM text_index_segment WHERE seg = ?1", [batch_id])?;
    for table in ["text_index_text", "text_index_seen", "text_index_more"] {
        conn.execute(
            &format!("DELETE FROM {table} WHERE id >= ?1 AND id < ?2"),
            [row(batch_id, 0), row(batch_id + 1, 0)],
        )?;
    }
    Ok(())
}

/// The row id of a segment's block or text.
fn row(seg: i64, n: usize) -> i64 {
    (seg << 32) | n as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_lower_case_for_every_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(has_lower_case(c), s.to_lowercase() != s, "{c:?}");
        }
        assert_eq!(fold("Let's MEET 내일"), "let's meet 내일");
        assert_eq!(fold("ΟΔΟΣ"), "ΟΔΟΣ".to_lowercase());
    }

    #[test]
    fn grams_of_different_lengths_never_collide() {
        let mut grams = Vec::new();
        grams_of(&['a', 'b', 'c'], &mut grams);
        assert_eq!(grams.len(), 6);
        assert_ne!(gram(&['\0']), gram(&['\0', '\0']));
        assert_ne!(gram(&['\u{10FFFF}', 'a']), gram(&['a', '\u{10FFFF}']));
    }

    #[test]
    fn runs_read_back_as_written() {
        let runs: Vec<Vec<(i64, i64)>> =
            vec![vec![(1_700_000_000, 70_000), (1_600_000_000, 65_537)], vec![], vec![(-86_400, 5), (-90_000, 9)]];
        let mut blob = Vec::new();
        for run in &runs {
            put_run(&mut blob, run);
        }
        let mut out = Vec::new();
        read_runs(&blob, &[0, 2], 1, &mut out).unwrap();
        assert_eq!(out, vec![runs[0][0], runs[2][0]]);
        out.clear();
        read_runs(&blob, &[2], 9, &mut out).unwrap();
        assert_eq!(out, runs[2]);
        assert!(read_runs(&blob[..blob.len() - 1], &[2], 9, &mut out).is_err());
    }
}
