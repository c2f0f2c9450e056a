//! What the service lines and time stamps of an HTML export say. tdesktop
//! writes service lines in English whatever the app's language
//! (`export_output_html.cpp`): `A invited B, C and D`, `A joined group by
//! link from B`, `A removed B` (a member leaving removes themselves),
//! `A created group «T» with members B and C`. Others (photos, titles,
//! pins, calls) say nothing about who is in the room.

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::{EventKind, Speaker};

/// Who a service line says joined, was invited, left or was removed.
#[derive(Debug, PartialEq)]
pub struct Membership {
    pub kind: EventKind,
    pub actor: Option<Speaker>,
    pub subjects: Vec<Speaker>,
}

/// The membership change a service line records, if it records one.
pub fn membership(text: &str, name: impl Fn(&str) -> String) -> Option<Membership> {
    let person = |raw: &str| Some(Speaker::named(name(raw))).filter(|s| !s.name.is_empty());
    let people = |list: &str| names(list).filter_map(&person).collect::<Vec<_>>();
    let alone = |kind, who: &str| Some(Membership { kind, actor: None, subjects: vec![person(who)?] });
    if let Some((actor, rest)) = text.split_once(" created group «") {
        let members = rest.rsplit_once(" with members ").map(|(_, list)| people(list)).unwrap_or_default();
        return (!members.is_empty()).then(|| Membership {
            kind: EventKind::Invited,
            actor: person(actor),
            subjects: members,
        });
    }
    if let Some(actor) = text.strip_suffix(" joined group by request") {
        return alone(EventKind::Joined, actor);
    }
    if let Some((actor, _)) = text.split_once(" joined group by link from ") {
        return alone(EventKind::Joined, actor);
    }
    if let Some((actor, invited)) = text.split_once(" invited ") {
        if invited.ends_with(" to the voice chat") || invited.ends_with(" to the video chat") {
            return None;
        }
        let subjects = people(invited);
        let actor = person(actor);
        // A member of a supergroup who joined on their own "invited" themselves.
        if let ([only], Some(a)) = (subjects.as_slice(), &actor)
            && only.name == a.name
        {
            return Some(Membership { kind: EventKind::Joined, actor: None, subjects });
        }
        return (!subjects.is_empty()).then_some(Membership { kind: EventKind::Invited, actor, subjects });
    }
    if let Some((actor, removed)) = text.split_once(" removed ") {
        if removed == "group photo" {
            return None;
        }
        let (actor, removed) = (person(actor), person(removed)?);
        if actor.as_ref().is_some_and(|a| a.name == removed.name) {
            return Some(Membership { kind: EventKind::Left, actor: None, subjects: vec![removed] });
        }
        return Some(Membership { kind: EventKind::Kicked, actor, subjects: vec![removed] });
    }
    None
}

/// The names of a list as tdesktop joins them: `A`, `A and B`, `A, B and C`.
fn names(list: &str) -> impl Iterator<Item = &str> {
    let (head, last) = match list.rsplit_once(" and ") {
        Some((head, last)) => (head, Some(last)),
        None => (list, None),
    };
    head.split(", ").chain(last).map(str::trim).filter(|n| !n.is_empty())
}

/// A message's time from the `title` of its date: `04.06.2020 14:16:12`,
/// with the zone some builds add (`UTC+03:00`, `UTC-05:30`, `GMT+00:00`,
/// `GMT+3`, bare `UTC`). The local time as written is kept, like the
/// JSON export's `date`.
pub fn stamp(title: &str) -> Option<NaiveDateTime> {
    let mut words = title.split_ascii_whitespace();
    let (date, time, zone) = (words.next()?, words.next()?, words.next());
    if words.next().is_some() || !zone.is_none_or(is_zone) {
        return None;
    }
    let mut d = date.split('.').map(|p| p.parse::<u32>().ok());
    let (day, month, year) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.split(':').map(|p| p.parse::<u32>().ok());
    let (hour, minute, second) = (t.next()??, t.next()??, t.next().unwrap_or(Some(0))?);
    if d.next().is_some() || t.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?.and_hms_opt(hour, minute, second)
}

fn is_zone(zone: &str) -> bool {
    let Some(offset) = zone.strip_prefix("UTC").or_else(|| zone.strip_prefix("GMT")) else { return false };
    if offset.is_empty() {
        return true;
    }
    let Some(digits) = offset.strip_prefix(['+', '-']) else { return false };
    let (hours, minutes) = digits.split_once(':').unwrap_or((digits, "00"));
    (1..=2).contains(&hours.len())
        && minutes.len() == 2
        && hours.bytes().chain(minutes.bytes()).all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(EventKind, Option<String>, Vec<String>)> {
        membership(text, |n| n.trim().to_owned())
            .map(|m| (m.kind, m.actor.map(|a| a.name), m.subjects.into_iter().map(|s| s.name).collect()))
    }

    #[test]
    fn reads_who_joined_was_invited_left_or_was_removed() {
        let own = |s: &str| s.to_owned();
        assert_eq!(
            read("Lasse Peters created group «Test» with members Lasse Peters and Info"),
            Some((EventKind::Invited, Some(own("Lasse Peters")), vec![own("Lasse Peters"), own("Info")]))
        );
        assert_eq!(
            read("Ann invited Bo, Cy and Di"),
            Some((EventKind::Invited, Some(own("Ann")), vec![own("Bo"), own("Cy"), own("Di")]))
        );
        assert_eq!(read("Sergey invited Sergey"), Some((EventKind::Joined, None, vec![own("Sergey")])));
        assert_eq!(read("Maxim joined group by link from Viktor"), Some((EventKind::Joined, None, vec![own("Maxim")])));
        assert_eq!(read("Bo joined group by request"), Some((EventKind::Joined, None, vec![own("Bo")])));
        assert_eq!(read("Ann removed Bo"), Some((EventKind::Kicked, Some(own("Ann")), vec![own("Bo")])));
        assert_eq!(read("Bo removed Bo"), Some((EventKind::Left, None, vec![own("Bo")])));
        assert_eq!(read("Ann invited Bo to the voice chat"), None);
        assert_eq!(read("Ann removed group photo"), None);
        assert_eq!(read("Ann changed group title to «x»"), None);
        assert_eq!(read("4 June 2020"), None);
    }

    #[test]
    fn reads_times_with_and_without_a_zone() {
        let at = NaiveDate::from_ymd_opt(2020, 6, 4).unwrap().and_hms_opt(14, 16, 12).unwrap();
        for title in [
            "04.06.2020 14:16:12",
            "04.06.2020 14:16:12 UTC+03:00",
            "04.06.2020 14:16:12 UTC-05:30",
            "04.06.2020 14:16:12 GMT+00:00",
            "04.06.2020 14:16:12 GMT+3",
            "04.06.2020 14:16:12 UTC",
        ] {
            assert_eq!(stamp(title), Some(at), "{title}");
        }
        for bad in ["", "04.06.2020", "31.02.2020 10:00:00", "04.06.2020 14:16:12 CEST", "04.06.2020 14:16:12 UTC+3:0x"]
        {
            assert_eq!(stamp(bad), None, "{bad}");
        }
    }
}
