//! Import: picking files (native dialog or drag and drop), the dry-run
//! preview, the import itself off the window's thread with progress over a
//! channel, and cancel.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use lifeboat::import::DateOrder;
use lifeboat::import::Progress;
use lifeboat::ingest::{self, ImportOptions};
use lifeboat::vault::ImportReport;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, DragDropEvent, State};
use tauri_plugin_dialog::DialogExt;

use crate::chosen::{Chosen, Use};
use crate::error::AppError;
use crate::state::AppState;

/// How often progress reaches the window at most: enough for a smooth bar.
const PROGRESS_EVERY: Duration = Duration::from_millis(80);

/// Files dragged over the window, forwarded to the page that asked.
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum DropMessage {
    Over,
    Leave,
    Drop { paths: Vec<String> },
}

/// The page's channel for drag and drop, set by [`watch_drops`].
#[derive(Default)]
pub struct DropWatch(Mutex<Option<Channel<DropMessage>>>);

impl DropWatch {
    /// Forward a window drag-and-drop event to the page; dropped files count as chosen.
    pub fn forward(&self, event: &DragDropEvent, chosen: &Chosen) {
        let message = match event {
            DragDropEvent::Enter { .. } | DragDropEvent::Over { .. } => DropMessage::Over,
            DragDropEvent::Leave => DropMessage::Leave,
            DragDropEvent::Drop { paths, .. } => DropMessage::Drop { paths: allow_all(chosen, paths) },
            _ => return,
        };
        if let Ok(slot) = self.0.lock()
            && let Some(channel) = slot.as_ref()
        {
            let _ = channel.send(message);
        }
    }
}

#[tauri::command]
pub fn watch_drops(watch: State<'_, DropWatch>, channel: Channel<DropMessage>) -> Result<(), AppError> {
    let mut slot = watch.0.lock().map_err(|_| AppError::internal("drop watch poisoned"))?;
    *slot = Some(channel);
    Ok(())
}

/// The native file picker, opened from here so the page gets no file-system
/// permission of its own: it only learns the paths the user chose.
#[tauri::command]
pub async fn pick_files(app: AppHandle, state: State<'_, AppState>, title: String) -> Result<Vec<String>, AppError> {
    let picked = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter("Exports (txt, csv, vcf, json, zip, html)", &["txt", "csv", "vcf", "json", "zip", "html", "htm"])
        .add_filter("*", &["*"])
        .blocking_pick_files()
        .unwrap_or_default();
    let picked: Vec<PathBuf> = picked.into_iter().filter_map(|p| p.into_path().ok()).collect();
    Ok(allow_all(&state.chosen, &picked))
}

/// The paths as the page gets them, each allowed to be read.
fn allow_all(chosen: &Chosen, paths: &[PathBuf]) -> Vec<String> {
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    shown.iter().for_each(|p| chosen.allow(Use::Read, p));
    shown
}

/// The native folder picker, for exports that are a folder of files
/// (Telegram Desktop's HTML export): like [`pick_files`], the page learns
/// only the folder the user chose.
#[tauri::command]
pub async fn pick_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    title: String,
) -> Result<Option<String>, AppError> {
    let picked = app.dialog().file().set_title(title).blocking_pick_folder();
    let picked: Vec<PathBuf> = picked.and_then(|p| p.into_path().ok()).into_iter().collect();
    Ok(allow_all(&state.chosen, &picked).into_iter().next())
}

/// A format the importer can be told to read a file as (the page words it
/// as `format_ID_described` of app.ftl, in its own language).
#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Serialize)]
pub struct ImportFormat {
    id: &'static str,
}

/// Every format the sniffer knows, for the page's "read as" choice.
#[tauri::command]
pub fn import_formats() -> Vec<ImportFormat> {
    lifeboat::import::IMPORTERS.iter().map(|i| ImportFormat { id: i.id() }).collect()
}

/// Import (or with `dry_run`, only preview) the files as one batch, sniffed
/// or read as `format`, all-numeric dates in `date_order` when given.
#[tauri::command]
pub async fn import_files(
    state: State<'_, AppState>,
    paths: Vec<String>,
    dry_run: bool,
    format: Option<String>,
    date_order: Option<DateOrder>,
    on_progress: Channel<Progress>,
) -> Result<ImportReport, AppError> {
    if paths.is_empty() {
        return Err(AppError::new("no_files", Vec::new()));
    }
    let cancel = state.cancel.clone();
    cancel.store(false, Ordering::SeqCst);
    let paths: Vec<PathBuf> = paths.iter().map(|p| state.chosen.check(Use::Read, p)).collect::<Result<_, _>>()?;
    state
        .with_vault(move |v| {
            let last = Mutex::new(Instant::now() - PROGRESS_EVERY);
            let progress = move |p: &Progress| {
                if let Ok(mut last) = last.lock()
                    && last.elapsed() >= PROGRESS_EVERY
                {
                    *last = Instant::now();
                    let _ = on_progress.send(p.clone());
                }
            };
            let opts = ImportOptions {
                format,
                date_order,
                dry_run,
                cancel: Some(&cancel),
                progress: Some(&progress),
                ..Default::default()
            };
            Ok(ingest::import_files(v, &paths, &opts)?)
        })
        .await
}

/// Stop the running import; it keeps nothing.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.cancel.store(true, Ordering::SeqCst);
}
