//! `lifeboat redact`: a copy of an export that a user can attach to a bug
//! report. Same format, same room shape (members, messages, events), but no
//! original name, number, address or text: members get consistent pseudonyms,
//! digit runs and e-mails are scrambled, and message text is reduced to its
//! shape (Hangul → 가, Latin → x, punctuation and emoji kept).
//!
//! The importer parses the file first, so redaction knows exactly which names
//! are members and where each message's text is; then the original is
//! rewritten in place (line by line for text dialects, through the CSV or JSON
//! structure for the others), so every structural detail the dialect needs
//! (dates, brackets, separators, headers) survives untouched.

mod lines;
mod pseudonyms;
mod structured;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::args;
use crate::i18n::{self, Args, Localized};
use crate::import::{self, ImportError, Limits};
use pseudonyms::Pseudonyms;

/// What a redaction wrote.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Redacted {
    pub format: String,
    /// Members and rooms given a pseudonym.
    pub names: usize,
    pub messages: usize,
}

#[derive(Debug, thiserror::Error)]
#[error("{}", i18n::english(self))]
pub enum RedactError {
    #[error(transparent)]
    Import(#[from] ImportError),
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    NotAChat {
        file: String,
        format: String,
    },
    Unsupported {
        file: String,
        format: String,
    },
}

impl Localized for RedactError {
    fn code(&self) -> &'static str {
        match self {
            RedactError::Import(e) => e.code(),
            RedactError::Write { .. } => "redact_write",
            RedactError::NotAChat { .. } => "not_a_chat",
            RedactError::Unsupported { .. } => "redact_unsupported",
        }
    }

    fn args(&self) -> Args {
        match self {
            RedactError::Import(e) => e.args(),
            RedactError::Write { path, source } => args![path => path, source => source.to_string()],
            RedactError::NotAChat { file, format } | RedactError::Unsupported { file, format } => {
                args![file => file.as_str(), format => format.as_str()]
            }
        }
    }
}

/// Write a redacted copy of the export `input` to `output`.
pub fn redact(input: &Path, output: &Path) -> Result<Redacted, RedactError> {
    let (format, records) = import::collect(input, None)?;
    let mut names = Pseudonyms::new(&records);
    let mut source = import::open_source(input, &Limits::default())?;
    let (file, owned) = (source.display_name(), format.to_owned());
    match format {
        "vcard" | "contacts-csv" => return Err(RedactError::NotAChat { file, format: owned }),
        "telegram-html" => return Err(RedactError::Unsupported { file, format: owned }),
        _ => {}
    }
    let mut text = source.input()?;
    let write = |source| RedactError::Write { path: output.to_owned(), source };
    let mut out = std::io::BufWriter::new(std::fs::File::create(output).map_err(write)?);
    match format {
        "telegram-json" => structured::json(&mut text, &mut names, &mut out)?,
        "kakao-csv" => structured::csv(&mut text, &mut names, &mut out)?,
        _ => lines::rewrite(&mut text, &records, &mut names, &mut out)?,
    }
    std::io::Write::flush(&mut out).map_err(write)?;
    Ok(Redacted { format: format.into(), names: names.count(), messages: records.messages.len() })
}

/// An I/O error while writing the copy, as an import error the caller maps.
fn write_error(e: std::io::Error) -> ImportError {
    ImportError::Io { path: PathBuf::from("redacted copy"), source: e }
}
