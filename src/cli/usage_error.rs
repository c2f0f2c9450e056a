//! clap's errors for a mistyped command line (an unknown option, a missing
//! or invalid value, a missing argument, an unknown command), worded in the
//! run's language from `cli_usage_…` in cli.ftl; what clap says in English
//! about the rarer kinds is printed as clap words it.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use lifeboat::args;
use lifeboat::i18n::Args;

use super::Speak;

/// Print `error` in the run's language and exit as clap does (2 for a
/// usage error; help and version print as clap prints them).
pub fn exit(speak: Speak, error: clap::Error) -> ! {
    let Some((id, args)) = said(&error) else { error.exit() };
    let mut text = format!("lifeboat: {}", speak.text(id, args));
    if let Some(suggestion) = context(&error, ContextKind::SuggestedArg)
        .or_else(|| context(&error, ContextKind::SuggestedSubcommand))
        .or_else(|| context(&error, ContextKind::SuggestedValue))
    {
        text += &format!("\n{}", speak.text("cli_usage_did_you_mean", args![suggestion => suggestion]));
    }
    text += &format!("\n{}", speak.text("cli_usage_try_help", Vec::new()));
    eprintln!("{text}");
    std::process::exit(error.exit_code())
}

/// The message and its arguments for the kinds of error a user meets; None for the others.
fn said(error: &clap::Error) -> Option<(&'static str, Args)> {
    let get = |kind| context(error, kind).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let said = match error.kind() {
        ErrorKind::UnknownArgument => ("cli_usage_unknown_argument", args![arg => arg]),
        ErrorKind::InvalidValue if value.is_empty() => ("cli_usage_missing_value", args![arg => arg]),
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            ("cli_usage_invalid_value", args![arg => arg, value => value, valid => valid])
        }
        // The parser's reason (`invalid digit found in string`) is English only: left out.
        ErrorKind::ValueValidation => ("cli_usage_value_validation", args![arg => arg, value => value]),
        ErrorKind::MissingRequiredArgument => ("cli_usage_missing_required", args![args => arg]),
        ErrorKind::InvalidSubcommand => {
            ("cli_usage_invalid_subcommand", args![command => get(ContextKind::InvalidSubcommand)])
        }
        ErrorKind::ArgumentConflict => ("cli_usage_conflict", args![arg => arg, prior => get(ContextKind::PriorArg)]),
        _ => return None,
    };
    Some(said)
}

/// One piece of clap's context, as text (a list joined with ", ").
fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(list.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")),
        _ => None,
    }
}
