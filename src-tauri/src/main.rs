//! Lifeboat's desktop shell: one window over the core crate. The page in
//! `ui/` calls the commands in [`commands`]; the unlocked vault lives in
//! [`state::AppState`] and nowhere else.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
#![forbid(unsafe_code)]

#[cfg(test)]
mod bindings;
mod chosen;
mod commands;
mod error;
mod idle;
#[cfg(target_os = "linux")]
mod recent_files;
#[cfg(target_os = "linux")]
mod rendering;
#[cfg(target_os = "linux")]
mod session_lock;
mod state;
mod timing;

use tauri::{Manager, RunEvent, WebviewUrl, WebviewWindowBuilder, WindowEvent};

use commands::import::DropWatch;

fn main() {
    // First: it changes the environment, which only one thread may do.
    #[cfg(target_os = "linux")]
    rendering::without_compositing();
    timing::start();
    // Before any passphrase is typed: no core dump may hold it or the vault key.
    if let Err(e) = lifeboat::harden_process() {
        eprintln!("lifeboat: cannot turn off core dumps ({e}); continuing.");
    }
    lifeboat::import::quiet_caught_dependency_panic();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state::AppState::new())
        .manage(DropWatch::default())
        .invoke_handler(tauri::generate_handler![
            commands::words::messages,
            commands::vault::vault_status,
            commands::vault::create_vault,
            commands::vault::unlock,
            commands::vault::lock,
            commands::vault::still_here,
            commands::vault::change_passphrase,
            commands::vault::get_settings,
            commands::vault::set_setting,
            commands::people::people_page,
            commands::people::ready_people_search,
            commands::people::search_messages,
            commands::people::person,
            commands::people::person_qr,
            commands::people::set_phone_status,
            commands::people::set_email_status,
            commands::people::set_phone_owner,
            commands::people::set_email_owner,
            commands::people::set_handle_status,
            commands::people::set_handle_owner,
            commands::people::rename_person,
            commands::groups::groups,
            commands::groups::group,
            commands::groups::group_numbers,
            commands::groups::ask_group,
            commands::links::open_link,
            commands::handoff::start_handoff,
            commands::handoff::handoff_status,
            commands::handoff::stop_handoff,
            commands::groups::batches,
            commands::groups::undo_batch,
            commands::import::watch_drops,
            commands::import::pick_files,
            commands::import::import_formats,
            commands::import::pick_folder,
            commands::import::import_files,
            commands::import::cancel_import,
            commands::export::pick_save_path,
            commands::export::export_file,
            commands::export::open_sheet,
            commands::backup::create_backup,
            commands::backup::verify_backup,
            commands::backup::restore_backup,
            commands::backup::my_recipient,
            commands::backup::my_keys,
            commands::backup::save_keys,
            commands::backup::import_keys,
            commands::decide::suggestions,
            commands::decide::merge_people,
            commands::decide::not_same,
            commands::decide::unmerge,
        ])
        .setup(|app| {
            #[cfg(target_os = "linux")]
            recent_files::keep_out_of_recent_files();
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title("Lifeboat")
                .inner_size(1120.0, 740.0)
                .min_inner_size(760.0, 520.0)
                // Only the app's own pages: no remote content, and no link
                // the page made (calls and mails go through `open_link`).
                .on_navigation(|url| url.scheme() == "tauri" || url.host_str() == Some("tauri.localhost"))
                .build()?;
            idle::watch(app.handle().clone());
            #[cfg(target_os = "linux")]
            {
                let handle = app.handle().clone();
                session_lock::watch(move || idle::lock_and_reload(&handle));
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(drop) = event {
                window.state::<DropWatch>().forward(drop, &window.state::<state::AppState>().chosen);
            }
        })
        .build(tauri::generate_context!())
        .expect("the Lifeboat window could not start")
        .run(|app, event| {
            // Printed sheets hold other people's numbers: gone when the app is.
            if let RunEvent::Exit = event {
                app.state::<state::AppState>().forget_sheets();
                app.state::<state::AppState>().stop_handoff();
            }
        });
}

/// Open a tel:/sms:/mailto: link built by the core, or a sheet's path, with
/// the desktop's handler (a phone app, KDE Connect, the mail client, the
/// browser), and say so when nothing opened it: `xdg-open` then exits with
/// an error ("no method available"), which the page shows instead of
/// pretending it worked.
pub(crate) fn hand_out(target: &str) -> Result<(), String> {
    let mut child = std::process::Command::new("xdg-open").arg(target).spawn().map_err(|e| format!("xdg-open: {e}"))?;
    // xdg-open returns once the handler is started; one that keeps running is working.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while std::time::Instant::now() < until {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(format!("xdg-open exited with {status}")),
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(50)),
            Err(e) => return Err(e.to_string()),
        }
    }
    Ok(())
}
