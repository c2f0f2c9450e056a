//! The help of every command and option, in the run's language. The `Args`
//! structs carry no help of their own: it is in `i18n/<lang>/help.ftl`, laid
//! over the command clap derives from them. `help-COMMAND` is a command's
//! summary and its `.long` attribute the text of `--help`; `help-COMMAND--ARG`
//! is an option's (arg ids as clap names them, `dry_run`), and
//! `help-COMMAND--ARG-VALUE` describes one of its values. The root command's
//! path is empty (`help`, `help--vault`), a nested one joins with `-`
//! (`help-backup-create`). clap's own words (Usage, Options, Print help) are
//! there too, as `help-heading-*` and `help-flag-*`.

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use lifeboat::i18n::{self, Surface};

use super::{Cli, Speak};

/// The command line, parsed with its help and its usage errors in the run's language.
pub fn parse() -> Cli {
    let speak = Speak::from_env();
    let matches = command(speak).try_get_matches().unwrap_or_else(|e| super::usage_error::exit(speak, e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| super::usage_error::exit(speak, e))
}

/// The whole command line worded in `speak`.
pub fn command(speak: Speak) -> Command {
    let words = Words(speak);
    let root = localize(Cli::command().disable_version_flag(true), "", &words).arg(flag(
        "version",
        'V',
        ArgAction::Version,
        words.short("help-flag-version"),
    ));
    // clap adds its `help` subcommand when it builds the command.
    let mut root = root.subcommand_value_name(words.short("help-value-command"));
    root.build();
    root.mut_subcommand("help", |help| help.about(words.short("help-command-help")))
}

/// The message id of the command at `path` (`""`, `import`, `backup-create`).
pub fn command_id(path: &str) -> String {
    if path.is_empty() { "help".to_owned() } else { format!("help-{path}") }
}

/// The message id of the option `arg` of the command at `path`.
pub fn arg_id(path: &str, arg: &str) -> String {
    format!("{}--{arg}", command_id(path))
}

/// The message id of the value `value` of that option.
pub fn value_id(path: &str, arg: &str, value: &str) -> String {
    format!("{}-{value}", arg_id(path, arg))
}

/// The subcommand path of `name` under `path`.
pub fn sub_path(path: &str, name: &str) -> String {
    if path.is_empty() { name.to_owned() } else { format!("{path}-{name}") }
}

/// clap's own `--help` or `--version`, listed last, in the run's words.
fn flag(name: &'static str, short: char, action: ArgAction, help: String) -> Arg {
    Arg::new(name).short(short).long(name).action(action).display_order(usize::MAX).help(help)
}

fn localize(cmd: Command, path: &str, words: &Words) -> Command {
    let id = command_id(path);
    let mut cmd = cmd.about(words.short(&id)).disable_help_flag(true).arg(flag(
        "help",
        'h',
        ArgAction::Help,
        words.short("help-flag-help"),
    ));
    if let Some(long) = words.long(&id) {
        cmd = cmd.long_about(long);
    }
    let args: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).filter(|a| a != "help").collect();
    for arg in args {
        cmd = cmd.mut_arg(&arg, |a| localize_arg(a, path, words));
    }
    // As clap does: `--help` differs from `-h` only where something has longer text.
    if cmd.get_long_about().is_some() || cmd.get_arguments().any(|a| a.get_long_help().is_some()) {
        cmd = cmd.mut_arg("help", |a| a.long_help(words.long("help-flag-help").unwrap_or_default()));
    }
    let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in subcommands {
        let sub = sub_path(path, &name);
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub, words));
    }
    let template = template(&cmd, words);
    cmd.help_template(template)
}

/// An option's help, with its default and its values (clap's own notes of
/// them are English, so they are hidden and said here instead).
fn localize_arg(arg: Arg, path: &str, words: &Words) -> Arg {
    let id = arg_id(path, arg.get_id().as_str());
    let takes_values = arg.get_action().takes_values();
    let values: Vec<PossibleValue> = if takes_values {
        arg.get_possible_values().into_iter().filter(|v| !v.is_hide_set()).collect()
    } else {
        Vec::new()
    };
    let value_ids: Vec<String> = values.iter().map(|v| value_id(path, arg.get_id().as_str(), v.get_name())).collect();
    let described = !values.is_empty() && value_ids.iter().all(|id| words.defined(id));
    let mut notes = Vec::new();
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if takes_values && !defaults.is_empty() {
        notes.push(format!("[{}: {}]", words.short("help-note-default"), defaults.join(", ")));
    }
    if !values.is_empty() && !described {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        notes.push(format!("[{}: {}]", words.short("help-note-values"), names.join(", ")));
    }
    let with_notes = |text: String| if notes.is_empty() { text } else { format!("{text} {}", notes.join(" ")) };
    let short = with_notes(words.short(&id));
    let mut long = words.long(&id).map(with_notes);
    let arg = if takes_values { arg.hide_default_value(true).hide_possible_values(true) } else { arg };
    let arg = if described {
        let width = values.iter().map(|v| v.get_name().chars().count()).max().unwrap_or(0) + 1;
        let list: Vec<String> = values
            .iter()
            .zip(&value_ids)
            .map(|(v, id)| format!("- {:width$} {}", format!("{}:", v.get_name()), words.short(id)))
            .collect();
        long = Some(format!(
            "{}\n\n{}:\n{}",
            long.unwrap_or_else(|| short.clone()),
            words.short("help-heading-values"),
            list.join("\n")
        ));
        arg.value_parser(PossibleValuesParser::new(values.iter().map(|v| PossibleValue::new(v.get_name().to_owned()))))
    } else {
        arg
    };
    let arg = arg.help(short);
    match long {
        Some(long) => arg.long_help(long),
        None => arg,
    }
}

/// clap's layout with the headings in the run's language: Usage, then
/// Arguments and Commands where the command has them, and Options.
fn template(cmd: &Command, words: &Words) -> String {
    let styles = cmd.get_styles();
    let heading = |id: &str, style: &clap::builder::styling::Style| {
        format!("{}{}:{}", style.render(), words.short(id), style.render_reset())
    };
    let mut sections = Vec::new();
    if cmd.get_positionals().next().is_some() {
        sections.push(format!("{}\n{{positionals}}", heading("help-heading-arguments", styles.get_header())));
    }
    if cmd.has_subcommands() {
        sections.push(format!("{}\n{{subcommands}}", heading("help-heading-commands", styles.get_header())));
    }
    sections.push(format!("{}\n{{options}}", heading("help-heading-options", styles.get_header())));
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{}{{after-help}}",
        heading("help-heading-usage", styles.get_usage()),
        sections.join("\n\n")
    )
}

/// The help's words in the run's language (both: English, then Korean).
struct Words(Speak);

impl Words {
    /// A message's value: the one-line help.
    fn short(&self, id: &str) -> String {
        self.0.word(id)
    }

    /// Its `.long` attribute, for `--help`; none when it has no longer text.
    fn long(&self, id: &str) -> Option<String> {
        let texts: Vec<String> =
            self.0.langs().iter().filter_map(|&lang| i18n::format_attribute(lang, id, "long")).collect();
        (!texts.is_empty()).then(|| texts.join("\n\n"))
    }

    fn defined(&self, id: &str) -> bool {
        self.0.langs().iter().all(|&lang| i18n::format_message(lang, Surface::Cli, id, &[]) != id)
    }
}

#[cfg(test)]
mod tests;
