//! Contact files into a real encrypted vault through the real binary.

mod common;

use std::collections::BTreeSet;

use common::{TestVault, contains, fixture, generate, try_generate};
use serde_json::Value;

/// Every phone (as digits) and e-mail (lower-cased) in the vault.
fn values(v: &TestVault) -> (BTreeSet<String>, BTreeSet<String>) {
    let people = v.json(&["people"]);
    let mut phones = BTreeSet::new();
    let mut emails = BTreeSet::new();
    for p in people.as_array().unwrap() {
        for ph in p["phones"].as_array().unwrap() {
            phones.insert(ph["raw"].as_str().unwrap().chars().filter(char::is_ascii_digit).collect());
        }
        for e in p["emails"].as_array().unwrap() {
            emails.insert(e["address"].as_str().unwrap().to_owned());
        }
    }
    (phones, emails)
}

/// TEL and EMAIL values of a vCard, read independently of the importer:
/// quoted-printable soft breaks joined and decoded, nothing else.
fn vcard_values(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut phones = BTreeSet::new();
    let mut emails = BTreeSet::new();
    let mut logical: Vec<String> = Vec::new();
    let mut joining = false;
    for line in text.lines() {
        if joining {
            let last = logical.last_mut().unwrap();
            last.pop();
            last.push_str(line);
        } else {
            logical.push(line.to_owned());
        }
        joining = line.to_ascii_uppercase().contains("QUOTED-PRINTABLE") && line.ends_with('=')
            || joining && line.ends_with('=');
    }
    for line in logical.iter().map(|l| decode_qp(l)) {
        let line = line.as_str();
        let upper = line.to_ascii_uppercase();
        let prop = upper.split([';', ':']).next().unwrap_or("");
        let prop = prop.rsplit('.').next().unwrap_or(prop);
        let value = line.split_once(':').map(|x| x.1).unwrap_or("");
        let value = value.strip_prefix("tel:").unwrap_or(value);
        match prop {
            "TEL" => {
                phones.insert(value.chars().filter(char::is_ascii_digit).collect::<String>());
            }
            "EMAIL" => {
                emails.insert(value.trim().to_lowercase());
            }
            _ => {}
        }
    }
    (phones, emails)
}

/// Decode `=XX` escapes of a quoted-printable property line.
fn decode_qp(line: &str) -> String {
    if !line.to_ascii_uppercase().contains("QUOTED-PRINTABLE") {
        return line.to_owned();
    }
    let (head, value) = line.split_once(':').unwrap();
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    format!("{head}:{}", String::from_utf8_lossy(&out))
}

#[test]
fn every_real_vcard_fixture_keeps_every_phone_and_every_address() {
    for name in [
        "John_Doe_ANDROID.vcf",
        "John_Doe_GMAIL.vcf",
        "John_Doe_IPHONE.vcf",
        "outlook-2007.vcf",
        "rfc2426-example.vcf",
        "rfc6350-example.vcf",
    ] {
        let v = TestVault::new();
        let path = fixture(&format!("vcard/{name}"));
        v.ok(&["import", path.to_str().unwrap()]);
        let (phones, emails) = values(&v);
        let (want_phones, mut want_emails) = vcard_values(&std::fs::read_to_string(&path).unwrap());
        // An EMAIL that is no address (John_Doe_ANDROID's `ÑÑÑ…`) is reported, never stored.
        want_emails.retain(|e| lifeboat::email::normalize(e).is_some());
        assert!(!want_phones.is_empty() || !want_emails.is_empty(), "{name}: fixture has values");
        let lost_phones: Vec<_> = want_phones.difference(&phones).collect();
        let lost_emails: Vec<_> = want_emails.difference(&emails).collect();
        assert!(lost_phones.is_empty() && lost_emails.is_empty(), "{name}: lost {lost_phones:?} {lost_emails:?}");
    }
}

#[test]
fn vault_is_encrypted_and_holds_no_imported_name_in_clear() {
    let v = TestVault::new();
    let (file, truth) = generate(v.tmp.path(), "contacts", "vcard21", "phone.vcf", &["--count", "200", "--seed", "3"]);
    v.ok(&["import", file.to_str().unwrap()]);
    let raw = v.raw_bytes();
    assert!(!contains(&raw, "SQLite format 3"));
    for c in truth["contacts"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        assert!(!contains(&raw, name), "{name} is in clear on disk");
        for e in c["emails"].as_array().unwrap() {
            assert!(!contains(&raw, e.as_str().unwrap()), "an e-mail is in clear on disk");
        }
    }
    // No journal or temporary file is left beside the vault.
    let files: BTreeSet<String> =
        std::fs::read_dir(v.dir()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(files, BTreeSet::from(["lifeboat.db".into(), "lifeboat.header".into(), "lifeboat.lock".into()]));
}

#[test]
fn every_generated_contact_format_encoding_and_newline_imports_exactly() {
    for format in ["vcard21", "vcard30", "vcard40", "google-csv", "outlook-csv"] {
        for encoding in ["utf-8", "utf-8-sig", "utf-16", "cp949"] {
            for newline in ["lf", "crlf"] {
                let v = TestVault::new();
                // CP949 cannot hold emoji: small books with seeds whose names fit.
                let count = if encoding == "cp949" { "8" } else { "150" };
                let Some((file, truth)) = (1..40).find_map(|seed| {
                    let seed = seed.to_string();
                    let args = ["--count", count, "--seed", &seed, "--encoding", encoding, "--newline", newline];
                    try_generate(v.tmp.path(), "contacts", format, "book", &args)
                }) else {
                    panic!("{format} {encoding}: the generator wrote no file")
                };
                v.ok(&["import", file.to_str().unwrap()]);
                let people = v.json(&["people"]);
                let (phones, emails) = values(&v);
                let label = format!("{format} {encoding} {newline}");
                let mut want_phones = BTreeSet::new();
                let mut want_emails = BTreeSet::new();
                for c in truth["contacts"].as_array().unwrap() {
                    want_phones.extend(c["phones"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_owned()));
                    want_emails.extend(c["emails"].as_array().unwrap().iter().map(|e| e.as_str().unwrap().to_owned()));
                }
                let e164: BTreeSet<String> = people
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|p| p["phones"].as_array().unwrap().iter())
                    .filter_map(|ph| ph["e164"].as_str().map(str::to_owned))
                    .collect();
                assert_eq!(e164, want_phones, "{label}: phones");
                assert_eq!(emails, want_emails, "{label}: e-mails");
                assert!(phones.len() >= want_phones.len(), "{label}");
                let names: BTreeSet<&str> =
                    people.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
                for c in truth["contacts"].as_array().unwrap() {
                    assert!(names.contains(c["name"].as_str().unwrap()), "{label}: {} missing", c["name"]);
                }
            }
        }
    }
}

#[test]
fn reimport_adds_nothing_and_same_number_merges_across_files() {
    let v = TestVault::new();
    let a = v.path("a.vcf");
    let b = v.path("b.csv");
    std::fs::write(&a, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:홍길동\r\nTEL;TYPE=CELL:010-1234-5678\r\nEND:VCARD\r\n")
        .unwrap();
    std::fs::write(&b, "이름,휴대폰,이메일\n길동이,+82 10 1234 5678,GilDong@Example.com\n김민수,010-2222-3333,\n김민수,010-4444-5555,\n")
        .unwrap();
    v.ok(&["import", a.to_str().unwrap()]);
    let again = v.ok(&["import", a.to_str().unwrap()]);
    assert!(again.contains("already imported"), "{again}");
    v.ok(&["import", b.to_str().unwrap()]);
    let people = v.json(&["people"]);
    let people = people.as_array().unwrap();
    // 홍길동 and 길동이 share a number: one person. The two 김민수 differ: two people.
    assert_eq!(people.len(), 3, "{people:#?}");
    let hong = people.iter().find(|p| p["name"] == "홍길동").unwrap();
    assert_eq!(hong["aliases"], serde_json::json!(["길동이"]));
    assert_eq!(hong["emails"][0]["address"], "gildong@example.com");
    assert_eq!(hong["phones"].as_array().unwrap().len(), 1);
    assert_eq!(people.iter().filter(|p| p["name"] == "김민수").count(), 2);
}

#[test]
fn dry_run_previews_and_writes_nothing() {
    let v = TestVault::new();
    let (file, _) = generate(v.tmp.path(), "contacts", "google-csv", "g.csv", &["--count", "20", "--seed", "2"]);
    let before = v.raw_bytes();
    let preview: Value =
        serde_json::from_str(&v.ok(&["import", "--dry-run", "--json", file.to_str().unwrap()])).unwrap();
    assert_eq!(preview["dry_run"], true);
    assert_eq!(preview["new_people"], 20);
    assert!(preview["batch_id"].is_null());
    assert_eq!(before, v.raw_bytes(), "a dry run changes no byte of the vault");
    assert_eq!(v.json(&["people"]).as_array().unwrap().len(), 0);
}

#[test]
fn a_contact_without_a_name_is_kept_under_its_email_or_number() {
    let v = TestVault::new();
    let f = v.path("noname.vcf");
    std::fs::write(&f, "BEGIN:VCARD\nVERSION:2.1\nEMAIL:Nobody@Example.com\nEND:VCARD\nBEGIN:VCARD\nVERSION:2.1\nTEL;CELL:010-9876-5432\nEND:VCARD\n").unwrap();
    v.ok(&["import", f.to_str().unwrap()]);
    let names: BTreeSet<String> =
        v.json(&["people"]).as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_owned()).collect();
    assert_eq!(names, BTreeSet::from(["nobody@example.com".to_owned(), "010-9876-5432".to_owned()]));
}

#[test]
fn numbers_that_do_not_normalize_are_kept_as_written() {
    let v = TestVault::new();
    let f = v.path("odd.vcf");
    std::fs::write(
        &f,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Help desk\nTEL:114\nTEL:1-800-FLOWERS\nTEL:02-312-3456 ext. 12\nEND:VCARD\n",
    )
    .unwrap();
    v.ok(&["import", f.to_str().unwrap()]);
    let p = v.json(&["show", "Help desk"]);
    let raws: BTreeSet<&str> = p["phones"].as_array().unwrap().iter().map(|ph| ph["raw"].as_str().unwrap()).collect();
    assert!(raws.contains("114") && raws.contains("1-800-FLOWERS"), "{raws:?}");
    assert_eq!(raws.len(), 3);
}

#[test]
fn a_value_that_cannot_be_decoded_is_kept_as_written_and_named_by_file_and_line() {
    let v = TestVault::new();
    let f = v.path("old-phone.vcf");
    std::fs::write(
        &f,
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=ED=99=8D=G1\r\nTEL;CELL:010-1234-5678\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let said = v.ok(&["import", "--dry-run", f.to_str().unwrap()]);
    assert!(said.contains("1 value could not be decoded and was kept as written"), "{said}");
    assert!(said.contains("old-phone.vcf:3: FN: its QUOTED-PRINTABLE is broken at “=G1”"), "{said}");
    let report = v.json(&["import", f.to_str().unwrap()]);
    assert_eq!(report["files"][0]["kept_as_written"], 1, "{report}");
    assert_eq!(report["files"][0]["kept_as_written_lines"][0][0], 3, "{report}");
    assert_eq!(report["files"][0]["kept_as_written_lines"][0][1]["message"], "undecodable_property", "{report}");
    let p = v.json(&["show", "=ED=99=8D=G1"]);
    assert_eq!(p["phones"][0]["e164"], "+821012345678");
}

#[test]
fn a_broken_file_is_refused_whole_with_file_and_line_and_nothing_is_written() {
    let v = TestVault::new();
    let good = v.path("good.vcf");
    std::fs::write(&good, "BEGIN:VCARD\nVERSION:3.0\nFN:Good One\nTEL:010-1111-2222\nEND:VCARD\n").unwrap();
    let broken = v.path("broken.vcf");
    std::fs::write(
        &broken,
        "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Cut short\nTEL:010-3333-4444\n",
    )
    .unwrap();
    let before = v.raw_bytes();
    let err = v.fails(&["import", good.to_str().unwrap(), broken.to_str().unwrap()]);
    assert!(err.contains("broken.vcf:5"), "{err}");
    assert_eq!(before, v.raw_bytes(), "all or nothing: the good file was not kept either");
    let csv = v.path("bad.csv");
    std::fs::write(&csv, "Name,Phone\nA,010-1111-2222\n\"B,010-2222-3333\nC,010-3333-4444\n").unwrap();
    let err = v.fails(&["import", csv.to_str().unwrap()]);
    assert!(err.contains("bad.csv:3"), "{err}");
}

#[test]
fn unknown_file_names_its_first_line_and_the_formats_tried() {
    let v = TestVault::new();
    let f = v.path("notes.txt");
    std::fs::write(&f, "\nshopping list\nmilk\n").unwrap();
    let err = v.fails(&["import", f.to_str().unwrap()]);
    assert!(err.contains("notes.txt:2") && err.contains("shopping list") && err.contains("vCard"), "{err}");
}

#[test]
fn search_by_initials_digits_email_and_name_part() {
    let v = TestVault::new();
    let f = v.path("s.csv");
    std::fs::write(&f, "이름,휴대폰,이메일\n홍길동,010-1234-5678,hong@example.com\n김철수,010-9999-8888,\n").unwrap();
    v.ok(&["import", f.to_str().unwrap()]);
    let names = |q: &str| -> Vec<String> {
        v.json(&["search", q]).as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names("ㅎㄱㄷ"), vec!["홍길동"]);
    assert_eq!(names("길동"), vec!["홍길동"]);
    assert_eq!(names("1234"), vec!["홍길동"]);
    assert_eq!(names("010-9999"), vec!["김철수"]);
    assert_eq!(names("HONG@"), vec!["홍길동"]);
    assert!(names("ㅂㅂ").is_empty());
    let human = v.ok(&["search", "ㄱㅊ"]);
    assert!(human.contains("김철수") && human.contains("010-9999-8888"), "{human}");
}

#[test]
fn undo_removes_exactly_one_import() {
    let v = TestVault::new();
    let a = v.path("a.csv");
    std::fs::write(&a, "이름,휴대폰\n홍길동,010-1234-5678\n").unwrap();
    let b = v.path("b.csv");
    std::fs::write(&b, "이름,휴대폰,이메일\n길동,010-1234-5678,g@example.com\n이영희,010-5555-6666,\n").unwrap();
    v.ok(&["import", a.to_str().unwrap()]);
    let after_a = v.json(&["people"]);
    v.ok(&["import", b.to_str().unwrap()]);
    let imports = v.json(&["imports"]);
    assert_eq!(imports.as_array().unwrap().len(), 2);
    let second = imports[1]["id"].as_i64().unwrap().to_string();
    assert_eq!(imports[1]["added"]["people"], 1);
    v.ok(&["undo", &second]);
    assert_eq!(v.json(&["people"]), after_a, "undo restores the exact previous state");
    assert_eq!(v.json(&["imports"]).as_array().unwrap().len(), 1);
    // The file can be imported again after its import was undone.
    v.ok(&["import", b.to_str().unwrap()]);
    assert_eq!(v.json(&["people"]).as_array().unwrap().len(), 2);
}

/// vcard4 panics inside uriparse on `IMPP:+82:10`; Lifeboat catches that
/// panic and keeps the card. The user sees no panic message for it, only
/// the import's own output.
#[test]
fn a_caught_dependency_panic_prints_nothing() {
    let v = TestVault::new();
    let path = v.path("impp.vcf");
    std::fs::write(&path, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim\r\nIMPP:+82:10\r\nTEL:010-1234-5678\r\nEND:VCARD\r\n")
        .unwrap();
    let out = v.run(&["import", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("uriparse"), "{stderr}");
    assert!(v.ok(&["people"]).contains("Kim"));
}
