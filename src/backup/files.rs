//! Backups as files, for callers that already hold the passphrase (the
//! desktop app asks for it in its own page): make, verify and restore a
//! backup file, and the user's own public key.

use std::fs::File;
use std::path::Path;

use serde::Serialize;

use super::{BackupError, Counts, Keys, Limits, Passphrase, Protection, Signer, SignerKey, Signing};
use crate::export::{ExportError, PrivateFile};
use crate::vault::{RestoreOptions, RestoreReport, Vault};

/// What a verified backup holds.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Verified {
    pub created_at: String,
    pub counts: Counts,
    /// Cards in `contacts.vcf`.
    pub vcards: usize,
    /// Who signed it, the signature checked.
    pub signer: Signer,
}

/// Write an encrypted backup of the vault (or of the named groups) to
/// `path`, signed by the vault's key under `name` (default: the vault's
/// `name` setting, else the person marked as me).
pub fn create_file(
    vault: &Vault,
    path: &Path,
    protection: &Protection,
    groups: &[String],
    with_messages: bool,
    name: Option<&str>,
) -> Result<Counts, BackupError> {
    let name = match name {
        Some(n) => n.to_owned(),
        None => vault.maker_name()?,
    };
    let signing = Signing { name, key: vault.signing_key()? };
    let file = PrivateFile::create(path).map_err(from_export)?;
    let part = file.part().to_owned();
    let io = |source| BackupError::Io { path: part.clone(), source };
    // One read transaction: the backup is the vault at one moment, and its
    // million queries lock the file once. On any failure the file is
    // dropped unfinished, which removes it.
    let (file, counts) = vault.reading_everyone(|| {
        let contents = super::make::FromVault::new(vault, groups, with_messages)?;
        super::make::make(&contents, &signing, protection, file, &io)
    })?;
    file.finish().map_err(from_export)?;
    Ok(counts)
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<(), BackupError> {
    crate::export::write_private(path, bytes).map_err(from_export)
}

fn from_export(e: ExportError) -> BackupError {
    match e {
        ExportError::Io { path, source } => BackupError::Io { path, source },
        other => BackupError::Encrypt(other.to_string()),
    }
}

/// Check that a backup decrypts and is whole; writes nothing. A backup made
/// to a key opens with the keys kept in `vault`, when one is given.
pub fn verify_file(
    path: &Path,
    passphrase: Option<Passphrase>,
    vault: Option<&Vault>,
) -> Result<Verified, BackupError> {
    let mut file = super::open_file(path)?;
    let keys = keys(&mut file, passphrase, vault)?;
    let opened = super::open(file, &keys, &Limits::default())?;
    Ok(Verified {
        created_at: opened.snapshot.created_at.clone(),
        counts: opened.snapshot.counts(),
        vcards: opened.vcards,
        signer: opened.signer,
    })
}

/// Merge a backup file into the vault as one batch, or with `dry_run` only
/// count what it would add.
pub fn restore_file(
    vault: &mut Vault,
    path: &Path,
    passphrase: Option<Passphrase>,
    opts: RestoreOptions,
) -> Result<RestoreReport, BackupError> {
    let mut file = super::open_file(path)?;
    let keys = keys(&mut file, passphrase, Some(vault))?;
    let opened = super::open(file, &keys, &Limits::default())?;
    let origin = super::origin(vault, &opened, path)?;
    Ok(vault.restore(&opened.snapshot, &origin, opts)?)
}

/// The user's own public key (`age1…`), made and kept in the vault the first time.
pub fn my_recipient(vault: &Vault) -> Result<String, BackupError> {
    if let Some(newest) = vault.backup_identities()?.into_iter().next() {
        return Ok(newest.recipient);
    }
    let made = super::generate();
    vault.add_backup_identity(&made.secret, &made.recipient)?;
    Ok(made.recipient)
}

/// Your keys as others see them: the public key they back up to (made the
/// first time) and the signing key your backups carry.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct MyKeys {
    pub recipient: String,
    pub signing: SignerKey,
}

pub fn my_keys(vault: &Vault) -> Result<MyKeys, BackupError> {
    Ok(MyKeys { recipient: my_recipient(vault)?, signing: vault.signing_public()? })
}

/// Write your newest backup key and your signing key to `path`, readable
/// only by you: for safekeeping, or for `import_keys` on your next computer.
/// Returns the public key the file holds the secret of.
pub fn save_keys(vault: &Vault, path: &Path) -> Result<String, BackupError> {
    let recipient = my_recipient(vault)?;
    let newest = vault.backup_identities()?.into_iter().find(|k| k.recipient == recipient);
    let Some(newest) = newest else { return Err(BackupError::Encrypt("the backup key just made is missing".into())) };
    // The file text holds the secrets: wiped on drop like the secrets themselves.
    let text = super::key_file(&newest.secret, &newest.recipient, &vault.signing_key()?);
    write_private(path, text.as_bytes())?;
    Ok(recipient)
}

/// What `keygen --import` kept.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportedKeys {
    /// Age identities new to this vault.
    pub identities: usize,
    /// True when the file's signing key was new to this vault.
    pub signing: bool,
}

/// Bring the keys of a key file (`keygen --write-identity`, from the user's
/// other vault) into this one: backups made to them open here, and backups
/// signed by them restore as the user's own.
pub fn import_keys(vault: &Vault, path: &Path) -> Result<ImportedKeys, BackupError> {
    let io = |source| BackupError::Io { path: path.to_owned(), source };
    if std::fs::metadata(path).map_err(io)?.len() > 64 * 1024 {
        return Err(BackupError::BadIdentity {
            file: path.display().to_string(),
            reason: "too large for a key file".into(),
        });
    }
    let text = zeroize::Zeroizing::new(std::fs::read_to_string(path).map_err(io)?);
    let file = super::read_key_file(&path.display().to_string(), &text)?;
    let known: Vec<String> = vault.backup_identities()?.into_iter().map(|k| k.recipient).collect();
    let mut imported = ImportedKeys::default();
    for id in file.identities.iter().filter(|id| !known.contains(&id.recipient)) {
        vault.add_backup_identity(&id.secret, &id.recipient)?;
        imported.identities += 1;
    }
    if let Some(signing) = &file.signing {
        imported.signing = vault.add_signing_key(signing)?;
    }
    Ok(imported)
}

/// The passphrase for a passphrase backup (refused when missing), else the
/// keys kept in the vault.
fn keys(file: &mut File, passphrase: Option<Passphrase>, vault: Option<&Vault>) -> Result<Keys, BackupError> {
    if super::needs_passphrase(file)? {
        let passphrase = passphrase.ok_or(BackupError::NeedPassphrase)?;
        return Ok(Keys { passphrase: Some(passphrase), identities: Vec::new() });
    }
    let stored = match vault {
        Some(v) => v.backup_identities()?,
        None => Vec::new(),
    };
    Ok(Keys { passphrase: None, identities: super::from_secrets(stored.iter().map(|k| k.secret.as_str()))? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_to_me_verifies_and_restores_without_a_key_file() {
        let d = tempfile::tempdir().unwrap();
        let mut v = Vault::create(&d.path().join("v"), "correct horse battery").unwrap();
        let me = my_recipient(&v).unwrap();
        assert_eq!(my_recipient(&v).unwrap(), me, "the key is made once");
        let out = d.path().join("b.age");
        let protection = Protection::Recipients(vec![super::super::parse_recipient(&me).unwrap()]);
        let counts = create_file(&v, &out, &protection, &[], false, Some("나")).unwrap();
        let verified = verify_file(&out, None, Some(&v)).unwrap();
        assert_eq!(verified.counts, counts);
        assert_eq!(verified.signer, Signer::Signed { name: "나".into(), key: v.signing_public().unwrap() });
        assert!(matches!(verify_file(&out, None, None), Err(BackupError::NeedIdentity | BackupError::WrongKey)));
        let report = restore_file(&mut v, &out, None, RestoreOptions { dry_run: true, ..Default::default() }).unwrap();
        assert!(report.dry_run && report.batch_id.is_none());
    }

    #[test]
    fn a_passphrase_backup_needs_its_passphrase() {
        let d = tempfile::tempdir().unwrap();
        let v = Vault::create(&d.path().join("v"), "correct horse battery").unwrap();
        let out = d.path().join("b.age");
        let protection = Protection::passphrase(Passphrase::from("backup passphrase".to_owned())).unwrap();
        create_file(&v, &out, &protection, &[], false, None).unwrap();
        assert!(matches!(verify_file(&out, None, Some(&v)), Err(BackupError::NeedPassphrase)));
        let wrong = Some(Passphrase::from("not the passphrase".to_owned()));
        assert!(matches!(verify_file(&out, wrong, Some(&v)), Err(BackupError::WrongKey)));
        let right = Some(Passphrase::from("backup passphrase".to_owned()));
        assert_eq!(verify_file(&out, right, None).unwrap().counts.people, 0);
    }
}
