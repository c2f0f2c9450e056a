# The core's errors, by code (`err_` + the code the app receives). Each says
# what went wrong and what to do. The value is the command line's wording;
# `.app` is the desktop app's, where the remedy differs (buttons, not flags).

## The vault

err_wrong_passphrase = wrong passphrase for the vault at { $dir }: nothing was changed. Type the passphrase again (check Caps Lock and the keyboard language).
    .app = Wrong passphrase. Nothing was changed. Check Caps Lock and the keyboard language (한/영), then try again.
err_no_vault = no vault at { $dir }. Create one with `lifeboat init`, or point to yours with --vault or LIFEBOAT_VAULT.
    .app = There is no vault at { $dir } yet. Create one here.
err_vault_exists = a vault already exists at { $dir }; it was left as it is. Unlock it instead, or choose another folder with --vault.
    .app = A vault already exists at { $dir }; it was left as it is. Unlock it instead.
err_unfinished_init = an earlier `lifeboat init` at { $dir } was stopped before it finished, so there is no vault there yet (nothing of yours was stored). Run `lifeboat init` again; it clears what was left and starts over.
    .app = Creating the vault at { $dir } was stopped before it finished, so there is no vault there yet (nothing of yours was stored). Create the vault again; what was left is cleared first.
err_weak_passphrase = the passphrase is too short: use at least 8 characters.
    .app = Use at least 8 characters.
err_busy = the vault at { $dir } is in use by another Lifeboat (the app or another command). Close it and try again.
    .app = Another Lifeboat is using this vault. Close it and try again.
err_damaged = the vault at { $path } is damaged: { $reason }. It was not changed. Restore it from a backup (`lifeboat backup restore`) into a new vault folder.
    .app = The vault at { $path } is damaged: { $reason }. It was not changed. Restore a backup (Backups → Restore) into a new vault folder.
damage_message_chunk = its message chunk { $id } does not decode
damage_search_index = its search index ({ $part }) does not decode
err_vault_io = { $path }: { $source }. Check the disk space and the folder's permissions.
err_storage = the vault at { $dir } could not be written or read: { $source }. Nothing of this operation was kept; check the disk space and try again.
err_too_new = this vault was made by a newer Lifeboat (schema { $found }, this one knows { $known }). Update Lifeboat.
err_new_signer = the roster of { $groups } is signed by a different key than last time: now { $signer }. Nothing was written. Ask the sender, on the phone, to read you their fingerprint (`lifeboat keygen --show-recipient`); if it matches, restore again and accept the new signer (--accept-new-signer).
    .app = The roster of { $groups } is signed by a different key than last time: now { $signer }. Nothing was written. Ask the sender, on the phone, to read you their fingerprint (Backups → My backup key); if it matches, restore again and accept the new signer.
err_crypto = key derivation failed: { $reason }
err_no_such_value = { $person } has no number, e-mail or ID "{ $text }": `lifeboat show { $person_id }` lists them.
    .app = { $person } has no number, e-mail or ID "{ $text }". Their page lists the ones they have.
err_no_row = no { $table ->
        [phone] number
        [email] e-mail
       *[other] ID
    } with id { $id }: it may have been removed. Look the person up again.
err_no_person = no person with id { $id }. `lifeboat people` lists who is in the vault.
    .app = There is no person { $id } in the vault: they may have been removed. Look them up again.
err_empty_name = a name cannot be empty.
err_no_import = no import { $id }: `lifeboat imports` lists them.
    .app = There is no import { $id }: History lists the imports there are.
err_import_undone = import { $id } was already undone.
err_already_one = { $name } ({ $id }) and that person are already one.
err_one_person = that is one person: `lifeboat unmerge` separates a merge.
    .app = That is one person. To separate a merge, undo it on their page.
err_no_merge = no merge { $id }: `lifeboat imports` lists merges (kind edit).
    .app = There is no merge { $id } to undo.
err_merge_undone = merge { $id } was already undone.
err_several_groups = several groups are named "{ $name }": use the id from `lifeboat groups`.
    .app = Several groups are named "{ $name }": choose one from the list.
err_no_group = no group named "{ $name }". `lifeboat groups` lists them.
    .app = There is no group named "{ $name }".
err_nobody_matches = nobody matches "{ $query }". Try part of the name, or `lifeboat search`.
    .app = Nobody matches "{ $query }". Try part of the name.
err_several_people = "{ $query }" matches { $count } people: { $names }. Use the id.
    .app = "{ $query }" matches { $count } people: { $names }. Choose one of them.

## Imports

err_import_io = { $path }: cannot read the file: { $source }. Check that it exists and that you may read it.
err_malformed = { $file }:{ $line }: { $reason }. The file looks damaged or cut short; export it again from the app.
err_unknown_format = { $file }:{ $line }: no format recognised. First line: "{ $first_line }". Lifeboat looked for: { $tried }. If you know the format, name it with --format.
    .app = { $file }: Lifeboat does not know this file's format (it looked for: { $tried }). If you know the format, choose it under Import options.
err_no_export_in_folder = { $folder }: this folder holds no export Lifeboat reads as a whole (such as Telegram Desktop's HTML export: messages.html, messages2.html, …). To import a single file, name the file itself.
    .app = { $folder }: this folder holds no export Lifeboat reads as a whole (such as Telegram Desktop's HTML export: messages.html, messages2.html, …). To import a single file, choose the file itself.
err_unknown_format_name = unknown format name "{ $name }". Run `lifeboat import --help` for the list.
    .app = Unknown format name "{ $name }". Choose one from the list under Import options.
err_too_large = { $file }: { $what } is larger than the limit of { $limit } bytes; nothing was imported. Split the export or check that it is the right file.
err_line_too_long = { $file }:{ $line }: a line longer than { $limit } bytes; this is not a chat or contact export. Nothing was imported.
err_field_too_long = { $file }:{ $line }: a text longer than { $limit } bytes in one field; no message or contact is that long, so this is not a chat or contact export. Nothing was imported.
err_too_many_members = { $file }:{ $line }: more than { $limit } different members in one room; no real chat has that many, so this is not a chat export. Nothing was imported.
err_zip = { $file }: { $reason }. The zip archive is damaged or not an export; nothing was imported.
err_empty = { $file }:{ $line }: { $reason }. Nothing was imported from this file; { $hint ->
        [export_again] export the chat again from KakaoTalk (대화 내보내기) and import the new file.
       *[format] check that this is the exported chat or contact file, or name its format with --format.
    }
    .app = { $file }:{ $line }: { $reason }. Nothing was imported from this file; { $hint ->
        [export_again] export the chat again from KakaoTalk (대화 내보내기) and import the new file.
       *[format] check that this is the exported chat or contact file, or choose its format under Import options.
    }
err_cancelled = import cancelled; nothing was written.
    .app = { cancelled }
err_thread = could not start the parser thread: { $source }. Close other programs and try again.

## Exports

err_export_io = { $path }: { $source }. Check the path, the disk space and the folder's permissions; nothing was written.
err_nobody = there is nobody to export. `lifeboat people` lists who is in the vault.
    .app = There is nobody to export there.
err_nobody_in_group = there is nobody to export in "{ $group }". `lifeboat people` lists who is in the vault.
    .app = There is nobody to export in “{ $group }”.
err_sheet_needs_group = the sheet is made for one group: name it with --group.
    .app = The sheet is made for one group: choose the group first.

## Calling, texting and mailing

err_not_dialable = "{ $number }" is not a plain phone number (it has a service code, a pause or letters), so Lifeboat does not dial or text it. Copy it and dial it by hand if you trust it.
err_not_an_address = "{ $address }" is not a plain e-mail address, so Lifeboat does not open a mail to it. Check the address on the person's page.
err_no_numbers = nobody in this group has a number to text. Add numbers from an address book or a chat first.

## Backups

err_wrong_key = this backup does not open with that passphrase or key: nothing was written. Check the passphrase (Caps Lock, keyboard language) or give the right key with --identity.
    .app = This backup does not open with that passphrase or key. Check the passphrase (Caps Lock, 한/영). Nothing was written.
err_need_passphrase = this backup is protected by a passphrase: set LIFEBOAT_BACKUP_PASSPHRASE or run at a terminal to be asked.
    .app = This backup is protected by a passphrase: type it in the passphrase field.
err_need_identity = this backup was made to a key, and no key was given: use --identity FILE, or restore into the vault whose `lifeboat keygen` key it was made to.
    .app = This backup was made to a key this vault does not have. Restore it in the vault whose key it was made to.
err_backup_weak_passphrase = the backup passphrase is too short: use at least 8 characters.
    .app = Use at least 8 characters.
err_not_a_backup = this is not a Lifeboat backup (not an age-encrypted file). Check that you chose the right file.
err_damaged_backup = the backup is damaged (truncated or altered): { $reason }. Nothing was written. Use another copy of the backup.
err_invalid_backup = the backup is not valid: { $reason }. Nothing was written. Use another copy, or a Lifeboat of the version that made it.
err_backup_too_large = the backup's { $what } is larger than { $limit } bytes, more than any real backup: refused, nothing was written.
err_backup_too_costly = the backup asks for too much passphrase work (scrypt 2^{ $log_n }): refused. It was not made by Lifeboat.
err_backup_too_new = this backup was made by a newer Lifeboat (format version { $found }, this one reads up to { $known }). Update Lifeboat.
err_bad_recipient = "{ $text }" is not a recipient: { $reason }. Give an age public key (age1…) or an SSH public key line (ssh-ed25519 …, ssh-rsa …).
err_bad_identity = { $file } is not a usable key file: { $reason }. Give an age identity file (AGE-SECRET-KEY-1…) or an unencrypted OpenSSH private key.
err_encrypt = the backup could not be made: { $reason }. Nothing was written.
err_backup_io = { $path }: { $source }. Check the path, the disk space and the folder's permissions.

## The hand-off to a phone

err_not_private = { $addr } is not a private-network address, and the handoff never listens on a public one. Use this computer's address on the Wi-Fi or hotspot (192.168.x.x, 10.x.x.x, 172.16-31.x.x) or 127.0.0.1.
err_no_private_address = this computer has no address on a private network, so a phone cannot reach it. Join the same Wi-Fi as the phone, or turn on the phone's hotspot and join it, then try again.
err_listen = cannot listen on { $addr }: { $source }. Check that the address belongs to this computer (`ip addr`), or pick another with --listen.
    .app = Cannot listen on { $addr }: { $source }. Check that this computer is on the Wi-Fi or hotspot, then try again.
err_random = the system gave no random numbers ({ $reason }), so no key was made and nothing was sent. Try again.

## Redacting an export for a bug report

err_redact_write = { $path }: cannot write the redacted copy: { $source }.
err_not_a_chat = { $file }: { $format } is a contact file; redact works on chat exports. Attach a chat export, or describe the contact file instead.
err_redact_unsupported = { $file }: redact cannot rewrite { $format } yet, so it wrote nothing rather than a copy that still holds the messages. Attach the export as JSON (Telegram Desktop: Export chat history → Format: JSON), or describe the problem instead.

## The desktop app's own

err_locked = the vault is locked: unlock it first.
    .app = The vault is locked.
err_no_ipc = This page only works inside the Lifeboat app.
err_no_recipient = Add at least one public key.
err_no_path = Choose the file with Choose… first.
err_no_save_path = Choose where to save the file.
err_no_files = No files were chosen.
err_unknown_setting = Unknown setting "{ $key }".
err_no_browser = No browser opened the sheet ({ $reason }). It is at { $path } until you lock: open it yourself to print, or export the sheet to a file you choose.
err_no_handler = Nothing on this computer opens { $scheme }: links ({ $reason }), so nothing was sent. Send the numbers to your phone instead, or copy the number.
err_not_chosen = { $path } was not chosen in this window: the app only opens and writes files you chose. To use it, { $purpose ->
        [write] choose where to save with Choose….
       *[read] choose it with Choose… or drop it on the window.
    }
err_too_long = { $reason }
err_internal = Something went wrong inside Lifeboat: { $reason }

## Why a file could not be read (the `reason` of the errors above)

reason_message_too_long = a message longer than { $limit } bytes
reason_csv_record_too_long = a CSV record longer than { $limit } bytes
reason_csv_record_unreadable = unreadable CSV record: { $detail }
reason_csv_row_fields = this row has { $len } fields where the header has { $expected }
reason_csv_row_unreadable = unreadable CSV row: { $detail }
reason_csv_no_contact_column = the header names no phone or e-mail column
reason_csv_text_after_quote = text after the closing quote of a field ({ $text }): a quote is broken
reason_csv_quote_not_closed = a quote opened here is never closed
reason_tag_too_long = a tag longer than { $limit } bytes
reason_page_ends_in_tag = the page ends inside a tag
reason_page_ends_in_message = the page ends inside the message begun on line { $line }
reason_page_ends_open = the page ends with an element begun on line { $line } still open
reason_nested_too_deep = elements nested more than { $limit } deep
reason_empty_file = the file is empty
reason_not_line = not a LINE chat history: the first line should start with [LINE] or be a day such as 2025.02.15 Saturday
reason_card_not_closed_before_next = card begun on line { $begin } is not closed by END:VCARD before the next BEGIN:VCARD (line { $line })
reason_card_too_big = card begun on line { $begin } holds more than { $limit } bytes of text
reason_card_not_closed = card begun on line { $begin } is not closed by END:VCARD: the file ends inside it
reason_not_instagram = not an Instagram or Messenger export: { $detail }
reason_not_telegram = not a Telegram export: { $detail }
reason_nothing_read = read as { $format } but found no messages or contacts (first unreadable line: { $text })
reason_lines_unmatched = { $unparsed } of { $lines } lines match no known { $format } shape (first: { $text })
reason_kakao_no_messages = the file starts like a KakaoTalk export ({ $text }) but holds no messages
reason_zip_too_many_entries = it lists { $entries } entries, more than the limit of { $limit }
reason_zip_no_export = it holds no .txt, .csv or .json chat export
reason_zip_bomb = entry { $entry } expands { $ratio }× (limit { $limit }×): this looks like a zip bomb
reason_zip_compression = entry { $entry } uses { $method } compression, which exports never use

## Why two people may be one (`lifeboat suggest`, a restore's preview, a person's page)

suggest_contact = a chat member and a contact are both called “{ $name }”
suggest_groups = “{ $name }” in { $a } and in { $b }
suggest_claimed = someone else's backup: { $reason }
match_seat = the backup seats them as “{ $display }” in the same group
match_maker = the backup's maker, and you are "me" here
match_same_name = the same name

## Who signed a backup

signer_named = { $name } ({ $key })
signer_key = { $key }
signer_unsigned = unsigned: anyone could have made it

## Where a value came from (an exported card's note, `show`)

source_shared = shared by { $by } in { $group }
source_shared_on = shared by { $by } in { $group }, { $date }
source_from = from { $file }
source_from_import = from an import
source_a_backup = a backup
source_claimed = claimed in { $file } { $signed ->
        [yes] by { $signer }
       *[no] { $signer }
    }, made { $made }{ $confirmed ->
        [yes] , confirmed by the sender
       *[no] { "" }
    }

## What is too large (the `what` of err_too_large and err_backup_too_large)

what_file = the file
what_text = the text
what_folder = the folder (more than { $n } files)
what_zip_entry = the zip entry
backup_what_file = file
backup_what_decrypted = decrypted data
backup_what_entry = { $name }
backup_what_entry_unpacked = { $name } (unpacked, for its packed size)
backup_what_card = card { $n } of contacts.vcf
backup_what_json_parsed = lifeboat.json, parsed, for a file of its size (far more records than its size allows)

## A contact value kept as written (the import's report)

undecodable_property = { $property }: { $why }; kept as written
undecodable_qp = its QUOTED-PRINTABLE is broken at “{ $at }”
undecodable_base64 = its BASE64 is broken
undecodable_charset = its CHARSET “{ $charset }” is unknown
undecodable_bytes = its bytes are not { $charset } text

## The formats Lifeboat reads, in the order it tries them (the `tried` of err_unknown_format)

formats_tried = { format_vcard_described }, { format_telegram_json_described }, { format_instagram_json_described }, { format_telegram_html_described }, { format_kakao_csv_described }, { format_kakao_described }, { format_line_described }, { format_whatsapp_described }, { format_contacts_csv_described }
