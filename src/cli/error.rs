//! The command line's own errors (the core's come as its modules' errors):
//! codes and arguments, worded in `i18n/*/cli.ftl` like every other message.

use std::path::PathBuf;

use lifeboat::args;
use lifeboat::i18n::{self, Args, Localized};

#[derive(Debug, thiserror::Error)]
#[error("{}", i18n::english(self))]
pub enum CliError {
    /// No passphrase in the environment or a file, and no terminal to ask at.
    NoPassphrase,
    /// The passphrase and its repetition differ: nothing was changed.
    PassphrasesDiffer,
    /// The backup passphrase and its repetition differ: no backup was written.
    BackupPassphrasesDiffer,
    /// `keygen --show-recipient` before any `keygen`.
    NoBackupKey,
    /// A recipients file without a recipient.
    NoRecipientInFile {
        file: String,
    },
    UnknownSetting {
        key: String,
        keys: String,
    },
    NotMinutes,
    NotALanguage,
    MakerNameTooLong {
        max: usize,
    },
    /// `redact -o` names a file that exists.
    OutputExists {
        path: PathBuf,
    },
    NoDataDir,
    /// An environment variable that is not UTF-8.
    NotUtf8 {
        var: String,
    },
    ReadPassphraseFile {
        path: PathBuf,
    },
    ReadRecipientsFile {
        file: String,
    },
    ReadKeyFile {
        path: PathBuf,
    },
}

impl Localized for CliError {
    fn code(&self) -> &'static str {
        match self {
            CliError::NoPassphrase => "cli_no_passphrase",
            CliError::PassphrasesDiffer => "cli_passphrases_differ",
            CliError::BackupPassphrasesDiffer => "cli_backup_passphrases_differ",
            CliError::NoBackupKey => "cli_no_backup_key",
            CliError::NoRecipientInFile { .. } => "cli_no_recipient_in_file",
            CliError::UnknownSetting { .. } => "cli_unknown_setting",
            CliError::NotMinutes => "cli_not_minutes",
            CliError::NotALanguage => "cli_not_a_language",
            CliError::MakerNameTooLong { .. } => "cli_maker_name_too_long",
            CliError::OutputExists { .. } => "cli_output_exists",
            CliError::NoDataDir => "cli_no_data_dir",
            CliError::NotUtf8 { .. } => "cli_not_utf8",
            CliError::ReadPassphraseFile { .. } => "cli_read_passphrase_file",
            CliError::ReadRecipientsFile { .. } => "cli_read_recipients_file",
            CliError::ReadKeyFile { .. } => "cli_read_key_file",
        }
    }

    fn args(&self) -> Args {
        match self {
            CliError::NoPassphrase
            | CliError::PassphrasesDiffer
            | CliError::BackupPassphrasesDiffer
            | CliError::NoBackupKey
            | CliError::NotMinutes
            | CliError::NotALanguage
            | CliError::NoDataDir => Vec::new(),
            CliError::NoRecipientInFile { file } | CliError::ReadRecipientsFile { file } => {
                args![file => file.as_str()]
            }
            CliError::UnknownSetting { key, keys } => args![key => key.as_str(), keys => keys.as_str()],
            CliError::MakerNameTooLong { max } => args![max => *max],
            CliError::OutputExists { path }
            | CliError::ReadPassphraseFile { path }
            | CliError::ReadKeyFile { path } => {
                args![path => path]
            }
            CliError::NotUtf8 { var } => args![var => var.as_str()],
        }
    }
}

#[cfg(test)]
mod tests {
    use lifeboat::i18n::{Lang, Surface, render};

    use super::*;

    #[test]
    fn every_error_of_the_command_line_has_its_message_in_both_languages() {
        let path = || PathBuf::from("/tmp/x");
        let all = [
            CliError::NoPassphrase,
            CliError::PassphrasesDiffer,
            CliError::BackupPassphrasesDiffer,
            CliError::NoBackupKey,
            CliError::NoRecipientInFile { file: "keys.txt".into() },
            CliError::UnknownSetting { key: "colour".into(), keys: "region, language".into() },
            CliError::NotMinutes,
            CliError::NotALanguage,
            CliError::MakerNameTooLong { max: 64 },
            CliError::OutputExists { path: path() },
            CliError::NoDataDir,
            CliError::NotUtf8 { var: "LIFEBOAT_PASSPHRASE".into() },
            CliError::ReadPassphraseFile { path: path() },
            CliError::ReadRecipientsFile { file: "keys.txt".into() },
            CliError::ReadKeyFile { path: path() },
        ];
        for e in &all {
            let (en, ko) = (render(Lang::En, Surface::Cli, e), render(Lang::Ko, Surface::Cli, e));
            for text in [&en, &ko] {
                assert!(!text.starts_with("err_") && !text.contains('{'), "{}: {text}", e.code());
            }
            assert_ne!(en, ko, "{}", e.code());
        }
    }
}
