//! `lifeboat export vcard|csv|sheet`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use lifeboat::export::{self, Format};

use super::{Global, Out};

/// Export people for phones, address books, spreadsheets or paper.
#[derive(clap::Args)]
pub struct Export {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    Vcard(Vcard),
    Csv(Csv),
    Sheet(Sheet),
}

/// vCard file for phones and address books (4.0; 3.0 for phones that refuse 4.0).
///
/// Every phone with its label, e-mails, messenger handles, and a NOTE saying
/// where numbers found in chats came from.
#[derive(clap::Args)]
struct Vcard {
    /// vCard version: 4 (RFC 6350) or 3 (older phones).
    #[arg(long = "version", value_name = "4|3", default_value_t = 4, value_parser = clap::value_parser!(u8).range(3..=4))]
    vcard_version: u8,
    /// Only the members of this group (name or id).
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    /// Only this person (id, or a name or number that matches one person).
    #[arg(long, value_name = "ID")]
    person: Option<String>,
    /// The file to write.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

/// Google Contacts CSV (UTF-8 with BOM, so Korean Excel opens it too).
#[derive(clap::Args)]
struct Csv {
    /// Only the members of this group (name or id).
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    /// The file to write; standard output when omitted.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Printable A4 contact sheet (HTML) for one group: open it and print.
#[derive(clap::Args)]
struct Sheet {
    /// The group (name or id).
    #[arg(long, value_name = "NAME")]
    group: String,
    /// The .html file to write.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

impl Export {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        match self.what {
            What::Vcard(v) => {
                let format = if v.vcard_version == 3 { Format::Vcard3 } else { Format::Vcard4 };
                let people = export::to_file(&vault, format, v.group.as_deref(), v.person.as_deref(), &v.output)?;
                let wrote = lifeboat::args![n => people, version => u32::from(v.vcard_version), path => &v.output];
                out.say("cli_export_vcard", wrote)
            }
            What::Csv(c) => match &c.output {
                Some(path) => {
                    let people = export::to_file(&vault, Format::Csv, c.group.as_deref(), None, path)?;
                    out.say("cli_export_csv", lifeboat::args![n => people, path => path])
                }
                None => {
                    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
                    export::csv_to(&vault, c.group.as_deref(), None, &mut stdout)?;
                    Ok(stdout.flush()?)
                }
            },
            What::Sheet(s) => {
                let html = export::sheet::for_group(&vault, &s.group)?;
                export::write_private(&s.output, html.as_bytes())?;
                out.say("cli_export_sheet", lifeboat::args![path => &s.output])
            }
        }
    }
}
