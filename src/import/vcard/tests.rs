use super::*;
use crate::i18n::{Lang, Surface};
use crate::import::{Collected, ImportError, collect, contact::generated};
use crate::model::ContactRecord;

fn read(text: &str) -> Result<Collected, ImportError> {
    let mut sink = Collected::default();
    VcardImporter.read(&mut Input::from_text("t.vcf", text), &mut sink)?;
    Ok(sink)
}

fn one(text: &str) -> ContactRecord {
    let mut sink = read(text).expect("imports");
    assert_eq!(sink.contacts.len(), 1);
    sink.contacts.remove(0)
}

fn phones(c: &ContactRecord) -> Vec<(&str, Option<&str>)> {
    c.phones.iter().map(|p| (p.raw.as_str(), p.label.as_deref())).collect()
}

#[test]
fn android_21_quoted_printable_korean_with_soft_breaks() {
    let c = one(concat!(
        "BEGIN:VCARD\r\nVERSION:2.1\r\n",
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=EA=B9=80;=ED=95=B4=EB=B0=80;;;\r\n",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=EA=B9=80=ED=95=B4=\r\n",
        "=EB=B0=80=EC=96=B4=EB=A8=B8=EB=8B=98\r\n",
        "TEL;CELL:010-1234-5678\r\nTEL;HOME;VOICE:02-312-3456\r\nTEL;WORK;FAX:02-312-3457\r\n",
        "EMAIL;PREF;WORK:Bob@Company.com\r\n",
        "END:VCARD\r\n",
    ));
    assert_eq!(c.name.as_deref(), Some("김해밀어머님"));
    assert_eq!((c.family.as_deref(), c.given.as_deref()), (Some("김"), Some("해밀")));
    assert_eq!(
        phones(&c),
        vec![("010-1234-5678", Some("mobile")), ("02-312-3456", Some("home")), ("02-312-3457", Some("work, fax"))]
    );
    assert_eq!(c.emails[0].address, "Bob@Company.com");
    assert_eq!(c.emails[0].label.as_deref(), Some("work"));
    assert_eq!(c.line, 1);
}

#[test]
fn quoted_printable_note_with_raw_line_breaks_and_other_charset() {
    let (cp949, _, _) = encoding_rs::EUC_KR.encode("홍길동");
    let qp: String = cp949.iter().map(|b| format!("={b:02X}")).collect();
    let c = one(&format!(
        "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=EUC-KR;ENCODING=QUOTED-PRINTABLE:{qp};;;;\n\
         NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=EC=B9=9C=EA=B5=AC\n=EB=B2=88=ED=98=B8\nTEL;CELL:01012345678\nEND:VCARD\n"
    ));
    assert_eq!(c.name.as_deref(), Some("홍길동"));
    assert_eq!(c.note.as_deref(), Some("친구\n번호"));
    assert_eq!(c.phones.len(), 1);
}

#[test]
fn iphone_groups_labels_and_date_value() {
    let c = one(concat!(
        "BEGIN:VCARD\nVERSION:3.0\nN:Doe;John;;;\n",
        "item1.TEL;type=CELL;type=VOICE;type=pref:+82 10-1111-2222\n",
        "item1.X-ABLabel:_$!<Mobile>!$_\n",
        "item2.TEL:010-3333-4444\nitem2.X-ABLabel:업무폰\n",
        "TEL;type=IPHONE;type=CELL:010-5555-6666\n",
        "item3.EMAIL;type=INTERNET:j@x.kr\nitem3.X-ABLabel:_$!<Other>!$_\n",
        "BDAY;VALUE=date:1980-01-01\n",
        "IMPP;X-SERVICE-TYPE=Telegram;type=pref:x-apple:johnd\n",
        "X-KAKAO:john.kakao\n",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/4QBYRXhpZgAATU0AKgAA\n",
        " AAgAAgESAAMAAAABAAEAAIdpAAQAAAABAAAAJgAAAAAAA6ABAAMAAAABAAEAAKACAAQAAAABAA\n",
        "ORG:IBM;Accounting\nEND:VCARD\n",
    ));
    assert_eq!(c.name.as_deref(), Some("John Doe"));
    assert_eq!(
        phones(&c),
        vec![
            ("+82 10-1111-2222", Some("mobile")),
            ("010-3333-4444", Some("업무폰")),
            ("010-5555-6666", Some("iPhone"))
        ]
    );
    assert_eq!(c.emails[0].label.as_deref(), Some("other"));
    assert_eq!(c.birthday.as_deref(), Some("1980-01-01"));
    assert_eq!(c.org.as_deref(), Some("IBM, Accounting"));
    let handles: Vec<(&str, &str)> = c.handles.iter().map(|h| (h.service.as_str(), h.value.as_str())).collect();
    assert_eq!(handles, vec![("telegram", "johnd"), ("kakao", "john.kakao")]);
}

#[test]
fn bare_cell_type_and_nameless_cards() {
    let sink = read(concat!(
        "BEGIN:VCARD\nVERSION:2.1\nTEL;CELL:010-9999-0000\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:2.1\nEMAIL;PREF:a@b.kr\nEND:VCARD\n",
        "BEGIN:VCARD\nVERSION:3.0\nN:홍;길동;;;\nTEL:010-1111-0000\nEND:VCARD\n",
    ))
    .unwrap();
    assert_eq!(sink.contacts.len(), 3);
    assert_eq!(sink.contacts[2].name.as_deref(), Some("홍길동"));
    assert_eq!(sink.contacts[0].name, None);
    assert_eq!(phones(&sink.contacts[0]), vec![("010-9999-0000", Some("mobile"))]);
    assert_eq!((sink.contacts[1].line, sink.contacts[1].emails[0].address.as_str()), (5, "a@b.kr"));
}

#[test]
fn folded_lines_and_vcard40_uris() {
    let c = one(
        "BEGIN:VCARD\nVERSION:4.0\nFN:Simon\n  Perreault\nTEL;VALUE=uri;TYPE=\"work,voice\";PREF=1:tel:+1-418-656-9254;ext=102\nEMAIL:mailto:s@v.ca\nEND:VCARD\n",
    );
    assert_eq!(c.name.as_deref(), Some("Simon Perreault"));
    assert_eq!(phones(&c), vec![("+1-418-656-9254;ext=102", Some("work"))]);
    assert_eq!(c.emails[0].address, "s@v.ca");
}

#[test]
fn truncated_card_is_refused_with_its_line() {
    let err = read("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\n\nBEGIN:VCARD\nVERSION:3.0\nFN:B\nTEL:010").unwrap_err();
    match err {
        ImportError::Malformed { line: 6, reason, .. } => {
            assert!(reason.to_string().contains("not closed by END:VCARD"), "{reason}")
        }
        other => panic!("expected a refusal at line 6, got {other:?}"),
    }
    assert!(matches!(
        read("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n"),
        Err(ImportError::Malformed { line: 1, .. })
    ));
}

#[test]
fn sniffs_only_vcards() {
    let probe = |head| VcardImporter.sniff(&Probe { file_name: "x", head });
    assert!(probe("\n  begin:vcard\nVERSION:3.0"));
    assert!(!probe("Name,Phone\n"));
    assert!(!probe("BEGIN:VCALENDAR\n"));
}

/// Count TEL and EMAIL properties by looking at line heads only, without the importer.
fn count_props(text: &str, name: &str) -> usize {
    text.lines()
        .filter(|l| !l.starts_with([' ', '\t']))
        .filter_map(|l| l.split([':', ';']).next())
        .map(|head| head.rsplit('.').next().unwrap_or(head))
        .filter(|head| head.eq_ignore_ascii_case(name))
        .count()
}

#[test]
fn every_fixture_keeps_every_phone_and_email() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/vcard"));
    let mut files = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("vcf") {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let (importer, sink) = collect(&path, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(importer, "vcard");
        let cards = text.lines().filter(|l| l.trim().eq_ignore_ascii_case("BEGIN:VCARD")).count();
        assert_eq!(sink.contacts.len(), cards, "{}", path.display());
        let tels: usize = sink.contacts.iter().map(|c| c.phones.len()).sum();
        let emails: usize = sink.contacts.iter().map(|c| c.emails.len()).sum();
        assert_eq!(tels, count_props(&text, "TEL"), "{} phones", path.display());
        // An EMAIL that is no address is reported, never dropped unseen.
        let refused = sink.unparsed.iter().filter(|(_, t)| t.starts_with("not an e-mail address")).count();
        assert_eq!(emails + refused, count_props(&text, "EMAIL"), "{} e-mails", path.display());
        files += 1;
    }
    assert_eq!(files, 6);
}

#[test]
fn fixture_details_by_eye() {
    let (_, sink) = collect(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/vcard/John_Doe_IPHONE.vcf")),
        None,
    )
    .unwrap();
    let c = &sink.contacts[0];
    assert_eq!(c.name.as_deref(), Some("Mr. John Richter James Doe Sr."));
    assert_eq!(phones(c).last(), Some(&("905-222-1234", Some("AssistantPhone"))));
    assert_eq!(phones(c)[5], ("905-111-1234", Some("pager")));
    assert_eq!(c.birthday.as_deref(), Some("2012-06-06"));
    let (_, sink) = collect(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/vcard/John_Doe_ANDROID.vcf")),
        None,
    )
    .unwrap();
    assert_eq!(
        (sink.contacts[0].name.as_deref(), sink.contacts[0].emails[0].address.as_str()),
        (None, "john.doe@company.com")
    );
    assert_eq!(sink.contacts[2].name.as_deref(), Some("Ñ Ñ Ñ Ñ Ñ"));
    // The file's second EMAIL of this card is not an address: reported at the card's line.
    assert_eq!(sink.contacts[4].emails.len(), 1);
    let card = sink.contacts[4].line;
    assert!(sink.unparsed.contains(&(card, "not an e-mail address: \"ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ\"".into())), "{:?}", sink.unparsed);
    let (_, sink) = collect(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/vcard/outlook-2007.vcf")),
        None,
    )
    .unwrap();
    let c = &sink.contacts[0];
    assert_eq!(phones(c)[2], ("(111) 555-4444", Some("mobile")));
    assert!(c.note.as_deref().unwrap_or("").starts_with("This is the NOTE field"));
    assert_eq!(c.emails[0].address, "mike.angstadt@gmail.com");
}

#[test]
fn generated_vcard21_matches_truth() {
    assert!(generated::check_every_variant("vcard21", "vcard") == 8);
}

#[test]
fn generated_vcard30_matches_truth() {
    assert!(generated::check_every_variant("vcard30", "vcard") == 8);
}

#[test]
fn generated_vcard40_matches_truth() {
    assert!(generated::check_every_variant("vcard40", "vcard") == 8);
}

#[test]
fn values_vcard4_drops_are_kept_from_the_prepass() {
    // vcard4 drops an IMPP that is not a URI; the card's own properties are used instead.
    let c = one(
        "BEGIN:VCARD\nVERSION:3.0\nN:Kim;Minsu;;;\nFN:Minsu Kim (work)\nIMPP:kim-no-scheme\nTEL:010-1234-5678\nEND:VCARD\n",
    );
    assert_eq!(c.name.as_deref(), Some("Minsu Kim (work)"));
    assert_eq!((c.handles.len(), c.handles[0].value.as_str()), (1, "kim-no-scheme"));
    assert_eq!(c.phones.len(), 1);
}

#[test]
fn undecodable_values_are_kept_as_written_and_reported_by_line() {
    let sink = read(concat!(
        "BEGIN:VCARD\r\nVERSION:2.1\r\n",
        "N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8E=52=93=63;=91=BE=98=59;;;\r\n",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=EA=B9=80=G1\r\n",
        "NOTE;CHARSET=X-MAC-KLINGON;ENCODING=QUOTED-PRINTABLE:=41\r\n",
        "ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=FF=FE\r\n",
        "TEL;CELL:010-1234-5678\r\r\n",
        "END:VCARD\r\n",
    ))
    .expect("imports");
    let c = &sink.contacts[0];
    // Shift_JIS declared per property decodes; 山田 太郎.
    assert_eq!((c.family.as_deref(), c.given.as_deref()), (Some("山田"), Some("太郎")));
    // Broken QP, an unknown charset and bytes that are no UTF-8: as written, never garbage.
    assert_eq!(c.name.as_deref(), Some("=EA=B9=80=G1"));
    assert_eq!(c.note.as_deref(), Some("=41"));
    assert_eq!(c.org.as_deref(), Some("=FF=FE"));
    // `\r\r\n` ends a line like `\r\n`.
    assert_eq!(phones(c), vec![("010-1234-5678", Some("mobile"))]);
    let lines: Vec<u32> = sink.kept_as_written.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, vec![4, 5, 6], "{:?}", sink.kept_as_written);
    let said = |i: usize, lang| sink.kept_as_written[i].1.render(lang, Surface::Cli);
    assert_eq!(said(0, Lang::En), "FN: its QUOTED-PRINTABLE is broken at “=G1”; kept as written");
    assert_eq!(said(0, Lang::Ko), "FN: QUOTED-PRINTABLE이 “=G1”에서 깨져 있어 적힌 그대로 두었습니다");
    assert!(said(1, Lang::En).contains("CHARSET “X-MAC-KLINGON” is unknown"), "{}", said(1, Lang::En));
    assert!(said(2, Lang::En).contains("not UTF-8 text"), "{}", said(2, Lang::En));
    assert!(sink.unparsed.is_empty(), "{:?}", sink.unparsed);
}

#[test]
fn a_uri_value_vcard4_panics_on_does_not_stop_the_card() {
    // vcard4 0.7 panicked (through uriparse) on this IMPP: the card still imports.
    let c = one("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim\r\nIMPP:+82:10\r\nTEL:010-1234-5678\r\nEND:VCARD\r\n");
    assert_eq!(phones(&c), [("010-1234-5678", None)]);
}
