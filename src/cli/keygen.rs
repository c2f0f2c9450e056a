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
            return out.line(format!(
                "Kept {} new backup key(s){} from {}: your backups open here and restore as your own.\n키를 가져왔습니다(백업 키 {}개{}). 내 백업을 이 보관함에서 그대로 복원할 수 있습니다.",
                imported.identities,
                if imported.signing { " and your signing key" } else { "" },
                path.display(),
                imported.identities,
                if imported.signing { ", 서명 키" } else { "" },
            ));
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
                out.line(format!(
                    "You already have a backup key (made {}); --new makes another. / 이미 백업 키가 있습니다.",
                    k.created_at
                ))?;
                k.recipient
            }
            _ => {
                let k = lifeboat::backup::generate();
                vault.add_backup_identity(&k.secret, &k.recipient)?;
                out.line(
                    "Made a new backup key and kept it in the vault. / 새 백업 키를 만들어 보관함에 저장했습니다.",
                )?;
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
                out.line(format!(
                    "Wrote your secret keys to {}: keep it offline; anyone with it can open your backups and sign as you. On a new computer: lifeboat keygen --import FILE.\n비밀 키를 저장했습니다. 안전한 곳에 따로 보관하세요. 새 컴퓨터에서는 lifeboat keygen --import 파일.",
                    path.display()
                ))
            }
            None => out.line(
                "Keep a copy outside the vault (`lifeboat keygen --write-identity FILE`): without it, a lost vault means unreadable backups.\n보관함 밖에도 키 사본을 두세요(--write-identity). 없으면 보관함을 잃을 때 백업도 열 수 없습니다.",
            ),
        }
    }
}
