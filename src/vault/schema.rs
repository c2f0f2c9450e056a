//! Numbered migrations, embedded in the binary and applied on open.
//! Append-only: a migration that shipped is never edited.

use std::path::Path;

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::VaultError;
use super::chunk::ChunkWriter;
use crate::model::MessageKind;

/// One step of the schema: SQL, or data moved by code where SQL cannot.
enum Migration {
    Sql(&'static str),
    Code(fn(&Connection) -> rusqlite::Result<()>),
}

const MIGRATIONS: &[Migration] = &[
    Migration::Sql(include_str!("migrations/0001_init.sql")),
    Migration::Sql(include_str!("migrations/0002_backup_identity.sql")),
    Migration::Sql(include_str!("migrations/0003_decisions.sql")),
    Migration::Sql(include_str!("migrations/0004_person_order.sql")),
    Migration::Sql(include_str!("migrations/0005_message_chunks.sql")),
    Migration::Code(pack_message_rows),
    Migration::Sql(include_str!("migrations/0007_shared_times.sql")),
    Migration::Sql(include_str!("migrations/0008_signing_key.sql")),
    Migration::Sql(include_str!("migrations/0009_claims.sql")),
    Migration::Sql(include_str!("migrations/0010_person_uid.sql")),
    Migration::Sql(include_str!("migrations/0011_ask.sql")),
    Migration::Sql(include_str!("migrations/0012_korean_order.sql")),
    Migration::Sql(include_str!("migrations/0013_handle_source.sql")),
    Migration::Code(index_messages),
    Migration::Sql(include_str!("migrations/0015_name_key.sql")),
    Migration::Sql(include_str!("migrations/0016_phone_value.sql")),
    Migration::Sql(include_str!("migrations/0017_handle_status.sql")),
    Migration::Sql(include_str!("migrations/0018_batch_rows.sql")),
    Migration::Sql(include_str!("migrations/0019_phone_by_value.sql")),
];

/// Bring the schema up to date in one transaction; refuse a vault from the future.
pub fn migrate(conn: &Connection, db: &Path) -> Result<(), VaultError> {
    let dir = db.parent().unwrap_or(db);
    let sql = |e| VaultError::sql(dir, e);
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql)?;
    let known = MIGRATIONS.len() as i64;
    if current > known {
        return Err(VaultError::TooNew { found: current, known });
    }
    if current == known {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE").map_err(sql)?;
    let result = (|| {
        for (i, migration) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            match migration {
                Migration::Sql(sql) => conn.execute_batch(sql)?,
                Migration::Code(step) => step(conn)?,
            }
            conn.pragma_update(None, "user_version", i as i64 + 1)?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => conn.execute_batch("COMMIT").map_err(sql),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(sql(e))
        }
    }
}

/// Version 14: the search index written with the messages replaces the
/// trigram index; the messages already stored are indexed now.
fn index_messages(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(include_str!("migrations/0014_text_index.sql"))?;
    super::text_index::index_stored(conn)
}

/// Version 6: the messages of version-4 vaults, one row each, packed into
/// chunks of their room and batch; provenance follows them to their coded ids.
fn pack_message_rows(conn: &Connection) -> rusqlite::Result<()> {
    let mut moved: HashMap<i64, i64> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT id, grp_id, batch_id, source_id, sender, at, body, kind, fp FROM message
             ORDER BY grp_id, batch_id, source_id, at, id",
        )?;
        let mut rows = stmt.query([])?;
        // One chunk sequence per (group, batch, source).
        type Origin = (i64, Option<i64>, Option<i64>);
        let mut writer: Option<(Origin, ChunkWriter)> = None;
        while let Some(r) = rows.next()? {
            let key: Origin = (r.get(1)?, r.get(2)?, r.get(3)?);
            if writer.as_ref().is_none_or(|(k, _)| *k != key) {
                if let Some((_, mut w)) = writer.take() {
                    w.flush(conn)?;
                }
                writer = Some((key, ChunkWriter::new(conn, key.0, key.1, key.2)?));
            }
            let at: String = r.get(5)?;
            let at = chrono::NaiveDateTime::parse_from_str(&at, "%Y-%m-%d %H:%M:%S").unwrap_or_default();
            let kind: String = r.get(7)?;
            let (_, w) = writer.as_mut().expect("set above");
            let sender: String = r.get(4)?;
            let body: String = r.get(6)?;
            let id = w.push(
                conn,
                &sender,
                at,
                MessageKind::from_name(&kind).unwrap_or(MessageKind::Text),
                &body,
                r.get(8)?,
            )?;
            moved.insert(r.get(0)?, id);
        }
        if let Some((_, mut w)) = writer {
            w.flush(conn)?;
        }
    }
    // By provenance row: old and coded ids share one number space.
    let pointing: Vec<(i64, i64)> = {
        let mut stmt = conn.prepare("SELECT id, message_id FROM provenance WHERE message_id IS NOT NULL")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?
    };
    let mut update = conn.prepare("UPDATE provenance SET message_id = ?2 WHERE id = ?1")?;
    for (row, old) in pointing {
        update.execute(params![row, moved.get(&old)])?;
    }
    conn.execute_batch(
        "DROP TABLE message_fts;
         DROP TABLE message;
         DELETE FROM setting WHERE key = 'fts_indexed_upto';",
    )
}

#[cfg(test)]
mod tests {
    use super::super::Vault;
    use crate::model::Status;

    /// A new vault turned back by `sql` into what an older Lifeboat left.
    fn vault_as(sql: &str) -> (tempfile::TempDir, std::path::PathBuf, Vault) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v");
        let v = Vault::create(&path, "correct horse").unwrap();
        v.conn.execute_batch(sql).unwrap();
        (dir, path, v)
    }

    /// Migration 17: a handle a member shared in a chat becomes a candidate;
    /// one from an address book, and a platform's own id, stay confirmed.
    #[test]
    fn handles_a_vault_had_get_the_status_an_import_would_give_them() {
        let (_dir, path, v) = vault_as(
            "CREATE INDEX phone_e164 ON phone(e164);
             DROP INDEX email_batch; DROP INDEX phone_batch; DROP INDEX person_batch;
             DROP TABLE handle_rejected; DROP INDEX handle_value;
             ALTER TABLE handle DROP COLUMN edited; ALTER TABLE handle DROP COLUMN status; PRAGMA user_version = 16;
             INSERT INTO person(id, name) VALUES (1, '이서준');
             INSERT INTO grp(id, name, kind) VALUES (1, '중2 3반', 'chat');
             INSERT INTO handle(id, person_id, service, value)
               VALUES (1, 1, 'instagram', 'seojun'), (2, 1, 'telegram', 'sj'), (3, 1, 'id', '42');
             INSERT INTO handle_source(handle_id, grp_id, shared_by) VALUES (1, 1, '이서준'), (3, 1, '이서준');",
        );
        super::migrate(&v.conn, &path).unwrap();
        let statuses: Vec<Status> = v.person(1).unwrap().handles.iter().map(|h| h.status).collect();
        assert_eq!(statuses, [Status::Confirmed, Status::Confirmed, Status::Candidate]);
        let kept: Vec<(i64, Status)> = v
            .conn
            .prepare("SELECT id, status FROM handle ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(kept, [(1, Status::Candidate), (2, Status::Confirmed), (3, Status::Confirmed)]);
    }

    /// Migration 19: the index on `e164` goes, and a number still finds its
    /// person through the index on `value`.
    #[test]
    fn a_phone_is_found_by_its_value_once_the_e164_index_is_gone() {
        let (_dir, path, v) = vault_as(
            "CREATE INDEX phone_e164 ON phone(e164); PRAGMA user_version = 18;
             INSERT INTO person(id, name) VALUES (1, '이서준'), (2, '박지민');
             INSERT INTO phone(person_id, e164, raw, value, digits, status) VALUES
               (1, NULL, '+821012345678 (old)', '+821012345678 (old)', '821012345678', 'confirmed'),
               (2, '+821012345678', '010-1234-5678', '+821012345678', '01012345678', 'confirmed');",
        );
        super::migrate(&v.conn, &path).unwrap();
        let left: i64 =
            v.conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'phone_e164'", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0);
        let rows = super::super::write::Rows { conn: &v.conn, batch_id: 1 };
        assert_eq!(rows.person_with_phone("+821012345678", true).unwrap(), Some(2));
        let plan: String = v
            .conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT min(person_id) FROM phone WHERE value = ?1 AND e164 = ?1",
                ["+821012345678"],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("phone_value"), "{plan}");
    }
}
