//! The command line speaks one language: `LIFEBOAT_LANG` (ko, en, or both),
//! else the system locale (LC_ALL, LC_MESSAGES, LANG), else English.

use std::process::Command;

mod common;

/// `lifeboat people` on a folder with no vault, with exactly the `env` given
/// of the language variables; returns what it printed on stderr.
fn no_vault_error(env: &[(&str, &str)]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lifeboat"));
    cmd.arg("people").env("LIFEBOAT_VAULT", tmp.path().join("none"));
    for var in ["LIFEBOAT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LIFEBOAT_PASSPHRASE"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    let out = cmd.output().unwrap();
    assert!(!out.status.success());
    String::from_utf8(out.stderr).unwrap()
}

const ENGLISH: &str = "Create one with `lifeboat init`";
const KOREAN: &str = "보관함이 없습니다";

#[test]
fn lifeboat_lang_names_the_language() {
    let ko = no_vault_error(&[("LIFEBOAT_LANG", "ko"), ("LANG", "en_US.UTF-8")]);
    assert!(ko.contains(KOREAN) && !ko.contains(ENGLISH), "{ko}");
    let en = no_vault_error(&[("LIFEBOAT_LANG", "en"), ("LANG", "ko_KR.UTF-8")]);
    assert!(en.contains(ENGLISH) && !en.contains(KOREAN), "{en}");
}

#[test]
fn both_prints_english_then_korean() {
    let both = no_vault_error(&[("LIFEBOAT_LANG", "both")]);
    let (en, ko) = (both.find(ENGLISH).expect(&both), both.find(KOREAN).expect(&both));
    assert!(en < ko, "{both}");
}

#[test]
fn the_system_locale_decides_when_lifeboat_lang_does_not() {
    let ko = no_vault_error(&[("LANG", "ko_KR.UTF-8")]);
    assert!(ko.starts_with("lifeboat: ") && ko.contains(KOREAN) && !ko.contains(ENGLISH), "{ko}");
    let ko = no_vault_error(&[("LC_MESSAGES", "ko_KR.UTF-8"), ("LANG", "en_US.UTF-8")]);
    assert!(ko.contains(KOREAN), "LC_MESSAGES before LANG: {ko}");
    // LC_ALL overrides both, even as the C locale.
    let en = no_vault_error(&[("LC_ALL", "C.UTF-8"), ("LANG", "ko_KR.UTF-8")]);
    assert!(en.contains(ENGLISH) && !en.contains(KOREAN), "{en}");
    let en = no_vault_error(&[]);
    assert!(en.contains(ENGLISH) && !en.contains(KOREAN), "English when nothing is set: {en}");
}

#[test]
fn the_command_lines_own_errors_are_localized_too() {
    let tmp = tempfile::tempdir().unwrap();
    let existing = tmp.path().join("copy.txt");
    std::fs::write(&existing, "x").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .args(["redact", "in.txt", "-o"])
        .arg(&existing)
        .env("LIFEBOAT_LANG", "ko")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("파일이 이미 있습니다") && !err.contains("already exists"), "{err}");
}

/// A mistyped command line: each kind of clap error a user meets is worded
/// in the run's language, exits 2 as clap does, and names what was wrong.
#[test]
fn a_mistyped_command_line_is_told_in_the_runs_language() {
    let mistakes: [(&[&str], &str, &str); 6] = [
        (&["import", "--bogus", "x"], "unexpected option '--bogus'", "알 수 없는 옵션입니다: '--bogus'"),
        (&["import", "--format"], "needs a value", "값이 필요한데"),
        (
            &["import", "--format", "icq", "x"],
            "'icq' is not a value of '--format <NAME>'; it takes vcard,",
            "쓸 수 있는 값: vcard,",
        ),
        (
            &["suggest", "--person", "abc"],
            "'abc' is not a valid value of '--person <ID>'",
            "'--person <ID>'에 맞는 값이 아닙니다",
        ),
        (&["merge"], "missing: <A>, <B>", "빠진 인자: <A>, <B>"),
        (&["sugest"], "did you mean 'suggest'?", "'suggest'을(를) 말씀하신 건가요?"),
    ];
    for (args, english, korean) in mistakes {
        for (lang, words) in [("en", english), ("ko", korean)] {
            let out =
                Command::new(env!("CARGO_BIN_EXE_lifeboat")).args(args).env("LIFEBOAT_LANG", lang).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let said = String::from_utf8(out.stderr).unwrap();
            assert!(said.contains(words), "{lang} {args:?}: {said}");
            if lang == "ko" {
                assert_eq!(common::english_phrase(&said), None, "{args:?}: {said}");
            }
        }
    }
}
