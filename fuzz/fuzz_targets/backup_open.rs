//! `backup::open` on arbitrary bytes: the age header and armor, decryption
//! limits. Opened with an X25519 identity (a passphrase would make every
//! input pay scrypt).
#![no_main]
use lifeboat::backup::{Keys, Limits, open};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let keys = Keys { passphrase: None, identities: vec![Box::new(lifeboat_fuzz::backup_identity())] };
    let _ = open(std::io::Cursor::new(data), &keys, &Limits::default());
});
