//! The language the command line speaks: `LIFEBOAT_LANG` (`ko`, `en`, or
//! `both` for Korean and English together), else the system locale
//! (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them), else
//! English. Every message comes from the Fluent files through
//! [`lifeboat::i18n`].

use lifeboat::backup::BackupError;
use lifeboat::export::ExportError;
use lifeboat::handoff::HandoffError;
use lifeboat::i18n::{self, Args, Lang, Localized, Said, Surface};
use lifeboat::import::ImportError;
use lifeboat::links::LinkError;
use lifeboat::redact::RedactError;
use lifeboat::vault::VaultError;

use super::error::CliError;

/// One language, or both (English first, then Korean).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speak {
    One(Lang),
    Both,
}

impl Speak {
    /// From the environment, read once per run.
    pub fn from_env() -> Speak {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(choice) = var("LIFEBOAT_LANG") {
            if choice.eq_ignore_ascii_case("both") {
                return Speak::Both;
            }
            if let Some(lang) = Lang::from_tag(&choice) {
                return Speak::One(lang);
            }
        }
        // The first locale variable that is set decides, even as "C".
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|name| var(name));
        Speak::One(locale.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::En))
    }

    /// The languages it speaks, in the order it prints them.
    pub fn langs(self) -> &'static [Lang] {
        match self {
            Speak::One(Lang::En) => &[Lang::En],
            Speak::One(Lang::Ko) => &[Lang::Ko],
            Speak::Both => &Lang::ALL,
        }
    }

    /// The message `id` in this language (both: one line each).
    pub fn text(self, id: &str, args: Args) -> String {
        self.each(|lang| i18n::format_message(lang, Surface::Cli, id, &args)).join("\n")
    }

    /// A label or a word: the message `id`, which takes no arguments, as [`Speak::cell`].
    pub fn word(self, id: &str) -> String {
        self.cell(id, Vec::new())
    }

    /// The message `id` for a table cell or a label (both: on one line, `/`
    /// between, once where the two read the same, as `ID`).
    pub fn cell(self, id: &str, args: Args) -> String {
        let mut words = self.each(|lang| i18n::format_message(lang, Surface::Cli, id, &args));
        words.dedup();
        words.join(" / ")
    }

    /// A message given as data ([`Said`]), as [`Speak::cell`].
    pub fn said(self, said: &Said) -> String {
        self.cell(said.message, said.args())
    }

    /// An error in this language.
    pub fn error(self, error: &dyn Localized) -> String {
        self.each(|lang| i18n::render(lang, Surface::Cli, error)).join("\n")
    }

    /// What `run` prints for a failed command: each cause of the chain on its
    /// own line, the core's and the CLI's own in this language.
    pub fn error_chain(self, error: &anyhow::Error) -> String {
        let mut msg = String::new();
        for (i, cause) in error.chain().enumerate() {
            if i > 0 {
                msg.push_str("\n  ");
            }
            match localized(cause) {
                Some(l) => msg.push_str(&self.error(l)),
                None => msg.push_str(&cause.to_string()),
            }
        }
        msg
    }

    fn each(self, one: impl Fn(Lang) -> String) -> Vec<String> {
        self.langs().iter().map(|&lang| one(lang)).collect()
    }
}

/// A cause of an error chain as data, when it is one of Lifeboat's errors.
fn localized<'a>(cause: &'a (dyn std::error::Error + 'static)) -> Option<&'a dyn Localized> {
    fn as_localized<'a, E: Localized + std::error::Error + 'static>(
        cause: &'a (dyn std::error::Error + 'static),
    ) -> Option<&'a dyn Localized> {
        cause.downcast_ref::<E>().map(|e| e as &dyn Localized)
    }
    as_localized::<VaultError>(cause)
        .or_else(|| as_localized::<ImportError>(cause))
        .or_else(|| as_localized::<ExportError>(cause))
        .or_else(|| as_localized::<BackupError>(cause))
        .or_else(|| as_localized::<HandoffError>(cause))
        .or_else(|| as_localized::<LinkError>(cause))
        .or_else(|| as_localized::<RedactError>(cause))
        .or_else(|| as_localized::<CliError>(cause))
}
