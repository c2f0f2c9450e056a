//! `lifeboat export` through the real binary: vCard round trips into a new
//! vault, the Google CSV, and the printable sheet.

mod common;

use common::TestVault;
use common::seed::{ROOM, contact_sets, seeded};

fn vcard_round_trip(version: &str) -> (String, TestVault, TestVault) {
    let a = seeded();
    let file = a.path(&format!("all-v{version}.vcf"));
    let said = a.ok(&["export", "vcard", "--version", version, "-o", file.to_str().unwrap()]);
    assert!(said.contains("Wrote 5 people"), "{said}");
    let text = std::fs::read_to_string(&file).unwrap();
    let b = TestVault::new();
    b.ok(&["import", file.to_str().unwrap()]);
    (text, a, b)
}

#[test]
fn vcard4_is_valid_and_round_trips() {
    let (text, a, b) = vcard_round_trip("4");
    let cards = vcard4::parse(&text).unwrap_or_else(|e| panic!("not valid RFC 6350: {e}\n{text}"));
    assert_eq!(cards.len(), 5);
    assert!(text.split("\r\n").all(|l| l.len() <= 75), "folded at 75 octets");
    assert!(text.contains("N:김;철수;;;\r\n"), "{text}");
    assert!(text.contains("N:Kim;Alice;;;\r\n"));
    assert!(text.contains("TEL;VALUE=uri;TYPE=cell:tel:+821012345678\r\n"), "{text}");
    assert!(text.contains("X-ABLabel:업무폰"));
    assert!(text.contains("X-TELEGRAM:cskim") && text.contains("X-LINE:alice.k"));
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("010-2222-3333: shared by 김철수 in 캡스톤 3조\\, 2022-10-15"), "{unfolded}");
    // Same people, phones and e-mails.
    assert_eq!(contact_sets(&a), contact_sets(&b));
    let kim = b.json(&["show", "김철수"]);
    let labels: Vec<&str> = kim["phones"].as_array().unwrap().iter().filter_map(|p| p["label"].as_str()).collect();
    assert!(labels.contains(&"mobile"), "{labels:?}");
    let handles: Vec<&str> =
        kim["handles"].as_array().unwrap().iter().map(|h| h["service"].as_str().unwrap()).collect();
    assert_eq!(handles, ["telegram"]);
    let park = b.json(&["show", "박민수"]);
    let labels: Vec<&str> = park["phones"].as_array().unwrap().iter().filter_map(|p| p["label"].as_str()).collect();
    assert_eq!(labels, ["home", "업무폰"]);
}

#[test]
fn vcard3_round_trips() {
    let (text, a, b) = vcard_round_trip("3");
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    assert!(text.contains("TEL;TYPE=CELL:+821012345678\r\n"));
    assert!(text.contains("ORG:Lifeboat\\; Inc\\, Seoul\r\n"));
    assert_eq!(contact_sets(&a), contact_sets(&b));
    let alice = b.json(&["show", "Alice Kim"]);
    assert_eq!(alice["handles"][0]["service"], "line");
    assert_eq!(alice["emails"][0]["label"], "home");
}

#[test]
fn vcard_of_one_group_or_one_person() {
    let a = seeded();
    let group = a.path("room.vcf");
    assert!(a.ok(&["export", "vcard", "--group", ROOM, "-o", group.to_str().unwrap()]).contains("Wrote 3 people"));
    let one = a.path("one.vcf");
    a.ok(&["export", "vcard", "--person", "Alice", "-o", one.to_str().unwrap()]);
    let text = std::fs::read_to_string(&one).unwrap();
    assert_eq!(vcard4::parse(&text).unwrap().len(), 1);
    assert!(text.contains("FN:Alice Kim"));
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&one).unwrap().permissions());
    assert_eq!(mode & 0o077, 0, "exports hold other people's numbers: owner-only");
    assert!(a.fails(&["export", "vcard", "--version", "2", "-o", one.to_str().unwrap()]).contains("2"));
}

#[test]
fn google_csv_with_bom_to_stdout_and_file() {
    let a = seeded();
    let out = a.cmd().args(["export", "csv"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with("\u{FEFF}Name,Given Name,Family Name,".as_bytes()));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let kim = rows.iter().find(|r| &r[0] == "김철수").unwrap();
    assert_eq!(&kim[col("Family Name")], "김");
    assert_eq!(&kim[col("Phone 1 - Type")], "Mobile");
    // International form with separators: `+821012345678` became a number in spreadsheets (issue 18).
    assert_eq!(&kim[col("Phone 1 - Value")], "+82 10-1234-5678");
    assert_eq!(&kim[col("E-mail 1 - Value")], "cs.kim@example.kr");
    assert!(kim[col("Group Membership")].contains(ROOM));
    let file = a.path("g.csv");
    a.ok(&["export", "csv", "-o", file.to_str().unwrap()]);
    assert_eq!(std::fs::read(&file).unwrap(), text.as_bytes());
}

#[test]
fn printable_sheet_for_a_group() {
    let a = seeded();
    let file = a.path("sheet.html");
    a.ok(&["export", "sheet", "--group", ROOM, "-o", file.to_str().unwrap()]);
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>캡스톤 3조</h1>"));
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("columns: 2"));
    // The two current members, each marked in words; the one who left listed apart.
    assert!(html.contains("● 김철수"));
    assert!(html.contains("○ 영희"));
    assert!(html.contains("이름만 — 직접 물어보세요 · name only: ask"));
    assert!(html.contains("010-1234-5678"));
    assert!(html.contains("010-2222-3333 ?"), "candidates are marked");
    assert!(html.contains("2 members, 1 reachable"));
    assert!(html.contains("left the group: 민수"));
    for external in ["http:", "https:", "src=", "@import", "url(", "<script"] {
        assert!(!html.contains(external), "not self-contained: {external}");
    }
    assert!(a.fails(&["export", "sheet", "--group", "없는 그룹", "-o", file.to_str().unwrap()]).contains("no group"));
}

#[test]
fn the_sheet_has_a_qr_code_per_reachable_member_that_a_real_decoder_reads_as_their_card() {
    let a = seeded();
    let file = a.path("sheet.html");
    a.ok(&["export", "sheet", "--group", ROOM, "-o", file.to_str().unwrap()]);
    let html = std::fs::read_to_string(&file).unwrap();
    // Numbers as people read them, not as a chat typed them.
    assert!(html.contains("010-1234-5678") && !html.contains("01012345678"), "national format");
    let codes: Vec<&str> = html.split("<svg").skip(1).map(|rest| &rest[..rest.find("</svg>").unwrap()]).collect();
    assert_eq!(codes.len(), 1, "one code: 김철수 is the only current member with a confirmed number");
    let svg = a.path("member.svg");
    let png = a.path("member.png");
    std::fs::write(&svg, format!("<svg xmlns=\"http://www.w3.org/2000/svg\"{}</svg>", codes[0])).unwrap();
    let drawn = std::process::Command::new("rsvg-convert")
        .args(["-w", "480", "-b", "white", "-o", png.to_str().unwrap(), svg.to_str().unwrap()])
        .status()
        .expect("rsvg-convert draws the code (apt-get install librsvg2-bin; scripts/setup-debian.sh installs it)");
    assert!(drawn.success());
    let read = std::process::Command::new("zbarimg")
        .args(["--quiet", "--raw", png.to_str().unwrap()])
        .output()
        .expect("zbarimg reads QR codes (apt-get install zbar-tools; scripts/setup-debian.sh installs it)");
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    let card = String::from_utf8(read.stdout).unwrap();
    assert!(card.contains("BEGIN:VCARD") && card.contains("FN:김철수"), "{card}");
    assert!(card.contains("TEL;TYPE=CELL:+821012345678"), "{card}");
    assert!(card.contains("EMAIL:cs.kim@example.kr"), "{card}");
    assert!(!card.contains("+821022223333"), "a candidate stays off the card: {card}");
}
