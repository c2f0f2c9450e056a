//! Errors of reading a file. Each names the file (and the line where there is
//! one), says what went wrong and what to do, in English then Korean.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    #[error(
        "{path}: cannot read the file: {source}. Check that it exists and that you may read it.\n파일을 읽을 수 없습니다. 파일이 있는지, 읽기 권한이 있는지 확인하세요."
    )]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "{file}:{line}: {reason}. The file looks damaged or cut short; export it again from the app.\n{file}:{line}: 파일이 손상되었거나 잘린 것 같습니다. 앱에서 다시 내보내 주세요."
    )]
    Malformed { file: String, line: u32, reason: String },

    #[error(
        "{file}:{line}: no format recognised. First line: {first_line:?}. Lifeboat looked for: {tried}. If you know the format, name it with --format.\n{file}:{line}: 형식을 알아볼 수 없습니다. 형식을 알고 있다면 --format 으로 지정하세요."
    )]
    UnknownFormat { file: String, line: u32, first_line: String, tried: String },

    #[error(
        "{folder}: this folder holds no export Lifeboat reads as a whole (such as Telegram Desktop's HTML export: messages.html, messages2.html, …). To import a single file, name the file itself.\n{folder}: 이 폴더에서 가져올 수 있는 내보내기를 찾지 못했습니다. 파일 하나를 가져오려면 그 파일을 직접 지정하세요."
    )]
    NoExportInFolder { folder: String },

    #[error(
        "unknown format name {name:?}. Run `lifeboat import --help` for the list.\n알 수 없는 형식 이름입니다: {name}"
    )]
    UnknownFormatName { name: String },

    #[error(
        "{file}: {what} is larger than the limit of {limit} bytes; nothing was imported. Split the export or check that it is the right file.\n{file}: 크기 제한({limit} 바이트)을 넘었습니다. 아무것도 가져오지 않았습니다."
    )]
    TooLarge { file: String, what: String, limit: u64 },

    #[error(
        "{file}:{line}: a line longer than {limit} bytes; this is not a chat or contact export. Nothing was imported.\n{file}:{line}: 한 줄이 너무 깁니다({limit} 바이트 초과). 아무것도 가져오지 않았습니다."
    )]
    LineTooLong { file: String, line: u32, limit: usize },

    #[error(
        "{file}:{line}: a text longer than {limit} bytes in one field; no message or contact is that long, so this is not a chat or contact export. Nothing was imported.\n{file}:{line}: 한 항목의 글이 너무 깁니다({limit} 바이트 초과). 대화나 연락처 내보내기 파일이 아닙니다. 아무것도 가져오지 않았습니다."
    )]
    FieldTooLong { file: String, line: u32, limit: usize },

    #[error(
        "{file}:{line}: more than {limit} different members in one room; no real chat has that many, so this is not a chat export. Nothing was imported.\n{file}:{line}: 한 대화방의 참여자가 {limit}명을 넘습니다. 대화 내보내기 파일이 아닙니다. 아무것도 가져오지 않았습니다."
    )]
    TooManyMembers { file: String, line: u32, limit: usize },

    #[error(
        "{file}: {reason}. The zip archive is damaged or not an export; nothing was imported.\n{file}: zip 파일이 손상되었거나 내보내기 파일이 아닙니다. 아무것도 가져오지 않았습니다."
    )]
    Zip { file: String, reason: String },

    #[error(
        "{file}:{line}: {reason}. Nothing was imported from this file; {hint}\n{file}:{line}: 이 파일에서 아무것도 가져오지 않았습니다."
    )]
    Empty { file: String, line: u32, reason: String, hint: String },

    #[error("import cancelled; nothing was written.\n가져오기를 취소했습니다. 아무것도 저장하지 않았습니다.")]
    Cancelled,

    #[error(
        "could not start the parser thread: {source}. Close other programs and try again.\n파싱 스레드를 시작할 수 없습니다. 다른 프로그램을 닫고 다시 시도하세요."
    )]
    Thread {
        #[source]
        source: std::io::Error,
    },
}
