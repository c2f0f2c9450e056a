//! Zip reading (`open_source`: entry choice, limits, decompression) and the
//! importer sniffed for the chosen entry.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| lifeboat_fuzz::import("export.zip", data, None));
