//! The one test an e-mail address passes on every way into the vault
//! (address books, chats, backups, the user's own typing).
//!
//! An address is kept only when it is a plain `local@domain` and nothing
//! more: `mom@x.kr?bcc=spy@evil.example` would put a second recipient into
//! every `mailto:` link built from it, so it is not an address. Quoted local
//! parts, comments and IP-literal domains, which RFC 5322 allows and no one
//! types, are refused too.

use crate::text::nfc;

/// The longest local part (RFC 5321 §4.5.3.1.1), in bytes.
const MAX_LOCAL: usize = 64;
/// The longest address a mail server takes (RFC 5321 path less its brackets), in bytes.
const MAX_ADDRESS: usize = 254;
/// The longest domain label (RFC 1035), in bytes.
const MAX_LABEL: usize = 63;

/// The address as the vault stores it (NFC, lower-case), or None when
/// `address` is not a plain `local@domain` with a dotted domain. Spaces
/// around it are ignored; spaces, control characters and any of
/// `? & , ; < > " ( ) \ % / :` inside it make it no address.
pub fn normalize(address: &str) -> Option<String> {
    let address = nfc(address.trim()).to_lowercase();
    if address.len() > MAX_ADDRESS {
        return None;
    }
    let (local, domain) = address.split_once('@')?;
    (is_local(local) && is_domain(domain)).then_some(address)
}

/// RFC 5322 dot-atom text, less the characters that mean something in a
/// URI query (`&`, `%`, `/`, `?`), plus letters and digits of any script
/// (RFC 6531).
fn is_local(local: &str) -> bool {
    let atext = |c: char| c.is_alphanumeric() || "!#$'*+-=^_`{|}~".contains(c);
    !local.is_empty()
        && local.len() <= MAX_LOCAL
        && local.split('.').all(|atom| !atom.is_empty() && atom.chars().all(atext))
}

/// Dotted labels of letters, digits and inner hyphens; the last is not all digits.
fn is_domain(domain: &str) -> bool {
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= MAX_LABEL
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| label_ok(l))
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn plain_addresses_are_kept_lower_case() {
        assert_eq!(normalize("Kim.MinJun@Gmail.com").as_deref(), Some("kim.minjun@gmail.com"));
        assert_eq!(normalize("  a+tag@mail.example.kr ").as_deref(), Some("a+tag@mail.example.kr"));
        assert_eq!(normalize("o'brien@x.ie").as_deref(), Some("o'brien@x.ie"));
        assert_eq!(normalize("홍길동@회사.한국").as_deref(), Some("홍길동@회사.한국"));
    }

    #[test]
    fn decomposed_hangul_is_stored_composed() {
        let decomposed = "\u{1112}\u{1169}\u{11BC}@x.kr";
        assert_eq!(normalize(decomposed).as_deref(), Some("홍@x.kr"));
    }

    #[test]
    fn fail_a_mailto_query_is_not_an_address() {
        for bad in [
            "mom@x.kr?bcc=spy@evil.example",
            "mom@x.kr&cc=spy@evil.example",
            "mom@x.kr%0Abcc:spy@evil.example",
            "mom@x.kr\nbcc: spy@evil.example",
            "mom@x.kr,spy@evil.example",
            "mom@x.kr;spy@evil.example",
            "Mom <mom@x.kr>",
            "\"mom\"@x.kr",
            "mom(comment)@x.kr",
            "mom\\@x.kr",
            "mom/x@x.kr",
            "mailto:mom@x.kr",
            "mom@x.kr/path",
        ] {
            assert_eq!(normalize(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn fail_not_shaped_like_an_address() {
        for bad in [
            "",
            "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ",
            "@x.kr",
            "mom@",
            "mom@localhost",
            "mom@x..kr",
            "mom@-x.kr",
            "mom@x-.kr",
            "mom@x.k",
            "mom@1.2.3.4",
            "mom@[1.2.3.4]",
            ".mom@x.kr",
            "mom.@x.kr",
            "m..om@x.kr",
            "a@b@x.kr",
            "mo m@x.kr",
            "mom@x.kr\u{0}",
            "mom\u{202e}@x.kr",
        ] {
            assert_eq!(normalize(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn fail_too_long() {
        let local = "a".repeat(65);
        assert_eq!(normalize(&format!("{local}@x.kr")), None);
        assert!(normalize(&format!("{}@x.kr", "a".repeat(64))).is_some());
        let domain = format!("{}.kr", ["b", "c", "d", "e"].map(|l| l.repeat(63)).join("."));
        assert_eq!(normalize(&format!("aaaaaaaaaa@{domain}")), None, "255 bytes");
        assert_eq!(normalize(&format!("a@{}.kr", "b".repeat(64))), None, "a 64-byte label");
    }
}
