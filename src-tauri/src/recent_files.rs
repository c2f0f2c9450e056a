//! GTK's file chooser adds every file it opens or saves to the desktop's
//! recent-files list (`~/.local/share/recently-used.xbel`), which other
//! programs and the file manager show: a chat export's or backup's name and
//! folder would be recorded outside the vault. Turned off for this process
//! on the default `GtkSettings` before any dialog opens; a value the
//! application sets outranks the desktop's XSETTINGS.

use gtk::prelude::GtkSettingsExt;

/// Call on the GTK main thread once GTK is initialised (Tauri's `setup`).
pub fn keep_out_of_recent_files() {
    match gtk::Settings::default() {
        Some(settings) => settings.set_gtk_recent_files_enabled(false),
        None => eprintln!("lifeboat: no GTK settings: chosen files may show in the desktop's recent files."),
    }
}
