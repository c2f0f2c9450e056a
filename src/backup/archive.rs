//! The zip inside the age file. Written with fixed entry names; read where
//! it lies in the decrypting stream (never extracted to disk, never whole in
//! memory), accepting only the known names, each once, each within a size
//! limit however large it claims to be and however well it compresses.

use crate::i18n::Said;
use std::cell::Cell;
use std::io::{BufReader, Read, Seek};
use std::rc::Rc;

use sha2::{Digest, Sha512};

use super::format::{Json, JsonReader};
use super::vcards::{self, Contacts};
use super::{BackupError, Limits, census, sign};

pub const CONTACTS: &str = "contacts.vcf";
pub const DATA: &str = "lifeboat.json";
pub const SIGNATURE: &str = "lifeboat.json.sig";
pub const README: &str = "README.txt";
const KNOWN: [&str; 4] = [CONTACTS, DATA, SIGNATURE, README];
/// Entries up to this size unpacked may compress any amount (a README, a tiny vault).
const RATIO_FREE: u64 = 1 << 20;
/// The most of the plaintext that opening the zip may read (its end record,
/// searched in the last 64 KiB, and its directory, a few hundred bytes in a
/// backup): the zip crate keeps every entry the directory lists, so a
/// directory of millions would cost gigabytes before their count is known.
const DIRECTORY_READ: u64 = 1 << 20;
/// The most records of any kind, so the vCard count stops early.
const MAX_CARDS: usize = 1_000_000;

/// The zip of a backup, its entry names checked; each entry is read when asked for.
pub struct Archive<R: Read + Seek> {
    zip: zip::ZipArchive<Metered<R>>,
    limits: Limits,
    /// The plaintext's size: no entry holds more packed bytes than that.
    size: u64,
    /// SHA-512 of `lifeboat.json`, the same on every read of it.
    data_sha512: Option<[u8; 64]>,
}

fn damaged(e: zip::result::ZipError) -> BackupError {
    BackupError::Damaged { reason: format!("the archive inside is not readable ({e})") }
}

impl<R: Read + Seek> Archive<R> {
    /// The zip in `plain`, `size` bytes long: only the known names, each once, the required ones there.
    pub fn new(plain: R, size: u64, limits: &Limits) -> Result<Archive<R>, BackupError> {
        let meter = Rc::new(Cell::new(Some(DIRECTORY_READ)));
        let opened = zip::ZipArchive::new(Metered { inner: plain, left: Rc::clone(&meter) });
        if meter.get() == Some(0) {
            return Err(BackupError::invalid(format!(
                "the archive's directory is larger than {DIRECTORY_READ} bytes; a backup's of {} entries is far smaller",
                KNOWN.len()
            )));
        }
        meter.set(None);
        let zip = opened.map_err(damaged)?;
        if zip.len() > limits.max_entries {
            return Err(BackupError::invalid(format!(
                "the archive has {} entries; a backup has at most {}",
                zip.len(),
                KNOWN.len()
            )));
        }
        let mut seen: Vec<&str> = Vec::new();
        for i in 0..zip.len() {
            let name = zip.name_for_index(i).unwrap_or_default();
            let Some(known) = KNOWN.iter().copied().find(|k| *k == name) else {
                return Err(BackupError::invalid(format!("unexpected entry {name:?} in the archive")));
            };
            if seen.contains(&known) {
                return Err(BackupError::invalid(format!("the entry {name:?} appears twice")));
            }
            seen.push(known);
        }
        for required in [CONTACTS, DATA] {
            if !seen.contains(&required) {
                return Err(BackupError::invalid(format!("the archive has no {required}")));
            }
        }
        Ok(Archive { zip, limits: *limits, size, data_sha512: None })
    }

    /// `contacts.vcf`, counted and hashed as it streams.
    pub fn contacts(&mut self) -> Result<Contacts, BackupError> {
        self.read(CONTACTS, |entry| vcards::read(entry, MAX_CARDS))
    }

    /// `lifeboat.json.sig`, when there is one.
    pub fn signature(&mut self) -> Result<Option<Vec<u8>>, BackupError> {
        if self.zip.index_for_name(SIGNATURE).is_none() {
            return Ok(None);
        }
        self.read(SIGNATURE, |entry| {
            let mut out = Vec::new();
            entry.read_to_end(&mut out).map_err(|e| BackupError::Damaged { reason: format!("{SIGNATURE}: {e}") })?;
            Ok(Some(out))
        })
    }

    /// The size of `lifeboat.json` in the zip, compressed (at most the plaintext's).
    pub fn data_compressed(&mut self) -> Result<u64, BackupError> {
        Ok(self.zip.by_name(DATA).map_err(damaged)?.compressed_size().min(self.size))
    }

    /// SHA-512 of `lifeboat.json`, once it was read whole.
    pub fn data_sha512(&self) -> Option<&[u8; 64]> {
        self.data_sha512.as_ref()
    }

    /// Read entry `name` with `parse`, through its size limit. The declared
    /// sizes are not trusted: what is read is bounded by the limit and by how
    /// much the bytes really in the zip can inflate. A limit that stopped the
    /// read is the error, whatever `parse` made of the cut-off bytes.
    fn read<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(&mut Bounded<zip::read::ZipFile<'_, Metered<R>>>) -> Result<T, BackupError>,
    ) -> Result<T, BackupError> {
        let file = self.zip.by_name(name).map_err(damaged)?;
        let compressed = file.compressed_size().min(self.size);
        let limits = &self.limits;
        let limit = match name {
            SIGNATURE => sign::MAX_ARMORED,
            _ => limits.max_entry.min(RATIO_FREE.max(compressed.saturating_mul(limits.max_ratio))),
        };
        let mut bounded = Bounded { inner: file, left: limit, over: false };
        let parsed = parse(&mut bounded);
        if bounded.over {
            let id = if limit < limits.max_entry { "backup_what_entry_unpacked" } else { "backup_what_entry" };
            let what = Said::new(id, crate::args![name => name]);
            return Err(BackupError::TooLarge { what, limit });
        }
        parsed
    }
}

/// Each pass over `lifeboat.json` reads it anew out of the zip, through its
/// size limit and the bound on one string, and hashes it whole; every pass
/// must see the same bytes.
impl<R: Read + Seek> Json for Archive<R> {
    fn pass<T>(&mut self, parse: impl FnOnce(JsonReader<'_>) -> Result<T, BackupError>) -> Result<T, BackupError> {
        let (parsed, digest) = self.read(DATA, |entry| {
            let mut json = census::Strings::new(Hashed { inner: entry, hash: Sha512::new() });
            // What the parser left unread (trailing space) is hashed too; what
            // it left in its buffer was hashed as the buffer filled.
            let reader: &mut dyn Read = &mut json;
            let parsed = parse(BufReader::with_capacity(1 << 16, reader)).and_then(|parsed| {
                let drained = std::io::copy(&mut json, &mut std::io::sink());
                drained.map(|_| parsed).map_err(|e| BackupError::Damaged { reason: format!("{DATA}: {e}") })
            });
            json.finish(DATA)?;
            Ok((parsed, json.into_inner().hash.finalize().into()))
        })?;
        let parsed = parsed?;
        match self.data_sha512 {
            Some(seen) if seen != digest => Err(BackupError::Damaged {
                reason: format!("{DATA} read differently twice (the file changed while it was read)"),
            }),
            _ => {
                self.data_sha512 = Some(digest);
                Ok(parsed)
            }
        }
    }
}

/// The plaintext as the zip reads it: reads fail once `left` bytes are
/// used up, while it is `Some`.
pub struct Metered<R> {
    inner: R,
    left: Rc<Cell<Option<u64>>>,
}

impl<R: Read> Read for Metered<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let Some(left) = self.left.get() else { return self.inner.read(buf) };
        let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        if want == 0 && !buf.is_empty() {
            return Err(std::io::Error::other("larger than allowed"));
        }
        let n = self.inner.read(&mut buf[..want])?;
        self.left.set(Some(left - n as u64));
        Ok(n)
    }
}

impl<R: Seek> Seek for Metered<R> {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// A reader that hashes what comes out of it.
struct Hashed<R> {
    inner: R,
    hash: Sha512,
}

impl<R: Read> Read for Hashed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

/// A reader that fails once more than `left` bytes come out of it, and says so.
pub struct Bounded<R> {
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
