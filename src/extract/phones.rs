//! Phone numbers in free text, found by their digit groups.
//!
//! A message is cut into digit groups (`010`, `1234`, `+82`, `(02)`) joined
//! into runs by single separators (space, hyphen, dot). Within a run, the
//! longest window of groups with a phone's shape that [`phone::to_e164`]
//! accepts wins, so two numbers separated by a space are not glued together
//! and dates (`2022-10-15`), amounts (`1,234,567`), times (`14:30`) and
//! account numbers (`110-123-456789`, `301-1234-5678-11`) never have the
//! shape. Shapes that do look like phones are still dropped after words such
//! as 계좌 or `order`.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::{Found, Kind, overlaps};
use crate::phone::{self, NationalForm, Region};

/// A run of ASCII digits and what surrounds it.
struct Group {
    /// Byte range including a leading `+` or wrapping parentheses.
    start: usize,
    end: usize,
    /// How many digits.
    len: usize,
    first_digit: u8,
    /// Written `+82`: a country code.
    plus: bool,
    /// Written `(02)`: an area code in parentheses.
    wrapped: bool,
    /// The separator joining this group to the previous one in the same run,
    /// None when a run starts here.
    sep: Option<char>,
}

/// The longest window of groups tried as one number (`+1 (650) 253 0000`).
const MAX_GROUPS: usize = 5;

/// Words that make a phone-shaped number something else when they come
/// before it on its line: accounts, transfers, orders, parcels.
#[rustfmt::skip]
const NOT_PHONE_WORDS: [&str; 24] = [
    "계좌", "입금", "송금", "이체", "은행", "뱅크", "예금주", "주문번호", "운송장", "송장", "사업자", "주민번호",
    "카드번호", "account", "acct", "order", "invoice", "tracking", "iban", "bank", "transfer", "deposit", "refund",
    "card number",
];

/// Whether any of [`NOT_PHONE_WORDS`] occurs, in one pass: most numbers have
/// none of them before them, and searching for each word is the slow part.
static ANY_NOT_PHONE_WORD: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::new(NOT_PHONE_WORDS).ok());

/// Words that make a number a phone again after a [`NOT_PHONE_WORDS`] word
/// (`주문 확인 후 연락처 010-…`).
const PHONE_WORDS: [&str; 10] = ["번호", "연락", "전화", "폰", "문자", "카톡", "phone", "call", "mobile", "contact"];

/// Bank names only count right before the number (`국민 010-…`). `우리` and
/// `하나` are everyday words: they count only as `우리은행`, via `은행`.
const BANKS: [&str; 9] = ["국민", "신한", "농협", "기업", "카카오", "토스", "우체국", "새마을", "신협"];

/// Every phone number in `text` outside the `masked` spans.
pub(super) fn find(text: &str, region: Region, masked: &[(usize, usize)]) -> Vec<Found> {
    let groups = groups(text, masked);
    let mut found = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        match longest_number(text, &groups, i, region) {
            Some((len, value)) => {
                let (start, end) = (groups[i].start, groups[i + len - 1].end);
                if !in_non_phone_context(text, start, end) {
                    found.push(Found { kind: Kind::Phone, raw: text[start..end].to_owned(), value, start, end });
                }
                i += len;
            }
            None => i += 1,
        }
    }
    found
}

/// The digit groups of `text`, skipping masked spans.
fn groups(text: &str, masked: &[(usize, usize)]) -> Vec<Group> {
    let bytes = text.as_bytes();
    let mut groups: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let ds = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let de = i;
        if overlaps(masked, ds, de) {
            continue;
        }
        let before = ds.checked_sub(1).map(|p| bytes[p]);
        let plus = before == Some(b'+');
        let wrapped = before == Some(b'(') && bytes.get(de) == Some(&b')');
        let start = if plus || wrapped { ds - 1 } else { ds };
        let end = if wrapped { de + 1 } else { de };
        let sep = groups.last().and_then(|prev| joint(&text[prev.end..start], prev.wrapped || wrapped, plus));
        groups.push(Group { start, end, len: de - ds, first_digit: bytes[ds], plus, wrapped, sep });
    }
    groups
}

/// The separator a gap between two groups stands for, or None when the gap
/// ends the run: one hyphen, dot or space, optionally with one space either
/// side (`010 - 1234`); parentheses may touch (`+1(650)`).
fn joint(gap: &str, paren: bool, plus: bool) -> Option<char> {
    if plus {
        return None;
    }
    if gap.is_empty() {
        return paren.then_some(' ');
    }
    let mut mark = None;
    let mut chars = 0;
    for c in gap.chars() {
        chars += 1;
        match c {
            ' ' | '\u{00A0}' | '\u{202F}' | '\u{2007}' => {}
            '-' | '.' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FF0D}' if mark.is_none() => {
                mark = Some(if c == '.' { '.' } else { '-' })
            }
            _ => return None,
        }
    }
    (chars <= 3).then_some(mark.unwrap_or(' '))
}

/// The longest window of groups starting at `i` that is a phone number: its
/// group count and E.164 value.
fn longest_number(text: &str, groups: &[Group], i: usize, region: Region) -> Option<(usize, String)> {
    // A number glued by a hyphen or dot to digits before it is part of
    // something longer (`1002-010-1234-5678`).
    if matches!(groups[i].sep, Some(c) if c != ' ') || !clear_before(text, groups[i].start) {
        return None;
    }
    let run = groups[i + 1..].iter().take_while(|g| g.sep.is_some()).count() + 1;
    (1..=run.min(MAX_GROUPS)).rev().find_map(|len| {
        let window = &groups[i..i + len];
        let next = groups.get(i + len).filter(|g| g.sep.is_some());
        if matches!(next, Some(g) if g.sep != Some(' ')) || !clear_after(text, window[len - 1].end) {
            return None;
        }
        let shape = shape(window, region.national_form())?;
        let raw = &text[window[0].start..window[len - 1].end];
        let value =
            korean_mobile(raw, shape == Shape::International, region).or_else(|| phone::to_e164(raw, region))?;
        // A Korean number always has its trunk 0 or its country code, so
        // `101-234-5678` is not one even though its digits would dial.
        let korean = value.starts_with("+82");
        (shape != Shape::NorthAmerican || !korean).then_some((len, value))
    })
}

/// The E.164 form of a Korean mobile number (`010-XXXX-XXXX`, `+82 10…`;
/// `010…` only when the region is Korea), without asking libphonenumber:
/// these are most numbers in Korean chats and parsing is the slow part of
/// extraction. It also keeps blocks libphonenumber's metadata does not list
/// yet (010-59xx is handed out after its release): a number written this
/// way in a Korean chat is a phone.
fn korean_mobile(raw: &str, international: bool, region: Region) -> Option<String> {
    let digits = crate::text::digits(raw);
    let national = if international { digits.strip_prefix("82")? } else { digits.strip_prefix('0')? };
    let korea = international || region == Region(phonenumber::country::Id::KR);
    korea.then(|| crate::phone::korean_010(national))?
}

/// A number does not start right after a letter or a path (`ID010…`,
/// `kakao.com/o/010…`); `5678/02-123-4567` lists two numbers.
fn clear_before(text: &str, start: usize) -> bool {
    let mut back = text[..start].chars().rev();
    match back.next() {
        Some('/') => !back.next().is_some_and(|c| c.is_ascii_alphabetic()),
        Some(c) => !(c.is_ascii_alphanumeric() || matches!(c, '_' | '#' | '=' | '&')),
        None => true,
    }
}

/// A number does not end right before a letter (`010…a`) or an `@`.
fn clear_after(text: &str, end: usize) -> bool {
    !text[end..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '@'))
}

/// How a window of groups is written when it is written like a phone number.
#[derive(PartialEq)]
enum Shape {
    /// `+82 10-1234-5678`, `+1 (650) 253-0000`.
    International,
    /// Trunk prefix 0 (Korea, Japan, Europe): `010-1234-5678`, `(02) 123-4567`.
    Trunk,
    /// Korean nationwide service numbers: `1588-1234`.
    Service,
    /// North American style without a country code: `650-253-0000`.
    NorthAmerican,
    /// A mobile written without a trunk prefix where that is how they are
    /// written (China: `138 0013 8000`).
    BareMobile,
}

/// The shape of a window of groups, None when no phone is written that way
/// in a region whose numbers are written as `form` says.
fn shape(window: &[Group], form: NationalForm) -> Option<Shape> {
    // Mixed separators are how a number continues into the next one
    // (`010-1234-5678 1234`), except between the last two parts of a number
    // (`010 1234-5678`, `+82 10 1234-5678`) and before a Russian-style
    // hyphenated tail (`8 912 345-67-89`).
    let (joints, consistent) = separators(window);
    let mixed = !consistent;
    if mixed && !russian_tail(window) && (joints > 2 || window[window.len() - 1].len != 4) {
        return None;
    }
    let digits: usize = window.iter().map(|g| g.len).sum();
    let first = &window[0];
    let rest = &window[1..];
    let lens = || window.iter().map(|g| g.len);
    if first.plus {
        (8..=15).contains(&digits).then_some(Shape::International)
    } else if first.first_digit == b'0' {
        // The groups after the area code have three digits or more, which
        // rules out dates like 05.10.2022; or the number is written in pairs
        // (`06 12 34 56 78`).
        let fits = (8..=12).contains(&digits)
            && rest.iter().all(|g| g.len >= 3)
            && (rest.is_empty() || first.wrapped || (2..=5).contains(&first.len));
        let pairs = consistent && lens().eq([2, 2, 2, 2, 2]);
        (fits || pairs).then_some(Shape::Trunk)
    } else if first.first_digit == form.trunk && first.len == 1 && digits == 11 {
        // `8 912 345-67-89`, `8 (495) 123-45-67`, `1-650-253-0000`.
        rest.iter().all(|g| g.len >= 2).then_some(Shape::Trunk)
    } else if form.bare_mobiles
        && first.first_digit == b'1'
        && digits == 11
        && (lens().eq([11]) || lens().eq([3, 4, 4]))
    {
        Some(Shape::BareMobile)
    } else if mixed {
        None
    } else if first.first_digit == b'1' && lens().eq([4, 4]) {
        Some(Shape::Service)
    } else {
        lens().eq([3, 3, 4]).then_some(Shape::NorthAmerican)
    }
}

/// A number ending in three digits and two pairs joined by hyphens, after
/// groups joined by spaces or parentheses: how Russia writes numbers
/// (`+7 912 345-67-89`, `8 912 345-67-89`).
fn russian_tail(window: &[Group]) -> bool {
    let n = window.len();
    n >= 4
        && window[n - 3..].iter().map(|g| g.len).eq([3, 2, 2])
        && window[n - 2..].iter().all(|g| g.sep == Some('-'))
        && window[1..n - 2].iter().all(|g| matches!(g.sep, Some(' ')) || g.wrapped)
}

/// How many separators a number has outside a country code or a
/// parenthesized area code, and whether they agree (`010-1234-5678`, not
/// `010-1234 5678`).
fn separators(window: &[Group]) -> (usize, bool) {
    let mut fixed = None;
    let mut count = 0;
    let mut consistent = true;
    for pair in window.windows(2) {
        let (prev, this) = (&pair[0], &pair[1]);
        if prev.plus || prev.wrapped || this.wrapped {
            continue;
        }
        count += 1;
        match fixed {
            None => fixed = this.sep,
            Some(f) => consistent &= this.sep == Some(f),
        }
    }
    (count, consistent)
}

/// True when an account or order word comes before the number on its line
/// with no phone word after it (`계좌번호 010-…`, but not `주문 후 연락처
/// 010-…` or `입금 후 010-… 로 문자 주세요`), or a bank name comes right
/// before the number.
fn in_non_phone_context(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
    let from = text.floor_char_boundary(start.saturating_sub(60)).max(line_start);
    let before = text[from..start].to_ascii_lowercase();
    let line_end = text[end..].find('\n').map_or(text.len(), |p| end + p);
    let after = text[end..text.floor_char_boundary((end + 40).min(line_end))].to_ascii_lowercase();
    let says_phone = |s: &str| PHONE_WORDS.iter().any(|w| s.contains(w));
    let any_word = ANY_NOT_PHONE_WORD.as_ref().is_none_or(|words| words.is_match(&before));
    let last_word = if any_word {
        NOT_PHONE_WORDS.iter().filter_map(|w| before.rfind(w).map(|p| (p, p + w.len()))).max()
    } else {
        None
    };
    if let Some((_, word_end)) = last_word {
        // `번호` right after the word is part of it: `계좌번호`, `order number`.
        let rest = before[word_end..].trim_start();
        let rest = rest.strip_prefix("번호").or_else(|| rest.strip_prefix("number")).unwrap_or(rest);
        if !says_phone(rest) && !says_phone(&after) {
            return true;
        }
    }
    let near = before.trim_end_matches(|c: char| c.is_whitespace() || c == ':');
    BANKS.iter().any(|b| near.ends_with(b))
}
