//! The exports read by real address books and spreadsheets, through the real
//! `lifeboat` binary: khard lists every card with its phones, Python vobject
//! and ez-vcard read 3.0 and 4.0 without a warning and give back every name,
//! UID, phone, e-mail and birthday, and Gnumeric opens the CSV with Korean
//! intact, no formula cell and every phone as text.
//!
//! The tools are Debian packages that `scripts/setup-debian.sh` installs; a
//! missing one fails the test with the package to install, never skips it.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::TestVault;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/address_books/contacts.vcf");
const TOOLS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/address_books");
const EZ_VCARD: [&str; 2] = ["/usr/share/java/ez-vcard.jar", "/usr/share/java/vinnie.jar"];

/// What every reader must give back for each card of the fixture.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Card {
    name: String,
    family: String,
    given: String,
    phones: BTreeSet<String>,
    emails: BTreeSet<String>,
    birthday: Option<String>,
}

fn card(name: &str, family: &str, given: &str, phones: &[&str], emails: &[&str], birthday: Option<&str>) -> Card {
    Card {
        name: name.into(),
        family: family.into(),
        given: given.into(),
        phones: phones.iter().map(|s| s.to_string()).collect(),
        emails: emails.iter().map(|s| s.to_string()).collect(),
        birthday: birthday.map(Into::into),
    }
}

fn truth() -> BTreeSet<Card> {
    [
        card("남궁서연", "남궁", "서연", &["+821012345678"], &["seoyeon@example.kr"], Some("1922-03-10")),
        card("정서윤 교수님", "정", "서윤", &["+8228801234"], &[], Some("--02-03")),
        card(
            "Mr. John Richter, James Doe Sr.",
            "Doe",
            "John",
            &["+14186569254 ext 102"],
            &["john.doe@example.com"],
            Some("1980-03-22"),
        ),
        card("이하늘(3조)🐣", "이", "하늘", &["+821022223333"], &["haneul@example.kr", "-2+3@x.com"], None),
    ]
    .into_iter()
    .collect()
}

/// The fixture imported into a new vault and exported as 4.0, 3.0 and CSV.
struct Exports {
    vault: TestVault,
    v4: PathBuf,
    v3: PathBuf,
    csv: PathBuf,
}

fn exports() -> Exports {
    let vault = TestVault::new();
    let said = vault.ok(&["import", FIXTURE]);
    assert!(said.contains("not a phone number: \\\"=1+2\\\""), "the importer reports what is no number:\n{said}");
    let (v4, v3, csv) = (vault.path("all4.vcf"), vault.path("all3.vcf"), vault.path("all.csv"));
    vault.ok(&["export", "vcard", "--version", "4", "-o", v4.to_str().unwrap()]);
    vault.ok(&["export", "vcard", "--version", "3", "-o", v3.to_str().unwrap()]);
    vault.ok(&["export", "csv", "-o", csv.to_str().unwrap()]);
    for file in [&v4, &v3] {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(text.contains("\r\nORG:TheCompany;TheDepartment\r\n"), "a structured ORG stays structured:\n{text}");
    }
    let v4_text = std::fs::read_to_string(&v4).unwrap();
    assert!(
        v4_text.contains("TEL;VALUE=uri;TYPE=work,cell,voice,video,text:tel:+14186569254;ext=102\r\n"),
        "a TYPE list is kept whole:\n{v4_text}"
    );
    Exports { vault, v4, v3, csv }
}

/// Your own backup, restored into a new vault, gives back the same cards:
/// structured ORG, TYPE lists, N, UID and birthdays included.
#[test]
fn a_backup_restores_the_same_cards() {
    let Exports { vault, v4, .. } = exports();
    let backup = vault.path("all.age");
    let pass = [("LIFEBOAT_BACKUP_PASSPHRASE", "backup passphrase 백업")];
    common::seed::ok_with(&vault, &["backup", "create", "-o", backup.to_str().unwrap()], &pass);
    let other = TestVault::new();
    common::same_signer(&vault, &other);
    common::seed::ok_with(&other, &["backup", "restore", backup.to_str().unwrap()], &pass);
    let again = other.path("again4.vcf");
    other.ok(&["export", "vcard", "--version", "4", "-o", again.to_str().unwrap()]);
    let cards = |path: &Path| -> BTreeSet<String> {
        let text = std::fs::read_to_string(path).unwrap().replace("\r\n ", "");
        text.split("BEGIN:VCARD").map(|c| c.lines().filter(|l| !l.starts_with("NOTE:")).collect()).collect()
    };
    assert_eq!(cards(&again), cards(&v4));
}

/// Run a tool; a missing one fails loudly with what to install.
fn run(program: &str, args: &[&str], package: &str) -> String {
    let out = Command::new(program).args(args).env("TZ", "UTC").output().unwrap_or_else(|e| {
        panic!("{program} is needed by this test ({e}): run scripts/setup-debian.sh or `apt-get install {package}`")
    });
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{program} {args:?} failed:\n{stdout}\n{stderr}");
    assert!(
        !stderr.to_lowercase().contains("warn") && !stderr.to_lowercase().contains("error"),
        "{program} {args:?} complained:\n{stderr}"
    );
    stdout
}

/// `1980-03-22` or `--02-03` from the forms readers give back
/// (`19800322`, `--0203`, Apple's year 1604 for "no year").
fn date(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        4 if text.starts_with("--") => format!("--{}-{}", &digits[..2], &digits[2..]),
        8 if digits.starts_with("1604") => format!("--{}-{}", &digits[4..6], &digits[6..]),
        8 => format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..]),
        _ => text.to_owned(),
    }
}

/// `tel:+14186569254;ext=102` and `+14186569254 ext. 102` alike.
fn phone(text: &str) -> String {
    text.trim_start_matches("tel:").replace(";ext=", " ext ").replace(" ext. ", " ext ")
}

/// The cards in a reader's `CARD` / `FN …` / `TEL …` lines; fails on any WARNING.
fn cards_in(output: &str, reader: &str) -> (BTreeSet<Card>, Vec<String>) {
    let warnings: Vec<&str> = output.lines().filter(|l| l.starts_with("WARNING")).collect();
    assert!(warnings.is_empty(), "{reader} warned:\n{}", warnings.join("\n"));
    let (mut cards, mut uids) = (Vec::new(), Vec::new());
    for line in output.lines() {
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        if key == "CARD" {
            cards.push(card("", "", "", &[], &[], None));
            continue;
        }
        let c = cards.last_mut().unwrap_or_else(|| panic!("{reader}: {line:?} before a card"));
        match key {
            "FN" => c.name = value.into(),
            "UID" => uids.push(value.to_owned()),
            "N" => {
                let (family, given) = value.split_once('|').unwrap_or((value, ""));
                (c.family, c.given) = (family.into(), given.into());
            }
            "TEL" => _ = c.phones.insert(phone(value)),
            "EMAIL" => _ = c.emails.insert(value.into()),
            "BDAY" => c.birthday = Some(date(value)),
            _ => panic!("{reader}: unexpected {line:?}"),
        }
    }
    (cards.into_iter().collect(), uids)
}

/// Every card has a UID, all different, and the fixture's own UID is kept.
fn check_uids(uids: &[String], reader: &str) {
    assert_eq!(uids.len(), truth().len(), "{reader}: {uids:?}");
    assert!(uids.iter().all(|u| !u.is_empty()), "{reader}: a card without UID: {uids:?}");
    assert_eq!(uids.iter().collect::<BTreeSet<_>>().len(), uids.len(), "{reader}: UIDs repeat: {uids:?}");
    assert!(uids.contains(&"urn:uuid:0c7d3f6e-5b2a-4c1e-9f3d-2a6b8c9d0e1f".to_owned()), "{reader}: {uids:?}");
}

fn python_with_vobject() -> String {
    for python in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(python).args(["-c", "import vobject"]).output().is_ok_and(|o| o.status.success());
        if ok {
            return python.to_owned();
        }
    }
    panic!("Python vobject is needed by this test: run scripts/setup-debian.sh or `apt-get install python3-vobject`")
}

#[test]
fn python_vobject_reads_both_versions_whole() {
    let e = exports();
    let python = python_with_vobject();
    let script = format!("{TOOLS}/vobject_check.py");
    for file in [&e.v4, &e.v3] {
        let out = run(&python, &[&script, file.to_str().unwrap()], "python3-vobject");
        let reader = format!("vobject on {}", file.display());
        let (cards, uids) = cards_in(&out, &reader);
        assert_eq!(cards, truth(), "{reader}:\n{out}");
        check_uids(&uids, &reader);
    }
}

#[test]
fn ez_vcard_reads_both_versions_whole() {
    let e = exports();
    for jar in EZ_VCARD {
        assert!(
            Path::new(jar).exists(),
            "{jar} is needed by this test: run scripts/setup-debian.sh or `apt-get install libez-vcard-java libvinnie-java`"
        );
    }
    let classes = e.vault.path("classes");
    let classpath = EZ_VCARD.join(":");
    let source = format!("{TOOLS}/Check.java");
    run("javac", &["-nowarn", "-cp", &classpath, "-d", classes.to_str().unwrap(), &source], "default-jdk-headless");
    let classpath = format!("{classpath}:{}", classes.display());
    for file in [&e.v4, &e.v3] {
        let out = run("java", &["-cp", &classpath, "Check", file.to_str().unwrap()], "default-jdk-headless");
        let reader = format!("ez-vcard on {}", file.display());
        let (cards, uids) = cards_in(&out, &reader);
        assert_eq!(cards, truth(), "{reader}:\n{out}");
        check_uids(&uids, &reader);
    }
}

#[test]
fn khard_lists_every_card_with_its_phones() {
    let e = exports();
    for (version, file) in [("4", &e.v4), ("3", &e.v3)] {
        // khard reads a vdir: one card per file.
        let book = e.vault.path(&format!("book{version}"));
        std::fs::create_dir(&book).unwrap();
        let text = std::fs::read_to_string(file).unwrap();
        for (i, body) in text.split("BEGIN:VCARD\r\n").filter(|c| !c.is_empty()).enumerate() {
            std::fs::write(book.join(format!("{i}.vcf")), format!("BEGIN:VCARD\r\n{body}")).unwrap();
        }
        let config = e.vault.path(&format!("khard{version}.conf"));
        std::fs::write(
            &config,
            format!(
                "[addressbooks]\n[[lifeboat]]\npath = {}\n\n[general]\ndebug = no\ndefault_action = list\neditor = /bin/true\nmerge_editor = /bin/true\n",
                book.display()
            ),
        )
        .unwrap();
        let khard = |args: &[&str]| {
            let mut all = vec!["-c", config.to_str().unwrap()];
            all.extend(args);
            run("khard", &all, "khard")
        };
        let listed = khard(&["list", "--parsable"]);
        assert_eq!(listed.lines().count(), truth().len(), "khard lists every card (4.{version}):\n{listed}");
        for family in ["남궁", "정", "Doe", "이"] {
            assert!(listed.contains(family), "{family} in khard's list:\n{listed}");
        }
        let phones: BTreeSet<String> =
            khard(&["phone", "--parsable"]).lines().filter_map(|l| l.split('\t').next()).map(phone).collect();
        let want: BTreeSet<String> = truth().iter().flat_map(|c| c.phones.clone()).collect();
        assert_eq!(phones, want, "khard's phones (vCard {version})");
    }
}

#[test]
fn gnumeric_opens_the_csv_as_text_without_formulas() {
    let e = exports();
    let sheet = e.vault.path("all.gnumeric");
    run("ssconvert", &[e.csv.to_str().unwrap(), sheet.to_str().unwrap()], "gnumeric");
    let xml = gunzip(&sheet);
    // <gnm:Cell Row="1" Col="13" ValueType="60">+82 10-1234-5678</gnm:Cell>
    let cells: Vec<(u32, u32, Option<u32>, String)> = xml
        .split("<gnm:Cell ")
        .skip(1)
        .filter_map(|c| {
            let (attrs, rest) = c.split_once('>')?;
            let value = rest.split("</gnm:Cell>").next()?.to_owned();
            let attr = |name: &str| {
                attrs.split(&format!("{name}=\"")).nth(1).and_then(|v| v.split('"').next()).and_then(|v| v.parse().ok())
            };
            Some((attr("Row")?, attr("Col")?, attr("ValueType"), value))
        })
        .collect();
    assert!(!cells.is_empty(), "Gnumeric read no cells:\n{xml}");
    for (row, col, kind, value) in &cells {
        assert!(kind.is_some(), "a formula cell at row {row}, column {col}: {value}");
    }
    let header: Vec<&String> = cells.iter().filter(|c| c.0 == 0).map(|c| &c.3).collect();
    let phone_columns: BTreeSet<u32> =
        cells.iter().filter(|c| c.0 == 0 && c.3.starts_with("Phone") && c.3.ends_with("Value")).map(|c| c.1).collect();
    assert!(!phone_columns.is_empty(), "{header:?}");
    let mut phones = BTreeSet::new();
    for (row, col, kind, value) in cells.iter().filter(|c| c.0 > 0 && phone_columns.contains(&c.1)) {
        assert_eq!(*kind, Some(60), "the phone at row {row}, column {col} is text, not {value}");
        phones.insert(value.replace(['-', ' '], "").replace("ext.", " ext "));
    }
    let want: BTreeSet<String> = truth().iter().flat_map(|c| c.phones.clone()).collect();
    assert_eq!(phones, want);
    let names: BTreeSet<&str> = cells.iter().filter(|c| c.0 > 0 && c.1 == 0).map(|c| c.3.as_str()).collect();
    let want: BTreeSet<String> = truth().iter().map(|c| c.name.clone()).collect();
    assert_eq!(names, want.iter().map(String::as_str).collect(), "Korean intact");
    assert!(cells.iter().any(|c| c.3 == "-2+3@x.com" && c.2 == Some(60)), "the guarded e-mail reads as itself");
}

fn gunzip(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut text = String::new();
    use std::io::Read;
    flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text).unwrap();
    text
}
