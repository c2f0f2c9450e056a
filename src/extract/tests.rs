//! Phrasings seen in real chats, beyond what the generator writes.

use super::*;

fn kr() -> phone::Region {
    phone::Region::default()
}

/// The values found in `text`.
fn values(text: &str) -> Vec<String> {
    find(text, kr()).into_iter().map(|f| f.value).collect()
}

#[test]
fn korean_numbers_in_every_spelling() {
    for text in [
        "010-1234-5678",
        "010 1234 5678",
        "010.1234.5678",
        "01012345678",
        "+82 10-1234-5678",
        "+82-10-1234-5678",
        "+821012345678",
        "+82 10 1234 5678",
        "010 - 1234 - 5678",
        "010\u{2011}1234\u{2011}5678",
        "번호010-1234-5678로 주세요",
        "(010-1234-5678)",
        "tel:010-1234-5678",
    ] {
        assert_eq!(values(text), ["+821012345678"], "{text}");
    }
    assert_eq!(values("사무실 (02) 123-4567"), ["+8221234567"]);
    assert_eq!(values("02-1234-5678"), ["+82212345678"]);
    assert_eq!(values("031-123-4567 로"), ["+82311234567"]);
    assert_eq!(values("인터넷전화 070-1234-5678"), ["+827012345678"]);
    assert_eq!(values("미국 번호 +1 (650) 253-0000 이에요"), ["+16502530000"]);
    assert_eq!(values("UK: +44 20 7946 0958"), ["+442079460958"]);
}

#[test]
fn service_numbers_follow_phone_validation() {
    // phonenumber accepts the nationwide service numbers as Korean numbers.
    assert_eq!(phone::to_e164("1588-1234", kr()).as_deref(), Some("+8215881234"));
    assert_eq!(values("고객센터 1588-1234 로 전화하세요"), ["+8215881234"]);
    assert_eq!(values("1234-5678"), Vec::<String>::new());
}

#[test]
fn raw_and_byte_range_point_into_the_text() {
    let text = "제 번호는 010.1234.5678 입니다";
    let found = find(text, kr());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].raw, "010.1234.5678");
    assert_eq!(&text[found[0].start..found[0].end], "010.1234.5678");
    assert_eq!(found[0].kind, Kind::Phone);
}

#[test]
fn two_numbers_are_never_glued() {
    assert_eq!(values("010-1234-5678 010-9876-5432"), ["+821012345678", "+821098765432"]);
    assert_eq!(values("010 1234 5678 010 9876 5432"), ["+821012345678", "+821098765432"]);
    assert_eq!(values("010-1234-5678/02-123-4567"), ["+821012345678", "+8221234567"]);
    assert_eq!(values("010-1234-5678, 01098765432"), ["+821012345678", "+821098765432"]);
    assert_eq!(values("집 02 123 4567 핸드폰 010 1234 5678"), ["+8221234567", "+821012345678"]);
}

#[test]
fn digits_that_are_not_phones() {
    for text in [
        "2022-10-15 회의",
        "2022.10.15 회의",
        "2022. 10. 15. 오후 2:30",
        "10/15 14:30에 만나요",
        "총 50,000원 입금",
        "1,234,567원",
        "주문번호 20221015-0001",
        "1588 이후 시간 됩니다",
        "신한 110-123-456789",
        "우리은행 1002-123-456789",
        "카카오뱅크 3333-01-1234567",
        "농협 301-1234-5678-11",
        "입금 계좌 010-1234-5678 (카카오뱅크)",
        "국민 010-1234-5678",
        "order #01012345678",
        "account: 010-1234-5678",
        "https://open.kakao.com/o/01012345678",
        "https://example.com/page?id=010-1234-5678",
        "www.shop.co.kr/item/01012345678",
        "송장 0101 2345 6789",
        "ID12345678901",
        "05.10.2022",
        "101-234-5678",
        "3.14159265",
        "20221015123456",
    ] {
        assert_eq!(values(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn phone_words_win_over_order_words() {
    assert_eq!(values("주문 확인 후 연락처 010-1234-5678 로 문자 주세요"), ["+821012345678"]);
    assert_eq!(values("우리 010-1234-5678로 모여요"), ["+821012345678"]);
}

#[test]
fn emails_with_particles_and_punctuation() {
    assert_eq!(values("abc@naver.com으로 보내주세요"), ["abc@naver.com"]);
    assert_eq!(values("메일: Kim.MinJun@Gmail.com."), ["kim.minjun@gmail.com"]);
    assert_eq!(values("<user0.123@hospital.or.kr>"), ["user0.123@hospital.or.kr"]);
    assert_eq!(values("(a_b+tag@korea.ac.kr), 감사"), ["a_b+tag@korea.ac.kr"]);
    assert_eq!(values("mailto:x@y.io!"), ["x@y.io"]);
    assert_eq!(values("a@b.com, c@d.net"), ["a@b.com", "c@d.net"]);
    let found = find("메일은 Abc@Naver.com 입니다", kr());
    assert_eq!(found[0].raw, "Abc@Naver.com");
    assert_eq!(found[0].kind, Kind::Email);
}

#[test]
fn at_signs_that_are_not_emails() {
    for text in
        ["https://x.com/@user", "@영희 확인 부탁", "http://user@host.com/path", "a@b", "가격@1000원", "x@localhost"]
    {
        assert_eq!(values(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn fail_a_mailto_query_yields_no_address() {
    for text in [
        "엄마 메일 mom@x.kr?bcc=spy@evil.example 로 보내",
        "mom@x.kr&cc=spy@evil.example",
        "mailto:mom@x.kr?subject=hi",
        "a%0Ab@x.kr",
    ] {
        assert_eq!(values(text), Vec::<String>::new(), "{text}");
    }
    // A question mark that ends a question is not a query.
    assert_eq!(values("메일이 mom@x.kr? 맞아?"), ["mom@x.kr"]);
}

#[test]
fn digits_in_an_email_are_not_a_phone() {
    assert_eq!(values("01012345678@naver.com"), ["01012345678@naver.com"]);
}

#[test]
fn numbers_and_emails_together_in_order() {
    assert_eq!(values("연락처 010-1234-5678, 메일 kim@daum.net"), ["+821012345678", "kim@daum.net"]);
}

const MEMBERS: [&str; 7] = ["김영희", "박철수(팀장)", "Alice Park", "Bob", "이서연 선배", "최도윤 (3조)", "정하은 🐣"];

/// The owner of the first value in `text` as sent by `sender`.
fn owner(text: &str, sender: &str) -> Option<&'static str> {
    let found = find(text, kr());
    let first = found.first().unwrap_or_else(|| panic!("nothing found in {text}"));
    named_owner(text, first, &MEMBERS, sender)
}

#[test]
fn named_members_own_what_is_said_to_be_theirs() {
    assert_eq!(owner("김영희 번호는 010-1234-5678 에요", "Bob"), Some("김영희"));
    assert_eq!(owner("영희님 연락처 010-1234-5678", "Bob"), Some("김영희"));
    assert_eq!(owner("영희 씨 전화번호: 01012345678", "Bob"), Some("김영희"));
    assert_eq!(owner("김영희의 번호 010 1234 5678", "Bob"), Some("김영희"));
    assert_eq!(owner("박철수(팀장) 번호는 010-1234-5678 에요", "Bob"), Some("박철수(팀장)"));
    assert_eq!(owner("박철수 팀장님 번호 010-1234-5678", "Bob"), Some("박철수(팀장)"));
    assert_eq!(owner("이서연 번호는 010-1234-5678", "Bob"), Some("이서연 선배"));
    assert_eq!(owner("최도윤 (3조) 번호는 010-1234-5678", "Bob"), Some("최도윤 (3조)"));
    assert_eq!(owner("정하은 🐣 번호는 010-1234-5678", "Bob"), Some("정하은 🐣"));
    assert_eq!(owner("Alice's number is +82 10-1234-5678", "Bob"), Some("Alice Park"));
    assert_eq!(owner("alice park phone: 010-1234-5678", "Bob"), Some("Alice Park"));
    assert_eq!(owner("contact Bob at bob@x.com", "김영희"), Some("Bob"));
    assert_eq!(owner("010-1234-5678 은 철수 번호예요", "Bob"), Some("박철수(팀장)"));
    assert_eq!(owner("010-1234-5678 is Bob's number", "김영희"), Some("Bob"));
    assert_eq!(owner("010-1234-5678 (영희)", "Bob"), Some("김영희"));
}

#[test]
fn the_sender_owns_plain_shares() {
    assert_eq!(owner("제 번호 010-1234-5678 입니다", "Bob"), None);
    assert_eq!(owner("카톡 안되면 010-1234-5678 로 연락주세요", "Bob"), None);
    assert_eq!(owner("my number: 010-1234-5678", "Bob"), None);
    assert_eq!(owner("영희님 제 번호는 010-1234-5678 이에요", "Bob"), None);
    assert_eq!(owner("Thanks Alice! My number is 010-1234-5678", "Bob"), None);
    assert_eq!(owner("Alice, call me at 010-1234-5678", "Bob"), None);
    assert_eq!(owner("영희야 010-1234-5678 저장해줘", "Bob"), None);
    assert_eq!(owner("제 번호 010-1234-5678 영희한테도 알려주세요", "Bob"), None);
    assert_eq!(owner("email: bob@x.com", "Bob"), None);
    // Naming yourself is still your own number.
    assert_eq!(owner("Bob 번호는 010-1234-5678", "Bob"), None);
}

#[test]
fn each_value_gets_its_own_owner() {
    let text = "김영희 번호는 010-1111-2222, Bob's number is 010-3333-4444. 제 번호는 010-5555-6666";
    let found = find(text, kr());
    let owners: Vec<_> = found.iter().map(|f| named_owner(text, f, &MEMBERS, "Alice Park")).collect();
    assert_eq!(owners, [Some("김영희"), Some("Bob"), None]);
}

#[test]
fn given_names_shared_by_two_members_are_not_guessed() {
    let members = ["김영희", "박영희", "Bob"];
    let text = "영희 번호 010-1234-5678";
    let found = find(text, kr());
    assert_eq!(named_owner(text, &found[0], &members, "Bob"), None);
    let text = "박영희 번호 010-1234-5678";
    assert_eq!(named_owner(text, &find(text, kr())[0], &members, "Bob"), Some("박영희"));
}

#[test]
fn mixed_separators_inside_one_number() {
    assert_eq!(values("010 1234-5678"), ["+821012345678"]);
    assert_eq!(values("010-1234 5678"), ["+821012345678"]);
    assert_eq!(values("+82 10 1234-5678"), ["+821012345678"]);
    assert_eq!(values("010-1234-5678 1234"), ["+821012345678"]);
}

#[test]
fn account_words_then_phone_words() {
    assert_eq!(values("계좌번호 010-1234-5678"), Vec::<String>::new());
    assert_eq!(values("입금 후 010-1234-5678 로 문자 주세요"), ["+821012345678"]);
    assert_eq!(values("계좌 110-123-456789 / 연락처 010-1234-5678"), ["+821012345678"]);
    assert_eq!(values("계좌 010-1234-5678 로 입금해주세요"), Vec::<String>::new());
}

#[test]
fn other_ways_of_writing() {
    assert_eq!(values("☎ 010-1234-5678"), ["+821012345678"]);
    assert_eq!(values("H.P: 010-1234-5678 / Tel.02-123-4567"), ["+821012345678", "+8221234567"]);
    assert_eq!(values("010  1234  5678"), ["+821012345678"]);
    assert_eq!(values("010–1234–5678"), ["+821012345678"]);
    assert_eq!(values("2022.10.15 010-1234-5678"), ["+821012345678"]);
    assert_eq!(values("14:30 01012345678"), ["+821012345678"]);
}

#[test]
fn name_colon_value_lists() {
    let text = "Alice: 010-1111-2222\nBob: bob@x.com";
    let found = find(text, kr());
    let owners: Vec<_> = found.iter().map(|f| named_owner(text, f, &MEMBERS, "김영희")).collect();
    assert_eq!(owners, [Some("Alice Park"), Some("Bob")]);
}

#[test]
fn never_panics_and_ranges_stay_on_char_boundaries() {
    const PALETTE: [&str; 24] = [
        "0", "1", "5", "8", "010", "-", ".", " ", "+", "(", ")", "@", "a", "Z", "영희", "님", "번호", "\u{2011}",
        "\u{00A0}", "\n", ":", "/", "계좌", "'s",
    ];
    let members = ["김영희", "Alice Park", "Bob"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..40 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(PALETTE[(state >> 33) as usize % PALETTE.len()]);
        }
        for found in find(&text, kr()) {
            assert_eq!(text.get(found.start..found.end), Some(found.raw.as_str()));
            let _ = named_owner(&text, &found, &members, "Bob");
        }
    }
}

#[test]
fn country_code_with_a_trunk_zero() {
    let expected: Vec<String> = phone::to_e164("+82 010-1234-5678", kr()).into_iter().collect();
    assert_eq!(values("+82 010-1234-5678"), expected);
}

#[test]
fn a_plain_name_two_members_share_is_nobodys() {
    let members = ["김명제(팀장)", "김명제[조교]", "김명제 선배", "Bob"];
    let text = "김명제 번호는 010-1234-5678";
    assert_eq!(named_owner(text, &find(text, kr())[0], &members, "Bob"), None);
    let text = "김명제[조교] 번호는 010-1234-5678";
    assert_eq!(named_owner(text, &find(text, kr())[0], &members, "Bob"), Some("김명제[조교]"));
    let members = ["김명제", "김명제(팀장)", "Bob"];
    let text = "김명제 번호는 010-1234-5678";
    assert_eq!(named_owner(text, &find(text, kr())[0], &members, "Bob"), Some("김명제"));
}

#[test]
fn korean_mobiles_outside_the_metadata_are_still_numbers() {
    // libphonenumber's metadata leaves 010-597x…599x out; people still have them.
    assert_eq!(phone::to_e164("010-5986-2568", kr()).as_deref(), Some("+821059862568"));
    assert_eq!(values("제 번호 010 5986 2568"), ["+821059862568"]);
    assert_eq!(values("+82 10-5986-2568"), ["+821059862568"]);
    assert_eq!(values("+821059862568"), ["+821059862568"]);
    assert_eq!(find("010-5986-2568", "US".parse().expect("region")), []);
}

#[test]
fn census_counts_past_one_chunk() {
    assert_eq!(census(""), (0, false));
    assert_eq!(census(&format!("{}a@b", "1한".repeat(300))), (300, true));
    assert_eq!(census(&"9".repeat(1000)), (1000, false));
}

#[test]
fn national_numbers_of_the_room_s_country() {
    let cases: &[(&str, &str, &str)] = &[
        ("JP", "携帯は090-1234-5678です", "+819012345678"),
        ("JP", "会社 03-1234-5678 まで", "+81312345678"),
        ("TH", "โทร 081-234-5678 นะ", "+66812345678"),
        ("TH", "ออฟฟิศ 02-123-4567", "+6621234567"),
        ("DE", "Meine Nummer: 0151 23456789", "+4915123456789"),
        ("DE", "Büro 030 1234567", "+49301234567"),
        ("RU", "звони 8 912 345-67-89", "+79123456789"),
        ("RU", "или +7 912 345-67-89", "+79123456789"),
        ("RU", "офис 8 (495) 123-45-67", "+74951234567"),
        ("US", "call (650) 253-0000", "+16502530000"),
        ("US", "or 1-650-253-0000", "+16502530000"),
        ("GB", "ring 07400 123456", "+447400123456"),
        ("TW", "手機 0912-345-678", "+886912345678"),
        ("CN", "电话 138 0013 8000", "+8613800138000"),
        ("CN", "电话13800138000", "+8613800138000"),
        ("FR", "appelle 06 12 34 56 78", "+33612345678"),
    ];
    for (region, text, e164) in cases {
        let found: Vec<String> = find(text, region.parse().expect("region")).into_iter().map(|f| f.value).collect();
        assert_eq!(found, [*e164], "{text} in {region}");
    }
    // Read as Korean, none of them is a Korean number.
    for text in ["090-1234-5678", "8 912 345-67-89", "138 0013 8000", "0151 23456789"] {
        assert_eq!(values(text), Vec::<String>::new(), "{text}");
    }
    // Laughter and ids are not numbers in a Thai room.
    let th = "TH".parse().expect("region");
    assert_eq!(find("5555555555 ขำมาก", th), []);
    assert_eq!(find("รหัสนักศึกษา 6512345678", th), []);
}

#[test]
fn full_width_numbers_are_found_as_written() {
    let jp = "JP".parse().expect("region");
    let text = "携帯は０９０－１２３４－５６７８、メールは aya@example.jp です";
    let found = find(text, jp);
    let got: Vec<_> = found.iter().map(|f| (f.value.as_str(), f.raw.as_str(), &text[f.start..f.end])).collect();
    assert_eq!(
        got,
        [
            ("+819012345678", "０９０－１２３４－５６７８", "０９０－１２３４－５６７８"),
            ("aya@example.jp", "aya@example.jp", "aya@example.jp")
        ]
    );
    assert_eq!(values("제 번호 ０１０－１２３４－５６７８"), ["+821012345678"]);
}
