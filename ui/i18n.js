// Every word the window shows, in Korean and English. The language follows
// the OS (navigator.language) until the user picks one in Settings.

const STRINGS = {
  en: {
    app_name: 'Lifeboat',
    tagline: 'Keep your people reachable when the messenger goes dark.',
    // Vault
    create_title: 'Create your vault',
    create_body: 'Everything you import is kept encrypted on this computer. Choose a passphrase you will remember: without it nobody, not even you, can open the vault.',
    unlock_title: 'Unlock your vault',
    unlock_body: 'Enter your passphrase to open your contacts.',
    passphrase: 'Passphrase',
    passphrase_repeat: 'Repeat the passphrase',
    create: 'Create vault',
    unlock: 'Unlock',
    unlocking: 'Unlocking…',
    creating: 'Creating…',
    lock: 'Lock',
    locked_idle: 'Locked after {n} idle minutes.',
    vault_at: 'Vault: {dir}',
    mismatch: 'The two passphrases differ.',
    // Navigation
    nav_people: 'People',
    nav_groups: 'Groups',
    nav_import: 'Import',
    nav_history: 'History',
    nav_settings: 'Settings',
    // People
    search_placeholder: 'Search name, initials, number, e-mail',
    people_count: '{n} people',
    people_found: '{n} found',
    no_match: 'Nobody matches “{q}”.',
    no_match_hint: 'Try part of a name, the initials (ㄱㅁㅈ for 김민준), or the last digits of a number.',
    empty_title: 'Nobody here yet',
    empty_body: 'Start with a KakaoTalk chat export: Lifeboat reads who is in each group and every phone number and e-mail shared in it.',
    empty_step1: 'In KakaoTalk on your PC, open a group chat → ☰ menu → Export chat (대화 내보내기).',
    empty_step2: 'Drop the saved .txt file on this window, or choose it under Import.',
    empty_step3: 'Add your phone’s contacts too: export them as a vCard (.vcf).',
    go_import: 'Import a KakaoTalk export',
    select_person: 'Choose someone on the left to see how to reach them.',
    no_contact: 'no number yet',
    candidates_n: '{n} to check',
    // Person
    phones: 'Phone numbers',
    emails: 'E-mail',
    no_phones: 'No phone number on file.',
    no_emails: 'No e-mail on file.',
    confirmed: 'Confirmed',
    candidate: 'Found in a chat',
    confirm: 'It’s theirs',
    reject: 'Not theirs',
    call: 'Call',
    text: 'Text',
    mail: 'Mail',
    copy: 'Copy',
    copied: 'Copied {v}',
    from_file: 'from {file}',
    from_file_line: 'from {file}, line {line}',
    shared_in: 'shared by {who} in {group}',
    shared_at: 'on {at}',
    also_known: 'Also known as',
    in_groups: 'Groups',
    edit_name: 'Edit name',
    save: 'Save',
    cancel: 'Cancel',
    qr_title: 'Scan to add to a phone',
    qr_hint: 'Confirmed numbers and e-mails only.',
    confirmed_toast: 'Confirmed',
    rejected_toast: 'Removed',
    renamed_toast: 'Name saved',
    me: 'me',
    // Groups
    groups_empty_title: 'No groups yet',
    groups_empty_body: 'Each chat you import becomes a group here, with everyone who wrote in it.',
    reachable_of: '{r} of {n} reachable without the messenger',
    members_n: '{n} members',
    messages_n: '{n} messages',
    ask_now: 'Ask these people for a number now',
    ask_now_hint: 'While the messenger still works, ask them for a phone number or e-mail.',
    everyone_reachable: 'Everyone in this group can be reached without the messenger.',
    sms_everyone: 'Text everyone',
    sms_everyone_n: 'Text everyone ({n})',
    print_sheet: 'Print sheet',
    roster: 'Members',
    left_group: 'left',
    last_seen: 'last seen {at}',
    via_handle: 'messenger ID only',
    select_group: 'Choose a group to see who can be reached.',
    reach_contact: 'reachable',
    reach_none: 'name only',
    // Import
    import_title: 'Import',
    import_body: 'KakaoTalk, WhatsApp, Telegram and LINE chat exports, and contacts (vCard, CSV).',
    drop_here: 'Drop export files here',
    drop_release: 'Release to add these files',
    choose_files: 'Choose files…',
    or_path: 'or type a file path',
    add: 'Add',
    preview: 'Preview',
    previewing: 'Reading…',
    import_now: 'Import',
    importing: 'Importing…',
    remove: 'Remove',
    preview_title: 'What these files contain',
    col_file: 'File',
    col_format: 'Format',
    col_messages: 'Messages',
    col_members: 'Members',
    col_contacts: 'Contacts',
    col_period: 'Period',
    already: 'already imported',
    would_add: 'Would add {people} people, {phones} numbers, {emails} e-mails, {groups} groups and {messages} messages.',
    added: 'Added {people} people, {phones} numbers, {emails} e-mails, {groups} groups and {messages} messages.',
    import_done: 'Import finished',
    undo: 'Undo',
    undone: 'Undone: removed {people} people and {phones} numbers.',
    cancelled: 'Import cancelled: nothing was kept.',
    progress: '{read} of {total}',
    progress_counts: '{messages} messages, {contacts} contacts',
    unparsed: '{n} lines could not be read (first: line {line})',
    see_people: 'See people',
    // History
    history_title: 'Import history',
    history_empty: 'Nothing imported yet.',
    batch_kind_import: 'Import',
    batch_kind_restore: 'Restore',
    batch_kind_edit: 'Edit',
    undo_confirm: 'Undo this import? What it added is removed; numbers you confirmed since stay.',
    kept_edited: '{n} items you confirmed were kept.',
    // Settings
    settings_title: 'Settings',
    language: 'Language',
    lang_auto: 'Automatic (system)',
    region: 'Default country for numbers',
    region_hint: 'Numbers written without a country code, like 010-1234-5678, are read as this country’s.',
    auto_lock: 'Lock automatically after',
    minutes_n: '{n} minutes',
    never: 'Never',
    change_passphrase: 'Change passphrase',
    new_passphrase: 'New passphrase',
    passphrase_changed: 'Passphrase changed.',
    saved: 'Saved',
    vault_location: 'Vault location',
    shortcuts: 'Keyboard',
    shortcut_search: '/ search · ↑↓ move · Enter open · Esc clear',
    // Errors
    err_wrong_passphrase: 'Wrong passphrase. Nothing was changed. Check Caps Lock and the keyboard language (한/영), then try again.',
    err_weak_passphrase: 'Use at least 8 characters.',
    err_busy: 'Another Lifeboat is using this vault. Close it and try again.',
    err_locked: 'The vault is locked.',
    err_unknown_format: 'This file is not an export Lifeboat knows.',
    err_no_ipc: 'This page only works inside the Lifeboat app.',
  },
  ko: {
    app_name: '라이프보트',
    tagline: '메신저가 멈춰도 사람들과 연락이 끊기지 않게.',
    create_title: '보관함 만들기',
    create_body: '가져온 모든 것은 이 컴퓨터에 암호화되어 저장됩니다. 기억할 수 있는 암호를 정하세요. 암호가 없으면 누구도, 본인도 보관함을 열 수 없습니다.',
    unlock_title: '보관함 열기',
    unlock_body: '암호를 입력하면 연락처가 열립니다.',
    passphrase: '암호',
    passphrase_repeat: '암호 다시 입력',
    create: '보관함 만들기',
    unlock: '열기',
    unlocking: '여는 중…',
    creating: '만드는 중…',
    lock: '잠그기',
    locked_idle: '{n}분 동안 사용하지 않아 잠갔습니다.',
    vault_at: '보관함: {dir}',
    mismatch: '두 암호가 다릅니다.',
    nav_people: '사람',
    nav_groups: '그룹',
    nav_import: '가져오기',
    nav_history: '기록',
    nav_settings: '설정',
    search_placeholder: '이름, 초성, 번호, 이메일 검색',
    people_count: '{n}명',
    people_found: '{n}명 찾음',
    no_match: '“{q}”에 맞는 사람이 없습니다.',
    no_match_hint: '이름 일부, 초성(김민준은 ㄱㅁㅈ), 전화번호 뒷자리로 찾아 보세요.',
    empty_title: '아직 아무도 없습니다',
    empty_body: '카카오톡 대화 내보내기부터 시작하세요. 라이프보트가 각 단톡방의 참여자와 대화에 공유된 전화번호, 이메일을 모두 읽어 옵니다.',
    empty_step1: 'PC 카카오톡에서 단톡방을 열고 ☰ 메뉴 → 대화 내보내기를 누르세요.',
    empty_step2: '저장된 .txt 파일을 이 창에 끌어다 놓거나, 가져오기에서 고르세요.',
    empty_step3: '휴대폰 연락처도 vCard(.vcf)로 내보내 가져오세요.',
    go_import: '카카오톡 내보내기 가져오기',
    select_person: '왼쪽에서 사람을 고르면 연락 방법이 보입니다.',
    no_contact: '번호 없음',
    candidates_n: '확인할 것 {n}개',
    phones: '전화번호',
    emails: '이메일',
    no_phones: '저장된 전화번호가 없습니다.',
    no_emails: '저장된 이메일이 없습니다.',
    confirmed: '확인됨',
    candidate: '대화에서 찾음',
    confirm: '이 사람 것 맞음',
    reject: '아님',
    call: '전화',
    text: '문자',
    mail: '메일',
    copy: '복사',
    copied: '{v} 복사함',
    from_file: '{file}에서',
    from_file_line: '{file} {line}번째 줄에서',
    shared_in: '{group}에서 {who} 님이 공유',
    shared_at: '{at}',
    also_known: '다른 이름',
    in_groups: '그룹',
    edit_name: '이름 고치기',
    save: '저장',
    cancel: '취소',
    qr_title: '휴대폰으로 찍어 연락처에 추가',
    qr_hint: '확인된 번호와 이메일만 담깁니다.',
    confirmed_toast: '확인했습니다',
    rejected_toast: '지웠습니다',
    renamed_toast: '이름을 저장했습니다',
    me: '나',
    groups_empty_title: '아직 그룹이 없습니다',
    groups_empty_body: '가져온 대화방마다 그룹이 생기고, 대화에 참여한 사람이 모두 들어갑니다.',
    reachable_of: '{n}명 중 {r}명은 메신저 없이 연락 가능',
    members_n: '{n}명',
    messages_n: '메시지 {n}개',
    ask_now: '지금 번호를 물어볼 사람',
    ask_now_hint: '메신저가 되는 동안 이분들께 전화번호나 이메일을 물어 두세요.',
    everyone_reachable: '이 그룹은 모두 메신저 없이 연락할 수 있습니다.',
    sms_everyone: '모두에게 문자',
    sms_everyone_n: '모두에게 문자 ({n})',
    print_sheet: '연락처 시트 인쇄',
    roster: '참여자',
    left_group: '나감',
    last_seen: '마지막 대화 {at}',
    via_handle: '메신저 ID만',
    select_group: '그룹을 고르면 누구에게 연락할 수 있는지 보입니다.',
    reach_contact: '연락 가능',
    reach_none: '이름만',
    import_title: '가져오기',
    import_body: '카카오톡, 왓츠앱, 텔레그램, 라인 대화 내보내기와 연락처(vCard, CSV)를 가져옵니다.',
    drop_here: '내보낸 파일을 여기에 끌어다 놓으세요',
    drop_release: '놓으면 파일이 추가됩니다',
    choose_files: '파일 고르기…',
    or_path: '또는 파일 경로 입력',
    add: '추가',
    preview: '미리 보기',
    previewing: '읽는 중…',
    import_now: '가져오기',
    importing: '가져오는 중…',
    remove: '빼기',
    preview_title: '파일에 든 내용',
    col_file: '파일',
    col_format: '형식',
    col_messages: '메시지',
    col_members: '참여자',
    col_contacts: '연락처',
    col_period: '기간',
    already: '이미 가져옴',
    would_add: '사람 {people}명, 번호 {phones}개, 이메일 {emails}개, 그룹 {groups}개, 메시지 {messages}개가 추가됩니다.',
    added: '사람 {people}명, 번호 {phones}개, 이메일 {emails}개, 그룹 {groups}개, 메시지 {messages}개를 추가했습니다.',
    import_done: '가져오기 완료',
    undo: '되돌리기',
    undone: '되돌렸습니다: 사람 {people}명, 번호 {phones}개를 지웠습니다.',
    cancelled: '가져오기를 취소했습니다. 아무것도 저장하지 않았습니다.',
    progress: '{total} 중 {read}',
    progress_counts: '메시지 {messages}개, 연락처 {contacts}개',
    unparsed: '읽지 못한 줄 {n}개 (처음: {line}번째 줄)',
    see_people: '사람 보기',
    history_title: '가져오기 기록',
    history_empty: '아직 가져온 것이 없습니다.',
    batch_kind_import: '가져오기',
    batch_kind_restore: '복원',
    batch_kind_edit: '수정',
    undo_confirm: '이 가져오기를 되돌릴까요? 추가된 것이 지워지고, 그동안 확인한 번호는 남습니다.',
    kept_edited: '확인한 항목 {n}개는 남겼습니다.',
    settings_title: '설정',
    language: '언어',
    lang_auto: '자동 (시스템)',
    region: '번호의 기본 국가',
    region_hint: '010-1234-5678처럼 국가 번호 없이 적힌 번호를 이 나라 번호로 읽습니다.',
    auto_lock: '자동 잠금',
    minutes_n: '{n}분 후',
    never: '안 함',
    change_passphrase: '암호 바꾸기',
    new_passphrase: '새 암호',
    passphrase_changed: '암호를 바꿨습니다.',
    saved: '저장했습니다',
    vault_location: '보관함 위치',
    shortcuts: '키보드',
    shortcut_search: '/ 검색 · ↑↓ 이동 · Enter 열기 · Esc 지우기',
    err_wrong_passphrase: '암호가 틀렸습니다. 아무것도 바뀌지 않았습니다. Caps Lock과 한/영 전환을 확인하고 다시 입력하세요.',
    err_weak_passphrase: '8자 이상으로 정하세요.',
    err_busy: '다른 라이프보트가 이 보관함을 쓰고 있습니다. 닫고 다시 시도하세요.',
    err_locked: '보관함이 잠겨 있습니다.',
    err_unknown_format: '라이프보트가 모르는 파일 형식입니다.',
    err_no_ipc: '이 화면은 라이프보트 앱 안에서만 동작합니다.',
  },
};

let chosen = localStorage.getItem('lifeboat.lang') || 'auto';

/** The language in use: the user's choice, else the OS's. */
export function lang() {
  if (chosen === 'ko' || chosen === 'en') return chosen;
  return (navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** 'auto', 'ko' or 'en'. */
export function langChoice() {
  return chosen;
}

export function setLang(choice) {
  chosen = choice;
  localStorage.setItem('lifeboat.lang', choice);
  document.documentElement.lang = lang();
}

/** The string for `key` with {name} placeholders filled in. */
export function t(key, vars = {}) {
  const s = STRINGS[lang()][key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? fmtValue(vars[k]) : `{${k}}`));
}

/** A count with the language's digit grouping. */
export function fmtNum(n) {
  return Number(n).toLocaleString(lang() === 'ko' ? 'ko-KR' : 'en-US');
}

function fmtValue(v) {
  return typeof v === 'number' ? v.toLocaleString(lang() === 'ko' ? 'ko-KR' : 'en-US') : String(v);
}

/**
 * The words for an error from a command: ours for the codes we know, else the
 * core's own message in this language (it writes English, then Korean).
 */
export function errorText(err) {
  const code = err && err.code;
  if (code && STRINGS.en[`err_${code}`]) return t(`err_${code}`);
  if (code === 'cancelled') return t('cancelled');
  const msg = (err && err.message) || String(err);
  const lines = msg.split('\n');
  if (lines.length >= 2) return lang() === 'ko' ? lines.slice(1).join('\n') || lines[0] : lines[0];
  return msg;
}

/** A date-time from the vault ("2024-03-01T09:30:00") for people. */
export function fmtDate(s) {
  if (!s) return '';
  const d = new Date(s.length <= 10 ? `${s}T00:00:00` : s);
  if (Number.isNaN(d.getTime())) return s;
  return d.toLocaleDateString(lang() === 'ko' ? 'ko-KR' : 'en-US', { year: 'numeric', month: 'short', day: 'numeric' });
}

export function fmtBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

document.documentElement.lang = lang();
