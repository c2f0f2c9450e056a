//! Backups: the vault's people, groups and (optionally) messages in one
//! age-encrypted file, readable without Lifeboat (`age -d`, then unzip:
//! a vCard 4 file any phone imports, and a documented JSON). Layout:
//! docs/BACKUP.md.
//!
//! A backup is hostile input when read: sizes are bounded at every layer,
//! it is read from its file as a stream (never whole in memory, never
//! decrypted to disk), entries are read by exact name, and the JSON is
//! checked whole before the vault sees any of it. Every backup is signed by the vault that
//! made it (`sign`); opening one checks the signature and says who signed.

mod archive;
mod census;
mod crypt;
mod files;
pub mod format;
mod keys;
mod make;
mod sign;
mod vcards;
mod zip_stream;

pub use crypt::{Keys, Passphrase, Protection, Recipient, needs_passphrase, parse_identity_file, parse_recipient};
pub use files::{
    ImportedKeys, MyKeys, Verified, create_file, import_keys, my_keys, my_recipient, restore_file, save_keys,
    verify_file,
};
pub use format::{Counts, Snapshot};
pub use keys::{Generated, KeyFile, from_secrets, generate, key_file, read_key_file};
pub use sign::{Maker, NAMESPACE, Signer, SignerKey, Signing, SigningKey};

use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use crate::args;
use crate::i18n::{self, Args, Localized, Said};
use crate::vault::{BackupOrigin, Vault, VaultError};

/// Size bounds when reading a backup.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The encrypted file.
    pub max_file: u64,
    /// The plaintext (the zip).
    pub max_decrypted: u64,
    /// Any one entry of the zip, uncompressed.
    pub max_entry: u64,
    pub max_entries: usize,
    /// How many times its packed size an entry may unpack to (past its first
    /// MiB); real backups compress 5 to 15 times.
    pub max_ratio: u64,
    /// How many bytes of memory the parsed `lifeboat.json` may cost per byte
    /// of it packed (past a floor of [`MEMORY_FLOOR`]).
    pub memory_per_byte: u64,
}

/// Any `lifeboat.json` may cost this much memory parsed, however small it is packed.
pub const MEMORY_FLOOR: u64 = 48 << 20;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file: 512 << 20,
            max_decrypted: 512 << 20,
            max_entry: 384 << 20,
            max_entries: 8,
            max_ratio: 64,
            memory_per_byte: 48,
        }
    }
}

/// A backup that decrypted, unpacked and checked out.
pub struct Opened {
    pub snapshot: Snapshot,
    /// vCards in `contacts.vcf`.
    pub vcards: usize,
    /// Who signed it, the signature checked (backups of format version 1 are unsigned).
    pub signer: Signer,
    /// SHA-256 (hex) of the backup file, to name a restore's source in the history.
    pub sha256: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{}", i18n::english(self))]
#[non_exhaustive]
pub enum BackupError {
    WrongKey,

    NeedPassphrase,

    NeedIdentity,

    WeakPassphrase,

    NotABackup,

    Damaged {
        reason: String,
    },

    Invalid {
        reason: String,
    },

    TooLarge {
        /// What is too large: `backup_what_…` in errors.ftl.
        what: Said,
        limit: u64,
    },

    TooCostly {
        log_n: u8,
    },

    TooNew {
        found: u32,
        known: u32,
    },

    BadRecipient {
        text: String,
        reason: String,
    },

    BadIdentity {
        file: String,
        reason: String,
    },

    Encrypt(String),

    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl Localized for BackupError {
    fn code(&self) -> &'static str {
        match self {
            BackupError::WrongKey => "wrong_key",
            BackupError::NeedPassphrase => "need_passphrase",
            BackupError::NeedIdentity => "need_identity",
            BackupError::WeakPassphrase => "backup_weak_passphrase",
            BackupError::NotABackup => "not_a_backup",
            BackupError::Damaged { .. } => "damaged_backup",
            BackupError::Invalid { .. } => "invalid_backup",
            BackupError::TooLarge { .. } => "backup_too_large",
            BackupError::TooCostly { .. } => "backup_too_costly",
            BackupError::TooNew { .. } => "backup_too_new",
            BackupError::BadRecipient { .. } => "bad_recipient",
            BackupError::BadIdentity { .. } => "bad_identity",
            BackupError::Encrypt(_) => "encrypt",
            BackupError::Io { .. } => "backup_io",
            BackupError::Vault(e) => e.code(),
        }
    }

    fn args(&self) -> Args {
        match self {
            BackupError::WrongKey
            | BackupError::NeedPassphrase
            | BackupError::NeedIdentity
            | BackupError::WeakPassphrase
            | BackupError::NotABackup => Vec::new(),
            BackupError::Damaged { reason } | BackupError::Invalid { reason } | BackupError::Encrypt(reason) => {
                args![reason => reason.as_str()]
            }
            BackupError::TooLarge { what, limit } => args![what => what, limit => *limit],
            BackupError::TooCostly { log_n } => args![log_n => u32::from(*log_n)],
            BackupError::TooNew { found, known } => args![found => *found, known => *known],
            BackupError::BadRecipient { text, reason } => args![text => text.as_str(), reason => reason.as_str()],
            BackupError::BadIdentity { file, reason } => args![file => file.as_str(), reason => reason.as_str()],
            BackupError::Io { path, source } => args![path => path, source => source.to_string()],
            BackupError::Vault(e) => e.args(),
        }
    }
}

impl BackupError {
    pub(crate) fn invalid(reason: String) -> BackupError {
        BackupError::Invalid { reason }
    }
}

/// The encrypted, signed backup of a snapshot, in memory: a zip of
/// vCard 4, JSON with its `maker`, the signature and README, then age.
pub fn create(snapshot: &Snapshot, signing: &Signing, protection: &Protection) -> Result<Vec<u8>, BackupError> {
    let io = |e: std::io::Error| BackupError::Encrypt(e.to_string());
    make::make(snapshot, signing, protection, Vec::new(), &io).map(|(bytes, _)| bytes)
}

/// Decrypt, unpack and check a backup and its signature, reading it from
/// `file` as it goes: the plaintext is decrypted chunk by chunk as the zip
/// inside is read, each entry streams through its limits, so memory does not
/// grow with the file. Nothing here touches a vault, and nothing is written.
pub fn open<R: Read + Seek>(mut file: R, keys: &Keys, limits: &Limits) -> Result<Opened, BackupError> {
    let sha256 = file_sha256(&mut file, limits.max_file)?;
    let (plain, size) = crypt::decrypt(file, keys, limits.max_decrypted)?;
    let mut archive = archive::Archive::new(plain, size, limits)?;
    let contacts = archive.contacts()?;
    let signature = archive.signature()?;
    let budget = MEMORY_FLOOR.max(archive.data_compressed()?.saturating_mul(limits.memory_per_byte));
    let (snapshot, maker) = Snapshot::from_json(&mut archive, budget)?;
    let signed = match (&signature, archive.data_sha512()) {
        (Some(sig), Some(digest)) => Some(sign::verify(sig, digest).map_err(|reason| BackupError::Damaged {
            reason: format!("its signature does not check out: {reason} (서명이 맞지 않음)"),
        })?),
        _ => None,
    };
    let signer = signer(&snapshot, maker, signed, &contacts.sha256)?;
    let vcards = contacts.cards;
    if vcards != snapshot.people.len() {
        return Err(BackupError::invalid(format!(
            "contacts.vcf holds {vcards} people, lifeboat.json {}",
            snapshot.people.len()
        )));
    }
    Ok(Opened { snapshot, vcards, signer, sha256 })
}

/// The SHA-256 of the whole file, read in pieces, refused when longer than
/// `max`; the file is left at its start.
fn file_sha256(file: &mut (impl Read + Seek), max: u64) -> Result<String, BackupError> {
    use sha2::{Digest, Sha256};
    let damaged = |e: std::io::Error| BackupError::Damaged { reason: e.to_string() };
    let len = file.seek(std::io::SeekFrom::End(0)).map_err(damaged)?;
    if len > max {
        return Err(BackupError::TooLarge { what: Said::new("backup_what_file", Vec::new()), limit: max });
    }
    file.rewind().map_err(damaged)?;
    let mut hash = Sha256::new();
    std::io::copy(&mut file.take(max), &mut hash).map_err(damaged)?;
    file.rewind().map_err(damaged)?;
    Ok(hex::encode(hash.finalize()))
}

/// Who signed: the `maker` object and the signature must come together and
/// agree with each other, with the payload and with `contacts.vcf`.
fn signer(
    snapshot: &Snapshot,
    maker: Option<Maker>,
    signed: Option<SignerKey>,
    contacts_sha256: &str,
) -> Result<Signer, BackupError> {
    let damaged = |reason: &str| BackupError::Damaged { reason: reason.to_owned() };
    let (maker, key) = match (maker, signed) {
        (None, None) => return Ok(Signer::Unsigned),
        (Some(_), None) => {
            return Err(damaged("it names a maker but its signature was removed (서명이 없어짐)"));
        }
        (None, Some(_)) => return Err(damaged("it is signed but names no maker (만든 사람 정보가 없음)")),
        (Some(maker), Some(key)) => (maker, key),
    };
    if maker.key.split_whitespace().take(2).ne(key.openssh.split_whitespace()) {
        return Err(damaged("it is signed by another key than the one it names (서명한 키가 다름)"));
    }
    if maker.contacts_sha256 != contacts_sha256 {
        return Err(damaged("contacts.vcf was changed after signing (contacts.vcf가 서명 뒤에 바뀜)"));
    }
    let groups = snapshot.groups.iter().map(|g| &g.name);
    if maker.created_at != snapshot.created_at || maker.groups.iter().ne(groups) {
        return Err(BackupError::invalid(
            "its maker's date or groups differ from its contents (만든 날짜나 그룹이 내용과 다름)".into(),
        ));
    }
    if maker.name.chars().any(char::is_control) {
        return Err(BackupError::invalid("its maker's name holds control characters".into()));
    }
    Ok(Signer::Signed { name: maker.name, key })
}

/// Open a backup file for [`open`].
pub fn open_file(path: &Path) -> Result<std::fs::File, BackupError> {
    std::fs::File::open(path).map_err(|source| BackupError::Io { path: path.to_owned(), source })
}

/// The SHA-256 (hex) of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests;

/// The backup file being restored and who made it, for the vault's restore.
/// A backup is this vault's own when this vault's key signed it; the name
/// in it proves nothing (anyone can choose any name).
pub fn origin(vault: &Vault, opened: &Opened, path: &Path) -> Result<BackupOrigin, BackupError> {
    let (signer, fingerprint, own) = match &opened.signer {
        Signer::Unsigned => (None, None, false),
        Signer::Signed { name, key } => {
            let own = vault.is_own_signer(key)?;
            (Some(name.clone()), Some(key.fingerprint.clone()), own)
        }
    };
    Ok(BackupOrigin {
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        sha256: opened.sha256.clone(),
        made_at: opened.snapshot.created_at.clone(),
        signer,
        fingerprint,
        own,
    })
}
