//! Consistent replacements: each member name becomes `Member N`, each digit run
//! the same scrambled run everywhere, and free text its shape.

use std::collections::HashMap;

use crate::import::Collected;
use crate::model::{Speaker, is_not_a_person};
use crate::text::nfc;

pub(super) struct Pseudonyms {
    /// Original → pseudonym, longest original first (so a name containing
    /// another is replaced whole).
    names: Vec<(String, String)>,
    digits: HashMap<String, String>,
    seed: u64,
}

impl Pseudonyms {
    pub(super) fn new(records: &Collected) -> Pseudonyms {
        let mut seed = [0u8; 8];
        // A fresh seed per copy: scrambled digits cannot be mapped back by redacting twice.
        let _ = getrandom::getrandom(&mut seed);
        let mut p = Pseudonyms { names: Vec::new(), digits: HashMap::new(), seed: u64::from_le_bytes(seed) };
        let speakers = records
            .messages
            .iter()
            .map(|m| &m.sender)
            .chain(records.events.iter().flat_map(|e| e.actor.iter().chain(e.subjects.iter())));
        let mut members = 0;
        for s in speakers {
            let name = nfc(&s.name);
            if keeps_name(s) || p.names.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let pseudonym = if looks_like_number(&name) {
                p.scramble_digits(&name)
            } else {
                members += 1;
                format!("Member {members}")
            };
            p.names.push((name, pseudonym));
        }
        for (i, room) in records.rooms.iter().enumerate() {
            let name = nfc(&room.name);
            if !name.trim().is_empty() && !p.names.iter().any(|(n, _)| *n == name) {
                p.names.push((name, format!("Room {}", i + 1)));
            }
        }
        p.names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        p
    }

    pub(super) fn count(&self) -> usize {
        self.names.len()
    }

    /// The pseudonym of a known name (member or room).
    pub(super) fn name(&self, name: &str) -> Option<&str> {
        self.names.iter().find(|(n, _)| n == name).map(|(_, p)| p.as_str())
    }

    /// Text that is not a message: every known name replaced in one pass,
    /// e-mails and phone-like digit runs scrambled, everything else kept.
    pub(super) fn structural(&mut self, line: &str) -> String {
        let mut out = String::with_capacity(line.len());
        let mut i = 0;
        'scan: while i < line.len() {
            for (name, pseudonym) in &self.names {
                if line[i..].starts_with(name.as_str()) && bounded(line, i, i + name.len()) {
                    out.push_str(pseudonym);
                    i += name.len();
                    continue 'scan;
                }
            }
            let rest = &line[i..];
            let token_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..token_len];
            if token.contains('@') && token.contains('.') && (i == 0 || line[..i].ends_with(char::is_whitespace)) {
                out.push_str(&self.shape(token));
                i += token_len;
                continue;
            }
            let (run, phone) = number_run(rest);
            if run > 0 {
                // Dates and times are structure; only phone-like runs are scrambled.
                let text = &rest[..run];
                let replaced = if phone { self.scramble_digits(text) } else { text.to_owned() };
                out.push_str(&replaced);
                i += run;
                continue;
            }
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
        out
    }

    /// A message's text reduced to its shape: Hangul → 가, jamo → ㅇ, Latin →
    /// x/X, other letters → ㅁ, digits scrambled; spaces, punctuation and
    /// emoji kept.
    pub(super) fn shape(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut run = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() {
                run.push(c);
                continue;
            }
            if !run.is_empty() {
                out.push_str(&self.scramble_digits(&std::mem::take(&mut run)));
            }
            out.push(match c {
                '\u{AC00}'..='\u{D7A3}' => '가',
                '\u{3131}'..='\u{318E}' => 'ㅇ',
                'a'..='z' => 'x',
                'A'..='Z' => 'X',
                c if c.is_alphabetic() => 'ㅁ',
                c => c,
            });
        }
        if !run.is_empty() {
            out.push_str(&self.scramble_digits(&run));
        }
        out
    }

    /// The same digits always become the same other digits (non-digits kept).
    pub(super) fn scramble_digits(&mut self, text: &str) -> String {
        if let Some(done) = self.digits.get(text) {
            return done.clone();
        }
        let mut state = self.seed ^ fnv(text.as_bytes());
        let scrambled: String = text
            .chars()
            .map(|c| {
                if !c.is_ascii_digit() {
                    return c;
                }
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let d = (state >> 33) % 9;
                // Never the original digit: nothing of the number survives.
                let original = c as u64 - '0' as u64;
                char::from(b'0' + ((original + 1 + d) % 10) as u8)
            })
            .collect();
        self.digits.insert(text.to_owned(), scrambled.clone());
        scrambled
    }
}

/// Labels for the exporter and names that stand for nobody keep their meaning.
fn keeps_name(s: &Speaker) -> bool {
    s.me || is_not_a_person(&s.name)
}

fn looks_like_number(name: &str) -> bool {
    let digits = name.chars().filter(|c| c.is_ascii_digit()).count();
    digits >= 7 && !name.chars().any(|c| c.is_alphabetic())
}

/// A Latin name must not be found inside a longer word (`Jo` in `Joined`).
fn bounded(line: &str, start: usize, end: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let first = line[start..].chars().next();
    let last = line[..end].chars().next_back();
    let before = line[..start].chars().next_back();
    let after = line[end..].chars().next();
    let inside_word = (alnum(first) && alnum(before)) || (alnum(last) && alnum(after));
    !inside_word
}

/// The run of digits and number separators at the start of `text`, and
/// whether it is phone-like: at least seven digits and not a date
/// (`2022-10-16 14:05`). Separators at the end of the run are left out.
fn number_run(text: &str) -> (usize, bool) {
    if !text.starts_with(|c: char| c.is_ascii_digit() || c == '+') {
        return (0, false);
    }
    let mut digits = 0;
    let mut len = 0;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            digits += 1;
            len = i + 1;
        } else if !((c == '+' && i == 0) || " -.()\u{2011}".contains(c)) {
            break;
        }
    }
    let b = text.as_bytes();
    let date = b.len() > 4
        && (b.starts_with(b"19") || b.starts_with(b"20"))
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'.' | b'/');
    (len, digits >= 7 && !date)
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_numbers() {
        let mut p = Pseudonyms { names: vec![("Jo".into(), "Member 1".into())], digits: HashMap::new(), seed: 7 };
        assert_eq!(p.shape("안녕 Hi!"), "가가 Xx!");
        let a = p.scramble_digits("010-1234-5678");
        assert_eq!(a, p.scramble_digits("010-1234-5678"));
        assert!(a.chars().zip("010-1234-5678".chars()).all(|(x, y)| x != y || y == '-'));
        assert_eq!(p.structural("Jo joined; Joe left"), "Member 1 joined; Joe left");
        let line = p.structural("12/10/2022, 14:02 - Jo: call 010 1234 5678");
        assert!(line.starts_with("12/10/2022, 14:02 - Member 1: call ") && !line.contains("1234"), "{line}");
        assert_eq!(p.structural("저장한 날짜 : 2022-10-16 14:05:32"), "저장한 날짜 : 2022-10-16 14:05:32");
    }
}
