//! The zip inside the age file. Written with fixed entry names; read in
//! memory only (never extracted to disk), accepting only the known names,
//! each once, each within a size limit however large it claims to be.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

use super::{BackupError, Limits};

pub const CONTACTS: &str = "contacts.vcf";
pub const DATA: &str = "lifeboat.json";
pub const README: &str = "README.txt";
const KNOWN: [&str; 3] = [CONTACTS, DATA, README];

/// The entries of a backup, as bytes.
#[derive(Debug, Default)]
pub struct Entries {
    pub contacts: Vec<u8>,
    pub data: Vec<u8>,
}

pub fn pack(contacts: &[u8], data: &[u8], readme: &str) -> Result<Vec<u8>, BackupError> {
    let zip_err = |e: zip::result::ZipError| BackupError::Encrypt(format!("zip: {e}"));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).unix_permissions(0o600);
    for (name, bytes) in [(README, readme.as_bytes()), (CONTACTS, contacts), (DATA, data)] {
        zip.start_file(name, options).map_err(zip_err)?;
        zip.write_all(bytes).map_err(|e| BackupError::Encrypt(format!("zip: {e}")))?;
    }
    Ok(zip.finish().map_err(zip_err)?.into_inner())
}

pub fn unpack(bytes: &[u8], limits: &Limits) -> Result<Entries, BackupError> {
    let damaged =
        |e: zip::result::ZipError| BackupError::Damaged { reason: format!("the archive inside is not readable ({e})") };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    if zip.len() > limits.max_entries {
        return Err(BackupError::invalid(format!(
            "the archive has {} entries; a backup has {}",
            zip.len(),
            KNOWN.len()
        )));
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut entries = Entries::default();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).map_err(damaged)?;
        let name = file.name().to_owned();
        let Some(known) = KNOWN.iter().copied().find(|k| *k == name) else {
            return Err(BackupError::invalid(format!("unexpected entry {name:?} in the archive")));
        };
        if seen.contains(&known) {
            return Err(BackupError::invalid(format!("the entry {name:?} appears twice")));
        }
        seen.push(known);
        // The declared size is not trusted: read at most one byte past the limit.
        let mut out = Vec::new();
        (&mut file)
            .take(limits.max_entry + 1)
            .read_to_end(&mut out)
            .map_err(|e| BackupError::Damaged { reason: format!("{name}: {e}") })?;
        if out.len() as u64 > limits.max_entry {
            return Err(BackupError::TooLarge { what: name, limit: limits.max_entry });
        }
        match known {
            CONTACTS => entries.contacts = out,
            DATA => entries.data = out,
            _ => {}
        }
    }
    for required in [CONTACTS, DATA] {
        if !seen.contains(&required) {
            return Err(BackupError::invalid(format!("the archive has no {required}")));
        }
    }
    Ok(entries)
}
