//! `lifeboat backup create|restore|verify`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Subcommand;
use lifeboat::backup::{self, Keys, Limits, Protection};
use lifeboat::vault::{RestoreOptions, StoredIdentity, Vault};

use super::output::BatchSummary;
use super::{CliError, Global, Out, prompt, prompt_hidden};

#[derive(clap::Args)]
pub struct Backup {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    Create(Create),
    Restore(Restore),
    Verify(Verify),
}

#[derive(clap::Args)]
struct Create {
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    #[arg(long, value_name = "NAME")]
    group: Vec<String>,
    #[arg(long, value_name = "KEY")]
    recipient: Vec<String>,
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    #[arg(long)]
    with_messages: bool,
}

#[derive(clap::Args)]
struct Restore {
    file: PathBuf,
    #[arg(long, value_name = "FILE")]
    identity: Option<PathBuf>,
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    accept_new_signer: bool,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct Verify {
    file: PathBuf,
    #[arg(long, value_name = "FILE")]
    identity: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

impl Backup {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        match self.what {
            What::Create(c) => c.run(global, out),
            What::Restore(r) => r.run(global, out),
            What::Verify(v) => v.run(global, out),
        }
    }
}

const PASSPHRASE_ENV: &str = "LIFEBOAT_BACKUP_PASSPHRASE";

fn env_passphrase() -> Result<Option<backup::Passphrase>> {
    match std::env::var_os(PASSPHRASE_ENV) {
        Some(p) => {
            let p =
                zeroize::Zeroizing::new(p.into_string().map_err(|_| CliError::NotUtf8 { var: PASSPHRASE_ENV.into() })?);
            Ok(Some(backup::Passphrase::from(p.as_str())))
        }
        None => Ok(None),
    }
}

impl Create {
    fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let protection = if self.recipient.is_empty() {
            let passphrase = match env_passphrase()? {
                Some(p) => p,
                None => {
                    let first = prompt_hidden(&prompt("cli_prompt_backup_new", Vec::new()))?;
                    let second = prompt_hidden(&prompt("cli_prompt_repeat", Vec::new()))?;
                    if *first != *second {
                        return Err(CliError::BackupPassphrasesDiffer.into());
                    }
                    // From &str: a copy of exactly its length; `first` is wiped on drop.
                    backup::Passphrase::from(first.as_str())
                }
            };
            Protection::passphrase(passphrase)?
        } else {
            let mut list = Vec::new();
            for r in &self.recipient {
                list.extend(recipients(r)?);
            }
            Protection::Recipients(list)
        };
        let vault = global.open()?;
        let name = match self.name {
            Some(n) => super::config::maker_name(&n)?,
            None => vault.maker_name()?,
        };
        let c = backup::create_file(&vault, &self.output, &protection, &self.group, self.with_messages, Some(&name))?;
        let key = vault.signing_public()?;
        let wrote = lifeboat::args![
            path => &self.output,
            people => c.people,
            phones => c.phones,
            emails => c.emails,
            groups => c.groups,
            messages => c.messages,
        ];
        out.say("cli_backup_written", wrote)?;
        let signed = lifeboat::args![
            name => name.as_str(),
            fingerprint => key.fingerprint.as_str(),
            short => key.short.as_str(),
        ];
        out.say("cli_backup_signed_as", signed)
    }
}

/// A recipient on the command line, or a file of them (one per line, `#` comments).
fn recipients(arg: &str) -> Result<Vec<backup::Recipient>> {
    let path = Path::new(arg);
    if !arg.starts_with("age1") && !arg.starts_with("ssh-") && path.is_file() {
        let text =
            std::fs::read_to_string(path).with_context(|| CliError::ReadRecipientsFile { file: arg.to_owned() })?;
        let list = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(backup::parse_recipient)
            .collect::<Result<Vec<_>, _>>()?;
        if list.is_empty() {
            return Err(CliError::NoRecipientInFile { file: arg.to_owned() }.into());
        }
        return Ok(list);
    }
    Ok(vec![backup::parse_recipient(arg)?])
}

/// The keys to try on a backup: a passphrase when it is protected by one,
/// else the --identity file, else the keys kept in the vault.
fn keys(
    file: &mut std::fs::File,
    identity: Option<&Path>,
    stored: impl FnOnce() -> Result<Vec<StoredIdentity>>,
) -> Result<Keys> {
    if backup::needs_passphrase(file)? {
        let passphrase = match env_passphrase()? {
            Some(p) => p,
            None => backup::Passphrase::from(prompt_hidden(&prompt("cli_prompt_backup", Vec::new()))?.as_str()),
        };
        return Ok(Keys { passphrase: Some(passphrase), identities: Vec::new() });
    }
    let identities = match identity {
        Some(path) => {
            let data = std::fs::read(path).with_context(|| CliError::ReadKeyFile { path: path.to_owned() })?;
            backup::parse_identity_file(&path.display().to_string(), &data)?
        }
        None => backup::from_secrets(stored()?.iter().map(|k| k.secret.as_str()))?,
    };
    Ok(Keys { passphrase: None, identities })
}

impl Restore {
    fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut file = backup::open_file(&self.file)?;
        let mut vault = global.open()?;
        let keys = keys(&mut file, self.identity.as_deref(), || Ok(vault.backup_identities()?))?;
        let opened = backup::open(file, &keys, &Limits::default())?;
        let origin = backup::origin(&vault, &opened, &self.file)?;
        let opts = RestoreOptions { dry_run: self.dry_run, accept_new_signer: self.accept_new_signer };
        let report = vault.restore(&opened.snapshot, &origin, opts)?;
        if self.json {
            let shown = super::preview::restore_json(out.speak(), &report)?;
            return out.json(&shown);
        }
        super::preview::print_restore(out, &report)?;
        out.batch_summary(&BatchSummary {
            kind: "restore",
            dry_run: self.dry_run,
            batch_id: report.batch_id,
            people: report.new_people,
            phones: report.new_phones,
            emails: report.new_emails,
            groups: report.new_groups,
            members: report.new_members,
            messages: report.new_messages,
            known: report.merged_people,
            nothing_new: "cli_restore_nothing_new",
        })?;
        if report.new_handles > 0 {
            out.say("cli_import_handles", lifeboat::args![n => report.new_handles])?;
        }
        Ok(())
    }
}

impl Verify {
    fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut file = backup::open_file(&self.file)?;
        // Verifying needs no vault, unless the backup was made to the vault's own key.
        let keys = keys(&mut file, self.identity.as_deref(), || {
            let dir = global.vault_dir()?;
            if Vault::exists(&dir) { Ok(global.open()?.backup_identities()?) } else { Ok(Vec::new()) }
        })?;
        let opened = backup::open(file, &keys, &Limits::default())?;
        let c = opened.snapshot.counts();
        if self.json {
            #[derive(serde::Serialize)]
            struct Report<'a> {
                #[serde(flatten)]
                counts: backup::Counts,
                signer: &'a backup::Signer,
            }
            return out.json(&Report { counts: c, signer: &opened.signer });
        }
        let verified = lifeboat::args![
            path => &self.file,
            made => opened.snapshot.created_at.as_str(),
            people => c.people,
            phones => c.phones,
            emails => c.emails,
            groups => c.groups,
            members => c.members,
            messages => c.messages,
            cards => opened.vcards,
        ];
        out.say("cli_backup_verified", verified)?;
        match &opened.signer {
            backup::Signer::Signed { name, key } => {
                let signed = lifeboat::args![
                    name => name.as_str(),
                    named => if name.is_empty() { "no" } else { "yes" },
                    fingerprint => key.fingerprint.as_str(),
                    short => key.short.as_str(),
                ];
                out.say("cli_backup_signed_by", signed)
            }
            backup::Signer::Unsigned => out.say("cli_backup_unsigned", Vec::new()),
        }
    }
}
