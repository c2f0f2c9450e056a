//! `lifeboat suggest`.

use anyhow::Result;

use super::{Global, Out};

/// List people who are probably the same person: the same name in two groups,
/// or a chat member and a contact with the same name, whose confirmed numbers
/// do not disagree. Nothing is merged: `lifeboat merge A B` joins a pair,
/// `lifeboat not-same A B` makes Lifeboat stop suggesting it.
#[derive(clap::Args)]
pub struct Suggest {
    /// Print JSON (the format is documented in the README).
    #[arg(long)]
    json: bool,
    /// Only the suggestions that involve this person (an id from `lifeboat people`).
    #[arg(long, value_name = "ID")]
    person: Option<i64>,
}

impl Suggest {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let found = match self.person {
            Some(id) => vault.suggestions_for(id)?,
            None => vault.suggestions()?,
        };
        if self.json {
            return out.json(&found);
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
                    s.reason.clone(),
                    format!("lifeboat merge {} {}", s.a.id, s.b.id),
                ]
            })
            .collect();
        out.table(&["A", "B", "NAME", "WHY", "TO MERGE"], &rows)
    }
}
