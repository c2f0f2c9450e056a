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
cli_import_unparsed = {"  "}알려진 형태에 맞지 않는 줄 { $n }개, 처음은 { $line }번째 줄: "{ $text }"
cli_import_kept_as_written = {"  "}해독하지 못한 값 { $n }개를 적힌 그대로 두었습니다. 가져온 뒤 확인하세요.
cli_import_more = {"    "}… { $n }개 더
cli_import_handles = 그리고 메신저·SNS 아이디 { $n }개(인스타그램, 텔레그램, 라인, 디스코드, …).
