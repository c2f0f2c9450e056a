//! `lifeboat keygen`.

use std::path::PathBuf;

use anyhow::Result;
use lifeboat::backup::SignerKey;

use super::{CliError, Global, Out};

/// Make your own keys, kept in the vault: a backup key (an age X25519
/// identity) others encrypt backups to, and a signing key (Ed25519) that
/// signs every backup you make.
///
/// Back up to yourself with `lifeboat backup create --recipient "$(lifeboat
/// keygen --show-recipient | head -n1)"`; `backup restore` then needs no key
/// file while this vault exists. Keep a copy of the key elsewhere
/// (--write-identity): without the vault or that copy, such a backup cannot
/// be opened.
#[derive(clap::Args)]
pub struct Keygen {
    /// Print your public key (age1…) on the first line, then your signing key
    /// (ssh-ed25519 …), its fingerprint (SHA256:…) and the short form to read aloud.
    #[arg(long)]
    show_recipient: bool,
    /// With --show-recipient: print them as JSON.
    #[arg(long, requires = "show_recipient")]
    json: bool,
    /// Make another backup key even if you have one (old keys are kept for old backups).
    #[arg(long)]
    new: bool,
    /// Also write your secret keys (backup and signing) to this file
    /// (readable only by you), for safekeeping or for your next computer.
    #[arg(long, value_name = "FILE")]
    write_identity: Option<PathBuf>,
    /// Bring the keys of a file written by --write-identity on your other
    /// computer into this vault: your backups then open here and restore as
    /// your own, exactly as they were.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["show_recipient", "new", "write_identity"])]
    import: Option<PathBuf>,
}

impl Keygen {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        if let Some(path) = &self.import {
            let imported = lifeboat::backup::import_keys(&vault, path)?;
            let kept = lifeboat::args![
                n => imported.identities,
                signing => if imported.signing { "yes" } else { "no" },
                path => path,
            ];
            return out.say("cli_keys_imported", kept);
        }
        let existing = vault.backup_identities()?;
        if self.show_recipient {
            let Some(newest) = existing.first() else {
                return Err(CliError::NoBackupKey.into());
            };
            let signing = vault.signing_public()?;
            if self.json {
                #[derive(serde::Serialize)]
                struct Shown<'a> {
                    recipient: &'a str,
                    signing: &'a SignerKey,
                }
                return out.json(&Shown { recipient: &newest.recipient, signing: &signing });
            }
            // Bare values, one per line, for scripts: `sed -n 2p` is an allowed_signers key.
            for line in [&newest.recipient, &signing.openssh, &signing.fingerprint, &signing.short] {
                out.line(line)?;
            }
            return Ok(());
        }
        let recipient = match existing.into_iter().next() {
            Some(k) if !self.new => {
                out.say("cli_key_exists", lifeboat::args![made => k.created_at.as_str()])?;
                k.recipient
            }
            _ => {
                let k = lifeboat::backup::generate();
                vault.add_backup_identity(&k.secret, &k.recipient)?;
                out.say("cli_key_made", Vec::new())?;
                k.recipient
            }
        };
        out.line(format!("Public key (받는 사람 키): {recipient}"))?;
        let signing = vault.signing_public()?;
        out.line(format!("Signing key (서명 키): {}", signing.openssh))?;
        out.line(format!("Fingerprint (지문): {}  read aloud (읽어 주기): {}", signing.fingerprint, signing.short))?;
        match self.write_identity {
            Some(path) => {
                lifeboat::backup::save_keys(&vault, &path)?;
                out.say("cli_keys_written", lifeboat::args![path => &path])
            }
            None => out.say("cli_keep_a_key_copy", Vec::new()),
        }
    }
}
