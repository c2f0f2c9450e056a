//! `lifeboat import`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use clap::builder::{PossibleValue, PossibleValuesParser};
use indicatif::{ProgressBar, ProgressStyle};
use lifeboat::args;
use lifeboat::import::{DateOrder, IMPORTERS, Progress, ReadingBasis, RegionBasis};
use lifeboat::ingest::{ImportOptions, import_files};
use lifeboat::phone::Region;
use lifeboat::vault::ImportReport;

use super::output::BatchSummary;
use super::{Global, Out, Speak};

static CANCEL: AtomicBool = AtomicBool::new(false);

#[derive(clap::Args)]
pub struct Import {
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[arg(long)]
    dry_run: bool,
    #[arg(long, value_name = "NAME", value_parser = format_names())]
    format: Option<String>,
    #[arg(long, value_name = "CC")]
    region: Option<Region>,
    #[arg(long, value_name = "ORDER")]
    date_order: Option<DateOrder>,
    #[arg(long)]
    json: bool,
    #[arg(long)]
    progress: bool,
}

impl Import {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let _ = ctrlc::set_handler(|| CANCEL.store(true, Ordering::Relaxed));
        // A bar on a terminal; with --progress, lines on stderr instead; nothing when piped.
        let bar = (std::io::stderr().is_terminal() && !self.json && !self.progress).then(progress_bar);
        let show = |p: &Progress| match &bar {
            Some(bar) => show_progress(bar, p),
            None => eprintln!(
                "progress: {} {}/{} bytes, {} messages, {} contacts",
                p.file, p.bytes_read, p.bytes_total, p.messages, p.contacts
            ),
        };
        let opts = ImportOptions {
            format: self.format,
            date_order: self.date_order,
            region: self.region,
            dry_run: self.dry_run,
            cancel: Some(&CANCEL),
            progress: (self.progress || bar.is_some()).then_some(&show as &(dyn Fn(&Progress) + Sync)),
        };
        let report = import_files(&mut vault, &self.files, &opts);
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        let report = report?;
        if self.json {
            return out.json(&report);
        }
        print_report(out, &report)
    }
}

/// The `--format` names: exactly the importers the sniffer knows (their
/// descriptions are help, `help-import--format-ID`).
fn format_names() -> PossibleValuesParser {
    PossibleValuesParser::new(IMPORTERS.iter().map(|i| PossibleValue::new(i.id())))
}

fn progress_bar() -> ProgressBar {
    let style = ProgressStyle::with_template("{spinner} {wide_msg} {bar:20} {percent:>3}%")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    let bar = ProgressBar::new(1).with_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// The file, how far into it, and what came out so far. A zip's text is
/// larger than the zip: its bar stops just short of the end until it is read.
fn show_progress(bar: &ProgressBar, p: &Progress) {
    let name = std::path::Path::new(&p.file).file_name().map_or(p.file.clone(), |n| n.to_string_lossy().into_owned());
    bar.set_length(p.bytes_total.max(1));
    bar.set_position(p.bytes_read.min(p.bytes_total.saturating_sub(1)));
    let counts = Speak::from_env().cell("cli_progress_counts", args![messages => p.messages, contacts => p.contacts]);
    bar.set_message(format!("{name} · {counts}"));
}

fn print_report(out: &mut Out, r: &ImportReport) -> Result<()> {
    for f in &r.files {
        if f.already_imported {
            out.say("cli_import_already", args![file => f.file.as_str(), format => f.format.to_string()])?;
            continue;
        }
        let range = match (&f.first_message, &f.last_message) {
            (Some(a), Some(b)) => format!(", {a} → {b}"),
            _ => String::new(),
        };
        out.say(
            "cli_import_file",
            args![
                file => f.file.as_str(),
                format => f.format.to_string(),
                encoding => f.encoding.to_string(),
                lines => f.lines,
                contacts => f.contacts,
                messages => f.messages,
                new_messages => f.new_messages,
                members => f.members,
                range => range,
            ],
        )?;
        if let Some(reading) = &f.date_order {
            let order = if reading.order == DateOrder::Mdy { "mdy" } else { "dmy" };
            let by = match reading.by {
                ReadingBasis::Chronology => "chronology",
                ReadingBasis::Rule => "rule",
            };
            out.say("cli_import_dates", args![order => order, by => by, change_with => reading.change_with])?;
        }
        if let Some(reading) = f.region.as_ref().filter(|r| r.overrides_setting && r.by != RegionBasis::Chosen) {
            let (why, language) = match (reading.by, reading.language) {
                (RegionBasis::Numbers, _) => ("numbers", String::new()),
                (_, Some(language)) => ("language", language.to_string()),
                _ => ("other", String::new()),
            };
            out.say(
                "cli_import_region",
                args![region => reading.region.to_string(), why => why, language => language],
            )?;
        }
        if let Some((n, text)) = &f.first_unparsed {
            out.say("cli_import_unparsed", args![n => f.unparsed, line => *n, text => format!("{text:?}")])?;
        }
        if f.kept_as_written > 0 {
            out.say("cli_import_kept_as_written", args![n => f.kept_as_written])?;
            for (n, why) in &f.kept_as_written_lines {
                let why = out.speak().said(why);
                out.line(format!("    {}:{n}: {why}", f.file))?;
            }
            if f.kept_as_written > f.kept_as_written_lines.len() as u64 {
                out.say("cli_import_more", args![n => f.kept_as_written - f.kept_as_written_lines.len() as u64])?;
            }
        }
    }
    out.batch_summary(&BatchSummary {
        kind: "import",
        dry_run: r.dry_run,
        batch_id: r.batch_id,
        people: r.new_people,
        phones: r.new_phones,
        emails: r.new_emails,
        groups: r.new_groups,
        members: r.new_members,
        messages: r.new_messages,
        known: r.merged,
        nothing_new: "cli_import_nothing_new",
    })?;
    if r.new_handles > 0 {
        out.say("cli_import_handles", args![n => r.new_handles])?;
    }
    Ok(())
}
