//! Each bound on hostile input (SECURITY.md's table) fails with a clear error
//! naming the file, whatever the input; the others are tested beside their
//! feature (a 1 GB line and a zip bomb in tests/chat.rs, backups in
//! src/backup/tests.rs).

use std::fmt::Write as _;
use std::path::PathBuf;

use lifeboat::i18n::{Lang, Surface, render};
use lifeboat::import::{Collected, ImportError, Limits, MAX_ROOM_MEMBERS, by_id, collect, open_source, sniff};

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Read a file through the given limits, as the vault does.
fn read_with(path: &std::path::Path, limits: &Limits, format: Option<&str>) -> Result<Collected, ImportError> {
    let mut source = open_source(path, limits)?;
    let importer = match format {
        Some(id) => by_id(id).expect("known format"),
        None => sniff(&source)?,
    };
    let mut sink = Collected::default();
    let mut input = source.input()?;
    lifeboat::import::read_bounded(importer, &mut input, &mut sink)?;
    Ok(sink)
}

fn kakao_room(senders: usize) -> String {
    let mut text = String::from(
        "캡스톤 님과 카카오톡 대화\n저장한 날짜 : 2022-10-16 14:05:32\n\n--------------- 2022년 10월 1일 토요일 ---------------\n",
    );
    for i in 0..senders {
        writeln!(text, "[사람{i}] [오전 9:30] 안녕하세요").unwrap();
    }
    text
}

#[test]
fn a_room_with_more_than_the_member_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "KakaoTalk_Chat_crowd.txt", kakao_room(MAX_ROOM_MEMBERS + 1).as_bytes());
    let err = collect(&path, None).unwrap_err();
    assert!(matches!(err, ImportError::TooManyMembers { .. }), "{err}");
    let text = err.to_string();
    assert!(text.contains(&format!("KakaoTalk_Chat_crowd.txt:{}", MAX_ROOM_MEMBERS + 5)), "{text}");
    assert!(text.contains("100000 different members"), "{text}");
    let ok = write(&dir, "KakaoTalk_Chat_big.txt", kakao_room(2_000).as_bytes());
    assert_eq!(collect(&ok, None).unwrap().1.messages.len(), 2_000);
}

#[test]
fn the_decoded_text_limit_stops_a_chat() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "KakaoTalk_Chat_long.txt", kakao_room(1000).as_bytes());
    let limits = Limits { max_text_bytes: 10_000, ..Limits::default() };
    let err = read_with(&path, &limits, None).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { limit: 10_000, .. }), "{err}");
    assert!(err.to_string().contains("KakaoTalk_Chat_long.txt: the text is larger than"), "{err}");
    // In Korean, what is too large is Korean too.
    let korean = render(Lang::Ko, Surface::Cli, &err);
    assert!(korean.starts_with("KakaoTalk_Chat_long.txt: 텍스트이(가) 크기 제한"), "{korean}");
    assert!(!korean.contains("the text"), "{korean}");
}

#[test]
fn the_document_limit_stops_whole_file_formats() {
    let dir = tempfile::tempdir().unwrap();
    let messages: Vec<String> = (0..200)
        .map(|i| format!(r#"{{"id":{i},"type":"message","date":"2022-10-15T14:02:00","from":"사람","from_id":"user1","text":"안녕하세요 {i}"}}"#))
        .collect();
    let json = format!(r#"{{"name":"방","type":"private_group","id":1,"messages":[{}]}}"#, messages.join(","));
    let path = write(&dir, "result.json", json.as_bytes());
    let limits = Limits { max_document_bytes: 4096, ..Limits::default() };
    let err = read_with(&path, &limits, Some("telegram-json")).expect_err("refused");
    assert!(matches!(err, ImportError::TooLarge { limit: 4096, .. }), "{err}");
    assert_eq!(read_with(&path, &Limits::default(), Some("telegram-json")).map(|c| c.messages.len()).ok(), Some(200));
}

#[test]
fn a_zip_with_too_many_entries_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..50 {
        zip.start_file(format!("media/{i}.jpg"), options).unwrap();
    }
    zip.start_file("_chat.txt", options).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let path = write(&dir, "export.zip", &bytes);
    let limits = Limits { max_zip_entries: 20, ..Limits::default() };
    let err = open_source(&path, &limits).err().expect("refused");
    assert!(matches!(err, ImportError::Zip { .. } | ImportError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("export.zip"), "{err}");
}

#[test]
fn deeply_nested_json_is_a_clean_error_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let json = format!(
        "{{\"name\":\"x\",\"type\":\"private_group\",\"id\":1,\"messages\":{}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let path = write(&dir, "result.json", json.as_bytes());
    let err = collect(&path, Some("telegram-json")).unwrap_err();
    assert!(err.to_string().contains("result.json"), "{err}");
}

/// Each file of a multi-file export in a zip is checked like a single chat
/// file: a later page that expands like a zip bomb refuses the whole export.
#[test]
fn every_page_of_a_zipped_export_is_checked_for_expansion() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("ChatExport/messages.html", deflated).unwrap();
    zip.write_all(b"<div class=\"page_wrap\">\n<div class=\"page_header\">\n").unwrap();
    zip.start_file("ChatExport/messages2.html", deflated).unwrap();
    zip.write_all(&vec![b' '; 8 << 20]).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let path = write(&dir, "export.zip", &bytes);
    let err = open_source(&path, &Limits::default()).err().expect("refused");
    assert!(matches!(err, ImportError::Zip { .. }), "{err}");
    assert!(err.to_string().contains("ChatExport/messages2.html") && err.to_string().contains("zip bomb"), "{err}");
}

/// A JSON export holding one message of the given text.
type JsonOf = dyn Fn(&str) -> String;

/// One string longer than the line limit in a JSON export is refused with
/// its file and line as soon as the scan passes the limit, before the parser
/// gathers it; one just under it is read. Peak memory: tests/memory.rs.
#[test]
fn a_json_string_longer_than_the_line_limit_is_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits { max_line_bytes: 1000, ..Limits::default() };
    let telegram = |text: &str| {
        format!(
            "{{\"name\":\"방\",\"type\":\"private_group\",\"id\":1,\"messages\":[\n{{\"id\":1,\"type\":\"message\",\"date\":\"2022-10-15T14:02:00\",\"from\":\"사람\",\"from_id\":\"user1\",\"text\":\"{text}\"}}]}}"
        )
    };
    let instagram = |text: &str| {
        format!(
            "{{\"participants\":[{{\"name\":\"A\"}}],\n\"messages\":[\n\n{{\"sender_name\":\"A\",\"timestamp_ms\":1700000000000,\"content\":\"{text}\"}}],\"title\":\"A\"}}"
        )
    };
    let cases: [(&str, &str, &JsonOf, u32); 2] =
        [("result.json", "telegram-json", &telegram, 2), ("message_1.json", "instagram-json", &instagram, 4)];
    for (name, format, json, line) in cases {
        // Escapes count as written: 1,000 bytes of `\"` and text is the limit.
        let fits = format!("{}{}ab", "\\\"".repeat(100), "가".repeat(266));
        let path = write(&dir, name, json(&fits).as_bytes());
        let read = read_with(&path, &limits, Some(format)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read.messages.len(), 1, "{name}");
        let path = write(&dir, name, json(&format!("{fits}a")).as_bytes());
        let err = read_with(&path, &limits, Some(format)).expect_err("refused");
        assert!(matches!(err, ImportError::FieldTooLong { limit: 1000, .. }), "{name}: {err}");
        let text = err.to_string();
        assert!(text.contains(&format!("{name}:{line}: a text longer than 1000 bytes")), "{text}");
        let korean = lifeboat::i18n::render(lifeboat::i18n::Lang::Ko, lifeboat::i18n::Surface::Cli, &err);
        assert!(korean.starts_with(&format!("{name}:{line}: 한 항목의 글이 너무 깁니다")), "{korean}");
    }
}
