//! The one error shape the window sees: a stable `code`, its arguments, and
//! the English text. The page words it in its own language from the same
//! Fluent files (`err_` + code, the `.app` attribute where there is one).

use std::collections::BTreeMap;
use std::fmt::Display;

use lifeboat::i18n::{self, Arg, Args, Lang, Localized, Surface};
use serde::Serialize;

#[cfg_attr(test, derive(ts_rs::TS))]
#[derive(Debug, Serialize)]
pub struct AppError {
    pub code: &'static str,
    pub args: BTreeMap<&'static str, Arg>,
    /// The English words, for logs and for a page that cannot format.
    pub message: String,
}

impl AppError {
    /// The error `code` (an `err_…` message of the .ftl files) with `args`.
    pub fn new(code: &'static str, args: Args) -> AppError {
        let message = i18n::format_message(Lang::En, Surface::App, &i18n::error_id(code), &args);
        AppError { code, args: args.into_iter().collect(), message }
    }

    /// Something that should not happen (a worker thread lost, a lock poisoned).
    pub fn internal(reason: impl Display) -> AppError {
        AppError::new("internal", lifeboat::args![reason => reason.to_string()])
    }

    /// Every command but create and unlock needs an unlocked vault.
    pub fn locked() -> AppError {
        AppError::new("locked", Vec::new())
    }
}

/// Every core error converts: its code and arguments travel as they are.
impl<E: Localized> From<E> for AppError {
    fn from(e: E) -> AppError {
        AppError::new(e.code(), e.args())
    }
}

#[cfg(test)]
mod tests {
    use lifeboat::args;
    use lifeboat::import::ImportError;

    use super::*;

    /// The app's own errors, each as a command raises it.
    fn the_apps_own() -> Vec<AppError> {
        vec![
            AppError::locked(),
            AppError::internal("worker lost"),
            AppError::new("no_recipient", Vec::new()),
            AppError::new("no_path", Vec::new()),
            AppError::new("no_save_path", Vec::new()),
            AppError::new("no_files", Vec::new()),
            AppError::new("unknown_setting", args![key => "colour"]),
            AppError::new("too_long", args![reason => "data too long"]),
            AppError::new("no_browser", args![reason => "xdg-open failed", path => "/tmp/sheet.html"]),
            AppError::new("no_handler", args![scheme => "sms", reason => "no handler"]),
            AppError::new("not_chosen", args![path => "/x", purpose => "read"]),
        ]
    }

    #[test]
    fn every_error_of_the_app_has_its_words_in_both_languages() {
        for e in the_apps_own() {
            let args: Args = e.args.iter().map(|(k, v)| (*k, v.clone())).collect();
            for lang in Lang::ALL {
                let text = i18n::format_message(lang, Surface::App, &i18n::error_id(e.code), &args);
                assert!(!text.starts_with("err_") && !text.contains('{'), "{}: {text}", e.code);
            }
        }
    }

    #[test]
    fn a_core_error_arrives_as_its_code_and_arguments() {
        let e = AppError::from(ImportError::UnknownFormatName { name: "icq".into() });
        assert_eq!(e.code, "unknown_format_name");
        assert_eq!(e.args["name"], Arg::Text("icq".into()));
        // The app's words: no command-line remedy.
        assert_eq!(e.message, "Unknown format name \"icq\". Choose one from the list under Import options.");
    }
}
