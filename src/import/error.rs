//! Errors of reading a file. Each names the file (and the line where there is
//! one), says what went wrong and what to do; the words are in
//! `i18n/*/errors.ftl`, by the code [`Localized`] gives.

use std::path::PathBuf;

use crate::args;
use crate::i18n::{self, Arg, Args, Lang, Localized, Said, Surface};

#[derive(Debug, thiserror::Error)]
#[error("{}", i18n::english(self))]
#[non_exhaustive]
pub enum ImportError {
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    Malformed {
        file: String,
        line: u32,
        reason: Reason,
    },

    UnknownFormat {
        file: String,
        line: u32,
        first_line: String,
    },

    NoExportInFolder {
        folder: String,
    },

    UnknownFormatName {
        name: String,
    },

    TooLarge {
        file: String,
        /// What is too large: `what_…` in errors.ftl.
        what: Said,
        limit: u64,
    },

    LineTooLong {
        file: String,
        line: u32,
        limit: usize,
    },

    TooManyMembers {
        file: String,
        line: u32,
        limit: usize,
    },

    FieldTooLong {
        file: String,
        line: u32,
        limit: usize,
    },

    Zip {
        file: String,
        reason: Reason,
    },

    Empty {
        file: String,
        line: u32,
        reason: Reason,
        hint: EmptyHint,
    },

    Cancelled,

    Thread {
        #[source]
        source: std::io::Error,
    },
}

/// Why a file could not be read, in the language of the message it is part
/// of: one of Lifeboat's own `reason_…` messages (errors.ftl) with its
/// arguments, or the text a parser gave (serde_json, csv, zip), which exists
/// only in English.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Said { id: &'static str, args: Args },
    Parser(String),
}

impl Reason {
    /// The message `id` with `args`.
    pub fn said(id: &'static str, args: Args) -> Reason {
        Reason::Said { id, args }
    }
}

impl From<String> for Reason {
    fn from(text: String) -> Reason {
        Reason::Parser(text)
    }
}

impl From<&str> for Reason {
    fn from(text: &str) -> Reason {
        Reason::Parser(text.to_owned())
    }
}

impl From<&Reason> for Arg {
    fn from(reason: &Reason) -> Arg {
        match reason {
            Reason::Said { id, args } => Arg::message(id, args.clone()),
            Reason::Parser(text) => Arg::Text(text.clone()),
        }
    }
}

/// In English, as `Display` of the error it is part of.
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Said { id, args } => f.write_str(&i18n::format_message(Lang::En, Surface::Cli, id, args)),
            Reason::Parser(text) => f.write_str(text),
        }
    }
}

/// What to do about a file that held nothing Lifeboat reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmptyHint {
    /// Check the file, or name its format.
    NameFormat,
    /// The export is cut short: export it again from KakaoTalk.
    ExportAgain,
}

impl Localized for ImportError {
    fn code(&self) -> &'static str {
        match self {
            ImportError::Io { .. } => "import_io",
            ImportError::Malformed { .. } => "malformed",
            ImportError::UnknownFormat { .. } => "unknown_format",
            ImportError::NoExportInFolder { .. } => "no_export_in_folder",
            ImportError::UnknownFormatName { .. } => "unknown_format_name",
            ImportError::TooLarge { .. } => "too_large",
            ImportError::LineTooLong { .. } => "line_too_long",
            ImportError::FieldTooLong { .. } => "field_too_long",
            ImportError::TooManyMembers { .. } => "too_many_members",
            ImportError::Zip { .. } => "zip",
            ImportError::Empty { .. } => "empty",
            ImportError::Cancelled => "cancelled",
            ImportError::Thread { .. } => "thread",
        }
    }

    fn args(&self) -> Args {
        match self {
            ImportError::Io { path, source } => args![path => path, source => source.to_string()],
            ImportError::Malformed { file, line, reason } => {
                args![file => file.as_str(), line => *line, reason => reason]
            }
            // Every format, as `formats_tried` names them (`format_ID_described`).
            ImportError::UnknownFormat { file, line, first_line } => args![
                file => file.as_str(),
                line => *line,
                first_line => first_line.as_str(),
                tried => Said::new("formats_tried", Vec::new()),
            ],
            ImportError::NoExportInFolder { folder } => args![folder => folder.as_str()],
            ImportError::UnknownFormatName { name } => args![name => name.as_str()],
            ImportError::TooLarge { file, what, limit } => {
                args![file => file.as_str(), what => what, limit => *limit]
            }
            ImportError::LineTooLong { file, line, limit }
            | ImportError::FieldTooLong { file, line, limit }
            | ImportError::TooManyMembers { file, line, limit } => {
                args![file => file.as_str(), line => *line, limit => *limit]
            }
            ImportError::Zip { file, reason } => args![file => file.as_str(), reason => reason],
            ImportError::Empty { file, line, reason, hint } => args![
                file => file.as_str(),
                line => *line,
                reason => reason,
                hint => match hint {
                    EmptyHint::NameFormat => "format",
                    EmptyHint::ExportAgain => "export_again",
                },
            ],
            ImportError::Cancelled => Vec::new(),
            ImportError::Thread { source } => args![source => source.to_string()],
        }
    }
}
