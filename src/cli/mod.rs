//! The command-line front end. Each subcommand lives in its own file as a clap
//! `Args` struct with a `run` function; its help text is in
//! `i18n/*/help.ftl`, in the run's language (see [`help`]).

mod ask;
mod backup;
mod config;
mod decide;
mod error;
mod export;
mod groups;
mod handoff;
mod help;
mod history;
mod import;
mod init;
mod keygen;
mod lang;
mod merge;
mod not_same;
mod output;
mod people;
mod preview;
mod redact;
mod suggest;
mod unmerge;
mod usage_error;

use std::io;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use lifeboat::vault::{Passphrase, Vault};
use zeroize::Zeroizing;

pub use error::CliError;
pub use lang::Speak;
pub use output::Out;

#[derive(Parser)]
#[command(name = "lifeboat", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// Options every subcommand takes.
#[derive(clap::Args)]
pub struct Global {
    #[arg(long, global = true, value_name = "DIR")]
    vault: Option<PathBuf>,
    #[arg(long, global = true, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    Init(init::Init),
    Passwd(init::Passwd),
    Import(import::Import),
    People(people::People),
    Show(people::Show),
    Search(people::Search),
    Groups(groups::Groups),
    Handoff(handoff::Handoff),
    Roster(groups::Roster),
    Ask(ask::AskRoom),
    Imports(history::Imports),
    Undo(history::Undo),
    Suggest(suggest::Suggest),
    Confirm(decide::Confirm),
    Reject(decide::Reject),
    Assign(decide::Assign),
    Rename(decide::Rename),
    Merge(merge::Merge),
    NotSame(not_same::NotSame),
    Unmerge(unmerge::Unmerge),
    Redact(redact::Redact),
    Config(config::Config),
    Export(export::Export),
    Backup(backup::Backup),
    Keygen(keygen::Keygen),
}

pub fn run() -> std::process::ExitCode {
    let cli = help::parse();
    let mut out = Out::stdout();
    let result = match cli.command {
        Command::Init(c) => c.run(&cli.global, &mut out),
        Command::Passwd(c) => c.run(&cli.global, &mut out),
        Command::Import(c) => c.run(&cli.global, &mut out),
        Command::People(c) => c.run(&cli.global, &mut out),
        Command::Show(c) => c.run(&cli.global, &mut out),
        Command::Search(c) => c.run(&cli.global, &mut out),
        Command::Groups(c) => c.run(&cli.global, &mut out),
        Command::Handoff(c) => c.run(&cli.global, &mut out),
        Command::Roster(c) => c.run(&cli.global, &mut out),
        Command::Imports(c) => c.run(&cli.global, &mut out),
        Command::Undo(c) => c.run(&cli.global, &mut out),
        Command::Suggest(c) => c.run(&cli.global, &mut out),
        Command::Ask(c) => c.run(&cli.global, &mut out),
        Command::Confirm(c) => c.run(&cli.global, &mut out),
        Command::Reject(c) => c.run(&cli.global, &mut out),
        Command::Assign(c) => c.run(&cli.global, &mut out),
        Command::Rename(c) => c.run(&cli.global, &mut out),
        Command::Merge(c) => c.run(&cli.global, &mut out),
        Command::NotSame(c) => c.run(&cli.global, &mut out),
        Command::Unmerge(c) => c.run(&cli.global, &mut out),
        Command::Redact(c) => c.run(&cli.global, &mut out),
        Command::Config(c) => c.run(&cli.global, &mut out),
        Command::Export(c) => c.run(&cli.global, &mut out),
        Command::Backup(c) => c.run(&cli.global, &mut out),
        Command::Keygen(c) => c.run(&cli.global, &mut out),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // Piped into `head`: not an error.
        Err(e) if e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) => {
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = out.flush();
            eprintln!("lifeboat: {}", Speak::from_env().error_chain(&e));
            std::process::ExitCode::FAILURE
        }
    }
}

impl Global {
    /// `--vault`, else `LIFEBOAT_VAULT`, else the OS data directory.
    pub fn vault_dir(&self) -> Result<PathBuf> {
        if let Some(dir) = &self.vault {
            return Ok(dir.clone());
        }
        if let Some(dir) = std::env::var_os("LIFEBOAT_VAULT").filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        Vault::default_dir().ok_or_else(|| CliError::NoDataDir.into())
    }

    /// `LIFEBOAT_PASSPHRASE`, else `--passphrase-file`, else a hidden prompt.
    pub fn passphrase(&self, prompt: &str) -> Result<Passphrase> {
        if let Some(p) = std::env::var_os("LIFEBOAT_PASSPHRASE") {
            return Ok(Zeroizing::new(
                p.into_string().map_err(|_| CliError::NotUtf8 { var: "LIFEBOAT_PASSPHRASE".into() })?,
            ));
        }
        if let Some(file) = &self.passphrase_file {
            return read_passphrase_file(file);
        }
        prompt_hidden(prompt)
    }

    /// Unlock the vault for a command.
    pub fn open(&self) -> Result<Vault> {
        let dir = self.vault_dir()?;
        if !Vault::exists(&dir) {
            return Ok(Vault::open(&dir, "")?);
        }
        let passphrase =
            self.passphrase(&prompt("cli_prompt_passphrase", lifeboat::args![dir => dir.display().to_string()]))?;
        Ok(Vault::open(&dir, &passphrase)?)
    }
}

pub fn read_passphrase_file(file: &std::path::Path) -> Result<Passphrase> {
    let text = Zeroizing::new(
        std::fs::read_to_string(file).with_context(|| CliError::ReadPassphraseFile { path: file.to_owned() })?,
    );
    let line = text.lines().next().unwrap_or("");
    Ok(Zeroizing::new(line.to_owned()))
}

/// A prompt's words in the run's language, with the `: ` it ends in.
pub fn prompt(id: &str, args: lifeboat::i18n::Args) -> String {
    format!("{}: ", Speak::from_env().cell(id, args))
}

pub fn prompt_hidden(prompt: &str) -> Result<Passphrase> {
    if !std::io::IsTerminal::is_terminal(&io::stdin()) {
        return Err(CliError::NoPassphrase.into());
    }
    Ok(Zeroizing::new(rpassword::prompt_password(prompt)?))
}
