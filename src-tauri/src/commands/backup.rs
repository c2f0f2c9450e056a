//! Backups: make one (to a passphrase or to public keys), verify one,
//! restore one after a dry-run preview, and the user's own public key.
//! Passphrases become wiped-on-drop secrets at once and are never logged.

use std::path::PathBuf;

use lifeboat::backup::{self, Counts, Protection, Verified};
use lifeboat::vault::{RestoreOptions, RestoreReport};
use tauri::State;

use crate::chosen::Use;
use crate::error::AppError;
use crate::state::AppState;

/// Who can open the new backup: a passphrase (the page asked for it twice),
/// or public keys (`age1…`, `ssh-ed25519 …`), one per line.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(serde::Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "value")]
pub enum Protect {
    Passphrase(String),
    Recipients(Vec<String>),
}

#[tauri::command]
pub async fn create_backup(
    state: State<'_, AppState>,
    path: String,
    protect: Protect,
    with_messages: bool,
) -> Result<Counts, AppError> {
    let protection = match protect {
        Protect::Passphrase(p) => Protection::passphrase(backup::Passphrase::from(p))?,
        Protect::Recipients(list) => Protection::Recipients(
            list.iter()
                .map(|r| r.trim())
                .filter(|r| !r.is_empty())
                .map(backup::parse_recipient)
                .collect::<Result<_, _>>()?,
        ),
    };
    if matches!(&protection, Protection::Recipients(r) if r.is_empty()) {
        return Err(AppError::new("no_recipient", Vec::new()));
    }
    let path = chosen(&state, Use::Write, path)?;
    state.with_vault(move |v| Ok(backup::create_file(v, &path, &protection, &[], with_messages, None)?)).await
}

#[tauri::command]
pub async fn verify_backup(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
) -> Result<Verified, AppError> {
    let passphrase = secret(passphrase);
    let path = chosen(&state, Use::Read, path)?;
    state.with_vault(move |v| Ok(backup::verify_file(&path, passphrase, Some(v))?)).await
}

/// Merge a backup in as one batch (History can undo it); `dry_run` only counts.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
    dry_run: bool,
    accept_new_signer: Option<bool>,
) -> Result<RestoreReport, AppError> {
    let passphrase = secret(passphrase);
    let path = chosen(&state, Use::Read, path)?;
    let opts = RestoreOptions { dry_run, accept_new_signer: accept_new_signer.unwrap_or(false) };
    state.with_vault(move |v| Ok(backup::restore_file(v, &path, passphrase, opts)?)).await
}

/// The user's public key (made the first time): back up "to me" with it.
#[tauri::command]
pub async fn my_recipient(state: State<'_, AppState>) -> Result<String, AppError> {
    state.with_vault(|v| Ok(backup::my_recipient(v)?)).await
}

/// The user's public key and signing key, to give to others.
#[tauri::command]
pub async fn my_keys(state: State<'_, AppState>) -> Result<backup::MyKeys, AppError> {
    state.with_vault(|v| Ok(backup::my_keys(v)?)).await
}

/// Write the user's secret keys to a file they chose, for safekeeping or the next computer.
#[tauri::command]
pub async fn save_keys(state: State<'_, AppState>, path: String) -> Result<String, AppError> {
    let path = chosen(&state, Use::Write, path)?;
    state.with_vault(move |v| Ok(backup::save_keys(v, &path)?)).await
}

/// Bring in the keys of a file saved on the user's other computer.
#[tauri::command]
pub async fn import_keys(state: State<'_, AppState>, path: String) -> Result<backup::ImportedKeys, AppError> {
    let path = chosen(&state, Use::Read, path)?;
    state.with_vault(move |v| Ok(backup::import_keys(v, &path)?)).await
}

fn secret(passphrase: Option<String>) -> Option<backup::Passphrase> {
    passphrase.filter(|p| !p.is_empty()).map(backup::Passphrase::from)
}

/// The backup file the user chose for `use_` (see [`crate::chosen`]).
fn chosen(state: &AppState, use_: Use, path: String) -> Result<PathBuf, AppError> {
    if path.trim().is_empty() {
        return Err(AppError::new("no_path", Vec::new()));
    }
    state.chosen.check(use_, &path)
}
