//! The vault's own Ed25519 key that signs its backups, made on first use
//! (vaults from before signing get one then) and kept inside the encrypted
//! vault, one per vault. Signing itself is `backup::sign`.

use rusqlite::OptionalExtension;
use zeroize::Zeroizing;

use super::{Vault, VaultError};
use crate::backup::{SignerKey, SigningKey};

/// The setting that holds the name a user signs backups with (`lifeboat config name`).
pub const MAKER_NAME: &str = "name";

impl Vault {
    /// The key that signs this vault's backups (the newest); made and kept the first time.
    pub fn signing_key(&self) -> Result<SigningKey, VaultError> {
        if let Some(newest) = self.signing_keys()?.into_iter().next() {
            return Ok(newest);
        }
        let mut seed = Zeroizing::new([0u8; 32]);
        getrandom::getrandom(seed.as_mut()).map_err(|e| VaultError::Crypto(e.to_string()))?;
        let key = SigningKey::from_seed(&seed);
        self.add_signing_key(&key)?;
        Ok(key)
    }

    /// Every signing key this vault holds, newest first.
    fn signing_keys(&self) -> Result<Vec<SigningKey>, VaultError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT seed FROM signing_key ORDER BY id DESC").map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| {
                let blob = r.get_ref(0)?.as_blob()?;
                let seed: Zeroizing<[u8; 32]> = Zeroizing::new(blob.try_into().map_err(|_| {
                    let e = rusqlite::types::FromSqlError::InvalidBlobSize { expected_size: 32, blob_size: blob.len() };
                    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Blob, Box::new(e))
                })?);
                Ok(SigningKey::from_seed(&seed))
            })
            .map_err(|e| self.sql(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sql(e))
    }

    /// Keep a signing key (one brought from the user's other vault, or a
    /// new one); true when it was not kept already. The newest signs.
    pub fn add_signing_key(&self, key: &SigningKey) -> Result<bool, VaultError> {
        let added = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO signing_key(seed, created_at) VALUES (?1, ?2)",
                rusqlite::params![key.seed().as_slice(), super::ingest::now()],
            )
            .map_err(|e| self.sql(e))?;
        Ok(added > 0)
    }

    /// True when `key` is one of this vault's signing keys: a backup it
    /// signed is the user's own word.
    pub fn is_own_signer(&self, key: &SignerKey) -> Result<bool, VaultError> {
        Ok(self.signing_keys()?.iter().any(|k| k.public() == *key))
    }

    /// The public half of [`Vault::signing_key`], as people compare it.
    pub fn signing_public(&self) -> Result<SignerKey, VaultError> {
        Ok(self.signing_key()?.public())
    }

    /// The name backups are signed with: the `name` setting (a blank one is
    /// none), else the person marked as me, else empty.
    pub fn maker_name(&self) -> Result<String, VaultError> {
        if let Some(name) = self.setting(MAKER_NAME)?.filter(|n| !n.trim().is_empty()) {
            return Ok(name.trim().to_owned());
        }
        let me = self
            .conn
            .query_row("SELECT name FROM person WHERE me = 1 AND merged_into IS NULL ORDER BY id LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sql(e))?;
        Ok(me.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signing_key_is_made_once_and_kept() {
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().join("v");
        let first = {
            let v = Vault::create(&dir, "correct horse battery").unwrap();
            assert_eq!(v.maker_name().unwrap(), "");
            v.set_setting(MAKER_NAME, "홍길동").unwrap();
            v.signing_public().unwrap()
        };
        let v = Vault::open(&dir, "correct horse battery").unwrap();
        assert_eq!(v.signing_public().unwrap(), first);
        assert_eq!(v.maker_name().unwrap(), "홍길동");
        // The app's cleared field: blank is no name.
        v.set_setting(MAKER_NAME, "  ").unwrap();
        assert_eq!(v.maker_name().unwrap(), "");
    }
}
