//! The sniffer and whichever importer it picks; the first byte picks the file name.
#![no_main]
use lifeboat_fuzz::{NAMES, import};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((&pick, rest)) = data.split_first() {
        import(NAMES[pick as usize % NAMES.len()], rest, None);
    }
});
