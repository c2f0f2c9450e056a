//! The one error shape the window sees: a stable `code`, its arguments, and
//! the English text. The page words it in its own language from the same
//! Fluent files (`err_` + code, the `.app` attribute where there is one).

use std::collections::BTreeMap;
use std::fmt::Display;

use lifeboat::i18n::{self, Arg, Args, Lang, Localized, Surface};
use serde::Serialize;

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
