//! The E.164 form of the shapes address books write most, worked out
//! without the `phonenumber` parser (its regular expressions cost more than
//! the rest of a contact import): Korean mobiles on 010 and Seoul numbers
//! on 02, written nationally (`010-1234-5678`, `02 312 3456`) or with the
//! country code (`+82 10-1234-5678`, `+8223123456`), in Korea (the region
//! numbers without a code are read in). For every shape it answers, the
//! answer is exactly the parser's (the tests compare both); any other shape
//! is left to the parser.

use phonenumber::country;

use super::Region;

/// E.164 of `cleaned` (trimmed, separators already made ASCII), or None:
/// not a shape this knows, so the parser decides.
pub(super) fn common_e164(cleaned: &str, region: Region) -> Option<String> {
    // A number written with `+82` is Korean whatever the region (the parser
    // gets some wrong elsewhere: with US, `+821012345678` loses its `10`); a
    // national one is read as Korean only in Korea.
    let digits = match cleaned.strip_prefix("+82") {
        // `+82` then a space or hyphen and groups, or digits alone (the
        // parser takes `+822-123…` for a country code 822).
        Some(rest) => match rest.strip_prefix([' ', '-']) {
            Some(groups) => grouped_digits(groups)?,
            None => rest.bytes().all(|b| b.is_ascii_digit()).then(|| rest.to_owned())?,
        },
        // The national number without its trunk 0.
        None if region.0 == country::Id::KR => grouped_digits(cleaned.strip_prefix('0')?)?,
        None => return None,
    };
    let known = match digits.as_bytes() {
        // 010 + 8 digits: every such number, listed by the metadata or not.
        [b'1', b'0', tail @ ..] => tail.len() == 8,
        // Seoul: 02, an exchange not starting with 0, 7 or 8 digits in all.
        [b'2', b'1'..=b'9', tail @ ..] => tail.len() == 6 || tail.len() == 7,
        _ => false,
    };
    known.then(|| format!("+82{digits}"))
}

/// The digits of `s` when it is groups of ASCII digits, the groups joined by
/// one separator (`-`, `.` or a space), the same one throughout, or none.
fn grouped_digits(s: &str) -> Option<String> {
    let sep = s.bytes().find(|b| !b.is_ascii_digit());
    if let Some(sep) = sep
        && !matches!(sep, b'-' | b'.' | b' ')
    {
        return None;
    }
    let mut digits = String::with_capacity(s.len());
    for group in s.split(|c: char| Some(c as u8) == sep && c.is_ascii()) {
        if group.is_empty() || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

#[cfg(test)]
mod tests {
    use super::super::{ascii_separators, by_metadata, to_e164};
    use super::*;

    /// A reproducible stream of digits (no seed to pass around, no crate).
    struct Digits(u64);

    impl Digits {
        fn next(&mut self, n: usize) -> String {
            (0..n)
                .map(|_| {
                    self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    char::from(b'0' + ((self.0 >> 33) % 10) as u8)
                })
                .collect()
        }
    }

    /// `groups` written each way address books write them: nationally and
    /// with +82, joined by nothing, `-`, `.` or a space, and some odd ways.
    fn writings(trunk: &str, groups: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        for sep in ["", "-", ".", " "] {
            let national = groups.join(sep);
            out.push(format!("{trunk}{national}"));
            out.push(format!("+82{national}"));
            out.push(format!("+82 {national}"));
            out.push(format!("+82-{national}"));
            out.push(format!("+82{sep}0{national}"));
        }
        let joined = groups.concat();
        out.push(format!("{trunk}{}-{}", &joined[..3], &joined[3..]));
        out.push(format!("{trunk}-{joined}"));
        out.push(format!("{trunk}{}  {}", &joined[..2], &joined[2..]));
        out.push(format!("{trunk}{}-{}.{}", &joined[..2], &joined[2..5], &joined[5..]));
        out.push(format!("+82--{joined}"));
        out.push(format!("+82.{joined}"));
        out.push(format!("({trunk}{}) {}", &joined[..1], &joined[1..]));
        out
    }

    /// What the parser answers for `n` read in `region`; a number written
    /// with `+82` is read in Korea, where the parser reads it right.
    fn parser(n: &str, region: Region) -> Option<String> {
        by_metadata(n, if n.starts_with("+82") { Region::default() } else { region })
    }

    /// Where the shortcut answers, it answers what the parser answers; the
    /// count of its answers.
    fn check(numbers: &[String]) -> usize {
        let mut answered = 0;
        for n in numbers {
            for region in [Region::default(), Region(country::Id::US), Region(country::Id::JP)] {
                if let Some(fast) = common_e164(n, region) {
                    assert_eq!(Some(fast), parser(n, region), "{n:?} in {region}");
                    answered += 1;
                }
            }
        }
        answered
    }

    #[test]
    fn a_number_written_with_82_is_korean_in_every_region() {
        for region in [Region(country::Id::US), Region(country::Id::JP), Region(country::Id::DE)] {
            assert_eq!(to_e164("+821043604502", region).as_deref(), Some("+821043604502"), "{region}");
            assert_eq!(to_e164("+82 10-4360-4502", region).as_deref(), Some("+821043604502"), "{region}");
            assert_eq!(to_e164("+82 2-312-3456", region).as_deref(), Some("+8223123456"), "{region}");
            // Written nationally, 010… is no Korean number outside Korea.
            assert_ne!(to_e164("010-4360-4502", region).as_deref(), Some("+821043604502"), "{region}");
        }
    }

    #[test]
    fn mobiles_on_010_and_every_nearby_prefix_match_the_parser() {
        let mut d = Digits(1);
        let mut numbers = Vec::new();
        for prefix in ["10", "11", "16", "19", "100", "1", "20", "70"] {
            for _ in 0..40 {
                let (a, b) = (d.next(4), d.next(4));
                numbers.extend(writings("0", &[prefix, &a, &b]));
                numbers.extend(writings("0", &[prefix, &a[..3], &b]));
                numbers.extend(writings("0", &[prefix, &a, &b, &d.next(1)]));
            }
        }
        // Each 010 mobile in 14 of its writings at least, in Korea only.
        assert!(check(&numbers) >= 40 * 14, "{}", check(&numbers));
    }

    #[test]
    fn seoul_numbers_of_every_exchange_match_the_parser() {
        let mut d = Digits(2);
        let mut numbers = Vec::new();
        for exchange in 0..1000 {
            numbers.extend(writings("0", &["2", &format!("{exchange:03}"), &d.next(4)]));
        }
        for _ in 0..300 {
            numbers.extend(writings("0", &["2", &d.next(4), &d.next(4)]));
        }
        for _ in 0..100 {
            numbers.extend(writings("0", &["2", &d.next(2), &d.next(4)]));
            numbers.extend(writings("0", &["2", &d.next(5), &d.next(4)]));
        }
        // Exchanges 1–9xx and 1–9xxx, in 14 writings each.
        assert!(check(&numbers) > 1100 * 14, "{}", check(&numbers));
    }

    #[test]
    fn every_number_of_the_real_fixtures_is_read_as_the_parser_reads_it() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut numbers = Vec::new();
        for sub in ["vcard", "address_books", "countries"] {
            for entry in std::fs::read_dir(format!("{dir}/{sub}")).unwrap() {
                let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) else { continue };
                for line in text.lines().filter(|l| l.to_ascii_uppercase().contains("TEL")) {
                    numbers.extend(line.rsplit([':', ',', ';']).next().map(str::to_owned));
                }
                // Numbers in tables and chats: every run of digits and separators.
                numbers.extend(
                    text.split(|c: char| !(c.is_ascii_digit() || "+-. ".contains(c)))
                        .map(str::trim)
                        .filter(|s| s.bytes().filter(u8::is_ascii_digit).count() >= 7)
                        .map(str::to_owned),
                );
            }
        }
        assert!(numbers.len() > 50, "{}", numbers.len());
        for n in &numbers {
            for region in [Region::default(), Region(country::Id::US), Region(country::Id::DE)] {
                assert_eq!(to_e164(n, region), parser(ascii_separators(n).trim(), region), "{n:?}");
            }
        }
    }
}
