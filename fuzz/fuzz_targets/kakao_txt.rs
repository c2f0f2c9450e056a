//! The kakao importer, forced, on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| lifeboat_fuzz::import("KakaoTalk_Chat_room.txt", data, Some("kakao")));
