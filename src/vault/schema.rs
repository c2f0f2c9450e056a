//! Numbered migrations, embedded in the binary and applied on open.
//! Append-only: a migration that shipped is never edited.

use std::path::Path;

use rusqlite::Connection;

use super::VaultError;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_backup_identity.sql"),
    include_str!("migrations/0003_decisions.sql"),
    include_str!("migrations/0004_person_order.sql"),
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
            conn.execute_batch(migration)?;
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
