//! Calling, texting and mailing: the page names a row, the core builds the
//! `tel:`/`sms:`/`mailto:` link from what the vault stores, and the desktop's
//! handler opens it. The page never hands over a URL.

use lifeboat::links::{self, LinkKind};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// Open the link of `kind` for row `id`: a phone id (call, text), an e-mail
/// id (mail) or a group id (text everyone).
#[tauri::command]
pub async fn open_link(state: State<'_, AppState>, kind: LinkKind, id: i64) -> Result<(), AppError> {
    let link = state.with_vault(move |v| Ok(links::for_row(v, kind, id)?)).await?;
    let scheme = link.split(':').next().unwrap_or("").to_owned();
    tauri::async_runtime::spawn_blocking(move || crate::hand_out(&link))
        .await
        .map_err(AppError::internal)?
        .map_err(|why| AppError::new("no_handler", lifeboat::args![scheme => scheme, reason => why.to_string()]))
}
