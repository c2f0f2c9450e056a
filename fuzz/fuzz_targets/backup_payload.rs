//! What a backup holds once decrypted: the zip, `lifeboat.json` and
//! `contacts.vcf`, checked by `backup::open` and, when accepted, restored
//! into a scratch vault. Inputs starting with `PK` are the zip itself;
//! others are `contacts.vcf` and `lifeboat.json` split at the first NUL.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| lifeboat_fuzz::backup_payload(data));
