//! `lifeboat export vcard|csv|sheet`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use lifeboat::export::{self, Format};

use super::{Global, Out};

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

#[derive(clap::Args)]
struct Vcard {
    #[arg(long = "version", value_name = "4|3", default_value_t = 4, value_parser = clap::value_parser!(u8).range(3..=4))]
    vcard_version: u8,
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    #[arg(long, value_name = "ID")]
    person: Option<String>,
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

#[derive(clap::Args)]
struct Csv {
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
struct Sheet {
    #[arg(long, value_name = "NAME")]
    group: String,
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

impl Export {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let langs = out.speak().langs();
        match self.what {
            What::Vcard(v) => {
                let format = if v.vcard_version == 3 { Format::Vcard3 } else { Format::Vcard4 };
                let people =
                    export::to_file(&vault, format, v.group.as_deref(), v.person.as_deref(), &v.output, langs)?;
                let wrote = lifeboat::args![n => people, version => u32::from(v.vcard_version), path => &v.output];
                out.say("cli_export_vcard", wrote)
            }
            What::Csv(c) => match &c.output {
                Some(path) => {
                    let people = export::to_file(&vault, Format::Csv, c.group.as_deref(), None, path, langs)?;
                    out.say("cli_export_csv", lifeboat::args![n => people, path => path])
                }
                None => {
                    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
                    export::csv_to(&vault, c.group.as_deref(), None, &mut stdout, langs)?;
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
