//! WhatsApp's system lines in the languages its exports are most often
//! written in besides English: German, Spanish, Portuguese, Russian, French
//! and Korean. Each language has its phrases for a group being created, a
//! member added, removed, leaving or joining by link, the word its lines
//! use for the exporting user, and how it joins a list of names.
//!
//! The phrases follow WhatsApp's own translations as public parsers list
//! them (formats-reference §2). A line in none of these shapes is a notice
//! like any other: read, and given no membership meaning.

use std::sync::LazyLock;

use regex::Regex;

use crate::import::chat_common::{EventRule, clean_name, is_bidi_mark};
use crate::model::{EventKind, Speaker};

/// How one language writes the membership lines.
pub struct Locale {
    /// `X created group "NAME"`, with `actor` and `title` groups.
    pub created: Regex,
    pub rules: Vec<EventRule>,
    /// The word between the last two names of a list (`and`, `und`, `y`).
    pub and: &'static str,
    /// A suffix every name carries in this language's lines (Korean `님`).
    pub name_suffix: Option<&'static str>,
}

fn locale(created: &str, rules: &[(&str, EventKind)], and: &'static str, name_suffix: Option<&'static str>) -> Locale {
    Locale {
        created: Regex::new(created).expect("built-in created pattern"),
        rules: rules.iter().map(|(pattern, kind)| EventRule::new(pattern, kind.clone())).collect(),
        and,
        name_suffix,
    }
}

/// Every language read, English first.
pub static LOCALES: LazyLock<Vec<Locale>> = LazyLock::new(|| {
    use EventKind::{Invited, Joined, Kicked, Left};
    vec![
        locale(
            r#"^(?P<actor>.+?) created group ["“](?P<title>.*)["”]$"#,
            &[
                (r"^(?P<subjects>.+?) joined using this group[’']s invite link$", Joined),
                (r"^(?P<subjects>You) were added$", Invited),
                (r"^(?P<actor>.+?) added (?P<subjects>.+)$", Invited),
                (r"^(?P<actor>.+?) removed (?P<subjects>.+)$", Kicked),
                (r"^(?P<subjects>.+) left$", Left),
            ],
            " and ",
            None,
        ),
        locale(
            r#"^(?P<actor>.+?) (?:hat|hast) die Gruppe ["„“»](?P<title>.*)["“”«] erstellt$"#,
            &[
                (r"^(?P<subjects>.+?) (?:ist|bist) über den Einladungslink dieser Gruppe beigetreten$", Joined),
                (r"^(?P<subjects>.+?) (?:ist|bist) der Gruppe über den Einladungslink beigetreten$", Joined),
                (r"^(?P<subjects>Du) wurdest hinzugefügt$", Invited),
                (r"^(?P<actor>.+?) (?:hat|hast) (?P<subjects>.+) hinzugefügt$", Invited),
                (r"^(?P<actor>.+?) (?:hat|hast) (?P<subjects>.+) entfernt$", Kicked),
                (r"^(?P<subjects>.+?) (?:hat|hast) die Gruppe verlassen$", Left),
            ],
            " und ",
            None,
        ),
        locale(
            r#"^(?P<actor>.+?) (?:creó|creaste) el grupo ["“«](?P<title>.*)["”»]$"#,
            &[
                (r"^(?P<subjects>.+?) se unió usando el enlace de invitación de este grupo$", Joined),
                (r"^(?P<subjects>Te) añadieron$", Invited),
                (r"^(?P<actor>.+?) (?:añadió|añadiste) a (?P<subjects>.+)$", Invited),
                (r"^(?P<actor>.+?) (?:eliminó|eliminaste) a (?P<subjects>.+)$", Kicked),
                (r"^(?P<subjects>.+?) (?:salió|saliste) del grupo$", Left),
            ],
            " y ",
            None,
        ),
        locale(
            r#"^(?P<actor>.+?) criou o grupo ["“«](?P<title>.*)["”»]$"#,
            &[
                (r"^(?P<subjects>.+?) entrou usando o link de convite deste grupo$", Joined),
                (r"^(?P<subjects>Você) foi adicionad[oa]$", Invited),
                (r"^(?P<actor>.+?) adicionou (?P<subjects>.+)$", Invited),
                (r"^(?P<actor>.+?) removeu (?P<subjects>.+)$", Kicked),
                (r"^(?P<subjects>.+?) saiu$", Left),
            ],
            " e ",
            None,
        ),
        locale(
            r#"^(?P<actor>.+?) (?:создал\(а\)|создала?|создали) группу ["«“](?P<title>.*)["»”]$"#,
            &[
                (r"^(?P<subjects>.+?) присоедини(?:лся|лась|лся\(-ась\)|лись) к группе по ссылке-приглашению$", Joined),
                (r"^(?P<subjects>Вас) добавили$", Invited),
                (r"^(?P<actor>.+?) (?:добавил\(а\)|добавила?|добавили) (?P<subjects>.+)$", Invited),
                (r"^(?P<actor>.+?) (?:удалил\(а\)|удалила?|удалили) (?P<subjects>.+)$", Kicked),
                (r"^(?P<subjects>.+?) (?:вышел\(-ла\)|вышла?|вышли)(?: из группы)?$", Left),
            ],
            " и ",
            None,
        ),
        locale(
            r#"^(?P<actor>.+?) (?:a|avez) créé le groupe ["«“]\s?(?P<title>.*?)\s?["»”]$"#,
            &[
                (
                    r"^(?P<subjects>.+?) (?:a|avez) rejoint (?:ce groupe|le groupe) (?:via|avec) le lien d[’']invitation$",
                    Joined,
                ),
                (r"^(?P<subjects>Vous) avez été ajouté(?:\(e\)|e)?$", Invited),
                (r"^(?P<actor>.+?) (?:a|avez) ajouté (?P<subjects>.+)$", Invited),
                (r"^(?P<actor>.+?) (?:a|avez) retiré (?P<subjects>.+)$", Kicked),
                (r"^(?P<subjects>.+?) (?:est parti(?:\(e\)|e)?|êtes parti(?:\(e\)|e)?)$", Left),
            ],
            " et ",
            None,
        ),
        locale(
            r#"^(?P<actor>.+?)(?:님이|이|가) ["“](?P<title>.*)["”] ?그룹을 만들었습니다$"#,
            &[
                (r"^(?P<subjects>.+?)(?:님이|이|가) 이 그룹의 초대 링크(?:로|를 통해) 참여했습니다$", Joined),
                (r"^(?P<actor>.+?)(?:님이|이|가) (?P<subjects>.+?)(?:님을|을|를) 초대했습니다$", Invited),
                (r"^(?P<actor>.+?)(?:님이|이|가) (?P<subjects>.+?)(?:님을|을|를) 추가했습니다$", Invited),
                (r"^(?P<actor>.+?)(?:님이|이|가) (?P<subjects>.+?)(?:님을|을|를) 내보냈습니다$", Kicked),
                (r"^(?P<subjects>.+?)(?:님이|이|가) 나갔습니다$", Left),
            ],
            "님과 ",
            Some("님"),
        ),
    ]
});

/// The words system lines use for the exporting user.
const ME: &[&str] = &["You", "you", "Du", "du", "Te", "Tú", "Você", "Вас", "Вы", "Vous", "회원님", "나"];

/// A speaker named in a system line, with the exporter's word marked as me
/// and `~ ` and the language's name suffix removed.
pub fn speaker(raw: &str, locale: &Locale) -> Speaker {
    let mut name = clean_name(raw);
    if let Some(rest) = name.strip_prefix('~') {
        name = clean_name(rest);
    }
    if let Some(bare) = locale.name_suffix.and_then(|s| name.strip_suffix(s)).filter(|b| !b.is_empty()) {
        name = bare.to_owned();
    }
    let me = ME.contains(&name.as_str());
    Speaker { name, me, id: None }
}

/// The names of a list in `locale`'s words (`A, B und C`).
pub fn names(list: &str, locale: &Locale) -> Vec<Speaker> {
    list.split(", ")
        .flat_map(|part| part.split(locale.and))
        .flat_map(|part| part.split('、'))
        .map(|part| speaker(part, locale))
        .filter(|s| !s.name.is_empty())
        .collect()
}

/// Notices WhatsApp writes at the top of a chat, under the group's name as
/// author on some phones: the text is a notice, and that author no member.
const NOTICES: &[&str] = &[
    "Messages and calls are end-to-end encrypted",
    "Messages to this group are now secured with end-to-end encryption",
    "Messages you send to this group are now secured with end-to-end encryption",
    "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
    "Los mensajes y las llamadas están cifrados de extremo a extremo",
    "Los mensajes y llamadas están cifrados de extremo a extremo",
    "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta",
    "Mensagens e ligações são protegidas com a criptografia de ponta a ponta",
    "Сообщения и звонки защищены сквозным шифрованием",
    "Les messages et les appels sont chiffrés de bout en bout",
    "메시지와 통화는 종단간 암호화",
];

/// True when `text` is one of WhatsApp's chat notices, in any language read.
pub fn is_notice(text: &str) -> bool {
    let bare: String = text.chars().filter(|c| !is_bidi_mark(*c)).collect();
    let bare = bare.trim_start();
    NOTICES.iter().any(|n| bare.starts_with(n))
}
