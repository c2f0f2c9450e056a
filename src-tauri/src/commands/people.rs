//! People: the virtual list, one person, their QR code, and the user's edits.

use lifeboat::vault::{Decision, MessageResults, PersonPage, PersonView};
use serde::Serialize;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The most rows one call returns: a few screenfuls.
const MAX_PAGE: usize = 500;

/// Chat history: Korean substrings over every room, how many messages match
/// and the newest, each hit with the messages around it.
#[tauri::command]
pub async fn search_messages(
    state: State<'_, AppState>,
    query: String,
    limit: usize,
) -> Result<MessageResults, AppError> {
    state.with_vault(move |v| Ok(v.search_messages(&query, limit.min(MAX_PAGE))?)).await
}

#[tauri::command]
pub async fn people_page(
    state: State<'_, AppState>,
    query: String,
    offset: usize,
    limit: usize,
) -> Result<PersonPage, AppError> {
    state.with_vault(move |v| Ok(v.person_page(&query, offset, limit.min(MAX_PAGE))?)).await
}

/// Get people search ready while the People screen is looked at: the first
/// search after the vault changed reads every person's search text.
#[tauri::command]
pub async fn ready_people_search(state: State<'_, AppState>) -> Result<(), AppError> {
    state.with_vault(|v| Ok(v.ready_people_search()?)).await
}

/// A person as the person screen shows them: the vault's view, and which
/// phones get call and text links (a service code or pause gets none).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Serialize)]
pub struct PersonScreen {
    #[serde(flatten)]
    pub person: PersonView,
    pub dialable: Vec<i64>,
}

#[tauri::command]
pub async fn person(state: State<'_, AppState>, id: i64) -> Result<PersonScreen, AppError> {
    state
        .with_vault(move |v| {
            let person = v.person(id)?;
            Ok(PersonScreen { dialable: lifeboat::links::dialable_phones(&person), person })
        })
        .await
}

/// The person's confirmed phones and e-mails as a vCard in a QR code (SVG).
#[tauri::command]
pub async fn person_qr(state: State<'_, AppState>, id: i64) -> Result<String, AppError> {
    state
        .with_vault(move |v| {
            let card = lifeboat::qr::person_vcard(&v.person_card(id)?);
            lifeboat::qr::svg(&card).map_err(|e| AppError::new("too_long", lifeboat::args![reason => e.to_string()]))
        })
        .await
}

#[tauri::command]
pub async fn set_phone_status(state: State<'_, AppState>, id: i64, decision: Decision) -> Result<(), AppError> {
    state.with_vault(move |v| Ok(v.set_phone_status(id, decision)?)).await
}

#[tauri::command]
pub async fn set_email_status(state: State<'_, AppState>, id: i64, decision: Decision) -> Result<(), AppError> {
    state.with_vault(move |v| Ok(v.set_email_status(id, decision)?)).await
}

/// Keep (confirm) or forget (reject) a handle found in a chat.
#[tauri::command]
pub async fn set_handle_status(state: State<'_, AppState>, id: i64, decision: Decision) -> Result<(), AppError> {
    state.with_vault(move |v| Ok(v.set_handle_status(id, decision)?)).await
}

#[tauri::command]
pub async fn set_phone_owner(state: State<'_, AppState>, id: i64, person_id: i64) -> Result<(), AppError> {
    state.with_vault(move |v| Ok(v.set_phone_owner(id, person_id)?)).await
}

#[tauri::command]
pub async fn set_email_owner(state: State<'_, AppState>, id: i64, person_id: i64) -> Result<(), AppError> {
    state.with_vault(move |v| Ok(v.set_email_owner(id, person_id)?)).await
}

#[tauri::command]
pub async fn set_handle_owner(state: State<'_, AppState>, id: i64, person_id: i64) -> Result<(), AppError> {
    state.with_vault(move |v| Ok(v.set_handle_owner(id, person_id)?)).await
}

#[tauri::command]
pub async fn rename_person(state: State<'_, AppState>, id: i64, name: String) -> Result<(), AppError> {
    state.with_vault(move |v| Ok(v.rename_person(id, &name)?)).await
}
