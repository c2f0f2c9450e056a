//! Instagram, Telegram, LINE and Discord IDs written in chat messages: for
//! young members a handle is the number (`인스타 @abc`, `텔레그램 아이디
//! abc_12`, `line id: abc`, `디코 abc#1234`, `my insta is @abc`,
//! `t.me/abc`, `instagram.com/abc`).
//!
//! A handle is only read after a word naming its service (or in that
//! service's profile link): an `@name` alone is a mention of a room member,
//! not a share. After a word with a label (`아이디`, `id`, `:`, `@`) any
//! well-formed ID counts; after the service word alone (`인스타 abc_12`) the
//! ID must look like one (a digit, `_` or `.`), so `insta story` or `인스타
//! 10시` are not handles. Not covered: an ID written before its service word
//! (`@abc 내 인스타`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{Found, Kind, overlaps};

/// A service whose IDs are found in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Service {
    Instagram,
    Telegram,
    Line,
    Discord,
}

impl Service {
    /// The name the vault stores handles under (`handle.service`).
    pub fn as_str(self) -> &'static str {
        match self {
            Service::Instagram => "instagram",
            Service::Telegram => "telegram",
            Service::Line => "line",
            Service::Discord => "discord",
        }
    }

    /// The service a stored handle's `service` names, if it is one of these.
    pub fn from_name(name: &str) -> Option<Service> {
        [Service::Instagram, Service::Telegram, Service::Line, Service::Discord]
            .into_iter()
            .find(|s| s.as_str() == name)
    }

    /// The form two writings of one ID share: without a leading `@`,
    /// lower-case (these services ignore case), but a legacy Discord tag
    /// (`Name#1234`) as written.
    pub fn canonical(self, id: &str) -> String {
        let id = id.trim().trim_start_matches('@');
        if self == Service::Discord && id.contains('#') { id.to_owned() } else { id.to_ascii_lowercase() }
    }
}

/// How a word before an ID names its service.
#[derive(Clone, Copy, PartialEq)]
enum Says {
    /// The service's name: a label or an ID that looks like one may follow.
    Name,
    /// A short or everyday word (`ig`, `tg`, `line`): only a label may follow.
    Label,
    /// The service's profile link (`t.me/`): the ID follows right away.
    Link,
}

/// The words that name a service, lower-case (matched ASCII-case-insensitively).
#[rustfmt::skip]
const WORDS: [(&str, Service, Says); 19] = [
    ("인스타그램", Service::Instagram, Says::Name), ("인스타", Service::Instagram, Says::Name),
    ("instagram", Service::Instagram, Says::Name), ("insta", Service::Instagram, Says::Name),
    ("ig", Service::Instagram, Says::Label),
    ("instagram.com/", Service::Instagram, Says::Link), ("instagr.am/", Service::Instagram, Says::Link),
    ("텔레그램", Service::Telegram, Says::Name), ("텔레", Service::Telegram, Says::Name),
    ("telegram", Service::Telegram, Says::Name), ("tg", Service::Telegram, Says::Label),
    ("t.me/", Service::Telegram, Says::Link), ("telegram.me/", Service::Telegram, Says::Link),
    ("라인", Service::Line, Says::Name), ("line", Service::Line, Says::Label),
    ("line.me/ti/p/~", Service::Line, Says::Link),
    ("디스코드", Service::Discord, Says::Name), ("디코", Service::Discord, Says::Name),
    ("discord", Service::Discord, Says::Name),
];

static ANY_WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(WORDS.iter().map(|(w, _, _)| w))
        .expect("valid service words")
});

/// Words between a service word and the ID that label it (`아이디`, `id`,
/// `username`, `계정`); an ID after one of them needs no further sign.
const LABELS: [&str; 7] = ["아이디", "계정", "username", "user name", "user", "handle", "id"];

/// Words that may sit between a service word and the ID without labelling it.
const FILLERS: [&str; 2] = ["is", "it's"];

/// Particles glued to a Hangul service word or label (`인스타는`, `아이디요`).
const PARTICLES: [char; 9] = ['은', '는', '이', '가', '도', '에', '로', '요', '의'];

/// Everyday words a label may be followed by that are not IDs.
const NOT_IDS: [&str; 14] =
    ["is", "please", "pls", "plz", "me", "my", "the", "and", "not", "none", "same", "private", "public", "account"];

/// Profile link paths that are pages, not people (`instagram.com/p/…`, `t.me/joinchat/…`).
const NOT_PROFILES: [&str; 11] =
    ["p", "reel", "reels", "stories", "explore", "tv", "accounts", "joinchat", "addstickers", "share", "s"];

/// True when `text` names a service at all: most messages do not, and then
/// nothing else is looked at.
pub(super) fn names_a_service(text: &str) -> bool {
    ANY_WORD.is_match(text)
}

/// Every handle in `text` outside the `emails` spans, and outside the `urls`
/// spans but for a service's own profile links.
pub(super) fn find(text: &str, emails: &[(usize, usize)], urls: &[(usize, usize)]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for m in ANY_WORD.find_iter(text) {
        let (_, service, says) = WORDS[m.pattern().as_usize()];
        // `https://example.com/instagram/abc` is another site's page.
        let in_other_url = says != Says::Link && overlaps(urls, m.start(), m.end());
        if in_other_url || !word_stands(text, m.start(), m.end(), says) {
            continue;
        }
        let Some(handle) = after_word(text, m.end(), service, says) else { continue };
        if overlaps(emails, handle.start, handle.end) || found.last().is_some_and(|f| f.end > handle.start) {
            continue;
        }
        found.push(handle);
    }
    found
}

/// True when a service word stands as a word: not glued to letters (`online`,
/// `온라인`, `insta` in `instant`), a hashtag (`#인스타`) or a mention
/// (`@insta_fan`). A Hangul word may carry a particle (`인스타는`).
fn word_stands(text: &str, start: usize, end: usize, says: Says) -> bool {
    let before = text[..start].chars().next_back();
    if says == Says::Link {
        let www = start >= 4 && text.as_bytes()[start - 4..start].eq_ignore_ascii_case(b"www.");
        return www || !before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'));
    }
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '#' | '@' | '_' | '.' | '/')) {
        return false;
    }
    let word = &text[start..end];
    match text[end..].chars().next() {
        None => true,
        Some(c) if word.is_ascii() => !(c.is_ascii_alphanumeric() || c == '_' || c == '.'),
        Some(c) => !c.is_alphanumeric() || PARTICLES.contains(&c),
    }
}

/// The ID after a service word ending at `from`.
fn after_word(text: &str, from: usize, service: Service, says: Says) -> Option<Found> {
    let mut at = from;
    let mut labelled = says == Says::Link;
    if says != Says::Link {
        at = skip_particle(text, at);
        for _ in 0..4 {
            let rest = &text[at..];
            let trimmed = rest.trim_start_matches([' ', '\u{00A0}', '\t']);
            at += rest.len() - trimmed.len();
            if let Some(len) = mark(trimmed) {
                at += len;
                labelled = true;
            } else if let Some(len) = word_in(trimmed, &LABELS) {
                at = skip_particle(text, at + len);
                labelled = true;
            } else if let Some(len) = word_in(trimmed, &FILLERS) {
                at += len;
            } else {
                break;
            }
        }
    }
    let start = at;
    let mentioned = text[at..].starts_with('@');
    if mentioned && says != Says::Link {
        at += 1;
        labelled = true;
    }
    if !labelled && says == Says::Label {
        return None;
    }
    let (id, value) = id_at(text, at, service, says)?;
    let end = at + id.len();
    if !labelled && !looks_like_an_id(id) {
        return None;
    }
    Some(Found { kind: Kind::Handle(service), raw: text[start..end].to_owned(), value, start, end })
}

/// Where the text goes on after a particle glued at `at` (`는` in `인스타는`):
/// past it, or `at` when there is none.
fn skip_particle(text: &str, at: usize) -> usize {
    match text[at..].chars().next() {
        Some(c) if PARTICLES.contains(&c) => at + c.len_utf8(),
        _ => at,
    }
}

/// The length of a punctuation label (`:`, `=`, `->`, `→`) at the start of `s`.
fn mark(s: &str) -> Option<usize> {
    ["->", "=>", ":", "：", "=", "→", "-", "👉"].iter().find(|m| s.starts_with(*m)).map(|m| m.len())
}

/// The length of the word of `words` `s` starts with (ASCII-case-insensitively), when it stands as a word.
fn word_in(s: &str, words: &[&str]) -> Option<usize> {
    words.iter().map(|w| w.len()).find(|&len| {
        s.get(..len).is_some_and(|head| words.iter().any(|w| w.eq_ignore_ascii_case(head)))
            && !s[len..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// The ID written at `at` as it stands in the text, and its stored value.
fn id_at(text: &str, at: usize, service: Service, says: Says) -> Option<(&str, String)> {
    let rest = &text[at..];
    let allowed = |c: char| match service {
        Service::Instagram | Service::Discord => c.is_ascii_alphanumeric() || c == '_' || c == '.',
        Service::Telegram => c.is_ascii_alphanumeric() || c == '_',
        Service::Line => c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'),
    };
    let len = rest.find(|c: char| !allowed(c)).unwrap_or(rest.len());
    let id = rest[..len].trim_end_matches(['.', '-']);
    let after = &rest[id.len()..];
    // An e-mail (`abc@naver.com`), a domain (`abc.com`), or a path.
    let dotted = after.strip_prefix('.').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()));
    // A profile link may end in a slash (`instagram.com/abc/`), a page's path goes on.
    let path =
        after.strip_prefix('/').is_some_and(|r| says != Says::Link || r.starts_with(|c: char| c.is_alphanumeric()));
    if after.starts_with('@') || path || dotted {
        return None;
    }
    if service == Service::Discord && has_discriminator(after) {
        let tagged = &rest[..id.len() + 5];
        return well_formed(id, service, says).then(|| (tagged, service.canonical(tagged)));
    }
    well_formed(id, service, says).then(|| (id, service.canonical(id)))
}

/// True when `s` starts with a legacy Discord tag's `#` and four digits (`#1234`).
fn has_discriminator(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 5
        && b[0] == b'#'
        && b[1..5].iter().all(u8::is_ascii_digit)
        && !b.get(5).is_some_and(u8::is_ascii_alphanumeric)
}

/// True when `id` is an ID of `service` and not a word, time or amount.
fn well_formed(id: &str, service: Service, says: Says) -> bool {
    let len = id.len();
    let fits = match service {
        Service::Instagram => (1..=30).contains(&len) && !id.starts_with('.') && !id.contains(".."),
        Service::Telegram => (5..=32).contains(&len) && id.starts_with(|c: char| c.is_ascii_alphabetic()),
        Service::Line => (4..=20).contains(&len),
        Service::Discord => (2..=32).contains(&len),
    };
    let letters = id.bytes().filter(u8::is_ascii_alphabetic).count();
    // `5pm`, `10am`, `3k`: a time or an amount.
    let unit = id.starts_with(|c: char| c.is_ascii_digit())
        && letters <= 3
        && id.trim_start_matches(|c: char| c.is_ascii_digit()).bytes().all(|b| b.is_ascii_alphabetic());
    let not_page = says != Says::Link || !NOT_PROFILES.iter().any(|p| p.eq_ignore_ascii_case(id));
    fits && letters > 0 && !unit && not_page && !NOT_IDS.iter().any(|w| w.eq_ignore_ascii_case(id))
}

/// An ID written after the service word alone must look like one: with a
/// digit, `_` or `.`, or a Discord tag (`name#1234`).
fn looks_like_an_id(id: &str) -> bool {
    id.contains(|c: char| c.is_ascii_digit() || c == '_' || c == '.')
}
