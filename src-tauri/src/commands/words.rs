//! The page's words: the Fluent text of each language, the same files the
//! core embeds and the command line prints from (`i18n/<lang>/*.ftl`).

use std::collections::BTreeMap;

/// Every message, by language tag (`en`, `ko`): the page formats them.
#[tauri::command]
pub fn messages() -> BTreeMap<&'static str, String> {
    lifeboat::i18n::all_sources()
}
