//! Every user-facing word, in Korean and English, from the Fluent files in
//! `i18n/<lang>/*.ftl` (embedded here; the app's page reads the same text
//! through [`sources`]).
//!
//! Errors are data: each core error implements [`Localized`] (a stable
//! `code` and its arguments), and is rendered here in the user's language for
//! the surface that shows it. A message's value is what the CLI prints; its
//! `.app` attribute, where it has one, is the app's wording of the remedy
//! (the app has buttons, not flags). `Display` of a core error is its English
//! CLI message, so logs, anyhow chains and tests still read.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages Lifeboat speaks (`"en"`, `"ko"` to the app's page).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language of a tag or locale name ("ko", "ko-KR", "ko_KR.UTF-8",
    /// "en_US"), if Lifeboat speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_', '.', '@']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }
}

/// Where a message is shown: the remedy differs (a flag or a button).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Cli,
    App,
}

/// One argument of a message: numbers stay numbers, so plural rules apply;
/// a message of its own (why a file could not be read) is worded in the
/// same language as the message it is part of.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Number(i64),
    Message {
        message: &'static str,
        #[cfg_attr(feature = "ts", ts(as = "std::collections::BTreeMap<String, Arg>"))]
        args: std::collections::BTreeMap<&'static str, Arg>,
    },
}

impl Arg {
    /// The message `id` with `args`, as an argument.
    pub fn message(id: &'static str, args: Args) -> Arg {
        Arg::Message { message: id, args: args.into_iter().collect() }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::from(p.as_path())
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::from(n as u64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(n.into())
    }
}

/// A message as data: its id and arguments, worded by whoever shows it
/// (the CLI in the run's language, the app's page in its own). Serialized as
/// `{"message": id, "args": {…}}`, the shape of a nested [`Arg::Message`].
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Said {
    pub message: &'static str,
    #[cfg_attr(feature = "ts", ts(as = "std::collections::BTreeMap<String, Arg>"))]
    pub args: std::collections::BTreeMap<&'static str, Arg>,
}

impl Said {
    /// The message `id` with `args`.
    pub fn new(id: &'static str, args: Args) -> Said {
        Said { message: id, args: args.into_iter().collect() }
    }

    /// Its words in `lang` for `surface`.
    pub fn render(&self, lang: Lang, surface: Surface) -> String {
        format_message(lang, surface, self.message, &self.args())
    }

    /// Its arguments as [`format_message`] takes them.
    pub fn args(&self) -> Args {
        self.args.iter().map(|(k, v)| (*k, v.clone())).collect()
    }
}

impl From<Said> for Arg {
    fn from(said: Said) -> Arg {
        Arg::Message { message: said.message, args: said.args }
    }
}

impl From<&Said> for Arg {
    fn from(said: &Said) -> Arg {
        Arg::from(said.clone())
    }
}

/// A message's arguments by name.
pub type Args = Vec<(&'static str, Arg)>;

/// Build [`Args`]: `args![dir => &self.dir, line => *line]`.
#[macro_export]
macro_rules! args {
    ($($name:ident => $value:expr),* $(,)?) => {
        vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*]
    };
}

/// An error (or any message) as data: the id of its Fluent message is
/// `err_` + [`code`](Localized::code).
pub trait Localized {
    /// A stable code, the same in every language: the app's `code`.
    fn code(&self) -> &'static str;
    /// The values the message names.
    fn args(&self) -> Args {
        Vec::new()
    }
}

/// The Fluent message id of an error code.
pub fn error_id(code: &str) -> String {
    format!("err_{code}")
}

/// An error in `lang`, worded for `surface`.
pub fn render(lang: Lang, surface: Surface, error: &dyn Localized) -> String {
    format_message(lang, surface, &error_id(error.code()), &error.args())
}

/// `Display` of the core's errors (`#[error("{}", i18n::english(self))]`):
/// English, as the CLI words it.
pub fn english(error: &dyn Localized) -> String {
    render(Lang::En, Surface::Cli, error)
}

/// The message `id` in `lang` for `surface` (its `.app` attribute in the
/// app, where it has one). An id no file defines comes back as itself.
pub fn format_message(lang: Lang, surface: Surface, id: &str, args: &[(&'static str, Arg)]) -> String {
    format_checked(lang, surface, id, args).0
}

/// [`format_message`] and what went wrong formatting it (a missing message
/// or argument), which the tests require to be nothing.
fn format_checked(lang: Lang, surface: Surface, id: &str, args: &[(&'static str, Arg)]) -> (String, Vec<String>) {
    let bundle = bundle(lang);
    let message = bundle.get_message(id);
    let pattern = message.and_then(|m| match surface {
        Surface::App => m.get_attribute("app").map(|a| a.value()).or(m.value()),
        Surface::Cli => m.value(),
    });
    let Some(pattern) = pattern else {
        return (id.to_owned(), vec![format!("no message {id} in {}", lang.tag())]);
    };
    format_pattern(lang, surface, id, pattern, args)
}

/// The attribute `attribute` of the message `id` in `lang`, when it has one
/// (the long help of a command, `.long`).
pub fn format_attribute(lang: Lang, id: &str, attribute: &str) -> Option<String> {
    let pattern = bundle(lang).get_message(id)?.get_attribute(attribute)?.value();
    Some(format_pattern(lang, Surface::Cli, id, pattern, &[]).0)
}

fn format_pattern(
    lang: Lang,
    surface: Surface,
    id: &str,
    pattern: &fluent_syntax::ast::Pattern<&str>,
    args: &[(&'static str, Arg)],
) -> (String, Vec<String>) {
    let bundle = bundle(lang);
    let mut fluent_args = FluentArgs::new();
    let mut problems = Vec::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            Arg::Message { message, args } => {
                let args: Args = args.iter().map(|(k, v)| (*k, v.clone())).collect();
                let (text, nested) = format_checked(lang, surface, message, &args);
                problems.extend(nested);
                fluent_args.set(*name, FluentValue::from(text));
            }
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
    problems.extend(errors.iter().map(|e| format!("{id} in {}: {e}", lang.tag())));
    (text, problems)
}

/// The Fluent text of `lang`, every file, for the app's page to format.
pub fn sources(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            include_str!("../i18n/en/errors.ftl"),
            include_str!("../i18n/en/cli.ftl"),
            include_str!("../i18n/en/app.ftl"),
            include_str!("../i18n/en/help.ftl"),
        ],
        Lang::Ko => &[
            include_str!("../i18n/ko/errors.ftl"),
            include_str!("../i18n/ko/cli.ftl"),
            include_str!("../i18n/ko/app.ftl"),
            include_str!("../i18n/ko/help.ftl"),
        ],
    }
}

/// Every language's Fluent text by its tag (`en`, `ko`): what the app's
/// page is handed to format its words.
pub fn all_sources() -> std::collections::BTreeMap<&'static str, String> {
    Lang::ALL.iter().map(|&lang| (lang.tag(), sources(lang).concat())).collect()
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static KO: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    };
    cell.get_or_init(|| build_bundle(lang))
}

fn build_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let tag = lang.tag().parse().expect("a language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Terminals and the page show the text as it is: no bidi isolation marks.
    bundle.set_use_isolating(false);
    for source in sources(lang) {
        let resource = FluentResource::try_new((*source).to_owned()).expect("the embedded .ftl files parse (tested)");
        bundle.add_resource(resource).expect("no message is defined twice (tested)");
    }
    bundle
}

#[cfg(test)]
mod tests;
