//! What a Telegram export's fields mean, whatever year wrote them: names
//! that were encoded twice, phone numbers without their `+`, ids that are
//! strings or bare numbers, and dates as local text or only as unix time.

use chrono::{DateTime, NaiveDateTime};
use serde_json::Value;

/// A name as stored: see [`repaired_name`].
pub use crate::import::chat_common::repaired_name as name;

/// A contact's number in a form that normalizes. Telegram numbers always
/// carry their country code, but some exports drop the `+` (`79161234567`)
/// or write the international prefix (`0049 151 …`); a number starting with
/// a single `0` is national and left for the region to decide.
pub fn phone(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(rest) = raw.strip_prefix("00").filter(|r| r.starts_with(|c: char| c.is_ascii_digit() && c != '0')) {
        return format!("+{rest}");
    }
    let digits = raw.chars().filter(char::is_ascii_digit).count();
    let only_digits = raw.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'));
    if only_digits && (10..=15).contains(&digits) && raw.starts_with(|c: char| c.is_ascii_digit() && c != '0') {
        return format!("+{raw}");
    }
    raw.to_owned()
}

/// An id as text: `"user123"`, or a bare number in older exports.
pub fn id_text(id: &Option<Value>) -> Option<String> {
    match id {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// True for the ids tdesktop gives a chat or channel (`channel123`,
/// `chat123`) rather than a user: a post "from" one is the chat's own.
pub fn is_chat_id(id: Option<&str>) -> bool {
    id.is_some_and(|id| id.starts_with("channel") || id.starts_with("chat"))
}

/// When a message was sent: `date` is the exporter's local time; exports
/// that have only `date_unixtime` (or a `date` in another shape) give UTC.
pub fn when(date: Option<&str>, unixtime: Option<&Value>) -> Option<NaiveDateTime> {
    if let Some(at) = date.and_then(|d| NaiveDateTime::parse_from_str(d, "%Y-%m-%dT%H:%M:%S").ok()) {
        return Some(at);
    }
    let seconds = match unixtime? {
        Value::String(s) => s.trim().parse::<i64>().ok()?,
        Value::Number(n) => n.as_i64()?,
        _ => return None,
    };
    DateTime::from_timestamp(seconds, 0).map(|d| d.naive_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_encoded_names_are_repaired_only_where_they_round_trip() {
        assert_eq!(name("ðŸ§¤ Glove"), "🧤 Glove");
        assert_eq!(name("Ð\u{9f}Ð°Ð²ÐµÐ»"), "Павел");
        assert_eq!(name("JosÃ©"), "José");
        for kept in ["José", "Ðорис", "Ã alone", "홍길동", "Ann"] {
            assert_eq!(name(kept), kept);
        }
    }

    #[test]
    fn phones_keep_their_country_code() {
        assert_eq!(phone("0049 151 2345 6789"), "+49 151 2345 6789");
        assert_eq!(phone("79161234567"), "+79161234567");
        assert_eq!(phone("+82 10 1234 5678"), "+82 10 1234 5678");
        assert_eq!(phone("010-1234-5678"), "010-1234-5678");
        assert_eq!(phone("1234"), "1234");
    }

    #[test]
    fn dates_from_text_or_unix_time() {
        let local = when(Some("2020-04-28T22:22:56"), None).unwrap();
        assert_eq!(local.to_string(), "2020-04-28 22:22:56");
        let utc = when(None, Some(&Value::String("1544006350".into()))).unwrap();
        assert_eq!(utc.to_string(), "2018-12-05 10:39:10");
        assert_eq!(when(Some("yesterday"), None), None);
    }
}
