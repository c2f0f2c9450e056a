//! The page's words: `ui/i18n.js` under Node, handed the messages the app's
//! `messages` command returns, formats plurals and errors in Korean and
//! English and finds every key the screens name (tests/tools/ui_words.mjs).

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn the_page_formats_the_shells_messages_in_both_languages() {
    let json = serde_json::to_string(&lifeboat::i18n::all_sources()).unwrap();
    let mut node = Command::new("node")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/ui_words.mjs"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs (scripts/setup-debian.sh installs it)");
    node.stdin.take().unwrap().write_all(json.as_bytes()).unwrap();
    let out = node.wait_with_output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.starts_with("ok: "), "{stdout}");
}
