//! A zip written front to back into a stream that cannot seek (age's
//! encrypting writer): each entry is deflated as it is written and followed
//! by a data descriptor with its CRC and sizes, and the central directory
//! comes last, so no byte is ever written twice and no entry is ever whole in
//! memory. Every zip reader (the zip crate, `unzip`, file managers) reads it.

use std::io::{self, Write};

use flate2::Compression;
use flate2::write::DeflateEncoder;

/// Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8.
const FLAGS: u16 = 0x0008 | 0x0800;
const DEFLATED: u16 = 8;
/// 2.0: deflate and data descriptors.
const VERSION_NEEDED: u16 = 20;
/// Made on Unix (3) by zip 2.0, so readers take the permissions below.
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
/// `-rw-------` as Unix mode bits in the external attributes.
const PRIVATE_FILE: u32 = (0o100600u32) << 16;
/// 1980-01-01 00:00, the zip epoch: the archive says nothing about when.
const DOS_DATE: u16 = (1 << 5) | 1;

/// What the central directory says of one entry.
struct Written {
    name: &'static str,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// Bytes out, counted: entries' offsets and compressed sizes.
struct Counted<W> {
    inner: W,
    at: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.at += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

pub struct ZipStream<W: Write> {
    out: Counted<W>,
    written: Vec<Written>,
}

/// One entry being written: deflate what is written to it, then
/// [`Entry::finish`].
pub struct Entry<'a, W: Write> {
    name: &'static str,
    offset: u64,
    deflate: DeflateEncoder<&'a mut Counted<W>>,
    crc: crc32fast::Hasher,
    size: u64,
    written: &'a mut Vec<Written>,
}

fn too_large(what: &str) -> io::Error {
    io::Error::other(format!("{what} is larger than a zip without zip64 holds (4 GiB)"))
}

fn small(n: u64, what: &str) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| too_large(what))
}

impl<W: Write> ZipStream<W> {
    pub fn new(out: W) -> ZipStream<W> {
        ZipStream { out: Counted { inner: out, at: 0 }, written: Vec::new() }
    }

    /// Begin the entry `name`; it ends with [`Entry::finish`].
    pub fn entry(&mut self, name: &'static str) -> io::Result<Entry<'_, W>> {
        let offset = self.out.at;
        let mut header = Vec::with_capacity(30 + name.len());
        header.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        header.extend_from_slice(&VERSION_NEEDED.to_le_bytes());
        header.extend_from_slice(&FLAGS.to_le_bytes());
        header.extend_from_slice(&DEFLATED.to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes());
        header.extend_from_slice(&DOS_DATE.to_le_bytes());
        // CRC and sizes: in the data descriptor after the data.
        header.extend_from_slice(&[0; 12]);
        header.extend_from_slice(&(name.len() as u16).to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes());
        header.extend_from_slice(name.as_bytes());
        self.out.write_all(&header)?;
        Ok(Entry {
            name,
            offset,
            deflate: DeflateEncoder::new(&mut self.out, Compression::default()),
            crc: crc32fast::Hasher::new(),
            size: 0,
            written: &mut self.written,
        })
    }

    /// A whole entry at once.
    pub fn file(&mut self, name: &'static str, bytes: &[u8]) -> io::Result<()> {
        let mut entry = self.entry(name)?;
        entry.write_all(bytes)?;
        entry.finish()
    }

    /// Write the central directory; the stream underneath, to finish.
    pub fn finish(mut self) -> io::Result<W> {
        let start = self.out.at;
        for w in &self.written {
            let mut record = Vec::with_capacity(46 + w.name.len());
            record.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            record.extend_from_slice(&VERSION_MADE_BY.to_le_bytes());
            record.extend_from_slice(&VERSION_NEEDED.to_le_bytes());
            record.extend_from_slice(&FLAGS.to_le_bytes());
            record.extend_from_slice(&DEFLATED.to_le_bytes());
            record.extend_from_slice(&0u16.to_le_bytes());
            record.extend_from_slice(&DOS_DATE.to_le_bytes());
            record.extend_from_slice(&w.crc.to_le_bytes());
            record.extend_from_slice(&w.compressed.to_le_bytes());
            record.extend_from_slice(&w.size.to_le_bytes());
            record.extend_from_slice(&(w.name.len() as u16).to_le_bytes());
            // Extra field, comment, disk number, internal attributes.
            record.extend_from_slice(&[0; 8]);
            record.extend_from_slice(&PRIVATE_FILE.to_le_bytes());
            record.extend_from_slice(&w.offset.to_le_bytes());
            record.extend_from_slice(w.name.as_bytes());
            self.out.write_all(&record)?;
        }
        let size = small(self.out.at - start, "the zip's directory")?;
        let start = small(start, "the zip")?;
        let entries = self.written.len() as u16;
        let mut end = Vec::with_capacity(22);
        end.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        end.extend_from_slice(&[0; 4]);
        end.extend_from_slice(&entries.to_le_bytes());
        end.extend_from_slice(&entries.to_le_bytes());
        end.extend_from_slice(&size.to_le_bytes());
        end.extend_from_slice(&start.to_le_bytes());
        end.extend_from_slice(&0u16.to_le_bytes());
        self.out.write_all(&end)?;
        Ok(self.out.inner)
    }
}

impl<W: Write> Write for Entry<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.deflate.write(buf)?;
        self.crc.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.deflate.flush()
    }
}

impl<W: Write> Entry<'_, W> {
    /// End the data; write its data descriptor.
    pub fn finish(self) -> io::Result<()> {
        let out = self.deflate.finish()?;
        let data_start = self.offset + 30 + self.name.len() as u64;
        let compressed = small(out.at - data_start, self.name)?;
        let size = small(self.size, self.name)?;
        let crc = self.crc.finalize();
        let mut descriptor = Vec::with_capacity(16);
        descriptor.extend_from_slice(&0x0807_4b50u32.to_le_bytes());
        descriptor.extend_from_slice(&crc.to_le_bytes());
        descriptor.extend_from_slice(&compressed.to_le_bytes());
        descriptor.extend_from_slice(&size.to_le_bytes());
        out.write_all(&descriptor)?;
        let offset = small(self.offset, "the zip")?;
        self.written.push(Written { name: self.name, crc, compressed, size, offset });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    #[test]
    fn the_zip_crate_reads_every_entry_back_whole_with_its_permissions() {
        let mut zip = ZipStream::new(Vec::new());
        zip.file("README.txt", "안녕 hello\n".as_bytes()).unwrap();
        let mut big = zip.entry("contacts.vcf").unwrap();
        let line = "BEGIN:VCARD\r\nFN:김민수\r\nEND:VCARD\r\n";
        for _ in 0..20_000 {
            big.write_all(line.as_bytes()).unwrap();
        }
        big.finish().unwrap();
        zip.file("empty", b"").unwrap();
        let bytes = zip.finish().unwrap();
        assert!(bytes.len() < 20_000 * line.len() / 20, "deflated: {} bytes", bytes.len());

        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        assert_eq!(archive.len(), 3);
        let mut text = String::new();
        archive.by_name("README.txt").unwrap().read_to_string(&mut text).unwrap();
        assert_eq!(text, "안녕 hello\n");
        let mut cards = archive.by_name("contacts.vcf").unwrap();
        assert_eq!(cards.unix_mode(), Some(0o100600));
        let mut all = String::new();
        cards.read_to_string(&mut all).unwrap();
        assert_eq!(all, line.repeat(20_000));
        drop(cards);
        assert_eq!(archive.by_name("empty").unwrap().size(), 0);
    }
}
