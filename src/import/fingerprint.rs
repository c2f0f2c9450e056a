//! Message fingerprints: the same message in two exports of one room,
//! whoever exported it, gets the same number.
//!
//! A fingerprint hashes (minute, text, occurrence of that text within the
//! minute) and ignores the sender, whose display name differs between
//! phones. Stored vaults hold these numbers, so the hash never changes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{NaiveDateTime, Timelike};

/// Fingerprints of one room's messages, in the order the export lists them.
#[derive(Default)]
pub(crate) struct Fingerprints {
    minute: Option<NaiveDateTime>,
    /// Occurrences of each text within the current minute, by its hash.
    occurrences: HashMap<u64, u32, BuildHasherDefault<HashedKey>>,
}

impl Fingerprints {
    pub(crate) fn next(&mut self, at: NaiveDateTime, text: &str) -> i64 {
        let minute = at.with_second(0).unwrap_or(at);
        if self.minute != Some(minute) {
            self.minute = Some(minute);
            self.occurrences.clear();
        }
        let base = fnv1a(fnv1a(FNV_OFFSET, minute.and_utc().timestamp().to_le_bytes().as_slice()), text.as_bytes());
        let n = self.occurrences.entry(base).or_insert(0);
        *n += 1;
        // Minutes in the high bits keep each chunk's fingerprints in a narrow
        // range, which is how a message is found again; the low 24 bits tell
        // one minute's messages apart.
        let minutes = minute.and_utc().timestamp().div_euclid(60);
        (minutes << 24) | (fnv1a(base, &n.to_le_bytes()) & 0xFF_FFFF) as i64
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The hasher for keys that are hashes already: hashing them again with
/// SipHash was a fifth of the cost of fingerprinting a message.
#[derive(Default)]
struct HashedKey(u64);

impl Hasher for HashedKey {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(self.0 ^ FNV_OFFSET, bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn fingerprints_are_stable_and_count_repeats_within_a_minute() {
        let mut f = Fingerprints::default();
        let first = f.next(at("2022-10-15 14:02:05"), "ㅋㅋㅋ");
        let again = f.next(at("2022-10-15 14:02:40"), "ㅋㅋㅋ");
        let other = f.next(at("2022-10-15 14:02:41"), "네");
        // Stored vaults hold these numbers (worked out by hand): the hash must never change.
        assert_eq!(first, 0x1_a7a5_4a14_1695);
        assert_eq!(again, 0x1_a7a5_4a49_d326);
        assert_ne!(first, again);
        assert_ne!(again, other);
        // A second export of the same minute gives the same numbers.
        let mut g = Fingerprints::default();
        assert_eq!(g.next(at("2022-10-15 14:02:59"), "ㅋㅋㅋ"), first);
        assert_eq!(g.next(at("2022-10-15 14:02:00"), "ㅋㅋㅋ"), again);
    }
}
