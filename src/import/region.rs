//! Which country a file's numbers written without `+` belong to.
//!
//! A Japanese LINE room writes `090-1234-5678`, a German WhatsApp chat
//! `0151 23456789`: read as Korean numbers they are lost. The file says
//! where it is from: the language it is written in (its UI's words and its
//! members' messages, or what the importer knows of its locale, such as a
//! Thai phone's Buddhist-era years), and the country codes of the numbers
//! written with `+` in it, senders' numbers included. The user's region
//! setting decides what the file leaves open; a region chosen for the
//! import (`--region`) decides everything.

mod language;

use phonenumber::country::Id;
use serde::Serialize;

use crate::extract::{self, Kind};
use crate::phone::Region;
pub use language::Language;

/// Each language and the regions whose numbers its speakers write, the
/// first the one assumed when the file's numbers name none of the others.
/// English is written everywhere: it names no region.
const REGIONS: &[(Language, &[Id])] = &[
    (Language::Korean, &[Id::KR]),
    (Language::Japanese, &[Id::JP]),
    (Language::Thai, &[Id::TH]),
    (Language::Russian, &[Id::RU, Id::KZ, Id::BY]),
    (Language::ChineseTraditional, &[Id::TW, Id::HK, Id::MO]),
    (Language::ChineseSimplified, &[Id::CN, Id::SG]),
    (Language::German, &[Id::DE, Id::AT, Id::CH]),
    (Language::French, &[Id::FR, Id::BE, Id::CH, Id::CA]),
    (Language::Spanish, &[Id::ES, Id::MX, Id::AR, Id::CO, Id::CL, Id::PE]),
    (Language::Portuguese, &[Id::BR, Id::PT]),
    (Language::English, &[]),
];

/// Numbers in the head looked at for their country codes.
const MAX_VOTES: usize = 500;

/// The region chosen for a file's numbers, and why: the import summary says so.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RegionReading {
    /// `JP`, `KR`.
    pub region: String,
    pub by: RegionBasis,
    /// The language the file is written in, when it could tell.
    pub language: Option<&'static str>,
    /// The file's numbers are read in another region than the user's
    /// setting: what the summary points out.
    pub overrides_setting: bool,
}

/// Why a [`RegionReading`] was chosen.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionBasis {
    /// The user chose it for this import.
    Chosen,
    /// The file's language (with its numbers' country codes where the
    /// language is spoken in several countries).
    Language,
    /// The country codes of most numbers in the file.
    Numbers,
    /// The file named none: the user's region setting.
    Setting,
}

/// The region for the numbers of a file whose first bytes are `head`.
/// `hint` is the importer's own reading of the file's locale; `setting` the
/// user's region, `chosen` true when it was picked for this import.
pub fn read_region(head: &str, hint: Option<Language>, setting: Region, chosen: bool) -> (Region, RegionReading) {
    let reading = |region: Region, by, language: Option<Language>| {
        let overrides_setting = region != setting;
        (
            region,
            RegionReading { region: region.to_string(), by, language: language.map(Language::name), overrides_setting },
        )
    };
    if chosen {
        return reading(setting, RegionBasis::Chosen, None);
    }
    let language = hint.or_else(|| language::detect(head));
    let candidates = language.and_then(|l| REGIONS.iter().find(|(lang, _)| *lang == l)).map_or(&[][..], |(_, c)| c);
    let Some(first) = candidates.first() else {
        return match majority(&votes(head, setting)) {
            Some(region) if region != setting => reading(region, RegionBasis::Numbers, language),
            _ => reading(setting, RegionBasis::Setting, language),
        };
    };
    let assumed = if candidates.contains(&setting.0) { setting } else { Region(*first) };
    // National numbers vote for the language's region when they are valid there.
    let votes = votes(head, assumed);
    let voted = votes.iter().filter(|(r, _)| candidates.contains(&r.0)).max_by_key(|(_, n)| *n).map(|(r, _)| *r);
    match overwhelming(&votes) {
        // The numbers contradict the language (a misread one, or a room abroad).
        Some(region) if !candidates.contains(&region.0) => reading(region, RegionBasis::Numbers, language),
        _ => reading(voted.unwrap_or(assumed), RegionBasis::Language, language),
    }
}

/// The region most numbers belong to, when at least two do and they are
/// more than half of all.
fn majority(votes: &[(Region, usize)]) -> Option<Region> {
    winner(votes, 2, |n, total| n * 2 > total)
}

/// The region of at least three numbers and two thirds of all: enough to
/// overrule the file's language.
fn overwhelming(votes: &[(Region, usize)]) -> Option<Region> {
    winner(votes, 3, |n, total| n * 3 > total * 2)
}

fn winner(votes: &[(Region, usize)], at_least: usize, share: impl Fn(usize, usize) -> bool) -> Option<Region> {
    let total: usize = votes.iter().map(|(_, n)| n).sum();
    votes.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n >= at_least && share(*n, total)).map(|(r, _)| *r)
}

/// How many numbers of `head` belong to each region: those written with a
/// country code to theirs, national ones valid in `assumed` to it.
fn votes(head: &str, assumed: Region) -> Vec<(Region, usize)> {
    let mut votes: Vec<(Region, usize)> = Vec::new();
    let phones = extract::find(head, assumed).into_iter().filter(|f| f.kind == Kind::Phone).take(MAX_VOTES);
    for region in phones.filter_map(|f| Region::of_e164(&f.value)) {
        match votes.iter_mut().find(|(r, _)| *r == region) {
            Some((_, n)) => *n += 1,
            None => votes.push((region, 1)),
        }
    }
    votes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(head: &str, hint: Option<Language>, setting: &str) -> (String, RegionBasis) {
        let (r, reading) = read_region(head, hint, setting.parse().unwrap(), false);
        assert_eq!(r.to_string(), reading.region);
        assert_eq!(reading.overrides_setting, reading.region != setting);
        (reading.region, reading.by)
    }

    #[test]
    fn the_file_s_language_names_its_region() {
        let ja = "[LINE] 花子とのトーク履歴\n12:08\t花子\t携帯は090-1234-5678です";
        assert_eq!(region(ja, None, "KR"), ("JP".into(), RegionBasis::Language));
        let ko = "[김민수] [오후 2:02] 제 번호 010-1234-5678 입니다, 미국 번호는 +1 650-253-0000, +1 650-253-0001";
        assert_eq!(region(ko, None, "US"), ("KR".into(), RegionBasis::Language));
        assert_eq!(region("Saved on: 14/06/2565 BE 19:01\n10:30\tSomchai\tok", Some(Language::Thai), "KR").0, "TH");
    }

    #[test]
    fn country_codes_choose_among_the_language_s_countries() {
        let de = "Anna: Hallo, ich bin noch nicht da. Das ist mir auch egal und wir sehen uns um acht, bitte +41 44 668 18 00 anrufen";
        assert_eq!(region(de, None, "KR"), ("CH".into(), RegionBasis::Language));
        let de_plain = "Anna: Hallo, ich bin noch nicht da. Das ist mir auch egal und wir sehen uns um acht, bitte 030 1234567 anrufen";
        assert_eq!(region(de_plain, None, "KR"), ("DE".into(), RegionBasis::Language));
        assert_eq!(region(de_plain, None, "AT"), ("AT".into(), RegionBasis::Language));
    }

    #[test]
    fn english_files_follow_their_numbers_or_the_setting() {
        let en = "+44 7400 123456: hi\n+44 7400 123457: hello\n+1 650-253-0000: hey";
        assert_eq!(region(en, None, "KR"), ("GB".into(), RegionBasis::Numbers));
        let en = "Alice: my number is 010-1234-5678 and this is what we have for you, the plan that is for the week";
        assert_eq!(region(en, None, "KR"), ("KR".into(), RegionBasis::Setting));
        assert_eq!(region("", None, "JP"), ("JP".into(), RegionBasis::Setting));
    }

    #[test]
    fn numbers_outvote_a_misread_language() {
        // Quoted-printable names are no Portuguese, whatever their letters spell.
        let card = "BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:=ED=97=88=ED=95=98=EC=A4=80 e e e e e e e e e e\nTEL:+82 10-1234-5678\nTEL:+82 10-2345-6789\nTEL:+82 10-3456-7890\nEND:VCARD";
        assert_eq!(region(card, Some(Language::Portuguese), "US"), ("KR".into(), RegionBasis::Numbers));
        // A Japanese room's Tokyo numbers stay Japanese even though they would dial in Korea.
        let ja = "[LINE] 山登り部のトーク履歴\n会社は03-1234-5678、自宅は03-2345-6789、田中さんは03-3456-7890";
        assert_eq!(region(ja, None, "KR"), ("JP".into(), RegionBasis::Language));
    }

    #[test]
    fn a_chosen_region_wins() {
        let (r, reading) = read_region("[LINE] 花子とのトーク履歴", None, "KR".parse().unwrap(), true);
        assert_eq!((r.to_string(), reading.by), ("KR".into(), RegionBasis::Chosen));
    }
}
