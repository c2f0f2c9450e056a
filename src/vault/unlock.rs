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

#[cfg(test)]
mod tests {
    use super::super::key::KdfCost;
    use super::super::{DB_FILE, Vault};
    use super::*;

    const OLD: &str = "old passphrase";
    const NEW: &str = "new passphrase";
    const COST: KdfCost = KdfCost { m_kib: 256, t: 1, p: 1 };

    fn vault() -> (tempfile::TempDir, std::path::PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("v");
        Vault::create(&dir, OLD).unwrap().set_setting("region", "US").unwrap();
        (tmp, dir)
    }

    fn new_header(passphrase: &str) -> (Header, Key) {
        let mut header = Header::new(COST).unwrap();
        let key = header.derive(passphrase).unwrap();
        header.check = Some(key.check());
        (header, key)
    }

    #[test]
    fn an_open_vault_still_proves_the_passphrase() {
        let (_tmp, dir) = vault();
        let mut v = Vault::open(&dir, OLD).unwrap();
        v.check_passphrase(OLD).unwrap();
        assert!(matches!(v.check_passphrase("not the passphrase"), Err(VaultError::WrongPassphrase { .. })));
        assert!(matches!(v.change_passphrase_from("not the passphrase", NEW), Err(VaultError::WrongPassphrase { .. })));
        v.change_passphrase_from(OLD, NEW).unwrap();
        drop(v);
        assert!(Vault::open(&dir, OLD).is_err());
        Vault::open(&dir, NEW).unwrap();
    }

    #[test]
    fn killed_after_the_new_header_was_written_the_old_passphrase_opens() {
        let (_tmp, dir) = vault();
        write_private(&dir.join(NEW_HEADER_FILE), new_header(NEW).0.to_json().as_bytes()).unwrap();
        assert!(matches!(Vault::open(&dir, NEW), Err(VaultError::WrongPassphrase { .. })));
        assert!(dir.join(NEW_HEADER_FILE).exists(), "a wrong guess changes nothing");
        let v = Vault::open(&dir, OLD).unwrap();
        assert_eq!(v.setting("region").unwrap().as_deref(), Some("US"));
        assert!(!dir.join(NEW_HEADER_FILE).exists());
    }

    #[test]
    fn killed_after_the_rekey_but_before_the_rename_the_new_passphrase_opens() {
        let (_tmp, dir) = vault();
        let (header, key) = new_header(NEW);
        write_private(&dir.join(NEW_HEADER_FILE), header.to_json().as_bytes()).unwrap();
        {
            let v = Vault::open(&dir, OLD).unwrap();
            std::fs::write(dir.join(NEW_HEADER_FILE), header.to_json()).unwrap();
            v.conn.execute_batch(&key.pragma("rekey")).unwrap();
        }
        assert!(matches!(Vault::open(&dir, OLD), Err(VaultError::WrongPassphrase { .. })));
        let v = Vault::open(&dir, NEW).unwrap();
        assert_eq!(v.setting("region").unwrap().as_deref(), Some("US"));
        assert!(!dir.join(NEW_HEADER_FILE).exists());
        drop(v);
        assert!(Vault::open(&dir, NEW).is_ok());
    }

    #[test]
    fn a_header_without_a_check_still_opens_and_gains_one() {
        let (_tmp, dir) = vault();
        let path = dir.join(HEADER_FILE);
        let mut header = Header::read(&path).unwrap();
        header.check = None;
        std::fs::write(&path, header.to_json()).unwrap();
        assert!(matches!(Vault::open(&dir, NEW), Err(VaultError::WrongPassphrase { .. })));
        Vault::open(&dir, OLD).unwrap();
        assert!(Header::read(&path).unwrap().check.is_some());
    }

    #[test]
    fn the_right_passphrase_on_a_damaged_first_page_says_damaged() {
        let (_tmp, dir) = vault();
        let db = dir.join(DB_FILE);
        let mut bytes = std::fs::read(&db).unwrap();
        bytes[200] ^= 1;
        std::fs::write(&db, &bytes).unwrap();
        assert!(matches!(Vault::open(&dir, OLD), Err(VaultError::Damaged { .. })));
        assert!(matches!(Vault::open(&dir, NEW), Err(VaultError::WrongPassphrase { .. })));
        assert_eq!(std::fs::read(&db).unwrap(), bytes);
    }
}
