//! What the CLI prints, pinned: the help of every command and the human
//! output of the everyday commands are compared with the snapshots in
//! `tests/snapshots/cli/`, and a long import shows a progress bar on a
//! terminal and nothing when piped.
//!
//! After an intended change of what the CLI says, write the snapshots anew
//! with `LIFEBOAT_UPDATE_SNAPSHOTS=1 cargo test --test cli_output` and review
//! the diff.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::TestVault;
use common::seed::seeded;

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/cli")
}

/// Compare `actual` with the snapshot `name`, or write it when asked to.
/// Returns the names that differ, so one run shows every change at once.
fn check(name: &str, actual: &str, differ: &mut Vec<String>) {
    let path = snapshot_dir().join(format!("{name}.txt"));
    if std::env::var_os("LIFEBOAT_UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(snapshot_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no snapshot {}", path.display()));
    if expected != actual {
        eprintln!("--- {name}: expected\n{expected}\n--- {name}: actual\n{actual}");
        differ.push(name.to_owned());
    }
}

fn assert_none_differ(differ: Vec<String>) {
    assert!(
        differ.is_empty(),
        "output changed for {differ:?}; if intended, run LIFEBOAT_UPDATE_SNAPSHOTS=1 cargo test --test cli_output"
    );
}

/// `lifeboat ARGS --help` in English.
fn help(args: &[&str]) -> String {
    help_in("en", args)
}

fn help_in(lang: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_lifeboat"))
        .args(args)
        .arg("--help")
        .env("LIFEBOAT_LANG", lang)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The subcommands `lifeboat --help` lists, and theirs in turn.
fn commands(path: &[&str]) -> Vec<Vec<String>> {
    let text = help(path);
    let Some(list) = text.split("Commands:\n").nth(1) else { return Vec::new() };
    let names = list
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_owned);
    let mut all = Vec::new();
    for name in names {
        let mut sub: Vec<String> = path.iter().map(|s| (*s).to_owned()).collect();
        sub.push(name);
        let borrowed: Vec<&str> = sub.iter().map(String::as_str).collect();
        all.extend(commands(&borrowed));
        all.push(sub);
    }
    all
}

#[test]
fn the_help_of_every_command_is_pinned() {
    let mut differ = Vec::new();
    check("help", &help(&[]), &mut differ);
    let all = commands(&[]);
    assert!(all.len() >= 20, "{all:?}");
    for path in all {
        let borrowed: Vec<&str> = path.iter().map(String::as_str).collect();
        check(&format!("help-{}", path.join("-")), &help(&borrowed), &mut differ);
    }
    assert_none_differ(differ);
}

/// The help in Korean (every message's presence in both languages is
/// checked by the CLI's unit tests; these pin how it reads).
#[test]
fn the_korean_help_is_pinned() {
    let mut differ = Vec::new();
    check("help.ko", &help_in("ko", &[]), &mut differ);
    check("help-import.ko", &help_in("ko", &["import"]), &mut differ);
    check("help-backup-create.ko", &help_in("ko", &["backup", "create"]), &mut differ);
    assert_none_differ(differ);
}

#[test]
fn the_format_help_lists_exactly_the_importers() {
    let text = help(&["import"]);
    for importer in lifeboat::import::IMPORTERS {
        assert!(text.contains(&format!("- {}:", importer.id())), "{} missing:\n{text}", importer.id());
    }
    let v = TestVault::new();
    let err = v.fails(&["import", "--format", "kakao-pc", "x.txt"]);
    assert!(err.contains("it takes vcard,") && err.contains("did you mean 'kakao-csv'?"), "{err}");
}

#[test]
fn everyday_output_is_pinned() {
    let v = seeded();
    let mut differ = Vec::new();
    for (name, args) in [
        ("people", &["people"][..]),
        ("groups", &["groups"][..]),
        ("roster", &["roster", common::seed::ROOM][..]),
        ("show", &["show", "김철수"][..]),
        ("search", &["search", "ㄱㅊ"][..]),
    ] {
        check(&format!("out-{name}"), &v.ok(args), &mut differ);
    }
    assert_none_differ(differ);
}

/// The import summary, in both languages (the test vault's `LIFEBOAT_LANG`),
/// with its plural forms: one message, a file whose dates no day settles.
#[test]
fn the_import_summary_is_pinned() {
    let v = TestVault::new();
    std::fs::write(
        v.path("WhatsApp Chat with Team.txt"),
        "1/5/18, 09:00 - Ann: hi\n1/9/18, 10:00 - Bob: 010-1234-5678\n",
    )
    .unwrap();
    std::fs::write(v.path("one.txt"), "1/5/18, 09:00 - Ann: hi\n").unwrap();
    let mut differ = Vec::new();
    for (name, file) in [("import", "WhatsApp Chat with Team.txt"), ("import-one", "one.txt")] {
        let out = v.cmd().current_dir(v.path("")).args(["import", file]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        check(&format!("out-{name}"), &String::from_utf8(out.stdout).unwrap(), &mut differ);
    }
    assert_none_differ(differ);
}

#[test]
fn a_long_import_shows_progress_on_a_terminal_and_nothing_when_piped() {
    let v = TestVault::new();
    let (file, _) = common::generate(&v.dir(), "chat", "kakao-pc-ko", "room.txt", &["--messages", "60000"]);
    let bin = env!("CARGO_BIN_EXE_lifeboat");
    // Under a pseudo-terminal (util-linux `script`), as a user at a terminal runs it.
    let shown = {
        let mut cmd = Command::new("script");
        for (k, val) in v.cmd().get_envs() {
            if let Some(val) = val {
                cmd.env(k, val);
            }
        }
        let out = cmd
            .args(["-qfec", &format!("{bin} import --dry-run '{}'", file.display()), "/dev/null"])
            .output()
            .expect("script (util-linux) runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(shown.contains("room.txt · ") && shown.contains(" messages · ") && shown.contains('%'), "{shown}");
    let piped = v.run(&["import", "--dry-run", file.to_str().unwrap()]);
    let (out, err) = (String::from_utf8_lossy(&piped.stdout), String::from_utf8_lossy(&piped.stderr));
    assert!(!out.contains('%') && !err.contains('%') && !err.contains(" messages · "), "{out}\n{err}");
}
