# 모든 명령과 옵션의 도움말(`lifeboat --help`). 이름 규칙은 en/help.ftl과 같습니다.

## clap 자체의 말

help-heading-usage = 사용법
help-heading-arguments = 인자
help-heading-options = 옵션
help-heading-commands = 명령
help-heading-values = 쓸 수 있는 값
help-note-default = 기본값
help-note-values = 쓸 수 있는 값
help-value-command = 명령
help-flag-help = 도움말 보기
    .long = 도움말 보기 (요약은 '-h')
help-flag-version = 버전 보기
help-command-help = 이 도움말이나 주어진 명령의 도움말 보기

## 명령

help = 메신저가 멈춰도 내 사람들과 연락이 끊기지 않게
    .long = 메신저가 멈춰도 내 사람들과 연락이 끊기지 않게.

        Lifeboat는 연락처와 대화 내보내기(카카오톡, WhatsApp, 텔레그램, LINE)를 이 컴퓨터의 암호화된 금고로 가져오고, 그룹에서 나온 전화번호와 이메일을 모두 찾습니다. 네트워크는 전혀 쓰지 않습니다.

        메시지 언어는 $LIFEBOAT_LANG(ko, en, both)을 따르고, 없으면 로캘(LC_ALL, LC_MESSAGES, LANG)을 따릅니다.
help--vault = 금고 폴더 [기본값: $LIFEBOAT_VAULT, 없으면 ~/.local/share/lifeboat]
help--passphrase_file = 암호를 입력받는 대신 이 파일(첫 줄)에서 읽기. $LIFEBOAT_PASSPHRASE가 우선합니다
help-init = 암호화된 새 금고 만들기
    .long = 암호화된 새 금고 만들기.

        암호는 $LIFEBOAT_PASSPHRASE, --passphrase-file, 또는 입력(두 번)에서 받습니다. 이미 있는 금고는 절대 덮어쓰지 않습니다.
help-passwd = 금고 암호 바꾸기(금고를 다시 암호화)
    .long = 금고 암호 바꾸기(금고를 다시 암호화).

        새 암호는 $LIFEBOAT_NEW_PASSPHRASE, --new-passphrase-file, 또는 입력(두 번)에서 받습니다.
help-passwd--new_passphrase_file = 새 암호를 이 파일(첫 줄)에서 읽기
help-import = 연락처 파일과 대화 내보내기 가져오기
    .long = 연락처 파일과 대화 내보내기 가져오기.

        형식은 내용으로 알아봅니다: vCard 2.1/3.0/4.0, 연락처 CSV(Google, Outlook, 한국어 머리글; UTF-8, UTF-16, CP949), 카카오톡(PC, Android, iOS, CSV, zip), WhatsApp(.txt, .zip), 텔레그램(result.json; HTML: messages.html, 대화방 폴더나 전체 내보내기 폴더, 또는 그 zip), LINE(.txt), 인스타그램과 메신저(message_1.json, 다운로드 폴더나 그 zip). 모든 파일을 한 묶음으로, 전부 아니면 전무로 가져옵니다. `lifeboat undo`로 묶음을 되돌립니다. Ctrl-C는 취소하고 아무것도 남기지 않습니다.
help-import--files = 가져올 파일, 또는 내보내기 폴더(텔레그램 데스크톱 HTML)
help-import--dry_run = 무엇이 들어올지 보여 주기만 하고 아무것도 저장하지 않기
help-import--format = 형식을 알아보지 않고 모든 파일을 이 형식으로 읽기
help-import--format-vcard = { format_vcard_described }
help-import--format-telegram-json = { format_telegram_json_described }
help-import--format-instagram-json = { format_instagram_json_described }
help-import--format-telegram-html = { format_telegram_html_described }
help-import--format-kakao-csv = { format_kakao_csv_described }
help-import--format-kakao = { format_kakao_described }
help-import--format-line = { format_line_described }
help-import--format-whatsapp = { format_whatsapp_described }
help-import--format-contacts-csv = { format_contacts_csv_described }
help-import--region = 모든 파일에서 국가 번호 없이 쓴 번호의 지역. 없으면 파일마다 언어와 번호가 정하고, 그다음 금고의 `region` 설정(정하지 않으면 KR)을 따릅니다. 요약에 어느 쪽인지 나옵니다
help-import--date_order = 12보다 큰 날이 없어 정해지지 않는 날짜의 일/월 순서(dmy, mdy, ymd). 없으면 메시지의 시간 순서가 정하고, 그래도 모르면 일이 먼저입니다. 요약에 어느 쪽인지 나옵니다
help-import--json = 결과를 JSON으로 출력
help-import--progress = 파일을 읽는 동안 몇천 건마다 한 줄씩 진행 상황을 stderr에 출력: `progress: FILE READ/TOTAL bytes, N messages, M contacts`
help-people = 금고의 모든 사람, 또는 한 그룹의 멤버 목록
help-people--group = 이 그룹(이름이나 id)의 멤버만
help-people--json = JSON으로 출력(형식은 README에 있습니다)
help-show = 한 사람을 모든 전화번호와 이메일, 각각 어디서 왔는지와 함께 보기
help-show--person = id, 또는 한 사람과 맞는 이름, 번호, 이메일
help-show--json = JSON으로 출력(형식은 README에 있습니다)
help-search = 이름의 일부, 한글 초성(ㅎㄱㄷ), 전화번호 숫자, 이메일로 사람 찾기. --messages를 주면 대화 기록을 찾습니다
help-search--text = 찾을 말
help-search--messages = 대화 메시지의 글을 찾기
help-search--limit = 결과를 많아야 이만큼
help-search--json = JSON으로 출력(형식은 README에 있습니다)
help-groups = 그룹(대화방) 목록과 각각의 인원, 연락 가능한 사람 수
help-groups--json = 멤버를 모두 담아 JSON으로 출력(형식은 README에 있습니다)
help-handoff = 같은 Wi-Fi(또는 휴대폰 핫스폿)의 휴대폰으로 사람들 보내기: QR 코드 하나, 인터넷도 계정도 휴대폰 앱도 필요 없음
    .long = 같은 Wi-Fi(또는 휴대폰 핫스폿)의 휴대폰으로 사람들 보내기: QR 코드 하나, 인터넷도 계정도 휴대폰 앱도 필요 없음.

        링크를 출력하고 QR 코드로 그립니다. 휴대폰 카메라로 열면 페이지가 `#` 뒤의 키로 휴대폰 브라우저 안에서 복호화합니다. 브라우저는 이 키를 네트워크로 보내지 않습니다. 페이지에서 전화 걸기, 문자 보내기, "모두에게 문자", "모두 연락처에 추가"를 할 수 있습니다. 링크는 데이터를 많아야 3번, 많아야 5분 동안 내줍니다. 다른 주소는 404를 받고, 그런 요청이 너무 많으면 서버가 멈춥니다. Ctrl-C로 바로 멈춥니다.
help-handoff--group = 이 그룹(이름이나 id)의 멤버
help-handoff--person = 이 사람(id, 또는 한 사람과 맞는 이름이나 번호)
help-handoff--all = 금고의 모든 사람
help-handoff--listen = 들을 주소: 사설망 주소(192.168.x.x, 10.x.x.x, 172.16-31.x.x, 링크 로컬, 루프백) [기본값: Wi-Fi나 핫스폿에서 이 컴퓨터의 주소]
help-handoff--expires = 데이터를 내줄 시간(초, 1에서 300)
help-handoff--json = QR 코드 없이 링크와 각 사건을 JSON 줄로 출력
help-roster = 그룹에서 메신저 없이 연락할 수 있는 사람과 없는 사람
help-roster--group = 그룹 이름이나 id
help-roster--json = JSON으로 출력(형식은 README에 있습니다)
help-ask = 장애 대비 훈련: 대화방이 아직 될 때 붙여 넣을 메시지. Lifeboat가 연락할 수 없는 멤버의 이름을 부르고 "제 번호는 010-…입니다" / "my number is …" 꼴로 답해 달라고 합니다. 누구에게 물었는지 기억하므로, 그 방의 다음 내보내기를 가져온 뒤 `lifeboat roster GROUP`이 누가 답했는지 보여 주고, 다시 물으면 답하지 않은 사람만 부릅니다
help-ask--group = 그룹 이름이나 id
help-ask--lang = 메시지의 언어: ko 또는 en
help-ask--json = 메시지와 부른 사람을 JSON으로 출력
help-imports = 지난 가져오기(묶음)와 각각 더한 것의 목록
help-imports--json = JSON으로 출력(형식은 README에 있습니다)
help-undo = 가져오기 하나가 더한 것을 정확히 지우기. 그 뒤에 확인하거나 고친 것은 남습니다
help-undo--id = `lifeboat imports`에 나오는 가져오기 id
help-suggest = 같은 사람일 가능성이 높은 사람들 목록: 두 그룹에 같은 이름, 또는 이름이 같은 대화 멤버와 연락처로, 확인된 번호가 서로 다르지 않은 경우. 아무것도 합치지 않습니다: `lifeboat merge A B`로 합치고, `lifeboat not-same A B`로 더는 제안하지 않게 합니다
help-suggest--json = JSON으로 출력(형식은 README에 있습니다)
help-suggest--person = 이 사람이 들어간 제안만(`lifeboat people`의 id)
help-confirm = 대화에서 찾은(또는 다른 사람의 백업이 주장한) 번호, 이메일, 핸들을 정말 이 사람의 것으로 확인: 확인된 그 사람의 것이 됩니다
help-confirm--person = id, 또는 한 사람과 맞는 이름, 번호, 이메일
help-confirm--value = 확인할 번호(어떤 꼴이든, 또는 끝자리), 이메일, 핸들(@id)
help-confirm--json = 결과를 JSON으로 출력
help-reject = 번호, 이메일, 핸들을 거절: 이 사람의 것이 아닙니다. 어디서 보였는지와 함께 잊습니다
help-reject--person = id, 또는 한 사람과 맞는 이름, 번호, 이메일
help-reject--value = 거절할 번호(어떤 꼴이든, 또는 끝자리), 이메일, 핸들(@id)
help-reject--json = 결과를 JSON으로 출력
help-assign = 번호, 이메일, 핸들을 그 주인인 멤버에게 주기(다른 사람이 말한 "김영희 번호는 …"): 출처와 함께 그 사람에게 옮겨 확인됩니다
help-assign--person = 지금 가진 사람: id, 또는 한 사람과 맞는 이름, 번호, 이메일
help-assign--value = 번호(어떤 꼴이든, 또는 끝자리), 이메일, 핸들(@id)
help-assign--to = 누구의 것인지
help-assign--json = 결과를 JSON으로 출력
help-rename = 사람에게 새 이름 주기. 옛 이름은 별칭으로 남아 그 이름으로 찾아도 나옵니다
help-rename--person = id, 또는 한 사람과 맞는 이름, 번호, 이메일
help-rename--name = 새 이름
help-rename--json = 결과를 JSON으로 출력
help-merge = 사람 B를 사람 A에 합치기: B의 번호, 이메일, 핸들, 이름, 그룹 멤버십이 A의 것이 됩니다. 편집으로 기록되어 `lifeboat unmerge ID`로 되돌리고, 파일을 다시 가져와도 둘이 다시 나뉘지 않습니다
help-merge--a = 남길 사람: id, 또는 한 사람과 맞는 이름, 번호, 이메일
help-merge--b = A에 합칠 사람
help-not-same = 두 사람이 다르다고 알려 주기: 다시 가져와도 `lifeboat suggest`가 다시는 제안하지 않습니다. `lifeboat undo ID`로 이 결정을 잊습니다
help-not-same--a = id, 또는 한 사람과 맞는 이름, 번호, 이메일
help-not-same--b = 다른 한 사람
help-unmerge = 합치기 되돌리기: 합쳐진 사람이 자기 것과 함께 돌아옵니다
help-unmerge--id = `lifeboat merge`가 출력한 합치기 id(`lifeboat imports`에도 edit 종류로 나옵니다)
help-redact = 버그 신고에 붙여도 안전한 대화 내보내기 사본 쓰기: 형식과 방의 모양(멤버, 메시지)은 같고, 이름은 일관된 가명으로, 번호와 이메일은 뒤섞고, 글은 모양만 남깁니다. 보내기 전에 사본을 확인하세요. 금고가 필요 없습니다
help-redact--file = 가릴 내보내기 파일
help-redact--output = 가린 사본을 쓸 곳
help-config = 저장된 설정 보기나 바꾸기: `region`(국가 번호 없는 번호의 기본 지역, 예: KR), `auto_lock_minutes`, `language`(ko, en), `name`(백업에 서명하는 이름, 기본값: 나로 표시한 사람)
help-config--key = 보거나 바꿀 설정. 없으면 모든 설정
help-config--value = 새 값
help-export = 휴대폰, 주소록, 스프레드시트, 종이로 사람들 내보내기
help-export-vcard = 휴대폰과 주소록용 vCard 파일(4.0, 4.0을 못 읽는 휴대폰에는 3.0)
    .long = 휴대폰과 주소록용 vCard 파일(4.0, 4.0을 못 읽는 휴대폰에는 3.0).

        모든 전화번호와 그 이름표, 이메일, 메신저 핸들, 그리고 대화에서 찾은 번호가 어디서 왔는지 적은 NOTE가 들어갑니다.
help-export-vcard--vcard_version = vCard 버전: 4(RFC 6350) 또는 3(오래된 휴대폰)
help-export-vcard--group = 이 그룹(이름이나 id)의 멤버만
help-export-vcard--person = 이 사람만(id, 또는 한 사람과 맞는 이름이나 번호)
help-export-vcard--output = 쓸 파일
help-export-csv = Google 주소록 CSV(BOM이 붙은 UTF-8이라 한국어 엑셀에서도 열립니다)
help-export-csv--group = 이 그룹(이름이나 id)의 멤버만
help-export-csv--output = 쓸 파일. 없으면 표준 출력
help-export-sheet = 한 그룹의 인쇄용 A4 연락처 표(HTML): 열어서 인쇄하세요
help-export-sheet--group = 그룹(이름이나 id)
help-export-sheet--output = 쓸 .html 파일
help-backup = 금고의 암호화된 백업(age 형식, 안의 구조는 docs/BACKUP.md)
help-backup-create = 암호화된 백업 쓰기: 암호로($LIFEBOAT_BACKUP_PASSPHRASE 또는 두 번 입력), 또는 --recipient로 공개 키에게
help-backup-create--output = 쓸 백업 파일(예: lifeboat-2024-03-01.age)
help-backup-create--group = 이 그룹들과 그 멤버만(여러 번 쓸 수 있음)
help-backup-create--recipient = 암호 대신 이 키로 암호화(여러 번 쓸 수 있음): age1…, "ssh-ed25519 …", "ssh-rsa …", 또는 그런 줄이 든 파일(예: ~/.ssh/id_ed25519.pub). 내 키: "$(lifeboat keygen --show-recipient | head -n1)"
help-backup-create--name = 받는 사람에게 보일, 백업에 서명하는 이름. 기본값: `lifeboat config name`, 없으면 나로 표시한 사람
help-backup-create--with_messages = 대화 메시지도 넣기(더 큽니다. 빼도 그룹과 명단은 남습니다)
help-backup-restore = 백업을 한 묶음으로 금고에 합치기(`lifeboat undo`로 되돌립니다). 두 번 복원해도 더해지는 것은 없습니다
help-backup-restore--file = 백업 파일
help-backup-restore--identity = 키로 만든 백업의 키 파일(age 신원 또는 OpenSSH 개인 키). 기본값: `lifeboat keygen`이 이 금고에 둔 키
help-backup-restore--dry_run = 무엇이 바뀔지(사람마다: 새 사람, 새 번호와 이메일, 충돌, 서명한 사람) 보여 주기만 하고 아무것도 저장하지 않기
help-backup-restore--accept_new_signer = 지난번과 다른 키로 서명된 그룹 명단을 받아들이기(먼저 보낸 사람과 지문을 확인하세요)
help-backup-restore--json = 결과를 JSON으로 출력
help-backup-verify = 백업이 복호화되고 온전한지 확인하고 안에 든 것을 세기. 아무것도 쓰지 않습니다
help-backup-verify--file = 백업 파일
help-backup-verify--identity = 키로 만든 백업의 키 파일. 기본값: 이 금고의 키
help-backup-verify--json = 개수를 JSON으로 출력
help-keygen = 금고에 둘 내 키 만들기: 다른 사람이 백업을 암호화해 보낼 백업 키(age X25519 신원)와, 내가 만드는 모든 백업에 서명하는 서명 키(Ed25519)
    .long = 금고에 둘 내 키 만들기: 다른 사람이 백업을 암호화해 보낼 백업 키(age X25519 신원)와, 내가 만드는 모든 백업에 서명하는 서명 키(Ed25519).

        나에게 백업하려면 `lifeboat backup create --recipient "$(lifeboat keygen --show-recipient | head -n1)"`. 이 금고가 있는 동안 `backup restore`에는 키 파일이 필요 없습니다. 키 사본은 다른 곳에 두세요(--write-identity). 금고도 그 사본도 없으면 그런 백업은 열 수 없습니다.
help-keygen--show_recipient = 첫 줄에 내 공개 키(age1…), 이어서 서명 키(ssh-ed25519 …), 그 지문(SHA256:…)과 소리 내어 읽을 짧은 꼴을 출력
help-keygen--json = --show-recipient와 함께: JSON으로 출력
help-keygen--new = 이미 있어도 백업 키를 하나 더 만들기(옛 키는 옛 백업을 위해 남습니다)
help-keygen--write_identity = 비밀 키(백업 키와 서명 키)를 이 파일에도 쓰기(나만 읽을 수 있음). 보관용이나 다음 컴퓨터용
help-keygen--import = 다른 컴퓨터에서 --write-identity로 쓴 파일의 키를 이 금고로 가져오기: 내 백업이 여기서 열리고, 그대로 내 것으로 복원됩니다
