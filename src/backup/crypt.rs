//! The age layer: encrypt to a passphrase (scrypt) or to recipients (age
//! X25519, ssh-ed25519, ssh-rsa), and decrypt as a stream with a size limit.

use crate::i18n::Said;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::str::FromStr;

use age::secrecy::SecretString;

use super::BackupError;

/// age's standard scrypt work factor (log2 N). Passphrase backups always use it.
const SCRYPT_LOG_N: u8 = 18;
/// Debug builds only, for the test suite (`LIFEBOAT_INSECURE_TEST_KDF=1`).
const TEST_SCRYPT_LOG_N: u8 = 10;
/// The most work a passphrase backup may ask of us (about 1 GiB of memory):
/// a hostile file must not make us spend hours or tens of GiB.
const MAX_SCRYPT_LOG_N: u8 = 20;

/// A backup passphrase, wiped from memory on drop.
pub type Passphrase = SecretString;
/// A public key a backup can be encrypted to.
pub type Recipient = Box<dyn age::Recipient + Send>;

/// Who can open a backup.
pub enum Protection {
    Passphrase(Passphrase),
    Recipients(Vec<Recipient>),
}

impl Protection {
    /// Passphrase protection; refuses one too short to resist guessing.
    pub fn passphrase(passphrase: Passphrase) -> Result<Protection, BackupError> {
        use age::secrecy::ExposeSecret;
        if passphrase.expose_secret().chars().count() < 8 {
            return Err(BackupError::WeakPassphrase);
        }
        Ok(Protection::Passphrase(passphrase))
    }
}

/// What we may try to open a backup with.
#[derive(Default)]
pub struct Keys {
    pub passphrase: Option<SecretString>,
    pub identities: Vec<Box<dyn age::Identity + Send + Sync>>,
}

fn scrypt_work_factor() -> u8 {
    if cfg!(debug_assertions) && std::env::var_os("LIFEBOAT_INSECURE_TEST_KDF").is_some() {
        TEST_SCRYPT_LOG_N
    } else {
        SCRYPT_LOG_N
    }
}

/// A recipient as the user writes it: `age1…`, `ssh-ed25519 AAAA…`, `ssh-rsa AAAA…`.
pub fn parse_recipient(text: &str) -> Result<Recipient, BackupError> {
    let text = text.trim();
    if text.starts_with("age1") {
        return age::x25519::Recipient::from_str(text)
            .map(|r| Box::new(r) as _)
            .map_err(|e| BackupError::BadRecipient { text: text.to_owned(), reason: e.to_string() });
    }
    if text.starts_with("ssh-") {
        return age::ssh::Recipient::from_str(text)
            .map(|r| Box::new(r) as _)
            .map_err(|e| BackupError::BadRecipient { text: text.to_owned(), reason: format!("{e:?}") });
    }
    Err(BackupError::BadRecipient {
        text: text.to_owned(),
        reason: "expected age1…, ssh-ed25519 … or ssh-rsa …".into(),
    })
}

/// Identities from a key file: an age identity file (`AGE-SECRET-KEY-1…`
/// lines) or an unencrypted OpenSSH private key.
pub fn parse_identity_file(name: &str, bytes: &[u8]) -> Result<Vec<Box<dyn age::Identity + Send + Sync>>, BackupError> {
    let bad = |reason: String| BackupError::BadIdentity { file: name.to_owned(), reason };
    let text = std::str::from_utf8(bytes).map_err(|_| bad("not a text file".into()))?;
    if text.trim_start().starts_with("-----BEGIN") {
        let identity = age::ssh::Identity::from_buffer(bytes, Some(name.to_owned())).map_err(|e| bad(e.to_string()))?;
        return match identity {
            age::ssh::Identity::Unencrypted(_) => Ok(vec![Box::new(identity)]),
            age::ssh::Identity::Encrypted(_) => {
                Err(bad("the SSH key is passphrase-protected; decrypt a copy with `ssh-keygen -p`".into()))
            }
            age::ssh::Identity::Unsupported(k) => Err(bad(format!("unsupported SSH key type {k:?}"))),
        };
    }
    let file = age::IdentityFile::from_buffer(bytes).map_err(|e| bad(e.to_string()))?;
    let identities = file.into_identities().map_err(|e| bad(e.to_string()))?;
    if identities.is_empty() {
        return Err(bad("no identity in the file".into()));
    }
    Ok(identities)
}

/// Encrypt a whole payload.
#[cfg(test)]
pub fn encrypt(payload: &[u8], protection: &Protection) -> Result<Vec<u8>, BackupError> {
    use std::io::Write;
    let mut out = Vec::with_capacity(payload.len() + 1024);
    let mut writer = encryptor(protection)?.wrap_output(&mut out).map_err(|e| BackupError::Encrypt(e.to_string()))?;
    writer
        .write_all(payload)
        .and_then(|_| writer.finish().map(|_| ()))
        .map_err(|e| BackupError::Encrypt(e.to_string()))?;
    Ok(out)
}

/// The age encryptor for a backup's protection.
pub(super) fn encryptor(protection: &Protection) -> Result<age::Encryptor, BackupError> {
    match protection {
        Protection::Passphrase(passphrase) => {
            let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
            recipient.set_work_factor(scrypt_work_factor());
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        }
        Protection::Recipients(list) => {
            age::Encryptor::with_recipients(list.iter().map(|r| r.as_ref() as &dyn age::Recipient))
        }
    }
    .map_err(|e| BackupError::Encrypt(e.to_string()))
}

/// True when the file is protected by a passphrase rather than a key. Reads
/// the header only and goes back to the start.
pub fn needs_passphrase<R: Read + Seek>(file: &mut R) -> Result<bool, BackupError> {
    let scrypt = decryptor(&mut *file)?.is_scrypt();
    file.rewind().map_err(|e| BackupError::Damaged { reason: e.to_string() })?;
    Ok(scrypt)
}

/// The plaintext of a backup as it is read: a stream of authenticated chunks
/// that seeks (each chunk is decrypted when read), so the zip inside is read
/// where it lies and the whole plaintext is never in memory.
pub type Plaintext<R> = age::stream::StreamReader<age::armor::ArmoredReader<BufReader<R>>>;

fn decryptor<R: Read>(file: R) -> Result<age::Decryptor<age::armor::ArmoredReader<BufReader<R>>>, BackupError> {
    age::Decryptor::new_buffered(age::armor::ArmoredReader::new(file)).map_err(|e| match e {
        age::DecryptError::InvalidHeader | age::DecryptError::UnknownFormat => BackupError::NotABackup,
        age::DecryptError::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => BackupError::NotABackup,
        other => BackupError::Damaged { reason: other.to_string() },
    })
}

/// Decrypt, refusing more than `limit` bytes of plaintext. Every chunk is
/// authenticated as it is read, and the last one, which says where the
/// plaintext ends, here: a truncated or altered file fails here or when the
/// altered chunk is read.
/// Returns the plaintext and its length.
pub fn decrypt<R: Read + Seek>(file: R, keys: &Keys, limit: u64) -> Result<(Plaintext<R>, u64), BackupError> {
    let decryptor = decryptor(file)?;
    let mut reader = if decryptor.is_scrypt() {
        let Some(passphrase) = &keys.passphrase else { return Err(BackupError::NeedPassphrase) };
        let mut identity = age::scrypt::Identity::new(passphrase.clone());
        identity.set_max_work_factor(MAX_SCRYPT_LOG_N);
        decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity))
    } else {
        if keys.identities.is_empty() {
            return Err(BackupError::NeedIdentity);
        }
        decryptor.decrypt(keys.identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
    }
    .map_err(|e| match e {
        age::DecryptError::NoMatchingKeys
        | age::DecryptError::DecryptionFailed
        | age::DecryptError::KeyDecryptionFailed => BackupError::WrongKey,
        age::DecryptError::ExcessiveWork { required, .. } => BackupError::TooCostly { log_n: required },
        other => BackupError::Damaged { reason: other.to_string() },
    })?;
    let damaged =
        |e: std::io::Error| BackupError::Damaged { reason: format!("the encrypted data does not check out ({e})") };
    let len = reader.seek(SeekFrom::End(0)).map_err(damaged)?;
    if len > limit {
        return Err(BackupError::TooLarge { what: Said::new("backup_what_decrypted", Vec::new()), limit });
    }
    reader.rewind().map_err(damaged)?;
    Ok((reader, len))
}
