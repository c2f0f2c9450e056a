//! The list indexes of a big import or restore: the indexes that order the
//! people list and find namesakes are read by none of its writes, so a batch
//! that adds many people drops them and builds each once, sorted, before it
//! commits, instead of inserting a hundred thousand entries one at a time
//! at random places in them. All in the batch's transaction: a failed or
//! dry-run batch rolls back to the indexes it found, and no reader ever sees
//! the vault without them. Their definitions are read back from the schema,
//! so the migrations stay the one place they are written.

use rusqlite::{Connection, OptionalExtension};

/// The indexes no query of an import's writes reads.
const IMPORT_UNREAD: &[&str] =
    &["person_by_name", "person_order_ko", "person_name_key", "alias_name_key", "membership_name_key"];

/// The indexes no query of a restore's writes reads: it finds someone with
/// no number, e-mail or seat by their name (`person_by_name`).
const RESTORE_UNREAD: &[&str] = &["person_order_ko", "person_name_key", "alias_name_key", "membership_name_key"];

/// The fewest new people for which rebuilding beats inserting, in a vault
/// with few people already.
const FEWEST_NEW_PEOPLE: i64 = 2_000;

/// When a batch drops the list indexes, and what it dropped.
#[derive(Debug, Default)]
pub(super) struct ListIndexes {
    /// The indexes it may drop.
    names: &'static [&'static str],
    /// Drop them once a batch has made this many people.
    drop_at: i64,
    /// The `CREATE INDEX` statements of the dropped indexes.
    dropped: Vec<String>,
}

impl ListIndexes {
    /// For an import that starts now. A build sorts every entry, the vault's
    /// and the batch's: it pays once the batch adds a good share of them,
    /// half as many people as the vault had and at least 2,000. An import
    /// does not know how many its files hold until it has read them, so it
    /// drops them when it gets there.
    pub(super) fn for_import(conn: &Connection) -> rusqlite::Result<ListIndexes> {
        ListIndexes::new(conn, IMPORT_UNREAD)
    }

    /// For a restore of a backup of `people`, which is known before it
    /// writes: dropped at once when there are enough of them.
    pub(super) fn for_restore(conn: &Connection, people: usize) -> rusqlite::Result<ListIndexes> {
        let mut list = ListIndexes::new(conn, RESTORE_UNREAD)?;
        list.made(conn, people as u64)?;
        Ok(list)
    }

    /// "As many people as the vault had" is its largest person id: a count
    /// of the table it costs nothing to read, close enough for a threshold.
    fn new(conn: &Connection, names: &'static [&'static str]) -> rusqlite::Result<ListIndexes> {
        let people = super::people::largest_person_id(conn)?;
        Ok(ListIndexes { names, drop_at: FEWEST_NEW_PEOPLE.max(people / 2), dropped: Vec::new() })
    }

    /// Drop the indexes when the batch has made `new_people`, enough for it.
    /// A batch that big also writes at random places in the indexes that
    /// find people by number, e-mail and UID while it streams new rows
    /// through the page cache: with the usual 16 MiB, those index pages were
    /// pushed out, written out mid-batch and decrypted again (a 100,000-card
    /// import took a quarter longer). The cache may grow to 64 MiB for the
    /// rest of the batch; the vault shrinks it back when the batch ends.
    pub(super) fn made(&mut self, conn: &Connection, new_people: u64) -> rusqlite::Result<()> {
        if (new_people as i64) < self.drop_at {
            return Ok(());
        }
        conn.pragma_update(None, "cache_size", -super::LARGE_CACHE_KIB)?;
        for name in self.names {
            let sql: Option<String> = conn
                .query_row("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1", [name], |r| r.get(0))
                .optional()?;
            if let Some(sql) = sql {
                conn.execute_batch(&format!("DROP INDEX {name}"))?;
                self.dropped.push(sql);
            }
        }
        // Never dropped twice in one batch.
        self.drop_at = i64::MAX;
        Ok(())
    }

    /// Build what was dropped, before the batch commits.
    pub(super) fn rebuild(self, conn: &Connection) -> rusqlite::Result<()> {
        for sql in self.dropped {
            conn.execute_batch(&sql)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::ingest::{ImportOptions, import_files};
    use crate::test_support::generate;
    use crate::vault::Vault;

    fn index_sql(conn: &Connection) -> Vec<(String, String)> {
        let mut stmt = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.unwrap_or_default())))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn dropped_once_and_rebuilt_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vault::create(&dir.path().join("v"), "correct horse").unwrap();
        let before = index_sql(&v.conn);
        let mut list = ListIndexes::for_import(&v.conn).unwrap();
        assert_eq!(list.drop_at, FEWEST_NEW_PEOPLE);
        list.made(&v.conn, 10).unwrap();
        assert!(list.dropped.is_empty());
        assert_eq!(cache_kib(&v.conn), crate::vault::CACHE_KIB);
        list.made(&v.conn, FEWEST_NEW_PEOPLE as u64).unwrap();
        assert_eq!(list.dropped.len(), IMPORT_UNREAD.len());
        // A batch this big may grow the page cache.
        assert_eq!(cache_kib(&v.conn), crate::vault::LARGE_CACHE_KIB);
        let during = index_sql(&v.conn);
        assert!(during.iter().all(|(name, _)| !IMPORT_UNREAD.contains(&name.as_str())), "{during:?}");
        list.made(&v.conn, FEWEST_NEW_PEOPLE as u64 + 1).unwrap();
        assert_eq!(list.dropped.len(), IMPORT_UNREAD.len());
        list.rebuild(&v.conn).unwrap();
        assert_eq!(index_sql(&v.conn), before);
    }

    /// More generated cards than [`FEWEST_NEW_PEOPLE`], in a file in `dir`.
    fn many_cards(dir: &std::path::Path, name: &str, seed: &str) -> PathBuf {
        let count = (FEWEST_NEW_PEOPLE + 300).to_string();
        generate(dir, "contacts", "vcard30", name, &["--count", &count, "--seed", seed]).0
    }

    /// The page cache's size now, in KiB.
    fn cache_kib(conn: &Connection) -> i64 {
        -conn.query_row("PRAGMA cache_size", [], |r| r.get::<_, i64>(0)).unwrap()
    }

    /// The vault's indexes are whole: each holds every row it should.
    fn assert_whole(v: &Vault) {
        let check: String = v.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok", "every index holds every row");
    }

    /// An import of more people than keeping the indexes up is worth: they
    /// are back when it commits, whole (the app's people list walks them by
    /// name, and fails without them), and an import that dropped them and
    /// then failed leaves them as they were.
    #[test]
    fn a_big_import_rebuilds_them_and_a_failed_one_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        let cards = many_cards(dir.path(), "a.vcf", "7");
        let mut v = Vault::create(&dir.path().join("v"), "correct horse").unwrap();
        let before = index_sql(&v.conn);
        let report = import_files(&mut v, &[cards], &ImportOptions::default()).unwrap();
        assert!(report.new_people as i64 > FEWEST_NEW_PEOPLE, "{report:?}");
        assert_eq!(index_sql(&v.conn), before);
        // The cache it grew is back to the usual size once it has ended.
        assert_eq!(cache_kib(&v.conn), crate::vault::CACHE_KIB);
        let page = v.person_page("", 0, 5).unwrap();
        assert_eq!(page.total, report.new_people as i64);
        let names: Vec<&str> = page.rows.iter().map(|r| r.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted, "Hangul names first, in order");
        assert_whole(&v);

        let more = many_cards(dir.path(), "b.vcf", "8");
        let broken = dir.path().join("broken.vcf");
        std::fs::write(&broken, "BEGIN:VCARD\nVERSION:3.0\nFN:Cut short\nTEL:010-3333-4444\n").unwrap();
        let people = v.person_page("", 0, 1).unwrap().total;
        let paths: Vec<PathBuf> = vec![more, broken];
        import_files(&mut v, &paths, &ImportOptions::default()).unwrap_err();
        assert_eq!(index_sql(&v.conn), before);
        assert_eq!(cache_kib(&v.conn), crate::vault::CACHE_KIB);
        assert_eq!(v.person_page("", 0, 1).unwrap().total, people);
    }

    /// A restore of a backup of many people drops them before it writes and
    /// builds them before it commits; a dry run rolls back to them.
    #[test]
    fn a_big_restore_rebuilds_them_and_a_dry_run_keeps_them() {
        use crate::backup::format::Snapshot;
        use crate::vault::{BackupOrigin, RestoreOptions};
        let dir = tempfile::tempdir().unwrap();
        let cards = many_cards(dir.path(), "a.vcf", "9");
        let mut theirs = Vault::create(&dir.path().join("theirs"), "correct horse").unwrap();
        let imported = import_files(&mut theirs, &[cards], &ImportOptions::default()).unwrap();
        let snapshot = Snapshot::from_vault(&theirs, &[], false).unwrap();
        let mut v = Vault::create(&dir.path().join("v"), "correct horse").unwrap();
        let before = index_sql(&v.conn);
        let origin = BackupOrigin {
            file_name: "theirs.age".into(),
            sha256: "00".repeat(32),
            made_at: "2026-12-03 10:00:00".into(),
            signer: None,
            fingerprint: None,
            own: false,
        };
        let dry = v.restore(&snapshot, &origin, RestoreOptions { dry_run: true, ..Default::default() }).unwrap();
        assert_eq!(dry.new_people, imported.new_people);
        assert_eq!(index_sql(&v.conn), before);
        assert_eq!(cache_kib(&v.conn), crate::vault::CACHE_KIB);
        assert_eq!(v.person_page("", 0, 1).unwrap().total, 0);
        v.restore(&snapshot, &origin, RestoreOptions::default()).unwrap();
        assert_eq!(index_sql(&v.conn), before);
        assert_eq!(cache_kib(&v.conn), crate::vault::CACHE_KIB);
        assert_whole(&v);
        assert_eq!(v.person_page("", 0, 1).unwrap().total, imported.new_people as i64);
    }
}
