//! Create, unlock, lock, passphrase and settings.

use lifeboat::vault::{Passphrase, Vault};
use serde::Serialize;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Serialize)]
pub struct VaultStatus {
    pub exists: bool,
    pub unlocked: bool,
    pub dir: String,
}

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Serialize)]
pub struct Settings {
    pub region: Option<String>,
    pub auto_lock_minutes: Option<String>,
    pub language: Option<String>,
    /// The name backups are signed with; None: the person marked as me.
    pub name: Option<String>,
}

/// The settings the window may change; anything else is refused.
const SETTING_KEYS: [&str; 4] = ["region", AUTO_LOCK, "language", lifeboat::vault::MAKER_NAME];
const AUTO_LOCK: &str = "auto_lock_minutes";

#[tauri::command]
pub async fn vault_status(state: State<'_, AppState>) -> Result<VaultStatus, AppError> {
    crate::timing::page_ready();
    // An import holds the vault: the vault is then certainly unlocked.
    let unlocked = match state.vault.try_lock() {
        Ok(slot) => slot.is_some(),
        Err(_) => true,
    };
    Ok(VaultStatus { exists: Vault::exists(&state.dir), unlocked, dir: state.dir.display().to_string() })
}

#[tauri::command]
pub async fn create_vault(state: State<'_, AppState>, passphrase: String) -> Result<(), AppError> {
    let passphrase = Passphrase::new(passphrase);
    let dir = state.dir.clone();
    state
        .with_slot(move |slot| {
            *slot = Some(Vault::create(&dir, &passphrase)?);
            Ok(())
        })
        .await?;
    state.activity.set_minutes(None);
    Ok(())
}

#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> Result<(), AppError> {
    let passphrase = Passphrase::new(passphrase);
    let dir = state.dir.clone();
    state
        .with_slot(move |slot| {
            match slot {
                // Open already (another window, a reload): the passphrase is still proved.
                Some(vault) => vault.check_passphrase(&passphrase)?,
                None => *slot = Some(Vault::open(&dir, &passphrase)?),
            }
            Ok(slot.as_ref().map(|v| v.setting(AUTO_LOCK)).transpose()?.flatten())
        })
        .await
        .map(|minutes| state.activity.set_minutes(minutes.as_deref()))
}

/// Close the vault: the connection and its key leave memory, and the
/// sheets opened to print leave the disk.
#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> Result<(), AppError> {
    // Cancel first: an import holding the vault rolls back instead of running on.
    state.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    state.forget_sheets();
    state.stop_handoff();
    state
        .with_slot(|slot| {
            slot.take();
            Ok(())
        })
        .await
}

/// The page saw the user (a key, the pointer): the idle lock starts over.
#[tauri::command]
pub async fn still_here(state: State<'_, AppState>) -> Result<(), AppError> {
    state.activity.seen();
    Ok(())
}

#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
) -> Result<(), AppError> {
    let (current, passphrase) = (Passphrase::new(current), Passphrase::new(passphrase));
    state.with_vault(move |v| Ok(v.change_passphrase_from(&current, &passphrase)?)).await
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, AppError> {
    state
        .with_vault(|v| {
            Ok(Settings {
                region: v.setting("region")?,
                auto_lock_minutes: v.setting(AUTO_LOCK)?,
                language: v.setting("language")?,
                name: v.setting(lifeboat::vault::MAKER_NAME)?,
            })
        })
        .await
}

#[tauri::command]
pub async fn set_setting(state: State<'_, AppState>, key: String, value: String) -> Result<(), AppError> {
    if !SETTING_KEYS.contains(&key.as_str()) {
        return Err(AppError::new("unknown_setting", lifeboat::args![key => key]));
    }
    if key == AUTO_LOCK {
        state.activity.set_minutes(Some(&value));
    }
    state.with_vault(move |v| Ok(v.set_setting(&key, &value)?)).await
}
