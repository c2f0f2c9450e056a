//! The list of importers and the sniffer that picks one for a file.

use super::{ImportError, Importer, Probe, Source};

/// Every importer, most specific first: the first whose sniffer accepts a
/// file reads it.
pub static IMPORTERS: &[&dyn Importer] = &[
    &super::vcard::VcardImporter,
    &super::telegram::TelegramJson,
    &super::instagram::InstagramJson,
    &super::telegram::TelegramHtml,
    &super::kakao::KakaoCsv,
    &super::kakao::KakaoText,
    &super::line::Line,
    &super::whatsapp::WhatsApp,
    &super::contacts_csv::ContactsCsvImporter,
];

/// The importer with this `--format` id.
pub fn by_id(id: &str) -> Option<&'static dyn Importer> {
    IMPORTERS.iter().copied().find(|i| i.id() == id)
}

/// Choose the importer for a file by its content.
pub fn sniff(source: &Source) -> Result<&'static dyn Importer, ImportError> {
    let probe = Probe { file_name: source.file_name(), head: source.head() };
    if let Some(found) = IMPORTERS.iter().copied().find(|i| i.sniff(&probe)) {
        return Ok(found);
    }
    let (line, first_line) = source
        .head()
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i as u32 + 1, l.chars().take(80).collect()))
        .unwrap_or((1, String::new()));
    Err(ImportError::UnknownFormat { file: source.display_name(), line, first_line })
}
