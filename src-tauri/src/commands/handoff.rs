//! Send to phone: the dialog starts a handoff of a person or a group, shows
//! its QR code, polls its countdown and fetch count, and stops it when it
//! closes. The server runs on a thread of its own while the dialog is open.

use std::sync::Arc;

use lifeboat::handoff::{self, Limits, Scope, Status as HandoffStatus};
use serde::Serialize;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct Started {
    /// The link in the QR code (its key is in the fragment).
    pub url: String,
    /// The QR code as SVG.
    pub qr: String,
    pub people: usize,
    pub status: HandoffStatus,
}

/// Start sending a group (`group`, an id), a person (`person`: an id, or a
/// name or number that matches one person) or everyone (neither) to a
/// phone, stopping any handoff still running.
#[tauri::command]
pub async fn start_handoff(
    state: State<'_, AppState>,
    group: Option<i64>,
    person: Option<String>,
) -> Result<Started, AppError> {
    state.stop_handoff();
    let scope = match (group, person) {
        (Some(g), _) => Scope::Group(g.to_string()),
        (None, Some(p)) => Scope::Person(p),
        (None, None) => Scope::All,
    };
    let listen = state.handoff_listen;
    let running = state.with_vault(move |v| Ok(handoff::start(v, &scope, listen, Limits::default())?)).await?;
    let qr = lifeboat::qr::svg(running.url())
        .map_err(|e| AppError::new("too_long", lifeboat::args![reason => e.to_string()]))?;
    let running = Arc::new(running);
    let serving = running.clone();
    std::thread::spawn(move || serving.serve(|_| {}));
    let started = Started { url: running.url().to_owned(), qr, people: running.people(), status: running.status() };
    state.keep_handoff(running);
    Ok(started)
}

/// The running handoff's countdown and fetch count; None when there is none.
#[tauri::command]
pub fn handoff_status(state: State<'_, AppState>) -> Option<HandoffStatus> {
    state.handoff_status()
}

/// Stop serving (the dialog's Stop button, or the dialog closing).
#[tauri::command]
pub fn stop_handoff(state: State<'_, AppState>) {
    state.stop_handoff();
}
