//! Finding the phone numbers, e-mail addresses and messenger handles people
//! write in chat messages, so a chat import can propose who is reachable
//! where.
//!
//! The vault calls [`find`] on every message of an import (a million messages
//! within about a second), so a cheap byte scan rejects most messages before
//! any regex runs. Phones are found by a scanner over digit groups
//! ([`phones`]) and kept only when [`phone::to_e164`] accepts them (or they
//! are Korean `010` mobiles newer than its metadata): chat text is full of
//! dates, amounts, times and order numbers. Handles are read after a word
//! naming their service ([`handles`]). [`named_owner`]
//! decides whether a value belongs to the sender or to a member the message
//! names. Numbers typed in full-width digits are folded to ASCII first
//! ([`fullwidth`]). Not covered: numbers spelled in words and addresses
//! with non-ASCII domains.

mod fullwidth;
mod handles;
mod owner;
mod phones;

use std::sync::LazyLock;

use regex::Regex;

use crate::phone;

pub use handles::Service;
pub use owner::{Roster, named_owner};

/// What was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Phone,
    Email,
    /// An Instagram, Telegram, LINE or Discord ID ([`handles`]).
    Handle(Service),
}

/// One phone number, e-mail address or handle in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    /// The text as written (`010.1234.5678`, `Kim@Naver.com`).
    pub raw: String,
    /// E.164 for phones (`+821012345678`), [`crate::email::normalize`]d for
    /// e-mails, the ID without `@` for handles (lower-case but for a legacy
    /// Discord tag, `Name#1234`).
    pub value: String,
    /// Byte range of `raw` in the message.
    pub start: usize,
    pub end: usize,
}

/// Messages with fewer ASCII digits than this and no `@` hold no phone or
/// e-mail: the shortest dialable number has seven digits.
const MIN_DIGITS: usize = 7;

/// Web addresses: digits and `@` inside them are never contacts.
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:https?://|www\.)[^\s<>]+").expect("valid URL regex"));

/// An e-mail address: ASCII local part, dotted domain, alphabetic TLD. The
/// classes stop at Hangul, so particles glued after the address
/// (`abc@naver.com으로`) and trailing punctuation are left out.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}")
        .expect("valid e-mail regex")
});

/// Every phone number, e-mail and handle in `text`, in order. Phones that do
/// not normalize to E.164 are not reported (chat text is full of digits).
pub fn find(text: &str, region: phone::Region) -> Vec<Found> {
    let Some((folded, from)) = fullwidth::fold(text) else { return find_ascii(text, region) };
    let mut found = find_ascii(&folded, region);
    for f in &mut found {
        (f.start, f.end) = (from[f.start], from[f.end]);
        f.raw = text[f.start..f.end].to_owned();
    }
    found
}

/// [`find`] in a text whose digits are ASCII.
fn find_ascii(text: &str, region: phone::Region) -> Vec<Found> {
    let (digits, at) = census(text);
    let names_a_service = handles::names_a_service(text);
    if digits < MIN_DIGITS && !at && !names_a_service {
        return Vec::new();
    }
    // Spans whose digits and `@` belong to something else.
    let urls: Vec<(usize, usize)> = URL.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let mut found = Vec::new();
    if at {
        for m in EMAIL.find_iter(text) {
            if let Some(email) = email_at(text, m.start(), m.end(), &urls) {
                found.push(email);
            }
        }
    }
    let emails: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
    let handles = if names_a_service { handles::find(text, &emails, &urls) } else { Vec::new() };
    if digits >= MIN_DIGITS {
        let masked: Vec<(usize, usize)> =
            urls.iter().chain(&emails).copied().chain(handles.iter().map(|f| (f.start, f.end))).collect();
        found.extend(phones::find(text, region, &masked));
    }
    found.extend(handles);
    found.sort_by_key(|f| f.start);
    found
}

/// The number of ASCII digits and whether an `@` occurs: one pass over bytes.
/// Digits are counted in a byte per chunk of 255, so the loop runs on whole
/// vectors of bytes instead of widening each one to a `usize`.
fn census(text: &str) -> (usize, bool) {
    let mut digits = 0;
    let mut at = false;
    for chunk in text.as_bytes().chunks(usize::from(u8::MAX)) {
        let mut count = 0u8;
        for &b in chunk {
            count += u8::from(b.is_ascii_digit());
            at |= b == b'@';
        }
        digits += usize::from(count);
    }
    (digits, at)
}

/// True when `[start, end)` overlaps one of `spans`.
fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    spans.iter().any(|&(s, e)| start < e && s < end)
}

/// The e-mail matched at `[start, end)`, trimmed to a valid local part, or
/// None inside a URL (`https://x.com/@user`, `http://user@host`).
fn email_at(text: &str, start: usize, end: usize, urls: &[(usize, usize)]) -> Option<Found> {
    if overlaps(urls, start, end) {
        return None;
    }
    let matched = &text[start..end];
    let at = matched.find('@')?;
    // A local part never starts with a dot: `...abc@x.com` is `abc@x.com`.
    let lead = matched[..at].len() - matched[..at].trim_start_matches(['.', '-', '+']).len();
    let (local, _) = matched[lead..].split_once('@')?;
    if local.is_empty() || local.ends_with('.') || local.contains("..") {
        return None;
    }
    let raw = &matched[lead..];
    if in_mailto_query(text, start + lead, end) {
        return None;
    }
    let value = crate::email::normalize(raw)?;
    Some(Found { kind: Kind::Email, raw: raw.to_owned(), value, start: start + lead, end })
}

/// True when `[start, end)` is part of a `mailto:` query: followed by
/// `?key=` or `&key=` (`mom@x.kr?bcc=…`), or the value of such a key
/// (`…?bcc=spy@evil.example`). Neither is an address someone shared.
fn in_mailto_query(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let key_follows = after.strip_prefix(['?', '&']).is_some_and(|rest| {
        let key = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
        key > 0 && rest[key..].starts_with('=')
    });
    let before = text[..start].rsplit(char::is_whitespace).next().unwrap_or("");
    key_follows || (before.ends_with('=') && before.contains(['?', '&']))
}

#[cfg(test)]
mod generator_tests;
#[cfg(test)]
mod handle_tests;
#[cfg(test)]
mod tests;
