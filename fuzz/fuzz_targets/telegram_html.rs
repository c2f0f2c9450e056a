//! The telegram-html importer, forced, on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| lifeboat_fuzz::import("messages.html", data, Some("telegram-html")));
