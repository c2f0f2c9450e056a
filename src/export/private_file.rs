//! An export file written as it goes, readable only by its owner, and
//! atomic: the bytes go to `NAME.part`, which is synced and renamed over
//! `NAME` only when every byte is written, and removed when the export
//! fails. An export of 100,000 people never holds the whole file.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::ExportError;

pub struct PrivateFile {
    path: PathBuf,
    tmp: PathBuf,
    /// None once finished (or when finishing failed).
    out: Option<BufWriter<File>>,
}

impl PrivateFile {
    pub fn create(path: &Path) -> Result<PrivateFile, ExportError> {
        use std::os::unix::fs::OpenOptionsExt;
        let mut tmp_name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        tmp_name.push(".part");
        let tmp = path.with_file_name(tmp_name);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(|source| ExportError::Io { path: tmp.clone(), source })?;
        Ok(PrivateFile { path: path.to_owned(), tmp, out: Some(BufWriter::with_capacity(1 << 16, file)) })
    }

    /// Where the bytes go until the file is finished.
    pub fn part(&self) -> &Path {
        &self.tmp
    }

    pub fn append(&mut self, bytes: &[u8]) -> Result<(), ExportError> {
        self.write_all(bytes).map_err(|source| ExportError::Io { path: self.tmp.clone(), source })
    }

    /// Sync the bytes and put the file in its place.
    pub fn finish(mut self) -> Result<(), ExportError> {
        let io = |p: &Path, source| ExportError::Io { path: p.to_owned(), source };
        let out = self.out.take().expect("a file is finished once");
        let done = out
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| file.sync_all())
            .map_err(|e| io(&self.tmp, e))
            .and_then(|()| std::fs::rename(&self.tmp, &self.path).map_err(|e| io(&self.path, e)));
        if done.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        done
    }
}

impl Write for PrivateFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.out {
            Some(out) => out.write(buf),
            None => Err(std::io::Error::other("the export file is finished")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.as_mut().map_or(Ok(()), |out| out.flush())
    }
}

impl Drop for PrivateFile {
    /// A failed export leaves no half file behind.
    fn drop(&mut self) {
        if self.out.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}
