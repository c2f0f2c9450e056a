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
    } no known shape; first at line { $line }: "{ $text }"
cli_import_kept_as_written = {"  "}{ $n ->
        [one] { $n } value could not be decoded and was kept as written
       *[other] { $n } values could not be decoded and were kept as written
    }; check them after the import.
cli_import_more = {"    "}… { $n } more
cli_import_handles = And { $n ->
        [one] { $n } messenger or social ID
       *[other] { $n } messenger or social IDs
    } (Instagram, Telegram, LINE, Discord, …).
