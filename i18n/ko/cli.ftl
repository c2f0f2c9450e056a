# 명령줄 자체의 말(`cli_…`). 핵심 라이브러리의 오류는 errors.ftl에 있습니다.

## 명령줄 자체의 오류

err_cli_no_passphrase = 암호가 없습니다. 터미널이 아니면 LIFEBOAT_PASSPHRASE나 --passphrase-file을 쓰세요.
err_cli_passphrases_differ = 두 암호가 다릅니다. 아무것도 바꾸지 않았습니다.
err_cli_backup_passphrases_differ = 두 암호가 다릅니다. 백업을 만들지 않았습니다.
err_cli_no_backup_key = 아직 백업 키가 없습니다. 먼저 `lifeboat keygen`을 실행하세요.
err_cli_no_recipient_in_file = { $file }에 받는 사람 키가 없습니다.
err_cli_unknown_setting = 알 수 없는 설정입니다: "{ $key }". 다음 중 하나를 쓰세요: { $keys }.
err_cli_not_minutes = auto_lock_minutes에는 분 단위 숫자를 주세요.
err_cli_not_a_language = language는 ko 또는 en입니다.
err_cli_maker_name_too_long = 서명할 이름은 { $max }자 이하이고 제어 문자가 없어야 합니다.
err_cli_output_exists = { $path } 파일이 이미 있습니다. 사본에 다른 이름을 고르세요.
err_cli_no_data_dir = 이 시스템에 데이터 폴더가 없습니다. --vault로 보관함 폴더를 지정하세요.
err_cli_not_utf8 = { $var }가 올바른 UTF-8이 아닙니다.
err_cli_read_passphrase_file = 암호 파일 { $path }을(를) 읽을 수 없습니다
err_cli_read_recipients_file = 받는 사람 파일 { $file }을(를) 읽을 수 없습니다
err_cli_read_key_file = 키 파일 { $path }을(를) 읽을 수 없습니다

## 잘못 입력한 명령줄(clap의 오류)

cli_usage_unknown_argument = 알 수 없는 옵션입니다: '{ $arg }'
cli_usage_missing_value = '{ $arg }'에 값이 필요한데 주지 않았습니다
cli_usage_invalid_value = '{ $value }'은(는) '{ $arg }'의 값이 아닙니다. 쓸 수 있는 값: { $valid }
cli_usage_value_validation = '{ $value }'은(는) '{ $arg }'에 맞는 값이 아닙니다
cli_usage_missing_required = 빠진 인자: { $args }
cli_usage_invalid_subcommand = '{ $command }' 명령이 없습니다
cli_usage_conflict = '{ $arg }'은(는) '{ $prior }'와(과) 함께 쓸 수 없습니다
cli_usage_did_you_mean = '{ $suggestion }'을(를) 말씀하신 건가요?
cli_usage_try_help = 더 알아보려면 --help를 붙여 실행하세요.

## 가져오기나 복원이 더한 것

cli_batch_added = { $dry_run ->
        [yes] 더할 것
       *[no] 더한 것
    }: 새 사람 { $people }명, 전화번호 { $phones }개, 이메일 { $emails }개, 그룹 { $groups }개, 멤버 { $members }명, 메시지 { $messages }개. 이미 보관함에 있던 사람 { $known }명.
cli_batch_undo = { $kind ->
        [restore] 복원
       *[import] 가져오기
    } { $id }: `lifeboat undo { $id }`로 되돌릴 수 있습니다.
cli_batch_dry_run = 미리보기: 아무것도 저장하지 않았습니다.
cli_import_nothing_new = 새로운 내용이 없습니다. 보관함에 이미 모두 있습니다.
cli_restore_nothing_new = 새로운 내용이 없습니다. 이 백업의 내용이 보관함에 이미 모두 있습니다.

## 가져온 파일 하나하나

cli_import_already = { $file }: 이미 가져온 파일입니다({ $format }). 새로운 내용이 없습니다.
cli_import_file = { $file }: { $format } ({ $encoding }), { $lines }줄{ $contacts ->
        [0] {""}
       *[other] , 연락처 { $contacts }개
    }{ $messages ->
        [0] {""}
       *[other] , 메시지 { $messages }개(새 메시지 { $new_messages }개), 멤버 { $members }명
    }{ $range }
cli_import_dates = {"  "}날짜를 { $order ->
        [mdy] 월/일
       *[dmy] 일/월
    } 순서로 읽었습니다({ $by ->
        [chronology] 12보다 큰 날이 없고, 그렇게 읽어야만 메시지가 시간 순서입니다
       *[rule] 12보다 큰 날이 없고, 어느 쪽이든 시간 순서라 일 먼저 규칙을 따랐습니다
    }). 반대로 읽으려면 (이 가져오기를 `lifeboat undo`로 되돌린 뒤) { $change_with } 옵션으로 가져오세요.
cli_import_region = {"  "}국가 번호 없는 전화번호를 { $region } 번호로 읽었습니다({ $why ->
        [numbers] 번호 대부분에 그 국가 번호가 있습니다
        [language] { $language }로 쓰인 대화입니다
       *[other] 번호와 언어로 판단했습니다
    }). 다른 나라로 읽으려면 (`lifeboat undo`로 되돌린 뒤) --region 옵션으로 가져오세요.
cli_import_unparsed = {"  "}알려진 형태에 맞지 않는 줄 { $n }개, 처음은 { $line }번째 줄: { $text }
cli_import_kept_as_written = {"  "}해독하지 못한 값 { $n }개를 적힌 그대로 두었습니다. 가져온 뒤 확인하세요.
cli_import_more = {"    "}… { $n }개 더
cli_import_handles = 그리고 메신저·SNS 아이디 { $n }개(인스타그램, 텔레그램, 라인, 디스코드, …).

## 사람의 번호, 이름, 합치기에 대한 결정

cli_confirmed = { $name }님({ $id })의 { $value }을(를) 확인했습니다.
cli_rejected = { $name }님({ $id })의 { $value }을(를) 지웠습니다.
cli_assigned = { $value }은(는) 이제 { $name }님({ $id })의 번호입니다(확인됨).
cli_renamed = { $old }({ $id })의 이름을 { $name }(으)로 바꿨습니다.
cli_merged = { $from }님({ $from_id })을 { $into }님({ $into_id })으로 합쳤습니다(합치기 { $id }). 되돌리기: `lifeboat unmerge { $id }`
cli_unmerged = { $id }번 합치기를 되돌렸습니다.
cli_not_same = { $a }님({ $a_id })과 { $b }님({ $b_id })은 다른 사람으로 기억합니다(편집 { $edit }).
cli_no_suggestions = 같은 사람으로 보이는 경우가 없습니다.

## 보관함, 가져오기와 되돌리기

cli_init_starting_over = { $dir }의 보관함 만들기가 끝나기 전에 중단되었습니다. 남은 것을 지우고 새로 만듭니다.
cli_init_created = { $dir }에 암호화된 보관함을 만들었습니다.
cli_init_next = 다음: lifeboat import <카카오톡 내보내기 또는 연락처 파일>
cli_passphrase_changed = { $dir }의 암호를 바꿨습니다.
cli_undone = { $id }번 가져오기를 되돌렸습니다: 사람 { $people }명, 전화번호 { $phones }개, 이메일 { $emails }개, 그룹 { $groups }개, 메시지 { $messages }개를 지웠습니다.
cli_undo_kept = 그 뒤에 확인하거나 고친 { $n }개는 남겼습니다.
cli_redacted = 가린 사본 { $path }을(를) 만들었습니다({ $format }, 메시지 { $messages }개, 바꾼 이름 { $names }개). 보내기 전에 내용을 확인하세요.

## 내보내기, 휴대폰으로 넘기기, 대화방에 물어보기

cli_export_vcard = { $n }명을 vCard { $version }.0 파일 { $path }에 저장했습니다.
cli_export_csv = { $n }명을 CSV 파일 { $path }에 저장했습니다.
cli_export_sheet = 연락처 시트를 { $path }에 저장했습니다. 브라우저에서 열어 인쇄하세요(A4).
cli_handoff_scan = 휴대폰 카메라로 찍으세요(같은 와이파이나 휴대폰 핫스팟).
cli_handoff_serving = { $people }명, { $seconds }초 안에 { $fetches }번까지 열 수 있습니다. Ctrl-C로 멈춥니다.
cli_handoff_fetched = { $of }번 중 { $count }번 받아 갔습니다.
cli_handoff_fetched_last = { $of }번 중 { $count }번 받아 갔습니다. 마지막이었습니다. 이제 링크는 휴대폰에 이미 쓰였다고 알립니다. { $seconds }초 뒤 멈춥니다(Ctrl-C로 바로 멈춤).
cli_handoff_stopped = 멈췄습니다. 링크는 더 이상 열리지 않습니다.
cli_handoff_expired = 링크가 만료되었습니다. 새 링크는 다시 실행하세요.
cli_handoff_used_up = 링크를 쓸 수 있는 횟수를 다 써서 더 이상 열리지 않습니다.
cli_handoff_too_many_wrong = 잘못된 주소 요청이 너무 많아 멈췄습니다. 이 네트워크의 누군가가 추측하고 있을 수 있습니다. 믿을 수 있는 네트워크를 쓰세요.
cli_ask_nobody = { $group }의 모두에게 메신저 없이 연락할 수 있어 물어볼 사람이 없습니다.
cli_ask_paste = 위 메시지를 { $group } 대화방에 붙여 넣으세요. { $n }명({ $members })에게 물었습니다. 다음 내보내기를 가져오면 `lifeboat roster { $group }`가 누가 답했는지 보여 줍니다.

## 그룹 명단

cli_roster_reach = { $group }: { $total }명 중 { $reachable }명은 메신저 없이 연락할 수 있습니다.
cli_roster_by_handle = 그 밖에 { $n }명은 핸들(인스타그램, 텔레그램, 라인, 디스코드)로만 연락할 수 있습니다.
cli_roster_handle_only = 핸들로만
cli_roster_asked = { $at }에 물어봤지만 아직 답이 없습니다
cli_roster_not_reachable = 연락처를 물어보세요(`lifeboat ask`)
cli_roster_answered = 답함
cli_roster_claimed = { $signed ->
        [yes] { $signer }님의 백업 { $file }에만 있는 자리
       *[no] 서명 없는 백업 { $file }에만 있는 자리
    }
cli_roster_left = 나간 사람: { $names }

## 찾기

cli_message_hits = 메시지 { $total }개 중 최근 { $shown }개.
cli_nobody_matches = "{ $text }"와(과) 맞는 사람이 없습니다.

## 백업 키

cli_keys_imported = { $path }에서 새 백업 키 { $n }개{ $signing ->
        [yes] 와(과) 서명 키
       *[no] {""}
    }를 가져왔습니다. 내 백업을 이 보관함에서 그대로 복원할 수 있습니다.
cli_key_exists = 이미 백업 키가 있습니다({ $made }에 만듦). --new로 하나 더 만들 수 있습니다.
cli_key_made = 새 백업 키를 만들어 보관함에 저장했습니다.
cli_keys_written = 비밀 키를 { $path }에 저장했습니다. 인터넷에 연결되지 않은 안전한 곳에 따로 보관하세요. 이 파일이 있으면 누구나 내 백업을 열고 나로 서명할 수 있습니다. 새 컴퓨터에서는 lifeboat keygen --import 파일.
cli_keep_a_key_copy = 보관함 밖에도 키 사본을 두세요(`lifeboat keygen --write-identity 파일`). 없으면 보관함을 잃을 때 백업도 열 수 없습니다.

## 백업 만들기, 확인, 복원

cli_backup_written = 백업 { $path }을(를) 저장했습니다: 사람 { $people }명, 전화번호 { $phones }개, 이메일 { $emails }개, 그룹 { $groups }개, 메시지 { $messages }개. `lifeboat backup verify`로 확인하세요.
cli_backup_signed_as = 서명: "{ $name }", 내 키 { $fingerprint } ({ $short }).
cli_backup_verified = { $path }: 백업이 정상입니다. 복호화되고 손상이 없습니다. 만든 때 { $made }. 사람 { $people }명, 전화번호 { $phones }개, 이메일 { $emails }개, 그룹 { $groups }개, 멤버 { $members }명, 메시지 { $messages }개. contacts.vcf에 연락처 { $cards }개.
cli_backup_signed_by = 서명한 사람: { $named ->
        [yes] "{ $name }"
       *[no] (이름 없음)
    } ({ $fingerprint }, { $short }). 만든 사람의 지문(`lifeboat keygen --show-recipient`)과 같은지 확인하세요.
cli_backup_unsigned = 서명 없음: 누구든 만들 수 있었던 백업입니다.
cli_restore_own = 이 보관함이 서명한 내 백업입니다. 그대로 복원합니다. ({ $signer })
cli_restore_theirs = 다른 사람이 만든 백업입니다: { $signer }. 모든 번호와 이메일은 그 사람의 주장(후보)으로 들어오며, 내가 확인한 것을 바꾸지 않습니다.
cli_restore_signer_changed = 경고 { $group }: 지난번과 다른 키로 서명되었습니다(전: { $before }).
cli_restore_check_fingerprint = 보낸 사람과 전화로 지문을 확인하고, 맞으면 --accept-new-signer로 복원하세요.
cli_restore_new_person = 새 사람
cli_restore_messages_left_out = 이 백업의 메시지 { $n }개는 가져오지 않습니다. 메시지는 내 백업에서만 복원합니다.

## 표의 머리글

cli_col_id = ID
cli_col_name = 이름
cli_col_phones = 전화번호
cli_col_emails = 이메일
cli_col_groups = 그룹
cli_col_group = 그룹
cli_col_from = 출처
cli_col_members = 멤버
cli_col_reachable = 연락 가능
cli_col_by_handle = 핸들로
cli_col_messages = 메시지
cli_col_member = 멤버
cli_col_how_to_reach = 연락 방법
cli_col_when = 언제
cli_col_kind = 종류
cli_col_files = 파일
cli_col_added = 더한 것
cli_col_who = 보낸 사람
cli_col_message = 메시지
cli_col_a = A
cli_col_b = B
cli_col_why = 이유
cli_col_to_merge = 합치려면

## 표의 칸과 이름표

cli_reachable_of = { $total }명 중 { $reachable }명
cli_history_added = { $people }명, 전화번호 { $phones }개, 이메일 { $emails }개, 그룹 { $groups }개, 메시지 { $messages }개
cli_show_me = 나
cli_show_aliases = 다른 이름
cli_show_org = 소속
cli_show_phone = 전화
cli_show_email = 이메일
cli_show_handle = 핸들
cli_show_groups = 그룹
cli_show_from = 출처
cli_show_written = 원래 표기
cli_status_confirmed = 확인됨
cli_status_candidate = 후보
cli_status_conflict = 확인한 번호와 다름
cli_status_conflict_handle = 확인한 ID와 다름
cli_source_shared = { $group }에서 { $by } 님이 공유, { $at }
cli_source_shared_times = { $group }에서 { $by } 님이 { $times }번 공유, 처음 { $at }
cli_config_default = (기본값)
cli_progress_counts = 메시지 { $messages }개 · 연락처 { $contacts }개
cli_key_public = 받는 사람 키
cli_key_signing = 서명 키
cli_key_fingerprint = 지문
cli_key_read_aloud = 읽어 주기

## 복원이 사람마다 바꿀 것

cli_restore_yours = { $name } → 내 { $existing }
cli_restore_conflict = ! { $value }: 확인한 것({ $yours })과 다릅니다. 후보로 두고, 내 것이 먼저입니다
cli_restore_may_be = ? 내 { $name }(id { $id })일 수 있습니다: { $reason }. 맞으면 직접 합치세요
cli_restore_left = - { $group }에서 나감

## 입력 안내(뒤에 ": "가 붙습니다)

cli_prompt_passphrase = { $dir }의 암호
cli_prompt_new_passphrase = 새 암호(8자 이상)
cli_prompt_repeat = 다시 입력
cli_prompt_backup_new = 백업 암호(8자 이상)
cli_prompt_backup = 백업 암호
