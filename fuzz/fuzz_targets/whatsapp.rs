//! The whatsapp importer, forced, on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| lifeboat_fuzz::import("_chat.txt", data, Some("whatsapp")));
