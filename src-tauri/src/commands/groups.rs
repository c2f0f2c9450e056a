//! Groups, their rosters and reachability, and the import history.

use lifeboat::vault::{BatchSummary, GroupView, UndoReport};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub async fn groups(state: State<'_, AppState>) -> Result<Vec<GroupView>, AppError> {
    state.with_vault(|v| Ok(v.groups()?)).await
}

#[tauri::command]
pub async fn group(state: State<'_, AppState>, id: i64) -> Result<GroupView, AppError> {
    state.with_vault(move |v| Ok(v.group(&id.to_string())?)).await
}

/// A number per reachable member, for one `sms:` link to everyone.
#[tauri::command]
pub async fn group_numbers(state: State<'_, AppState>, id: i64) -> Result<Vec<String>, AppError> {
    state.with_vault(move |v| Ok(v.group_numbers(id)?)).await
}

#[tauri::command]
pub async fn batches(state: State<'_, AppState>) -> Result<Vec<BatchSummary>, AppError> {
    state.with_vault(|v| Ok(v.batches()?)).await
}

#[tauri::command]
pub async fn undo_batch(state: State<'_, AppState>, id: i64) -> Result<UndoReport, AppError> {
    state.with_vault(move |v| Ok(v.undo(id)?)).await
}
