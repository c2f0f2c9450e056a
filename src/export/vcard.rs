//! vCard export. 4.0 (RFC 6350) is built with the `vcard4` crate, so what we
//! write is what a strict parser reads back; 3.0, for phones that refuse 4.0,
//! is written by hand in [`super::vcard3`]. Both share the choices made here:
//! the name split, labels, handles and the provenance NOTE.

use std::str::FromStr;

use vcard4::parameter::{Parameters, TelephoneType, TypeParameter, ValueType};
use vcard4::property::{
    AnyProperty, DateTimeOrTextProperty, ExtensionProperty, TextOrUriProperty, TextProperty, UriProperty,
};
use vcard4::{Uri, Vcard, VcardBuilder};

use super::{clean, note_for, split_name};
use crate::vault::{HandleView, PersonView, PhoneView};

/// Which vCard version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V4,
    V3,
}

/// Every person as vCards, CRLF line ends.
pub fn export(people: &[PersonView], version: Version) -> String {
    match version {
        Version::V4 => to_vcard4(people),
        Version::V3 => super::vcard3::to_vcard3(people),
    }
}

pub fn to_vcard4(people: &[PersonView]) -> String {
    people.iter().map(|p| card(p).to_string()).collect()
}

/// A label vCard has a TYPE for, or a custom one carried by a grouped `X-ABLabel`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Label<'a> {
    Cell,
    Home,
    Work,
    Fax,
    Pager,
    Custom(&'a str),
    None,
}

pub(super) fn label(label: Option<&str>) -> Label<'_> {
    match label.map(str::trim) {
        None | Some("") => Label::None,
        Some(l) => match l.to_lowercase().as_str() {
            "mobile" | "cell" | "휴대폰" | "휴대전화" => Label::Cell,
            "home" | "집" => Label::Home,
            "work" | "직장" | "회사" => Label::Work,
            "fax" | "팩스" => Label::Fax,
            "pager" => Label::Pager,
            _ => Label::Custom(l),
        },
    }
}

/// What to dial: E.164 when the number normalized, else as written.
pub(super) fn dial(ph: &PhoneView) -> String {
    clean(ph.e164.as_deref().unwrap_or(&ph.raw)).replace('\n', " ")
}

/// How a messenger handle is written: a private property address books know
/// (`X-KAKAOTALK`), or `IMPP` with the service as the URI scheme. Platform
/// ids (service `id`) are not contact details and are left to the backup.
pub(super) enum HandleProperty {
    Private(&'static str, String),
    Impp(String),
}

pub(super) fn handle_property(h: &HandleView) -> Option<HandleProperty> {
    let value = clean(&h.value).replace('\n', " ");
    let name = match h.service.as_str() {
        "kakao" => "X-KAKAOTALK",
        "line" => "X-LINE",
        "telegram" => "X-TELEGRAM",
        "whatsapp" => "X-WHATSAPP",
        "skype" => "X-SKYPE",
        "id" => return None,
        other => {
            let scheme_ok = other.starts_with(|c: char| c.is_ascii_alphabetic())
                && other.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
            let value_ok = !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || "._-@+".contains(c));
            return (scheme_ok && value_ok).then(|| HandleProperty::Impp(format!("{}:{value}", other.to_lowercase())));
        }
    };
    Some(HandleProperty::Private(name, value))
}

fn params(value: Option<ValueType>, types: Vec<TypeParameter>) -> Option<Parameters> {
    let mut p = Parameters::default();
    p.value = value;
    p.types = (!types.is_empty()).then_some(types);
    Some(p)
}

fn ab_label(group: &str, text: &str) -> ExtensionProperty {
    ExtensionProperty {
        name: "X-ABLabel".into(),
        group: Some(group.into()),
        value: AnyProperty::Text(clean(text)),
        parameters: None,
    }
}

fn card(p: &PersonView) -> Vcard {
    let name = clean(&p.name);
    let (family, given) = split_name(&name);
    let mut builder =
        VcardBuilder::new(name.clone()).name([family, given, String::new(), String::new(), String::new()]);
    for alias in &p.aliases {
        builder = builder.nickname(clean(alias));
    }
    if let Some(org) = p.org.as_deref().filter(|o| !o.trim().is_empty()) {
        builder = builder.org(vec![clean(org)]);
    }
    if let Some(note) = note_for(p) {
        builder = builder.note(clean(&note));
    }
    let mut card = builder.prod_id("-//Lifeboat//Lifeboat export//EN".into()).finish();
    if let Some(bday) = p.birthday.as_deref().filter(|b| !b.trim().is_empty()) {
        let text = TextProperty { group: None, value: clean(bday), parameters: params(Some(ValueType::Text), vec![]) };
        card.bday = Some(DateTimeOrTextProperty::Text(text));
    }
    let mut item = 0;
    let mut next_group = || {
        item += 1;
        format!("item{item}")
    };
    for ph in &p.phones {
        let (types, custom) = match label(ph.label.as_deref()) {
            Label::Cell => (vec![TypeParameter::Telephone(TelephoneType::Cell)], None),
            Label::Home => (vec![TypeParameter::Home, TypeParameter::Telephone(TelephoneType::Voice)], None),
            Label::Work => (vec![TypeParameter::Work, TypeParameter::Telephone(TelephoneType::Voice)], None),
            Label::Fax => (vec![TypeParameter::Telephone(TelephoneType::Fax)], None),
            Label::Pager => (vec![TypeParameter::Telephone(TelephoneType::Pager)], None),
            Label::Custom(text) => (vec![TypeParameter::Telephone(TelephoneType::Voice)], Some(text)),
            Label::None => (vec![TypeParameter::Telephone(TelephoneType::Voice)], None),
        };
        let group = custom.map(|text| {
            let g = next_group();
            card.extensions.push(ab_label(&g, text));
            g
        });
        let number = dial(ph);
        // RFC 6350 wants a tel: URI; a number that is not one stays text.
        let tel = match ph.e164.as_deref().map(|e| Uri::from_str(&format!("tel:{e}"))) {
            Some(Ok(uri)) => TextOrUriProperty::Uri(UriProperty {
                group,
                value: uri,
                parameters: params(Some(ValueType::Uri), types),
            }),
            _ => TextOrUriProperty::Text(TextProperty {
                group,
                value: number,
                parameters: params(Some(ValueType::Text), types),
            }),
        };
        card.tel.push(tel);
    }
    for e in &p.emails {
        let (types, custom) = match label(e.label.as_deref()) {
            Label::Home => (vec![TypeParameter::Home], None),
            Label::Work => (vec![TypeParameter::Work], None),
            Label::Custom(text) => (vec![], Some(text)),
            Label::Cell | Label::Fax | Label::Pager => (vec![], e.label.as_deref()),
            Label::None => (vec![], None),
        };
        let group = custom.map(|text| {
            let g = next_group();
            card.extensions.push(ab_label(&g, text));
            g
        });
        card.email.push(TextProperty { group, value: clean(&e.address), parameters: params(None, types) });
    }
    for h in &p.handles {
        match handle_property(h) {
            Some(HandleProperty::Private(name, value)) => card.extensions.push(ExtensionProperty {
                name: name.into(),
                group: None,
                value: AnyProperty::Text(value),
                parameters: None,
            }),
            Some(HandleProperty::Impp(uri)) => {
                if let Ok(value) = Uri::from_str(&uri) {
                    card.impp.push(UriProperty { group: None, value, parameters: None });
                }
            }
            None => {}
        }
    }
    card
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Status;
    use crate::vault::{EmailView, ProvenanceView};

    pub(crate) fn sample() -> PersonView {
        let shared = ProvenanceView {
            file: Some("KakaoTalk_캡스톤.txt".into()),
            line: Some(12),
            group: Some("캡스톤 3조".into()),
            shared_by: Some("김철수".into()),
            at: Some("2022-10-15 21:03:00".into()),
            message: Some("제 번호 010-2222-3333".into()),
            times: 1,
            claim: None,
        };
        PersonView {
            id: 7,
            name: "김철수".into(),
            aliases: vec!["철수, 팀장".into()],
            me: false,
            phones: vec![
                PhoneView {
                    id: 1,
                    e164: Some("+821012345678".into()),
                    raw: "010-1234-5678".into(),
                    label: Some("mobile".into()),
                    status: Status::Confirmed,
                    conflict: false,
                    sources: vec![],
                },
                PhoneView {
                    id: 2,
                    e164: Some("+821022223333".into()),
                    raw: "010-2222-3333".into(),
                    label: Some("업무폰".into()),
                    status: Status::Candidate,
                    conflict: false,
                    sources: vec![shared],
                },
                PhoneView {
                    id: 3,
                    e164: None,
                    raw: "*123#".into(),
                    label: None,
                    status: Status::Confirmed,
                    conflict: false,
                    sources: vec![],
                },
            ],
            emails: vec![EmailView {
                id: 1,
                address: "cs.kim@example.kr".into(),
                label: Some("work".into()),
                status: Status::Confirmed,
                conflict: false,
                sources: vec![],
            }],
            handles: vec![
                HandleView { service: "telegram".into(), value: "cskim".into() },
                HandleView { service: "kakao".into(), value: "철수 오픈채팅".into() },
                HandleView { service: "id".into(), value: "user123".into() },
            ],
            groups: vec!["캡스톤 3조".into()],
            org: Some("Lifeboat; Inc, Seoul".into()),
            note: Some("line one\nline two; with, punctuation \\ backslash".into()),
            birthday: Some("1999-03-01".into()),
        }
    }

    #[test]
    fn vcard4_parses_back_strictly() {
        let text = to_vcard4(&[sample()]);
        assert!(text.contains("\r\n"), "CRLF line ends");
        assert!(text.lines().all(|l| l.len() <= 75), "folded at 75 octets:\n{text}");
        let cards = vcard4::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(cards.len(), 1);
        let c = &cards[0];
        assert_eq!(c.formatted_name[0].value, "김철수");
        assert_eq!(c.name.as_ref().unwrap().value[..2], ["김".to_owned(), "철수".to_owned()]);
        assert_eq!(c.tel.len(), 3);
        assert!(text.contains("TEL;VALUE=uri;TYPE=cell:tel:+821012345678"), "{text}");
        assert!(text.contains("item1.X-ABLabel:업무폰"), "{text}");
        assert!(text.contains("X-TELEGRAM:cskim"));
        assert!(!text.contains("user123"), "platform ids stay out of address books");
        let note = &c.note[0].value;
        assert!(note.contains("010-2222-3333: shared by 김철수 in 캡스톤 3조, 2022-10-15"), "{note}");
        assert!(note.starts_with("line one\nline two"), "{note}");
        assert_eq!(c.email[0].value, "cs.kim@example.kr");
    }
}
