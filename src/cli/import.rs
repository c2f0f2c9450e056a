//! `lifeboat import`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use lifeboat::import::{DateOrder, Progress, ReadingBasis};
use lifeboat::ingest::{ImportOptions, import_files};
use lifeboat::phone::Region;
use lifeboat::vault::ImportReport;

use super::output::BatchSummary;
use super::{Global, Out};

static CANCEL: AtomicBool = AtomicBool::new(false);

/// Import contact files and chat exports.
///
/// Formats are recognised by content: vCard 2.1/3.0/4.0, contact CSV
/// (Google, Outlook, Korean headers; UTF-8, UTF-16, CP949), KakaoTalk (PC,
/// Android, iOS, CSV, zip), WhatsApp (.txt, .zip), Telegram (result.json),
/// LINE (.txt). All files are imported as one batch, all or nothing;
/// `lifeboat undo` removes a batch. Ctrl-C cancels and keeps nothing.
#[derive(clap::Args)]
pub struct Import {
    /// Files to import.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Show what would come in, and keep nothing.
    #[arg(long)]
    dry_run: bool,
    /// Read every file as this format instead of sniffing: vcard, contacts-csv,
    /// kakao-pc, kakao-csv, kakao-android, kakao-ios, whatsapp, telegram-json, line.
    #[arg(long, value_name = "NAME")]
    format: Option<String>,
    /// Region for numbers written without a country code (default: the
    /// vault's `region` setting, else KR).
    #[arg(long, value_name = "CC")]
    region: Option<Region>,
    /// Day/month order for dates no day above 12 settles (dmy, mdy, ymd).
    /// Without it the messages' time order decides, else day first; the
    /// summary says which.
    #[arg(long, value_name = "ORDER")]
    date_order: Option<DateOrder>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Report progress on stderr as the files are read, one line every few
    /// thousand records: `progress: FILE READ/TOTAL bytes, N messages, M contacts`.
    #[arg(long)]
    progress: bool,
}

impl Import {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let _ = ctrlc::set_handler(|| CANCEL.store(true, Ordering::Relaxed));
        let report_progress = |p: &Progress| {
            eprintln!(
                "progress: {} {}/{} bytes, {} messages, {} contacts",
                p.file, p.bytes_read, p.bytes_total, p.messages, p.contacts
            );
        };
        let opts = ImportOptions {
            format: self.format,
            date_order: self.date_order,
            region: self.region,
            dry_run: self.dry_run,
            cancel: Some(&CANCEL),
            progress: self.progress.then_some(&report_progress as &(dyn Fn(&Progress) + Sync)),
        };
        let report = import_files(&mut vault, &self.files, &opts)?;
        if self.json {
            return out.json(&report);
        }
        print_report(out, &report)
    }
}

fn print_report(out: &mut Out, r: &ImportReport) -> Result<()> {
    for f in &r.files {
        if f.already_imported {
            out.line(format!("{}: already imported ({}); nothing new. / 이미 가져온 파일입니다.", f.file, f.format))?;
            continue;
        }
        let mut line = format!("{}: {} ({}), {} lines", f.file, f.format, f.encoding, f.lines);
        if f.contacts > 0 {
            line += &format!(", {} contacts", f.contacts);
        }
        if f.messages > 0 {
            line += &format!(", {} messages ({} new), {} members", f.messages, f.new_messages, f.members);
        }
        if let (Some(a), Some(b)) = (&f.first_message, &f.last_message) {
            line += &format!(", {a} → {b}");
        }
        out.line(line)?;
        if let Some(reading) = &f.date_order {
            let (order, other) = match reading.order {
                DateOrder::Mdy => ("month/day", "day/month"),
                _ => ("day/month", "month/day"),
            };
            let why = match reading.by {
                ReadingBasis::Chronology => "only that way are the messages in time order",
                ReadingBasis::Rule => "either way the messages are in time order, so the rule day-first chose",
            };
            out.line(format!(
                "  dates read as {order} (no day above 12; {why}). For {other}, import with {} (after `lifeboat undo` of this import).\n  날짜를 {} 순서로 읽었습니다. 반대로 읽으려면 (이 가져오기를 `lifeboat undo`로 되돌린 뒤) {} 옵션으로 가져오세요.",
                reading.change_with,
                if reading.order == DateOrder::Mdy { "월/일" } else { "일/월" },
                reading.change_with
            ))?;
        }
        if let Some((n, text)) = &f.first_unparsed {
            out.line(format!("  {} line(s) matched no known shape; first at line {n}: {text:?}", f.unparsed))?;
        }
    }
    out.batch_summary(&BatchSummary {
        kind: "Import",
        dry_run: r.dry_run,
        batch_id: r.batch_id,
        people: r.new_people,
        phones: r.new_phones,
        emails: r.new_emails,
        groups: r.new_groups,
        members: r.new_members,
        messages: r.new_messages,
        known: r.merged,
        nothing_new: "the vault already had all of it.",
    })
}
