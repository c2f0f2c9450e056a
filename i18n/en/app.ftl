# The desktop app's words, by the key the page's t() takes (ui/i18n.js).
# Plural forms use Fluent selectors; Korean has only `other`.

app_name = Lifeboat
tagline = Keep your people reachable when the messenger goes dark.

## Vault
create_title = Create your vault
create_body = Everything you import is kept encrypted on this computer. Choose a passphrase you will remember: without it nobody, not even you, can open the vault.
unlock_title = Unlock your vault
unlock_body = Enter your passphrase to open your contacts.
passphrase = Passphrase
passphrase_repeat = Repeat the passphrase
create = Create vault
unlock = Unlock
unlocking = Unlocking…
creating = Creating…
lock = Lock
locked_idle = Locked after { $n ->
        [one] one idle minute
       *[other] { $n } idle minutes
    }.
vault_at = Vault: { $dir }
mismatch = The two passphrases differ.

## Navigation
nav_people = People
nav_groups = Groups
nav_import = Import
nav_history = History
nav_settings = Settings
nav_export = Export
nav_backup = Backups

## People
search_placeholder = Search name, initials, number, e-mail
people_count = { $n ->
        [one] { $n } person
       *[other] { $n } people
    }
people_found = { $n } found
no_match = Nobody matches “{ $q }”.
no_match_hint = Try part of a name, the initials (ㄱㅁㅈ for 김민준), or the last digits of a number.
empty_title = Nobody here yet
empty_body = Start with a KakaoTalk chat export: Lifeboat reads who is in each group and every phone number and e-mail shared in it.
empty_step1 = In KakaoTalk on your PC, open a group chat → ☰ menu → Export chat (대화 내보내기).
empty_step2 = Drop the saved .txt file on this window, or choose it under Import.
empty_step3 = Add your phone’s contacts too: export them as a vCard (.vcf).
go_import = Import a KakaoTalk export
select_person = Choose someone on the left to see how to reach them.
no_contact = no number yet
candidates_n = { $n } to check

## Person
phones = Phone numbers
emails = E-mail
no_phones = No phone number on file.
no_emails = No e-mail on file.
confirmed = Confirmed
candidate = Found in a chat
confirm = It’s theirs
reject = Not theirs
someone_else = Someone else’s…
give_to = Give to them
given_toast = Moved to its owner and confirmed.
no_other_members = No other member of that room to give it to.
call = Call
text = Text
mail = Mail
not_dialable = Service code: not dialed
not_dialable_hint = This number has a service code, a pause or letters (for example *21*…#), so Lifeboat does not call or text it. Copy it and dial it by hand if you trust it.
copy = Copy
copied = Copied { $v }
from_file = from { $file }
from_file_line = from { $file }, line { $line }
shared_in = shared by { $who } in { $group }
shared_times = { $n } times, first
shared_at = on { $at }
also_known = Also known as
in_groups = Groups
edit_name = Edit name
save = Save
cancel = Cancel
qr_title = Scan to add to a phone
qr_hint = Confirmed numbers and e-mails only.
confirmed_toast = Confirmed
rejected_toast = Removed
renamed_toast = Name saved
me = me

## Groups
groups_empty_title = No groups yet
groups_empty_body = Each chat you import becomes a group here, with everyone who wrote in it.
reachable_of = { $r } of { $n } reachable without the messenger
members_n = { $n ->
        [one] { $n } member
       *[other] { $n } members
    }
messages_n = { $n ->
        [one] { $n } message
       *[other] { $n } messages
    }
ask_now = Ask these people for a number now
ask_show_all = Show all { $n }
ask_now_hint = While the messenger still works, ask them for a phone number or e-mail.
everyone_reachable = Everyone in this group can be reached without the messenger.
sms_everyone = Text everyone
sms_everyone_n = Text everyone ({ $n })
print_sheet = Print sheet
roster = Members
left_group = left
last_seen = last seen { $at }
via_handle = by handle
seat_claimed = only in a backup
seat_claimed_hint = { $signed ->
        [yes] Only { $signer }'s backup { $file } seats them in this room: none of your own exports showed them here.
       *[no] Only the unsigned backup { $file } seats them in this room: anyone could have made it, and none of your own exports showed them here.
    }
reachable_by_handle = { $n } more reachable by handle only (Instagram, Telegram, LINE, Discord)
reach_handle = reachable by handle
handles = Messenger and social IDs
service_instagram = Instagram
service_telegram = Telegram
service_line = LINE
service_discord = Discord
service_kakao = KakaoTalk
service_whatsapp = WhatsApp
select_group = Choose a group to see who can be reached.
reach_contact = reachable
reach_none = name only

## Import
import_title = Import
import_body = Chat exports and contacts from { $formats }.
format_kakao = KakaoTalk
format_kakao_csv = KakaoTalk
format_whatsapp = WhatsApp
format_telegram_json = Telegram
format_telegram_html = Telegram
format_line = LINE
format_instagram_json = Instagram, Messenger
format_vcard = vCard contacts
format_contacts_csv = contacts CSV (Google, Outlook, spreadsheets)
format_vcard_described = vCard contacts (.vcf, versions 2.1, 3.0 and 4.0)
format_telegram_json_described = Telegram Desktop export (result.json)
format_instagram_json_described = Instagram or Facebook Messenger messages (message_1.json from Download your information)
format_telegram_html_described = Telegram Desktop HTML export (messages.html, a chat folder or a full export)
format_kakao_csv_described = KakaoTalk chat (.csv from macOS or Windows)
format_kakao_described = KakaoTalk chat (.txt from Windows, Android or iOS, Korean or English)
format_line_described = LINE chat history (.txt from the phone or desktop app)
format_whatsapp_described = WhatsApp chat (.txt, or .zip with _chat.txt)
format_contacts_csv_described = contacts CSV (Google Contacts, Outlook, spreadsheets with name and phone or e-mail columns)
drop_here = Drop export files here
drop_release = Release to add these files
choose_files = Choose files…
choose_folder = Choose an export folder…
preview = Preview
previewing = Reading…
import_now = Import
importing = Importing…
remove = Remove
preview_title = What these files contain
col_file = File
col_format = Format
col_messages = Messages
col_members = Members
col_contacts = Contacts
col_period = Period
already = already imported
would_add = Would add { $people } people, { $phones } numbers, { $emails } e-mails, { $groups } groups and { $messages } messages.
added = Added { $people } people, { $phones } numbers, { $emails } e-mails, { $groups } groups and { $messages } messages.
import_done = Import finished
undo = Undo
undone = Undone: removed { $people } people and { $phones } numbers.
cancelled = Import cancelled: nothing was kept.
progress = { $read } of { $total }
progress_counts = { $messages } messages, { $contacts } contacts
unparsed = { $n ->
        [one] { $n } line could not be read
       *[other] { $n } lines could not be read
    } (first: line { $line })
kept_as_written = { $n ->
        [one] { $n } value could not be decoded and was kept as written
       *[other] { $n } values could not be decoded and were kept as written
    }; check them after importing
kept_line = line { $line }: { $why }
written_as = written “{ $v }”
import_options = Options: how to read the files
read_as = Read as
read_as_auto = Recognise the format (recommended)
dates_order = Dates like 03/04
dates_auto = Decide from the messages’ order (recommended)
dates_dmy = Day first (03/04 = 3 April)
dates_mdy = Month first (03/04 = March 4)
dates_ymd = Year first
dates_read_dmy = Dates were read day first.
dates_read_mdy = Dates were read month first.
dates_by_chronology = Only that way are the messages in time order.
dates_by_rule = Either way fits, so day first was chosen.
dates_use_mdy = Read month first instead
dates_use_dmy = Read day first instead
import_more = Import more files
signing_name = Name on your backups
signing_name_placeholder = The person marked as you
signing_name_hint = Who others see as the maker of a backup you share. It proves nothing by itself: your signing key does.
my_public_key = Public key (others back up to it)
my_signing_key = Signing key fingerprint
read_aloud = read aloud: { $v }
save_my_keys = Save my keys to a file…
import_my_keys = Bring keys from another computer…
keys_file_hint = The key file holds your secret keys: keep it offline. Anyone with it can open your backups and sign as you.
keys_saved = Your keys are saved in { $path }. Keep the file offline.
keys_imported = Brought in { $n ->
        [one] { $n } backup key
       *[other] { $n } backup keys
    }{ $signing }: your backups open here and restore as your own.
and_signing_key = {" "}and your signing key
numbers_region = Numbers without a country code read as { $region } numbers, the country the chat is from
see_people = See people

## History
history_title = Import history
history_empty = Nothing imported yet.
batch_kind_import = Import
batch_kind_restore = Restore
batch_kind_edit = Edit
undo_confirm = Undo this import? What it added is removed; numbers you confirmed since stay.
kept_edited = { $n ->
        [one] { $n } item you confirmed was kept.
       *[other] { $n } items you confirmed were kept.
    }

## Settings
settings_title = Settings
language = Language
lang_auto = Automatic (system)
region = Default country for numbers
region_hint = Numbers written without a country code, like 010-1234-5678, are read as this country’s.
auto_lock = Lock automatically after
minutes_n = { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
never = Never
change_passphrase = Change passphrase
current_passphrase = Current passphrase
new_passphrase = New passphrase
passphrase_changed = Passphrase changed.
saved = Saved
vault_location = Vault location
shortcuts = Keyboard
shortcut_search = / search · ↑↓ move · Enter open · Esc clear

## Export
export_title = Export
export_body = Take your people to a phone, an address book, a spreadsheet or paper. The file is readable only by you; keep it safe, it holds other people’s numbers.
export_format = Format
fmt_vcard4 = vCard 4.0 (phones, address books)
fmt_vcard3 = vCard 3.0 (older phones)
fmt_csv = CSV (Google Contacts, Excel)
fmt_sheet = Printable sheet (one group)
export_who = Who
who_everyone = Everyone
who_group = One group
who_person = One person
export_group = Group
export_person = Person
person_hint = A name or a phone number that matches one person.
save_to = Save to
choose = Choose…
path_placeholder = No file chosen yet
export_now = Export
open_to_print = Open to print
exported = Saved { $n ->
        [one] { $n } person
       *[other] { $n } people
    } to { $path }.
sheet_opened = The sheet opened in your browser: print it from there (A4).
export_group_button = Export
export_person_button = Export vCard

## Send to phone
send_to_phone = Send to phone
handoff_title = Send { $name } to a phone
handoff_starting = Starting…
handoff_scan = Scan this with the phone’s camera. The phone must be on the same Wi-Fi as this computer, or this computer on the phone’s hotspot.
handoff_people = { $n ->
        [one] { $n } person
       *[other] { $n } people
    }, with call, text and “add all to contacts”. No internet, account or app needed on the phone.
handoff_left = The link works for { $time } more.
handoff_fetched = Opened { $n } of { $max } times.
handoff_used = The link was opened as often as it may be and no longer works.
handoff_ended = The link has expired. Close this and send again for a new one.
handoff_private = Only phones on this network can reach it, and only with the key in the code. Show the code only to the phone you mean.
handoff_stop = Stop
handoff_close = Close

## Backups
backup_title = Backups
backup_body = An encrypted copy of everything, to keep on a USB stick or another computer. Inside (after decrypting with age) is a vCard file any phone imports.
backup_make = Make a backup
backup_protect = Protect with
protect_passphrase = A passphrase
protect_keys = Public keys
backup_passphrase = Backup passphrase
backup_passphrase_hint = At least 8 characters. Write it down: without it nobody can open the backup.
backup_recipients = Public keys
recipients_hint = One per line: age1… or ssh-ed25519 …. Only the matching secret keys can open the backup.
add_my_key = Add my key
with_messages = Include chat messages (larger file)
make_backup = Make backup
making_backup = Encrypting…
backup_made = Backup saved: { $people } people, { $phones } numbers, { $emails } e-mails, { $groups } groups, { $messages } messages.
backup_check = Check or restore a backup
backup_file = Backup file
restore_passphrase_hint = Only for backups protected by a passphrase. Backups made to your key need none.
verify = Check
verifying = Checking…
verified = The backup is good: it decrypts and nothing is missing. Made { $at }: { $people } people, { $phones } numbers, { $emails } e-mails, { $groups } groups, { $messages } messages.
restore = Restore…
restore_preview = Restoring would add { $people } people, { $phones } numbers, { $emails } e-mails, { $groups } groups and { $messages } messages; { $merged } people are already here. Nothing is written yet.
restore_nothing = Nothing to restore: the vault already holds everything in this backup.
restore_now = Restore now
verify_signed_by = Signed by { $signer }.
ask_in_room = Ask in the room
nav_messages = Messages
messages_title = Messages
messages_body = Search every chat you imported, notes to yourself included: any part of a word, in Korean or English.
messages_search_hint = Search messages (e.g. 과제, 번호, deadline)
messages_empty = Type a word or part of one.
messages_found = { $n ->
        [one] { $n } message
       *[other] { $n } messages
    }, newest first
messages_found_many = The newest { $n } of { $total } messages: type more to narrow it down
messages_none = No message contains “{ $q }”.
conflict = conflicts with yours
conflict_hint = Someone else’s backup gives this, and it differs from what you confirmed: calls, exports and "text everyone" keep using yours.
claimed_in = claimed in { $file } by { $by }
claimed_in_unsigned = claimed in { $file }, unsigned: anyone could have made it
confirmed_by_sender = confirmed by the sender, not by you
ask_copied = Copied: paste it into the group chat while it still works.
ask_copy_failed = Could not copy: select the message below and copy it.
asked_no_answer = asked { $at }, no answer yet
answered = answered
restore_signed_own = Your own backup (signed by this vault): it restores exactly as it was.
restore_signed_by = Made by { $signer }. Everything in it comes in as their claim: candidates that never replace what you confirmed.
restore_unsigned = unsigned: anyone could have made it
restore_unsigned_claims = Unsigned: anyone could have made it. Everything in it comes in as candidates that never replace what you confirmed.
restore_new_signer = { $group }: signed by a different key than last time (last time: { $before }). Check the fingerprint with the sender by phone before you restore.
restore_accept_signer = I checked the fingerprint with the sender: accept the new key
restore_joins = { $name } → your { $existing }
restore_new_person = new person
restore_conflict = { $value } differs from what you confirmed ({ $yours }): kept as a candidate, yours stays first
restore_suggest = may be your { $name } ({ $reason }): merge them yourself if so
restore_left = left { $group }
restore_messages_left_out = { $count ->
        [one] { $count } message is not added
       *[other] { $count } messages are not added
    }: messages come only from your own backups.
restored = Restored { $people } people, { $phones } numbers, { $emails } e-mails, { $groups } groups and { $messages } messages. History can undo it.
my_key = Your backup key
my_key_body = Backups made to this public key open in this vault without a passphrase. It is safe to share; the secret half stays inside the vault.
show_my_key = Show my key

## Duplicates
maybe_same = Possibly the same person
merge = Merge
not_same = Not the same
merged = { $name } was merged into this person.
unmerged = The merge was undone.
not_same_toast = They will not be suggested again.
merge_confirm = Merge { $from } into { $into }? Numbers, e-mails, names and groups move over. You can undo it.

## Errors

