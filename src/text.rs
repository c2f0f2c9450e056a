//! Text helpers every module shares: NFC, and the keys that search uses.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC-normalize and trim. Every name and text stored goes through here.
pub fn nfc(s: &str) -> String {
    let trimmed = trim(s);
    if is_composed(trimmed) {
        return trimmed.to_owned();
    }
    trimmed.nfc().collect()
}

/// [`nfc`] of a string the caller is done with: composed text, nearly all
/// of it, is trimmed in place instead of copied.
pub fn nfc_owned(mut s: String) -> String {
    let trimmed = trim(&s);
    if !is_composed(trimmed) {
        return nfc(&s);
    }
    if trimmed.len() < s.len() {
        s = trimmed.to_owned();
    }
    s
}

/// `str::trim`, returning at once in the usual case of text that neither
/// starts nor ends with white space (the general trim costs more than the
/// rest of `nfc` on short messages).
fn trim(s: &str) -> &str {
    let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    if solid(s.chars().next()) && solid(s.chars().next_back()) { s } else { s.trim() }
}

/// True when `s` is NFC already. Nearly all text arrives composed: checking
/// is much cheaper than rebuilding it.
fn is_composed(s: &str) -> bool {
    s.is_ascii() || all_nfc_stable(s) || is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// [`is_nfc_stable`] for every character of `s`. ASCII and precomposed
/// Hangul, nearly all of Korean chat text, are recognised by their bytes
/// without decoding a `char`.
fn all_nfc_stable(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(rest) = bytes.get(i..).filter(|rest| !rest.is_empty()) {
        i += match *rest {
            [0..0x80, ..] => 1,
            // Three-byte characters from U+A000 to U+DFFF: is it U+AC00..U+D7A3?
            [lead @ 0xEA..=0xED, b1, b2, ..]
                if (0xAC00..=0xD7A3)
                    .contains(&(u32::from(lead & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F))) =>
            {
                3
            }
            _ => match s.get(i..).and_then(|t| t.chars().next()) {
                Some(c) if is_nfc_stable(c) => c.len_utf8(),
                _ => return false,
            },
        };
    }
    true
}

/// True for characters that NFC leaves alone wherever they stand: canonical
/// combining class 0 and NFC quick check Yes, so neither they nor their
/// neighbours are ever recomposed or reordered. The ranges cover what chat
/// text is made of (Latin, precomposed Hangul, jamo typed as letters,
/// punctuation, fullwidth forms, emoji) and let `nfc` skip the library's
/// table lookups, which are slow on Hangul; anything else takes the full
/// check. `stable_ranges_are_stable` proves every range character by character.
fn is_nfc_stable(c: char) -> bool {
    matches!(c,
        '\0'..='\u{02FF}'            // ASCII, Latin-1, Latin Extended, spacing modifiers
        | '\u{AC00}'..='\u{D7A3}'    // precomposed Hangul syllables
        | '\u{3131}'..='\u{318E}'    // Hangul compatibility jamo (ㅋㅋ, ㅠㅠ)
        | '\u{2002}'..='\u{206F}'    // general punctuation but the two quads NFC replaces
        | '\u{3000}'..='\u{3029}'    // CJK punctuation before the tone marks
        | '\u{FF01}'..='\u{FFEE}'    // fullwidth and halfwidth forms
        | '\u{1F000}'..='\u{1FAFF}'  // emoji and pictographs
        | '\u{FE00}'..='\u{FE0F}'    // variation selectors (emoji presentation)
    )
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

/// 16 bytes as a UUID URN (`urn:uuid:…`, the UID form RFC 6350
/// recommends), with the `version` nibble and the RFC 9562 variant set.
pub fn uuid_urn(mut b: [u8; 16], version: u8) -> String {
    b[6] = (b[6] & 0x0f) | version << 4;
    b[8] = (b[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut urn = String::with_capacity(45);
    urn.push_str("urn:uuid:");
    for (i, x) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            urn.push('-');
        }
        urn.push(HEX[usize::from(x >> 4)] as char);
        urn.push(HEX[usize::from(x & 0x0f)] as char);
    }
    urn
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_urns_in_the_rfc_form() {
        let b: [u8; 16] = std::array::from_fn(|i| i as u8 * 17);
        assert_eq!(uuid_urn(b, 4), "urn:uuid:00112233-4455-4677-8899-aabbccddeeff");
        assert_eq!(uuid_urn([0xff; 16], 7), "urn:uuid:ffffffff-ffff-7fff-bfff-ffffffffffff");
    }

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
        // A precomposed syllable still takes a trailing jamo or a mark after it.
        assert_eq!(nfc("하\u{11AB}"), "한");
        assert_eq!(nfc("e\u{0301}"), "é");
    }

    #[test]
    fn stable_ranges_are_stable() {
        use unicode_normalization::char::canonical_combining_class;
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            // The byte-level scan agrees with the character test everywhere.
            assert_eq!(all_nfc_stable(c.encode_utf8(&mut buf)), is_nfc_stable(c), "{c:?}");
            if is_nfc_stable(c) {
                assert_eq!(canonical_combining_class(c), 0, "{c:?}");
                assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            }
        }
    }

    /// Characters that NFC composes, reorders or replaces, mixed with the
    /// ones chat text is made of.
    fn chat_char() -> impl proptest::strategy::Strategy<Value = char> {
        use proptest::prelude::*;
        prop_oneof![
            prop::char::range(' ', '~'),
            prop::char::range('\u{AC00}', '\u{D7A3}'),
            prop::char::range('\u{1100}', '\u{11FF}'),
            prop::char::range('\u{3131}', '\u{318E}'),
            prop::char::range('\u{0300}', '\u{036F}'),
            prop::char::range('\u{00C0}', '\u{017F}'),
            prop::char::range('\u{1F300}', '\u{1F64F}'),
            prop::char::range('\u{2000}', '\u{2010}'),
            prop::char::range('\u{3000}', '\u{3030}'),
            prop::sample::select(vec![
                '\n', '\t', '\u{3000}', '\u{FE0F}', '\u{200D}', '\u{212B}', '\u{F900}', '\u{0344}'
            ]),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn nfc_matches_full_normalization(chars in proptest::collection::vec(chat_char(), 0..12)) {
            let s: String = chars.into_iter().collect();
            let want = s.trim().nfc().collect::<String>();
            proptest::prop_assert_eq!(&nfc(&s), &want);
            proptest::prop_assert_eq!(&nfc_owned(s), &want);
        }
    }
}
