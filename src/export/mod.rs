//! Getting people out of the vault in forms other programs and paper take:
//! vCard 4.0 and 3.0 for phones and address books, a Google Contacts CSV,
//! and a printable contact sheet for one group.
//!
//! Exporters read the vault's views (`PersonView`, `GroupView`) and return
//! text; they never run SQL and never write files themselves, except
//! through [`write_private`] and [`private_dir::PrivateDir`].

mod birthday;
pub mod csv;
pub mod names;
pub mod private_dir;
mod private_file;
pub mod sheet;
pub mod vcard;
mod vcard_text;

use std::path::{Path, PathBuf};

use crate::i18n::{self, Arg, Args, Lang, Localized, Said, Surface};
use crate::model::Status;
use crate::vault::{ClaimView, PersonView, ProvenanceView, Vault, VaultError};
use private_dir::PrivateDir;
pub use private_file::PrivateFile;

#[derive(Debug, thiserror::Error)]
#[error("{}", i18n::english(self))]
#[non_exhaustive]
pub enum ExportError {
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Nobody in the vault, or in the group named.
    Nobody { group: Option<String> },

    /// The contact sheet is for one group, and none was named.
    SheetNeedsGroup,

    #[error(transparent)]
    Vault(#[from] VaultError),
}

impl Localized for ExportError {
    fn code(&self) -> &'static str {
        match self {
            ExportError::Io { .. } => "export_io",
            ExportError::Nobody { group: None } => "nobody",
            ExportError::Nobody { group: Some(_) } => "nobody_in_group",
            ExportError::SheetNeedsGroup => "sheet_needs_group",
            ExportError::Vault(e) => e.code(),
        }
    }

    fn args(&self) -> Args {
        match self {
            ExportError::Io { path, source } => crate::args![path => path, source => source.to_string()],
            ExportError::Nobody { group } => group.iter().map(|g| ("group", g.as_str().into())).collect(),
            ExportError::SheetNeedsGroup => Vec::new(),
            ExportError::Vault(e) => e.args(),
        }
    }
}

/// The people to export: one person, the members of a group, or everyone.
pub fn select(vault: &Vault, group: Option<&str>, person: Option<&str>) -> Result<Vec<PersonView>, ExportError> {
    let mut people = Vec::new();
    for_each(vault, group, person, |p| {
        people.push(p);
        Ok(())
    })?;
    Ok(people)
}

/// Each person [`select`] gives, one at a time, so that an export of
/// 100,000 people holds one of them; returns how many there were.
pub fn for_each(
    vault: &Vault,
    group: Option<&str>,
    person: Option<&str>,
    each: impl FnMut(PersonView) -> Result<(), ExportError>,
) -> Result<usize, ExportError> {
    let ids = selected_ids(vault, group, person)?;
    vault.reading_everyone(|| each_of(vault, &ids, each))
}

/// Each of these people, read one at a time inside the caller's read;
/// returns how many there were.
fn each_of(
    vault: &Vault,
    ids: &[i64],
    mut each: impl FnMut(PersonView) -> Result<(), ExportError>,
) -> Result<usize, ExportError> {
    for id in ids {
        each(vault.person(*id)?.without_conflicts())?;
    }
    Ok(ids.len())
}

/// The Google CSV's columns for these people: as many phone and e-mail
/// columns as the person with the most, counted without reading anyone's
/// rows, inside the caller's read.
fn csv_widths(vault: &Vault, ids: &[i64]) -> Result<csv::Widths, ExportError> {
    let mut widths = csv::Widths::default();
    for id in ids {
        let (phones, emails) = vault.kept_counts(*id)?;
        widths.widen(phones, emails);
    }
    Ok(widths)
}

/// The ids of the people [`select`] gives, none of them read.
fn selected_ids(vault: &Vault, group: Option<&str>, person: Option<&str>) -> Result<Vec<i64>, ExportError> {
    let ids = match (person, group) {
        (Some(p), _) => vec![vault.find_person(p)?.id],
        (None, g) => vault.people_ids(g)?,
    };
    if ids.is_empty() {
        return Err(ExportError::Nobody { group: group.map(str::to_owned) });
    }
    Ok(ids)
}

/// The forms [`to_file`] writes.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Vcard4,
    Vcard3,
    Csv,
    /// The printable sheet of one group (HTML).
    Sheet,
}

/// Export everyone, one group's members or one person in `format` to `path`
/// (readable only by the owner); returns how many people it holds. The
/// sheet is of one group and needs `group`. Notes say where a value came
/// from in `langs` (the run's or the app's language); the sheet is in both.
pub fn to_file(
    vault: &Vault,
    format: Format,
    group: Option<&str>,
    person: Option<&str>,
    path: &Path,
    langs: &[Lang],
) -> Result<usize, ExportError> {
    let version = match format {
        Format::Vcard4 => vcard::Version::V4,
        Format::Vcard3 => vcard::Version::V3,
        Format::Csv => return csv_to_file(vault, group, person, path, langs),
        Format::Sheet => {
            let group = group.ok_or(ExportError::SheetNeedsGroup)?;
            let people = selected_ids(vault, Some(group), person)?.len();
            write_private(path, sheet::for_group(vault, group)?.as_bytes())?;
            return Ok(people);
        }
    };
    let mut file = PrivateFile::create(path)?;
    let mut card = String::new();
    let people = for_each(vault, group, person, |p| {
        card.clear();
        vcard::card(&p, version, langs, &mut card);
        file.append(card.as_bytes())
    })?;
    file.finish()?;
    Ok(people)
}

/// The Google CSV of [`to_file`], written as it goes: a first, light pass
/// over the people counts how many phone and e-mail columns the header needs.
fn csv_to_file(
    vault: &Vault,
    group: Option<&str>,
    person: Option<&str>,
    path: &Path,
    langs: &[Lang],
) -> Result<usize, ExportError> {
    let mut file = PrivateFile::create(path)?;
    let people = csv_to(vault, group, person, &mut file, langs)?;
    file.finish()?;
    Ok(people)
}

/// The Google CSV of everyone, a group's members or one person, to `out`;
/// returns how many people it holds; notes in `langs`.
pub fn csv_to(
    vault: &Vault,
    group: Option<&str>,
    person: Option<&str>,
    out: &mut dyn std::io::Write,
    langs: &[Lang],
) -> Result<usize, ExportError> {
    let ids = selected_ids(vault, group, person)?;
    // One read for both passes: the header counts the same people, in the
    // same state, as the rows under it, and the second pass finds the
    // vault's pages already in the cache.
    vault.reading_everyone(|| {
        let widths = csv_widths(vault, &ids)?;
        let mut writer = csv::Writer::new(out, widths, langs).map_err(csv_error)?;
        let people = each_of(vault, &ids, |p| writer.row(&p).map_err(csv_error))?;
        writer.finish().map_err(csv_error)?;
        Ok(people)
    })
}

/// A CSV write that failed: the file (or pipe) it went to.
fn csv_error(e: std::io::Error) -> ExportError {
    ExportError::Io { path: PathBuf::from("CSV"), source: e }
}

/// A group's sheet to print from a browser, in a fresh private folder under
/// `parent` ([`PrivateDir::default_parent`] in the app): the folder, which
/// removes itself when dropped, and the sheet's path in it.
pub fn sheet_for_printing(vault: &Vault, group: &str, parent: &Path) -> Result<(PrivateDir, PathBuf), ExportError> {
    let html = sheet::for_group(vault, group)?;
    let dir = PrivateDir::create_in(parent)?;
    let file = dir.write_new("contact-sheet.html", html.as_bytes())?;
    Ok((dir, file))
}

/// The languages of a document Korean and English readers share (a
/// backup's cards, the hand-off page, the printed sheet): English first, as
/// `LIFEBOAT_LANG=both` prints them.
pub const BOTH: [Lang; 2] = Lang::ALL;

/// "shared by 김철수 in 캡스톤 3조, 2022-10-15" for a value found in a chat;
/// "from contacts.vcf" for one read from a file; in each of `langs`, ` / ` between.
pub fn describe_source(langs: &[Lang], s: &ProvenanceView) -> String {
    let said = source_said(s);
    langs.iter().map(|&lang| said.render(lang, Surface::Cli)).collect::<Vec<_>>().join(" / ")
}

/// Where a value came from, as a message (`source_…` in errors.ftl).
fn source_said(s: &ProvenanceView) -> Said {
    if let Some(claim) = &s.claim {
        return claim_said(claim, s.file.as_deref());
    }
    match (&s.group, &s.shared_by) {
        (Some(group), Some(by)) => {
            let date: String = s.at.as_deref().unwrap_or("").chars().take(10).collect();
            match date.is_empty() {
                true => Said::new("source_shared", crate::args![by => by.as_str(), group => group.as_str()]),
                false => Said::new(
                    "source_shared_on",
                    crate::args![by => by.as_str(), group => group.as_str(), date => date],
                ),
            }
        }
        _ => match &s.file {
            Some(file) => Said::new("source_from", crate::args![file => file.as_str()]),
            None => Said::new("source_from_import", Vec::new()),
        },
    }
}

/// Whose word a value from someone else's backup (`file`) is: `claimed in
/// b.age by 김민수 (SHA256:…), made 2024-03-01, confirmed by the sender`.
pub fn claim_said(c: &ClaimView, file: Option<&str>) -> Said {
    let made: String = c.made_at.as_deref().unwrap_or("").chars().take(10).collect();
    let file = match file {
        Some(file) => Arg::from(file),
        None => Arg::message("source_a_backup", Vec::new()),
    };
    let yes = |on: bool| if on { "yes" } else { "no" };
    let confirmed = yes(c.claimed == Status::Confirmed);
    Said::new(
        "source_claimed",
        vec![
            ("file", file),
            ("signer", Arg::from(c.signer.said())),
            ("signed", Arg::from(yes(c.signer.signed))),
            ("made", Arg::from(made)),
            ("confirmed", Arg::from(confirmed)),
        ],
    )
}

/// The person's note followed by one line per phone, e-mail or handle that
/// came from a chat: where it was shared (in each of `langs`), so the reader
/// knows how far to trust it.
pub fn note_for(langs: &[Lang], p: &PersonView) -> Option<String> {
    let mut lines: Vec<String> = p.note.iter().filter(|n| !n.trim().is_empty()).cloned().collect();
    let values = p
        .phones
        .iter()
        .map(|ph| (ph.raw.clone(), &ph.sources))
        .chain(p.emails.iter().map(|e| (e.address.clone(), &e.sources)))
        .chain(p.handles.iter().map(|h| (format!("{} {}", h.service, h.value), &h.sources)));
    for (value, sources) in values {
        for s in sources.iter().filter(|s| s.shared_by.is_some()) {
            lines.push(format!("{value}: {}", describe_source(langs, s)));
        }
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Text without control characters other than newlines: vCard parsers refuse them.
pub(crate) fn clean(s: &str) -> String {
    s.chars().filter(|c| *c == '\n' || !c.is_control()).collect()
}

/// Write a file readable only by its owner, atomically (temporary file, fsync,
/// rename): exports hold other people's numbers.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let mut file = PrivateFile::create(path)?;
    file.append(bytes)?;
    file.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_sources_read_as_sentences() {
        let s = ProvenanceView {
            file: Some("KakaoTalk.txt".into()),
            line: Some(3),
            group: Some("캡스톤 3조".into()),
            shared_by: Some("김철수".into()),
            at: Some("2022-10-15 21:03:00".into()),
            message: None,
            times: 1,
            claim: None,
        };
        assert_eq!(describe_source(&[Lang::En], &s), "shared by 김철수 in 캡스톤 3조, 2022-10-15");
        assert_eq!(describe_source(&[Lang::Ko], &s), "캡스톤 3조에서 김철수 님이 공유, 2022-10-15");
        let f = ProvenanceView {
            file: Some("contacts.vcf".into()),
            line: Some(1),
            group: None,
            shared_by: None,
            at: None,
            message: None,
            times: 1,
            claim: None,
        };
        assert_eq!(describe_source(&BOTH, &f), "from contacts.vcf / contacts.vcf에서");
    }
}
