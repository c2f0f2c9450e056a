# The help of every command and option (`lifeboat --help`): `help-COMMAND`
# for a command (its `.long` for --help), `help-COMMAND--OPTION` for an
# option, `help-COMMAND--OPTION-VALUE` for one of its values. src/cli/help.rs
# reads them; its test checks that every command and option has one.

## clap's own words

help-heading-usage = Usage
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-commands = Commands
help-heading-values = Possible values
help-note-default = default
help-note-values = possible values
help-value-command = COMMAND
help-flag-help = Print help
    .long = Print help (see a summary with '-h')
help-flag-version = Print version
help-command-help = Print this message or the help of the given subcommand(s)

## The commands

help = Keep the people in your life reachable when the messenger goes dark
    .long = Keep the people in your life reachable when the messenger goes dark.

        Lifeboat imports contacts and chat exports (KakaoTalk, WhatsApp, Telegram, LINE) into an encrypted vault on this computer and finds every phone number and e-mail your groups shared. It never uses the network.

        Messages are in Korean or English as $LIFEBOAT_LANG says (ko, en, or both), else as the locale does (LC_ALL, LC_MESSAGES, LANG).
help--vault = The vault folder [default: $LIFEBOAT_VAULT, else ~/.local/share/lifeboat]
help--passphrase_file = Read the passphrase from this file (first line) instead of a prompt. $LIFEBOAT_PASSPHRASE takes precedence
help-init = Create a new encrypted vault
    .long = Create a new encrypted vault.

        The passphrase comes from $LIFEBOAT_PASSPHRASE, --passphrase-file, or a prompt (asked twice). An existing vault is never overwritten.
help-passwd = Change the vault's passphrase (re-encrypts the vault)
    .long = Change the vault's passphrase (re-encrypts the vault).

        The new passphrase comes from $LIFEBOAT_NEW_PASSPHRASE, --new-passphrase-file, or a prompt (asked twice).
help-passwd--new_passphrase_file = Read the new passphrase from this file (first line)
help-import = Import contact files and chat exports
    .long = Import contact files and chat exports.

        Formats are recognised by content: vCard 2.1/3.0/4.0, contact CSV (Google, Outlook, Korean headers; UTF-8, UTF-16, CP949), KakaoTalk (PC, Android, iOS, CSV, zip), WhatsApp (.txt, .zip), Telegram (result.json; HTML: messages.html, a chat or full-export folder, or its zip), LINE (.txt), Instagram and Messenger (message_1.json, a download folder or its zip). All files are imported as one batch, all or nothing; `lifeboat undo` removes a batch. Ctrl-C cancels and keeps nothing.
help-import--files = Files to import, or export folders (Telegram Desktop HTML)
help-import--dry_run = Show what would come in, and keep nothing
help-import--format = Read every file as this format instead of sniffing it
help-import--format-vcard = { format_vcard_described }
help-import--format-telegram-json = { format_telegram_json_described }
help-import--format-instagram-json = { format_instagram_json_described }
help-import--format-telegram-html = { format_telegram_html_described }
help-import--format-kakao-csv = { format_kakao_csv_described }
help-import--format-kakao = { format_kakao_described }
help-import--format-line = { format_line_described }
help-import--format-whatsapp = { format_whatsapp_described }
help-import--format-contacts-csv = { format_contacts_csv_described }
help-import--region = Region for numbers written without a country code in every file. Without it each file's language and numbers decide, else the vault's `region` setting (KR unless set); the summary says which
help-import--date_order = Day/month order for dates no day above 12 settles (dmy, mdy, ymd). Without it the messages' time order decides, else day first; the summary says which
help-import--json = Print the report as JSON
help-import--progress = Report progress on stderr as the files are read, one line every few thousand records: `progress: FILE READ/TOTAL bytes, N messages, M contacts`
help-people = List everyone in the vault, or the members of one group
help-people--group = Only the members of this group (name or id)
help-people--json = Print JSON (the format is documented in the README)
help-show = Show one person with every phone and e-mail and where each came from
help-show--person = An id, or a name, number or e-mail that matches one person
help-show--json = Print JSON (the format is documented in the README)
help-search = Find people by any part of a name, Hangul initials (ㅎㄱㄷ), phone digits or e-mail; with --messages, search chat history instead
help-search--text = What to look for
help-search--messages = Search the text of chat messages
help-search--limit = At most this many results
help-search--json = Print JSON (the format is documented in the README)
help-groups = List groups (chat rooms) with their size and how many are reachable
help-groups--json = Print JSON with every member (the format is documented in the README)
help-handoff = Send people to a phone on the same Wi-Fi (or the phone's hotspot): one QR code, no internet, no account, no app on the phone
    .long = Send people to a phone on the same Wi-Fi (or the phone's hotspot): one QR code, no internet, no account, no app on the phone.

        Prints a link and draws it as a QR code. The phone's camera opens it; the page decrypts in the phone's browser with the key after `#`, which a browser never sends over the network, and offers tap-to-call, tap-to-text, "text everyone" and "add all to contacts". The link serves the data 3 times at most, for 5 minutes at most; any other address gets 404, and too many of those stop the server. Ctrl-C stops it at once.
help-handoff--group = The members of this group (name or id)
help-handoff--person = This person (id, or a name or number that matches one person)
help-handoff--all = Everyone in the vault
help-handoff--listen = The address to listen on: a private-network one (192.168.x.x, 10.x.x.x, 172.16-31.x.x, link-local, loopback) [default: this computer's address on the Wi-Fi or hotspot]
help-handoff--expires = Serve the data for this many seconds (1 to 300)
help-handoff--json = Print the link and each event as JSON lines, with no QR code
help-roster = Who in a group can be reached without the messenger, and who cannot
help-roster--group = Group name or id
help-roster--json = Print JSON (the format is documented in the README)
help-ask = The outage drill: a message to paste into a group's chat while it still works, naming the members Lifeboat cannot reach and asking them to answer "제 번호는 010-…입니다" / "my number is …". Lifeboat remembers whom it asked: after you import the room's next export, `lifeboat roster GROUP` shows who answered, and asking again names only those who did not
help-ask--group = Group name or id
help-ask--lang = The message's language: ko or en
help-ask--json = Print the message and whom it names as JSON
help-imports = List past imports (batches) and what each added
help-imports--json = Print JSON (the format is documented in the README)
help-undo = Remove exactly what one import added. What you confirmed or edited since stays
help-undo--id = The import id from `lifeboat imports`
help-suggest = List people who are probably the same person: the same name in two groups, or a chat member and a contact with the same name, whose confirmed numbers do not disagree. Nothing is merged: `lifeboat merge A B` joins a pair, `lifeboat not-same A B` makes Lifeboat stop suggesting it
help-suggest--json = Print JSON (the format is documented in the README)
help-suggest--person = Only the suggestions that involve this person (an id from `lifeboat people`)
help-confirm = Confirm a number, e-mail or handle found in a chat (or claimed by someone else's backup) as really this person's: it becomes theirs, confirmed
help-confirm--person = An id, or a name, number or e-mail that matches one person
help-confirm--value = The number (any form, or its last digits), e-mail or handle (@id) to confirm
help-confirm--json = Print the result as JSON
help-reject = Reject a number, e-mail or handle: it is not this person's. It is forgotten, with where it was seen
help-reject--person = An id, or a name, number or e-mail that matches one person
help-reject--value = The number (any form, or its last digits), e-mail or handle (@id) to reject
help-reject--json = Print the result as JSON
help-assign = Give a number, e-mail or handle to the member it belongs to ("김영희 번호는 …" said by someone else): it moves to them, confirmed, with its sources
help-assign--person = Who has it now: an id, or a name, number or e-mail that matches one person
help-assign--value = The number (any form, or its last digits), e-mail or handle (@id)
help-assign--to = Whose it is
help-assign--json = Print the result as JSON
help-rename = Give a person a new name. The old one stays as an alias, so searching for it still finds them
help-rename--person = An id, or a name, number or e-mail that matches one person
help-rename--name = The new name
help-rename--json = Print the result as JSON
help-merge = Merge person B into person A: B's numbers, e-mails, handles, names and group memberships become A's. Recorded as an edit: `lifeboat unmerge ID` reverses it, and re-importing files never splits the two again
help-merge--a = The person to keep: an id, or a name, number or e-mail that matches one person
help-merge--b = The person merged into A
help-not-same = Say two people are different: `lifeboat suggest` never proposes them again, even after re-imports. `lifeboat undo ID` forgets the decision
help-not-same--a = An id, or a name, number or e-mail that matches one person
help-not-same--b = The other person
help-unmerge = Reverse a merge: the merged person comes back with what was theirs
help-unmerge--id = The merge id `lifeboat merge` printed (also listed by `lifeboat imports`, kind edit)
help-redact = Write a copy of a chat export safe to attach to a bug report: the same format and room shape (members, messages), with names replaced by consistent pseudonyms, numbers and e-mails scrambled and text reduced to its shape. Check the copy before sending it. Needs no vault
help-redact--file = The export to redact
help-redact--output = Where to write the redacted copy
help-config = Show or change a stored setting: `region` (default region for numbers without a country code, e.g. KR), `auto_lock_minutes`, `language` (ko, en), `name` (the name your backups are signed with; default: the person marked as you)
help-config--key = The setting to show or change; all settings when omitted
help-config--value = The new value
help-export = Export people for phones, address books, spreadsheets or paper
help-export-vcard = vCard file for phones and address books (4.0; 3.0 for phones that refuse 4.0)
    .long = vCard file for phones and address books (4.0; 3.0 for phones that refuse 4.0).

        Every phone with its label, e-mails, messenger handles, and a NOTE saying where numbers found in chats came from.
help-export-vcard--vcard_version = vCard version: 4 (RFC 6350) or 3 (older phones)
help-export-vcard--group = Only the members of this group (name or id)
help-export-vcard--person = Only this person (id, or a name or number that matches one person)
help-export-vcard--output = The file to write
help-export-csv = Google Contacts CSV (UTF-8 with BOM, so Korean Excel opens it too)
help-export-csv--group = Only the members of this group (name or id)
help-export-csv--output = The file to write; standard output when omitted
help-export-sheet = Printable A4 contact sheet (HTML) for one group: open it and print
help-export-sheet--group = The group (name or id)
help-export-sheet--output = The .html file to write
help-backup = Encrypted backups of the vault (age format; docs/BACKUP.md describes the inside)
help-backup-create = Write an encrypted backup: to a passphrase ($LIFEBOAT_BACKUP_PASSPHRASE or asked twice), or to public keys with --recipient
help-backup-create--output = The backup file to write (e.g. lifeboat-2024-03-01.age)
help-backup-create--group = Only these groups and their members (repeatable)
help-backup-create--recipient = Encrypt to this key instead of a passphrase (repeatable): age1…, "ssh-ed25519 …", "ssh-rsa …", or a file of such lines (e.g. ~/.ssh/id_ed25519.pub). Your own: "$(lifeboat keygen --show-recipient | head -n1)"
help-backup-create--name = The name the backup is signed with, as its receivers will see it. Default: `lifeboat config name`, else the person marked as you
help-backup-create--with_messages = Include chat messages (larger; without them groups and rosters are still kept)
help-backup-restore = Merge a backup into the vault as one batch (`lifeboat undo` removes it). Restoring twice adds nothing
help-backup-restore--file = The backup file
help-backup-restore--identity = Key file for a backup made to a key (age identity or OpenSSH private key). Default: the keys kept in this vault by `lifeboat keygen`
help-backup-restore--dry_run = Show what would change (per person: new people, new numbers and e-mails, conflicts, the signer), and keep nothing
help-backup-restore--accept_new_signer = Yes to a group roster signed by another key than last time (check the fingerprint with the sender first)
help-backup-restore--json = Print the report as JSON
help-backup-verify = Prove a backup decrypts and is whole, and count what it holds. Writes nothing
help-backup-verify--file = The backup file
help-backup-verify--identity = Key file for a backup made to a key. Default: this vault's keys
help-backup-verify--json = Print the counts as JSON
help-keygen = Make your own keys, kept in the vault: a backup key (an age X25519 identity) others encrypt backups to, and a signing key (Ed25519) that signs every backup you make
    .long = Make your own keys, kept in the vault: a backup key (an age X25519 identity) others encrypt backups to, and a signing key (Ed25519) that signs every backup you make.

        Back up to yourself with `lifeboat backup create --recipient "$(lifeboat keygen --show-recipient | head -n1)"`; `backup restore` then needs no key file while this vault exists. Keep a copy of the key elsewhere (--write-identity): without the vault or that copy, such a backup cannot be opened.
help-keygen--show_recipient = Print your public key (age1…) on the first line, then your signing key (ssh-ed25519 …), its fingerprint (SHA256:…) and the short form to read aloud
help-keygen--json = With --show-recipient: print them as JSON
help-keygen--new = Make another backup key even if you have one (old keys are kept for old backups)
help-keygen--write_identity = Also write your secret keys (backup and signing) to this file (readable only by you), for safekeeping or for your next computer
help-keygen--import = Bring the keys of a file written by --write-identity on your other computer into this vault: your backups then open here and restore as your own, exactly as they were
