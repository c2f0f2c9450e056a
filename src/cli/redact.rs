//! `lifeboat redact`.

use std::path::PathBuf;

use anyhow::Result;

use super::{Global, Out};

#[derive(clap::Args)]
pub struct Redact {
    file: PathBuf,
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
}

impl Redact {
    pub fn run(self, _global: &Global, out: &mut Out) -> Result<()> {
        if self.output.exists() {
            return Err(super::CliError::OutputExists { path: self.output.clone() }.into());
        }
        let r = lifeboat::redact::redact(&self.file, &self.output)?;
        let wrote = lifeboat::args![
            path => &self.output,
            format => r.format.to_string(),
            messages => r.messages,
            names => r.names,
        ];
        out.say("cli_redacted", wrote)
    }
}
