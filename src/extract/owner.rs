//! Whose number is it? A value written in a message belongs to its sender
//! unless the message names another member next to a word for numbers or
//! addresses (`김영희 번호는 010-…`, `Alice's number is …`, `영희님 연락처 …`,
//! `contact Bob at bob@x.com`, `010-… 은 철수 번호`, `영희 인스타 @abc`). Self words (`제`, `내`,
//! `my`, `me`) closer to the value than the name keep it with the sender.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::Found;

/// How far around a value a name is looked for, in bytes (about 30 Hangul
/// syllables): names further away belong to other sentences.
const REACH: usize = 90;

/// Words that say a value is someone's number, address or handle. `'s` and
/// `의` right after a name count too (see [`possessive_after`]).
const CONTACT_WORDS: [&str; 31] = [
    "번호",
    "연락처",
    "전화",
    "폰",
    "핸펀",
    "메일",
    "멜",
    "카톡",
    "연락",
    "number",
    "phone",
    "mobile",
    "cell",
    "tel",
    "mail",
    "contact",
    "reach",
    "whatsapp",
    "digits",
    "인스타",
    "아이디",
    "텔레",
    "라인",
    "디코",
    "디스코드",
    "insta",
    "telegram",
    "discord",
    "line id",
    "handle",
    "username",
];

/// The sender speaking of themselves: `제 번호`, `내 연락처`, `저의`, `my`, `me`.
static SELF_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\p{L}])(?:(?:제|내|저의|나의|저|나)(?:\s|번호|연락처|전화|폰|핸드폰|휴대폰|메일|이메일|카톡|인스타|텔레|디코|아이디|꺼)|(?:my|me|mine|i'm|i am)(?:[^\p{L}]|$))",
    )
    .expect("valid self-word regex")
});

/// Endings allowed right after a Hangul name: honorifics, particles, `꺼`.
const HANGUL_ENDINGS: [char; 14] = ['님', '씨', '의', '이', '가', '은', '는', '꺼', '거', '한', '에', '께', '도', '야'];

/// The member a found value belongs to when the message names someone else;
/// None means the sender owns it (plain shares, `제 번호 …`, `my number …`).
pub fn named_owner<'a>(text: &str, found: &Found, members: &[&'a str], sender: &str) -> Option<&'a str> {
    Roster::new(members).owner(text, found, sender)
}

/// The ways a room's members may be written, worked out once for all of the
/// room's messages (a million-message import asks for owners thousands of times).
pub struct Roster<'a> {
    keys: Keys<'a>,
}

impl<'a> Roster<'a> {
    pub fn new(members: &[&'a str]) -> Roster<'a> {
        Roster { keys: Keys::new(keys(members)) }
    }

    /// See [`named_owner`].
    pub fn owner(&self, text: &str, found: &Found, sender: &str) -> Option<&'a str> {
        let owner = owner_before(text, found.start, &self.keys).or_else(|| owner_after(text, found.end, &self.keys))?;
        (owner != sender).then_some(owner)
    }
}

/// The keys with one automaton over all of them: a clause is scanned once to
/// learn which keys occur in it, instead of once per key (a room has dozens
/// of members, and most clauses name none of them).
struct Keys<'a> {
    keys: Vec<Key<'a>>,
    /// Pattern `i` is `keys[i].text`; None when the automaton cannot be
    /// built (too large), and then every key is searched.
    any: Option<AhoCorasick>,
}

impl<'a> Keys<'a> {
    fn new(keys: Vec<Key<'a>>) -> Keys<'a> {
        let any = AhoCorasick::new(keys.iter().map(|k| k.text.as_str())).ok();
        Keys { keys, any }
    }

    /// Whether each key occurs somewhere in `span`, by key index.
    fn present(&self, span: &str) -> Vec<bool> {
        let Some(any) = &self.any else { return vec![true; self.keys.len()] };
        let mut present = vec![false; self.keys.len()];
        for m in any.find_overlapping_iter(span) {
            present[m.pattern().as_usize()] = true;
        }
        present
    }
}

/// A way a member may be written, lower-cased, with the member it names.
struct Key<'a> {
    text: String,
    member: &'a str,
}

/// Every member's full name, plus the name without its suffix (`김민준(팀장)`
/// → `김민준`, `이서연 선배` → `이서연`) and a given name (`영희` for
/// `김영희`) when they point to that member only: `김명제` is nobody's when
/// both `김명제(팀장)` and `김명제[조교]` are in the room. Longest first.
fn keys<'a>(members: &[&'a str]) -> Vec<Key<'a>> {
    let mut full: Vec<Key<'a>> = Vec::new();
    let mut short: Vec<Key<'a>> = Vec::new();
    for &member in members {
        let name = member.trim().to_ascii_lowercase();
        let core = core_name(&name);
        let given = given_name(core);
        for text in [Some(core), given].into_iter().flatten() {
            if text != name && !text.is_empty() {
                short.push(Key { text: text.to_owned(), member });
            }
        }
        if !name.is_empty() {
            full.push(Key { text: name, member });
        }
    }
    let shared: Vec<bool> =
        short.iter().map(|k| full.iter().chain(&short).any(|o| o.text == k.text && o.member != k.member)).collect();
    let mut keys = full;
    keys.extend(short.into_iter().zip(shared).filter(|(_, shared)| !shared).map(|(k, _)| k));
    keys.sort_by_key(|k| std::cmp::Reverse(k.text.len()));
    keys
}

/// A display name without a trailing title, tag or emoji: `김민준(팀장)`,
/// `박지호[조교]`, `최도윤_간호사`, `이서연 선배`, `정하은 🐣` all give the
/// plain name, `chris jung 선배` gives `chris jung`. Latin names (`alex
/// kim`) are otherwise kept whole.
fn core_name(name: &str) -> &str {
    let mut core = name;
    if let Some(p) = core.find(['(', '[', '_']) {
        core = &core[..p];
    }
    core = core.trim_end_matches(|c: char| !c.is_alphanumeric());
    // A Korean title after a Latin name: `chris jung 선배`.
    if let Some((head, tail)) = core.rsplit_once(' ')
        && is_hangul_word(tail)
        && head.chars().any(|c| c.is_ascii_alphabetic())
    {
        core = head.trim_end();
    }
    if let Some((first, _)) = core.split_once(' ')
        && is_hangul_word(first)
        && (2..=4).contains(&first.chars().count())
    {
        core = first;
    }
    core
}

/// The given name of a three- or four-syllable Hangul name (`김영희` →
/// `영희`) or the first name of a Latin one (`alice park` → `alice`).
fn given_name(core: &str) -> Option<&str> {
    let count = core.chars().count();
    if is_hangul_word(core) && (3..=4).contains(&count) {
        let cut = core.char_indices().nth(count - 2).map(|(i, _)| i)?;
        return Some(&core[cut..]);
    }
    let (first, _) = core.split_once(' ')?;
    (first.len() >= 2 && core.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')).then_some(first)
}

fn is_hangul_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_hangul)
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// A key occurrence in a lower-cased span, with its byte range.
struct Mention<'a> {
    member: &'a str,
    start: usize,
    end: usize,
}

/// Mentions of members in `span`, longest key first at each place.
fn mentions<'a>(span: &str, keys: &Keys<'a>) -> Vec<Mention<'a>> {
    let mut found: Vec<Mention<'a>> = Vec::new();
    let present = keys.present(span);
    for (key, _) in keys.keys.iter().zip(present).filter(|&(_, present)| present) {
        for (start, _) in span.match_indices(key.text.as_str()) {
            let end = start + key.text.len();
            let taken = found.iter().any(|m| start < m.end && m.start < end);
            if !taken && bounded(span, start, end, &key.text) {
                found.push(Mention { member: key.member, start, end });
            }
        }
    }
    found
}

/// True when the key at `[start, end)` of `span` stands as a word: not glued
/// to letters before it, and followed by a non-letter or a Hangul ending.
fn bounded(span: &str, start: usize, end: usize, key: &str) -> bool {
    let before = span[..start].chars().next_back();
    let after = span[end..].chars().next();
    let last = key.chars().next_back();
    let glued_before = before.is_some_and(|c| is_hangul(c) || c.is_ascii_alphanumeric());
    let glued_after = match after {
        None => false,
        Some(c) if last.is_some_and(is_hangul) => is_hangul(c) && !HANGUL_ENDINGS.contains(&c),
        Some(c) => c.is_ascii_alphanumeric(),
    };
    !glued_before && !glued_after
}

/// The lower-cased text of `[from, to)`, cut to the part of its line after
/// the last other value (a run of four digits or an `@`) and the last
/// sentence end.
fn clause_before(text: &str, to: usize) -> String {
    let from = text.floor_char_boundary(to.saturating_sub(REACH));
    let mut span = &text[from..to];
    let cut = span
        .char_indices()
        .zip(span.chars().skip(1).chain(std::iter::once(' ')))
        .filter(|&((_, c), next)| c == '\n' || c == '@' || (matches!(c, '.' | '!' | '?') && next.is_whitespace()))
        .map(|((i, c), _)| i + c.len_utf8())
        .max()
        .unwrap_or(0);
    span = &span[cut..];
    if let Some(end) = last_digit_run(span, 4) {
        span = &span[end..];
    }
    span.to_ascii_lowercase()
}

/// The lower-cased rest of the value's sentence after `from`, up to the next
/// value or sentence end.
fn clause_after(text: &str, from: usize) -> String {
    let to = text.floor_char_boundary((from + REACH).min(text.len()));
    let span = &text[from..to];
    let mut end = span.len();
    let mut digits = 0;
    for (i, c) in span.char_indices() {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        if c == '\n' || c == '@' || matches!(c, '.' | '!' | '?') || digits >= 4 {
            end = i;
            break;
        }
    }
    span[..end].to_ascii_lowercase()
}

/// The end of the last run of at least `min` ASCII digits in `s`.
fn last_digit_run(s: &str, min: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut last = None;
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
            if run >= min && bytes.get(i + 1).is_none_or(|n| !n.is_ascii_digit()) {
                last = Some(i + 1);
            }
        } else {
            run = 0;
        }
    }
    last
}

/// The member named before the value: the mention closest to it, when the
/// clause has a contact word (before or after the name) or the name labels
/// the value, and no self word comes after the name.
fn owner_before<'a>(text: &str, start: usize, keys: &Keys<'a>) -> Option<&'a str> {
    let clause = clause_before(text, start);
    let mention = mentions(&clause, keys).into_iter().max_by_key(|m| (m.end, m.end - m.start))?;
    let self_after = SELF_WORDS.find_iter(&clause).any(|m| m.end() > mention.end);
    let rest = &clause[mention.end..];
    let contact = CONTACT_WORDS.iter().any(|w| clause.contains(w)) || possessive_after(rest);
    // A list of contacts: `Alice: 010-…`, `영희님 : a@b.com`.
    let labelled = matches!(rest.trim_start_matches(['님', '씨']).trim(), ":" | "：");
    ((contact || labelled) && !self_after).then_some(mention.member)
}

/// The member named after the value (`010-… 은 철수 번호`, `… is Alice's`,
/// `…(영희)`): only with a possessive or contact word right after the name.
fn owner_after<'a>(text: &str, end: usize, keys: &Keys<'a>) -> Option<&'a str> {
    let clause = clause_after(text, end);
    let mention = mentions(&clause, keys).into_iter().min_by_key(|m| m.start)?;
    if SELF_WORDS.find_iter(&clause).any(|m| m.start() < mention.start) {
        return None;
    }
    let rest = &clause[mention.end..];
    let wrapped = clause[..mention.start].trim_end().ends_with('(') && rest.trim_start().starts_with(')');
    let named = possessive_after(rest) || CONTACT_WORDS.iter().any(|w| rest.contains(w));
    (wrapped || named).then_some(mention.member)
}

/// True when `rest` starts with a possessive: `'s`, `’s`, `의`, `꺼`, `거`
/// (after an optional honorific).
fn possessive_after(rest: &str) -> bool {
    let rest = rest.trim_start_matches(['님', '씨']);
    ["'s", "’s", "의", "꺼", "거"].iter().any(|p| rest.starts_with(p))
}
