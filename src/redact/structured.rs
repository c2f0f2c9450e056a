//! Redacting dialects with a structure to keep: KakaoTalk CSV (rows of date,
//! user, message) and Telegram JSON (a tree whose dates, types and ids the
//! importer needs).

use std::io::Write;

use serde_json::Value;

use super::{Pseudonyms, write_error};
use crate::import::{ImportError, Input};

pub(super) fn csv(input: &mut Input, names: &mut Pseudonyms, out: &mut impl Write) -> Result<(), ImportError> {
    let document = input.read_document()?;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(document.as_bytes());
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(out);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| input.malformed(e.position().map_or(0, |p| p.line() as u32), e.to_string()))?;
        let fields: Vec<String> = record
            .iter()
            .enumerate()
            .map(|(column, field)| match column {
                // The header row and the date column are structure.
                _ if i == 0 => field.to_owned(),
                0 => field.to_owned(),
                1 => names.name(&crate::text::nfc(field)).map_or_else(|| field.to_owned(), str::to_owned),
                _ => names.shape(field),
            })
            .collect();
        writer.write_record(&fields).map_err(|e| write_error(e.into()))?;
    }
    writer.flush().map_err(write_error)
}

/// Keys whose values the importer reads as structure: kept as they are.
const KEEP: [&str; 10] = [
    "type",
    "date",
    "date_unixtime",
    "edited",
    "edited_unixtime",
    "media_type",
    "mime_type",
    "action",
    "photo",
    "file",
];
/// Keys holding a person's or room's name.
const NAMES: [&str; 5] = ["from", "actor", "name", "members", "title"];
/// Keys holding a platform id: digits scrambled, consistently.
const IDS: [&str; 4] = ["from_id", "actor_id", "id", "user_id"];

pub(super) fn json(input: &mut Input, names: &mut Pseudonyms, out: &mut impl Write) -> Result<(), ImportError> {
    let document = input.read_document()?;
    let mut tree: Value = serde_json::from_str(&document)
        .map_err(|e| input.malformed(u32::try_from(e.line()).unwrap_or(u32::MAX), e.to_string()))?;
    walk(&mut tree, None, names);
    serde_json::to_writer_pretty(&mut *out, &tree).map_err(|e| write_error(e.into()))?;
    out.write_all(b"\n").map_err(write_error)
}

fn walk(value: &mut Value, key: Option<&str>, names: &mut Pseudonyms) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                walk(v, Some(k.as_str()), names);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, key, names);
            }
        }
        Value::String(s) => {
            let key = key.unwrap_or("");
            if KEEP.contains(&key) {
                return;
            }
            *s = if IDS.contains(&key) {
                names.scramble_digits(s)
            } else if let Some(p) = names.name(&crate::text::nfc(s)) {
                p.to_owned()
            } else if NAMES.contains(&key) {
                names.structural(s)
            } else {
                names.shape(s)
            };
        }
        _ => {}
    }
}
