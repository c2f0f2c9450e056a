//! Reading blobs by row id with incremental blob I/O, for search.
//!
//! A blob longer than a page, read as a column value (`Row::get`), is first
//! gathered into an allocation of SQLite's, which SQLCipher's memory security
//! locks in RAM and wipes with random bytes when it is freed; for a 256 KiB
//! chunk that cost most of a search. Read here, the bytes go straight from
//! the page cache into a buffer the caller reuses, and only the part asked
//! for is read.

use std::ffi::CStr;
use std::ops::Range;

use rusqlite::blob::Blob;
use rusqlite::{Connection, MAIN_DB};

/// One column of one table, read row by row through one reused blob handle.
pub(super) struct BlobColumn<'c> {
    conn: &'c Connection,
    table: &'static CStr,
    column: &'static CStr,
    blob: Option<Blob<'c>>,
}

impl<'c> BlobColumn<'c> {
    pub(super) fn new(conn: &'c Connection, table: &'static CStr, column: &'static CStr) -> BlobColumn<'c> {
        BlobColumn { conn, table, column, blob: None }
    }

    /// Move to row `id`; the length of its blob. An error when there is no such row.
    pub(super) fn seek(&mut self, id: i64) -> rusqlite::Result<usize> {
        // A handle that failed to move is aborted: it is dropped, and the next seek opens a new one.
        let blob = match self.blob.take() {
            Some(mut blob) => blob.reopen(id).map(|()| blob),
            None => self.conn.blob_open(MAIN_DB, self.table, self.column, id, true),
        }?;
        let len = blob.len();
        self.blob = Some(blob);
        Ok(len)
    }

    /// Append bytes `range` of the current row's blob to `out` (cut at its end).
    pub(super) fn read(&self, range: Range<usize>, out: &mut Vec<u8>) -> rusqlite::Result<()> {
        let Some(blob) = &self.blob else { return Err(rusqlite::Error::QueryReturnedNoRows) };
        let end = range.end.min(blob.len());
        if range.start >= end {
            return Ok(());
        }
        let at = out.len();
        out.resize(at + end - range.start, 0);
        blob.read_at_exact(&mut out[at..], range.start)
    }

    /// The whole blob of row `id`, into `out` (cleared first).
    pub(super) fn read_row(&mut self, id: i64, out: &mut Vec<u8>) -> rusqlite::Result<()> {
        let len = self.seek(id)?;
        out.clear();
        self.read(0..len, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_parts_and_whole_rows_and_recovers_from_a_missing_row() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t(id INTEGER PRIMARY KEY, b BLOB NOT NULL)").unwrap();
        let long: Vec<u8> = (0..20_000u32).map(|i| (i % 251) as u8).collect();
        conn.execute("INSERT INTO t(id, b) VALUES (1, ?1), (3, x'0102')", [&long]).unwrap();
        let mut col = BlobColumn::new(&conn, c"t", c"b");
        let mut out = Vec::new();
        col.read_row(1, &mut out).unwrap();
        assert_eq!(out, long);
        assert!(col.seek(2).is_err());
        assert_eq!(col.seek(1).unwrap(), long.len());
        out.clear();
        col.read(9_000..9_010, &mut out).unwrap();
        col.read(19_990..30_000, &mut out).unwrap();
        assert_eq!(out, [&long[9_000..9_010], &long[19_990..]].concat());
        col.read_row(3, &mut out).unwrap();
        assert_eq!(out, [1, 2]);
    }
}
