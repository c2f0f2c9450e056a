//! vCard export, 4.0 (RFC 6350) and 3.0 (RFC 2426, for phones that refuse
//! 4.0), written by one writer so that both escape, fold and label alike
//! ([`super::vcard_text`]); they differ only where the versions do: TEL as a
//! `tel:` URI or text, the form of BDAY, the case of TYPE values.
//!
//! Every card has a UID (address books and CardDAV servers key on it), N
//! from [`super::names`], and a BDAY that is a date wherever the stored
//! birthday is one ([`super::birthday`]).

use sha2::{Digest, Sha256};

use super::birthday::Birthday;
use super::names::name_parts;
use super::vcard_text::{escape, line, list, structured};
use super::{clean, note_for};
use crate::i18n::Lang;
use crate::phone;
use crate::vault::{HandleView, PersonView, PhoneView};

/// Which vCard version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V4,
    V3,
}

/// Every person as vCards, CRLF line ends; notes in `langs`.
pub fn export(people: &[PersonView], version: Version, langs: &[Lang]) -> String {
    let mut out = String::new();
    for p in people {
        card(p, version, langs, &mut out);
    }
    out
}

/// A stored label as vCard writes it: the TYPE values its words name
/// (`work, mobile, video` → `work,cell,video`), or, when it is no list of
/// such words, a custom label carried by a grouped `X-ABLabel`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Label<'a> {
    pub types: Vec<&'static str>,
    pub custom: Option<&'a str>,
}

/// The meaning of a stored label; Apple's `_$!<HomeFAX>!$_` is read as the word inside.
pub(super) fn label(label: Option<&str>) -> Label<'_> {
    let Some(l) = label.map(str::trim).filter(|l| !l.is_empty()) else { return Label::default() };
    let inner = l.strip_prefix("_$!<").and_then(|l| l.strip_suffix(">!$_")).unwrap_or(l);
    match inner.split(',').map(|w| type_value(w.trim())).collect::<Option<Vec<_>>>() {
        Some(words) => Label { types: words.into_iter().flatten().collect(), custom: None },
        None => Label { types: Vec::new(), custom: Some(inner) },
    }
}

/// The vCard TYPE a label word is (`mobile` → `cell`); `Some(None)` for a
/// word that adds nothing (`other`), None for a word vCard has no TYPE for.
fn type_value(word: &str) -> Option<Option<&'static str>> {
    let value = match word.to_lowercase().as_str() {
        "mobile" | "cell" | "휴대폰" | "휴대전화" => "cell",
        "home" | "집" => "home",
        "work" | "직장" | "회사" => "work",
        "fax" | "homefax" | "workfax" | "otherfax" | "팩스" => "fax",
        "pager" => "pager",
        "video" => "video",
        "text" => "text",
        "textphone" => "textphone",
        "voice" => "voice",
        "other" => return Some(None),
        _ => return None,
    };
    Some(Some(value))
}

/// The number in E.164 and its extension, when it normalized: the vault's
/// E.164, or, for a number written with an extension (which the vault keeps
/// as written), the E.164 of the part before it.
pub(super) fn number(ph: &PhoneView) -> Option<(String, Option<&str>)> {
    let ext = phone::split_extension(&ph.raw);
    let e164 = match (&ph.e164, ext) {
        (Some(e), _) => Some(e.clone()),
        // Only an international number is safe to normalize without the vault's region.
        (None, Some((base, _))) if base.trim_start().starts_with('+') => phone::to_e164(base, phone::Region::default()),
        _ => None,
    }?;
    Some((e164, ext.map(|(_, x)| x)))
}

/// What to dial as text: E.164 when the number normalized (with its
/// extension), else as written.
pub(super) fn dial(ph: &PhoneView) -> String {
    let text = match number(ph) {
        Some((e164, Some(ext))) => format!("{e164} ext. {ext}"),
        Some((e164, None)) => e164,
        None => ph.raw.clone(),
    };
    clean(&text).replace('\n', " ")
}

/// The `tel:` URI (RFC 3966) of a number that has one, extension included:
/// `tel:+14186569254;ext=102`.
fn tel_uri(ph: &PhoneView) -> Option<String> {
    Some(match number(ph)? {
        (e164, Some(ext)) => format!("tel:{e164};ext={ext}"),
        (e164, None) => format!("tel:{e164}"),
    })
}

/// How a messenger handle is written: a private property address books know
/// (`X-KAKAOTALK`), a social profile (Instagram, Discord), or `IMPP` with
/// the service as the URI scheme. Platform ids (service `id`) are not
/// contact details and are left to the backup.
pub(super) enum HandleProperty {
    Private(&'static str, String),
    Impp(String),
    /// A service's profile (see [`social_profile`]): its name, the user
    /// name, and the profile's address when the service has one.
    Profile {
        service: &'static str,
        user: String,
        url: Option<String>,
    },
}

pub(super) fn handle_property(h: &HandleView) -> Option<HandleProperty> {
    let value = clean(&h.value).replace('\n', " ");
    let name = match h.service.as_str() {
        "instagram" => {
            let url = value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                .then(|| format!("https://www.instagram.com/{value}"));
            return Some(HandleProperty::Profile { service: "Instagram", user: value, url });
        }
        "discord" => return Some(HandleProperty::Profile { service: "Discord", user: value, url: None }),
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

/// The person's UID; one derived from who they are for a view that has none
/// (a backup from before UIDs), so the same person gets the same UID each time.
fn uid(p: &PersonView) -> String {
    if !p.uid.trim().is_empty() {
        return clean(p.uid.trim()).replace('\n', " ");
    }
    let digest = Sha256::digest(format!("lifeboat person {} {}", p.id, p.name).as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    crate::text::uuid_urn(b, 5)
}

/// TYPE values in the case each version's readers expect.
fn types(version: Version, list: &[&str]) -> String {
    match version {
        Version::V4 => list.join(","),
        Version::V3 => list.join(",").to_uppercase(),
    }
}

/// A TEL's TYPE values: its label's, and `voice` when they name no medium
/// or device (a number is for calls unless it says otherwise).
fn phone_types(l: &Label<'_>) -> Vec<&'static str> {
    const MEDIA: [&str; 7] = ["cell", "fax", "pager", "video", "text", "textphone", "voice"];
    let mut kinds = l.types.clone();
    if !kinds.iter().any(|k| MEDIA.contains(k)) {
        kinds.push("voice");
    }
    kinds
}

/// One person's card, appended to `out`; its note says where a value came from in `langs`.
pub fn card(p: &PersonView, version: Version, langs: &[Lang], out: &mut String) {
    line(out, "BEGIN:VCARD");
    line(out, if version == Version::V4 { "VERSION:4.0" } else { "VERSION:3.0" });
    line(out, "PRODID:-//Lifeboat//Lifeboat export//EN");
    line(out, &format!("UID:{}", uid(p)));
    line(out, &format!("FN:{}", escape(&p.name)));
    let n = name_parts(p);
    line(out, &format!("N:{}", structured(&[&n.family, &n.given, &n.additional, &n.prefix, &n.suffix])));
    if !p.aliases.is_empty() {
        line(out, &format!("NICKNAME:{}", list(&p.aliases)));
    }
    if let Some(org) = p.org.as_deref().filter(|o| !o.trim().is_empty()) {
        // The source's units, while they are still what `org` says.
        let value =
            if p.org_parts.len() > 1 && p.org_parts.join(", ") == org { structured(&p.org_parts) } else { escape(org) };
        line(out, &format!("ORG:{value}"));
    }
    if let Some(bday) = p.birthday.as_deref().filter(|b| !b.trim().is_empty()) {
        birthday(version, bday, out);
    }
    let mut item = 0;
    for ph in &p.phones {
        let l = label(ph.label.as_deref());
        let kinds = types(version, &phone_types(&l));
        let property = match (version, tel_uri(ph)) {
            (Version::V4, Some(uri)) => format!("TEL;VALUE=uri;TYPE={kinds}:{uri}"),
            (Version::V4, None) => format!("TEL;VALUE=text;TYPE={kinds}:{}", escape(&dial(ph))),
            (Version::V3, _) => format!("TEL;TYPE={kinds}:{}", escape(&dial(ph))),
        };
        grouped(out, &mut item, l.custom, &property);
    }
    for e in &p.emails {
        let l = label(e.label.as_deref());
        // An e-mail is home or work; any other word of its label is said as written.
        let kinds: Vec<&str> = l.types.iter().copied().filter(|k| matches!(*k, "home" | "work")).collect();
        let custom = l.custom.or(e.label.as_deref().filter(|_| kinds.len() < l.types.len()));
        let kinds: Vec<&str> = match version {
            Version::V4 => kinds,
            Version::V3 => std::iter::once("internet").chain(kinds.iter().copied()).collect(),
        };
        let property = if kinds.is_empty() {
            format!("EMAIL:{}", escape(&e.address))
        } else {
            format!("EMAIL;TYPE={}:{}", types(version, &kinds), escape(&e.address))
        };
        grouped(out, &mut item, custom, &property);
    }
    for h in &p.handles {
        match handle_property(h) {
            Some(HandleProperty::Private(name, value)) => line(out, &format!("{name}:{}", escape(&value))),
            Some(HandleProperty::Impp(uri)) => line(out, &format!("IMPP:{uri}")),
            Some(HandleProperty::Profile { service, user, url }) => {
                line(out, &social_profile(version, service, &user, url))
            }
            None => {}
        }
    }
    if let Some(note) = note_for(langs, p) {
        line(out, &format!("NOTE:{}", escape(&note)));
    }
    line(out, "END:VCARD");
}

/// A social profile: the profile's address as a `URL` in vCard 4 (a link
/// every address book shows; RFC 9554's SOCIALPROFILE breaks strict 6350
/// readers), Apple's `X-SOCIALPROFILE;TYPE=instagram;X-USER=abc:https://…`
/// in vCard 3 and for a service without profile addresses (Discord), whose
/// user name is then the value.
fn social_profile(version: Version, service: &str, user: &str, url: Option<String>) -> String {
    match (version, url) {
        (Version::V4, Some(url)) => format!("URL:{url}"),
        (_, url) => {
            let value = url.unwrap_or_else(|| escape(user));
            let user = user.replace([';', ':', ',', '"'], "");
            format!("X-SOCIALPROFILE;TYPE={};X-USER={user}:{value}", service.to_lowercase())
        }
    }
}

/// 4.0: a date (`19800322`, `--0203`), text only when it is none. 3.0: an
/// ISO date; a birthday without a year in Apple's form (year 1604 marked
/// omitted), which 3.0 readers take as a date; text is left out, as 3.0's
/// BDAY is a date and strict phones drop a card whose BDAY is not.
fn birthday(version: Version, bday: &str, out: &mut String) {
    let value = match (version, Birthday::parse(bday)) {
        (Version::V4, Birthday::Date(d)) => format!("BDAY:{}", d.format("%Y%m%d")),
        (Version::V4, Birthday::NoYear { month, day }) => format!("BDAY:--{month:02}{day:02}"),
        (Version::V4, Birthday::Text(t)) => format!("BDAY;VALUE=text:{}", escape(&t)),
        (Version::V3, Birthday::Date(d)) => format!("BDAY:{}", d.format("%Y-%m-%d")),
        (Version::V3, Birthday::NoYear { month, day }) => {
            format!("BDAY;X-APPLE-OMIT-YEAR=1604:1604-{month:02}-{day:02}")
        }
        (Version::V3, Birthday::Text(_)) => return,
    };
    line(out, &value);
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
                    shown: String::new(),
                    label: Some("mobile".into()),
                    status: Status::Confirmed,
                    conflict: false,
                    sources: vec![],
                },
                PhoneView {
                    id: 2,
                    e164: Some("+821022223333".into()),
                    raw: "010-2222-3333".into(),
                    shown: String::new(),
                    label: Some("업무폰".into()),
                    status: Status::Candidate,
                    conflict: false,
                    sources: vec![shared],
                },
                PhoneView {
                    id: 3,
                    e164: None,
                    raw: "*123#".into(),
                    shown: String::new(),
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
                HandleView {
                    id: 0,
                    service: "telegram".into(),
                    value: "cskim".into(),
                    status: Status::Confirmed,
                    conflict: false,
                    sources: vec![],
                },
                HandleView {
                    id: 0,
                    service: "kakao".into(),
                    value: "철수 오픈채팅".into(),
                    status: Status::Confirmed,
                    conflict: false,
                    sources: vec![],
                },
                HandleView {
                    id: 0,
                    service: "id".into(),
                    value: "user123".into(),
                    status: Status::Confirmed,
                    conflict: false,
                    sources: vec![],
                },
                HandleView {
                    id: 0,
                    service: "instagram".into(),
                    value: "cs_kim.99".into(),
                    status: Status::Confirmed,
                    conflict: false,
                    sources: vec![],
                },
                HandleView {
                    id: 0,
                    service: "discord".into(),
                    value: "Chulsoo#0420".into(),
                    status: Status::Confirmed,
                    conflict: false,
                    sources: vec![],
                },
            ],
            groups: vec!["캡스톤 3조".into()],
            org: Some("Lifeboat; Inc, Seoul".into()),
            note: Some("line one\nline two; with, punctuation \\ backslash".into()),
            birthday: Some("1999-03-01".into()),
            uid: "urn:uuid:5f1b7a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b".into(),
            name_parts: None,
            org_parts: vec![],
        }
    }

    #[test]
    fn vcard4_parses_back_strictly() {
        let text = export(&[sample()], Version::V4, &[Lang::En]);
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
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("\r\nURL:https://www.instagram.com/cs_kim.99\r\n"), "{text}");
        assert!(unfolded.contains("X-SOCIALPROFILE;TYPE=discord;X-USER=Chulsoo#0420:Chulsoo#0420\r\n"), "{text}");
        assert_eq!(c.url.len(), 1);
        let note = &c.note[0].value;
        assert!(note.contains("010-2222-3333: shared by 김철수 in 캡스톤 3조, 2022-10-15"), "{note}");
        assert!(note.starts_with("line one\nline two"), "{note}");
        assert_eq!(c.email[0].value, "cs.kim@example.kr");
    }
}

#[cfg(test)]
mod v3_tests {
    use super::*;
    use crate::model::NameParts;

    #[test]
    fn writes_a_whole_3_0_card() {
        let p = tests::sample();
        let text = export(&[p], Version::V3, &[Lang::En]);
        assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"), "{text}");
        assert!(
            text.contains("\r\nUID:urn:uuid:5f1b7a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b\r\nFN:김철수\r\nN:김;철수;;;\r\n"),
            "{text}"
        );
        assert!(text.contains("TEL;TYPE=CELL:+821012345678\r\n"));
        assert!(text.contains("item1.TEL;TYPE=VOICE:+821022223333\r\nitem1.X-ABLabel:업무폰\r\n"));
        assert!(text.contains("TEL;TYPE=VOICE:*123#\r\n"));
        assert!(text.contains("ORG:Lifeboat\\; Inc\\, Seoul\r\n"));
        assert!(text.contains("NICKNAME:철수\\, 팀장\r\n"));
        assert!(text.contains("EMAIL;TYPE=INTERNET,WORK:cs.kim@example.kr\r\n"));
        assert!(text.contains("X-KAKAOTALK:철수 오픈채팅\r\n"));
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded
                .contains("X-SOCIALPROFILE;TYPE=instagram;X-USER=cs_kim.99:https://www.instagram.com/cs_kim.99\r\n"),
            "{text}"
        );
        assert!(unfolded.contains("X-SOCIALPROFILE;TYPE=discord;X-USER=Chulsoo#0420:Chulsoo#0420\r\n"), "{text}");
        assert!(text.contains("BDAY:1999-03-01\r\n"));
        assert!(text.ends_with("END:VCARD\r\n"));
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("010-2222-3333: shared by 김철수 in 캡스톤 3조\\, 2022-10-15"), "{unfolded}");
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn both_versions_escape_alike_and_keep_what_the_source_said() {
        let mut p = tests::sample();
        p.name_parts = Some(NameParts {
            family: "Doe".into(),
            given: "John".into(),
            additional: "Richter, James".into(),
            prefix: "Mr.".into(),
            suffix: "Sr.".into(),
        });
        p.note = Some("a;b".into());
        p.org = Some("TheCompany, TheDepartment".into());
        p.org_parts = vec!["TheCompany".into(), "TheDepartment".into()];
        p.phones[0].raw = "+1-418-656-9254;ext=102".into();
        p.phones[0].e164 = Some("+14186569254".into());
        p.phones[0].label = Some("_$!<HomeFAX>!$_".into());
        for version in [Version::V3, Version::V4] {
            let text = export(std::slice::from_ref(&p), version, &[Lang::En]).replace("\r\n ", "");
            assert!(text.contains("\r\nN:Doe;John;Richter\\, James;Mr.;Sr.\r\n"), "{text}");
            assert!(text.contains("NOTE:a\\;b\\n"), "{text}");
            assert!(text.contains("\r\nORG:TheCompany;TheDepartment\r\n"), "{text}");
        }
        let v4 = export(std::slice::from_ref(&p), Version::V4, &[Lang::En]);
        assert!(v4.contains("TEL;VALUE=uri;TYPE=fax:tel:+14186569254;ext=102\r\n"), "{v4}");
        let v3 = export(std::slice::from_ref(&p), Version::V3, &[Lang::En]);
        assert!(v3.contains("TEL;TYPE=FAX:+14186569254 ext. 102\r\n"), "{v3}");
    }

    #[test]
    fn label_lists_keep_every_type() {
        let mut p = tests::sample();
        p.phones[0].label = Some("work, mobile, voice, video, text".into());
        p.phones[1].label = Some("work, fax".into());
        p.phones[2].label = Some("work".into());
        p.emails[0].label = Some("home, work".into());
        let v4 = export(std::slice::from_ref(&p), Version::V4, &[Lang::En]);
        assert!(v4.contains("TEL;VALUE=uri;TYPE=work,cell,voice,video,text:tel:+821012345678\r\n"), "{v4}");
        assert!(v4.contains(";TYPE=work,fax:"), "{v4}");
        assert!(v4.contains("TEL;VALUE=text;TYPE=work,voice:*123#\r\n"), "{v4}");
        assert!(v4.contains("EMAIL;TYPE=home,work:"), "{v4}");
        let v3 = export(std::slice::from_ref(&p), Version::V3, &[Lang::En]);
        assert!(v3.contains("TEL;TYPE=WORK,CELL,VOICE,VIDEO,TEXT:+821012345678\r\n"), "{v3}");
        assert!(v3.contains("EMAIL;TYPE=INTERNET,HOME,WORK:"), "{v3}");
        // A list with a word vCard has no TYPE for is one custom label, as written.
        p.phones[0].label = Some("work, 개인".into());
        let v4 = export(std::slice::from_ref(&p), Version::V4, &[Lang::En]);
        assert!(v4.contains("item1.X-ABLabel:work\\, 개인\r\n"), "{v4}");
    }

    #[test]
    fn birthdays_are_dates_where_they_are_dates() {
        let mut p = tests::sample();
        for (stored, v4, v3) in [
            ("19220310", Some("BDAY:19220310"), Some("BDAY:1922-03-10")),
            ("--0203", Some("BDAY:--0203"), Some("BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-03")),
            ("봄", Some("BDAY;VALUE=text:봄"), None),
        ] {
            p.birthday = Some(stored.into());
            let four = export(std::slice::from_ref(&p), Version::V4, &[Lang::En]);
            let three = export(std::slice::from_ref(&p), Version::V3, &[Lang::En]);
            assert!(four.contains(&format!("{}\r\n", v4.unwrap())), "{four}");
            match v3 {
                Some(v3) => assert!(three.contains(&format!("{v3}\r\n")), "{three}"),
                None => assert!(!three.contains("BDAY"), "{three}"),
            }
        }
    }

    #[test]
    fn a_view_without_uid_gets_the_same_one_each_time() {
        let mut p = tests::sample();
        p.uid = String::new();
        let a = export(std::slice::from_ref(&p), Version::V4, &[Lang::En]);
        assert_eq!(a, export(std::slice::from_ref(&p), Version::V4, &[Lang::En]));
        assert!(a.contains("\r\nUID:urn:uuid:"), "{a}");
    }
}
