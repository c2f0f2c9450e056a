//! Build-time: embed ui/, and generate one permission per app command so the
//! capability file can name exactly the commands the window may call.

const COMMANDS: &[&str] = &[
    "messages",
    "vault_status",
    "create_vault",
    "unlock",
    "lock",
    "still_here",
    "change_passphrase",
    "get_settings",
    "set_setting",
    "people_page",
    "search_messages",
    "person",
    "person_qr",
    "set_phone_status",
    "set_email_status",
    "set_phone_owner",
    "set_email_owner",
    "rename_person",
    "groups",
    "group",
    "group_numbers",
    "ask_group",
    "open_link",
    "start_handoff",
    "handoff_status",
    "stop_handoff",
    "batches",
    "undo_batch",
    "watch_drops",
    "pick_files",
    "import_formats",
    "import_files",
    "cancel_import",
    "pick_save_path",
    "export_file",
    "open_sheet",
    "create_backup",
    "verify_backup",
    "restore_backup",
    "my_recipient",
    "my_keys",
    "save_keys",
    "import_keys",
    "suggestions",
    "merge_people",
    "not_same",
    "unmerge",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step failed");
}
