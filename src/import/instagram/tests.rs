use super::*;
use crate::import::Collected;

fn read(file: &str, json: &str) -> Result<Collected, ImportError> {
    let mut input = Input::from_text(file, json);
    let mut sink = Collected::default();
    InstagramJson.read(&mut input, &mut sink)?;
    Ok(sink)
}

fn sniffs(head: &str) -> bool {
    InstagramJson.sniff(&Probe { file_name: "message_1.json", head })
}

/// Meta's Latin-1 reading of UTF-8 (`한` → `\u00ed\u0095\u009c`), as its exports write every non-ASCII text.
fn meta(s: &str) -> String {
    s.bytes().map(|b| if b < 0x80 { (b as char).to_string() } else { format!("\\u{b:04x}") }).collect()
}

#[test]
fn an_instagram_group_thread_with_its_title_after_the_messages() {
    let json = format!(
        r#"{{
  "participants": [{{"name": "{kim}"}}, {{"name": "Alex Park"}}, {{"name": "{lee}"}}],
  "messages": [
    {{"sender_name": "Alex Park", "timestamp_ms": 1666000000000, "content": "my number is 010-2345-6789", "is_geoblocked_for_viewer": false}},
    {{"sender_name": "{kim}", "timestamp_ms": 1665990000000, "photos": [{{"uri": "x.jpg", "creation_timestamp": 1665990000}}], "is_geoblocked_for_viewer": false}},
    {{"sender_name": "{lee}", "timestamp_ms": 1665980000000, "content": "{text}", "reactions": [{{"reaction": "{heart}", "actor": "{kim}"}}]}},
    {{"sender_name": "{kim}", "timestamp_ms": 1665970000000, "content": "{kim} added Alex Park to the group.", "type": "Subscribe", "users": [{{"name": "Alex Park"}}]}},
    {{"sender_name": "{lee}", "timestamp_ms": 1665960000000, "content": "You called", "type": "Call", "call_duration": 0}}
  ],
  "title": "{title}",
  "is_still_participant": true,
  "thread_path": "inbox/capstone_123456789",
  "magic_words": []
}}"#,
        kim = meta("김민준"),
        lee = meta("이서연"),
        text = meta("제 번호는 010-9876-5432입니다 ㅎㅎ"),
        heart = meta("❤"),
        title = meta("캡스톤 3조 🐣"),
    );
    assert!(sniffs(&json));
    let c =
        read("instagram-kim-2022-10-20.zip!your_instagram_activity/messages/inbox/capstone_123/message_1.json", &json)
            .unwrap();
    assert_eq!(c.rooms.len(), 1);
    assert_eq!(c.rooms[0].name, "캡스톤 3조 🐣");
    assert_eq!(c.rooms[0].platform, Platform::Instagram);
    assert_eq!(c.rooms[0].external_id.as_deref(), Some("inbox/capstone_123456789"));
    let seated: Vec<&str> = c.events[0].subjects.iter().map(|s| s.name.as_str()).collect();
    assert_eq!((c.events[0].kind.clone(), seated), (EventKind::Joined, vec!["김민준", "Alex Park", "이서연"]));
    let messages: Vec<(&str, &str, MessageKind)> =
        c.messages.iter().map(|m| (m.sender.name.as_str(), m.text.as_str(), m.kind)).collect();
    assert_eq!(
        messages,
        [
            ("Alex Park", "my number is 010-2345-6789", MessageKind::Text),
            ("김민준", "", MessageKind::Media),
            ("이서연", "제 번호는 010-9876-5432입니다 ㅎㅎ", MessageKind::Text),
        ]
    );
    assert_eq!(c.messages[0].at.to_string(), "2022-10-17 09:46:40");
    assert_eq!((c.events[1].kind.clone(), c.events[1].subjects[0].name.as_str()), (EventKind::Invited, "Alex Park"));
    assert!(c.unparsed.is_empty(), "{:?}", c.unparsed);
}

#[test]
fn messengers_newer_export_in_camel_case() {
    let json = r#"{"participants": ["Jane Doe", "John Roe"], "threadName": "Jane Doe", "messages": [
  {"isUnsent": false, "media": [], "reactions": [], "senderName": "Jane Doe", "text": "call me: +1 415 555 0100", "timestamp": 1700000000000, "type": "text"},
  {"isUnsent": true, "media": [], "reactions": [], "senderName": "John Roe", "text": "", "timestamp": 1699999000000, "type": "text"},
  {"isUnsent": false, "media": [{"uri": "a.jpg"}], "reactions": [], "senderName": "John Roe", "text": "", "timestamp": 1699998000000, "type": "media"}
]}"#;
    assert!(sniffs(json));
    let c = read("message_1.json", json).unwrap();
    assert_eq!((c.rooms[0].name.as_str(), c.rooms[0].platform), ("Jane Doe", Platform::Messenger));
    let kinds: Vec<MessageKind> = c.messages.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, [MessageKind::Text, MessageKind::Deleted, MessageKind::Media]);
}

#[test]
fn real_latin1_text_is_never_garbled_and_names_repair_only_where_they_round_trip() {
    let json = r#"{"participants": [{"name": "Jos\u00e9"}], "messages": [
  {"sender_name": "Jos\u00e9", "timestamp_ms": 1600000000000, "content": "caf\u00e9 \u00c3 la carte"}], "title": "Jos\u00e9"}"#;
    let c = read("message_1.json", json).unwrap();
    assert_eq!(c.messages[0].sender.name, "José");
    assert_eq!(c.messages[0].text, "café Ã la carte");
}

#[test]
fn leaving_is_an_event_and_a_message_without_a_sender_is_reported() {
    let json = r#"{"participants": [{"name": "A"}, {"name": "B"}], "messages": [
  {"sender_name": "B", "timestamp_ms": 1600000001000, "content": "B left the group.", "type": "Unsubscribe", "users": [{"name": "B"}]},
  {"timestamp_ms": 1600000000000, "content": "?"}], "title": "AB"}"#;
    let c = read("message_1.json", json).unwrap();
    assert_eq!((c.events[1].kind.clone(), c.events[1].subjects[0].name.as_str()), (EventKind::Left, "B"));
    assert_eq!(c.unparsed.len(), 1);
}

#[test]
fn broken_or_hostile_files_give_a_clear_error() {
    let err = read("message_2.json", r#"{"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timesta"#)
        .expect_err("truncated");
    assert!(err.to_string().contains("message_2.json:1") && err.to_string().contains("not an Instagram"), "{err}");
    let crowd: String = (0..=MAX_ROOM_MEMBERS).map(|i| format!(r#"{{"name": "p{i}"}},"#)).collect();
    let json = format!(r#"{{"participants": [{}], "messages": []}}"#, crowd.trim_end_matches(','));
    let err = read("message_1.json", &json).expect_err("too many participants");
    assert!(err.to_string().contains("participants"), "{err}");
    assert!(!sniffs(r#"{"name": "Alice", "type": "personal_chat", "messages": [{"from": "A"}]}"#));
}
