//! The texts of KakaoTalk system lines: who invited, joined, left or was
//! removed, in Korean and English, and the placeholders that stand for media
//! and deleted messages.
//!
//! Every dialect wraps the same sentences in its own stamp (or none, on PC),
//! so the sentences are read here once. Names are cut out by the fixed words
//! around them (`님이 `, ` invited `), never by splitting on spaces: display
//! names contain spaces, brackets and emoji.

use crate::model::{EventKind, MessageKind};

/// A membership change read from a system sentence; names as written.
#[derive(Debug, PartialEq)]
pub(super) struct SystemEvent<'a> {
    pub kind: EventKind,
    pub actor: Option<&'a str>,
    pub subjects: Vec<&'a str>,
}

impl<'a> SystemEvent<'a> {
    fn new(kind: EventKind, actor: Option<&'a str>, subjects: Vec<&'a str>) -> Option<Self> {
        let subjects: Vec<&str> = subjects.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect();
        let actor = actor.map(str::trim).filter(|a| !a.is_empty());
        (!subjects.is_empty() || actor.is_some()).then_some(SystemEvent { kind, actor, subjects })
    }
}

const KO_INVITED: [&str; 2] = ["님을 초대했습니다.", "님을 초대하였습니다."];
const KO_KICKED: [&str; 2] = ["님을 내보냈습니다.", "님을 내보내었습니다."];
const KO_LEFT: &str = "님이 나갔습니다.";
/// Open chats glue their policy notice onto this sentence, so it is found
/// anywhere in the line, not only at its end.
const KO_JOINED: &str = "님이 들어왔습니다.";
const EN_LEFT: [&str; 2] = [" left this chatroom.", " left the chatroom."];
const EN_JOINED: [&str; 2] = [" joined this chatroom.", " joined the chatroom."];
const EN_REMOVED: [&str; 2] = [" has been removed from this chatroom.", " has been removed from the chatroom."];

/// Read a system sentence (`박영우님이 김민기님을 초대했습니다.`,
/// `A invited B and C.`, `홍길동님이 나갔습니다.`); None for anything else.
pub(super) fn parse(text: &str) -> Option<SystemEvent<'_>> {
    let text = text.trim();
    if let Some(body) = strip_any(text, &KO_INVITED) {
        let (actor, list) = korean_actor(body);
        return SystemEvent::new(EventKind::Invited, actor, korean_list(list));
    }
    if let Some(body) = strip_any(text, &KO_KICKED) {
        let (actor, list) = korean_actor(body);
        return SystemEvent::new(EventKind::Kicked, actor, korean_list(list));
    }
    if let Some(name) = text.strip_suffix(KO_LEFT) {
        return SystemEvent::new(EventKind::Left, None, vec![name]);
    }
    if let Some((name, _notice)) = text.split_once(KO_JOINED) {
        return SystemEvent::new(EventKind::Joined, None, vec![name]);
    }
    if let Some(name) = strip_any(text, &EN_LEFT) {
        return SystemEvent::new(EventKind::Left, None, vec![name]);
    }
    if let Some(name) = strip_any(text, &EN_JOINED) {
        return SystemEvent::new(EventKind::Joined, None, vec![name]);
    }
    if let Some(name) = strip_any(text, &EN_REMOVED) {
        return SystemEvent::new(EventKind::Kicked, None, vec![name]);
    }
    let (actor, list) = text.strip_suffix('.')?.split_once(" invited ")?;
    SystemEvent::new(EventKind::Invited, Some(actor), english_list(list))
}

/// Open-chat notices (`운영정책을 위반한 메시지로…`) and moderation lines:
/// system text that names nobody and must not join a message.
pub(super) fn is_notice(line: &str) -> bool {
    const NOTICES: [&str; 4] =
        ["운영정책 보기", "타인, 기관 등의 사칭", "운영정책을 위반한", "관리자가 메시지를 가렸습니다."];
    NOTICES.iter().any(|n| line.contains(n))
}

fn strip_any<'a>(text: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes.iter().find_map(|s| text.strip_suffix(s))
}

/// `박영우님이 김민기` → (`박영우`, `김민기`); no `님이 ` → no actor (PC:
/// `수아님을 초대하였습니다.`). The first `님이 ` ends the actor, so an
/// actor called `교수님` still reads right (`교수님님이 `).
fn korean_actor(body: &str) -> (Option<&str>, &str) {
    match body.split_once("님이 ") {
        Some((actor, list)) => (Some(actor), list),
        None => (None, body),
    }
}

/// `가님, 나님, 다님과 라` → [가, 나, 다, 라] (the last `님` was already cut
/// off with the verb).
fn korean_list(list: &str) -> Vec<&str> {
    list.split("님, ").flat_map(|part| part.split("님과 ")).collect()
}

/// `B, C and D` → [B, C, D]; the CSV's truncated `B and` → [B].
fn english_list(list: &str) -> Vec<&str> {
    let list = list.trim_end();
    let list = list.strip_suffix(" and").unwrap_or(list);
    list.split(", ").flat_map(|part| part.split(" and ")).collect()
}

/// Media and deletion placeholders: the whole text of a message that stands
/// for something that is not text. `text` is already trimmed.
pub(super) fn message_kind(text: &str) -> MessageKind {
    const MEDIA: [&str; 16] = [
        "사진",
        "동영상",
        "이모티콘",
        "음성메시지",
        "음성 메시지",
        "photo",
        "Photo",
        "Photos",
        "video",
        "Video",
        "Emoticon",
        "Emoticons",
        "emoticon",
        "Sticker",
        "Voice Message",
        "Voice message",
    ];
    const DELETED: [&str; 4] = [
        "삭제된 메시지입니다.",
        "메시지가 삭제되었습니다.",
        "This message was deleted.",
        "The message has been deleted.",
    ];
    // Moderation reads `관리자가 …` or `채팅방 관리자가 …`.
    let hidden = text.ends_with("관리자가 메시지를 가렸습니다.") && !text.contains('\n');
    if DELETED.contains(&text) || hidden {
        return MessageKind::Deleted;
    }
    let counted_photos = text
        .strip_prefix("사진 ")
        .and_then(|n| n.strip_suffix('장'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let file = ["파일: ", "File: "].iter().any(|p| text.starts_with(p) && !text.contains('\n'));
    if MEDIA.contains(&text) || counted_photos || file || is_media_file_name(text) {
        MessageKind::Media
    } else {
        MessageKind::Text
    }
}

/// Android "export with media" writes the attached file's name as the text:
/// 64 lower-case hex-like characters and an extension.
fn is_media_file_name(text: &str) -> bool {
    // 64 + 1 + 3 or 4 bytes: other texts are not scanned for the dot at all.
    if !(68..=69).contains(&text.len()) {
        return false;
    }
    let Some((stem, ext)) = text.split_once('.') else {
        return false;
    };
    let alnum = |s: &str| s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    stem.len() == 64 && alnum(stem) && (3..=4).contains(&ext.len()) && alnum(ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(text: &str) -> Option<(EventKind, Option<&str>, Vec<&str>)> {
        parse(text).map(|e| (e.kind, e.actor, e.subjects))
    }

    #[test]
    fn korean_system_sentences() {
        assert_eq!(
            event("박영우 소마님이 김민기님과 강수지 소마님을 초대했습니다."),
            Some((EventKind::Invited, Some("박영우 소마"), vec!["김민기", "강수지 소마"]))
        );
        assert_eq!(
            event("센터 실장님이 가님, 나님, 다님과 라님을 초대했습니다."),
            Some((EventKind::Invited, Some("센터 실장"), vec!["가", "나", "다", "라"]))
        );
        assert_eq!(
            event("윤지호 교수님님이 김하준님을 초대했습니다."),
            Some((EventKind::Invited, Some("윤지호 교수님"), vec!["김하준"]))
        );
        assert_eq!(event("수아님을 초대하였습니다."), Some((EventKind::Invited, None, vec!["수아"])));
        assert_eq!(event("테스트님이 나갔습니다."), Some((EventKind::Left, None, vec!["테스트"])));
        assert_eq!(
            event("홍길동님이 들어왔습니다.운영정책을 위반한 메시지로 신고 접수 시 제재될 수 있습니다."),
            Some((EventKind::Joined, None, vec!["홍길동"]))
        );
        assert_eq!(
            event("방장님이 김민준/94/늑 대#1003님을 내보냈습니다."),
            Some((EventKind::Kicked, Some("방장"), vec!["김민준/94/늑 대#1003"]))
        );
        assert_eq!(event("오늘 회의 몇 시죠?"), None);
        assert_eq!(event("님이 나갔습니다."), None);
    }

    #[test]
    fn english_system_sentences() {
        assert_eq!(
            event("박영우 소마 invited 김민기 and 강수지 소마."),
            Some((EventKind::Invited, Some("박영우 소마"), vec!["김민기", "강수지 소마"]))
        );
        assert_eq!(event("박하준 invited 김지호 and."), Some((EventKind::Invited, Some("박하준"), vec!["김지호"])));
        assert_eq!(event("테스트 invited iPad ."), Some((EventKind::Invited, Some("테스트"), vec!["iPad"])));
        assert_eq!(event("A invited B, C and D."), Some((EventKind::Invited, Some("A"), vec!["B", "C", "D"])));
        assert_eq!(event("Stewie left this chatroom."), Some((EventKind::Left, None, vec!["Stewie"])));
        assert_eq!(event("테스트 joined this chatroom."), Some((EventKind::Joined, None, vec!["테스트"])));
        assert_eq!(event("수아 has been removed from this chatroom."), Some((EventKind::Kicked, None, vec!["수아"])));
        assert_eq!(event("I invited them"), None);
    }

    #[test]
    fn placeholders() {
        for media in ["사진", "사진 18장", "이모티콘", "Photo", "파일: 보고서.pdf", "File: a.pdf"] {
            assert_eq!(message_kind(media), MessageKind::Media, "{media}");
        }
        for ext in ["jpg", "jpeg"] {
            assert_eq!(message_kind(&format!("{}.{ext}", "a1".repeat(32))), MessageKind::Media);
        }
        for not_hashed in [format!("{}.jpg", "a".repeat(63)), format!("{}.jpegs", "a".repeat(64))] {
            assert_eq!(message_kind(&not_hashed), MessageKind::Text, "{not_hashed}");
        }
        for deleted in ["삭제된 메시지입니다.", "This message was deleted.", "채팅방 관리자가 메시지를 가렸습니다."]
        {
            assert_eq!(message_kind(deleted), MessageKind::Deleted, "{deleted}");
        }
        for text in ["사진 보내주세요", "사진 장", "파일: a\n그리고", "photos of the trip"] {
            assert_eq!(message_kind(text), MessageKind::Text, "{text}");
        }
    }
}
