//! `lifeboat init` and `lifeboat passwd`.

use anyhow::Result;
use lifeboat::vault::{Passphrase, Vault};
use zeroize::Zeroizing;

use super::{CliError, Global, Out, prompt_hidden, read_passphrase_file};

/// Create a new encrypted vault.
///
/// The passphrase comes from $LIFEBOAT_PASSPHRASE, --passphrase-file, or a
/// prompt (asked twice). An existing vault is never overwritten.
#[derive(clap::Args)]
pub struct Init {}

impl Init {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let dir = global.vault_dir()?;
        if Vault::exists(&dir) {
            return Err(lifeboat::vault::VaultError::AlreadyExists { dir }.into());
        }
        let passphrase = if std::env::var_os("LIFEBOAT_PASSPHRASE").is_some() || global.passphrase_file.is_some() {
            global.passphrase("")?
        } else {
            new_passphrase_prompt()?
        };
        if Vault::unfinished_init(&dir) {
            out.say("cli_init_starting_over", lifeboat::args![dir => &dir])?;
        }
        Vault::create(&dir, &passphrase)?;
        out.say("cli_init_created", lifeboat::args![dir => &dir])?;
        out.say("cli_init_next", Vec::new())
    }
}

/// Change the vault's passphrase (re-encrypts the vault).
///
/// The new passphrase comes from $LIFEBOAT_NEW_PASSPHRASE, --new-passphrase-file,
/// or a prompt (asked twice).
#[derive(clap::Args)]
pub struct Passwd {
    /// Read the new passphrase from this file (first line).
    #[arg(long, value_name = "FILE")]
    new_passphrase_file: Option<std::path::PathBuf>,
}

impl Passwd {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let new = if let Some(p) = std::env::var_os("LIFEBOAT_NEW_PASSPHRASE") {
            Zeroizing::new(p.into_string().map_err(|_| CliError::NotUtf8 { var: "LIFEBOAT_NEW_PASSPHRASE".into() })?)
        } else if let Some(file) = &self.new_passphrase_file {
            read_passphrase_file(file)?
        } else {
            new_passphrase_prompt()?
        };
        vault.change_passphrase(&new)?;
        out.say("cli_passphrase_changed", lifeboat::args![dir => vault.dir()])
    }
}

fn new_passphrase_prompt() -> Result<Passphrase> {
    let first = prompt_hidden("New passphrase (새 암호, 8자 이상): ")?;
    let second = prompt_hidden("Repeat it (다시 입력): ")?;
    if *first != *second {
        return Err(CliError::PassphrasesDiffer.into());
    }
    Ok(first)
}
