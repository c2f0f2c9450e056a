//! E-mails that are not addresses never reach the vault, whichever way they
//! come in: `mom@x.kr?bcc=spy@evil.example` in a vCard, a contacts CSV or a
//! chat would put a second recipient into every `mailto:` link built from it.

mod common;

use common::{TestVault, fixture};
use serde_json::Value;

/// Every e-mail the vault holds, read back through `lifeboat people --json`.
fn stored_emails(v: &TestVault) -> Vec<String> {
    let people = v.json(&["people"]);
    people
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["emails"].as_array().unwrap().iter().map(|e| e["address"].as_str().unwrap().to_owned()))
        .collect()
}

/// No stored address carries a query, a second recipient or an encoded line break.
fn assert_only_plain_addresses(emails: &[String]) {
    for e in emails {
        assert!(!e.contains(['?', '&', '%', ',', ';', '\n', '\r', ':']), "stored {e:?}");
        assert!(!e.contains("spy"), "stored {e:?}");
        assert_eq!(lifeboat::email::normalize(e).as_deref(), Some(e.as_str()), "stored {e:?}");
    }
}

fn import_json(v: &TestVault, name: &str) -> Value {
    v.json(&["import", fixture(&format!("addresses/{name}")).to_str().unwrap()])
}

#[test]
fn a_vcard_with_a_mailto_query_keeps_the_card_and_reports_the_address() {
    let v = TestVault::new();
    let report = import_json(&v, "hostile_addresses.vcf");
    let file = &report["files"][0];
    assert_eq!(file["contacts"], 3);
    assert_eq!(file["unparsed"], 2, "{file}");
    assert_eq!(file["first_unparsed"][1], "not an e-mail address: \"mom@x.kr?bcc=spy@evil.example\"");
    let emails = stored_emails(&v);
    assert_only_plain_addresses(&emails);
    let mom = v.json(&["show", "엄마"]);
    let mom_emails: Vec<&str> =
        mom["emails"].as_array().unwrap().iter().map(|e| e["address"].as_str().unwrap()).collect();
    assert_eq!(mom_emails, ["mom.work@x.kr"]);
    assert_eq!(mom["phones"][0]["raw"], "010-2345-6789", "the card's number still arrives");
    assert!(emails.contains(&"casey.jung@example.com".to_owned()));
}

#[test]
fn a_contacts_csv_with_mailto_queries_imports_every_row_and_no_query() {
    let v = TestVault::new();
    let report = import_json(&v, "hostile_addresses.csv");
    assert_eq!(report["files"][0]["contacts"], 4);
    assert_eq!(report["files"][0]["unparsed"], 3);
    let emails = stored_emails(&v);
    assert_only_plain_addresses(&emails);
    assert_eq!(emails, ["aunt@x.kr"]);
    let dad = v.json(&["show", "아빠"]);
    assert_eq!(dad["phones"][0]["raw"], "010-3456-7890");
}

#[test]
fn a_chat_sharing_a_mailto_query_yields_no_address_from_it() {
    let v = TestVault::new();
    let report = import_json(&v, "hostile_addresses_kakao.txt");
    assert_eq!(report["files"][0]["messages"], 4);
    let emails = stored_emails(&v);
    assert_only_plain_addresses(&emails);
    // Only the address shared on its own; nothing out of the two queries.
    assert_eq!(emails, ["dad@x.kr"]);
}

#[test]
fn one_bad_address_in_two_thousand_cards_does_not_refuse_the_file() {
    let v = TestVault::new();
    let mut text = String::new();
    for i in 0..2000 {
        let email = if i == 1234 { "mom@x.kr?bcc=spy@evil.example".to_owned() } else { format!("p{i}@x.kr") };
        text.push_str(&format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:사람 {i}\r\nTEL:010-7{i:03}-{i:04}\r\nEMAIL:{email}\r\nEND:VCARD\r\n"
        ));
    }
    let path = v.path("big.vcf");
    std::fs::write(&path, text).unwrap();
    let report = v.json(&["import", path.to_str().unwrap()]);
    assert_eq!(report["files"][0]["contacts"], 2000);
    assert_eq!(report["files"][0]["unparsed"], 1);
    let emails = stored_emails(&v);
    assert_eq!(emails.len(), 1999);
    assert_only_plain_addresses(&emails);
}
