//! The zip inside the age file. Written with fixed entry names; read in
//! memory only (never extracted to disk), accepting only the known names,
//! each once, each within a size limit however large it claims to be and
//! however well it compresses.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

use super::vcards::{self, Contacts};
use super::{BackupError, Limits, sign};

pub const CONTACTS: &str = "contacts.vcf";
pub const DATA: &str = "lifeboat.json";
pub const SIGNATURE: &str = "lifeboat.json.sig";
pub const README: &str = "README.txt";
const KNOWN: [&str; 4] = [CONTACTS, DATA, SIGNATURE, README];
/// Entries up to this size unpacked may compress any amount (a README, a tiny vault).
const RATIO_FREE: u64 = 1 << 20;
/// The most records of any kind, so the vCard count stops early.
const MAX_CARDS: usize = 1_000_000;

/// The entries of a backup: `contacts.vcf` counted and hashed as it streamed, the rest as bytes.
#[derive(Debug, Default)]
pub struct Entries {
    pub contacts: Contacts,
    pub data: Vec<u8>,
    /// The size of `lifeboat.json` in the zip, compressed.
    pub data_compressed: u64,
    pub signature: Option<Vec<u8>>,
}

/// The files of a backup to pack.
pub struct Packed<'a> {
    pub contacts: &'a [u8],
    pub data: &'a [u8],
    pub signature: &'a str,
    pub readme: &'a str,
}

pub fn pack(files: &Packed) -> Result<Vec<u8>, BackupError> {
    let zip_err = |e: zip::result::ZipError| BackupError::Encrypt(format!("zip: {e}"));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).unix_permissions(0o600);
    let entries = [
        (README, files.readme.as_bytes()),
        (CONTACTS, files.contacts),
        (DATA, files.data),
        (SIGNATURE, files.signature.as_bytes()),
    ];
    for (name, bytes) in entries {
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
            "the archive has {} entries; a backup has at most {}",
            zip.len(),
            KNOWN.len()
        )));
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut entries = Entries::default();
    for i in 0..zip.len() {
        let file = zip.by_index(i).map_err(damaged)?;
        let name = file.name().to_owned();
        let Some(known) = KNOWN.iter().copied().find(|k| *k == name) else {
            return Err(BackupError::invalid(format!("unexpected entry {name:?} in the archive")));
        };
        if seen.contains(&known) {
            return Err(BackupError::invalid(format!("the entry {name:?} appears twice")));
        }
        seen.push(known);
        // The declared sizes are not trusted: what is read is bounded by the
        // limit and by how much the bytes really in the zip can inflate.
        let compressed = file.compressed_size().min(bytes.len() as u64);
        let limit = match known {
            SIGNATURE => sign::MAX_ARMORED,
            _ => limits.max_entry.min(RATIO_FREE.max(compressed.saturating_mul(limits.max_ratio))),
        };
        let mut bounded = Bounded { inner: file, left: limit, over: false };
        let read = match known {
            CONTACTS => vcards::read(&mut bounded, MAX_CARDS).map(|c| entries.contacts = c),
            _ => {
                let mut out = Vec::new();
                let read = bounded
                    .read_to_end(&mut out)
                    .map(|_| ())
                    .map_err(|e| BackupError::Damaged { reason: format!("{name}: {e}") });
                match known {
                    DATA => (entries.data, entries.data_compressed) = (out, compressed),
                    SIGNATURE => entries.signature = Some(out),
                    _ => {}
                }
                read
            }
        };
        if bounded.over {
            let what = if limit < limits.max_entry { format!("{name} (unpacked, for its packed size)") } else { name };
            return Err(BackupError::TooLarge { what, limit });
        }
        read?;
    }
    for required in [CONTACTS, DATA] {
        if !seen.contains(&required) {
            return Err(BackupError::invalid(format!("the archive has no {required}")));
        }
    }
    Ok(entries)
}

/// A reader that fails once more than `left` bytes come out of it, and says so.
struct Bounded<R> {
    inner: R,
    left: u64,
    over: bool,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let want = buf.len().min(usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            self.over = true;
            return Err(std::io::Error::other("larger than allowed"));
        }
        self.left -= n as u64;
        Ok(n)
    }
}
