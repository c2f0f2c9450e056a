//! `lifeboat suggest`.

use anyhow::Result;

use super::{Global, Out};

#[derive(clap::Args)]
pub struct Suggest {
    #[arg(long)]
    json: bool,
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
        out.table(&["cli_col_a", "cli_col_b", "cli_col_name", "cli_col_why", "cli_col_to_merge"], &rows)
    }
}
