//! What LINE writes in each UI language: room headers, attachment
//! placeholders and membership lines. English, Japanese and Traditional
//! Chinese are from published exports; the Korean and Thai wordings of
//! headers and system lines are assumed from the app's other strings.

use std::sync::LazyLock;

use crate::import::chat_common::{EventRule, clean_name};
use crate::model::EventKind;

/// The words before a room's name in a header (`[LINE] Chat history with Amy`).
const HEADER_PREFIXES: [&str; 6] =
    ["Chat history with ", "Chat history in ", "Chat with ", "與", "ประวัติการแชทกับ", "ประวัติการสนทนากับ"];
/// The words after it (`[LINE] 花子とのトーク履歴`, `[LINE] 홍길동님과의 대화`).
const HEADER_SUFFIXES: [&str; 7] =
    ["とのトーク履歴", "のトーク履歴", "的聊天記錄", "的聊天记录", "님과의 대화", "의 대화", " 대화"];

/// The room a header names, or None when `header` is no LINE header. The
/// phone app writes `[LINE] …`; some English builds leave `[LINE]` out.
pub fn room_name(header: &str) -> Option<String> {
    let header = header.trim();
    let rest = match header.strip_prefix("[LINE]") {
        Some(rest) => rest.trim(),
        None if header.starts_with("Chat history with ") || header.starts_with("Chat history in ") => header,
        None => return None,
    };
    Some(name_in(rest))
}

/// The room named by a file saved without a header: its file name
/// (`[LINE] Team.txt`, `Chat history with Amy.txt`).
pub fn room_from_file_name(file_name: &str) -> String {
    let stem = file_name.strip_suffix(".txt").or_else(|| file_name.strip_suffix(".TXT")).unwrap_or(file_name);
    name_in(stem.strip_prefix("[LINE]").unwrap_or(stem).trim())
}

/// The name of a room neither a header nor a file name names.
pub const DEFAULT_ROOM: &str = "LINE chat";

fn name_in(rest: &str) -> String {
    let rest = HEADER_PREFIXES.iter().find_map(|p| rest.strip_prefix(p)).unwrap_or(rest);
    let rest = HEADER_SUFFIXES.iter().find_map(|s| rest.strip_suffix(s)).unwrap_or(rest);
    let name = clean_name(rest);
    if name.is_empty() { DEFAULT_ROOM.to_owned() } else { name }
}

/// Placeholders LINE writes for attachments; the desktop app writes some
/// without brackets (`スタンプ`, `Photos`, `Stickers`).
pub const MEDIA: &[&str] = &[
    "[Photo]",
    "[Sticker]",
    "[Video]",
    "[File]",
    "[Voice message]",
    "[Album]",
    "[Contact]",
    "[Location]",
    "[写真]",
    "[スタンプ]",
    "[動画]",
    "[ファイル]",
    "[ボイスメッセージ]",
    "[アルバム]",
    "[連絡先]",
    "[位置情報]",
    "スタンプ",
    "写真",
    "動画",
    "Photos",
    "Stickers",
    "Videos",
    "Files",
    "Audio",
    "[照片]",
    "[貼圖]",
    "[影片]",
    "[檔案]",
    "[語音訊息]",
    "[사진]",
    "[스티커]",
    "[동영상]",
    "[파일]",
    "[음성메시지]",
    "[ภาพ]",
    "[รูป]",
    "[สติกเกอร์]",
    "[วิดีโอ]",
    "[ไฟล์]",
];

pub static RULES: LazyLock<Vec<EventRule>> = LazyLock::new(|| {
    vec![
        EventRule::new(r"^(?P<actor>.+?) added (?P<subjects>.+) to the group\.?$", EventKind::Invited),
        EventRule::new(r"^(?P<actor>.+?) invited (?P<subjects>.+) to the group\.?$", EventKind::Invited),
        EventRule::new(r"^(?P<actor>.+?) removed (?P<subjects>.+) from the group\.?$", EventKind::Kicked),
        EventRule::new(r"^(?P<subjects>.+) joined the group\.?$", EventKind::Joined),
        EventRule::new(r"^(?P<subjects>.+) left the group\.?$", EventKind::Left),
        EventRule::new(r"^(?P<actor>.+?)が(?P<subjects>.+)をグループに追加しました。?$", EventKind::Invited),
        EventRule::new(r"^(?P<actor>.+?)が(?P<subjects>.+)をグループから削除しました。?$", EventKind::Kicked),
        EventRule::new(r"^(?P<subjects>.+?)がグループに参加しました。?$", EventKind::Joined),
        EventRule::new(r"^(?P<subjects>.+?)がグループを退会しました。?$", EventKind::Left),
        EventRule::new(r"^(?P<actor>.+?)邀請(?P<subjects>.+?)加入群組。?$", EventKind::Invited),
        EventRule::new(r"^(?P<subjects>.+?)(?:已)?加入群組。?$", EventKind::Joined),
        EventRule::new(r"^(?P<subjects>.+?)(?:已)?退出群組。?$", EventKind::Left),
        EventRule::new(r"^(?P<actor>.+?)님이 (?P<subjects>.+?)님을 초대했습니다\.?$", EventKind::Invited),
        EventRule::new(r"^(?P<actor>.+?)님이 (?P<subjects>.+?)님을 내보냈습니다\.?$", EventKind::Kicked),
        EventRule::new(r"^(?P<subjects>.+?)님이 (?:그룹에 )?참여했습니다\.?$", EventKind::Joined),
        EventRule::new(r"^(?P<subjects>.+?)님이 (?:그룹에서 )?나갔습니다\.?$", EventKind::Left),
        EventRule::new(r"^(?P<actor>.+?) เชิญ (?P<subjects>.+?) เข้ากลุ่ม$", EventKind::Invited),
        EventRule::new(r"^(?P<subjects>.+?) เข้าร่วมกลุ่ม$", EventKind::Joined),
        EventRule::new(r"^(?P<subjects>.+?) ออกจากกลุ่ม$", EventKind::Left),
    ]
});
