//! Telegram Desktop's HTML export, what its export dialog writes unless told
//! otherwise: a chat folder of pages (`messages.html`, `messages2.html`, …,
//! a thousand messages each) or a full-account export (`export_results.html`,
//! `lists/contacts.html`, a folder per chat under `chats/`), as a folder or a
//! zip. Every chat folder is one room, its pages read in number order; the
//! contact list gives contacts.
//!
//! Consecutive messages of one sender are `joined` and have no `from_name`:
//! the sender carries forward. A forwarded message's inner `from_name` names
//! its author, not the sender. Times come from the `title` of each message's
//! date; service lines give joins, invites and departures; `media_contact`
//! cards give contacts shared in the room.

mod markup;
mod page;
mod service;
#[cfg(test)]
mod tests;

use self::markup::Markup;
use self::page::{Chat, Failure, Page};
use crate::import::{ImportError, Importer, Input, Probe, Sink};

pub struct TelegramHtml;

impl Importer for TelegramHtml {
    fn id(&self) -> &'static str {
        "telegram-html"
    }
    /// tdesktop's page markup: its message blocks, or its page frame.
    fn sniff(&self, probe: &Probe) -> bool {
        let head = probe.head;
        head.contains("<div")
            && (head.contains("class=\"message default")
                || head.contains("class=\"message service")
                || (head.contains("class=\"page_wrap\"") && head.contains("class=\"page_header\"")))
    }
    /// Chat pages by folder, then by number (`messages.html` is the first),
    /// after the account's own page and its contact list.
    fn parts(&self, entries: &[&str]) -> Vec<usize> {
        let mut account = Vec::new();
        let mut pages = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let (dir, base) = split(entry);
            if let Some(number) = page_number(base) {
                pages.push((natural_key(dir), number, i));
            } else if is_account_page(dir, base) {
                account.push(i);
            }
        }
        pages.sort();
        // The account's own page first, then its contacts.
        account.sort_by_key(|&i| !entries[i].ends_with("export_results.html"));
        account.into_iter().chain(pages.into_iter().map(|(_, _, i)| i)).collect()
    }
    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let mut chat = Chat::default();
        let mut chat_dir: Option<String> = None;
        loop {
            let name = input.part_name().to_owned();
            let (dir, base) = split(&name);
            let mut account_page = Chat::default();
            let state = if is_account_page(dir, base) {
                &mut account_page
            } else {
                if chat_dir.as_deref() != Some(dir) {
                    chat = Chat::default();
                    chat_dir = Some(dir.to_owned());
                }
                &mut chat
            };
            read_page(input, Page::new(sink, state))?;
            if !input.next_part()? {
                return Ok(());
            }
        }
    }
}

/// Read the page `input` is at to its end.
fn read_page(input: &mut Input, mut page: Page<'_>) -> Result<(), ImportError> {
    let mut markup = Markup::default();
    let mut last = input.line_number();
    while let Some((number, line)) = input.read_line()? {
        last = number;
        let fed = markup.feed(line, &mut |token| page.token(number, token));
        fed.map_err(|failure| fail(input, failure, last))?;
    }
    let local = |line| input.place(line).1;
    page.finish(last, markup.inside_tag(), local).map_err(|failure| fail(input, failure, last))
}

fn fail(input: &Input, failure: Failure, at: u32) -> ImportError {
    match failure {
        Failure::Sink(e) => e,
        Failure::Broken { line, reason } => input.malformed(if line == 0 { at } else { line }, reason),
    }
}

/// A name's folder and file name.
fn split(name: &str) -> (&str, &str) {
    name.rsplit_once('/').unwrap_or(("", name))
}

/// `messages.html` is page 1, `messages7.html` page 7.
fn page_number(base: &str) -> Option<u32> {
    let number = base.strip_prefix("messages")?.strip_suffix(".html")?;
    if number.is_empty() { Some(1) } else { number.parse().ok().filter(|&n| n > 1) }
}

/// `export_results.html` (the account itself) or `lists/contacts.html`:
/// pages of the account, not of a chat.
fn is_account_page(dir: &str, base: &str) -> bool {
    base == "export_results.html" || (base == "contacts.html" && (dir == "lists" || dir.ends_with("/lists")))
}

/// A folder name that sorts `chat_2` before `chat_10`.
fn natural_key(dir: &str) -> String {
    let mut key = String::with_capacity(dir.len() + 16);
    let mut digits = String::new();
    for c in dir.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            key.push_str(&format!("{digits:0>20}"));
            digits.clear();
        }
        if c != '\0' {
            key.push(c);
        }
    }
    key
}
