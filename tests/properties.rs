//! Property tests on stable Rust over the entry points the fuzz targets
//! cover (fuzz/): no input makes an importer or the extractor panic, and
//! contacts survive a vCard or CSV export and re-import.

use lifeboat::export::{csv, vcard};
use lifeboat::extract;
use lifeboat::i18n::Lang;
use lifeboat::import::{IMPORTERS, collect};
use lifeboat::model::Status;
use lifeboat::phone::Region;
use lifeboat::vault::{EmailView, PersonView, PhoneView};
use proptest::prelude::*;

/// Names that steer the sniffer toward each format.
const NAMES: [&str; lifeboat::import::EXAMPLE_FILE_NAMES.len()] = lifeboat::import::EXAMPLE_FILE_NAMES;

/// Pieces of every format, so generated text reaches past the sniffers.
const FRAGMENTS: &[&str] = &[
    "\n",
    "\r\n",
    "\t",
    ",",
    "\"",
    ":",
    " ",
    "[",
    "]",
    "{",
    "}",
    "\u{feff}",
    "\u{202f}",
    "2022. 10. 15. 오후 2:02, ",
    "2022년 10월 15일 토요일",
    "--------------- 2022년 10월 15일 ---------------",
    "[홍길동] [오후 2:02] ",
    "홍길동 : ",
    "15/10/2022, 14:02 - ",
    "[15/10/22, 2:02:03 PM] ",
    "10/15/22, 2:02 PM - ",
    "Date,User,Message\n",
    "2022-10-15 14:02:00,\"홍길동\",\"",
    "2022.10.15 土曜日",
    "14:02\t홍길동\t",
    "인스타 @",
    "인스타그램 아이디는 ",
    "텔레 ",
    "디코 ",
    "#1234",
    "line id: ",
    "my insta is ",
    "t.me/",
    "https://www.instagram.com/",
    "abc_12",
    "@홍길동 ",
    "BEGIN:VCARD",
    "END:VCARD",
    "VERSION:2.1",
    "VERSION:3.0",
    "VERSION:4.0",
    "FN:",
    "N:;;;;",
    "TEL;CELL:",
    "item1.TEL:",
    "EMAIL:",
    ";ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:",
    "=EC=95=88=",
    "=\r\n",
    "Name,Given Name,Phone 1 - Value\n",
    "이름,휴대폰,이메일\n",
    "First Name,Last Name,Mobile Phone\n",
    "{\"name\":\"room\",\"type\":\"private_group\",\"id\":1,\"messages\":[",
    "{\"id\":1,\"type\":\"message\",\"date\":\"2022-10-15T14:02:00\",\"from\":\"홍길동\",\"text\":",
    "[{\"type\":\"phone\",\"text\":\"010\"}]",
    "]}",
    "010-1234-5678",
    "+82 10 1234 5678",
    "gildong@example.com",
    "님이 들어왔습니다.",
    "님이 나갔습니다.",
    "joined using this group's invite link",
    "<Media omitted>",
    "사진",
    "이모티콘",
    "𝄞",
    "가",
    "é",
    "\u{0301}",
    "\0",
];

fn import_everyway(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let _ = collect(&path, None);
    for importer in IMPORTERS {
        // Ok or a clean error: only a panic fails the property.
        let _ = collect(&path, Some(importer.id()));
    }
}

fn text_of(fragments: &[&str]) -> String {
    fragments.concat()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn importers_never_panic_on_bytes(name in prop::sample::select(&NAMES[..]), bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        import_everyway(name, &bytes);
    }

    #[test]
    fn importers_never_panic_on_format_shaped_text(
        name in prop::sample::select(&NAMES[..]),
        parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..120),
        utf16 in any::<bool>(),
    ) {
        let text = text_of(&parts);
        let bytes = if utf16 {
            let mut b = vec![0xff, 0xfe];
            b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            b
        } else {
            text.into_bytes()
        };
        import_everyway(name, &bytes);
    }

    #[test]
    fn zips_never_panic(entry in prop::sample::select(&NAMES[..]), parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60), cut in any::<prop::sample::Index>(), flip in any::<(prop::sample::Index, u8)>()) {
        let mut bytes = zip_of(entry, text_of(&parts).as_bytes());
        // A damaged archive: one byte changed, or cut short.
        let i = flip.0.index(bytes.len());
        bytes[i] ^= flip.1;
        import_everyway("export.zip", &bytes);
        let end = cut.index(bytes.len());
        import_everyway("export.zip", &bytes[..end]);
    }

    #[test]
    fn extraction_never_panics_and_ranges_are_char_boundaries(parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40), noise in "\\PC{0,40}") {
        let text = format!("{}{noise}", text_of(&parts));
        for found in extract::find(&text, Region::default()) {
            prop_assert!(found.start <= found.end && found.end <= text.len());
            prop_assert!(text.is_char_boundary(found.start) && text.is_char_boundary(found.end));
            prop_assert_eq!(&text[found.start..found.end], found.raw.as_str());
        }
    }

    #[test]
    fn contacts_round_trip_through_vcard_and_csv(people in prop::collection::vec(person(), 1..8)) {
        for (format, bytes) in [
            ("contacts.vcf", vcard::export(&people, vcard::Version::V4, &[Lang::En]).into_bytes()),
            ("contacts3.vcf", vcard::export(&people, vcard::Version::V3, &[Lang::En]).into_bytes()),
            ("contacts.csv", csv::export(&people, &[Lang::En])),
        ] {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join(format);
            std::fs::write(&path, &bytes).expect("write");
            let (_, got) = collect(&path, None).map_err(|e| TestCaseError::fail(format!("{format}: {e}")))?;
            prop_assert_eq!(got.contacts.len(), people.len(), "{}", format);
            for (want, got) in people.iter().zip(&got.contacts) {
                prop_assert_eq!(got.name.as_deref(), Some(want.name.as_str()), "{}", format);
                let phones: Vec<&str> = got.phones.iter().map(|p| p.raw.as_str()).collect();
                let want_phones: Vec<&str> = want.phones.iter().map(|p| p.raw.as_str()).collect();
                prop_assert_eq!(phones, want_phones, "{}", format);
                let emails: Vec<&str> = got.emails.iter().map(|e| e.address.as_str()).collect();
                let want_emails: Vec<&str> = want.emails.iter().map(|e| e.address.as_str()).collect();
                prop_assert_eq!(emails, want_emails, "{}", format);
            }
        }
    }
}

fn zip_of(name: &str, bytes: &[u8]) -> Vec<u8> {
    // Built by hand (one stored entry) to keep `zip` out of the dev-dependencies.
    let crc = crc32(bytes);
    let n = name.as_bytes();
    let mut out = Vec::new();
    let local = |out: &mut Vec<u8>| {
        out.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x08\x00\x00\x00\x00\x00\x00");
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(&(n.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
    };
    local(&mut out);
    out.extend_from_slice(n);
    out.extend_from_slice(bytes);
    let central = out.len() as u32;
    out.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00\x00\x08\x00\x00\x00\x00\x00\x00");
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(&(n.len() as u16).to_le_bytes());
    out.extend_from_slice(&[0; 12]);
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(n);
    let size = out.len() as u32 - central;
    out.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00");
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&central.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn person() -> impl Strategy<Value = PersonView> {
    let given = prop::sample::select(&["길동", "철수", "영희", "Minji", "O'Brien", "Zoë", "민-준"][..]);
    let family = prop::sample::select(&["홍", "김", "이", "Park", "Smith, Jr.", "Müller"][..]);
    let phone = (1000u32..9999, 1000u32..9999).prop_map(|(a, b)| format!("010-{a}-{b}"));
    let email = ("[a-z]{1,8}", prop::sample::select(&["example.com", "naver.com", "ex.co.kr"][..]))
        .prop_map(|(user, domain)| format!("{user}@{domain}"));
    (given, family, prop::collection::vec(phone, 0..3), prop::collection::vec(email, 0..3)).prop_map(
        |(given, family, phones, emails)| {
            let hangul = family.chars().all(|c| ('가'..='힣').contains(&c));
            let name = if hangul { format!("{family}{given}") } else { format!("{given} {family}") };
            PersonView {
                id: 0,
                name,
                aliases: Vec::new(),
                me: false,
                phones: phones
                    .into_iter()
                    .map(|raw| PhoneView {
                        id: 0,
                        e164: None,
                        shown: raw.clone(),
                        raw,
                        label: Some("mobile".into()),
                        status: Status::Confirmed,
                        conflict: false,
                        sources: Vec::new(),
                    })
                    .collect(),
                emails: emails
                    .into_iter()
                    .map(|address| EmailView {
                        id: 0,
                        address,
                        label: None,
                        status: Status::Confirmed,
                        conflict: false,
                        sources: Vec::new(),
                    })
                    .collect(),
                handles: Vec::new(),
                groups: Vec::new(),
                org: None,
                note: None,
                birthday: None,
                uid: String::new(),
                name_parts: None,
                org_parts: Vec::new(),
            }
        },
    )
}

#[test]
fn hand_built_zip_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("export.zip");
    let chat = "방 님과 카카오톡 대화\n저장한 날짜 : 2022-10-16 14:05:32\n\n--------------- 2022년 10월 1일 토요일 ---------------\n[홍길동] [오전 9:30] 안녕하세요\n";
    std::fs::write(&path, zip_of("KakaoTalk_Chat_a.txt", chat.as_bytes())).expect("write");
    let (format, got) = collect(&path, None).expect("zip imports");
    assert_eq!((format, got.messages.len()), ("kakao", 1));
}
