//! The handle finder on phrasings members write, in Korean and English, and
//! on the text that only looks like a handle.

use super::*;

/// The handles found in `text`, as (service, value).
fn handles(text: &str) -> Vec<(&'static str, String)> {
    find(text, phone::Region::default())
        .into_iter()
        .filter_map(|f| match f.kind {
            Kind::Handle(service) => Some((service.as_str(), f.value)),
            _ => None,
        })
        .collect()
}

fn one(service: &'static str, value: &str) -> Vec<(&'static str, String)> {
    vec![(service, value.to_owned())]
}

#[test]
fn instagram_ids_as_members_write_them() {
    for text in [
        "인스타 @abc_12",
        "인스타 아이디 abc_12",
        "제 인스타는 @abc_12 이에요",
        "인스타그램 아이디: abc_12",
        "인스타 abc_12 팔로우해줘",
        "my insta is @abc_12",
        "My Insta: ABC_12",
        "ig: abc_12",
        "IG @abc_12!",
        "instagram.com/abc_12",
        "https://www.instagram.com/abc_12/?igsh=MXR5",
        "instagram id is abc_12.",
    ] {
        assert_eq!(handles(text), one("instagram", "abc_12"), "{text}");
    }
    assert_eq!(handles("인스타 아이디 jiwoo"), one("instagram", "jiwoo"));
    assert_eq!(handles("인스타 @jiwoo.kim 으로 디엠"), one("instagram", "jiwoo.kim"));
}

#[test]
fn telegram_line_and_discord_ids() {
    assert_eq!(handles("텔레그램 아이디 minsu_k"), one("telegram", "minsu_k"));
    assert_eq!(handles("텔레 @minsu_k 로 연락 주세요"), one("telegram", "minsu_k"));
    assert_eq!(handles("my telegram is @Minsu_K"), one("telegram", "minsu_k"));
    assert_eq!(handles("telegram @minsu_k"), one("telegram", "minsu_k"));
    assert_eq!(handles("카톡 막히면 t.me/minsu_k 로"), one("telegram", "minsu_k"));
    assert_eq!(handles("https://t.me/minsu_k"), one("telegram", "minsu_k"));
    assert_eq!(handles("line id: yuna.0809"), one("line", "yuna.0809"));
    assert_eq!(handles("라인 아이디 yuna0809"), one("line", "yuna0809"));
    assert_eq!(handles("LINE ID yuna0809 です"), one("line", "yuna0809"));
    assert_eq!(handles("디코 hyun#1234"), one("discord", "hyun#1234"));
    assert_eq!(handles("디코 Hyun#1234 추가해"), one("discord", "Hyun#1234"));
    assert_eq!(handles("discord: hyun.dev"), one("discord", "hyun.dev"));
    assert_eq!(handles("디스코드 아이디는 hyun_dev 입니다"), one("discord", "hyun_dev"));
    assert_eq!(
        handles("인스타 @abc_12, 텔레 @minsu_k"),
        vec![("instagram", "abc_12".to_owned()), ("telegram", "minsu_k".to_owned())]
    );
}

#[test]
fn a_handle_keeps_its_place_and_leaves_numbers_beside_it() {
    let text = "인스타 @abc_12 이고 번호는 010-1234-5678";
    let found = find(text, phone::Region::default());
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].kind, &text[found[0].start..found[0].end]), (Kind::Handle(Service::Instagram), "@abc_12"));
    assert_eq!(found[1].value, "+821012345678");
}

#[test]
fn no_handle_without_its_service() {
    for text in [
        // Mentions of room members.
        "@홍길동 내일 봐요",
        "@minsu_k 확인 부탁해요",
        "@minsu_k check this on telegram",
        "텔레그램 방에서 @minsu_k 가 말했듯이",
        "@jiwoo.kim 인스타 봤어?",
        // E-mail addresses.
        "인스타 아이디 abc_12@naver.com",
        "ig: abc@gmail.com",
        "my telegram is minsu@example.com",
        // Other sites, and pages that are not profiles.
        "https://youtube.com/@abc_12",
        "https://example.com/instagram/abc_12",
        "instagram.com/p/Cx12abc",
        "https://www.instagram.com/reel/Cx12abc/",
        "t.me/joinchat/AAAAAE",
        "t.me/+AbCdEf12",
        "t.me/durov/123",
        "인스타 naver.com/abc_12",
        // Hashtags, everyday words, glued words.
        "#인스타 #daily_look",
        "#instagood #ootd_2024",
        "오늘 온라인 수업 a_1",
        "인스타툰 abc_12",
        "텔레비전 abc_12",
        "the deadline: tomorrow_9am",
        "line 2 is long",
        "the bottom line is abc_12",
        "instant: abc_12",
        "인스타 story 올렸어",
        "I saw it on insta yesterday",
        "my insta is private",
        "인스타 아이디 알려줘",
        "텔레그램 아이디 abc",
        // Prices and times.
        "인스타 10시에 올릴게",
        "인스타 3.5만 팔로워",
        "ig: 5pm",
        "디코 8:30",
        "디코 5000원",
        "텔레 12:30 에 봐",
    ] {
        assert_eq!(handles(text), vec![], "{text}");
    }
}

#[test]
fn a_handle_belongs_to_its_sender_unless_the_message_names_another_member() {
    let members = ["김영희", "박철수", "Alice Park", "Bob"];
    let owner = |text: &str, sender: &str| {
        let found = find(text, phone::Region::default());
        let handle = found.iter().find(|f| matches!(f.kind, Kind::Handle(_))).expect("a handle");
        named_owner(text, handle, &members, sender)
    };
    assert_eq!(owner("제 인스타 @abc_12", "박철수"), None);
    assert_eq!(owner("my insta is @abc_12", "Bob"), None);
    assert_eq!(owner("영희 인스타 @abc_12", "박철수"), Some("김영희"));
    assert_eq!(owner("김영희 인스타 아이디는 abc_12", "박철수"), Some("김영희"));
    assert_eq!(owner("Alice's telegram is @alice_p", "Bob"), Some("Alice Park"));
    assert_eq!(owner("영희야 내 인스타 @abc_12", "박철수"), None);
}

#[test]
fn two_writings_of_one_id_are_one_handle() {
    assert_eq!(Service::Telegram.canonical("@MinKim"), "minkim");
    assert_eq!(Service::Instagram.canonical(" @Jiwoo.Kim"), "jiwoo.kim");
    assert_eq!(Service::Discord.canonical("Hyun#1234"), "Hyun#1234");
    assert_eq!(Service::Discord.canonical("Hyun.Dev"), "hyun.dev");
    assert_eq!(Service::from_name("line"), Some(Service::Line));
    assert_eq!(Service::from_name("kakao"), None);
}
