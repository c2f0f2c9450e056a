//! Pieces the address-book importers (vCard, contact CSV) share: composing a
//! display name from its parts, turning the many spellings of a phone or
//! e-mail label into one, and keeping only e-mails that are addresses.
//!
//! Kept apart so both importers name people and label numbers the same way;
//! nothing here reads a file.

use super::Sink;
use crate::model::ContactRecord;
use crate::text;

#[cfg(test)]
pub(super) mod generated;

/// True for Hangul syllables and jamo: Korean names are written family name
/// first, with no space.
fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| {
        let c = c as u32;
        (0xAC00..=0xD7A3).contains(&c) || (0x1100..=0x11FF).contains(&c) || (0x3130..=0x318F).contains(&c)
    })
}

fn clean(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// The display name from its parts when a file gives no full name:
/// `송` + `시우` → `송시우`, `Casey` + `Jung` → `Casey Jung`.
pub(super) fn compose_name(given: Option<&str>, middle: Option<&str>, family: Option<&str>) -> Option<String> {
    let (given, middle, family) = (clean(given), clean(middle), clean(family));
    let korean = [given, middle, family].iter().flatten().any(|s| has_hangul(s));
    let name = if korean {
        [family, given, middle].iter().flatten().copied().collect::<Vec<_>>().join("")
    } else {
        [given, middle, family].iter().flatten().copied().collect::<Vec<_>>().join(" ")
    };
    (!name.is_empty()).then(|| text::nfc(&name))
}

/// The standard label a word names, if any (case-insensitive, English and Korean).
fn standard_label(word: &str) -> Option<&'static str> {
    let lower = word.trim().to_lowercase();
    let label = match lower.as_str() {
        "cell" | "mobile" | "cellular" | "휴대폰" | "휴대전화" | "핸드폰" | "모바일" => "mobile",
        "home" | "집" | "자택" => "home",
        "work" | "business" | "회사" | "직장" => "work",
        "fax" | "homefax" | "workfax" | "otherfax" | "home fax" | "work fax" | "business fax" | "other fax"
        | "팩스" => "fax",
        "main" | "primary" | "대표" => "main",
        "iphone" => "iPhone",
        "pager" | "삐삐" => "pager",
        "other" | "기타" => "other",
        _ => return None,
    };
    Some(label)
}

/// A label as a file wrote it, made canonical where it is a standard one:
/// Apple's `_$!<Mobile>!$_` → `mobile`, Google's `* Home` → `home`; custom
/// labels (`Kakao 업무폰`) stay as written.
pub(super) fn label_from_text(label: &str) -> Option<String> {
    let mut label = label.trim();
    if let Some(inner) = label.strip_prefix("_$!<").and_then(|l| l.strip_suffix(">!$_")) {
        label = inner;
    }
    // Google marks the primary value with a leading `* `.
    let label = label.trim_start_matches('*').trim();
    if label.is_empty() {
        return None;
    }
    Some(standard_label(label).map_or_else(|| text::nfc(label), str::to_owned))
}

/// What a vCard TEL carries besides its place and kind: the media a number
/// takes. `voice` is what a number is unless told otherwise.
const MEDIA: [&str; 4] = ["video", "text", "textphone", "voice"];

/// The label a list of vCard TYPE values amounts to, every meaning kept in
/// the file's order: `CELL;VOICE` → `mobile`, `WORK;FAX` → `work, fax`,
/// `work,cell,voice,video,text` → `work, mobile, voice, video, text`. Types
/// that say nothing (pref, internet) are left out, and so is `voice` unless
/// other media are named beside it (then it says the number takes calls too).
pub(super) fn label_from_types<'a>(types: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut found: Vec<&'static str> = Vec::new();
    for word in types {
        let meaning =
            standard_label(word).or_else(|| MEDIA.iter().copied().find(|m| m.eq_ignore_ascii_case(word.trim())));
        if let Some(meaning) = meaning.filter(|m| !found.contains(m)) {
            found.push(meaning);
        }
    }
    if !found.iter().any(|w| MEDIA[..3].contains(w)) {
        found.retain(|w| *w != "voice");
    }
    // An iPhone is a mobile: Apple writes `IPHONE;CELL` for one meaning.
    if found.contains(&"iPhone") {
        found.retain(|w| *w != "mobile");
    }
    (!found.is_empty()).then(|| found.join(", "))
}

/// Keep the record's phone numbers that are written as numbers
/// ([`crate::phone::looks_like_number`]) and the e-mails that
/// [`crate::email::normalize`] takes; report each other one as an unparsed
/// line at the record's line. The file's other cards and this card's other
/// values still import (one odd value must not refuse a 2,000-card address
/// book), the bad value is never stored, and the import report shows it;
/// many of them fail the import's coverage check.
pub(super) fn keep_valid(record: &mut ContactRecord, sink: &mut dyn Sink) {
    let line = record.line;
    record.phones.retain(|p| {
        let ok = crate::phone::looks_like_number(&p.raw);
        if !ok {
            sink.unparsed(line, &format!("not a phone number: {:?}", p.raw));
        }
        ok
    });
    record.emails.retain(|e| {
        let ok = crate::email::normalize(&e.address).is_some();
        if !ok {
            sink.unparsed(line, &format!("not an e-mail address: {:?}", e.address));
        }
        ok
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_names_family_first_without_space() {
        assert_eq!(compose_name(Some("시우(팀장)"), None, Some("송")).as_deref(), Some("송시우(팀장)"));
        assert_eq!(compose_name(Some("Casey"), None, Some("Jung")).as_deref(), Some("Casey Jung"));
        assert_eq!(compose_name(Some("John"), Some("Q"), Some("Doe")).as_deref(), Some("John Q Doe"));
        assert_eq!(compose_name(None, None, Some("김")).as_deref(), Some("김"));
        assert_eq!(compose_name(Some(" "), None, None), None);
    }

    #[test]
    fn labels_are_canonical_where_standard() {
        assert_eq!(label_from_text("_$!<Mobile>!$_").as_deref(), Some("mobile"));
        assert_eq!(label_from_text("_$!<HomeFAX>!$_").as_deref(), Some("fax"));
        assert_eq!(label_from_text("* Home").as_deref(), Some("home"));
        assert_eq!(label_from_text("iPhone").as_deref(), Some("iPhone"));
        assert_eq!(label_from_text("업무용 폰").as_deref(), Some("업무용 폰"));
        assert_eq!(label_from_text(" "), None);
        assert_eq!(label_from_types(["CELL", "VOICE", "pref"]).as_deref(), Some("mobile"));
        assert_eq!(label_from_types(["work", "fax"]).as_deref(), Some("work, fax"));
        assert_eq!(
            label_from_types(["work", "cell", "voice", "video", "text"]).as_deref(),
            Some("work, mobile, voice, video, text")
        );
        assert_eq!(label_from_types(["HOME", "VOICE", "home"]).as_deref(), Some("home"));
        assert_eq!(label_from_types(["INTERNET"]), None);
    }
}
