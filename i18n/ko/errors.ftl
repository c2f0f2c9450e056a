# 핵심 라이브러리의 오류, 코드별(`err_` + 앱이 받는 코드). 무엇이 잘못되었고
# 무엇을 하면 되는지 말합니다. 값은 명령줄의 말, `.app`은 해결 방법이 다를 때
# 데스크톱 앱의 말입니다(옵션이 아니라 버튼).

## 보관함

err_wrong_passphrase = { $dir } 보관함의 암호가 틀렸습니다. 아무것도 바뀌지 않았습니다. 암호를 다시 입력하세요 (Caps Lock과 한/영 전환을 확인하세요).
    .app = 암호가 틀렸습니다. 아무것도 바뀌지 않았습니다. Caps Lock과 한/영 전환을 확인하고 다시 입력하세요.
err_no_vault = { $dir }에 보관함이 없습니다. `lifeboat init`으로 만들거나 --vault 또는 LIFEBOAT_VAULT로 위치를 지정하세요.
    .app = { $dir }에 아직 보관함이 없습니다. 여기에서 만드세요.
err_vault_exists = { $dir }에 이미 보관함이 있습니다. 그대로 두었습니다. 그 보관함을 열거나, 다른 폴더를 쓰려면 --vault를 지정하세요.
    .app = { $dir }에 이미 보관함이 있습니다. 그대로 두었습니다. 그 보관함을 여세요.
err_unfinished_init = { $dir }의 보관함 만들기(`lifeboat init`)가 끝나기 전에 중단되어 아직 보관함이 없습니다(저장된 내용 없음). `lifeboat init`을 다시 실행하면 남은 것을 지우고 새로 만듭니다.
    .app = { $dir }의 보관함 만들기가 끝나기 전에 중단되어 아직 보관함이 없습니다(저장된 내용 없음). 보관함을 다시 만들면 남은 것을 먼저 지웁니다.
err_weak_passphrase = 암호가 너무 짧습니다. 8자 이상으로 정하세요.
    .app = 8자 이상으로 정하세요.
err_busy = { $dir } 보관함을 다른 Lifeboat(앱 또는 다른 명령)가 쓰고 있습니다. 닫고 다시 시도하세요.
    .app = 다른 Lifeboat가 이 보관함을 쓰고 있습니다. 닫고 다시 시도하세요.
err_damaged = { $path } 보관함이 손상되었습니다: { $reason }. 바꾸지 않았습니다. 새 보관함 폴더에 백업을 복원하세요(`lifeboat backup restore`).
    .app = { $path } 보관함이 손상되었습니다: { $reason }. 바꾸지 않았습니다. 새 보관함 폴더에 백업을 복원하세요(백업 → 복원).
damage_message_chunk = 메시지 묶음 { $id }을(를) 읽을 수 없습니다
damage_search_index = 검색 색인({ $part })을 읽을 수 없습니다
err_vault_io = { $path }: { $source }. 디스크 공간과 폴더 권한을 확인하세요.
err_storage = { $dir } 보관함을 읽거나 쓸 수 없습니다: { $source }. 이번 작업은 저장되지 않았습니다. 디스크 공간을 확인하고 다시 시도하세요.
err_too_new = 더 새로운 Lifeboat가 만든 보관함입니다(스키마 { $found }, 이 버전은 { $known }까지). Lifeboat를 업데이트하세요.
err_new_signer = { $groups }의 명단이 지난번과 다른 키로 서명되었습니다(지금: { $signer }). 아무것도 쓰지 않았습니다. 보낸 사람에게 전화로 지문을 읽어 달라고 하세요(`lifeboat keygen --show-recipient`). 맞으면 새 서명자를 받아들여 다시 복원하세요(--accept-new-signer).
    .app = { $groups }의 명단이 지난번과 다른 키로 서명되었습니다(지금: { $signer }). 아무것도 쓰지 않았습니다. 보낸 사람에게 전화로 지문을 읽어 달라고 하세요(백업 → 내 백업 키). 맞으면 새 서명자를 받아들여 다시 복원하세요.
err_crypto = 키 유도에 실패했습니다: { $reason }
err_no_such_value = { $person }님에게 "{ $text }" 번호나 이메일, 아이디가 없습니다. `lifeboat show { $person_id }`로 목록을 보세요.
    .app = { $person }님에게 "{ $text }" 번호나 이메일, 아이디가 없습니다. 그 사람의 페이지에 목록이 있습니다.
err_no_row = { $id }번 { $table ->
        [phone] 번호가
        [email] 이메일이
       *[other] 아이디가
    } 없습니다. 지워졌을 수 있습니다. 그 사람을 다시 찾아 보세요.
err_no_person = { $id }번 사람이 없습니다. `lifeboat people`로 보관함에 있는 사람을 보세요.
    .app = { $id }번 사람이 보관함에 없습니다. 지워졌을 수 있습니다. 다시 찾아 보세요.
err_empty_name = 이름을 비워 둘 수 없습니다.
err_no_import = { $id }번 가져오기가 없습니다. `lifeboat imports`로 목록을 보세요.
    .app = { $id }번 가져오기가 없습니다. 기록에서 가져오기 목록을 보세요.
err_import_undone = { $id }번 가져오기는 이미 취소했습니다.
err_already_one = 이미 같은 사람입니다: { $name } ({ $id }).
err_one_person = 한 사람입니다. 합친 것을 나누려면 `lifeboat unmerge`를 쓰세요.
    .app = 한 사람입니다. 합친 것을 나누려면 그 사람의 페이지에서 합치기를 되돌리세요.
err_no_merge = { $id }번 합치기가 없습니다. `lifeboat imports`에서 종류가 edit인 것이 합치기입니다.
    .app = 되돌릴 { $id }번 합치기가 없습니다.
err_merge_undone = { $id }번 합치기는 이미 되돌렸습니다.
err_several_groups = "{ $name }" 이름의 그룹이 여럿입니다. `lifeboat groups`의 번호를 쓰세요.
    .app = "{ $name }" 이름의 그룹이 여럿입니다. 목록에서 고르세요.
err_no_group = "{ $name }" 그룹이 없습니다. `lifeboat groups`로 목록을 보세요.
    .app = "{ $name }" 그룹이 없습니다.
err_nobody_matches = "{ $query }"에 맞는 사람이 없습니다. 이름의 일부나 `lifeboat search`로 찾아 보세요.
    .app = "{ $query }"에 맞는 사람이 없습니다. 이름의 일부로 찾아 보세요.
err_several_people = "{ $query }"에 맞는 사람이 { $count }명입니다: { $names }. 번호(id)로 지정하세요.
    .app = "{ $query }"에 맞는 사람이 { $count }명입니다: { $names }. 그중 한 사람을 고르세요.

## 가져오기

err_import_io = { $path }: 파일을 읽을 수 없습니다: { $source }. 파일이 있는지, 읽기 권한이 있는지 확인하세요.
err_malformed = { $file }:{ $line }: { $reason }. 파일이 손상되었거나 잘린 것 같습니다. 앱에서 다시 내보내 주세요.
err_unknown_format = { $file }:{ $line }: 형식을 알아볼 수 없습니다. 첫 줄: "{ $first_line }". 찾아본 형식: { $tried }. 형식을 알고 있다면 --format 으로 지정하세요.
    .app = { $file }: Lifeboat가 모르는 파일 형식입니다(찾아본 형식: { $tried }). 형식을 알고 있다면 가져오기 옵션에서 고르세요.
err_no_export_in_folder = { $folder }: 이 폴더에서 통째로 가져올 수 있는 내보내기를 찾지 못했습니다(예: 텔레그램 데스크톱의 HTML 내보내기 messages.html, messages2.html, …). 파일 하나를 가져오려면 그 파일을 직접 지정하세요.
    .app = { $folder }: 이 폴더에서 통째로 가져올 수 있는 내보내기를 찾지 못했습니다(예: 텔레그램 데스크톱의 HTML 내보내기 messages.html, messages2.html, …). 파일 하나를 가져오려면 그 파일을 직접 고르세요.
err_unknown_format_name = 알 수 없는 형식 이름입니다: "{ $name }". `lifeboat import --help`로 목록을 보세요.
    .app = 알 수 없는 형식 이름입니다: "{ $name }". 가져오기 옵션의 목록에서 고르세요.
err_too_large = { $file }: { $what }이(가) 크기 제한({ $limit } 바이트)을 넘었습니다. 아무것도 가져오지 않았습니다. 내보내기를 나누거나 맞는 파일인지 확인하세요.
err_line_too_long = { $file }:{ $line }: 한 줄이 너무 깁니다({ $limit } 바이트 초과). 대화나 연락처 내보내기가 아닙니다. 아무것도 가져오지 않았습니다.
err_field_too_long = { $file }:{ $line }: 한 항목의 글이 너무 깁니다({ $limit } 바이트 초과). 대화나 연락처 내보내기 파일이 아닙니다. 아무것도 가져오지 않았습니다.
err_too_many_members = { $file }:{ $line }: 한 대화방의 참여자가 { $limit }명을 넘습니다. 그런 대화방은 없으므로 대화 내보내기 파일이 아닙니다. 아무것도 가져오지 않았습니다.
err_zip = { $file }: { $reason }. zip 파일이 손상되었거나 내보내기 파일이 아닙니다. 아무것도 가져오지 않았습니다.
err_empty = { $file }:{ $line }: { $reason }. 이 파일에서 아무것도 가져오지 않았습니다. { $hint ->
        [export_again] 카카오톡에서 대화를 다시 내보내고(대화 내보내기) 새 파일을 가져오세요.
       *[format] 내보낸 대화나 연락처 파일이 맞는지 확인하거나 --format으로 형식을 지정하세요.
    }
    .app = { $file }:{ $line }: { $reason }. 이 파일에서 아무것도 가져오지 않았습니다. { $hint ->
        [export_again] 카카오톡에서 대화를 다시 내보내고(대화 내보내기) 새 파일을 가져오세요.
       *[format] 내보낸 대화나 연락처 파일이 맞는지 확인하거나 가져오기 옵션에서 형식을 고르세요.
    }
err_cancelled = 가져오기를 취소했습니다. 아무것도 저장하지 않았습니다.
    .app = { cancelled }
err_thread = 파싱 스레드를 시작할 수 없습니다: { $source }. 다른 프로그램을 닫고 다시 시도하세요.

## 내보내기

err_export_io = { $path }: { $source }. 경로, 디스크 공간, 폴더 권한을 확인하세요. 아무것도 쓰지 않았습니다.
err_nobody = 내보낼 사람이 없습니다. `lifeboat people`로 목록을 보세요.
    .app = 내보낼 사람이 없습니다.
err_nobody_in_group = "{ $group }"에 내보낼 사람이 없습니다. `lifeboat people`로 목록을 보세요.
    .app = “{ $group }”에 내보낼 사람이 없습니다.
err_sheet_needs_group = 명단 시트는 그룹 하나로 만듭니다. --group으로 그룹을 지정하세요.
    .app = 명단 시트는 그룹 하나로 만듭니다. 먼저 그룹을 고르세요.

## 전화, 문자, 메일

err_not_dialable = "{ $number }"는 일반 전화번호가 아닙니다(서비스 코드, 일시정지 또는 문자가 들어 있음). 전화나 문자를 걸지 않습니다. 믿을 수 있다면 복사해서 직접 누르세요.
err_not_an_address = "{ $address }"는 올바른 이메일 주소가 아닙니다. 메일을 열지 않습니다. 사람 화면에서 주소를 확인하세요.
err_no_numbers = 이 그룹에는 문자를 보낼 번호가 있는 사람이 없습니다. 먼저 연락처나 대화에서 번호를 가져오세요.

## 백업

err_wrong_key = 암호나 키가 맞지 않아 백업을 열 수 없습니다. 아무것도 쓰지 않았습니다. 암호(Caps Lock, 한/영)를 확인하거나 --identity로 맞는 키를 지정하세요.
    .app = 그 암호나 키로는 이 백업을 열 수 없습니다. 암호(Caps Lock, 한/영)를 확인하세요. 아무것도 쓰지 않았습니다.
err_need_passphrase = 암호로 보호된 백업입니다. LIFEBOAT_BACKUP_PASSPHRASE를 설정하거나 터미널에서 실행해 암호를 입력하세요.
    .app = 암호로 보호된 백업입니다. 암호 칸에 입력하세요.
err_need_identity = 키로 암호화된 백업인데 키가 없습니다. --identity FILE을 쓰거나, 그 키(`lifeboat keygen`)를 만든 보관함에서 복원하세요.
    .app = 이 보관함에 없는 키로 만든 백업입니다. 그 키가 있는 보관함에서 복원하세요.
err_backup_weak_passphrase = 백업 암호가 너무 짧습니다. 8자 이상으로 정하세요.
    .app = 8자 이상으로 정하세요.
err_not_a_backup = Lifeboat 백업 파일이 아닙니다(age 암호화 파일이 아님). 파일을 다시 확인하세요.
err_damaged_backup = 백업이 손상되었습니다(잘렸거나 변조됨): { $reason }. 아무것도 쓰지 않았습니다. 다른 백업 사본을 쓰세요.
err_invalid_backup = 백업 내용이 올바르지 않습니다: { $reason }. 아무것도 쓰지 않았습니다. 다른 사본이나, 그 백업을 만든 버전의 Lifeboat를 쓰세요.
err_backup_too_large = 백업의 { $what }이(가) 너무 큽니다({ $limit }바이트 초과). 실제 백업보다 커서 거부했고 아무것도 쓰지 않았습니다.
err_backup_too_costly = 백업의 암호 계산량이 지나치게 큽니다(scrypt 2^{ $log_n }). Lifeboat가 만든 백업이 아니므로 거부했습니다.
err_backup_too_new = 더 새로운 Lifeboat가 만든 백업입니다(형식 버전 { $found }, 이 버전은 { $known }까지 읽음). Lifeboat를 업데이트하세요.
err_bad_recipient = "{ $text }"은(는) 받는 사람 키가 아닙니다: { $reason }. age1…로 시작하는 키나 SSH 공개 키 한 줄(ssh-ed25519 …, ssh-rsa …)을 주세요.
err_bad_identity = { $file }은(는) 쓸 수 있는 키 파일이 아닙니다: { $reason }. age 키 파일(AGE-SECRET-KEY-1…)이나 암호 없는 OpenSSH 개인 키를 주세요.
err_encrypt = 백업을 만들 수 없습니다: { $reason }. 아무것도 쓰지 않았습니다.
err_backup_io = { $path }: { $source }. 경로, 디스크 공간, 폴더 권한을 확인하세요.

## 휴대폰으로 넘기기

err_not_private = { $addr }는 사설 네트워크 주소가 아닙니다. 공용 주소에서는 열지 않습니다. 와이파이나 핫스팟에서의 이 컴퓨터 주소(192.168.x.x, 10.x.x.x, 172.16-31.x.x)나 127.0.0.1을 쓰세요.
err_no_private_address = 이 컴퓨터에 사설 네트워크 주소가 없어 휴대폰이 연결할 수 없습니다. 휴대폰과 같은 와이파이에 연결하거나 휴대폰 핫스팟을 켜고 연결한 뒤 다시 하세요.
err_listen = { $addr }에서 기다릴 수 없습니다: { $source }. 이 컴퓨터의 주소인지 확인하거나(`ip addr`) --listen으로 다른 주소를 고르세요.
    .app = { $addr }에서 기다릴 수 없습니다: { $source }. 이 컴퓨터가 와이파이나 핫스팟에 연결되어 있는지 확인하고 다시 하세요.
err_random = 시스템이 난수를 주지 않아({ $reason }) 키를 만들지 못했습니다. 아무것도 보내지 않았습니다. 다시 하세요.

## 버그 보고용으로 내보내기 가리기

err_redact_write = { $path }: 가린 사본을 쓸 수 없습니다: { $source }. 폴더와 권한을 확인하세요.
err_not_a_chat = { $file }: { $format }은(는) 연락처 파일이라 가릴 수 없습니다. 대화 내보내기 파일에만 쓸 수 있습니다. 대화 내보내기를 첨부하거나 연락처 파일을 설명해 주세요.
err_redact_unsupported = { $file }: 이 형식({ $format })은 아직 가릴 수 없어, 메시지가 남은 사본 대신 아무것도 쓰지 않았습니다. JSON 형식으로 내보내 첨부하거나(텔레그램 데스크톱: 대화 기록 내보내기 → 형식: JSON) 문제를 설명해 주세요.

## 데스크톱 앱 자체의 오류

err_locked = 보관함이 잠겨 있습니다. 먼저 여세요.
    .app = 보관함이 잠겨 있습니다.
err_no_ipc = 이 화면은 Lifeboat 앱 안에서만 동작합니다.
err_no_recipient = 공개 키를 하나 이상 넣으세요.
err_no_path = 먼저 고르기…로 파일을 고르세요.
err_no_save_path = 저장할 위치를 고르세요.
err_no_files = 고른 파일이 없습니다.
err_unknown_setting = 알 수 없는 설정입니다: "{ $key }"
err_no_browser = 시트를 연 브라우저가 없습니다({ $reason }). 잠글 때까지 { $path }에 있으니 직접 열어 인쇄하거나, 원하는 곳에 시트를 내보내세요.
err_no_handler = 이 컴퓨터에는 { $scheme }: 링크를 여는 프로그램이 없어({ $reason }) 아무것도 보내지 않았습니다. 휴대폰으로 보내거나 번호를 복사하세요.
err_not_chosen = { $path }은(는) 이 창에서 고른 파일이 아닙니다. 앱은 직접 고른 파일만 열고 씁니다. { $purpose ->
        [write] '고르기…'로 저장할 곳을 고르세요.
       *[read] '고르기…'로 고르거나 창에 끌어다 놓으세요.
    }
err_too_long = { $reason }
err_internal = Lifeboat 안에서 문제가 생겼습니다: { $reason }

## 파일을 읽지 못한 이유(위 오류들의 `reason`)

reason_message_too_long = { $limit }바이트보다 긴 메시지
reason_csv_record_too_long = { $limit }바이트보다 긴 CSV 레코드
reason_csv_record_unreadable = 읽을 수 없는 CSV 레코드: { $detail }
reason_csv_row_fields = 이 행은 칸이 { $len }개인데 머리글은 { $expected }개입니다
reason_csv_row_unreadable = 읽을 수 없는 CSV 행: { $detail }
reason_csv_no_contact_column = 머리글에 전화번호나 이메일 열이 없습니다
reason_csv_text_after_quote = 칸을 닫는 따옴표 뒤에 글이 있습니다({ $text }): 따옴표가 깨졌습니다
reason_csv_quote_not_closed = 여기서 연 따옴표가 닫히지 않습니다
reason_tag_too_long = { $limit }바이트보다 긴 태그
reason_page_ends_in_tag = 페이지가 태그 중간에서 끝납니다
reason_page_ends_in_message = 페이지가 { $line }번째 줄에서 시작한 메시지 중간에서 끝납니다
reason_page_ends_open = { $line }번째 줄에서 시작한 요소가 닫히지 않은 채 페이지가 끝납니다
reason_nested_too_deep = 요소가 { $limit }단계보다 깊이 겹쳐 있습니다
reason_empty_file = 파일이 비어 있습니다
reason_not_line = LINE 대화 기록이 아닙니다: 첫 줄이 [LINE]으로 시작하거나 2025.02.15 Saturday 같은 날짜여야 합니다
reason_card_not_closed_before_next = { $begin }번째 줄에서 시작한 카드가 다음 BEGIN:VCARD({ $line }번째 줄) 전에 END:VCARD로 닫히지 않습니다
reason_card_too_big = { $begin }번째 줄에서 시작한 카드의 글이 { $limit }바이트보다 많습니다
reason_card_not_closed = { $begin }번째 줄에서 시작한 카드가 END:VCARD로 닫히지 않은 채 파일이 끝납니다
reason_not_instagram = 인스타그램이나 메신저 내보내기가 아닙니다: { $detail }
reason_not_telegram = 텔레그램 내보내기가 아닙니다: { $detail }
reason_nothing_read = { $format } 형식으로 읽었지만 메시지도 연락처도 없습니다(처음 읽지 못한 줄: { $text })
reason_lines_unmatched = { $lines }줄 중 { $unparsed }줄이 알려진 { $format } 꼴과 맞지 않습니다(처음: { $text })
reason_kakao_no_messages = 카카오톡 내보내기처럼 시작하지만({ $text }) 메시지가 없습니다
reason_zip_too_many_entries = 항목이 { $entries }개로, 한도 { $limit }개보다 많습니다
reason_zip_no_export = .txt, .csv, .json 대화 내보내기가 들어 있지 않습니다
reason_zip_bomb = 항목 { $entry }이(가) { $ratio }배로 풀립니다(한도 { $limit }배): 압축 폭탄으로 보입니다
reason_zip_compression = 항목 { $entry }이(가) 내보내기에서 쓰지 않는 { $method } 압축을 씁니다

## 두 사람이 같은 사람일 수 있는 까닭(`lifeboat suggest`, 복원 미리보기, 사람 페이지)

suggest_contact = 대화 상대와 연락처가 모두 “{ $name }”입니다
suggest_groups = { $a }와 { $b }에 모두 “{ $name }”이 있습니다
suggest_claimed = 다른 사람의 백업: { $reason }
match_seat = 백업에서 같은 그룹의 “{ $display }” 자리입니다
match_maker = 백업을 만든 사람이며, 여기서는 "나"입니다
match_same_name = 이름이 같습니다

## 백업에 서명한 사람

signer_named = { $name } ({ $key })
signer_key = { $key }
signer_unsigned = 서명 없음: 누구나 만들 수 있습니다

## 값이 어디서 왔는지(내보낸 연락처의 메모, `show`)

source_shared = { $group }에서 { $by } 님이 공유
source_shared_on = { $group }에서 { $by } 님이 공유, { $date }
source_from = { $file }에서
source_from_import = 가져오기에서
source_a_backup = 백업
source_claimed = { $file }의 주장({ $signer }), { $made } 작성{ $confirmed ->
        [yes] , 보낸 사람이 확인함
       *[no] { "" }
    }

## 너무 큰 것(err_too_large, err_backup_too_large의 `what`)

what_file = 파일
what_text = 텍스트
what_folder = 폴더(파일 { $n }개 초과)
what_zip_entry = zip 항목
backup_what_file = 파일
backup_what_decrypted = 복호화한 데이터
backup_what_entry = { $name }
backup_what_entry_unpacked = { $name }(압축 크기에 비해 풀린 크기)
backup_what_card = contacts.vcf의 { $n }번째 연락처
backup_what_json_parsed = 파일 크기에 비해 읽은 lifeboat.json(크기로 보아 있을 수 없이 많은 기록)

## 적힌 그대로 둔 연락처 값(가져오기 보고)

undecodable_property = { $property }: { $why } 적힌 그대로 두었습니다
undecodable_qp = QUOTED-PRINTABLE이 “{ $at }”에서 깨져 있어
undecodable_base64 = BASE64가 깨져 있어
undecodable_charset = CHARSET “{ $charset }”을(를) 알 수 없어
undecodable_bytes = 바이트가 { $charset } 텍스트가 아니어서

## Lifeboat가 읽는 형식, 시도하는 순서대로(err_unknown_format의 `tried`)

formats_tried = { format_vcard_described }, { format_telegram_json_described }, { format_instagram_json_described }, { format_telegram_html_described }, { format_kakao_csv_described }, { format_kakao_described }, { format_line_described }, { format_whatsapp_described }, { format_contacts_csv_described }
