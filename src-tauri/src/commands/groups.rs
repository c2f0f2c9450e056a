//! Groups, their rosters and reachability, and the import history.

use lifeboat::vault::{Ask, AskLanguage, BatchSummary, GroupSummary, GroupView, UndoReport};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The group list: counts only; a roster is read when its group opens.
#[tauri::command]
pub async fn groups(state: State<'_, AppState>) -> Result<Vec<GroupSummary>, AppError> {
    state.with_vault(|v| Ok(v.group_summaries()?)).await
}

#[tauri::command]
pub async fn group(state: State<'_, AppState>, id: i64) -> Result<GroupView, AppError> {
    state.with_vault(move |v| Ok(v.group(&id.to_string())?)).await
}

/// How many members "text everyone" reaches (one dialable number each); the
/// link itself is built by `open_link`.
#[tauri::command]
pub async fn group_numbers(state: State<'_, AppState>, id: i64) -> Result<usize, AppError> {
    state.with_vault(move |v| Ok(lifeboat::links::group_numbers(v, id)?.len())).await
}

/// The outage drill: a message naming the members nobody can reach, to
/// paste into the room; the vault remembers the ask.
#[tauri::command]
pub async fn ask_group(state: State<'_, AppState>, id: i64, lang: AskLanguage) -> Result<Ask, AppError> {
    state.with_vault(move |v| Ok(v.ask(&id.to_string(), lang)?)).await
}

#[tauri::command]
pub async fn batches(state: State<'_, AppState>) -> Result<Vec<BatchSummary>, AppError> {
    state.with_vault(|v| Ok(v.batches()?)).await
}

#[tauri::command]
pub async fn undo_batch(state: State<'_, AppState>, id: i64) -> Result<UndoReport, AppError> {
    state.with_vault(move |v| Ok(v.undo(id)?)).await
}
