//! The files the user chose in this session: picked in the native dialog or
//! dropped on the window. The page can only name paths from this list; any
//! other path (a script in the page making one up, a typed one) is refused
//! before the core sees it. A file chosen to open can be read, one chosen in
//! "save as" can be written, and neither the other way round: an import the
//! user picked is never overwritten by an export. Locking forgets the list
//! with the page that knew it.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

use crate::error::AppError;

/// What a command does with the file it names.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Use {
    /// Chosen in an open dialog or dropped on the window: import, verify, restore.
    Read,
    /// Chosen in a "save as" dialog: export, backup.
    Write,
}

#[derive(Default)]
pub struct Chosen(Mutex<HashSet<(Use, String)>>);

impl Chosen {
    /// Remember `path` as chosen for `use_`, exactly as the page will get it.
    pub fn allow(&self, use_: Use, path: &str) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).insert((use_, path.to_owned()));
    }

    /// The path the page named, if the user chose it for `use_` this session.
    pub fn check(&self, use_: Use, path: &str) -> Result<PathBuf, AppError> {
        if self.0.lock().unwrap_or_else(|p| p.into_inner()).contains(&(use_, path.to_owned())) {
            return Ok(PathBuf::from(path));
        }
        let use_ = match use_ {
            Use::Read => "read",
            Use::Write => "write",
        };
        Err(AppError::new("not_chosen", lifeboat::args![path => path, purpose => use_]))
    }

    /// Forget every choice (on lock).
    pub fn forget(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_chosen_path_passes_and_only_for_its_use() {
        let chosen = Chosen::default();
        chosen.allow(Use::Read, "/home/me/chat.txt");
        chosen.allow(Use::Write, "/home/me/backup.age");

        assert_eq!(chosen.check(Use::Read, "/home/me/chat.txt").unwrap(), PathBuf::from("/home/me/chat.txt"));
        assert_eq!(chosen.check(Use::Write, "/home/me/backup.age").unwrap(), PathBuf::from("/home/me/backup.age"));

        for (use_, path) in [
            // never chosen
            (Use::Read, "/home/me/.ssh/id_ed25519"),
            (Use::Write, "/home/me/.bashrc"),
            // chosen to open, never to be overwritten; chosen to save, not to read
            (Use::Write, "/home/me/chat.txt"),
            (Use::Read, "/home/me/backup.age"),
            // the same file spelled another way is another path
            (Use::Read, "/home/me/../me/chat.txt"),
            (Use::Read, "/home/me/chat.txt "),
        ] {
            let e = chosen.check(use_, path).expect_err(path);
            assert_eq!(e.code, "not_chosen");
            assert_eq!(e.args["path"], lifeboat::i18n::Arg::Text(path.to_owned()));
            assert!(e.message.contains(path) && e.message.contains("was not chosen in this window"), "{}", e.message);
        }
    }

    #[test]
    fn lock_forgets_every_choice() {
        let chosen = Chosen::default();
        chosen.allow(Use::Read, "/home/me/chat.txt");
        chosen.forget();
        assert_eq!(chosen.check(Use::Read, "/home/me/chat.txt").unwrap_err().code, "not_chosen");
    }
}
