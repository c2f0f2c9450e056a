//! The room's name: from the header line where the export has one, else from
//! the file name.
//!
//! Headers name the room in several shapes (`ROOM 님과 카카오톡 대화`,
//! `ROOM 16 카카오톡 대화`, `KakaoTalk Chats with ROOM (4)`, iOS's
//! `ROOM (4명)과 카카오톡 대화-1.txt`); newer iOS exports write only their own
//! file name (`Talk_2025.8.8 21:50-1.txt`), and CSV exports have no header,
//! so the file name (`KakaoTalk_Chat_ROOM_2022-10-16-14-05-32.csv`) is the
//! fallback.

/// True for the lines a KakaoTalk export starts with: the room line, the
/// "saved on" line, and the file-name line of iOS exports.
pub(super) fn is_header_line(line: &str) -> bool {
    let line = line.trim();
    room_in_header(line).is_some()
        || line.starts_with("저장한 날짜")
        || line.starts_with("Date Saved")
        || line.ends_with(".txt")
}

/// True when the line is clearly a KakaoTalk header (the file-name line
/// alone is not: any text may end in `.txt`).
pub(super) fn is_kakao_header(line: &str) -> bool {
    let line = line.trim();
    room_in_header(line).is_some() || line.starts_with("저장한 날짜 :") || line.starts_with("Date Saved :")
}

/// The room a header line names, or None when the line is no room header.
pub(super) fn room_in_header(line: &str) -> Option<String> {
    let line = line.trim();
    // iOS writes its file name as the header; the part number goes with it.
    let line = match line.strip_suffix(".txt") {
        Some(stem) => strip_part_number(stem),
        None => line,
    };
    let room = if let Some(room) = line.strip_suffix("님과 카카오톡 대화") {
        let room = room.trim_end();
        // An unnamed group lists its members and their count: `A,B,C 4 님과`.
        if room.contains(',') { strip_count(room) } else { room }
    } else if let Some(room) = line.strip_suffix("과 카카오톡 대화").or_else(|| line.strip_suffix("와 카카오톡 대화"))
    {
        strip_bracketed_count(room, "명)")
    } else if let Some(room) = line.strip_suffix(" 카카오톡 대화") {
        strip_count(room)
    } else if let Some(room) = line.strip_prefix("KakaoTalk Chats with ") {
        strip_bracketed_count(strip_bracketed_count(room, " people)"), ")")
    } else {
        line.strip_suffix(" with KakaoTalk Chats")?
    };
    let room = room.trim();
    (!room.is_empty()).then(|| crate::text::nfc(room))
}

/// The room name a file name carries: `KakaoTalk_Chat_ROOM_2022-10-16-14-05-32.csv`
/// → `ROOM`; any other name → its stem without a `-1` part number, so the parts
/// of one split export land in one room.
pub(super) fn room_from_file_name(file_name: &str) -> String {
    let stem = match file_name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 4 && ext.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            stem
        }
        _ => file_name,
    };
    let named = stem.strip_prefix("KakaoTalk_Chat_").and_then(|rest| {
        let (room, date) = rest.rsplit_once('_')?;
        let is_date = !date.is_empty() && date.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        (is_date && !room.trim().is_empty()).then_some(room)
    });
    crate::text::nfc(named.unwrap_or_else(|| strip_part_number(stem)))
}

/// `name-2` → `name`, but a date's day stays (`2022-10-16`).
fn strip_part_number(stem: &str) -> &str {
    let is_number = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    match stem.rsplit_once('-') {
        Some((name, part)) if !name.is_empty() && is_number(part) => {
            let date_before = name
                .rsplit_once('-')
                .is_some_and(|(_, prev)| (1..=4).contains(&prev.len()) && prev.bytes().all(|b| b.is_ascii_digit()));
            if date_before { stem } else { name }
        }
        _ => stem,
    }
}

/// `ROOM 16` → `ROOM`.
fn strip_count(room: &str) -> &str {
    match room.rsplit_once(' ') {
        Some((name, count))
            if !name.trim().is_empty() && !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit()) =>
        {
            name
        }
        _ => room,
    }
}

/// `ROOM (4명)` → `ROOM` with `close` = `명)`; `ROOM (4)` with `close` = `)`.
fn strip_bracketed_count<'a>(room: &'a str, close: &str) -> &'a str {
    let Some(inner) = room.strip_suffix(close) else {
        return room;
    };
    match inner.rsplit_once(" (") {
        Some((name, count))
            if !name.trim().is_empty() && !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit()) =>
        {
            name
        }
        _ => room,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rooms_from_headers() {
        let room = |line: &str| room_in_header(line);
        assert_eq!(room("김하늘 님과 카카오톡 대화").as_deref(), Some("김하늘"));
        assert_eq!(room("2022 캡스톤 3조 님과 카카오톡 대화").as_deref(), Some("2022 캡스톤 3조"));
        assert_eq!(
            room("서도윤 멘토님,박하준 소마,강서연 소마 4 님과 카카오톡 대화").as_deref(),
            Some("서도윤 멘토님,박하준 소마,강서연 소마")
        );
        assert_eq!(room("2022 캡스톤 3조 16 카카오톡 대화").as_deref(), Some("2022 캡스톤 3조"));
        assert_eq!(room("KakaoTalk Viewer 데모방 카카오톡 대화").as_deref(), Some("KakaoTalk Viewer 데모방"));
        assert_eq!(room("스터디방 (4명)과 카카오톡 대화-1.txt").as_deref(), Some("스터디방"));
        assert_eq!(room("KakaoTalk Chats with 스터디방 (4 people)-1.txt").as_deref(), Some("스터디방"));
        assert_eq!(room("KakaoTalk Chats with 서도윤,박하준 (4)").as_deref(), Some("서도윤,박하준"));
        assert_eq!(room("스터디방 with KakaoTalk Chats").as_deref(), Some("스터디방"));
        assert_eq!(room("KakaoTalk Chats with 김하늘").as_deref(), Some("김하늘"));
        assert_eq!(room("Talk_2025.8.8 21:50-1.txt"), None);
        assert_eq!(room(" 님과 카카오톡 대화"), None);
        assert!(is_header_line("Talk_2025.8.8 21:50-1.txt"));
        assert!(is_header_line("저장한 날짜 : 2025. 8. 8. 21:54"));
        assert!(!is_kakao_header("notes.txt"));
    }

    #[test]
    fn rooms_from_file_names() {
        assert_eq!(room_from_file_name("KakaoTalk_Chat_캡스톤_2022-10-16-14-05-32.csv"), "캡스톤");
        assert_eq!(room_from_file_name("KakaoTalk_Chat_a_b_2022-10-16-14-05-32.txt"), "a_b");
        assert_eq!(room_from_file_name("Talk_2025.8.8 21:50-1.txt"), "Talk_2025.8.8 21:50");
        assert_eq!(room_from_file_name("Talk_2025.8.8 21:50-2.txt"), "Talk_2025.8.8 21:50");
        assert_eq!(room_from_file_name("우리 가족.txt"), "우리 가족");
        assert_eq!(room_from_file_name("KakaoTalk_Chat_2022-10-16.csv"), "KakaoTalk_Chat_2022-10-16");
        assert_eq!(room_from_file_name("스터디방 (4명)과 카카오톡 대화-12.txt"), "스터디방 (4명)과 카카오톡 대화");
    }
}
