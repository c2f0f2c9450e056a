//! `lifeboat init` and `lifeboat passwd`.

use anyhow::Result;
use lifeboat::vault::{Passphrase, Vault};
use zeroize::Zeroizing;

use super::{CliError, Global, Out, prompt, prompt_hidden, read_passphrase_file};

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

#[derive(clap::Args)]
pub struct Passwd {
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
    let first = prompt_hidden(&prompt("cli_prompt_new_passphrase", Vec::new()))?;
    let second = prompt_hidden(&prompt("cli_prompt_repeat", Vec::new()))?;
    if *first != *second {
        return Err(CliError::PassphrasesDiffer.into());
    }
    Ok(first)
}
