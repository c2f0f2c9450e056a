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
            return out.line(format!(
                "Everyone in {} can be reached without the messenger: nobody to ask. / 모두 연락할 수 있어 물어볼 사람이 없습니다.",
                ask.group
            ));
        };
        out.line(message)?;
        out.line("")?;
        out.line(format!(
            "Paste the message above into {}. Asked {} ({}); after you import the room's next export, `lifeboat roster {}` shows who answered.\n위 메시지를 대화방에 붙여 넣으세요. 다음 내보내기를 가져오면 누가 답했는지 보여 줍니다.",
            ask.group,
            ask.members.len(),
            ask.members.join(", "),
            ask.group
        ))
    }
}
