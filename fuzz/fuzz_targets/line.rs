//! The line importer, forced, on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| lifeboat_fuzz::import("[LINE] room.txt", data, Some("line")));
