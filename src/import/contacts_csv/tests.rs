use super::*;
use crate::import::{Collected, collect, contact::generated};

fn read(text: &str) -> Result<Collected, ImportError> {
    let mut sink = Collected::default();
    ContactsCsvImporter.read(&mut Input::from_text("t.csv", text), &mut sink)?;
    Ok(sink)
}

fn sniff(head: &str) -> bool {
    ContactsCsvImporter.sniff(&Probe { file_name: "t.csv", head })
}

#[test]
fn google_new_layout_with_packed_values_and_labels() {
    let sink = read(concat!(
        "First Name,Middle Name,Last Name,Phonetic First Name,Organization Name,Notes,",
        "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value\n",
        "길동,,홍,,활빈당,\"메모, with comma\nsecond line\",* Home,Hong@Example.com ::: h2@example.com,Mobile,010-1234-5678,Work,02-312-3456\n",
        "Casey,,Jung,,,,,,Mobile ::: Home,010-1111-2222 ::: 02-333-4444,,\n",
    ))
    .unwrap();
    let c = &sink.contacts[0];
    assert_eq!((c.name.as_deref(), c.org.as_deref(), c.line), (Some("홍길동"), Some("활빈당"), 2));
    assert_eq!(c.note.as_deref(), Some("메모, with comma\nsecond line"));
    let emails: Vec<_> = c.emails.iter().map(|e| (e.address.as_str(), e.label.as_deref())).collect();
    assert_eq!(emails, vec![("Hong@Example.com", Some("home")), ("h2@example.com", Some("home"))]);
    let phones: Vec<_> = c.phones.iter().map(|p| (p.raw.as_str(), p.label.as_deref())).collect();
    assert_eq!(phones, vec![("010-1234-5678", Some("mobile")), ("02-312-3456", Some("work"))]);
    let c = &sink.contacts[1];
    assert_eq!((c.name.as_deref(), c.line), (Some("Casey Jung"), 4));
    let phones: Vec<_> = c.phones.iter().map(|p| (p.raw.as_str(), p.label.as_deref())).collect();
    assert_eq!(phones, vec![("010-1111-2222", Some("mobile")), ("02-333-4444", Some("home"))]);
}

#[test]
fn outlook_columns_carry_their_labels() {
    let sink = read(concat!(
        "First Name,Middle Name,Last Name,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,",
        "Primary Phone,Home Phone,Mobile Phone,Business Phone,Business Fax\n",
        "John,Q,Doe,j@x.com,SMTP,John Doe (j@x.com),j2@x.com,,02-111-2222,010-2222-3333,,02-999-8888\n",
    ))
    .unwrap();
    let c = &sink.contacts[0];
    assert_eq!(c.name.as_deref(), Some("John Q Doe"));
    let emails: Vec<&str> = c.emails.iter().map(|e| e.address.as_str()).collect();
    assert_eq!(emails, vec!["j@x.com", "j2@x.com"]);
    let phones: Vec<_> = c.phones.iter().map(|p| (p.raw.as_str(), p.label.as_deref())).collect();
    assert_eq!(
        phones,
        vec![("02-111-2222", Some("home")), ("010-2222-3333", Some("mobile")), ("02-999-8888", Some("fax"))]
    );
}

#[test]
fn korean_headers_semicolons_and_tabs() {
    for sep in [",", ";", "\t"] {
        let text = ["이름", "휴대폰", "집 전화", "회사 전화", "이메일", "메모"].join(sep)
            + "\n"
            + &["홍길동", "010-1234-5678", "02-312-3456", "", "hong@naver.com", "친구"].join(sep)
            + "\n";
        assert!(sniff(&text));
        let c = read(&text).unwrap().contacts.remove(0);
        assert_eq!(c.name.as_deref(), Some("홍길동"));
        let phones: Vec<_> = c.phones.iter().map(|p| (p.raw.as_str(), p.label.as_deref())).collect();
        assert_eq!(phones, vec![("010-1234-5678", Some("mobile")), ("02-312-3456", Some("home"))]);
        assert_eq!((c.emails[0].address.as_str(), c.note.as_deref()), ("hong@naver.com", Some("친구")));
    }
    let c = read("성,이름,휴대전화,전자우편\n김,연구,01011112222,k@d.net\n").unwrap().contacts.remove(0);
    assert_eq!(
        (c.name.as_deref(), c.family.as_deref(), c.given.as_deref()),
        (Some("김연구"), Some("김"), Some("연구"))
    );
}

#[test]
fn sniffer_wants_a_name_and_a_way_to_reach() {
    assert!(sniff("Name,Given Name,Family Name,Phone 1 - Type,Phone 1 - Value\n"));
    assert!(sniff("First Name,Last Name,Mobile Phone,Business Phone,E-mail Address,Notes\n"));
    assert!(!sniff("Date,User,Message\n2015-07-09 20:34:26,\"박하준\",\"010-1234-5678\"\n"));
    assert!(!sniff("Name,Address,City\n"));
    assert!(!sniff("BEGIN:VCARD\n"));
}

#[test]
fn broken_quote_is_refused_with_its_line() {
    let err = read("Name,Phone\nA,010-1111-2222\n\"B,010-3333-4444\nC,010-5555-6666\n").unwrap_err();
    assert!(matches!(err, ImportError::Malformed { line: 3, .. }), "{err:?}");
    let err = read("Name,Phone\nA,010-1111-2222\n\"B\"x,010-3333-4444\n").unwrap_err();
    assert!(matches!(err, ImportError::Malformed { line: 3, .. }), "{err:?}");
}

#[test]
fn row_with_wrong_field_count_is_refused_with_its_line() {
    let err =
        read("Name,Phone,E-mail\nA,010-1111-2222,a@b.kr\n\"multi\nline\",010,x@y.kr\nB,010-3333-4444\n").unwrap_err();
    match err {
        ImportError::Malformed { line: 5, reason, .. } => assert!(reason.to_string().contains("2 fields"), "{reason}"),
        other => panic!("expected a refusal at line 5, got {other:?}"),
    }
}

#[test]
fn cp949_utf16_and_bom_files_are_decoded_by_input() {
    let text = "이름,휴대폰,이메일\r\n홍길동,010-1234-5678,hong@naver.com\r\n";
    let dir = tempfile::tempdir().unwrap();
    let (cp949, _, _) = encoding_rs::EUC_KR.encode(text);
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let bom: Vec<u8> = b"\xEF\xBB\xBF".iter().copied().chain(text.bytes()).collect();
    for (name, bytes) in [("cp949.csv", cp949.into_owned()), ("utf16.csv", utf16), ("bom.csv", bom)] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (importer, sink) = collect(&path, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(importer, "contacts-csv", "{name}");
        let c = &sink.contacts[0];
        assert_eq!(
            (c.name.as_deref(), c.phones[0].raw.as_str(), c.line),
            (Some("홍길동"), "010-1234-5678", 2),
            "{name}"
        );
    }
}

#[test]
fn generated_google_csv_matches_truth() {
    assert!(generated::check_every_variant("google-csv", "contacts-csv") == 8);
}

#[test]
fn generated_outlook_csv_matches_truth() {
    assert!(generated::check_every_variant("outlook-csv", "contacts-csv") == 8);
}

#[test]
fn no_chat_export_is_taken_for_an_address_book() {
    let dir = tempfile::tempdir().unwrap();
    for format in crate::test_support::CHAT_FORMATS {
        let (out, _) =
            crate::test_support::generate(dir.path(), "chat", format, &format!("{format}.txt"), &["--messages", "200"]);
        let source = crate::import::open_source(&out, &crate::import::Limits::default()).unwrap();
        let probe = Probe { file_name: "export.txt", head: source.head() };
        for id in ["vcard", "contacts-csv"] {
            let importer = crate::import::by_id(id).unwrap();
            assert!(!importer.sniff(&probe), "{id} claims the {format} chat export");
        }
    }
}

/// A record longer than the line limit (1 MiB) is refused at the line it
/// begins on, while it is read; quoted line breaks and doubled quotes stay
/// inside their record, and many short rows are no long record.
#[test]
fn a_record_longer_than_the_line_limit_is_refused_while_read() {
    let huge = format!("Name,Phone,Notes\nKim,010-1234-5678,ok\nLee,010-2222-3333,\"{}\"\n", "x".repeat(1 << 20));
    let err = read(&huge).unwrap_err();
    assert!(matches!(err, ImportError::LineTooLong { line: 3, .. }), "{err}");
    let quoted = format!("Name,Phone,Notes\nLee,010-2222-3333,\"a \"\"b\"\"\n{}\"\n", "y".repeat(1000));
    assert!(read(&quoted).unwrap().contacts[0].note.as_deref().is_some_and(|n| n.starts_with("a \"b\"\n")));
    let mut many = String::from("Name,Phone\n");
    for i in 0..50_000 {
        many += &format!("사람{i},010-{:04}-{:04}\n", i / 10_000, i % 10_000);
    }
    assert!(many.len() > 1 << 20);
    assert_eq!(read(&many).unwrap().contacts.len(), 50_000);
}
