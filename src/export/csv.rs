//! A Google Contacts CSV: the columns Google's importer reads, UTF-8 with a
//! byte-order mark so Korean Excel opens it without mangling Hangul, CRLF rows.
//!
//! Text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`
//! first) get a leading apostrophe: a chat nickname must never become a
//! formula. Phone and e-mail cells are left as they are.

use super::{note_for, split_name};
use crate::vault::PersonView;

const BOM: &str = "\u{FEFF}";

/// Google's type word for a label: its standard words, else the label itself.
fn google_type(label: Option<&str>) -> String {
    match label.map(str::trim) {
        None | Some("") => "Other".into(),
        Some(l) => match l.to_lowercase().as_str() {
            "mobile" | "cell" => "Mobile".into(),
            "home" => "Home".into(),
            "work" => "Work".into(),
            "fax" => "Work Fax".into(),
            "pager" => "Pager".into(),
            "main" => "Main".into(),
            "other" => "Other".into(),
            _ => safe(l),
        },
    }
}

fn safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

pub fn export(people: &[PersonView]) -> Vec<u8> {
    let phones = people.iter().map(|p| p.phones.len()).max().unwrap_or(0).max(1);
    let emails = people.iter().map(|p| p.emails.len()).max().unwrap_or(0).max(1);
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
    for i in 1..=emails {
        header.push(format!("E-mail {i} - Type"));
        header.push(format!("E-mail {i} - Value"));
    }
    for i in 1..=phones {
        header.push(format!("Phone {i} - Type"));
        header.push(format!("Phone {i} - Value"));
    }
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BOM.as_bytes().to_vec());
    // Writing to memory cannot fail.
    out.write_record(&header).expect("in-memory write");
    for p in people {
        let (family, given) = split_name(&p.name);
        let groups: Vec<String> =
            std::iter::once("* myContacts".to_owned()).chain(p.groups.iter().map(|g| safe(g))).collect();
        let mut row = vec![
            safe(&p.name),
            safe(&given),
            safe(&family),
            p.aliases.iter().map(|a| safe(a)).collect::<Vec<_>>().join(" ::: "),
            p.birthday.clone().unwrap_or_default(),
            note_for(p).map(|n| safe(&n)).unwrap_or_default(),
            groups.join(" ::: "),
            p.org.as_deref().map(safe).unwrap_or_default(),
        ];
        for i in 0..emails {
            match p.emails.get(i) {
                Some(e) => row.extend([google_type(e.label.as_deref()), e.address.clone()]),
                None => row.extend([String::new(), String::new()]),
            }
        }
        for i in 0..phones {
            match p.phones.get(i) {
                Some(ph) => {
                    row.extend([google_type(ph.label.as_deref()), ph.e164.clone().unwrap_or_else(|| ph.raw.clone())])
                }
                None => row.extend([String::new(), String::new()]),
            }
        }
        out.write_record(&row).expect("in-memory write");
    }
    out.into_inner().expect("in-memory flush")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_columns_with_bom() {
        let mut p = crate::export::vcard::tests::sample();
        p.aliases = vec!["=HYPERLINK(\"x\")".into()];
        let bytes = export(&[p]);
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
        assert_eq!(get("Phone 1 - Value"), "+821012345678");
        assert_eq!(get("Phone 2 - Type"), "업무폰");
        assert_eq!(get("Phone 3 - Value"), "*123#");
        assert_eq!(get("E-mail 1 - Type"), "Work");
        assert_eq!(get("Nickname"), "'=HYPERLINK(\"x\")");
        assert_eq!(get("Group Membership"), "* myContacts ::: 캡스톤 3조");
        assert!(get("Notes").contains("shared by 김철수 in 캡스톤 3조"));
        assert!(text.contains("\r\n"));
    }
}
