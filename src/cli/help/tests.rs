use std::collections::BTreeSet;

use clap::CommandFactory;
use fluent_syntax::ast::Entry;
use lifeboat::i18n::{Lang, Surface, format_message};

use super::*;

/// The help message ids the command line needs: every command, every
/// option but clap's own, every `--format` value.
fn needed() -> BTreeSet<String> {
    fn walk(cmd: &Command, path: &str, ids: &mut BTreeSet<String>) {
        ids.insert(command_id(path));
        for arg in cmd.get_arguments().filter(|a| !matches!(a.get_id().as_str(), "help" | "version")) {
            ids.insert(arg_id(path, arg.get_id().as_str()));
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &sub_path(path, sub.get_name()), ids);
        }
    }
    let mut ids = BTreeSet::new();
    walk(&Cli::command(), "", &mut ids);
    ids.extend(lifeboat::import::IMPORTERS.iter().map(|i| value_id("import", "format", i.id())));
    ids
}

/// The ids help.ftl defines for commands and options (not clap's own words).
fn defined(source: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(source).expect("help.ftl parses");
    resource
        .body
        .iter()
        .filter_map(|e| if let Entry::Message(m) = e { Some(m.id.name.to_owned()) } else { None })
        .filter(|id| {
            !["help-heading-", "help-flag-", "help-note-", "help-value-"].iter().any(|p| id.starts_with(p))
                && id != "help-command-help"
        })
        .collect()
}

#[test]
fn every_command_and_option_has_its_help_in_both_languages_and_no_help_is_left_over() {
    let needed = needed();
    assert!(needed.len() > 100, "{} ids: the walk missed commands", needed.len());
    for (lang, source) in
        [(Lang::En, include_str!("../../../i18n/en/help.ftl")), (Lang::Ko, include_str!("../../../i18n/ko/help.ftl"))]
    {
        let defined = defined(source);
        let missing: Vec<_> = needed.difference(&defined).collect();
        let unused: Vec<_> = defined.difference(&needed).collect();
        assert!(missing.is_empty(), "{}: no help for {missing:?}", lang.tag());
        assert!(unused.is_empty(), "{}: help for no command or option: {unused:?}", lang.tag());
        for id in &needed {
            let text = format_message(lang, Surface::Cli, id, &[]);
            assert!(!text.trim().is_empty() && !text.contains('{'), "{}: {id} reads {text:?}", lang.tag());
        }
    }
}

#[test]
fn korean_help_is_korean_through_and_through() {
    let mut cmd = command(Speak::One(Lang::Ko));
    let root = cmd.render_long_help().to_string();
    for words in
        ["사용법:", "명령", "옵션", "금고 폴더", "도움말 보기", "버전 보기", "연락처 파일과 대화 내보내기 가져오기"]
    {
        assert!(root.contains(words), "no {words:?} in:\n{root}");
    }
    for english in ["Usage:", "Options", "Commands", "Print help", "The vault folder"] {
        assert!(!root.contains(english), "{english:?} in the Korean help:\n{root}");
    }
    let import = cmd.find_subcommand_mut("import").expect("import").render_long_help().to_string();
    for words in ["인자", "형식은 내용으로 알아봅니다", "카카오톡 대화", "무엇이 들어올지"] {
        assert!(import.contains(words), "no {words:?} in:\n{import}");
    }
}

#[test]
fn the_help_subcommand_and_nested_commands_speak_the_language_too() {
    let mut cmd = command(Speak::One(Lang::Ko));
    let help = cmd.find_subcommand("help").expect("clap's help subcommand").get_about().map(|a| a.to_string());
    assert_eq!(help.as_deref(), Some("이 도움말이나 주어진 명령의 도움말 보기"));
    let create = cmd
        .find_subcommand_mut("backup")
        .and_then(|b| b.find_subcommand_mut("create"))
        .expect("backup create")
        .render_help()
        .to_string();
    assert!(create.contains("암호화된 백업 쓰기") && create.contains("금고 폴더"), "{create}");
}
