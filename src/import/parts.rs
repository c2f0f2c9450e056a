//! The files an export is made of. Most exports are one file (a chat text, a
//! `result.json`, a zip holding one chat file); some are many (Telegram's
//! HTML pages `messages.html`, `messages2.html`, …, Instagram's
//! `message_1.json`, `message_2.json`, … per thread), in a folder or a zip.
//! An importer names the entries of a folder or zip it reads, in reading
//! order ([`super::Importer::parts`]); the importer then reads them one
//! after the other through one [`super::Input`].

use crate::i18n::Said;
use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{ImportError, Importer, Limits, Reason};
use crate::args;

/// Deepest folder level listed inside an export folder.
const MAX_FOLDER_DEPTH: usize = 8;

/// Where one file of an export lives.
#[derive(Debug, Clone)]
pub(super) enum Location {
    /// A file on disk: the export itself, or a file of an export folder.
    Plain,
    /// An entry of the zip at the part's path.
    ZipEntry { index: usize },
}

/// One file of an export, in the order the importer reads it.
#[derive(Debug, Clone)]
pub struct Part {
    /// The file's name inside the export (`chats/chat_01/messages2.html`);
    /// for an export that is a single file, the file's own name.
    pub name: String,
    /// As users see it in messages: `room.txt`, `export.zip!_chat.txt`,
    /// `ChatExport_2024-01-23/messages2.html`.
    pub display: String,
    /// The file on disk: the part itself, or the zip holding it.
    pub(super) path: PathBuf,
    pub(super) location: Location,
    /// Bytes it holds (uncompressed, for a zip entry).
    pub size: u64,
}

impl Part {
    /// The whole file on disk as one part.
    pub(super) fn plain(path: &Path, name: String, display: String) -> Result<Part, ImportError> {
        let size = std::fs::metadata(path).map_err(|source| ImportError::Io { path: path.to_owned(), source })?.len();
        Ok(Part { name, display, path: path.to_owned(), location: Location::Plain, size })
    }

    /// A fresh reader over the part's raw bytes.
    pub(super) fn raw_reader(&self) -> Result<Box<dyn Read + Send>, ImportError> {
        let io = |source| ImportError::Io { path: self.path.clone(), source };
        let file = File::open(&self.path).map_err(io)?;
        match &self.location {
            Location::Plain => Ok(Box::new(file)),
            Location::ZipEntry { index } => {
                let zip_error = |reason: String| ImportError::Zip { file: self.display.clone(), reason: reason.into() };
                let archive = zip::ZipArchive::new(file).map_err(|e| zip_error(e.to_string()))?;
                let entry = OwnedZipEntry::new(archive, *index).map_err(|e| zip_error(e.to_string()))?;
                // The declared size was checked against the limits; never read past it.
                Ok(Box::new(entry.take(self.size)))
            }
        }
    }
}

/// The SHA-256 that says "already imported". A single file or a zip is
/// hashed as it is on disk (the whole zip, whichever entries are read), so
/// the same download is recognised however it was read before. A folder has
/// no bytes of its own: its hash covers the files the importer reads, in
/// reading order, each as its name, a NUL, its length (8 bytes, little
/// endian) and its bytes; files it does not read (photos, stylesheets)
/// change nothing.
pub(super) fn sha256(path: &Path, parts: &[Part], folder: bool) -> Result<String, ImportError> {
    let mut hasher = Sha256::new();
    if !folder {
        let io = |source| ImportError::Io { path: path.to_owned(), source };
        hash_into(&mut File::open(path).map_err(io)?, &mut hasher).map_err(io)?;
        return Ok(hex::encode(hasher.finalize()));
    }
    for part in parts {
        hasher.update(part.name.as_bytes());
        hasher.update([0]);
        hasher.update(part.size.to_le_bytes());
        let io = |source| ImportError::Io { path: part.path.clone(), source };
        hash_into(&mut part.raw_reader()?, &mut hasher).map_err(io)?;
    }
    Ok(hex::encode(hasher.finalize()))
}

fn hash_into(reader: &mut dyn Read, hasher: &mut Sha256) -> io::Result<()> {
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The files of an export folder the first of `formats` that reads such
/// folders claims, in its reading order.
pub(super) fn folder_parts(root: &Path, limits: &Limits, formats: &[&dyn Importer]) -> Result<Vec<Part>, ImportError> {
    let folder = root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut files = Vec::new();
    list_folder(root, "", 0, limits, &mut files)?;
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let chosen = claim(&names, formats);
    if chosen.is_empty() {
        return Err(ImportError::NoExportInFolder { folder: root.display().to_string() });
    }
    chosen
        .into_iter()
        .map(|i| {
            let (name, path) = &files[i];
            Part::plain(path, name.clone(), format!("{folder}/{name}"))
        })
        .collect()
}

/// Every file under `dir`, as names relative to the export's root with `/`
/// between folders. Links are not followed, so an export cannot point
/// outside itself; the count and depth are bounded like a zip's.
fn list_folder(
    dir: &Path,
    prefix: &str,
    depth: usize,
    limits: &Limits,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<(), ImportError> {
    let io = |source| ImportError::Io { path: dir.to_owned(), source };
    let mut entries = std::fs::read_dir(dir).map_err(io)?.collect::<Result<Vec<_>, _>>().map_err(io)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let kind = entry.file_type().map_err(io)?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if kind.is_dir() && depth < MAX_FOLDER_DEPTH {
            list_folder(&entry.path(), &format!("{name}/"), depth + 1, limits, out)?;
        } else if kind.is_file() {
            out.push((name, entry.path()));
        }
        if out.len() > limits.max_zip_entries {
            return Err(ImportError::TooLarge {
                file: dir.display().to_string(),
                what: Said::new("what_folder", crate::args![n => limits.max_zip_entries]),
                limit: limits.max_zip_entries as u64,
            });
        }
    }
    Ok(())
}

/// The entries the first format that wants some of them reads, in its order.
fn claim(names: &[&str], formats: &[&dyn Importer]) -> Vec<usize> {
    formats.iter().map(|f| f.parts(names)).find(|chosen| !chosen.is_empty()).unwrap_or_default()
}

/// One entry of a zip, as listed in its directory.
struct ZipListing {
    index: usize,
    name: String,
    size: u64,
    compressed: u64,
}

/// The entries of an export zip to read, in order, checking the archive's
/// limits: the entries a multi-file format claims, else the one chat file.
pub(super) fn zip_parts(
    path: &Path,
    file_name: &str,
    limits: &Limits,
    formats: &[&dyn Importer],
) -> Result<Vec<Part>, ImportError> {
    let zip_err = |reason: Reason| ImportError::Zip { file: file_name.to_owned(), reason };
    let file = File::open(path).map_err(|source| ImportError::Io { path: path.to_owned(), source })?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| zip_err(e.to_string().into()))?;
    if archive.len() > limits.max_zip_entries {
        return Err(zip_err(Reason::said(
            "reason_zip_too_many_entries",
            args![entries => archive.len(), limit => limits.max_zip_entries],
        )));
    }
    let mut listed = Vec::new();
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|e| zip_err(e.to_string().into()))?;
        if entry.is_dir() || entry.name().starts_with("__MACOSX") {
            continue;
        }
        listed.push(ZipListing {
            index,
            name: entry.name().to_owned(),
            size: entry.size(),
            compressed: entry.compressed_size(),
        });
    }
    let names: Vec<&str> = listed.iter().map(|l| l.name.as_str()).collect();
    let mut chosen = claim(&names, formats);
    if chosen.is_empty() {
        chosen.push(chat_entry(&listed).ok_or_else(|| zip_err(Reason::said("reason_zip_no_export", Vec::new())))?);
    }
    chosen
        .into_iter()
        .map(|i| {
            let entry = &listed[i];
            check_entry(&mut archive, entry, file_name, limits)?;
            Ok(Part {
                name: entry.name.clone(),
                display: format!("{file_name}!{}", entry.name),
                path: path.to_owned(),
                location: Location::ZipEntry { index: entry.index },
                size: entry.size,
            })
        })
        .collect()
}

/// The one chat file of a single-file export zip.
fn chat_entry(listed: &[ZipListing]) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    for (i, entry) in listed.iter().enumerate() {
        let base = entry.name.rsplit('/').next().unwrap_or(&entry.name);
        let lower = base.to_lowercase();
        // WhatsApp names its chat file in the phone's language (`WhatsApp-Chat
        // mit X.txt`, `Chat de WhatsApp con X.txt`) or `_chat.txt`.
        let rank = match base {
            "_chat.txt" | "KakaoTalkChats.txt" | "result.json" => 0,
            _ if lower.contains("whatsapp") && lower.ends_with(".txt") => 0,
            _ if lower.ends_with(".txt") || lower.ends_with(".csv") => 1,
            _ if lower.ends_with(".json") => 2,
            _ => continue,
        };
        // Among names of one rank the largest file is the chat, not a note
        // someone attached to it.
        if best.is_none_or(|(r, b)| rank < r || (rank == r && entry.size > listed[b].size)) {
            best = Some((rank, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Refuse an entry too large, expanding like a zip bomb, or compressed in a
/// way exports never are.
fn check_entry(
    archive: &mut zip::ZipArchive<File>,
    entry: &ZipListing,
    file_name: &str,
    limits: &Limits,
) -> Result<(), ImportError> {
    let zip_err = |reason: Reason| ImportError::Zip { file: file_name.to_owned(), reason };
    let name = &entry.name;
    if entry.size > limits.max_text_bytes {
        return Err(ImportError::TooLarge {
            file: format!("{file_name}!{name}"),
            what: Said::new("what_zip_entry", Vec::new()),
            limit: limits.max_text_bytes,
        });
    }
    let ratio = entry.size / entry.compressed.max(1);
    if entry.size > (1 << 20) && ratio > limits.max_zip_ratio {
        return Err(zip_err(Reason::said(
            "reason_zip_bomb",
            args![entry => name.as_str(), ratio => ratio, limit => limits.max_zip_ratio],
        )));
    }
    match archive.by_index(entry.index).map(|e| e.compression()) {
        Ok(zip::CompressionMethod::Stored | zip::CompressionMethod::Deflated) => Ok(()),
        Ok(other) => Err(zip_err(Reason::said(
            "reason_zip_compression",
            args![entry => name.as_str(), method => format!("{other:?}")],
        ))),
        Err(e) => Err(zip_err(e.to_string().into())),
    }
}

/// Streams one entry out of an archive it owns, using the archive's raw
/// offsets so no borrow outlives a call.
struct OwnedZipEntry {
    decoder: Box<dyn Read + Send>,
}

impl OwnedZipEntry {
    fn new(mut archive: zip::ZipArchive<File>, index: usize) -> io::Result<Self> {
        let entry = archive.by_index(index).map_err(io::Error::other)?;
        let offset = entry.data_start();
        let compressed = entry.compressed_size();
        let method = entry.compression();
        drop(entry);
        let mut file = archive.into_inner();
        file.seek(io::SeekFrom::Start(offset))?;
        let raw = file.take(compressed);
        let decoder: Box<dyn Read + Send> = match method {
            zip::CompressionMethod::Stored => Box::new(raw),
            zip::CompressionMethod::Deflated => Box::new(flate2::read::DeflateDecoder::new(raw)),
            other => {
                return Err(io::Error::new(io::ErrorKind::InvalidData, format!("unsupported compression {other:?}")));
            }
        };
        Ok(OwnedZipEntry { decoder })
    }
}

impl Read for OwnedZipEntry {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.decoder.read(buf)
    }
}
