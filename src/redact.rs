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
pub enum RedactError {
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(
        "{path}: cannot write the redacted copy: {source}.\n{path}: 가린 사본을 쓸 수 없습니다. 폴더와 권한을 확인하세요."
    )]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{file}: {format} is a contact file; redact works on chat exports. Attach a chat export, or describe the contact file instead.\n{file}: 연락처 파일은 가릴 수 없습니다. 대화 내보내기 파일에만 쓸 수 있습니다."
    )]
    NotAChat { file: String, format: String },
    #[error(
        "{file}: redact cannot rewrite {format} yet, so it wrote nothing rather than a copy that still holds the messages. Attach the export as JSON (Telegram Desktop: Export chat history → Format: JSON), or describe the problem instead.\n{file}: 이 형식({format})은 아직 가릴 수 없어 사본을 만들지 않았습니다. JSON 형식으로 내보내 첨부하거나 문제를 설명해 주세요."
    )]
    Unsupported { file: String, format: String },
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
