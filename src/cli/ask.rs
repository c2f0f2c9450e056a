//! `lifeboat ask`.

use anyhow::Result;
use lifeboat::vault::AskLanguage;

use super::{Global, Out};

/// The outage drill: a message to paste into a group's chat while it still
/// works, naming the members Lifeboat cannot reach and asking them to answer
/// "제 번호는 010-…입니다" / "my number is …". Lifeboat remembers whom it
/// asked: after you import the room's next export, `lifeboat roster GROUP`
/// shows who answered, and asking again names only those who did not.
#[derive(clap::Args)]
pub struct AskRoom {
    /// Group name or id.
    group: String,
    /// The message's language: ko or en.
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
