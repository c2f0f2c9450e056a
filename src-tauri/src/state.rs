//! What the shell keeps between commands: the unlocked vault (or nothing
//! when locked), where it lives, and the flag that cancels a running import.

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use lifeboat::export::private_dir::PrivateDir;
use lifeboat::handoff::{Running, Status};
use lifeboat::vault::Vault;

use crate::chosen::Chosen;
use crate::error::AppError;
use crate::idle::Activity;

pub struct AppState {
    /// None while locked. Dropping the Vault closes the database and wipes its key.
    pub vault: Arc<Mutex<Option<Vault>>>,
    pub dir: PathBuf,
    pub cancel: Arc<AtomicBool>,
    /// The folders of sheets opened to print, removed on lock and on exit.
    pub sheets: Mutex<Vec<PrivateDir>>,
    /// When the user was last active, for the idle lock (`idle.rs`).
    pub activity: Activity,
    /// The handoff the Send to phone dialog shows, while it serves.
    handoff: Mutex<Option<Arc<Running>>>,
    /// Where Send to phone listens: `LIFEBOAT_HANDOFF_LISTEN` when set (tests
    /// use 127.0.0.1; a computer with several private networks picks one),
    /// else this computer's address on the Wi-Fi or hotspot.
    pub handoff_listen: Option<IpAddr>,
    /// The files the user chose this session, the only ones the page may name.
    pub chosen: Chosen,
}

impl AppState {
    /// The vault folder: `LIFEBOAT_VAULT` when set (tests, portable use), else the OS data folder.
    pub fn new() -> AppState {
        let dir = std::env::var_os("LIFEBOAT_VAULT")
            .map(PathBuf::from)
            .or_else(Vault::default_dir)
            .unwrap_or_else(|| PathBuf::from("lifeboat-vault"));
        AppState {
            vault: Arc::new(Mutex::new(None)),
            dir,
            cancel: Arc::new(AtomicBool::new(false)),
            sheets: Mutex::new(Vec::new()),
            activity: Activity::default(),
            handoff: Mutex::new(None),
            handoff_listen: std::env::var("LIFEBOAT_HANDOFF_LISTEN").ok().and_then(|a| a.parse().ok()),
            chosen: Chosen::default(),
        }
    }

    /// True while a vault is open (an import holding it counts).
    pub fn is_unlocked(&self) -> bool {
        match self.vault.try_lock() {
            Ok(slot) => slot.is_some(),
            Err(std::sync::TryLockError::WouldBlock) => true,
            Err(std::sync::TryLockError::Poisoned(_)) => true,
        }
    }

    /// Lock now: a running import is cancelled (and rolls back) instead of
    /// being waited for to the end, a Send to phone stops serving, then the
    /// vault and its key are dropped, printed sheets removed and the chosen
    /// files forgotten.
    pub fn lock_now(&self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.chosen.forget();
        self.stop_handoff();
        self.forget_sheets();
        slot(&self.vault).take();
    }

    /// Keep a printed sheet's folder until the vault locks or the app exits.
    pub fn keep_sheet(&self, dir: PrivateDir) {
        self.sheets.lock().unwrap_or_else(|p| p.into_inner()).push(dir);
    }

    /// Remove every printed sheet (dropping a [`PrivateDir`] removes it).
    pub fn forget_sheets(&self) {
        self.sheets.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }

    /// Keep the handoff the dialog shows (its server thread holds it too).
    pub fn keep_handoff(&self, running: Arc<Running>) {
        *self.handoff.lock().unwrap_or_else(|p| p.into_inner()) = Some(running);
    }

    pub fn handoff_status(&self) -> Option<Status> {
        self.handoff.lock().unwrap_or_else(|p| p.into_inner()).as_ref().map(|r| r.status())
    }

    /// Stop the handoff, if one runs: its server stops listening at once.
    pub fn stop_handoff(&self) {
        if let Some(running) = self.handoff.lock().unwrap_or_else(|p| p.into_inner()).take() {
            running.stopper().stop();
        }
    }

    /// Run `f` on the unlocked vault on a blocking thread, so neither the
    /// window's thread nor the async runtime waits on SQLite.
    pub async fn with_vault<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Vault) -> Result<T, AppError> + Send + 'static,
    {
        self.activity.seen();
        let vault = self.vault.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = slot(&vault);
            let v = guard.as_mut().ok_or_else(AppError::locked)?;
            f(v)
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Run `f` with the vault slot itself (unlock, lock) on a blocking thread.
    pub async fn with_slot<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Option<Vault>) -> Result<T, AppError> + Send + 'static,
    {
        self.activity.seen();
        let vault = self.vault.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = slot(&vault);
            f(&mut guard)
        })
        .await
        .map_err(AppError::internal)?
    }
}

/// The vault slot. A command that panicked while holding it leaves it
/// poisoned: the vault is then dropped (its key with it), never kept behind
/// an unlock screen, and the slot is usable again, locked.
fn slot<V>(vault: &Mutex<Option<V>>) -> MutexGuard<'_, Option<V>> {
    match vault.lock() {
        Ok(guard) => guard,
        Err(poisoned) => {
            let mut guard = poisoned.into_inner();
            guard.take();
            vault.clear_poison();
            guard
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chosen::Use;

    #[test]
    fn lock_cancels_the_running_import_and_forgets_the_chosen_files() {
        let state = AppState::new();
        state.chosen.allow(Use::Read, "/home/me/chat.txt");
        state.lock_now();
        assert!(state.cancel.load(Ordering::SeqCst), "a running import sees Cancel and rolls back");
        assert_eq!(state.chosen.check(Use::Read, "/home/me/chat.txt").unwrap_err().code, "not_chosen");
        assert!(!state.is_unlocked());
    }

    #[test]
    fn a_panic_while_holding_the_vault_drops_it_and_leaves_the_slot_usable() {
        let vault = Arc::new(Mutex::new(Some("the key".to_owned())));
        let held = vault.clone();
        let panicked = std::thread::spawn(move || {
            let _guard = held.lock().unwrap();
            panic!("a command panics while it holds the vault");
        })
        .join();
        assert!(panicked.is_err() && vault.is_poisoned());
        assert_eq!(*slot(&vault), None, "the vault (and its key) is dropped, never kept behind the lock screen");
        assert!(!vault.is_poisoned(), "the slot is usable again, locked");
        *slot(&vault) = Some("unlocked again".to_owned());
        assert_eq!(slot(&vault).as_deref(), Some("unlocked again"));
    }
}
