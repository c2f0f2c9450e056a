use super::*;

fn phone(raw: &str, e164: Option<&str>) -> StoredPhone {
    StoredPhone { raw: raw.into(), e164: e164.map(Into::into) }
}

#[test]
fn tel_is_digits_and_a_leading_plus() {
    assert_eq!(tel(&phone("010-1234-5678", Some("+821012345678"))).unwrap(), "tel:+821012345678");
    assert_eq!(tel(&phone("(02) 555.1234", None)).unwrap(), "tel:025551234");
    assert_eq!(tel(&phone("+1 (418) 656-9254", None)).unwrap(), "tel:+14186569254");
    assert_eq!(tel(&phone("112", None)).unwrap(), "tel:112");
}

#[test]
fn fail_service_codes_and_pauses_get_no_link() {
    for raw in [
        "*21*01012345678#",
        "#31#01012345678",
        "*#06#",
        "**21*+821012345678#",
        "010-1234-5678,1234",
        "010-1234-5678;ext=12",
        "010-1234-5678 p 12",
        "1-800-FLOWERS",
        "010-1234-5678\n*21#",
        "010%0A1234",
        "+82+1012345678",
        "12",
    ] {
        // Even with an E.164 form on file, the number as written decides.
        for p in [phone(raw, None), phone(raw, Some("+821012345678"))] {
            assert!(matches!(tel(&p), Err(LinkError::NotDialable { .. })), "{raw:?}");
            assert!(matches!(sms(std::slice::from_ref(&p)), Err(LinkError::NotDialable { .. })), "{raw:?}");
            assert_eq!(dial_string(&p.raw, p.e164.as_deref()), None, "{raw:?}");
        }
    }
}

#[test]
fn fail_a_planted_e164_is_not_trusted_either() {
    assert_eq!(dial_string("010-1234-5678", Some("*21*+821099999999#")), None);
}

#[test]
fn sms_to_one_or_many() {
    assert_eq!(sms(&[phone("010 1234 5678", Some("+821012345678"))]).unwrap(), "sms:+821012345678");
    let many = [phone("010-1111-2222", Some("+821011112222")), phone("+1 418 656 9254", None)];
    assert_eq!(sms(&many).unwrap(), "sms:+821011112222,+14186569254");
    assert!(matches!(sms(&[]), Err(LinkError::NoNumbers)));
}

#[test]
fn mailto_is_percent_encoded() {
    assert_eq!(mailto("Kim.MinJun@Gmail.com").unwrap(), "mailto:kim.minjun@gmail.com");
    assert_eq!(mailto("a+b@x.kr").unwrap(), "mailto:a+b@x.kr");
    assert_eq!(mailto("a#b=c@x.kr").unwrap(), "mailto:a%23b%3Dc@x.kr");
    assert_eq!(mailto("홍@x.kr").unwrap(), "mailto:%ED%99%8D@x.kr");
}

#[test]
fn fail_mailto_injection_attempts() {
    for bad in [
        "mom@x.kr?bcc=spy@evil.example",
        "mom@x.kr?subject=hi&body=x",
        "mom@x.kr&bcc=spy@evil.example",
        "mom@x.kr%0Abcc:spy@evil.example",
        "mom@x.kr\r\nbcc: spy@evil.example",
        "mom@x.kr,spy@evil.example",
        "mom@x.kr#frag",
        "javascript:alert(1)//@x.kr",
        "",
    ] {
        assert!(matches!(mailto(bad), Err(LinkError::NotAnAddress { .. })), "{bad:?}");
    }
}

#[test]
fn every_link_is_one_plain_uri() {
    // Whatever passes, the link holds no character that could end or extend it.
    for address in ["a@b.kr", "o'brien@x.ie", "x!$*+~@y.kr", "{a|b}@c.kr", "홍길동@회사.한국"] {
        let link = mailto(address).unwrap();
        assert!(link.bytes().all(|b| b.is_ascii_graphic()), "{link}");
        assert!(!link.contains(['?', '&', '#', ',', ';', '<', '>', '"'].as_slice()), "{link}");
    }
}

#[test]
fn messages_name_both_languages() {
    use crate::i18n::{Lang, Surface, render};
    let e = tel(&phone("*21*010#", None)).unwrap_err();
    assert_eq!(e.code(), "not_dialable");
    assert!(e.to_string().contains("service code"), "{e}");
    assert!(render(Lang::Ko, Surface::App, &e).contains("서비스 코드"), "{e}");
    let e = mailto("mom@x.kr?bcc=spy@evil.example").unwrap_err();
    assert!(e.to_string().contains("not a plain e-mail"), "{e}");
    assert!(render(Lang::Ko, Surface::Cli, &e).contains("이메일"), "{e}");
}
