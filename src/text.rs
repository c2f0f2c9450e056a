//! Text helpers every module shares: NFC, and the keys that search uses.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC-normalize and trim. Every name and text stored goes through here.
pub fn nfc(s: &str) -> String {
    let trimmed = s.trim();
    // Nearly all text arrives composed already: check before rebuilding it.
    if trimmed.is_ascii() || is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        return trimmed.to_owned();
    }
    trimmed.nfc().collect()
}

const INITIALS: [char; 19] =
    ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

/// The Hangul initial consonants of a name (`홍길동` → `ㅎㄱㄷ`); other
/// characters are kept lower-cased, so `ㅎㄱㄷ` and `ㅎ길` style queries work.
pub fn initials(s: &str) -> String {
    s.chars()
        .map(|c| {
            let code = c as u32;
            if (0xAC00..=0xD7A3).contains(&code) {
                INITIALS[((code - 0xAC00) / 588) as usize]
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        })
        .collect()
}

/// True when every character of `query` is a Hangul compatibility jamo
/// consonant, i.e. the user typed initials (`ㅎㄱㄷ`).
pub fn is_initials_query(query: &str) -> bool {
    !query.is_empty() && query.chars().all(|c| ('ㄱ'..='ㅎ').contains(&c) || c == ' ')
}

/// The digits of a string (`010-1234-5678` → `01012345678`).
pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_hangul_names() {
        assert_eq!(initials("홍길동"), "ㅎㄱㄷ");
        assert_eq!(initials("김 Alice"), "ㄱ alice");
        assert!(is_initials_query("ㅎㄱㄷ"));
        assert!(!is_initials_query("홍"));
    }

    #[test]
    fn nfc_composes_jamo() {
        // 한 written as conjoining jamo (NFD) becomes one syllable.
        assert_eq!(nfc(" \u{1112}\u{1161}\u{11AB} "), "한");
    }
}
