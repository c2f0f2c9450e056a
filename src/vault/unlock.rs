//! Unlocking a vault with a passphrase, including one whose re-key was
//! interrupted, and telling a wrong passphrase from a damaged database.
//!
//! A re-key ([`super::Vault::change_passphrase`]) writes `lifeboat.header.new`,
//! re-encrypts every page in one SQLCipher transaction (its rollback journal
//! is encrypted with the old key), then renames the new header over the old.
//! Killed at any point, the database is wholly in the old key (the journal,
//! if any, rolls it back) or wholly in the new one. Each header carries a
//! check of its key, so the passphrase is matched to a header before the
//! database is touched: a key that is not the database's never reads it,
//! and so never rolls its journal back with the wrong key.

use std::fs;
use std::path::Path;

use rusqlite::Connection;

use super::key::{Header, Key};
use super::{HEADER_FILE, NEW_HEADER_FILE, VaultError, connect, sync_dir, write_private};

/// Open `db` in `dir` with `passphrase`, finishing or discarding an interrupted re-key.
pub(super) fn unlock(dir: &Path, db: &Path, passphrase: &str) -> Result<Connection, VaultError> {
    let header_path = dir.join(HEADER_FILE);
    let new_path = dir.join(NEW_HEADER_FILE);
    // SQLite would take an empty file for a new database and the vault would
    // silently start over.
    if fs::metadata(db).map_err(|e| VaultError::io(db, e))?.len() == 0 {
        return Err(damaged(db, "the database file is empty"));
    }
    let header = Header::read(&header_path)?;
    // A damaged leftover of a re-key is ignored: the re-key never began.
    let new_header = if new_path.exists() { Header::read(&new_path).ok() } else { None };
    let wrong = || VaultError::WrongPassphrase { dir: dir.to_owned() };
    let key = header.derive(passphrase)?;
    match header.accepts(&key) {
        Some(true) => match connect(db, &key) {
            Ok(conn) => {
                // The re-key never committed: the old header is right.
                if new_header.is_some() {
                    fs::remove_file(&new_path).map_err(|e| VaultError::io(&new_path, e))?;
                    sync_dir(dir)?;
                }
                Ok(conn)
            }
            // The re-key committed; only the new passphrase opens the vault now.
            Err(VaultError::WrongPassphrase { .. }) if new_header.is_some() => Err(wrong()),
            Err(VaultError::WrongPassphrase { .. }) => Err(damaged(db, "the right key does not open it")),
            Err(e) => Err(e),
        },
        Some(false) => {
            let Some(new_header) = new_header else { return Err(wrong()) };
            let new_key = new_header.derive(passphrase)?;
            if new_header.accepts(&new_key) != Some(true) || hot_journal(db) {
                // Not the new passphrase either, or the re-key did not commit
                // (its journal is still there): the old passphrase is needed.
                return Err(wrong());
            }
            let conn = connect(db, &new_key).map_err(|e| match e {
                VaultError::WrongPassphrase { .. } => wrong(),
                e => e,
            })?;
            fs::rename(&new_path, &header_path).map_err(|e| VaultError::io(&header_path, e))?;
            sync_dir(dir)?;
            Ok(conn)
        }
        None => unlock_unchecked(dir, db, &header, &key, passphrase),
    }
}

/// A vault made before headers had a check: unlock as before, then add the check.
fn unlock_unchecked(
    dir: &Path,
    db: &Path,
    header: &Header,
    key: &Key,
    passphrase: &str,
) -> Result<Connection, VaultError> {
    let header_path = dir.join(HEADER_FILE);
    let new_path = dir.join(NEW_HEADER_FILE);
    let conn = match connect(db, key) {
        Ok(conn) => {
            if new_path.exists() {
                fs::remove_file(&new_path).map_err(|e| VaultError::io(&new_path, e))?;
            }
            let mut checked = header.clone();
            checked.check = Some(key.check());
            write_private(&header_path, checked.to_json().as_bytes())?;
            conn
        }
        Err(VaultError::WrongPassphrase { .. }) if new_path.exists() && !hot_journal(db) => {
            let new_header = Header::read(&new_path)?;
            let conn = connect(db, &new_header.derive(passphrase)?)
                .map_err(|_| VaultError::WrongPassphrase { dir: dir.to_owned() })?;
            fs::rename(&new_path, &header_path).map_err(|e| VaultError::io(&header_path, e))?;
            conn
        }
        Err(e) => return Err(e),
    };
    sync_dir(dir)?;
    Ok(conn)
}

/// True when an interrupted transaction left its rollback journal: the
/// database is not yet what it will be once the journal is rolled back.
fn hot_journal(db: &Path) -> bool {
    let mut journal = db.as_os_str().to_owned();
    journal.push("-journal");
    fs::metadata(journal).is_ok_and(|m| m.len() > 0)
}

fn damaged(db: &Path, reason: &str) -> VaultError {
    VaultError::Damaged { path: db.to_owned(), reason: reason.to_owned() }
}
