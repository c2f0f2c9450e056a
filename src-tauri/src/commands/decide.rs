//! Who is who: "possibly the same person" suggestions, merge, not the same,
//! and unmerge (the undo of a merge).

use lifeboat::vault::{MergeReport, Suggestion};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The suggestions that involve person `id`.
#[tauri::command]
pub async fn suggestions(state: State<'_, AppState>, id: i64) -> Result<Vec<Suggestion>, AppError> {
    state.with_vault(move |v| Ok(v.suggestions_for(id)?)).await
}

#[tauri::command]
pub async fn merge_people(state: State<'_, AppState>, into: i64, from: i64) -> Result<MergeReport, AppError> {
    state.with_vault(move |v| Ok(v.merge(into, from)?)).await
}

#[tauri::command]
pub async fn not_same(state: State<'_, AppState>, a: i64, b: i64) -> Result<i64, AppError> {
    state.with_vault(move |v| Ok(v.not_same(a, b)?)).await
}

/// Reverse a merge by its id (the `id` of the [`MergeReport`]).
#[tauri::command]
pub async fn unmerge(state: State<'_, AppState>, id: i64) -> Result<(), AppError> {
    state.with_vault(move |v| Ok(v.unmerge(id)?)).await
}
