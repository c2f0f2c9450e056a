//! The meaning of WhatsApp text beyond its grammar: media placeholders,
//! deleted messages, membership lines, sender names and room names.
//!
//! System phrases are read in every language [`super::locales`] knows;
//! lines in other languages are skipped like any other notice.

use super::locales::{LOCALES, names, speaker};
use crate::import::chat_common::{clean_name, is_bidi_mark};
use crate::model::{EventKind, MessageKind, Speaker};

/// Whole texts that stand for an attachment, in the languages read.
const MEDIA: &[&str] = &[
    "<Media omitted>",
    "image omitted",
    "video omitted",
    "audio omitted",
    "sticker omitted",
    "GIF omitted",
    "Contact card omitted",
    "document omitted",
    "<Medien ausgeschlossen>",
    "Bild weggelassen",
    "Video weggelassen",
    "Audio weggelassen",
    "Sticker weggelassen",
    "<Multimedia omitido>",
    "<Mídia oculta>",
    "<Médias omis>",
    "<Без медиафайлов>",
];
/// Endings of texts that name an attached file.
const MEDIA_ENDINGS: &[&str] = &[
    "document omitted",
    "(file attached)",
    "<attached>",
    "(archivo adjunto)",
    "(Datei angehängt)",
    "(arquivo anexado)",
    "(fichier joint)",
];
const DELETED: &[&str] = &[
    "This message was deleted",
    "You deleted this message",
    "Diese Nachricht wurde gelöscht",
    "Du hast diese Nachricht gelöscht",
    "Se eliminó este mensaje",
    "Eliminaste este mensaje",
    "Mensagem apagada",
    "Você apagou esta mensagem",
    "Ce message a été supprimé",
    "Vous avez supprimé ce message",
    "Данное сообщение удалено",
    "Вы удалили это сообщение",
];

/// Text, media placeholder or deleted message. Direction marks that iOS
/// puts around placeholders are ignored.
pub fn message_kind(text: &str) -> MessageKind {
    let bare: String = text.chars().filter(|c| !is_bidi_mark(*c)).collect();
    let bare = bare.trim();
    if DELETED.iter().any(|d| bare.strip_prefix(d).is_some_and(|rest| rest.is_empty() || rest == ".")) {
        MessageKind::Deleted
    } else if MEDIA.contains(&bare)
        || bare.starts_with("<attached: ")
        || MEDIA_ENDINGS.iter().any(|e| bare.ends_with(e))
    {
        MessageKind::Media
    } else {
        MessageKind::Text
    }
}

/// True when an iOS line's text is a system notice under the group's name:
/// iOS starts those with U+200E, as it does media and deletion notes.
pub fn is_ios_system_text(text: &str) -> bool {
    text.starts_with('\u{200e}') && message_kind(text) == MessageKind::Text
}

/// A sender as the exporter's phone shows them. Unsaved members appear as
/// numbers (`+1 (777) 777‑7777`, kept as written) or as `~ Name`.
pub fn sender_name(author: &str) -> String {
    let name = clean_name(author);
    match name.strip_prefix('~') {
        Some(rest) => clean_name(rest),
        None => name,
    }
}

/// A membership fact from a system line.
#[derive(Debug, PartialEq)]
pub enum SystemLine {
    /// `X created group "NAME"`: the room's name, and X is in it.
    Created {
        creator: Speaker,
        title: String,
    },
    Event {
        kind: EventKind,
        actor: Option<Speaker>,
        subjects: Vec<Speaker>,
    },
    /// Encryption notices, subject changes, calls: nothing about members.
    Other,
}

/// Read a system line's text (without stamp or iOS group author).
pub fn read_system(text: &str) -> SystemLine {
    let bare: String = text.chars().filter(|c| !is_bidi_mark(*c)).collect();
    let bare = bare.trim().trim_end_matches('.');
    for locale in LOCALES.iter() {
        if let Some(caps) = locale.created.captures(bare) {
            let creator = speaker(caps.name("actor").map_or("", |m| m.as_str()), locale);
            let title = clean_name(caps.name("title").map_or("", |m| m.as_str()));
            return SystemLine::Created { creator, title };
        }
        for rule in &locale.rules {
            let Some((kind, caps)) = rule.captures(bare) else { continue };
            let actor = caps.name("actor").map(|m| speaker(m.as_str(), locale));
            let subjects = caps.name("subjects").map(|m| names(m.as_str(), locale)).unwrap_or_default();
            return SystemLine::Event { kind, actor, subjects };
        }
    }
    SystemLine::Other
}

/// How phones name an export, before the chat's name, in the languages read.
const FILE_PREFIXES: &[&str] = &[
    "WhatsApp Chat with ",
    "WhatsApp Chat - ",
    "WhatsApp Chat – ",
    "WhatsApp Chat mit ",
    "WhatsApp-Chat mit ",
    "Chat de WhatsApp con ",
    "Conversa do WhatsApp com ",
    "Discussion WhatsApp avec ",
    "Чат WhatsApp с ",
    "WhatsApp 채팅 - ",
];

/// The room name a file name gives: `WhatsApp Chat with X.txt`,
/// `WhatsApp Chat - X.zip` and their translations → `X`; else the name
/// without its extension.
pub fn room_from_file_name(file_name: &str) -> String {
    let stem = [".txt", ".zip", ".TXT", ".ZIP"].iter().find_map(|e| file_name.strip_suffix(e)).unwrap_or(file_name);
    let named = FILE_PREFIXES.iter().find_map(|p| stem.strip_prefix(p));
    let name = clean_name(named.unwrap_or(stem));
    if name.is_empty() || name == "_chat" { "WhatsApp chat".to_owned() } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(message_kind("<Media omitted>"), MessageKind::Media);
        assert_eq!(message_kind("\u{200e}image omitted"), MessageKind::Media);
        assert_eq!(message_kind("\u{200e}<attached: 00000012-PHOTO-2020-01-15.jpg>"), MessageKind::Media);
        assert_eq!(message_kind("2015-08-04-PHOTO-00004762.jpg <\u{200e}attached>"), MessageKind::Media);
        assert_eq!(message_kind("IMG-20210428-WA0001.jpg (file attached)"), MessageKind::Media);
        assert_eq!(message_kind("This message was deleted."), MessageKind::Deleted);
        assert_eq!(message_kind("\u{200e}You deleted this message."), MessageKind::Deleted);
        assert_eq!(message_kind("This message was deleted by mistake"), MessageKind::Text);
        assert_eq!(message_kind("<Medien ausgeschlossen>"), MessageKind::Media);
        assert_eq!(message_kind("Diese Nachricht wurde gelöscht."), MessageKind::Deleted);
        assert_eq!(message_kind("PTT-20250328-WA0014.opus (archivo adjunto)"), MessageKind::Media);
        assert!(is_ios_system_text("\u{200e}Alice added Bob"));
        assert!(!is_ios_system_text("\u{200e}image omitted"));
        assert!(!is_ios_system_text("Alice added Bob"));
    }

    #[test]
    fn senders() {
        assert_eq!(sender_name("~\u{a0}Nev"), "Nev");
        assert_eq!(sender_name("\u{202a}+1 (777) 777\u{2011}7777\u{202c}"), "+1 (777) 777\u{2011}7777");
    }

    fn names(list: &[Speaker]) -> Vec<&str> {
        list.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn system_lines() {
        match read_system("+12 345 578 created group \u{201c}Groupname\u{201d}") {
            SystemLine::Created { creator, title } => {
                assert_eq!((creator.name.as_str(), title.as_str()), ("+12 345 578", "Groupname"))
            }
            other => panic!("{other:?}"),
        }
        match read_system("You created group \"ShortChat\"") {
            SystemLine::Created { creator, title } => assert!(creator.me && title == "ShortChat"),
            other => panic!("{other:?}"),
        }
        let cases: &[(&str, EventKind, Option<&str>, &[&str])] = &[
            (
                "+12 345 67 89 00 added +12 345 67 89 01",
                EventKind::Invited,
                Some("+12 345 67 89 00"),
                &["+12 345 67 89 01"],
            ),
            ("Alice added Bob, Carol and ~ Dave", EventKind::Invited, Some("Alice"), &["Bob", "Carol", "Dave"]),
            ("+12 345 67 89 00 left", EventKind::Left, None, &["+12 345 67 89 00"]),
            ("Alice removed Bob.", EventKind::Kicked, Some("Alice"), &["Bob"]),
            ("You were added", EventKind::Invited, None, &["You"]),
            (
                "+1 (777) 777\u{2011}7777 joined using this group's invite link",
                EventKind::Joined,
                None,
                &["+1 (777) 777\u{2011}7777"],
            ),
        ];
        for (text, kind, actor, subjects) in cases {
            match read_system(text) {
                SystemLine::Event { kind: k, actor: a, subjects: s } => {
                    assert_eq!(&k, kind, "{text}");
                    assert_eq!(a.as_ref().map(|a| a.name.as_str()), *actor, "{text}");
                    assert_eq!(names(&s), *subjects, "{text}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
        let notice = "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.";
        assert_eq!(read_system(notice), SystemLine::Other);
    }

    #[test]
    fn room_names_from_files() {
        assert_eq!(room_from_file_name("WhatsApp Chat with Alice.txt"), "Alice");
        assert_eq!(room_from_file_name("WhatsApp Chat - Team.zip"), "Team");
        assert_eq!(room_from_file_name("_chat.txt"), "WhatsApp chat");
        assert_eq!(room_from_file_name("family.txt"), "family");
    }
}
