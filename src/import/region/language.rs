//! The language a text is written in, from its scripts and, for text in
//! Latin letters, its commonest words: enough to tell which country's
//! numbers a chat writes, never a full language identifier.

/// A language whose speakers write numbers of a few countries only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Korean,
    Japanese,
    Thai,
    Russian,
    /// Traditional characters (Taiwan, Hong Kong).
    ChineseTraditional,
    /// Simplified characters (mainland China, Singapore).
    ChineseSimplified,
    German,
    French,
    Spanish,
    Portuguese,
    English,
}

impl Language {
    pub fn name(self) -> &'static str {
        match self {
            Language::Korean => "Korean",
            Language::Japanese => "Japanese",
            Language::Thai => "Thai",
            Language::Russian => "Russian",
            Language::ChineseTraditional => "Traditional Chinese",
            Language::ChineseSimplified => "Simplified Chinese",
            Language::German => "German",
            Language::French => "French",
            Language::Spanish => "Spanish",
            Language::Portuguese => "Portuguese",
            Language::English => "English",
        }
    }
}

/// Letters of a script below this share of all letters do not make the
/// text that script's language (a Japanese name in a Korean room).
const MIN_SCRIPT_SHARE: f64 = 0.15;
/// Common words a Latin-script text needs before its language is named.
const MIN_WORD_HITS: usize = 8;

/// Characters only one of the two Chinese writing systems uses, among the
/// commonest: `們個這說來時會對還為記錄` and their simplified forms.
const TRADITIONAL: &str = "們個這說來時會對還為記錄聯絡電話請謝謝號碼傳給嗎麼裡後見開關讓從點實";
const SIMPLIFIED: &str = "们个这说来时会对还为记录联络电话请谢谢号码传给吗么里后见开关让从点实";

/// The commonest short words of each Latin-script language: a text's
/// language is the one whose words it uses most.
const WORDS: &[(Language, &[&str])] = &[
    (
        Language::English,
        &[
            "the", "and", "you", "is", "it", "to", "that", "for", "this", "my", "we", "are", "was", "have", "what",
            "with",
        ],
    ),
    (
        Language::German,
        &[
            "und", "ich", "nicht", "ist", "das", "der", "du", "wir", "mit", "auf", "ein", "eine", "auch", "noch",
            "mal", "schon", "bitte", "danke", "um", "hallo",
        ],
    ),
    (
        Language::French,
        &[
            "et", "je", "le", "la", "les", "est", "pas", "vous", "tu", "une", "des", "pour", "oui", "merci", "avec",
            "bonjour",
        ],
    ),
    (
        Language::Spanish,
        &["el", "los", "que", "es", "por", "para", "una", "con", "pero", "gracias", "hola", "muy", "está", "sí"],
    ),
    (
        Language::Portuguese,
        &["os", "que", "não", "com", "uma", "para", "obrigado", "obrigada", "você", "está", "sim", "olá", "muito"],
    ),
];

/// How many letters of each script a text has.
#[derive(Default)]
struct Scripts {
    hangul: usize,
    kana: usize,
    han: usize,
    thai: usize,
    cyrillic: usize,
    latin: usize,
    traditional: usize,
    simplified: usize,
}

impl Scripts {
    fn count(text: &str) -> Scripts {
        let mut s = Scripts::default();
        for c in text.chars() {
            match c {
                '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => s.hangul += 1,
                '\u{3040}'..='\u{30FF}' => s.kana += 1,
                '\u{4E00}'..='\u{9FFF}' => {
                    s.han += 1;
                    s.traditional += usize::from(TRADITIONAL.contains(c));
                    s.simplified += usize::from(SIMPLIFIED.contains(c));
                }
                '\u{0E00}'..='\u{0E7F}' => s.thai += 1,
                '\u{0400}'..='\u{04FF}' => s.cyrillic += 1,
                c if c.is_alphabetic() => s.latin += 1,
                _ => {}
            }
        }
        s
    }
}

/// The language `text` is written in, None when it cannot tell (too little
/// text, or Latin letters that match no word list well).
pub fn detect(text: &str) -> Option<Language> {
    let s = Scripts::count(text);
    let letters = s.hangul + s.kana + s.han + s.thai + s.cyrillic + s.latin;
    if letters == 0 {
        return None;
    }
    // Japanese writes Han characters between its kana.
    let cjk =
        if s.kana > 0 && s.kana * 10 >= s.han { (s.kana + s.han, Language::Japanese) } else { (s.han, chinese(&s)) };
    let scripts = [(s.hangul, Language::Korean), cjk, (s.thai, Language::Thai), (s.cyrillic, Language::Russian)];
    let (count, language) = scripts.into_iter().max_by_key(|(n, _)| *n)?;
    if count as f64 >= MIN_SCRIPT_SHARE * letters as f64 {
        return Some(language);
    }
    latin_language(text)
}

fn chinese(s: &Scripts) -> Language {
    if s.simplified > s.traditional { Language::ChineseSimplified } else { Language::ChineseTraditional }
}

/// The Latin-script language whose common words `text` uses most, when it
/// uses them clearly more than the next one's. Words in capitals are keys
/// and codes (`TEL`, quoted-printable `=EC=A4`), not speech.
fn latin_language(text: &str) -> Option<Language> {
    let mut hits = [0usize; WORDS.len()];
    let words = text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() <= 12 && w.chars().any(char::is_lowercase));
    for word in words {
        let lower = word.to_lowercase();
        for (i, (_, words)) in WORDS.iter().enumerate() {
            hits[i] += usize::from(words.contains(&lower.as_str()));
        }
    }
    let mut ranked: Vec<(usize, Language)> = hits.iter().zip(WORDS).map(|(h, (l, _))| (*h, *l)).collect();
    ranked.sort_by_key(|(h, _)| std::cmp::Reverse(*h));
    let (best, language) = ranked[0];
    let runner_up = ranked[1].0;
    (best >= MIN_WORD_HITS && best * 2 > runner_up * 3).then_some(language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_words_name_the_language() {
        assert_eq!(detect("[LINE] 花子とのトーク履歴\n12:08\t花子\tお疲れ様です！"), Some(Language::Japanese));
        assert_eq!(detect("2022년 10월 15일 토요일\n[김민수] [오후 2:02] 제 번호 입니다"), Some(Language::Korean));
        assert_eq!(detect("[LINE] ประวัติการแชทกับ สมชาย\n10:30\tสมชาย\tสวัสดีครับ"), Some(Language::Thai));
        assert_eq!(detect("Привет, позвони мне завтра"), Some(Language::Russian));
        assert_eq!(
            detect("[LINE] 與Alice的聊天記錄\n下午03:04\tAlice\t謝謝你的電話號碼"),
            Some(Language::ChineseTraditional)
        );
        assert_eq!(detect("谢谢你的电话号码，我们明天见"), Some(Language::ChineseSimplified));
        let de = "04.02.17 um 22:45 - Anna: Hallo, ich bin noch nicht da. Das ist mir auch egal und wir sehen uns um acht, bitte mit dem Auto";
        assert_eq!(detect(de), Some(Language::German));
        let en = "Alice: I have the notes for you and this is what we are doing with it, that is the plan for the week";
        assert_eq!(detect(en), Some(Language::English));
        assert_eq!(detect("ok ok 123"), None);
        let qp = "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=ED=97=88=ED=95=98=EC=A4=80=E5=A5=BD=EA=B0=80 ".repeat(20);
        assert_eq!(detect(&qp), None, "quoted-printable is no language");
        assert_eq!(detect("12:00 - 010-1234-5678"), None);
    }

    #[test]
    fn a_few_foreign_letters_do_not_change_the_language() {
        let text = "[김민수] [오후 2:02] 田中さん 번호 알려주세요 내일 회의는 어디서 하나요 확인 부탁드립니다";
        assert_eq!(detect(text), Some(Language::Korean));
    }
}
