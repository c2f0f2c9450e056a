use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::page::{self, State};
use super::seal::{self, Sealed};
use super::*;
use crate::model::Status as ValueStatus;
use crate::vault::{EmailView, PersonView, PhoneView};

fn phone(id: i64, raw: &str, e164: Option<&str>, status: ValueStatus) -> PhoneView {
    PhoneView {
        id,
        e164: e164.map(Into::into),
        raw: raw.into(),
        label: None,
        shown: raw.into(),
        status,
        conflict: false,
        sources: vec![],
    }
}

fn person(id: i64, name: &str, phones: Vec<PhoneView>, me: bool) -> PersonView {
    PersonView {
        id,
        name: name.into(),
        aliases: vec![],
        me,
        phones,
        emails: vec![EmailView {
            id,
            address: format!("p{id}@example.kr"),
            label: None,
            status: ValueStatus::Candidate,
            conflict: false,
            sources: vec![],
        }],
        handles: vec![],
        groups: vec![],
        org: None,
        note: None,
        birthday: None,
        uid: String::new(),
        name_parts: None,
        org_parts: Vec::new(),
    }
}

#[test]
fn the_payload_links_every_dialable_number_and_texts_everyone_but_me() {
    let people = vec![
        person(
            1,
            "김민준",
            vec![
                phone(1, "010-9999-0000", Some("+821099990000"), ValueStatus::Candidate),
                phone(2, "010-1234-5678", Some("+821012345678"), ValueStatus::Confirmed),
            ],
            false,
        ),
        person(2, "Alice", vec![phone(3, "*21*0101234#", None, ValueStatus::Confirmed)], false),
        person(3, "나", vec![phone(4, "010-5555-6666", Some("+821055556666"), ValueStatus::Confirmed)], true),
    ];
    let p = Payload::of(Some("캡스톤".into()), &people);
    let kim = &p.people[0];
    assert_eq!(kim.phones[0].tel.as_deref(), Some("tel:+821099990000"));
    assert!(kim.phones[0].candidate && !kim.phones[1].candidate);
    assert_eq!(kim.phones[1].sms.as_deref(), Some("sms:+821012345678"));
    assert_eq!(kim.emails[0].mailto.as_deref(), Some("mailto:p1@example.kr"));
    // A service code gets no link; you are not texted by "text everyone".
    assert_eq!(p.people[1].phones[0].tel, None);
    assert_eq!(p.everyone, ["+821012345678"]);
    assert_eq!(p.everyone_sms.as_deref(), Some("sms:+821012345678"));
    assert!(p.vcard.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n") && p.vcard.contains("FN:나"));
}

#[test]
fn a_sealed_payload_opens_only_with_its_key() {
    let a = seal::seal(b"010-1234-5678").unwrap();
    let b = seal::seal(b"010-1234-5678").unwrap();
    assert_eq!(a.key.len(), 43, "32 bytes in base64url");
    assert_ne!(a.key.as_str(), b.key.as_str());
    assert_ne!(a.boxed, b.boxed, "a fresh nonce and key each time");
    assert_eq!(seal::open(&a.key, &a.boxed).as_deref(), Some(&b"010-1234-5678"[..]));
    assert_eq!(seal::open(&b.key, &a.boxed), None);
    assert!(!a.boxed.windows(4).any(|w| w == b"1234"));
}

#[test]
fn vendored_tweetnacl_is_the_recorded_file() {
    let sum = hex::encode(Sha256::digest(page::NACL.as_bytes()));
    assert_eq!(sum, "3ec535c004aeeb225785d8e93fb33bf99f52e399bd7dfc01969b5629baea5131", "see vendor/PROVENANCE.md");
}

#[test]
fn the_page_carries_only_ciphertext_and_its_scripts_are_allowed_by_hash() {
    let sealed = seal::seal("김민준 010-1234-5678".as_bytes()).unwrap();
    let html = page::render(State::Ready(&sealed.boxed));
    assert!(!html.contains("김민준") && !html.contains("1234-5678"));
    assert!(!html.contains(sealed.key.as_str()));
    let csp = page::csp();
    assert!(csp.starts_with("default-src 'none'; script-src 'sha256-"));
    assert!(!csp.contains("unsafe") && !csp.contains("connect-src"));
    let gone = page::render(State::Gone);
    assert!(gone.contains("data-state=\"gone\" data-box=\"\""));
}

fn sealed() -> Sealed {
    seal::seal(b"{}").unwrap()
}

fn get(addr: std::net::SocketAddr, path: &str) -> u16 {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    text[9..12].parse().unwrap()
}

fn loopback(limits: Limits) -> Running {
    Running::bind(IpAddr::V4(Ipv4Addr::LOCALHOST), sealed(), 1, limits).unwrap()
}

#[test]
fn the_data_is_served_a_few_times_then_the_link_says_it_was_used() {
    let limits = Limits { fetches: 2, linger: Duration::from_millis(600), ..Limits::default() };
    let running = loopback(limits);
    let url = running.url().to_owned();
    let path = url.split_once(&running.addr().to_string()).unwrap().1.split('#').next().unwrap().to_owned();
    assert!(path.starts_with("/h/") && path.len() == 3 + 22, "{path}");
    let addr = running.addr();
    let client = std::thread::spawn(move || [get(addr, &path), get(addr, &path), get(addr, &path)]);
    let mut events = vec![];
    let outcome = running.serve(|e| events.push(e));
    assert_eq!(client.join().unwrap(), [200, 200, 410]);
    assert_eq!(outcome, Outcome::UsedUp);
    assert!(events.contains(&Event::Fetched { count: 2, of: 2 }));
    let status = running.status();
    assert_eq!((status.fetches, status.seconds_left, status.finished), (2, 0, true));
}

#[test]
fn wrong_paths_get_404_and_too_many_stop_the_server() {
    let running = loopback(Limits { wrong: 3, ..Limits::default() });
    let addr = running.addr();
    let client = std::thread::spawn(move || ["/", "/h/guess", "/favicon.ico"].map(|p| get(addr, p)));
    let outcome = running.serve(|_| {});
    assert_eq!(client.join().unwrap(), [404, 404, 404]);
    assert_eq!(outcome, Outcome::TooManyWrong);
    assert_eq!(running.status().wrong, 3);
    drop(running);
    std::thread::sleep(Duration::from_millis(100));
    assert!(TcpStream::connect(addr).is_err(), "the listener is closed");
}

#[test]
fn an_expired_link_is_gone_and_stop_ends_serving() {
    let limits = Limits { expires: Duration::from_millis(300), linger: Duration::from_secs(30), ..Limits::default() };
    let running = loopback(limits);
    let addr = running.addr();
    let path = format!("/h/{}", running.url().rsplit_once("/h/").unwrap().1.split('#').next().unwrap());
    let stopper = running.stopper();
    let client = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        let status = get(addr, &path);
        stopper.stop();
        status
    });
    assert_eq!(running.serve(|_| {}), Outcome::Stopped);
    assert_eq!(client.join().unwrap(), 410);
    assert_eq!(running.status().fetches, 0);
}

#[test]
fn a_public_address_is_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let vault = crate::vault::Vault::create(&dir.path().join("v"), "correct horse").unwrap();
    for public in ["0.0.0.0", "8.8.8.8", "::"] {
        let e = start(&vault, &Scope::All, Some(public.parse().unwrap()), Limits::default()).err().unwrap();
        assert!(matches!(e, HandoffError::NotPrivate { .. }), "{e}");
    }
    let e = start(&vault, &Scope::All, Some(IpAddr::V4(Ipv4Addr::LOCALHOST)), Limits::default()).err().unwrap();
    assert!(e.to_string().contains("nobody to export"), "{e}");
}
