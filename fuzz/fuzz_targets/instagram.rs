//! The instagram-json importer (Instagram and Messenger message_N.json), forced, on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| lifeboat_fuzz::import("message_1.json", data, Some("instagram-json")));
