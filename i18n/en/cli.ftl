# The command line's own words (`cli_…`); the core's errors are in errors.ftl.

## Errors of the command line itself

err_cli_no_passphrase = no passphrase given: set LIFEBOAT_PASSPHRASE or use --passphrase-file when not at a terminal.
err_cli_passphrases_differ = the two passphrases differ; nothing was changed.
err_cli_backup_passphrases_differ = the two passphrases differ; no backup was written.
err_cli_no_backup_key = you have no backup key yet: run `lifeboat keygen` first.
err_cli_no_recipient_in_file = { $file } holds no recipient.
err_cli_unknown_setting = unknown setting "{ $key }": use one of { $keys }.
err_cli_not_minutes = auto_lock_minutes takes a number of minutes.
err_cli_not_a_language = language is ko or en.
err_cli_maker_name_too_long = a name to sign with is at most { $max } characters, without control characters.
err_cli_output_exists = { $path } already exists: choose another name for the copy.
err_cli_no_data_dir = no data directory on this system: name the vault folder with --vault.
err_cli_not_utf8 = { $var } is not valid UTF-8.
err_cli_read_passphrase_file = cannot read the passphrase file { $path }
err_cli_read_recipients_file = cannot read the recipients file { $file }
err_cli_read_key_file = cannot read the key file { $path }

## A mistyped command line (clap's errors)

cli_usage_unknown_argument = unexpected option '{ $arg }'
cli_usage_missing_value = '{ $arg }' needs a value, and none was given
cli_usage_invalid_value = '{ $value }' is not a value of '{ $arg }'; it takes { $valid }
cli_usage_value_validation = '{ $value }' is not a valid value of '{ $arg }'
cli_usage_missing_required = missing: { $args }
cli_usage_invalid_subcommand = there is no command '{ $command }'
cli_usage_conflict = '{ $arg }' cannot be used with '{ $prior }'
cli_usage_did_you_mean = did you mean '{ $suggestion }'?
cli_usage_try_help = For more, run it with --help.

## What an import or a restore added

cli_batch_added = { $dry_run ->
        [yes] Would add
       *[no] Added
    } { $people ->
        [one] { $people } person
       *[other] { $people } people
    }, { $phones ->
        [one] { $phones } phone
       *[other] { $phones } phones
    }, { $emails ->
        [one] { $emails } e-mail
       *[other] { $emails } e-mails
    }, { $groups ->
        [one] { $groups } group
       *[other] { $groups } groups
    }, { $members ->
        [one] { $members } member
       *[other] { $members } members
    }, { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    }; { $known ->
        [one] { $known } person was
       *[other] { $known } people were
    } already in the vault.
cli_batch_undo = { $kind ->
        [restore] Restore
       *[import] Import
    } { $id }: undo with `lifeboat undo { $id }`.
cli_batch_dry_run = Dry run: nothing was written.
cli_import_nothing_new = Nothing new: the vault already had all of it.
cli_restore_nothing_new = Nothing new: the vault already holds everything in this backup.

## Each file of an import

cli_import_already = { $file }: already imported ({ $format }); nothing new.
cli_import_file = { $file }: { $format } ({ $encoding }), { $lines ->
        [one] { $lines } line
       *[other] { $lines } lines
    }{ $contacts ->
        [0] {""}
        [one] , { $contacts } contact
       *[other] , { $contacts } contacts
    }{ $messages ->
        [0] {""}
        [one] , { $messages } message ({ $new_messages } new), { $members ->
            [one] { $members } member
           *[other] { $members } members
        }
       *[other] , { $messages } messages ({ $new_messages } new), { $members ->
            [one] { $members } member
           *[other] { $members } members
        }
    }{ $range }
cli_import_dates = {"  "}dates read as { $order ->
        [mdy] month/day
       *[dmy] day/month
    } (no day above 12; { $by ->
        [chronology] only that way are the messages in time order
       *[rule] either way the messages are in time order, so the rule day-first chose
    }). For { $order ->
        [mdy] day/month
       *[dmy] month/day
    }, import with { $change_with } (after `lifeboat undo` of this import).
cli_import_region = {"  "}numbers without a country code read as { $region } ({ $why ->
        [numbers] most of its numbers have that country code
        [language] it is written in { $language }
       *[other] its numbers and language
    }). For another region, import with --region CC (after `lifeboat undo` of this import).
cli_import_unparsed = {"  "}{ $n ->
        [one] { $n } line matched
       *[other] { $n } lines matched
    } no known shape; first at line { $line }: { $text }
cli_import_kept_as_written = {"  "}{ $n ->
        [one] { $n } value could not be decoded and was kept as written
       *[other] { $n } values could not be decoded and were kept as written
    }; check them after the import.
cli_import_more = {"    "}… { $n } more
cli_import_handles = And { $n ->
        [one] { $n } messenger or social ID
       *[other] { $n } messenger or social IDs
    } (Instagram, Telegram, LINE, Discord, …).

## Decisions about a person's numbers, names and merges

cli_confirmed = Confirmed { $value } for { $name } ({ $id }).
cli_rejected = Rejected { $value } for { $name } ({ $id }).
cli_assigned = { $value } is now { $name }'s ({ $id }), confirmed.
cli_renamed = { $old } ({ $id }) is now called { $name }.
cli_merged = Merged { $from } ({ $from_id }) into { $into } ({ $into_id }); merge { $id }: reverse with `lifeboat unmerge { $id }`.
cli_unmerged = Reversed merge { $id }.
cli_not_same = Noted: { $a } ({ $a_id }) and { $b } ({ $b_id }) are different people (edit { $edit }).
cli_no_suggestions = No suggestions.

## The vault, its imports and their undoing

cli_init_starting_over = An earlier init at { $dir } was stopped before it finished: cleared what it left, starting over.
cli_init_created = Created an encrypted vault at { $dir }.
cli_init_next = Next: lifeboat import <KakaoTalk export or contacts file>
cli_passphrase_changed = Changed the passphrase of { $dir }.
cli_undone = Undid import { $id }: removed { $people ->
        [one] { $people } person
       *[other] { $people } people
    }, { $phones ->
        [one] { $phones } phone
       *[other] { $phones } phones
    }, { $emails ->
        [one] { $emails } e-mail
       *[other] { $emails } e-mails
    }, { $groups ->
        [one] { $groups } group
       *[other] { $groups } groups
    }, { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    }.
cli_undo_kept = Kept { $n ->
        [one] { $n } item
       *[other] { $n } items
    } you confirmed or edited since.
cli_redacted = Wrote { $path } ({ $format }, { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    }, { $names ->
        [one] { $names } name replaced
       *[other] { $names } names replaced
    }). Check it before you send it.

## Exports, the hand-off to a phone, asking a room

cli_export_vcard = Wrote { $n ->
        [one] { $n } person
       *[other] { $n } people
    } as vCard { $version }.0 to { $path }.
cli_export_csv = Wrote { $n ->
        [one] { $n } person
       *[other] { $n } people
    } to { $path }.
cli_export_sheet = Wrote the contact sheet to { $path }: open it in a browser and print (A4).
cli_handoff_scan = Scan this with the phone's camera (same Wi-Fi or the phone's hotspot).
cli_handoff_serving = { $people ->
        [one] { $people } person
       *[other] { $people } people
    }; the link works { $fetches ->
        [one] once
       *[other] { $fetches } times
    } within { $seconds } seconds. Ctrl-C stops it.
cli_handoff_fetched = Fetched { $count } of { $of } times.
cli_handoff_fetched_last = Fetched { $count } of { $of } times: that was the last. The link now tells a phone it was used; stopping in { $seconds } seconds (Ctrl-C stops now).
cli_handoff_stopped = Stopped; the link no longer works.
cli_handoff_expired = The link expired; run this again for a new one.
cli_handoff_used_up = The link was used as often as it may be and no longer works.
cli_handoff_too_many_wrong = Stopped after too many requests for wrong addresses: someone on this network may be guessing. Use a network you trust.
cli_ask_nobody = Everyone in { $group } can be reached without the messenger: nobody to ask.
cli_ask_paste = Paste the message above into { $group }. Asked { $n ->
        [one] { $n } member
       *[other] { $n } members
    } ({ $members }); after you import the room's next export, `lifeboat roster { $group }` shows who answered.

## A group's roster

cli_roster_reach = { $group }: { $reachable } of { $total } reachable without the messenger
cli_roster_by_handle = { $n } more reachable by handle only (Instagram, Telegram, LINE, Discord).
cli_roster_handle_only = by handle only
cli_roster_asked = asked { $at }, no answer yet
cli_roster_not_reachable = NOT REACHABLE: ask now (`lifeboat ask`)
cli_roster_answered = answered
cli_roster_claimed = { $signed ->
        [yes] seated only by { $signer }'s backup { $file }
       *[no] seated only by the unsigned backup { $file }
    }
cli_roster_left = Left the group: { $names }

## Searching

cli_message_hits = { $shown } of { $total ->
        [one] { $total } message
       *[other] { $total } messages
    }, newest first.
cli_nobody_matches = Nobody matches "{ $text }".

## Backup keys

cli_keys_imported = Kept { $n ->
        [one] { $n } new backup key
       *[other] { $n } new backup keys
    }{ $signing ->
        [yes] {" "}and your signing key
       *[no] {""}
    } from { $path }: your backups open here and restore as your own.
cli_key_exists = You already have a backup key (made { $made }); --new makes another.
cli_key_made = Made a new backup key and kept it in the vault.
cli_keys_written = Wrote your secret keys to { $path }: keep it offline; anyone with it can open your backups and sign as you. On a new computer: lifeboat keygen --import FILE.
cli_keep_a_key_copy = Keep a copy outside the vault (`lifeboat keygen --write-identity FILE`): without it, a lost vault means unreadable backups.

## Backups made, verified and restored

cli_backup_written = Wrote { $path }: { $people ->
        [one] { $people } person
       *[other] { $people } people
    }, { $phones ->
        [one] { $phones } phone
       *[other] { $phones } phones
    }, { $emails ->
        [one] { $emails } e-mail
       *[other] { $emails } e-mails
    }, { $groups ->
        [one] { $groups } group
       *[other] { $groups } groups
    }, { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    }. Check it with `lifeboat backup verify`.
cli_backup_signed_as = Signed as "{ $name }" with your key { $fingerprint } ({ $short }).
cli_backup_verified = { $path }: OK, decrypts and is whole. Made { $made }. { $people ->
        [one] { $people } person
       *[other] { $people } people
    }, { $phones ->
        [one] { $phones } phone
       *[other] { $phones } phones
    }, { $emails ->
        [one] { $emails } e-mail
       *[other] { $emails } e-mails
    }, { $groups ->
        [one] { $groups } group
       *[other] { $groups } groups
    }, { $members ->
        [one] { $members } member
       *[other] { $members } members
    }, { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    }; contacts.vcf holds { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }.
cli_backup_signed_by = Signed by { $named ->
        [yes] "{ $name }"
       *[no] (no name given)
    } ({ $fingerprint }, { $short }). Compare the fingerprint with its maker's `lifeboat keygen --show-recipient`.
cli_backup_unsigned = Unsigned: anyone could have made it.
cli_restore_own = Signed by this vault: your own backup, restored as it was. ({ $signer })
cli_restore_theirs = Made by someone else: { $signer }. Everything in it comes in as their claim (candidates), never as yours.
cli_restore_signer_changed = WARNING { $group }: signed by a different key than last time (was { $before }).
cli_restore_check_fingerprint = Check the fingerprint with the sender on the phone; if it matches, restore with --accept-new-signer.
cli_restore_new_person = new person
cli_restore_messages_left_out = { $n ->
        [one] { $n } message of this backup is not added
       *[other] { $n } messages of this backup are not added
    }: messages are only restored from your own backups.

## Table headers

cli_col_id = ID
cli_col_name = NAME
cli_col_phones = PHONES
cli_col_emails = E-MAILS
cli_col_groups = GROUPS
cli_col_group = GROUP
cli_col_from = FROM
cli_col_members = MEMBERS
cli_col_reachable = REACHABLE
cli_col_by_handle = BY HANDLE
cli_col_messages = MESSAGES
cli_col_member = MEMBER
cli_col_how_to_reach = HOW TO REACH
cli_col_when = WHEN
cli_col_kind = KIND
cli_col_files = FILES
cli_col_added = ADDED
cli_col_who = WHO
cli_col_message = MESSAGE
cli_col_a = A
cli_col_b = B
cli_col_why = WHY
cli_col_to_merge = TO MERGE

## Table cells and labels

cli_reachable_of = { $reachable } of { $total }
cli_history_added = { $people ->
        [one] { $people } person
       *[other] { $people } people
    }, { $phones ->
        [one] { $phones } phone
       *[other] { $phones } phones
    }, { $emails ->
        [one] { $emails } e-mail
       *[other] { $emails } e-mails
    }, { $groups ->
        [one] { $groups } group
       *[other] { $groups } groups
    }, { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    }
cli_show_me = me
cli_show_aliases = also known as
cli_show_org = org
cli_show_phone = phone
cli_show_email = e-mail
cli_show_handle = handle
cli_show_groups = groups
cli_show_from = from
cli_show_written = written
cli_status_confirmed = confirmed
cli_status_candidate = candidate
cli_status_conflict = conflicts with a number you confirmed
cli_status_conflict_handle = conflicts with an ID you confirmed
cli_source_shared = shared by { $by } in { $group }, { $at }
cli_source_shared_times = shared by { $by } in { $group } { $times } times, first { $at }
cli_config_default = (default)
cli_progress_counts = { $messages ->
        [one] { $messages } message
       *[other] { $messages } messages
    } · { $contacts ->
        [one] { $contacts } contact
       *[other] { $contacts } contacts
    }
cli_key_public = Public key
cli_key_signing = Signing key
cli_key_fingerprint = Fingerprint
cli_key_read_aloud = read aloud

## What a restore would change, per person

cli_restore_yours = { $name } → your { $existing }
cli_restore_conflict = ! { $value } differs from what you confirmed ({ $yours }): kept as a candidate, yours stays first
cli_restore_may_be = ? may be your { $name } (id { $id }): { $reason }; merge them yourself if so
cli_restore_left = - left { $group }

## Prompts (": " follows)

cli_prompt_passphrase = Passphrase for { $dir }
cli_prompt_new_passphrase = New passphrase (at least 8 characters)
cli_prompt_repeat = Repeat it
cli_prompt_backup_new = Backup passphrase (at least 8 characters)
cli_prompt_backup = Backup passphrase
