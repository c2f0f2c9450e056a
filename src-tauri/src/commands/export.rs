//! Export: vCard 4.0/3.0, CSV and the printable group sheet to a file the
//! user chose, or the sheet opened in the desktop's browser to print from a
//! private folder of its own.

use lifeboat::export::private_dir::PrivateDir;
use lifeboat::export::{self, Format};
use lifeboat::i18n::Lang;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::chosen::Use;
use crate::error::AppError;
use crate::state::AppState;

/// The native "save as" dialog, opened from here like [`super::import::pick_files`]:
/// the page learns only the path the user chose (None when they cancel).
#[tauri::command]
pub async fn pick_save_path(
    app: AppHandle,
    state: State<'_, AppState>,
    title: String,
    file_name: String,
) -> Result<Option<String>, AppError> {
    let picked = app.dialog().file().set_title(title).set_file_name(file_name).blocking_save_file();
    let shown = picked.and_then(|p| p.into_path().ok()).map(|p| p.display().to_string());
    if let Some(path) = &shown {
        state.chosen.allow(Use::Write, path);
    }
    Ok(shown)
}

/// Write everyone, one group's members or one person (an id, or a name or
/// number that matches one person) to `path`; how many people it holds.
/// Where a value came from is noted in `lang`, the page's language.
#[tauri::command]
pub async fn export_file(
    state: State<'_, AppState>,
    format: Format,
    group: Option<i64>,
    person: Option<String>,
    path: String,
    lang: Lang,
) -> Result<usize, AppError> {
    if path.trim().is_empty() {
        return Err(AppError::new("no_save_path", Vec::new()));
    }
    let path = state.chosen.check(Use::Write, &path)?;
    state
        .with_vault(move |v| {
            let group = group.map(|g| g.to_string());
            let person = person.filter(|p| !p.trim().is_empty());
            Ok(export::to_file(v, format, group.as_deref(), person.as_deref(), &path, &[lang])?)
        })
        .await
}

/// Write a group's sheet into a fresh folder only this user can enter, and
/// hand it to the desktop's browser, whose Print works better than the
/// webview's. The folder goes when the vault locks or the app exits.
#[tauri::command]
pub async fn open_sheet(state: State<'_, AppState>, group: i64) -> Result<(), AppError> {
    let parent = PrivateDir::default_parent();
    let (dir, file) =
        state.with_vault(move |v| Ok(export::sheet_for_printing(v, &group.to_string(), &parent)?)).await?;
    state.keep_sheet(dir);
    let shown = file.display().to_string();
    let target = shown.clone();
    tauri::async_runtime::spawn_blocking(move || crate::hand_out(&target))
        .await
        .map_err(AppError::internal)?
        .map_err(|why| AppError::new("no_browser", lifeboat::args![reason => why.to_string(), path => shown]))
}
