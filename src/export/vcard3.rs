//! vCard 3.0 (RFC 2426), written by hand for phones and address books that
//! refuse 4.0: values escaped (`\\ \; \, \n`), lines folded at 75 octets
//! without splitting a UTF-8 character, CRLF line ends.

use super::vcard::{HandleProperty, Label, dial, handle_property, label};
use super::{clean, note_for, split_name};
use crate::vault::PersonView;

pub fn to_vcard3(people: &[PersonView]) -> String {
    let mut out = String::new();
    for p in people {
        card(p, &mut out);
    }
    out
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Append one content line, folded: no physical line longer than 75 octets,
/// continuation lines starting with a space.
fn line(out: &mut String, logical: &str) {
    const MAX: usize = 75;
    let mut used = 0;
    for c in logical.chars() {
        if used + c.len_utf8() > MAX {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn card(p: &PersonView, out: &mut String) {
    let (family, given) = split_name(&clean(&p.name));
    line(out, "BEGIN:VCARD");
    line(out, "VERSION:3.0");
    line(out, &format!("N:{};{};;;", escape(&family), escape(&given)));
    line(out, &format!("FN:{}", escape(&p.name)));
    if !p.aliases.is_empty() {
        let nicknames: Vec<String> = p.aliases.iter().map(|a| escape(a)).collect();
        line(out, &format!("NICKNAME:{}", nicknames.join(",")));
    }
    if let Some(org) = p.org.as_deref().filter(|o| !o.trim().is_empty()) {
        line(out, &format!("ORG:{}", escape(org)));
    }
    // 3.0 wants a date here; anything else would make strict phones drop the card.
    if let Some(bday) = p.birthday.as_deref().filter(|b| chrono::NaiveDate::parse_from_str(b, "%Y-%m-%d").is_ok()) {
        line(out, &format!("BDAY:{bday}"));
    }
    let mut item = 0;
    for ph in &p.phones {
        let (types, custom) = match label(ph.label.as_deref()) {
            Label::Cell => ("CELL", None),
            Label::Home => ("HOME,VOICE", None),
            Label::Work => ("WORK,VOICE", None),
            Label::Fax => ("FAX", None),
            Label::Pager => ("PAGER", None),
            Label::Custom(text) => ("VOICE", Some(text)),
            Label::None => ("VOICE", None),
        };
        grouped(out, &mut item, custom, &format!("TEL;TYPE={types}:{}", escape(&dial(ph))));
    }
    for e in &p.emails {
        let (types, custom) = match label(e.label.as_deref()) {
            Label::Home => ("INTERNET,HOME", None),
            Label::Work => ("INTERNET,WORK", None),
            Label::Custom(text) => ("INTERNET", Some(text)),
            Label::Cell | Label::Fax | Label::Pager => ("INTERNET", e.label.as_deref()),
            Label::None => ("INTERNET", None),
        };
        grouped(out, &mut item, custom, &format!("EMAIL;TYPE={types}:{}", escape(&e.address)));
    }
    for h in &p.handles {
        match handle_property(h) {
            Some(HandleProperty::Private(name, value)) => line(out, &format!("{name}:{}", escape(&value))),
            Some(HandleProperty::Impp(uri)) => line(out, &format!("IMPP:{uri}")),
            None => {}
        }
    }
    if let Some(note) = note_for(p) {
        line(out, &format!("NOTE:{}", escape(&note)));
    }
    line(out, "END:VCARD");
}

/// A property with a custom label goes in its own group with an `X-ABLabel`.
fn grouped(out: &mut String, item: &mut u32, custom: Option<&str>, property: &str) {
    match custom {
        Some(text) => {
            *item += 1;
            line(out, &format!("item{item}.{property}"));
            line(out, &format!("item{item}.X-ABLabel:{}", escape(text)));
        }
        None => line(out, property),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        let mut out = String::new();
        let long = format!("NOTE:{}", "가".repeat(40));
        line(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        // Unfolding gives back the logical line.
        assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), long);
        assert_eq!(escape("a;b,c\\d\ne\u{7}"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn writes_a_whole_card() {
        let p = crate::export::vcard::tests::sample();
        let text = to_vcard3(&[p]);
        assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nN:김;철수;;;\r\nFN:김철수\r\n"), "{text}");
        assert!(text.contains("TEL;TYPE=CELL:+821012345678\r\n"));
        assert!(text.contains("item1.TEL;TYPE=VOICE:+821022223333\r\nitem1.X-ABLabel:업무폰\r\n"));
        assert!(text.contains("TEL;TYPE=VOICE:*123#\r\n"));
        assert!(text.contains("ORG:Lifeboat\\; Inc\\, Seoul\r\n"));
        assert!(text.contains("NICKNAME:철수\\, 팀장\r\n"));
        assert!(text.contains("EMAIL;TYPE=INTERNET,WORK:cs.kim@example.kr\r\n"));
        assert!(text.contains("X-KAKAOTALK:철수 오픈채팅\r\n"));
        assert!(text.ends_with("END:VCARD\r\n"));
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("010-2222-3333: shared by 김철수 in 캡스톤 3조\\, 2022-10-15"), "{unfolded}");
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
    }
}
