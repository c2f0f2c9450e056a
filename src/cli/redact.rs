//! `lifeboat redact`.

use std::path::PathBuf;

use anyhow::Result;

use super::{Global, Out};

/// Write a copy of a chat export safe to attach to a bug report: the same
/// format and room shape (members, messages), with names replaced by
/// consistent pseudonyms, numbers and e-mails scrambled and text reduced to
/// its shape. Check the copy before sending it. Needs no vault.
#[derive(clap::Args)]
pub struct Redact {
    /// The export to redact.
    file: PathBuf,
    /// Where to write the redacted copy.
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
