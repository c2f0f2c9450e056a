use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use fluent_syntax::ast::{Entry, Pattern, PatternElement};

use super::*;
use crate::backup::BackupError;
use crate::export::ExportError;
use crate::handoff::HandoffError;
use crate::i18n::Said;
use crate::import::{EmptyHint, ImportError, Reason};
use crate::links::LinkError;
use crate::redact::RedactError;
use crate::vault::VaultError;

/// Every message of `lang`: its id and its attributes' names, in order.
fn messages(lang: Lang) -> BTreeMap<String, Vec<String>> {
    let mut ids = BTreeMap::new();
    for source in sources(lang) {
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, errors)| panic!("{}: the .ftl files do not parse: {errors:?}", lang.tag()));
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let attributes = m.attributes.iter().map(|a| a.id.name.to_owned()).collect();
                let previous = ids.insert(m.id.name.to_owned(), attributes);
                assert!(previous.is_none(), "{}: {} is defined twice", lang.tag(), m.id.name);
            }
        }
    }
    ids
}

/// The plain text of a message (its value and attributes), placeables left out.
fn texts(lang: Lang) -> BTreeMap<String, (String, Option<String>)> {
    fn text(p: &Pattern<&str>) -> String {
        p.elements
            .iter()
            .filter_map(|e| if let PatternElement::TextElement { value } = e { Some(*value) } else { None })
            .collect()
    }
    let mut out = BTreeMap::new();
    for source in sources(lang) {
        for entry in fluent_syntax::parser::parse(*source).expect("parses").body {
            if let Entry::Message(m) = entry {
                let app = m.attributes.iter().find(|a| a.id.name == "app").map(|a| text(&a.value));
                out.insert(m.id.name.to_owned(), (m.value.as_ref().map(text).unwrap_or_default(), app));
            }
        }
    }
    out
}

#[test]
fn korean_and_english_define_the_same_messages_and_attributes() {
    let en = messages(Lang::En);
    let ko = messages(Lang::Ko);
    let only_en: Vec<_> = en.keys().filter(|k| !ko.contains_key(*k)).collect();
    let only_ko: Vec<_> = ko.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty() && only_ko.is_empty(), "only in English: {only_en:?}; only in Korean: {only_ko:?}");
    for (id, attributes) in &en {
        assert_eq!(attributes, &ko[id], "{id}: the attributes differ between English and Korean");
    }
    assert!(en.len() > 300, "{} messages: the files were not all read", en.len());
}

#[test]
fn the_bundles_build_in_both_languages() {
    for lang in Lang::ALL {
        // Panics on a parse error or an id defined twice.
        let (text, errors) = format_checked(lang, Surface::Cli, "app_name", &[]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(text, if lang == Lang::En { "Lifeboat" } else { "라이프보트" });
    }
}

#[test]
fn counts_take_the_plural_form_of_the_language() {
    let members = |lang, n: i64| format_message(lang, Surface::App, "members_n", &[("n", Arg::Number(n))]);
    assert_eq!(members(Lang::En, 1), "1 member");
    assert_eq!(members(Lang::En, 2), "2 members");
    assert_eq!(members(Lang::En, 0), "0 members");
    assert_eq!(members(Lang::Ko, 1), "1명");
    assert_eq!(members(Lang::Ko, 2), "2명");
    let people = |n: i64| format_message(Lang::En, Surface::App, "people_count", &[("n", Arg::Number(n))]);
    assert_eq!(people(1), "1 person");
    assert_eq!(people(12), "12 people");
}

/// One of every core error, with arguments that look real.
fn every_core_error() -> Vec<Box<dyn Localized>> {
    let io = || std::io::Error::other("disk full");
    let dir = || PathBuf::from("/home/me/vault");
    let file = || "chat.txt".to_owned();
    let addr = IpAddr::V4(Ipv4Addr::new(8, 8, 8, 8));
    let vault: Vec<VaultError> = vec![
        VaultError::WrongPassphrase { dir: dir() },
        VaultError::NotFound { dir: dir() },
        VaultError::AlreadyExists { dir: dir() },
        VaultError::UnfinishedInit { dir: dir() },
        VaultError::WeakPassphrase,
        VaultError::Busy { dir: dir() },
        VaultError::Damaged { path: dir(), reason: "file is not a database".into() },
        VaultError::Io { path: dir(), source: io() },
        VaultError::Sql { dir: dir(), source: rusqlite::Error::InvalidQuery },
        VaultError::TooNew { found: 20, known: 14 },
        VaultError::NewSigner {
            groups: "\"가족\"".into(),
            signer: Said::new("signer_named", crate::args![name => "김민수", key => "SHA256:abc"]),
        },
        VaultError::Crypto("out of memory".into()),
        VaultError::NoSuchValue { person: "김철수".into(), person_id: 3, text: "010-0000-0000".into() },
        VaultError::NoRow { table: "phone", id: 9 },
        VaultError::NoRow { table: "email", id: 9 },
        VaultError::NoRow { table: "handle", id: 9 },
        VaultError::NoPerson { id: 42 },
        VaultError::EmptyName,
        VaultError::NoImport { id: 7 },
        VaultError::ImportUndone { id: 7 },
        VaultError::AlreadyOne { name: "김철수".into(), id: 3 },
        VaultError::OnePerson,
        VaultError::NoMerge { id: 8 },
        VaultError::MergeUndone { id: 8 },
        VaultError::SeveralGroups { name: "가족".into() },
        VaultError::NoGroup { name: "가족".into() },
        VaultError::NobodyMatches { query: "Nobody".into() },
        VaultError::SeveralPeople { query: "김".into(), count: 2, names: "김철수 (3), 김영희 (4)".into() },
    ];
    let import = vec![
        ImportError::Io { path: dir(), source: io() },
        ImportError::Malformed { file: file(), line: 3, reason: "no date".into() },
        ImportError::Malformed {
            file: file(),
            line: 3,
            reason: Reason::said("reason_card_not_closed_before_next", crate::args![begin => 1u32, line => 3u32]),
        },
        ImportError::UnknownFormat { file: file(), line: 1, first_line: "hello".into() },
        ImportError::NoExportInFolder { folder: "/tmp/x".into() },
        ImportError::UnknownFormatName { name: "icq".into() },
        ImportError::TooLarge { file: file(), what: Said::new("what_file", Vec::new()), limit: 1 << 30 },
        ImportError::TooLarge {
            file: file(),
            what: Said::new("what_folder", crate::args![n => 10_000usize]),
            limit: 10_000,
        },
        ImportError::LineTooLong { file: file(), line: 9, limit: 1 << 20 },
        ImportError::FieldTooLong { file: file(), line: 2, limit: 1 << 20 },
        ImportError::TooManyMembers { file: file(), line: 9, limit: 10_000 },
        ImportError::Zip { file: file(), reason: "bad header".into() },
        ImportError::Empty { file: file(), line: 1, reason: "no messages".into(), hint: EmptyHint::NameFormat },
        ImportError::Empty { file: file(), line: 1, reason: "no messages".into(), hint: EmptyHint::ExportAgain },
        ImportError::Cancelled,
        ImportError::Thread { source: io() },
    ];
    let export = vec![
        ExportError::Io { path: dir(), source: io() },
        ExportError::Nobody { group: None },
        ExportError::Nobody { group: Some("가족".into()) },
        ExportError::SheetNeedsGroup,
    ];
    let links = vec![
        LinkError::NotDialable { number: "*21*010#".into() },
        LinkError::NotAnAddress { address: "a@".into() },
        LinkError::NoNumbers,
    ];
    let backup = vec![
        BackupError::WrongKey,
        BackupError::NeedPassphrase,
        BackupError::NeedIdentity,
        BackupError::WeakPassphrase,
        BackupError::NotABackup,
        BackupError::Damaged { reason: "cut short".into() },
        BackupError::Invalid { reason: "no manifest".into() },
        BackupError::TooLarge { what: Said::new("backup_what_card", crate::args![n => 3usize]), limit: 1 << 30 },
        BackupError::TooCostly { log_n: 30 },
        BackupError::TooNew { found: 9, known: 2 },
        BackupError::BadRecipient { text: "abc".into(), reason: "not a key".into() },
        BackupError::BadIdentity { file: "key.txt".into(), reason: "encrypted".into() },
        BackupError::Encrypt("no recipients".into()),
        BackupError::Io { path: dir(), source: io() },
    ];
    let handoff = vec![
        HandoffError::NotPrivate { addr },
        HandoffError::NoPrivateAddress,
        HandoffError::Listen { addr, source: io() },
        HandoffError::Random(getrandom::Error::UNSUPPORTED),
    ];
    let redact = vec![
        RedactError::Write { path: dir(), source: io() },
        RedactError::NotAChat { file: file(), format: "vcard".into() },
        RedactError::Unsupported { file: file(), format: "telegram-html".into() },
    ];
    let mut all: Vec<Box<dyn Localized>> = Vec::new();
    all.extend(vault.into_iter().map(|e| Box::new(e) as Box<dyn Localized>));
    all.extend(import.into_iter().map(|e| Box::new(e) as Box<dyn Localized>));
    all.extend(export.into_iter().map(|e| Box::new(e) as Box<dyn Localized>));
    all.extend(links.into_iter().map(|e| Box::new(e) as Box<dyn Localized>));
    all.extend(backup.into_iter().map(|e| Box::new(e) as Box<dyn Localized>));
    all.extend(handoff.into_iter().map(|e| Box::new(e) as Box<dyn Localized>));
    all.extend(redact.into_iter().map(|e| Box::new(e) as Box<dyn Localized>));
    all
}

#[test]
fn every_core_error_has_its_message_and_arguments_in_both_languages() {
    for error in every_core_error() {
        for lang in Lang::ALL {
            for surface in [Surface::Cli, Surface::App] {
                let (text, problems) = format_checked(lang, surface, &error_id(error.code()), &error.args());
                assert!(problems.is_empty(), "{}: {problems:?}", error.code());
                assert!(!text.contains('{') && !text.starts_with("err_"), "{}: {text}", error.code());
            }
        }
    }
}

#[test]
fn display_is_the_english_command_line_message() {
    let e = VaultError::NotFound { dir: PathBuf::from("/v") };
    assert_eq!(
        e.to_string(),
        "no vault at /v. Create one with `lifeboat init`, or point to yours with --vault or LIFEBOAT_VAULT."
    );
    // A wrapped error reads as the one inside.
    let wrapped = ExportError::Vault(VaultError::Import(ImportError::Cancelled));
    assert_eq!(wrapped.code(), "cancelled");
    assert_eq!(wrapped.to_string(), "import cancelled; nothing was written.");
    assert_eq!(render(Lang::Ko, Surface::Cli, &wrapped), "가져오기를 취소했습니다. 아무것도 저장하지 않았습니다.");
}

#[test]
fn the_app_never_tells_a_user_to_pass_a_flag_or_run_a_command() {
    for lang in Lang::ALL {
        // The command line's own messages (`cli_…`) and help (`help…`) are never shown in the app.
        let cli_only = |id: &str| id.starts_with("cli_") || id.starts_with("err_cli_") || id.starts_with("help");
        for (id, (value, app)) in texts(lang).into_iter().filter(|(id, _)| !cli_only(id)) {
            let shown_in_app = app.unwrap_or(value);
            for cli_only in [" --", "`lifeboat", "LIFEBOAT_"] {
                assert!(
                    !shown_in_app.contains(cli_only),
                    "{}: {id} tells the app's user {cli_only:?}: {shown_in_app}",
                    lang.tag()
                );
            }
        }
    }
}

#[test]
fn an_error_reaches_the_app_in_its_words() {
    let e =
        ImportError::Empty { file: "a.txt".into(), line: 2, reason: "no messages".into(), hint: EmptyHint::NameFormat };
    assert!(render(Lang::En, Surface::Cli, &e).ends_with("or name its format with --format."));
    assert!(render(Lang::En, Surface::App, &e).ends_with("or choose its format under Import options."));
    assert!(render(Lang::Ko, Surface::App, &e).ends_with("가져오기 옵션에서 형식을 고르세요."));
}

#[test]
fn a_missing_value_is_worded_for_its_kind_language_and_surface() {
    let row = VaultError::NoRow { table: "email", id: 9 };
    assert!(render(Lang::En, Surface::Cli, &row).starts_with("no e-mail with id 9:"));
    assert!(render(Lang::Ko, Surface::Cli, &row).starts_with("9번 이메일이 없습니다."));
    let value = VaultError::NoSuchValue { person: "김철수".into(), person_id: 3, text: "010".into() };
    assert!(render(Lang::Ko, Surface::Cli, &value).ends_with("`lifeboat show 3`로 목록을 보세요."));
    assert!(render(Lang::Ko, Surface::App, &value).ends_with("그 사람의 페이지에 목록이 있습니다."));
}

#[test]
fn locale_names_pick_the_language() {
    assert_eq!(Lang::from_tag("ko_KR.UTF-8"), Some(Lang::Ko));
    assert_eq!(Lang::from_tag("ko"), Some(Lang::Ko));
    assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
    assert_eq!(Lang::from_tag("C.UTF-8"), None);
    assert_eq!(Lang::from_tag("fr_FR"), None);
}

#[test]
fn a_files_reason_is_worded_in_the_language_of_its_error() {
    let e = ImportError::Malformed {
        file: "room.txt".into(),
        line: 7,
        reason: Reason::said("reason_message_too_long", crate::args![limit => 1024u32]),
    };
    assert!(e.to_string().starts_with("room.txt:7: a message longer than 1024 bytes."), "{e}");
    let ko = render(Lang::Ko, Surface::Cli, &e);
    assert!(ko.starts_with("room.txt:7: 1024바이트보다 긴 메시지"), "{ko}");
    assert!(!ko.contains("longer than"), "{ko}");
}

/// The text of every `.rs` file under `dir` (this file left out).
fn rust_sources(dir: &std::path::Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The ids `"prefix…"` the sources under `src/dir` name, checked: each is a
/// message (both languages define the same, tested above), and every
/// message with that prefix is named by one.
fn named_and_defined(dir: &str, prefix: &str) -> std::collections::BTreeSet<String> {
    let mut texts = Vec::new();
    rust_sources(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src").join(dir), &mut texts);
    let mut ids = std::collections::BTreeSet::new();
    let quoted = format!("\"{prefix}");
    for text in &texts {
        for piece in text.split(quoted.as_str()).skip(1) {
            ids.insert(format!("{prefix}{}", piece.split('"').next().unwrap()));
        }
    }
    let defined = messages(Lang::En);
    for id in &ids {
        assert!(defined.contains_key(id), "{id} has no message");
    }
    let unused: Vec<_> = defined.keys().filter(|k| k.starts_with(prefix) && !ids.contains(*k)).collect();
    assert!(unused.is_empty(), "nothing in src/{dir} says {unused:?}");
    ids
}

/// Every `"reason_…"` the importers name has its words, and every such message is given by one.
#[test]
fn every_reason_the_importers_give_has_its_words() {
    let ids = named_and_defined("import", "reason_");
    assert!(ids.len() >= 20, "found only {ids:?}");
}

/// The words the core gives as data ([`Said`]): why two people may be one,
/// who signed a backup, where a value came from, what is too large, why a
/// value was kept as written.
#[test]
fn every_message_the_core_gives_as_data_has_its_words() {
    for prefix in ["suggest_", "match_", "signer_", "source_", "what_", "backup_what_", "undecodable_", "formats_"] {
        let ids = named_and_defined("", prefix);
        assert!(!ids.is_empty(), "nothing says {prefix}…");
    }
}

/// Korean text of these messages holds no English phrase (two English words
/// in a row): the sentence was translated, not copied.
#[test]
fn the_korean_words_the_core_gives_are_korean() {
    let families = [
        "suggest_",
        "match_",
        "signer_",
        "source_",
        "what_",
        "backup_what_",
        "undecodable_",
        "reason_",
        "err_",
        "formats_",
    ];
    for (id, (value, app)) in texts(Lang::Ko).into_iter().filter(|(id, _)| families.iter().any(|f| id.starts_with(f))) {
        for text in std::iter::once(value).chain(app) {
            let words: Vec<&str> = text.split_whitespace().collect();
            let english = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase());
            let phrase = words.windows(2).find(|pair| english(pair[0]) && english(pair[1]));
            assert!(phrase.is_none(), "ko {id}: {phrase:?} in {text}");
        }
    }
}

/// `formats_tried` names each format's description (`format_ID_described`,
/// also the app's list and `import --help`) in the order they are tried.
#[test]
fn the_formats_tried_are_every_importer_in_order() {
    let ids: Vec<String> =
        crate::import::IMPORTERS.iter().map(|i| format!("format_{}_described", i.id().replace('-', "_"))).collect();
    for lang in Lang::ALL {
        let mut named = Vec::new();
        for source in sources(lang) {
            for entry in fluent_syntax::parser::parse(*source).expect("parses").body {
                let Entry::Message(m) = entry else { continue };
                if m.id.name != "formats_tried" {
                    continue;
                }
                for element in m.value.expect("a value").elements {
                    if let PatternElement::Placeable {
                        expression:
                            fluent_syntax::ast::Expression::Inline(fluent_syntax::ast::InlineExpression::MessageReference {
                                id,
                                ..
                            }),
                    } = element
                    {
                        named.push(id.name.to_owned());
                    }
                }
            }
        }
        assert_eq!(named, ids, "{}", lang.tag());
        let (text, problems) = format_checked(lang, Surface::Cli, "formats_tried", &[]);
        assert!(problems.is_empty() && text.contains("vCard"), "{problems:?} {text}");
    }
}
