//! `lifeboat ask`.

use anyhow::Result;
use lifeboat::vault::AskLanguage;

use super::{Global, Out};

#[derive(clap::Args)]
pub struct AskRoom {
    group: String,
    #[arg(long, default_value = "ko", value_parser = ["ko", "en"])]
    lang: String,
    #[arg(long)]
    json: bool,
}

impl AskRoom {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let language = if self.lang == "en" { AskLanguage::En } else { AskLanguage::Ko };
        let ask = vault.ask(&self.group, language)?;
        if self.json {
            return out.json(&ask);
        }
        let Some(message) = &ask.message else {
            return out.say("cli_ask_nobody", lifeboat::args![group => ask.group.as_str()]);
        };
        out.line(message)?;
        out.line("")?;
        let asked =
            lifeboat::args![group => ask.group.as_str(), n => ask.members.len(), members => ask.members.join(", ")];
        out.say("cli_ask_paste", asked)
    }
}
