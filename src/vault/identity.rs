//! The user's own age identities for backups (`lifeboat keygen`), kept inside
//! the encrypted vault so a backup made to "me" restores without a key file.
//!
//! The vault only stores the strings; making and parsing keys is `backup::keys`.

use rusqlite::params;
use zeroize::Zeroizing;

use super::{Vault, VaultError};

/// One stored identity: the secret (`AGE-SECRET-KEY-1…`) and its public recipient (`age1…`).
pub struct StoredIdentity {
    pub secret: Zeroizing<String>,
    pub recipient: String,
    pub created_at: String,
}

impl Vault {
    /// Every identity made with `lifeboat keygen`, newest first.
    pub fn backup_identities(&self) -> Result<Vec<StoredIdentity>, VaultError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT secret, recipient, created_at FROM backup_identity ORDER BY id DESC")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StoredIdentity { secret: Zeroizing::new(r.get(0)?), recipient: r.get(1)?, created_at: r.get(2)? })
            })
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }

    /// Keep a new identity. Older ones stay, for the backups made to them.
    pub fn add_backup_identity(&self, secret: &str, recipient: &str) -> Result<(), VaultError> {
        self.conn
            .execute(
                "INSERT INTO backup_identity(secret, recipient, created_at) VALUES (?1, ?2, ?3)",
                params![secret, recipient, super::ingest::now()],
            )
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }
}
