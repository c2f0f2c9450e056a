//! `lifeboat suggest`.

use anyhow::Result;

use lifeboat::vault::Suggestion;

use super::{Global, Out};

#[derive(clap::Args)]
pub struct Suggest {
    #[arg(long)]
    json: bool,
    #[arg(long, value_name = "ID")]
    person: Option<i64>,
}

/// A suggestion as `--json` prints it: its `why` also as `reason`, in the
/// run's language (README, "JSON output").
#[derive(serde::Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    suggestion: &'a Suggestion,
    reason: String,
}

impl Suggest {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let found = match self.person {
            Some(id) => vault.suggestions_for(id)?,
            None => vault.suggestions()?,
        };
        if self.json {
            let speak = out.speak();
            let shown: Vec<Shown> = found.iter().map(|s| Shown { reason: speak.said(&s.why), suggestion: s }).collect();
            return out.json(&shown);
        }
        if found.is_empty() {
            return out.say("cli_no_suggestions", Vec::new());
        }
        let rows: Vec<Vec<String>> = found
            .iter()
            .map(|s| {
                vec![
                    s.a.id.to_string(),
                    s.b.id.to_string(),
                    s.name.clone(),
                    out.speak().said(&s.why),
                    format!("lifeboat merge {} {}", s.a.id, s.b.id),
                ]
            })
            .collect();
        out.table(&["cli_col_a", "cli_col_b", "cli_col_name", "cli_col_why", "cli_col_to_merge"], &rows)
    }
}
