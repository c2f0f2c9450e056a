//! The structured name (vCard N, the CSV's given and family columns) of a
//! person: the one their source wrote when it wrote one, otherwise derived
//! from the display name. Address books sort and show family names from N,
//! so a derived one must not split 남궁민수 after 남 or file 교수님 as a
//! family name.
//!
//! The display name itself (FN) is never changed: 정서윤 교수님 stays the
//! name the user knows; only N leaves the title out.

use crate::model::NameParts;
use crate::vault::PersonView;

/// Korean surnames of two syllables. A name of three or more syllables that
/// starts with one of these is family name first, two syllables.
const TWO_SYLLABLE_SURNAMES: [&str; 16] = [
    "남궁", "제갈", "선우", "황보", "독고", "사공", "서문", "동방", "공손", "어금", "망절", "장곡", "부여", "소봉",
    "강전", "황목",
];

/// Titles and roles a chat nickname adds after a Korean name (longest first,
/// so 교수님 goes before 님).
const KOREAN_TITLES: [&str; 24] = [
    "선생님",
    "교수님",
    "팀장님",
    "과장님",
    "부장님",
    "차장님",
    "실장님",
    "사장님",
    "원장님",
    "대표님",
    "이사님",
    "선배님",
    "간호사",
    "교수",
    "선생",
    "팀장",
    "과장",
    "부장",
    "대리",
    "사원",
    "박사",
    "선배",
    "후배",
    "님",
];

/// Words before a Latin name that vCard files as a prefix.
const LATIN_PREFIXES: [&str; 9] = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "rev"];
/// Words after a Latin name that vCard files as a suffix.
const LATIN_SUFFIXES: [&str; 10] = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "dds", "mba"];

/// The person's N: the source's, else one derived from their name.
pub fn name_parts(p: &PersonView) -> NameParts {
    match &p.name_parts {
        Some(parts) if !parts.is_empty() => parts.clone(),
        _ => derive(&p.name),
    }
}

/// N from a display name alone.
pub fn derive(name: &str) -> NameParts {
    let core = strip_decorations(name);
    if core.chars().any(is_hangul_syllable) {
        return korean(&core);
    }
    latin(&core)
}

/// The name without what a chat nickname adds around it: bracketed notes
/// (`(3조)`, `[팀장]`), what follows `_`, `/` or `|` (`정서윤_간호사`), and
/// emoji and other symbols.
fn strip_decorations(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '[' | '{' | '<' | '【' | '「' | '（' => depth += 1,
            ')' | ']' | '}' | '>' | '】' | '」' | '）' => depth = depth.saturating_sub(1),
            '_' | '/' | '|' | '@' if depth == 0 && !out.trim().is_empty() => break,
            _ if depth > 0 => {}
            c if c.is_alphanumeric() || c.is_whitespace() || matches!(c, '.' | '-' | '\'' | ',') => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn korean(core: &str) -> NameParts {
    let mut words: Vec<String> = core.split_whitespace().map(str::to_owned).collect();
    // A title as its own word (정서윤 교수님) or stuck to the name (정서윤교수님).
    while words.len() > 1 && KOREAN_TITLES.contains(&words[words.len() - 1].as_str()) {
        words.pop();
    }
    if let Some(last) = words.last_mut() {
        for title in KOREAN_TITLES {
            if let Some(rest) = last.strip_suffix(title)
                && rest.chars().count() >= 2
            {
                *last = rest.to_owned();
                break;
            }
        }
    }
    let all_hangul = |w: &str| w.chars().all(is_hangul_syllable);
    match words.as_slice() {
        [] => NameParts::default(),
        // 김 철수: family first, as Korean is written.
        [family, given @ ..]
            if !given.is_empty() && words.iter().all(|w| all_hangul(w)) && family.chars().count() <= 2 =>
        {
            NameParts { family: family.clone(), given: given.join(" "), ..NameParts::default() }
        }
        [one] if all_hangul(one) => {
            let n = one.chars().count();
            if n < 2 {
                return NameParts { given: one.clone(), ..NameParts::default() };
            }
            let two: String = one.chars().take(2).collect();
            let split = if n >= 3 && TWO_SYLLABLE_SURNAMES.contains(&two.as_str()) { 2 } else { 1 };
            let family: String = one.chars().take(split).collect();
            let given: String = one.chars().skip(split).collect();
            NameParts { family, given, ..NameParts::default() }
        }
        // Hangul mixed with Latin or several long words: no guess at a family name.
        _ => NameParts { given: words.join(" "), ..NameParts::default() },
    }
}

fn latin(core: &str) -> NameParts {
    let word = |w: &str| w.trim_end_matches([',', '.']).to_lowercase();
    // "Doe, John" is family name first.
    if let Some((family, given)) = core.split_once(',')
        && !LATIN_SUFFIXES.contains(&word(given.trim()).as_str())
        && !given.trim().is_empty()
    {
        let mut parts = latin(given.trim());
        let family = family.trim().to_owned();
        if !parts.family.is_empty() {
            parts.given = format!("{} {}", parts.given, parts.family).trim().to_owned();
        }
        parts.family = family;
        return parts;
    }
    let mut words: Vec<&str> = core.split_whitespace().collect();
    let mut prefixes = Vec::new();
    while words.len() > 1 && LATIN_PREFIXES.contains(&word(words[0]).as_str()) {
        prefixes.push(words.remove(0));
    }
    let mut suffixes = Vec::new();
    while words.len() > 1 && LATIN_SUFFIXES.contains(&word(words[words.len() - 1]).as_str()) {
        suffixes.insert(0, words.pop().unwrap_or_default());
    }
    let trim = |w: &str| w.trim_end_matches(',').to_owned();
    let (family, given) = match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] => (String::new(), trim(one)),
        [given @ .., family] => (trim(family), given.iter().map(|w| trim(w)).collect::<Vec<_>>().join(" ")),
    };
    NameParts {
        family,
        given,
        additional: String::new(),
        prefix: prefixes.join(" "),
        suffix: suffixes.iter().map(|w| trim(w)).collect::<Vec<_>>().join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fg(name: &str) -> (String, String) {
        let p = derive(name);
        (p.family, p.given)
    }

    fn pair(family: &str, given: &str) -> (String, String) {
        (family.to_owned(), given.to_owned())
    }

    #[test]
    fn korean_names_split_by_the_surname_list() {
        assert_eq!(fg("김철수"), pair("김", "철수"));
        assert_eq!(fg("남궁서연"), pair("남궁", "서연"));
        assert_eq!(fg("제갈공명"), pair("제갈", "공명"));
        assert_eq!(fg("선우진"), pair("선우", "진"));
        assert_eq!(fg("황보민수"), pair("황보", "민수"));
        // 선우 is a given name too: two syllables are family + given.
        assert_eq!(fg("선우"), pair("선", "우"));
        assert_eq!(fg("김 철수"), pair("김", "철수"));
        assert_eq!(fg("민"), pair("", "민"));
    }

    #[test]
    fn chat_nickname_titles_stay_out_of_n() {
        assert_eq!(fg("정서윤 교수님"), pair("정", "서윤"));
        assert_eq!(fg("정서윤교수님"), pair("정", "서윤"));
        assert_eq!(fg("김민수(3조)"), pair("김", "민수"));
        assert_eq!(fg("🐣이하늘"), pair("이", "하늘"));
        assert_eq!(fg("박지은_간호사"), pair("박", "지은"));
        assert_eq!(fg("[팀장] 최영호 🙂"), pair("최", "영호"));
    }

    #[test]
    fn latin_names_in_their_order() {
        assert_eq!(fg("Alice Kim"), pair("Kim", "Alice"));
        assert_eq!(fg("Mary Ann Lee"), pair("Lee", "Mary Ann"));
        assert_eq!(fg("Bob"), pair("", "Bob"));
        assert_eq!(fg("Doe, John"), pair("Doe", "John"));
        let p = derive("Dr. John Doe Jr.");
        assert_eq!(
            (p.prefix.as_str(), p.given.as_str(), p.family.as_str(), p.suffix.as_str()),
            ("Dr.", "John", "Doe", "Jr.")
        );
    }

    #[test]
    fn the_sources_n_wins() {
        let mut p = crate::export::vcard::tests::sample();
        p.name = "서연".into();
        p.name_parts = Some(NameParts { family: "남궁".into(), given: "서연".into(), ..NameParts::default() });
        assert_eq!(name_parts(&p).family, "남궁");
    }
}
