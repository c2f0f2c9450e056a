//! The encrypted store: SQLCipher through rusqlite, keyed by Argon2id.
//!
//! The vault owns every SQL query in Lifeboat. A vault is a folder holding
//! `lifeboat.db` (encrypted), `lifeboat.header` (salt and KDF cost, no secrets)
//! and `lifeboat.lock` (held while open, so two processes never write at once).

mod error;
mod key;
mod schema;

mod ask;
mod batches;
mod blob_read;
mod chunk;
mod decide;
mod edit;
mod group_list;
mod groups;
mod identity;
mod ingest;
mod list_indexes;
mod message_search;
mod people;
mod people_list;
mod restore;
mod rows;
mod signing;
mod suggest;
mod text_index;
mod unlock;
mod write;

pub use ask::{Ask, AskLanguage};
pub use batches::{Added, BatchFile, BatchSummary, UndoReport};
pub use decide::MergeReport;
pub use edit::{Decision, ValueRef};
pub use error::VaultError;
pub use group_list::GroupSummary;
pub use groups::{GroupView, MemberView, Reach, Reachability, SeatClaim};
pub use identity::StoredIdentity;
pub use ingest::{ImportBatch, ImportReport};
pub use key::{KdfCost, Passphrase};
pub use people::{
    ClaimView, ContextMessage, EmailView, HandleView, MessageHit, MessageResults, NameOrder, PersonView, PhoneView,
    ProvenanceView,
};
pub use restore::{
    BackupOrigin, MatchReason, PersonChange, RestoreOptions, RestoreReport, SignerChange, SignerView, StoredMessage,
    SuggestedMatch, ValueConflict,
};
pub use rows::{PersonPage, PersonRow, StoredPhone};
pub use signing::MAKER_NAME;
pub use suggest::{SuggestedPerson, Suggestion};

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use key::Header;

const DB_FILE: &str = "lifeboat.db";
const HEADER_FILE: &str = "lifeboat.header";
const NEW_HEADER_FILE: &str = "lifeboat.header.new";
const LOCK_FILE: &str = "lifeboat.lock";
/// Present while `Vault::create` runs: a vault folder holding it is the
/// remains of an init that was stopped, with nothing of the user's in it.
const INIT_FILE: &str = "lifeboat.init";
/// Everything an unfinished init may have left.
const INIT_LEFTOVERS: [&str; 6] =
    [DB_FILE, "lifeboat.db-journal", HEADER_FILE, NEW_HEADER_FILE, "lifeboat.tmp", INIT_FILE];

/// An open, unlocked vault.
pub struct Vault {
    conn: Connection,
    dir: PathBuf,
    /// What people searches scan, read on the first search after a person changed.
    people_list: people_list::PeopleCache,
    // Held for the life of the vault; dropping it releases the lock.
    _lock: File,
}

impl Vault {
    /// The default vault folder: the OS data directory (`~/.local/share/lifeboat`).
    pub fn default_dir() -> Option<PathBuf> {
        dirs::data_dir().map(|d| d.join("lifeboat"))
    }

    /// True when `dir` already holds a vault (not the remains of an init
    /// that was stopped half-way, which the next init clears).
    pub fn exists(dir: &Path) -> bool {
        (dir.join(DB_FILE).exists() || dir.join(HEADER_FILE).exists()) && !Vault::unfinished_init(dir)
    }

    /// True when an earlier `init` in `dir` was stopped before it finished:
    /// the next [`Vault::create`] removes what it left and starts over.
    pub fn unfinished_init(dir: &Path) -> bool {
        dir.join(INIT_FILE).exists()
    }

    /// Create a new vault in `dir`. Refuses to touch an existing one.
    pub fn create(dir: &Path, passphrase: &str) -> Result<Vault, VaultError> {
        if Vault::exists(dir) {
            return Err(VaultError::AlreadyExists { dir: dir.to_owned() });
        }
        if passphrase.chars().count() < 8 {
            return Err(VaultError::WeakPassphrase);
        }
        DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(|e| VaultError::io(dir, e))?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| VaultError::io(dir, e))?;
        let lock = acquire_lock(dir)?;
        // What an init stopped half-way left holds nothing of the user's.
        for leftover in INIT_LEFTOVERS {
            match fs::remove_file(dir.join(leftover)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(VaultError::io(&dir.join(leftover), e));
                }
                _ => {}
            }
        }
        write_private(&dir.join(INIT_FILE), b"lifeboat init is running; if it was stopped, run it again\n")?;
        let mut header = Header::new(KdfCost::for_new_vault())?;
        let key = header.derive(passphrase)?;
        header.check = Some(key.check());
        let db = dir.join(DB_FILE);
        // Create the file 0600 first: SQLite gives its journal the same mode.
        OpenOptions::new().write(true).create_new(true).mode(0o600).open(&db).map_err(|e| VaultError::io(&db, e))?;
        let mut conn = connect(&db, &key)?;
        let people_list = people_list::PeopleCache::watch(&mut conn).map_err(|e| VaultError::sql(dir, e))?;
        let vault = Vault { conn, dir: dir.to_owned(), people_list, _lock: lock };
        schema::migrate(&vault.conn, &db)?;
        write_private(&dir.join(HEADER_FILE), header.to_json().as_bytes())?;
        let marker = dir.join(INIT_FILE);
        fs::remove_file(&marker).map_err(|e| VaultError::io(&marker, e))?;
        sync_dir(dir)?;
        Ok(vault)
    }

    /// Unlock the vault in `dir`. A wrong passphrase changes nothing on disk.
    pub fn open(dir: &Path, passphrase: &str) -> Result<Vault, VaultError> {
        let db = dir.join(DB_FILE);
        if Vault::unfinished_init(dir) {
            return Err(VaultError::UnfinishedInit { dir: dir.to_owned() });
        }
        if !db.exists() {
            return Err(VaultError::NotFound { dir: dir.to_owned() });
        }
        let lock = acquire_lock(dir)?;
        let mut conn = unlock::unlock(dir, &db, passphrase)?;
        schema::migrate(&conn, &db)?;
        let people_list = people_list::PeopleCache::watch(&mut conn).map_err(|e| VaultError::sql(dir, e))?;
        Ok(Vault { conn, dir: dir.to_owned(), people_list, _lock: lock })
    }

    /// Fail with [`VaultError::WrongPassphrase`] unless `passphrase` is this
    /// vault's: the key it derives must match the header's check (every open
    /// vault's header has one). For a vault already open in the app, so that
    /// "unlock" and "change passphrase" always prove the passphrase.
    pub fn check_passphrase(&self, passphrase: &str) -> Result<(), VaultError> {
        let header = Header::read(&self.dir.join(HEADER_FILE))?;
        match header.accepts(&header.derive(passphrase)?) {
            Some(true) => Ok(()),
            _ => Err(VaultError::WrongPassphrase { dir: self.dir.clone() }),
        }
    }

    /// Change the passphrase after proving the current one.
    pub fn change_passphrase_from(&mut self, current: &str, new_passphrase: &str) -> Result<(), VaultError> {
        self.check_passphrase(current)?;
        self.change_passphrase(new_passphrase)
    }

    /// Change the passphrase: a new salt, a new key, the database re-encrypted.
    pub fn change_passphrase(&mut self, new_passphrase: &str) -> Result<(), VaultError> {
        if new_passphrase.chars().count() < 8 {
            return Err(VaultError::WeakPassphrase);
        }
        let mut header = Header::new(KdfCost::for_new_vault())?;
        let key = header.derive(new_passphrase)?;
        header.check = Some(key.check());
        // Order matters for a crash at any point: see unlock.rs.
        let new_header = self.dir.join(NEW_HEADER_FILE);
        write_private(&new_header, header.to_json().as_bytes())?;
        self.conn.execute_batch(&key.pragma("rekey")).map_err(|e| VaultError::sql(&self.dir, e))?;
        let header_path = self.dir.join(HEADER_FILE);
        fs::rename(&new_header, &header_path).map_err(|e| VaultError::io(&header_path, e))?;
        sync_dir(&self.dir)
    }

    /// The folder this vault lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A stored setting (`region`, `auto_lock_minutes`, `language`).
    pub fn setting(&self, key: &str) -> Result<Option<String>, VaultError> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.sql(e))
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), VaultError> {
        self.conn
            .execute(
                "INSERT INTO setting(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }

    /// The default region for numbers without a country code.
    pub fn region(&self) -> Result<crate::phone::Region, VaultError> {
        region_setting(&self.conn).map_err(|e| self.sql(e))
    }

    fn sql(&self, e: rusqlite::Error) -> VaultError {
        VaultError::sql(&self.dir, e)
    }

    /// Run `f` in one read transaction: everything it reads is the vault as
    /// it was when it began, and the file is locked once, not once per query
    /// (an export or backup of 100,000 people runs a million queries).
    /// Inside a transaction already, `f` simply runs in it.
    pub fn reading<T, E: From<VaultError>>(&self, f: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        if !self.conn.is_autocommit() {
            return f();
        }
        self.conn.execute_batch("BEGIN DEFERRED").map_err(|e| self.sql(e))?;
        let result = f();
        // Nothing was written: ending the transaction either way only unlocks.
        let end = self.conn.execute_batch(if result.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let value = result?;
        end.map_err(|e| self.sql(e))?;
        Ok(value)
    }

    /// [`Vault::reading`] for a read that visits everyone (an export, a
    /// backup). People come in name order, which is no order on disk: with
    /// the usual page cache, a vault bigger than it decrypted the same pages
    /// again and again (exporting 100,000 people spent most of its time
    /// there). For this read the cache holds the vault, up to 64 MiB
    /// (`EVERYONE_CACHE_KIB`); after it, the cache shrinks back and its
    /// pages are freed (and wiped: `cipher_memory_security`).
    pub fn reading_everyone<T, E: From<VaultError>>(&self, f: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        // The file's size is the vault's: the cache holds plaintext pages of it.
        let kib = std::fs::metadata(self.dir.join(DB_FILE)).map_or(0, |m| m.len() / 1024);
        let kib = i64::try_from(kib).unwrap_or(i64::MAX).clamp(CACHE_KIB, LARGE_CACHE_KIB);
        self.conn.pragma_update(None, "cache_size", -kib).map_err(|e| self.sql(e))?;
        let result = self.reading(f);
        let shrink = self.shrink_cache();
        let value = result?;
        shrink?;
        Ok(value)
    }

    /// Back to the usual page cache, after a read or a batch that grew it;
    /// the pages past it are freed (and wiped: `cipher_memory_security`).
    fn shrink_cache(&self) -> Result<(), VaultError> {
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{CACHE_KIB}; PRAGMA shrink_memory;"))
            .map_err(|e| self.sql(e))
    }
}

/// The page cache of every connection, in KiB.
const CACHE_KIB: i64 = 16 * 1024;
/// The most a read of everyone ([`Vault::reading_everyone`]) or a batch that
/// makes many people (`ListIndexes::made`) lets it grow to, in KiB.
const LARGE_CACHE_KIB: i64 = 64 * 1024;

/// The `region` setting, else KR.
fn region_setting(conn: &Connection) -> rusqlite::Result<crate::phone::Region> {
    use rusqlite::OptionalExtension;
    let value: Option<String> = conn
        .prepare_cached("SELECT value FROM setting WHERE key = 'region'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(value.and_then(|r| r.parse().ok()).unwrap_or_default())
}

/// Open the database with the key and prove the key is right.
fn connect(db: &Path, key: &key::Key) -> Result<Connection, VaultError> {
    let dir = db.parent().unwrap_or(db);
    let conn = Connection::open(db).map_err(|e| VaultError::sql(dir, e))?;
    conn.pragma_update(None, "cipher_log_level", "NONE").map_err(|e| VaultError::sql(dir, e))?;
    // SQLCipher overwrites every allocation it frees: what the database
    // decrypted does not linger in freed memory. It is built without its
    // per-allocation mlock (`.cargo/config.toml`); SECURITY.md says why.
    conn.execute_batch("PRAGMA cipher_memory_security = ON;").map_err(|e| VaultError::sql(dir, e))?;
    conn.execute_batch(&key.pragma("key")).map_err(|e| VaultError::sql(dir, e))?;
    // The first read tells a wrong key: SQLCipher reports "not a database".
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => {}
        Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::NotADatabase => {
            return Err(VaultError::WrongPassphrase { dir: dir.to_owned() });
        }
        Err(e) => return Err(VaultError::sql(dir, e)),
    }
    // Imports run a few dozen distinct statements per record: keep them all
    // prepared, and never re-plan one because a bound value changed (that
    // re-parse cost more than the rest of a contact import).
    conn.set_prepared_statement_cache_capacity(256);
    suggest::register_name_key(&conn).map_err(|e| VaultError::sql(dir, e))?;
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map_err(|e| VaultError::sql(dir, e))?;
    // No plaintext on disk: temporary tables and sorts stay in memory.
    conn.execute_batch(&format!(
        "PRAGMA temp_store = MEMORY; PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;
             PRAGMA cache_size = -{CACHE_KIB}; PRAGMA foreign_keys = ON;"
    ))
    .map_err(|e| VaultError::sql(dir, e))?;
    Ok(conn)
}

/// Hold the vault's lock file. A second process waits briefly, then is told the vault is busy.
fn acquire_lock(dir: &Path) -> Result<File, VaultError> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&path)
        .map_err(|e| VaultError::io(&path, e))?;
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(100))
            }
            Err(fs::TryLockError::WouldBlock) => return Err(VaultError::Busy { dir: dir.to_owned() }),
            Err(fs::TryLockError::Error(e)) => return Err(VaultError::io(&path, e)),
        }
    }
}

/// Write a file readable only by its owner, atomically (write + fsync + rename).
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), VaultError> {
    use std::io::Write;
    let tmp = path.with_extension("tmp");
    let mut f = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(|e| VaultError::io(&tmp, e))?;
    f.write_all(bytes).and_then(|_| f.sync_all()).map_err(|e| VaultError::io(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| VaultError::io(path, e))?;
    sync_dir(path.parent().unwrap_or(Path::new(".")))
}

/// Make renames and removals in `dir` durable before going on.
fn sync_dir(dir: &Path) -> Result<(), VaultError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| VaultError::io(dir, e))
}
