//! The KakaoTalk importers against the shared generator's ground truth: every
//! generated dialect, with LF and CRLF line ends and with a UTF-8 BOM, must
//! give exactly the truth's members, message count and event count. Also the
//! export-with-media zip, and a throughput check run by hand.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::import::{self, Collected};

const ROOM: &str = "2022 캡스톤 3조";

/// Write a generated export named `file_name` into `dir`; returns it and its truth.
fn generate(dir: &Path, format: &str, file_name: &str, extra: &[&str], messages: u32) -> (PathBuf, serde_json::Value) {
    let messages = messages.to_string();
    let mut args = vec!["--members", "12", "--seed", "3", "--messages", &messages];
    args.extend_from_slice(extra);
    crate::test_support::generate(dir, "chat", format, file_name, &args)
}

fn check(got: &Collected, truth: &serde_json::Value, room: &str, case: &str) {
    let members: BTreeSet<String> =
        truth["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap().to_owned()).collect();
    assert_eq!(crate::test_support::names(got), members, "{case}: members");
    assert_eq!(got.messages.len() as u64, truth["messages"].as_u64().unwrap(), "{case}: messages");
    assert_eq!(got.events.len() as u64, truth["events"].as_u64().unwrap(), "{case}: events");
    assert_eq!(got.rooms.len(), 1, "{case}: rooms");
    assert_eq!(got.rooms[0].name, room, "{case}: room name");
    assert!(got.unparsed.is_empty(), "{case}: unparsed {:?}", &got.unparsed[..got.unparsed.len().min(5)]);
    // The truth's "self" is the label mobile exports show for the exporter.
    let me = truth["self"].as_str();
    for m in &got.messages {
        assert_eq!(m.sender.me, Some(m.sender.name.as_str()) == me, "{case}: line {} me flag", m.line);
    }
    let multi_line = got.messages.iter().filter(|m| m.text.contains('\n')).count();
    assert!(multi_line > 0, "{case}: no multi-line message survived");
}

/// One generated format, read three ways: LF, CRLF, and UTF-8 with a BOM.
fn check_format(format: &str, file_name: &str, room: &str, importer: &str) {
    let dir = tempfile::tempdir().unwrap();
    let variants: [(&str, &[&str]); 3] =
        [("lf", &[]), ("crlf", &["--newline", "crlf"]), ("bom", &["--encoding", "utf-8-sig"])];
    for (variant, extra) in variants {
        let sub = dir.path().join(variant);
        std::fs::create_dir(&sub).unwrap();
        let (path, truth) = generate(&sub, format, file_name, extra, 3000);
        let (id, got) = import::collect(&path, None).unwrap_or_else(|e| panic!("{format} {variant}: {e}"));
        assert_eq!(id, importer, "{format} {variant}: sniffed importer");
        check(&got, &truth, room, &format!("{format} {variant}"));
    }
}

#[test]
fn pc_korean() {
    check_format("kakao-pc-ko", "KakaoTalk_20221016_1405_32_123_group.txt", ROOM, "kakao");
}

#[test]
fn pc_english() {
    check_format("kakao-pc-en", "KakaoTalk_20221016_1405_32_123_group.txt", ROOM, "kakao");
}

#[test]
fn android_korean() {
    check_format("kakao-android-ko", "KakaoTalkChats.txt", ROOM, "kakao");
}

#[test]
fn android_english() {
    check_format("kakao-android-en", "KakaoTalkChats.txt", ROOM, "kakao");
}

#[test]
fn android_korean_2025() {
    check_format("kakao-android-ko-2025", "KakaoTalkChats.txt", ROOM, "kakao");
}

#[test]
fn ios_korean() {
    check_format("kakao-ios-ko", "room.txt", ROOM, "kakao");
}

#[test]
fn ios_english() {
    check_format("kakao-ios-en", "room.txt", ROOM, "kakao");
}

#[test]
fn ios_korean_2025_named_after_its_file() {
    check_format("kakao-ios-ko-2025", "Talk_2022.10.16 14:05-1.txt", "Talk_2022.10.16 14:05", "kakao");
}

#[test]
fn csv_named_after_its_file() {
    check_format("kakao-csv", "KakaoTalk_Chat_2022 캡스톤 3조_2022-10-16-14-05-32.csv", ROOM, "kakao-csv");
}

#[test]
fn other_encodings_and_viewers() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[&str]); 4] = [
        ("kakao-pc-ko", &["--encoding", "utf-16"]),
        ("kakao-ios-en", &["--encoding", "utf-16", "--newline", "crlf"]),
        ("kakao-android-ko", &["--viewer", "2"]),
        ("kakao-pc-en", &["--viewer", "5"]),
    ];
    for (i, (format, extra)) in cases.into_iter().enumerate() {
        let (path, truth) = generate(dir.path(), format, &format!("room{i}.txt"), extra, 1000);
        let (_, got) = import::collect(&path, None).unwrap_or_else(|e| panic!("{format} {extra:?}: {e}"));
        check(&got, &truth, ROOM, &format!("{format} {extra:?}"));
    }
}

#[test]
fn export_with_media_zip() {
    let dir = tempfile::tempdir().unwrap();
    let (text, truth) = generate(dir.path(), "kakao-android-ko-2025", "KakaoTalkChats.txt", &[], 500);
    let zip_path = dir.path().join("KakaoTalk_20221016.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("KakaoTalk_Photo_2022-10-16-14-05-32.jpeg", options).unwrap();
    zip.write_all(b"\xFF\xD8\xFF\xE0 not really a photo").unwrap();
    zip.start_file("KakaoTalkChats.txt", options).unwrap();
    zip.write_all(&std::fs::read(text).unwrap()).unwrap();
    zip.finish().unwrap();
    let (id, got) = import::collect(&zip_path, None).unwrap();
    assert_eq!(id, "kakao");
    check(&got, &truth, ROOM, "zip");
}

/// Run by hand: `cargo test --release --lib import::kakao::truth_tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    use crate::import::{ImportError, Importer, Limits, Sink, open_source};
    use crate::model::{ChatEvent, ChatMessage, ContactRecord, RoomInfo};

    #[derive(Default)]
    struct Counting {
        messages: u64,
        bytes: usize,
    }
    impl Sink for Counting {
        fn contact(&mut self, _: ContactRecord) -> Result<(), ImportError> {
            Ok(())
        }
        fn room(&mut self, _: RoomInfo) -> Result<(), ImportError> {
            Ok(())
        }
        fn message(&mut self, message: ChatMessage) -> Result<(), ImportError> {
            self.messages += 1;
            self.bytes += message.text.len();
            Ok(())
        }
        fn event(&mut self, _: ChatEvent) -> Result<(), ImportError> {
            Ok(())
        }
        fn unparsed(&mut self, _: u32, _: &str) {}
        fn kept_as_written(&mut self, _: u32, _: crate::i18n::Said) {}
    }

    let dir = tempfile::tempdir().unwrap();
    let (path, truth) = generate(dir.path(), "kakao-pc-ko", "big.txt", &[], 1_000_000);
    let size = std::fs::metadata(&path).unwrap().len();
    // CPU time of this thread (Linux), which a busy machine does not inflate.
    let cpu = || {
        let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
        stat.split(' ').next().and_then(|ns| ns.parse::<f64>().ok()).map_or(f64::NAN, |ns| ns / 1e9)
    };
    let cpu_started = cpu();
    let started = std::time::Instant::now();
    let mut source = open_source(&path, &Limits::default()).unwrap();
    let mut input = source.input().unwrap();
    let mut sink = Counting::default();
    super::KakaoText.read(&mut input, &mut sink).unwrap();
    let elapsed = started.elapsed();
    let cpu_used = cpu() - cpu_started;
    assert_eq!(sink.messages, truth["messages"].as_u64().unwrap());
    println!(
        "kakao-pc-ko: {} messages, {:.1} MB in {:.3} s wall, {:.3} s CPU ({:.0} MB/s)",
        sink.messages,
        size as f64 / 1e6,
        elapsed.as_secs_f64(),
        cpu_used,
        size as f64 / 1e6 / elapsed.as_secs_f64()
    );
}
