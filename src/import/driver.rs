//! The import driver: for each export (a file, a zip, a folder), open it
//! (its files, their encoding), hash it, skip it if the loader has it,
//! sniff or take the named format, read it on a second thread, push every
//! record into the loader, and check that it was read whole. The loader
//! stores; it never sees a file.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use super::{
    DateOrder, ImportError, Input, Limits, Probe, by_id, open_export, open_source, pipeline, read_region, sniff,
};
use crate::args;
use crate::import::Reason;
use crate::load::{FileReport, FileStart, Loader, Record};
use crate::phone::Region;

/// How to read files.
#[derive(Default)]
pub struct ReadOptions<'a> {
    /// An importer id that overrides the sniffer (`--format`).
    pub format: Option<String>,
    pub date_order: Option<DateOrder>,
    /// Region for numbers without a country code where a file names none
    /// (the user's setting), or for every file when `region_chosen`.
    pub region: Region,
    /// The user picked `region` for this import: files are not asked.
    pub region_chosen: bool,
    /// Set from another thread (Ctrl-C, a Cancel button) to stop.
    pub cancel: Option<&'a AtomicBool>,
    pub progress: Option<&'a (dyn Fn(&Progress) + Sync)>,
}

/// Progress of a running import, reported every few thousand records.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub file: String,
    pub bytes_read: u64,
    pub bytes_total: u64,
    pub messages: u64,
    pub contacts: u64,
}

/// More unreadable lines than this fraction refuses a file.
const MAX_UNPARSED_FRACTION: f64 = 0.02;
const MAX_UNPARSED_ALWAYS_OK: u64 = 20;
/// Records between two looks at Cancel and two progress reports.
const TICK: u64 = 4096;

/// Read every file into `loader`, in order. The first error stops the run;
/// the loader's caller then keeps nothing (one transaction for all files).
pub fn run<L: Loader>(paths: &[PathBuf], opts: &ReadOptions, loader: &mut L) -> Result<Vec<FileReport>, L::Error> {
    paths.iter().map(|path| read_file(path, opts, loader)).collect()
}

fn read_file<L: Loader>(path: &Path, opts: &ReadOptions, loader: &mut L) -> Result<FileReport, L::Error> {
    let named = match &opts.format {
        Some(id) => Some(by_id(id).ok_or_else(|| ImportError::UnknownFormatName { name: id.clone() })?),
        None => None,
    };
    let mut source = match named {
        Some(importer) => open_export(path, &Limits::default(), &[importer])?,
        None => open_source(path, &Limits::default())?,
    };
    let mut file = FileReport { file: path.display().to_string(), sha256: source.sha256()?, ..Default::default() };
    if let Some(format) = loader.already_imported(&file.sha256)? {
        file.already_imported = true;
        file.format = format;
        return Ok(file);
    }
    source.date_order = opts.date_order;
    let importer = match named {
        Some(importer) => importer,
        None => sniff(&source)?,
    };
    file.format = importer.id().to_owned();
    let probe = Probe { file_name: source.file_name(), head: source.head() };
    let (region, reading) = read_region(source.head(), importer.language(&probe), opts.region, opts.region_chosen);
    file.region = Some(reading);
    file.encoding = source.encoding_name().to_owned();
    let display_name = source.display_name();
    loader.begin_file(&FileStart {
        display_name: &display_name,
        file_name: source.file_name(),
        format: importer.id(),
        encoding: source.encoding_name(),
        sha256: &file.sha256,
        region,
    })?;
    let bytes_total = source.size();
    let mut input = source.input()?;
    let bytes_read = input.bytes_counter();
    let mut counted = Counted::default();
    pipeline::read_in_parallel(importer, &mut input, region, |record: &mut Record| {
        counted.see(record, &mut file);
        if counted.records.is_multiple_of(TICK) {
            if opts.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                return Err(L::Error::from(ImportError::Cancelled));
            }
            if let Some(progress) = opts.progress {
                progress(&Progress {
                    file: file.file.clone(),
                    bytes_read: bytes_read.load(Ordering::Relaxed),
                    bytes_total,
                    messages: counted.messages,
                    contacts: counted.contacts,
                });
            }
        }
        loader.take(record)
    })?;
    file.lines = u64::from(input.line_number());
    file.date_order = input.date_reading();
    loader.end_file(&mut file)?;
    check_coverage(&input, &file)?;
    Ok(file)
}

/// What the driver counts as records pass: for progress and unreadable lines.
#[derive(Default)]
struct Counted {
    records: u64,
    messages: u64,
    contacts: u64,
}

impl Counted {
    fn see(&mut self, record: &mut Record, file: &mut FileReport) {
        self.records += 1;
        match record {
            Record::Message(..) => self.messages += 1,
            Record::Contact(_) => self.contacts += 1,
            Record::Unparsed(line, text) => {
                file.unparsed += 1;
                file.first_unparsed.get_or_insert_with(|| (*line, std::mem::take(text)));
            }
            Record::KeptAsWritten(line, why) => {
                file.kept_as_written += 1;
                if file.kept_as_written_lines.len() < crate::load::KEPT_AS_WRITTEN_LISTED {
                    file.kept_as_written_lines.push((*line, why.clone()));
                }
            }
            Record::Room(_) | Record::Event(_) => {}
        }
    }
}

/// A recognised file must not silently lose lines, nor yield nothing.
fn check_coverage(input: &Input, file: &FileReport) -> Result<(), ImportError> {
    if file.messages == 0 && file.contacts == 0 {
        let (line, text) = file.first_unparsed.clone().unwrap_or((1, String::new()));
        let (file_name, line) = input.place(line);
        return Err(ImportError::Empty {
            file: file_name,
            line,
            reason: Reason::said(
                "reason_nothing_read",
                args![format => file.format.to_string(), text => format!("{text:?}")],
            ),
            hint: super::EmptyHint::NameFormat,
        });
    }
    let allowed = MAX_UNPARSED_ALWAYS_OK.max((file.lines as f64 * MAX_UNPARSED_FRACTION) as u64);
    if file.unparsed > allowed {
        let (line, text) = file.first_unparsed.clone().unwrap_or_default();
        return Err(input.malformed(
            line,
            Reason::said(
                "reason_lines_unmatched",
                args![
                    unparsed => file.unparsed,
                    lines => file.lines,
                    format => file.format.to_string(),
                    text => format!("{text:?}"),
                ],
            ),
        ));
    }
    Ok(())
}
