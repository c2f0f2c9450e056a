//! A Google Contacts CSV: the columns Google's importer reads, UTF-8 with a
//! byte-order mark so Korean Excel opens it without mangling Hangul, CRLF rows.
//!
//! Every cell goes through one formula guard: text a spreadsheet would run
//! as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe, so a
//! chat nickname or a hostile "phone number" never becomes one. Phone
//! numbers are written in international form with separators
//! (`+82 10-1234-5678`), which spreadsheets keep as text and which needs no
//! guard; `+821012345678` would turn into a number and lose its `+`.

use super::birthday::Birthday;
use super::names::name_parts;
use super::note_for;
use super::vcard::number;
use crate::i18n::Lang;
use crate::phone;
use crate::vault::{PersonView, PhoneView};

const BOM: &str = "\u{FEFF}";

/// Google's type word for a label: its standard words (a list such as
/// `work, fax` becomes the one type Google has for it), else the label itself.
fn google_type(label: Option<&str>) -> String {
    let Some(l) = label.map(str::trim).filter(|l| !l.is_empty()) else { return "Other".into() };
    let lower = l.to_lowercase();
    let words: Vec<&str> = lower.split(',').map(str::trim).collect();
    let standard = ["mobile", "cell", "home", "work", "fax", "pager", "main", "other", "voice", "video", "text"];
    if !words.iter().all(|w| standard.contains(w)) {
        return safe(l);
    }
    let has = |w: &str| words.contains(&w);
    let kind = if has("fax") {
        if has("home") { "Home Fax" } else { "Work Fax" }
    } else if has("mobile") || has("cell") {
        "Mobile"
    } else if has("pager") {
        "Pager"
    } else if has("main") {
        "Main"
    } else if has("work") {
        "Work"
    } else if has("home") {
        "Home"
    } else {
        "Other"
    };
    kind.into()
}

/// The formula guard. A number in international form (`+82 10-1234-5678`)
/// is no formula in any spreadsheet and passes unchanged.
fn safe(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_international_phone(text) { format!("'{text}") } else { text.to_owned() }
}

/// `+`, digits, then digits in groups separated by spaces or hyphens, with at
/// least one space, perhaps an extension: a phone number, never a number or
/// a formula.
fn is_international_phone(text: &str) -> bool {
    let number = phone::split_extension(text).map_or(text, |(n, _)| n);
    let Some(rest) = number.strip_prefix('+') else { return false };
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.contains(' ')
        && rest.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
}

/// A phone cell: international form when the number normalized (with its
/// extension), else as written, guarded.
fn phone_cell(ph: &PhoneView) -> String {
    let international = number(ph).and_then(|(e164, ext)| Some((phone::international(&e164)?, ext)));
    safe(&match international {
        Some((n, Some(ext))) => format!("{n} ext. {ext}"),
        Some((n, None)) => n,
        None => ph.raw.clone(),
    })
}

/// Google's birthday form (`1980-03-22`, `--02-03`); text that is no date, guarded.
fn birthday_cell(text: &str) -> String {
    match Birthday::parse(text) {
        Birthday::Date(d) => d.format("%Y-%m-%d").to_string(),
        Birthday::NoYear { month, day } => format!("--{month:02}-{day:02}"),
        Birthday::Text(t) => safe(&t),
    }
}

/// Every person as one CSV, in memory; notes in `langs`.
pub fn export(people: &[PersonView], langs: &[Lang]) -> Vec<u8> {
    let mut widths = Widths::default();
    for p in people {
        widths.widen(p.phones.len(), p.emails.len());
    }
    let mut bytes = Vec::new();
    // Writing to memory cannot fail.
    let mut out = Writer::new(&mut bytes, widths, langs).expect("in-memory write");
    for p in people {
        out.row(p).expect("in-memory write");
    }
    out.finish().expect("in-memory flush");
    bytes
}

/// How many e-mail and phone columns the header has: as many as the person
/// with the most (at least one each).
#[derive(Debug, Clone, Copy)]
pub struct Widths {
    phones: usize,
    emails: usize,
}

impl Default for Widths {
    fn default() -> Widths {
        Widths { phones: 1, emails: 1 }
    }
}

impl Widths {
    /// Wide enough for someone with this many phones and e-mails.
    pub fn widen(&mut self, phones: usize, emails: usize) {
        self.phones = self.phones.max(phones);
        self.emails = self.emails.max(emails);
    }
}

/// The CSV written a row at a time, its header first.
pub struct Writer<'l, W: std::io::Write> {
    out: csv::Writer<W>,
    widths: Widths,
    /// The languages of the notes.
    langs: &'l [Lang],
}

impl<'l, W: std::io::Write> Writer<'l, W> {
    /// The byte-order mark and the header, for columns as wide as `widths`.
    pub fn new(mut to: W, widths: Widths, langs: &'l [Lang]) -> std::io::Result<Writer<'l, W>> {
        to.write_all(BOM.as_bytes())?;
        let mut header: Vec<String> = [
            "Name",
            "Given Name",
            "Family Name",
            "Nickname",
            "Birthday",
            "Notes",
            "Group Membership",
            "Organization 1 - Name",
        ]
        .map(String::from)
        .to_vec();
        for i in 1..=widths.emails {
            header.push(format!("E-mail {i} - Type"));
            header.push(format!("E-mail {i} - Value"));
        }
        for i in 1..=widths.phones {
            header.push(format!("Phone {i} - Type"));
            header.push(format!("Phone {i} - Value"));
        }
        let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(to);
        out.write_record(&header)?;
        Ok(Writer { out, widths, langs })
    }

    pub fn row(&mut self, p: &PersonView) -> std::io::Result<()> {
        let n = name_parts(p);
        let groups: Vec<String> =
            std::iter::once("* myContacts".to_owned()).chain(p.groups.iter().map(|g| safe(g))).collect();
        let mut row = vec![
            safe(&p.name),
            safe(&n.given),
            safe(&n.family),
            p.aliases.iter().map(|a| safe(a)).collect::<Vec<_>>().join(" ::: "),
            p.birthday.as_deref().map(birthday_cell).unwrap_or_default(),
            note_for(self.langs, p).map(|n| safe(&n)).unwrap_or_default(),
            groups.join(" ::: "),
            p.org.as_deref().map(safe).unwrap_or_default(),
        ];
        for i in 0..self.widths.emails {
            match p.emails.get(i) {
                Some(e) => row.extend([google_type(e.label.as_deref()), safe(&e.address)]),
                None => row.extend([String::new(), String::new()]),
            }
        }
        for i in 0..self.widths.phones {
            match p.phones.get(i) {
                Some(ph) => row.extend([google_type(ph.label.as_deref()), phone_cell(ph)]),
                None => row.extend([String::new(), String::new()]),
            }
        }
        Ok(self.out.write_record(&row)?)
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_columns_with_bom() {
        let mut p = crate::export::vcard::tests::sample();
        p.aliases = vec!["=HYPERLINK(\"x\")".into()];
        let bytes = export(&[p], &[Lang::En]);
        assert!(bytes.starts_with("\u{FEFF}Name,Given Name,Family Name,".as_bytes()));
        let text = String::from_utf8(bytes).unwrap();
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
        let header = reader.headers().unwrap().clone();
        let row = reader.records().next().unwrap().unwrap();
        let get = |name: &str| row.get(header.iter().position(|h| h == name).unwrap()).unwrap().to_owned();
        assert_eq!(get("Name"), "김철수");
        assert_eq!(get("Family Name"), "김");
        assert_eq!(get("Given Name"), "철수");
        assert_eq!(get("Phone 1 - Type"), "Mobile");
        assert_eq!(get("Phone 1 - Value"), "+82 10-1234-5678");
        assert_eq!(get("Phone 2 - Type"), "업무폰");
        assert_eq!(get("Phone 3 - Value"), "*123#");
        assert_eq!(get("E-mail 1 - Type"), "Work");
        assert_eq!(get("Nickname"), "'=HYPERLINK(\"x\")");
        assert_eq!(get("Group Membership"), "* myContacts ::: 캡스톤 3조");
        assert!(get("Notes").contains("shared by 김철수 in 캡스톤 3조"));
        assert!(text.contains("\r\n"));
    }

    #[test]
    fn every_cell_is_guarded_and_phones_stay_text() {
        let mut p = crate::export::vcard::tests::sample();
        p.emails[0].address = "-2+3@x.com".into();
        p.phones[2].raw = "=1+2".into();
        p.birthday = Some("--0203".into());
        let text = String::from_utf8(export(&[p], &[Lang::En])).unwrap();
        assert!(text.contains(",'-2+3@x.com,"), "{text}");
        assert!(text.contains(",'=1+2"), "{text}");
        assert!(text.contains(",--02-03,"), "{text}");
        assert!(text.contains(",+82 10-2222-3333"), "{text}");
        assert_eq!(safe("+82 10-1234-5678"), "+82 10-1234-5678");
        assert_eq!(safe("+821012345678"), "'+821012345678");
        assert_eq!(safe("+1 418-656-9254 ext. 102"), "+1 418-656-9254 ext. 102");
        assert_eq!(safe("@123"), "'@123");
        assert_eq!(safe("김철수"), "김철수");
    }

    #[test]
    fn label_lists_become_the_one_google_type() {
        for (label, kind) in [
            (Some("work, fax"), "Work Fax"),
            (Some("home, fax"), "Home Fax"),
            (Some("work, mobile, voice, video, text"), "Mobile"),
            (Some("work"), "Work"),
            (Some("voice, video"), "Other"),
            (None, "Other"),
            (Some("업무폰, 개인"), "업무폰, 개인"),
            (Some("=1+2"), "'=1+2"),
        ] {
            assert_eq!(google_type(label), kind, "{label:?}");
        }
    }
}
