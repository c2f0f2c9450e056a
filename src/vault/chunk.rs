//! Messages are stored in chunks: a few thousand of one room's messages,
//! from one import, packed into one row.
//!
//! A row per message cost more than parsing the whole export: a million rows
//! and a million unique-index entries, each encrypted page by page. Packed,
//! a million messages are a few hundred rows of blobs, and SQLCipher's work is
//! close to writing the text once. What the vault asks of messages still works:
//! - dedup: each chunk keeps its messages' fingerprints (`fps`), loaded into a
//!   set when an import adds to a room that already has messages;
//! - recognising a room and its members: the fingerprint range of each chunk
//!   (`first_fp`, `last_fp`) finds the chunks to look in;
//! - search: the search index (`text_index`) finds messages by their coded
//!   id (`chunk << 16 | index`, see [`coded_id`]) and the hit is read back here;
//! - undo: a chunk belongs to one batch.
//!
//! Layout of one chunk:
//! - `senders`: the display names of its senders, each a varint length and UTF-8;
//! - `who`: per message, the sender's index in `senders` (u16, little-endian);
//! - `fps`: per message, its fingerprint (i64, little-endian);
//! - `body`: per message, varints for the time (seconds, as a difference from
//!   the previous message) and the kind, then the text's length and bytes.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDateTime};
use foldhash::fast::RandomState;
use rusqlite::{Connection, MAIN_DB, OptionalExtension, params};

use super::blob_read::BlobColumn;
use crate::model::MessageKind;

/// Messages per chunk: a coded id keeps 16 bits for the index in its chunk.
const PER_CHUNK: usize = 4096;
/// Text per chunk: rows stay a few dozen pages.
const BODY_BYTES: usize = 256 * 1024;

/// The id search and provenance use for the `index`th message of chunk `chunk`.
pub(super) fn coded_id(chunk: i64, index: usize) -> i64 {
    (chunk << 16) | index as i64
}

pub(super) fn split_id(id: i64) -> (i64, usize) {
    (id >> 16, (id & 0xFFFF) as usize)
}

/// One message read back from a chunk.
pub(super) struct StoredText<'a> {
    pub(super) sender: &'a str,
    pub(super) at: NaiveDateTime,
    pub(super) kind: MessageKind,
    pub(super) text: &'a str,
    pub(super) fp: i64,
}

/// A chunk's columns as read from its row.
pub(super) struct Chunk {
    pub(super) id: i64,
    senders: Vec<u8>,
    who: Vec<u8>,
    fps: Vec<u8>,
    body: Vec<u8>,
}

fn damaged(id: i64) -> rusqlite::Error {
    super::error::Damage::error("damage_message_chunk", crate::args![id => id])
}

impl Chunk {
    const COLUMNS: &'static str = "id, senders, who, fps, body";

    fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Chunk> {
        Ok(Chunk { id: r.get(0)?, senders: r.get(1)?, who: r.get(2)?, fps: r.get(3)?, body: r.get(4)? })
    }

    /// Every message of the chunk, in the order it was written.
    pub(super) fn messages(&self) -> rusqlite::Result<Vec<StoredText<'_>>> {
        Ok(self.messages_where(usize::MAX, |_| true)?.into_iter().map(|(_, m)| m).collect())
    }

    /// The messages before index `end` whose index passes `keep`, each with
    /// its index (the others are skipped over, their text not read).
    pub(super) fn messages_where(
        &self,
        end: usize,
        keep: impl Fn(usize) -> bool,
    ) -> rusqlite::Result<Vec<(usize, StoredText<'_>)>> {
        let bad = || damaged(self.id);
        let mut names = Vec::new();
        let mut at = 0;
        while at < self.senders.len() {
            let len = varint(&self.senders, &mut at).ok_or_else(bad)? as usize;
            let bytes = self.senders.get(at..at.checked_add(len).ok_or_else(bad)?).ok_or_else(bad)?;
            names.push(std::str::from_utf8(bytes).map_err(|_| bad())?);
            at += len;
        }
        let count = self.fps.len() / 8;
        if self.who.len() != count * 2 {
            return Err(bad());
        }
        let mut out = Vec::new();
        let (mut pos, mut secs) = (0usize, 0i64);
        for (i, fp) in self.fps().enumerate().take(end) {
            let who = u16::from_le_bytes([self.who[2 * i], self.who[2 * i + 1]]) as usize;
            secs = secs.checked_add(unzigzag(varint(&self.body, &mut pos).ok_or_else(bad)?)).ok_or_else(bad)?;
            let kind = *MessageKind::ALL.get(varint(&self.body, &mut pos).ok_or_else(bad)? as usize).ok_or_else(bad)?;
            let len = varint(&self.body, &mut pos).ok_or_else(bad)? as usize;
            let text = self.body.get(pos..pos.checked_add(len).ok_or_else(bad)?).ok_or_else(bad)?;
            pos += len;
            if !keep(i) {
                continue;
            }
            out.push((
                i,
                StoredText {
                    sender: names.get(who).copied().ok_or_else(bad)?,
                    at: DateTime::from_timestamp(secs, 0).ok_or_else(bad)?.naive_utc(),
                    kind,
                    text: std::str::from_utf8(text).map_err(|_| bad())?,
                    fp,
                },
            ));
        }
        Ok(out)
    }

    fn fps(&self) -> impl Iterator<Item = i64> + '_ {
        fingerprints(&self.fps)
    }
}

/// Reads the messages around search hits: of each chunk, only the bytes up
/// to the last message wanted, through blob handles (see `blob_read`).
pub(super) struct ChunkReader<'c> {
    senders: BlobColumn<'c>,
    who: BlobColumn<'c>,
    fps: BlobColumn<'c>,
    body: BlobColumn<'c>,
    chunk: Chunk,
}

impl<'c> ChunkReader<'c> {
    pub(super) fn new(conn: &'c Connection) -> ChunkReader<'c> {
        let column = |name| BlobColumn::new(conn, c"message_chunk", name);
        ChunkReader {
            senders: column(c"senders"),
            who: column(c"who"),
            fps: column(c"fps"),
            body: column(c"body"),
            chunk: Chunk { id: 0, senders: Vec::new(), who: Vec::new(), fps: Vec::new(), body: Vec::new() },
        }
    }

    /// As [`Chunk::messages_where`], of chunk `id`; an error when there is no such chunk.
    pub(super) fn messages_where(
        &mut self,
        id: i64,
        end: usize,
        keep: impl Fn(usize) -> bool,
    ) -> rusqlite::Result<Vec<(usize, StoredText<'_>)>> {
        let c = &mut self.chunk;
        c.id = id;
        self.senders.read_row(id, &mut c.senders)?;
        let count = self.fps.seek(id)? / 8;
        let end = end.min(count);
        c.fps.clear();
        self.fps.read(0..8 * end, &mut c.fps)?;
        self.who.seek(id)?;
        c.who.clear();
        self.who.read(0..2 * end, &mut c.who)?;
        // As much of the body as `end` messages take on average, then more
        // until they are all there (or the body ends: `messages_where` tells).
        let body_len = self.body.seek(id)?;
        let mut want = body_len / count.max(1) * end + 4096;
        c.body.clear();
        loop {
            let have = c.body.len();
            self.body.read(have..want, &mut c.body)?;
            if c.body.len() >= body_len || body_end(&c.body, end).is_some() {
                break;
            }
            want *= 2;
        }
        c.messages_where(end, keep)
    }
}

/// Where the `n`th message of a chunk's body ends: None when `body` is shorter.
fn body_end(body: &[u8], n: usize) -> Option<usize> {
    let mut pos = 0;
    for _ in 0..n {
        varint(body, &mut pos)?;
        varint(body, &mut pos)?;
        let len = varint(body, &mut pos)? as usize;
        pos = pos.checked_add(len).filter(|end| *end <= body.len())?;
    }
    Some(pos)
}

/// The fingerprints in a chunk's `fps` column.
fn fingerprints(blob: &[u8]) -> impl Iterator<Item = i64> + '_ {
    blob.chunks_exact(8).map(|b| i64::from_le_bytes(b.try_into().expect("chunks_exact gives 8 bytes")))
}

/// The chunks matching `filter` (a WHERE clause over `message_chunk`), in id order.
pub(super) fn chunks(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> rusqlite::Result<Vec<Chunk>> {
    let mut all = Vec::new();
    for_each_chunk(conn, filter, args, |c| {
        all.push(c);
        Ok(())
    })?;
    Ok(all)
}

/// The chunk with this id, if it is still stored.
pub(super) fn chunk(conn: &Connection, id: i64) -> rusqlite::Result<Option<Chunk>> {
    let sql = format!("SELECT {} FROM message_chunk WHERE id = ?1", Chunk::COLUMNS);
    conn.prepare_cached(&sql)?.query_row([id], Chunk::from_row).optional()
}

/// Calls `each` with every chunk matching `filter`, one at a time, so memory
/// holds one chunk however many messages the vault has.
pub(super) fn for_each_chunk(
    conn: &Connection,
    filter: &str,
    args: impl rusqlite::Params,
    mut each: impl FnMut(Chunk) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let sql = format!("SELECT {} FROM message_chunk WHERE {filter} ORDER BY id", Chunk::COLUMNS);
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(args)?;
    while let Some(row) = rows.next()? {
        each(Chunk::from_row(row)?)?;
    }
    Ok(())
}

/// The fingerprints a group's messages already have.
pub(super) fn group_fingerprints(conn: &Connection, grp_id: i64) -> rusqlite::Result<HashSet<i64, RandomState>> {
    let mut set = HashSet::default();
    let mut stmt = conn.prepare_cached("SELECT fps FROM message_chunk WHERE grp_id = ?1")?;
    let mut rows = stmt.query([grp_id])?;
    while let Some(row) = rows.next()? {
        set.extend(fingerprints(row.get_ref(0)?.as_blob()?));
    }
    Ok(set)
}

/// The display name that sent the group's message with fingerprint `fp`:
/// Some(name) when the group holds that message.
pub(super) fn sender_of(conn: &Connection, grp_id: i64, fp: i64) -> rusqlite::Result<Option<String>> {
    for chunk in chunks(conn, "grp_id = ?1 AND first_fp <= ?2 AND last_fp >= ?2", params![grp_id, fp])? {
        if let Some(i) = chunk.fps().position(|f| f == fp) {
            return Ok(Some(chunk.messages()?.swap_remove(i).sender.to_owned()));
        }
    }
    Ok(None)
}

/// The coded id of the group's first message sent at `at` by `sender`.
pub(super) fn find_message(
    conn: &Connection,
    grp_id: i64,
    at: NaiveDateTime,
    sender: &str,
) -> rusqlite::Result<Option<i64>> {
    let secs = at.and_utc().timestamp();
    for chunk in chunks(conn, "grp_id = ?1 AND first_at <= ?2 AND last_at >= ?2", params![grp_id, secs])? {
        if let Some(i) = chunk.messages()?.iter().position(|m| m.at == at && m.sender == sender) {
            return Ok(Some(coded_id(chunk.id, i)));
        }
    }
    Ok(None)
}

/// The texts of these messages by coded id; each chunk is read once.
pub(super) fn texts(conn: &Connection, ids: &[i64]) -> rusqlite::Result<HashMap<i64, String>> {
    let mut by_chunk: HashMap<i64, Vec<usize>> = HashMap::new();
    for id in ids {
        let (chunk, index) = split_id(*id);
        by_chunk.entry(chunk).or_default().push(index);
    }
    let mut out = HashMap::new();
    for (id, indexes) in by_chunk {
        let Some(chunk) = chunk(conn, id)? else { continue };
        let messages = chunk.messages()?;
        for i in indexes {
            if let Some(m) = messages.get(i) {
                out.insert(coded_id(id, i), m.text.to_owned());
            }
        }
    }
    Ok(out)
}

/// Packs one room's new messages from one batch into chunks.
pub(super) struct ChunkWriter {
    grp_id: i64,
    batch_id: Option<i64>,
    source_id: Option<i64>,
    id: i64,
    names: HashMap<String, u16, RandomState>,
    senders: Vec<u8>,
    who: Vec<u8>,
    fps: Vec<u8>,
    body: Vec<u8>,
    secs: i64,
    first_fp: i64,
    last_fp: i64,
    first_at: i64,
    last_at: i64,
}

impl ChunkWriter {
    pub(super) fn new(
        conn: &Connection,
        grp_id: i64,
        batch_id: Option<i64>,
        source_id: Option<i64>,
    ) -> rusqlite::Result<ChunkWriter> {
        let id = next_id(conn)?;
        Ok(ChunkWriter {
            grp_id,
            batch_id,
            source_id,
            id,
            names: HashMap::default(),
            senders: Vec::new(),
            who: Vec::new(),
            fps: Vec::new(),
            body: Vec::with_capacity(BODY_BYTES + BODY_BYTES / 4),
            secs: 0,
            first_fp: i64::MAX,
            last_fp: i64::MIN,
            first_at: i64::MAX,
            last_at: i64::MIN,
        })
    }

    fn len(&self) -> usize {
        self.fps.len() / 8
    }

    /// Add a message; returns its coded id. Writes the chunk when it is full.
    pub(super) fn push(
        &mut self,
        conn: &Connection,
        sender: &str,
        at: NaiveDateTime,
        kind: MessageKind,
        text: &str,
        fp: i64,
    ) -> rusqlite::Result<i64> {
        if self.len() >= PER_CHUNK || self.body.len() >= BODY_BYTES || self.names.len() >= u16::MAX as usize {
            self.flush(conn)?;
        }
        let who = match self.names.get(sender) {
            Some(i) => *i,
            None => {
                let i = self.names.len() as u16;
                put_varint(&mut self.senders, sender.len() as u64);
                self.senders.extend_from_slice(sender.as_bytes());
                self.names.insert(sender.to_owned(), i);
                i
            }
        };
        let id = coded_id(self.id, self.len());
        self.who.extend_from_slice(&who.to_le_bytes());
        self.fps.extend_from_slice(&fp.to_le_bytes());
        let secs = at.and_utc().timestamp();
        put_varint(&mut self.body, zigzag(secs - self.secs));
        self.secs = secs;
        let code = MessageKind::ALL.iter().position(|k| *k == kind).expect("ALL lists every kind");
        put_varint(&mut self.body, code as u64);
        put_varint(&mut self.body, text.len() as u64);
        self.body.extend_from_slice(text.as_bytes());
        self.first_fp = self.first_fp.min(fp);
        self.last_fp = self.last_fp.max(fp);
        self.first_at = self.first_at.min(secs);
        self.last_at = self.last_at.max(secs);
        Ok(id)
    }

    /// Write what is packed so far as one chunk row.
    pub(super) fn flush(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        if self.len() == 0 {
            return Ok(());
        }
        conn.prepare_cached(
            "INSERT INTO message_chunk(id, grp_id, batch_id, source_id, first_fp, last_fp, first_at, last_at, count,
                                       senders, who, fps, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, zeroblob(?13))",
        )?
        .execute(params![
            self.id,
            self.grp_id,
            self.batch_id,
            self.source_id,
            self.first_fp,
            self.last_fp,
            self.first_at,
            self.last_at,
            self.len() as i64,
            self.senders,
            self.who,
            self.fps,
            self.body.len() as i64
        ])?;
        // The body is written into its pages in place: bound as a value,
        // SQLite would copy it twice, and wipe each copy when it frees it.
        conn.blob_open(MAIN_DB, c"message_chunk", c"body", self.id, false)?.write_all_at(&self.body, 0)?;
        self.id += 1;
        self.names.clear();
        for buf in [&mut self.senders, &mut self.who, &mut self.fps, &mut self.body] {
            buf.clear();
        }
        self.secs = 0;
        self.first_fp = i64::MAX;
        self.last_fp = i64::MIN;
        self.first_at = i64::MAX;
        self.last_at = i64::MIN;
        Ok(())
    }
}

fn next_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM message_chunk", [], |r| r.get(0))
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(super) fn varint(buf: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *buf.get(*pos)?;
        *pos += 1;
        v |= u64::from(b & 0x7F) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

pub(super) fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub(super) fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vault_conn() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(include_str!("migrations/0005_message_chunks.sql")).unwrap();
        conn
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn a_chunk_that_does_not_decode_is_a_damaged_vault_in_the_users_language() {
        let conn = vault_conn();
        let mut w = ChunkWriter::new(&conn, 7, Some(1), Some(3)).unwrap();
        w.push(&conn, "김민수", at("2022-10-15 14:02:00"), MessageKind::Text, "제 번호 010-1234-5678", 1).unwrap();
        w.flush(&conn).unwrap();
        conn.execute("UPDATE message_chunk SET senders = x'ff'", []).unwrap();
        let chunk = chunks(&conn, "grp_id = ?1", [7]).unwrap().remove(0);
        let Err(read) = chunk.messages() else { panic!("a chunk of bad bytes read back") };
        let err = crate::vault::VaultError::sql(std::path::Path::new("/v"), read);
        assert!(matches!(err, crate::vault::VaultError::DamagedPart { .. }), "{err:?}");
        let ko = crate::i18n::render(crate::i18n::Lang::Ko, crate::i18n::Surface::Cli, &err);
        assert!(ko.contains(&format!("메시지 묶음 {}을(를) 읽을 수 없습니다", chunk.id)), "{ko}");
        assert!(!ko.contains("damaged") && !ko.contains("decode"), "{ko}");
        assert!(err.to_string().contains(&format!("message chunk {} does not decode", chunk.id)), "{err}");
    }

    #[test]
    fn messages_read_back_as_written_across_chunks() {
        let conn = vault_conn();
        let mut w = ChunkWriter::new(&conn, 7, Some(1), Some(3)).unwrap();
        let mut ids = Vec::new();
        for i in 0..(PER_CHUNK + 10) {
            let sender = if i % 3 == 0 { "김민수" } else { "Ann (회사)" };
            let kind = MessageKind::ALL[i % 3];
            let text = format!("메시지 {i} 010-1234-{i:04}");
            let t = at("1969-12-31 23:59:00") + chrono::Duration::seconds(i as i64 * 37);
            ids.push(w.push(&conn, sender, t, kind, &text, i as i64 * 11).unwrap());
        }
        w.flush(&conn).unwrap();
        let all = chunks(&conn, "grp_id = ?1", [7]).unwrap();
        assert_eq!(all.len(), 2);
        let read: Vec<_> = all.iter().flat_map(|c| c.messages().unwrap().into_iter().map(|m| (c.id, m))).collect();
        assert_eq!(read.len(), PER_CHUNK + 10);
        for (i, (chunk, m)) in read.iter().enumerate() {
            assert_eq!(ids[i], coded_id(*chunk, i % PER_CHUNK));
            assert_eq!(m.text, format!("메시지 {i} 010-1234-{i:04}"));
            assert_eq!(m.sender, if i % 3 == 0 { "김민수" } else { "Ann (회사)" });
            assert_eq!(m.at, at("1969-12-31 23:59:00") + chrono::Duration::seconds(i as i64 * 37));
            assert_eq!(m.kind, MessageKind::ALL[i % 3]);
            assert_eq!(m.fp, i as i64 * 11);
        }
        assert_eq!(sender_of(&conn, 7, 33).unwrap().as_deref(), Some("김민수"));
        assert_eq!(sender_of(&conn, 7, 34).unwrap(), None);
        let t = |i: i64| at("1969-12-31 23:59:00") + chrono::Duration::seconds(i * 37);
        assert_eq!(find_message(&conn, 7, t(PER_CHUNK as i64 + 5), "김민수").unwrap(), Some(ids[PER_CHUNK + 5]));
        assert_eq!(find_message(&conn, 7, t(4), "김민수").unwrap(), None);
        assert_eq!(group_fingerprints(&conn, 7).unwrap().len(), PER_CHUNK + 10);
        assert_eq!(
            texts(&conn, &[ids[PER_CHUNK + 2]]).unwrap()[&ids[PER_CHUNK + 2]],
            format!("메시지 {} 010-1234-{:04}", PER_CHUNK + 2, PER_CHUNK + 2)
        );
    }

    #[test]
    fn the_reader_reads_only_what_it_needs_however_the_texts_are_spread() {
        let conn = vault_conn();
        let mut w = ChunkWriter::new(&conn, 1, Some(1), None).unwrap();
        // Long texts first: the first guess of how much body to read falls short.
        let text = |i: usize| if i < 20 { format!("{i}{}", "가".repeat(3000)) } else { format!("짧은 {i}") };
        for i in 0..400 {
            let t = at("2022-10-15 14:02:00") + chrono::Duration::seconds(i as i64);
            w.push(&conn, if i % 2 == 0 { "a" } else { "b" }, t, MessageKind::Text, &text(i), i as i64).unwrap();
        }
        w.flush(&conn).unwrap();
        let id = chunks(&conn, "1", []).unwrap()[0].id;
        let mut reader = ChunkReader::new(&conn);
        let read = reader.messages_where(id, 31, |i| i == 0 || i == 30).unwrap();
        let got: Vec<_> = read.iter().map(|(i, m)| (*i, m.text.to_owned(), m.sender, m.fp)).collect();
        assert_eq!(got, vec![(0, text(0), "a", 0), (30, text(30), "a", 30)]);
        let last = reader.messages_where(id, usize::MAX, |i| i == 399).unwrap();
        assert_eq!(last[0].1.text, text(399));
        assert!(reader.messages_where(id + 1, 5, |_| true).is_err());
        assert_eq!(reader.messages_where(id, 5, |_| true).unwrap().len(), 5);
    }

    #[test]
    fn a_damaged_chunk_is_an_error_not_a_panic() {
        let conn = vault_conn();
        let mut w = ChunkWriter::new(&conn, 1, Some(1), None).unwrap();
        w.push(&conn, "a", at("2022-10-15 14:02:00"), MessageKind::Text, "hello", 1).unwrap();
        w.flush(&conn).unwrap();
        for cut in ["body", "senders", "who"] {
            conn.execute(&format!("UPDATE message_chunk SET {cut} = substr({cut}, 1, 2)"), []).unwrap();
            let chunk = chunks(&conn, "1", []).unwrap().remove(0);
            assert!(chunk.messages().is_err(), "{cut}");
        }
    }

    #[test]
    fn varints_and_zigzag_round_trip() {
        for v in [0i64, 1, -1, 63, -64, 1 << 40, i64::MIN / 2, i64::MAX / 2] {
            let mut buf = Vec::new();
            put_varint(&mut buf, zigzag(v));
            let mut pos = 0;
            assert_eq!(unzigzag(varint(&buf, &mut pos).unwrap()), v);
            assert_eq!(pos, buf.len());
        }
        assert_eq!(varint(&[0x80, 0x80], &mut 0), None);
    }
}
