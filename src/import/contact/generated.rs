//! Test support for both contact importers: generate address books with the
//! shared generator in every encoding and line ending, import them by sniffing,
//! and compare every contact with the generator's truth.

use std::collections::BTreeSet;
use std::path::Path;

use crate::import::collect;
use crate::phone::{Region, to_e164};
use crate::test_support;

const ENCODINGS: [&str; 4] = ["utf-8", "utf-8-sig", "cp949", "utf-16"];
const NEWLINES: [&str; 2] = ["lf", "crlf"];

/// The E.164 form the truth uses.
fn e164(raw: &str) -> String {
    to_e164(raw, Region::default()).unwrap_or_else(|| format!("not a number: {raw}"))
}

/// Import `out` by sniffing and check it against `truth`, contact by contact.
fn compare(out: &Path, truth: &serde_json::Value, expected_importer: &str, what: &str) {
    let (importer, collected) = collect(out, None).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(importer, expected_importer, "{what}: sniffed as another format");
    let expected = truth["contacts"].as_array().expect("truth contacts");
    assert_eq!(collected.contacts.len(), expected.len(), "{what}: contact count");
    for (got, want) in collected.contacts.iter().zip(expected) {
        let strings = |key: &str| -> BTreeSet<String> {
            want[key].as_array().expect("truth list").iter().map(|v| v.as_str().unwrap_or("").to_owned()).collect()
        };
        assert_eq!(got.name.as_deref(), want["name"].as_str(), "{what}: name at line {}", got.line);
        let phones: BTreeSet<String> = got.phones.iter().map(|p| e164(&p.raw)).collect();
        assert_eq!(phones, strings("phones"), "{what}: phones at line {}", got.line);
        let emails: BTreeSet<String> = got.emails.iter().map(|e| e.address.to_lowercase()).collect();
        assert_eq!(emails, strings("emails"), "{what}: e-mails at line {}", got.line);
    }
}

/// Every encoding × line ending of one generator format, 300 contacts each.
/// Where the generator refuses CP949 (an emoji in a name), smaller books with
/// other seeds are tried so CP949 is still covered. Returns the files checked.
pub(in crate::import) fn check_every_variant(format: &str, expected_importer: &str) -> usize {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut checked = 0;
    for encoding in ENCODINGS {
        for newline in NEWLINES {
            let tries = std::iter::once((300, 7)).chain((1..40).map(|seed| (12, seed)));
            let accepted = tries.take(if encoding == "cp949" { 40 } else { 1 }).find_map(|(count, seed)| {
                let (count_arg, seed_arg) = (count.to_string(), seed.to_string());
                let args = ["--count", &count_arg, "--seed", &seed_arg, "--encoding", encoding, "--newline", newline];
                let name = format!("{format}-{encoding}-{newline}.out");
                test_support::try_generate(dir.path(), "contacts", format, &name, &args).map(|g| (g, count, seed))
            });
            if let Some(((out, truth), count, seed)) = accepted {
                compare(
                    &out,
                    &truth,
                    expected_importer,
                    &format!("{format} {encoding} {newline} ({count} seed {seed})"),
                );
                checked += 1;
            }
        }
    }
    checked
}
