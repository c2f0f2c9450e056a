//! `lifeboat handoff` through the real binary, bound to 127.0.0.1: a plain
//! HTTP client sees only ciphertext, and headless Chromium plays the phone
//! (Debian's `chromium`, installed by scripts/setup-debian.sh), whose
//! rendered page is checked against `show --json`.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::TestVault;
use common::seed::{ROOM, seeded};
use serde_json::Value;

/// A running `lifeboat handoff`, its link, and what it printed so far.
struct Handoff {
    child: Child,
    url: String,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Handoff {
    fn start(v: &TestVault, args: &[&str]) -> Handoff {
        let mut child = v
            .cmd()
            .arg("handoff")
            .args(args)
            .args(["--listen", "127.0.0.1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start lifeboat handoff");
        let stdout = Arc::new(Mutex::new(String::new()));
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let out = stdout.clone();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        std::thread::spawn(move || {
            for line in lines.by_ref().map_while(Result::ok) {
                if line.starts_with("http://") {
                    let _ = tx.send(line.clone());
                }
                out.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let err = stderr.clone();
        let mut pipe = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                err.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let url = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_else(|_| {
            panic!("no link printed; stderr: {}", stderr.lock().unwrap());
        });
        Handoff { child, url, stdout, stderr }
    }

    fn addr(&self) -> &str {
        self.url.trim_start_matches("http://").split('/').next().unwrap()
    }

    fn path(&self) -> &str {
        let rest = &self.url["http://".len() + self.addr().len()..];
        rest.split('#').next().unwrap()
    }

    fn key(&self) -> &str {
        self.url.split_once('#').unwrap().1
    }

    fn without_key(&self) -> &str {
        self.url.split('#').next().unwrap()
    }

    fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Wait for the process to end by itself.
    fn wait(&mut self, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.child.try_wait().unwrap().is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

impl Drop for Handoff {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A raw HTTP/1.1 GET: the status line and headers, and the body.
fn get(addr: &str, path: &str) -> (String, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").expect("a response");
    (head.to_owned(), body.to_owned())
}

/// The page as headless Chromium renders it (the phone's browser).
fn phone(url: &str, lang: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--accept-lang={lang}"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .expect("chromium runs (scripts/setup-debian.sh installs it)");
    assert!(out.status.success(), "chromium failed");
    String::from_utf8(out.stdout).unwrap()
}

/// What a page must never show in clear: every name, number and e-mail of the seed.
fn secrets(v: &TestVault) -> Vec<String> {
    let mut all = vec![];
    for p in v.json(&["people"]).as_array().unwrap() {
        all.push(p["name"].as_str().unwrap().to_owned());
        for ph in p["phones"].as_array().unwrap() {
            all.push(ph["raw"].as_str().unwrap().to_owned());
            all.extend(ph["e164"].as_str().map(str::to_owned));
        }
        for e in p["emails"].as_array().unwrap() {
            all.push(e["address"].as_str().unwrap().to_owned());
        }
    }
    all
}

fn leaks(text: &str, secrets: &[String]) -> Vec<String> {
    secrets.iter().filter(|s| text.contains(s.as_str())).cloned().collect()
}

/// What `tel:` and `sms:` carry for a stored number: E.164, else its digits.
fn dial(phone: &Value) -> String {
    match phone["e164"].as_str() {
        Some(e164) => e164.to_owned(),
        None => phone["raw"].as_str().unwrap().chars().filter(|c| c.is_ascii_digit() || *c == '+').collect(),
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn attribute<'a>(dom: &'a str, id: &str, attr: &str) -> &'a str {
    let at = dom.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id} in {dom}"));
    let tag_start = dom[..at].rfind('<').unwrap();
    let tag = &dom[tag_start..tag_start + dom[tag_start..].find('>').unwrap()];
    let value = tag.split_once(&format!("{attr}=\"")).unwrap_or_else(|| panic!("no {attr} in {tag}")).1;
    &value[..value.find('"').unwrap()]
}

#[test]
fn the_page_fetched_without_a_browser_holds_only_ciphertext_and_strict_headers() {
    let v = seeded();
    let h = Handoff::start(&v, &["--group", ROOM]);
    let url = h.url.clone();
    assert!(url.starts_with("http://127.0.0.1:") && h.path().len() == "/h/".len() + 22, "{url}");
    assert_eq!(h.key().len(), 43);
    assert!(h.stdout().contains("\u{2580}") || h.stdout().contains("\u{2584}"), "a QR code in half blocks");

    let (head, body) = get(h.addr(), h.path());
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let leaked = leaks(&body, &secrets(&v));
    assert!(leaked.is_empty(), "in clear: {leaked:?}");
    assert!(!body.contains(h.key()));
    let head = head.to_ascii_lowercase();
    assert!(head.contains("content-security-policy: default-src 'none'; script-src 'sha256-"), "{head}");
    assert!(head.contains("cache-control: no-store") && head.contains("referrer-policy: no-referrer"));
    assert!(!head.contains("unsafe-inline"));

    let (head, body) = get(h.addr(), "/h/AAAAAAAAAAAAAAAAAAAAAA");
    assert!(head.starts_with("HTTP/1.1 404"), "{head}");
    assert!(leaks(&body, &secrets(&v)).is_empty());
    std::thread::sleep(Duration::from_millis(300));
    let log = h.stderr();
    assert!(log.contains(&format!("GET {} -> 200", h.path())), "{log}");
    assert!(log.contains("GET /h/AAAAAAAAAAAAAAAAAAAAAA -> 404"), "{log}");
    assert!(!log.contains(h.key()) && !h.stdout().contains("Fetched 2"), "{log}");
    assert!(h.stdout().contains("Fetched 1 of 3 times."), "{}", h.stdout());
}

#[test]
fn a_public_address_is_refused_before_the_vault_is_opened() {
    let v = TestVault::empty();
    for public in ["8.8.8.8", "0.0.0.0", "192.0.2.2"] {
        let err = v.fails(&["handoff", "--all", "--listen", public]);
        assert!(err.contains("is not a private-network address"), "{err}");
    }
    assert!(!v.dir().exists(), "no vault was created or opened");
}

#[test]
fn too_many_wrong_paths_stop_the_server() {
    let v = seeded();
    let mut h = Handoff::start(&v, &["--all"]);
    for i in 0..20 {
        let (head, _) = get(h.addr(), &format!("/h/guess{i}"));
        assert!(head.starts_with("HTTP/1.1 404"), "{head}");
    }
    assert!(h.wait(Duration::from_secs(5)), "the server stops after 20 wrong requests");
    assert!(h.stdout().contains("too many requests for wrong addresses"), "{}", h.stdout());
    assert!(TcpStream::connect(h.addr()).is_err(), "nothing listens any more");
}

#[test]
fn chromium_as_the_phone_shows_every_name_number_and_link_of_show_json() {
    let v = seeded();
    let h = Handoff::start(&v, &["--group", ROOM]);
    let dom = phone(&h.url, "en-US");
    let members = v.json(&["people", "--group", ROOM]);
    let members = members.as_array().unwrap();
    assert!(dom.contains(&format!("<h1>{ROOM} ({})</h1>", members.len())), "{dom}");
    let mut everyone = vec![];
    for p in members {
        let name = p["name"].as_str().unwrap();
        let shown = v.json(&["show", name]);
        let card_at = dom.find(&format!("<h2 class=\"name\">{name}</h2>")).unwrap_or_else(|| panic!("{name}: {dom}"));
        let card = &dom[card_at..card_at + dom[card_at..].find("</section>").unwrap()];
        let phones = shown["phones"].as_array().unwrap();
        for ph in phones {
            let raw = ph["raw"].as_str().unwrap();
            let row_at = card.find(&format!("<span class=\"number\">{raw}</span>")).unwrap_or_else(|| panic!("{raw}"));
            let row = &card[row_at..row_at + card[row_at..].find("<div class=\"value").unwrap_or(card.len() - row_at)];
            let number = dial(ph);
            assert!(row.contains(&format!("href=\"tel:{number}\"")), "{row}");
            assert!(row.contains(&format!("href=\"sms:{number}\"")), "{row}");
            let candidate = ph["status"] == "candidate";
            assert_eq!(row.contains("class=\"candidate\""), candidate, "{raw} marked as a candidate: {row}");
        }
        for e in shown["emails"].as_array().unwrap() {
            let address = e["address"].as_str().unwrap();
            assert!(card.contains(&format!("href=\"mailto:{address}\"")), "{card}");
        }
        let confirmed_first = phones.iter().find(|ph| ph["status"] == "confirmed").or(phones.first());
        everyone.extend(confirmed_first.map(dial));
    }
    // "Text everyone": one message to every member with a number (the
    // Android form; an iPhone gets sms:/open?addresses=…).
    assert_eq!(attribute(&dom, "text-everyone", "href"), format!("sms:{}", everyone.join(",")));
    // "Add all to contacts" is exactly `export vcard --version 3` of the group.
    let href = attribute(&dom, "add-all", "href");
    let vcard = percent_decode(href.strip_prefix("data:text/vcard;charset=utf-8,").expect(href));
    let file = v.path("group.vcf");
    v.ok(&["export", "vcard", "--version", "3", "--group", ROOM, "-o", file.to_str().unwrap()]);
    assert_eq!(vcard, std::fs::read_to_string(&file).unwrap());
    assert_eq!(vcard.matches("BEGIN:VCARD").count(), members.len());
    assert!(dom.contains(&format!("Add all {} to contacts", members.len())));

    // In Korean on a Korean phone.
    let ko = phone(&h.url, "ko-KR");
    assert!(ko.contains("lang=\"ko\"") && ko.contains(">전화</a>") && ko.contains("모두에게 문자"), "{ko}");
    assert!(ko.contains("대화에서 찾은 번호"), "the candidate is marked in Korean too");

    std::thread::sleep(Duration::from_millis(300));
    let log = h.stderr();
    assert!(log.contains(&format!("GET {} -> 200", h.path())), "{log}");
    assert!(!log.contains(h.key()) && !log.contains('#'), "the server never received the key: {log}");
}

#[test]
fn used_expired_and_keyless_links_say_what_to_do_and_show_nothing() {
    let v = seeded();
    let secrets = secrets(&v);
    let h = Handoff::start(&v, &["--group", ROOM]);

    let no_key = phone(h.without_key(), "en-US");
    assert!(no_key.contains("class=\"message no-key\"") && no_key.contains("Scan the QR code"), "{no_key}");
    let wrong_key = phone(&format!("{}#{}", h.without_key(), "A".repeat(43)), "en-US");
    assert!(wrong_key.contains("class=\"message bad-key\""), "{wrong_key}");
    let used = phone(&h.url, "en-US");
    assert!(used.contains("id=\"add-all\""), "the third fetch still opens: {used}");
    let gone = phone(&h.url, "en-US");
    assert!(gone.contains("class=\"message gone\"") && gone.contains("Send to phone again"), "{gone}");
    let (head, _) = get(h.addr(), h.path());
    assert!(head.starts_with("HTTP/1.1 410"), "{head}");
    for page in [&no_key, &wrong_key, &gone] {
        let leaked = leaks(page, &secrets);
        assert!(leaked.is_empty(), "in clear: {leaked:?}");
        assert!(!page.contains("data-box=\""), "the page drops the ciphertext: {page}");
    }
    assert!(h.stdout().contains("Fetched 3 of 3 times."));

    let expiring = Handoff::start(&v, &["--group", ROOM, "--expires", "1"]);
    std::thread::sleep(Duration::from_millis(1500));
    let expired = phone(&expiring.url, "ko-KR");
    assert!(expired.contains("class=\"message gone\"") && expired.contains("만료"), "{expired}");
    assert!(leaks(&expired, &secrets).is_empty());
}
