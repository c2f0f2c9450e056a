//! Phone numbers: normalization to E.164 and the shapes that are not numbers.

mod fast;

use phonenumber::{Mode, country};

/// A region for numbers written without a country code (`KR`, `US`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region(pub country::Id);

impl Default for Region {
    fn default() -> Self {
        Region(country::Id::KR)
    }
}

impl std::str::FromStr for Region {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        s.trim()
            .to_ascii_uppercase()
            .parse::<country::Id>()
            .map(Region)
            .map_err(|_| format!("{s:?} is not a two-letter region code such as KR, US or JP"))
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// How a region writes its numbers without the country code, for the
/// scanner that finds them in chat text (`phonenumber` knows each region's
/// valid numbers; this says which digit shapes are worth asking it about).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NationalForm {
    /// The trunk prefix a national number starts with: `0` in most of the
    /// world, `8` in Russia (`8 912 345-67-89`), `1` in North America
    /// (`1-650-253-0000`, also written without it).
    pub trunk: u8,
    /// Mobiles are written without any trunk prefix (China's `138 0013 8000`).
    pub bare_mobiles: bool,
}

/// How the regions whose chats Lifeboat reads most write their numbers;
/// every other region is taken to use a trunk `0` like most of the world.
const NATIONAL_FORMS: &[(country::Id, NationalForm)] = &[
    (country::Id::KR, NationalForm::TRUNK_ZERO),
    (country::Id::JP, NationalForm::TRUNK_ZERO),
    (country::Id::TH, NationalForm::TRUNK_ZERO),
    (country::Id::TW, NationalForm::TRUNK_ZERO),
    (country::Id::DE, NationalForm::TRUNK_ZERO),
    (country::Id::GB, NationalForm::TRUNK_ZERO),
    (country::Id::RU, NationalForm { trunk: b'8', bare_mobiles: false }),
    (country::Id::KZ, NationalForm { trunk: b'8', bare_mobiles: false }),
    (country::Id::BY, NationalForm { trunk: b'8', bare_mobiles: false }),
    (country::Id::US, NationalForm { trunk: b'1', bare_mobiles: false }),
    (country::Id::CA, NationalForm { trunk: b'1', bare_mobiles: false }),
    (country::Id::CN, NationalForm { trunk: b'0', bare_mobiles: true }),
];

impl NationalForm {
    /// `010-1234-5678`, `090-1234-5678`, `0151 23456789`.
    pub const TRUNK_ZERO: NationalForm = NationalForm { trunk: b'0', bare_mobiles: false };
}

impl Region {
    /// How this region's numbers are written without a country code.
    pub fn national_form(self) -> NationalForm {
        NATIONAL_FORMS.iter().find(|(id, _)| *id == self.0).map_or(NationalForm::TRUNK_ZERO, |(_, form)| *form)
    }

    /// The region a number in E.164 form belongs to (`+81…` → JP); for codes
    /// several regions share, the one the metadata names first (`+1` → US).
    pub fn of_e164(e164: &str) -> Option<Region> {
        let parsed = phonenumber::parse(None, e164).ok()?;
        if let Some(id) = parsed.country().id() {
            return Some(Region(id));
        }
        let regions = phonenumber::metadata::DATABASE.by_code(&parsed.code().value())?;
        regions.first()?.id().parse().ok().map(Region)
    }
}

/// The E.164 form of `raw` (`010-1234-5678` → `+821012345678`), or None when
/// it is not a dialable number (short codes, extensions, letters). Callers keep
/// the raw text either way.
pub fn to_e164(raw: &str, region: Region) -> Option<String> {
    let cleaned = ascii_separators(raw);
    let cleaned = cleaned.trim();
    fast::common_e164(cleaned, region).or_else(|| by_metadata(cleaned, region))
}

/// `raw` with Unicode dashes, spaces, plus and digits made ASCII, and
/// direction marks dropped.
fn ascii_separators(raw: &str) -> String {
    raw.chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
            '\u{00A0}' | '\u{202F}' | '\u{2007}' => ' ',
            '\u{FF0B}' => '+',
            c if ('\u{FF10}'..='\u{FF19}').contains(&c) => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            c => c,
        })
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// The E.164 form of a cleaned number by `phonenumber`'s metadata, and
/// Korean mobiles in ranges it does not list yet.
fn by_metadata(cleaned: &str, region: Region) -> Option<String> {
    if cleaned.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    let digits = cleaned.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return None;
    }
    let parsed = phonenumber::parse(Some(region.0), cleaned).ok()?;
    if phonenumber::is_valid(&parsed) {
        return Some(parsed.format().mode(Mode::E164).to_string());
    }
    korean_mobile(&parsed)
}

/// An E.164 number in international form with separators
/// (`+821012345678` → `+82 10-1234-5678`): what spreadsheets keep as text.
pub fn international(e164: &str) -> Option<String> {
    formatted(e164, None)
}

/// An E.164 number with separators: in the national form when it is a
/// number of `home` (`010-1234-5678`, `02-312-3456`), else internationally
/// (`+81 90-1234-5678`). None when it is no number the metadata can format.
fn formatted(e164: &str, home: Option<Region>) -> Option<String> {
    // 010 numbers the metadata does not know yet: 010-XXXX-XXXX all the same.
    if let Some(n) = e164.strip_prefix("+8210").filter(|n| n.len() == 8 && n.bytes().all(|b| b.is_ascii_digit())) {
        let national = home.is_some_and(|r| r.0 == country::Id::KR);
        return Some(format!("{}10-{}-{}", if national { "0" } else { "+82 " }, &n[..4], &n[4..]));
    }
    let parsed = phonenumber::parse(None, e164).ok()?;
    let national = home.is_some_and(|region| {
        phonenumber::metadata::DATABASE
            .by_code(&parsed.code().value())
            .is_some_and(|regions| regions.iter().any(|m| m.id().parse::<country::Id>().ok() == Some(region.0)))
    });
    Some(parsed.format().mode(if national { Mode::National } else { Mode::International }).to_string())
}

/// A number with an extension split in two: `+1-418-656-9254;ext=102`,
/// `+1 418 656 9254 ext. 102`, `02-123-4567 내선 102` → the number and `102`.
pub fn split_extension(raw: &str) -> Option<(&str, &str)> {
    let lower = raw.to_lowercase();
    if lower.len() != raw.len() {
        return None;
    }
    for marker in [";ext=", " ext. ", " ext ", " x", "ext.", "ext", "내선"] {
        if let Some(at) = lower.find(marker)
            && raw.is_char_boundary(at)
        {
            let (base, rest) = (raw[..at].trim(), lower[at + marker.len()..].trim());
            let ext = &raw[raw.len() - rest.len()..];
            if !base.is_empty() && !ext.is_empty() && ext.chars().all(|c| c.is_ascii_digit()) {
                return Some((base, ext));
            }
        }
    }
    None
}

/// Whether a file's phone value is written as a phone number at all:
/// digits with the separators numbers are written with (`+`, spaces, `-`,
/// `.`, `/`, brackets, the typographic dashes and spaces, `*`, `#`, an
/// extension, the letters of a vanity number like `1-800-FLOWERS`), and at
/// least two digits. `=1+2`, `@123` and
/// `=HYPERLINK(…)` are not, and must never be stored as one.
pub fn looks_like_number(raw: &str) -> bool {
    let base = split_extension(raw).map_or(raw, |(base, _)| base).trim();
    let base = base.strip_prefix('+').or_else(|| base.strip_prefix('\u{FF0B}')).unwrap_or(base);
    let mut digits = 0;
    for c in base.chars() {
        match c {
            '0'..='9' | '\u{FF10}'..='\u{FF19}' => digits += 1,
            c if c.is_ascii_alphabetic() => {}
            ' ' | '-' | '.' | '/' | '(' | ')' | '*' | '#' | '~' => {}
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' | '\u{00A0}' | '\u{202F}' | '\u{2007}' => {}
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            _ => return false,
        }
    }
    digits >= 2
}

/// `+82` and the national number of a mobile number on Korea's 010 prefix
/// (`1012345678`, ten digits): every Korean mobile number has this shape, and
/// some blocks of it are handed out before `phonenumber`'s metadata lists them.
pub fn korean_010(national: &str) -> Option<String> {
    (national.len() == 10 && national.starts_with("10") && national.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("+82{national}"))
}

/// Korean mobile numbers (`010` + 8 digits, the old `011`–`019` + 7 or 8)
/// in ranges the `phonenumber` metadata has not caught up with yet: carriers
/// hand them out, so they are numbers all the same.
fn korean_mobile(parsed: &phonenumber::PhoneNumber) -> Option<String> {
    if parsed.code().value() != 82 {
        return None;
    }
    let national = parsed.national().value().to_string();
    let old_prefix = match national.as_bytes() {
        [b'1', b'1' | b'6' | b'7' | b'8' | b'9', rest @ ..] => rest.len() == 7 || rest.len() == 8,
        _ => false,
    };
    korean_010(&national).or_else(|| old_prefix.then(|| format!("+82{national}")))
}

/// A stored number as people read it: the national form for numbers of
/// `region` (`010-1234-5678`, `02-312-3456`), the international form for
/// others (`+81 90-1234-5678`); a number with no E.164 form as written.
pub fn readable(e164: Option<&str>, raw: &str, region: Region) -> String {
    e164.and_then(|e| formatted(e, Some(region))).unwrap_or_else(|| raw.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        let kr = Region::default();
        assert_eq!(readable(Some("+821012345678"), "01012345678", kr), "010-1234-5678");
        assert_eq!(readable(Some("+821059727020"), "010 5972 7020", kr), "010-5972-7020");
        assert_eq!(readable(Some("+8223123456"), "023123456", kr), "02-312-3456");
        assert_eq!(readable(Some("+819012345678"), "09012345678", kr), "+81 90-1234-5678");
        assert_eq!(readable(None, "*123#", kr), "*123#");
        assert_eq!(readable(Some("+821012345678"), "x", Region(country::Id::US)), "+82 10-1234-5678");
    }

    #[test]
    fn international_form_and_extensions() {
        assert_eq!(international("+821012345678").as_deref(), Some("+82 10-1234-5678"));
        assert_eq!(international("+821059727020").as_deref(), Some("+82 10-5972-7020"));
        assert_eq!(international("+14186569254").as_deref(), Some("+1 418-656-9254"));
        assert_eq!(split_extension("+1-418-656-9254;ext=102"), Some(("+1-418-656-9254", "102")));
        assert_eq!(split_extension("+1 418 656 9254 ext. 102"), Some(("+1 418 656 9254", "102")));
        assert_eq!(split_extension("02-123-4567 내선 7"), Some(("02-123-4567", "7")));
        assert_eq!(split_extension("010-1234-5678"), None);
    }

    #[test]
    fn only_numbers_look_like_numbers() {
        for ok in [
            "1-800-FLOWERS",
            "02-312-3456 ext. 12",
            "010-1234-5678",
            "+82 10 1234 5678",
            "(02) 123-4567",
            "*123#",
            "114",
            "+1-418-656-9254;ext=102",
        ] {
            assert!(looks_like_number(ok), "{ok}");
        }
        for bad in ["=1+2", "@123", "=HYPERLINK(\"http://x\",\"call\")", "-2+3", "call me", "1", "+"] {
            assert!(!looks_like_number(bad), "{bad}");
        }
    }

    #[test]
    fn korean_mobile_numbers() {
        let kr = Region::default();
        assert_eq!(to_e164("010-1234-5678", kr).as_deref(), Some("+821012345678"));
        assert_eq!(to_e164("01012345678", kr).as_deref(), Some("+821012345678"));
        assert_eq!(to_e164("+82 10-1234-5678", kr).as_deref(), Some("+821012345678"));
        assert_eq!(to_e164("02-312-3456", kr).as_deref(), Some("+8223123456"));
        // A range the phonenumber metadata calls invalid, handed out all the same.
        assert_eq!(to_e164("010-5972-7020", kr).as_deref(), Some("+821059727020"));
        assert_eq!(to_e164("010-597-7020", kr), None);
    }

    #[test]
    fn non_numbers_stay_raw() {
        let kr = Region::default();
        assert_eq!(to_e164("114", kr), None);
        assert_eq!(to_e164("1-800-FLOWERS", kr), None);
        assert_eq!(to_e164("*123#", kr), None);
    }

    #[test]
    fn foreign_numbers_with_odd_hyphens() {
        let kr = Region::default();
        assert_eq!(to_e164("+1 (650) 253\u{2011}0000", kr).as_deref(), Some("+16502530000"));
        assert_eq!("us".parse::<Region>().unwrap(), Region(country::Id::US));
    }

    /// National forms of each region normalize in that region, and are not
    /// taken for Korean numbers.
    #[test]
    fn national_forms_of_many_countries() {
        let cases: &[(&str, &str, &str)] = &[
            ("JP", "090-1234-5678", "+819012345678"),
            ("JP", "03-1234-5678", "+81312345678"),
            ("TH", "081-234-5678", "+66812345678"),
            ("TH", "02-123-4567", "+6621234567"),
            ("DE", "0151 23456789", "+4915123456789"),
            ("DE", "030 1234567", "+49301234567"),
            ("RU", "8 912 345-67-89", "+79123456789"),
            ("RU", "8 (495) 123-45-67", "+74951234567"),
            ("US", "(650) 253-0000", "+16502530000"),
            ("CA", "1-416-555-0199", "+14165550199"),
            ("GB", "07400 123456", "+447400123456"),
            ("GB", "020 7946 0018", "+442079460018"),
            ("TW", "0912-345-678", "+886912345678"),
            ("TW", "02-2345-6789", "+886223456789"),
            ("CN", "138 0013 8000", "+8613800138000"),
            ("CN", "010-6552-9988", "+861065529988"),
            ("KR", "010-1234-5678", "+821012345678"),
        ];
        for (region, raw, e164) in cases {
            let region: Region = region.parse().unwrap();
            assert_eq!(to_e164(raw, region).as_deref(), Some(*e164), "{raw} in {region}");
            assert_eq!(Region::of_e164(e164), Some(region), "{e164}");
        }
        assert_eq!(to_e164("090-1234-5678", Region::default()), None);
        assert_eq!(Region(country::Id::RU).national_form().trunk, b'8');
        assert!(Region(country::Id::CN).national_form().bare_mobiles);
        assert_eq!(Region::default().national_form(), NationalForm::TRUNK_ZERO);
    }
}
