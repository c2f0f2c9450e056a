//! A folder only this user can enter, with a name no one can guess, for a
//! file handed to another program: the printable sheet opened in the
//! desktop's browser. The folder is made fresh for each file and fails
//! rather than reuse anything already there, so a file or link planted
//! under a predictable name (`/tmp/lifeboat-sheet-3.html` → `~/.bashrc`)
//! is never followed; dropping the value removes the folder and the file.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::ExportError;

/// A private folder that is removed, with what it holds, when dropped.
#[derive(Debug)]
pub struct PrivateDir {
    path: PathBuf,
}

impl PrivateDir {
    /// Where private folders go: the session's runtime folder (`XDG_RUNTIME_DIR`,
    /// memory-backed and only this user's), else the system's temporary folder.
    pub fn default_parent() -> PathBuf {
        std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir)
    }

    /// Make `parent/lifeboat-<128 random bits>` with mode 0700; fails if
    /// anything (a folder, a file, a link) already has that name.
    pub fn create_in(parent: &Path) -> Result<PrivateDir, ExportError> {
        let mut random = [0u8; 16];
        getrandom::getrandom(&mut random)
            .map_err(|e| ExportError::Io { path: parent.to_owned(), source: std::io::Error::other(e) })?;
        let name: String = random.iter().map(|b| format!("{b:02x}")).collect();
        PrivateDir::create_named(&parent.join(format!("lifeboat-{name}")))
    }

    fn create_named(path: &Path) -> Result<PrivateDir, ExportError> {
        let io = |source| ExportError::Io { path: path.to_owned(), source };
        std::fs::DirBuilder::new().mode(0o700).create(path).map_err(io)?;
        let dir = PrivateDir { path: path.to_owned() };
        // The umask may have taken bits away, never added them; say 0700 exactly.
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700)).map_err(io)?;
        Ok(dir)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Write a new file `name` in the folder, mode 0600; fails if it exists
    /// (never opening a planted file or following a link).
    pub fn write_new(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, ExportError> {
        let path = self.path.join(name);
        let io = |source| ExportError::Io { path: path.clone(), source };
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path).map_err(io)?;
        f.write_all(bytes).and_then(|_| f.sync_all()).map_err(io)?;
        Ok(path)
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        // Best effort: nothing to tell anyone if it is already gone.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    #[test]
    fn folder_is_0700_file_is_0600_and_both_go_on_drop() {
        let parent = tempfile::tempdir().unwrap();
        let dir = PrivateDir::create_in(parent.path()).unwrap();
        let file = dir.write_new("sheet.html", b"<p>hi</p>").unwrap();
        assert_eq!(std::fs::metadata(dir.path()).unwrap().mode() & 0o777, 0o700);
        assert_eq!(std::fs::metadata(&file).unwrap().mode() & 0o777, 0o600);
        assert_eq!(std::fs::read(&file).unwrap(), b"<p>hi</p>");
        let path = dir.path().to_owned();
        drop(dir);
        assert!(!path.exists() && !file.exists());
    }

    #[test]
    fn every_folder_has_a_new_unguessable_name() {
        let parent = tempfile::tempdir().unwrap();
        let a = PrivateDir::create_in(parent.path()).unwrap();
        let b = PrivateDir::create_in(parent.path()).unwrap();
        assert_ne!(a.path(), b.path());
        let name = a.path().file_name().unwrap().to_str().unwrap();
        assert_eq!(name.len(), "lifeboat-".len() + 32, "{name}");
    }

    #[test]
    fn fail_a_planted_folder_file_or_link_is_never_used() {
        let parent = tempfile::tempdir().unwrap();
        let victim = parent.path().join("victim");
        std::fs::write(&victim, b"keep me").unwrap();
        let planted_dir = parent.path().join("dir");
        std::fs::create_dir(&planted_dir).unwrap();
        let planted_file = parent.path().join("file");
        std::fs::write(&planted_file, b"").unwrap();
        let planted_link = parent.path().join("link");
        std::os::unix::fs::symlink(parent.path(), &planted_link).unwrap();
        for planted in [&planted_dir, &planted_file, &planted_link] {
            let e = PrivateDir::create_named(planted).unwrap_err();
            assert!(
                matches!(e, ExportError::Io { ref source, .. } if source.kind() == std::io::ErrorKind::AlreadyExists)
            );
            assert!(planted.symlink_metadata().is_ok(), "left alone: {}", planted.display());
        }
        // Inside our folder, a name that exists (here a link to the victim) is not opened.
        let dir = PrivateDir::create_in(parent.path()).unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join("sheet.html")).unwrap();
        assert!(dir.write_new("sheet.html", b"overwritten").is_err());
        drop(dir);
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
    }
}
