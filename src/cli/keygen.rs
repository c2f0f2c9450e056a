//! `lifeboat keygen`.

use std::path::PathBuf;

use anyhow::Result;
use lifeboat::backup::SignerKey;

use super::{CliError, Global, Out};

#[derive(clap::Args)]
pub struct Keygen {
    #[arg(long)]
    show_recipient: bool,
    #[arg(long, requires = "show_recipient")]
    json: bool,
    #[arg(long)]
    new: bool,
    #[arg(long, value_name = "FILE")]
    write_identity: Option<PathBuf>,
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
        let speak = out.speak();
        out.line(format!("{}: {recipient}", speak.word("cli_key_public")))?;
        let signing = vault.signing_public()?;
        out.line(format!("{}: {}", speak.word("cli_key_signing"), signing.openssh))?;
        out.line(format!(
            "{}: {}  {}: {}",
            speak.word("cli_key_fingerprint"),
            signing.fingerprint,
            speak.word("cli_key_read_aloud"),
            signing.short
        ))?;
        match self.write_identity {
            Some(path) => {
                lifeboat::backup::save_keys(&vault, &path)?;
                out.say("cli_keys_written", lifeboat::args![path => &path])
            }
            None => out.say("cli_keep_a_key_copy", Vec::new()),
        }
    }
}
