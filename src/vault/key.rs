//! The vault key: Argon2id over the passphrase, with salt and cost kept in a
//! small unencrypted header file beside the database.

use std::path::Path;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::VaultError;

/// A passphrase held only as long as needed, wiped from memory on drop.
pub type Passphrase = Zeroizing<String>;

/// The raw 256-bit SQLCipher key, wiped on drop.
pub struct Key(Zeroizing<[u8; 32]>);

impl Key {
    /// The statement that sets a raw key (`PRAGMA key = "x'…'";`, so
    /// SQLCipher skips its own KDF), or `rekey`. Written into one zeroized
    /// buffer digit by digit: no copy of the key's text is left in memory
    /// (SQLite's own copy of the statement is wiped by SQLCipher's memory
    /// security, which `connect` turns on first).
    pub fn pragma(&self, name: &str) -> Zeroizing<String> {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut sql = Zeroizing::new(String::with_capacity(name.len() + 80));
        sql.push_str("PRAGMA ");
        sql.push_str(name);
        sql.push_str(" = \"x'");
        for byte in self.0.iter() {
            sql.push(char::from(HEX[usize::from(byte >> 4)]));
            sql.push(char::from(HEX[usize::from(byte & 15)]));
        }
        sql.push_str("'\";");
        sql
    }

    /// A value that tells whether a passphrase gives this key without
    /// touching the database: the first 16 bytes of SHA-256 over a label and
    /// the key. It helps no guessing (each guess still costs Argon2id) and
    /// lets a vault tell "wrong passphrase" from "damaged database", and
    /// which header of an interrupted re-key a passphrase belongs to.
    pub fn check(&self) -> String {
        use sha2::{Digest, Sha256};
        let digest = Sha256::new().chain_update(b"lifeboat key check v1\0").chain_update(*self.0).finalize();
        hex::encode(&digest[..16])
    }
}

/// Argon2id cost. Stored per vault so it can be raised later without breaking old vaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfCost {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfCost {
    /// About 0.5 s on one core of this project's machines in a release build.
    pub const DEFAULT: KdfCost = KdfCost { m_kib: 64 * 1024, t: 6, p: 1 };
    /// Debug builds only, for the test suite (`LIFEBOAT_INSECURE_TEST_KDF=1`): never
    /// available in a release build.
    const TEST: KdfCost = KdfCost { m_kib: 256, t: 1, p: 1 };

    /// The cost for a new vault.
    pub fn for_new_vault() -> KdfCost {
        if cfg!(debug_assertions) && std::env::var_os("LIFEBOAT_INSECURE_TEST_KDF").is_some() {
            KdfCost::TEST
        } else {
            KdfCost::DEFAULT
        }
    }
}

/// The most Argon2id work a header may ask for: 1 GiB, 16 passes, 8 lanes
/// (Lifeboat writes 64 MiB, 6 passes, 1 lane).
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_PASSES: u32 = 16;
const MAX_LANES: u32 = 8;

/// The unencrypted file beside the database: what is needed to derive the key.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    pub kdf: String,
    pub cost: KdfCost,
    /// Hex-encoded 16-byte salt.
    pub salt: String,
    /// [`Key::check`] of the key this header derives; absent in vaults made
    /// before it existed (added on their next open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
}

impl Header {
    pub fn new(cost: KdfCost) -> Result<Header, VaultError> {
        let mut salt = [0u8; 16];
        getrandom::getrandom(&mut salt).map_err(|e| VaultError::Crypto(e.to_string()))?;
        Ok(Header {
            format: "lifeboat-vault".into(),
            version: 1,
            kdf: "argon2id".into(),
            cost,
            salt: hex::encode(salt),
            check: None,
        })
    }

    pub fn read(path: &Path) -> Result<Header, VaultError> {
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => VaultError::Damaged {
                path: path.to_owned(),
                reason: "the key header is missing, so no passphrase can open the vault".into(),
            },
            _ => VaultError::io(path, e),
        })?;
        let header: Header = serde_json::from_str(&text).map_err(|e| VaultError::Damaged {
            path: path.to_owned(),
            reason: format!("the key header is not valid: {e}"),
        })?;
        if header.format != "lifeboat-vault" || header.kdf != "argon2id" || header.version != 1 {
            return Err(VaultError::Damaged {
                path: path.to_owned(),
                reason: "the key header is of an unknown kind".into(),
            });
        }
        // A tampered cost must not make an unlock hang for hours or abort on
        // an allocation: Lifeboat never writes more than these.
        let c = &header.cost;
        let sane = (1..=MAX_LANES).contains(&c.p)
            && (8 * c.p..=MAX_MEMORY_KIB).contains(&c.m_kib)
            && (1..=MAX_PASSES).contains(&c.t)
            && hex::decode(&header.salt).is_ok_and(|s| s.len() == 16);
        if !sane {
            return Err(VaultError::Damaged {
                path: path.to_owned(),
                reason: format!(
                    "the key header asks for an Argon2id cost no Lifeboat writes (memory {} KiB, {} passes, {} lanes) or a damaged salt: it was altered",
                    c.m_kib, c.t, c.p
                ),
            });
        }
        Ok(header)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("header serializes") + "\n"
    }

    /// Whether `key` is this header's key: None when the header has no check.
    pub fn accepts(&self, key: &Key) -> Option<bool> {
        self.check.as_ref().map(|c| *c == key.check())
    }

    /// Derive the database key from a passphrase.
    pub fn derive(&self, passphrase: &str) -> Result<Key, VaultError> {
        let salt = hex::decode(&self.salt).map_err(|e| VaultError::Crypto(format!("salt: {e}")))?;
        let params = argon2::Params::new(self.cost.m_kib, self.cost.t, self.cost.p, Some(32))
            .map_err(|e| VaultError::Crypto(e.to_string()))?;
        let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut key = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(passphrase.as_bytes(), &salt, key.as_mut())
            .map_err(|e| VaultError::Crypto(e.to_string()))?;
        Ok(Key(key))
    }
}

#[cfg(test)]
mod pragma_tests {
    use super::*;

    #[test]
    fn the_key_statement_is_the_raw_key_in_hex() {
        let key = Key(Zeroizing::new([0xa5; 32]));
        assert_eq!(*key.pragma("key"), format!("PRAGMA key = \"x'{}'\";", "a5".repeat(32)));
        assert!(key.pragma("rekey").starts_with("PRAGMA rekey = \"x'a5a5"));
    }

    #[test]
    fn sqlcipher_wipes_what_it_frees() {
        let d = tempfile::tempdir().unwrap();
        let v = super::super::Vault::create(&d.path().join("v"), "correct horse").unwrap();
        let on: String = v.conn.query_row("PRAGMA cipher_memory_security", [], |r| r.get(0)).unwrap();
        assert_eq!(on, "1");
    }

    /// The scratch space of a b-tree page split is on the stack, not an
    /// allocation that is filled with random bytes as it is freed (SECURITY.md).
    #[test]
    fn sqlite_splits_pages_in_stack_space() {
        let d = tempfile::tempdir().unwrap();
        let v = super::super::Vault::create(&d.path().join("v"), "correct horse").unwrap();
        let mut stmt = v.conn.prepare("PRAGMA compile_options").unwrap();
        let options: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
        assert!(options.iter().any(|o| o == "USE_ALLOCA"), "{options:?}");
    }

    /// A read of everyone grows the page cache with the vault (at most 64
    /// MiB) and gives it back when it ends, on success and on failure.
    #[test]
    fn a_read_of_everyone_gives_its_page_cache_back() {
        let d = tempfile::tempdir().unwrap();
        let v = super::super::Vault::create(&d.path().join("v"), "correct horse").unwrap();
        let cache = || v.conn.query_row("PRAGMA cache_size", [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(cache(), -16384);
        let seen = v.reading_everyone(|| Ok::<_, crate::vault::VaultError>(cache())).unwrap();
        // A new vault is smaller than the usual cache: it stays as it is.
        assert_eq!(seen, -16384);
        let failed = v.reading_everyone(|| Err::<(), _>(crate::vault::VaultError::NoPerson { id: 7 }));
        assert!(failed.is_err());
        assert_eq!(cache(), -16384);
    }
}
