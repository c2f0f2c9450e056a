//! `lifeboat imports` and `lifeboat undo`.

use anyhow::Result;

use super::{Global, Out};

#[derive(clap::Args)]
pub struct Imports {
    #[arg(long)]
    json: bool,
}

impl Imports {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let batches = vault.batches()?;
        if self.json {
            return out.json(&batches);
        }
        let speak = out.speak();
        let rows: Vec<Vec<String>> = batches
            .iter()
            .map(|b| {
                vec![
                    b.id.to_string(),
                    b.at.clone(),
                    b.kind.clone(),
                    b.files.iter().map(|f| format!("{} ({})", f.name, f.format)).collect::<Vec<_>>().join(", "),
                    speak.cell(
                        "cli_history_added",
                        lifeboat::args![
                            people => b.added.people,
                            phones => b.added.phones,
                            emails => b.added.emails,
                            groups => b.added.groups,
                            messages => b.added.messages,
                        ],
                    ),
                ]
            })
            .collect();
        out.table(&["cli_col_id", "cli_col_when", "cli_col_kind", "cli_col_files", "cli_col_added"], &rows)
    }
}

#[derive(clap::Args)]
pub struct Undo {
    id: i64,
}

impl Undo {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let r = vault.undo(self.id)?;
        let removed = lifeboat::args![
            id => self.id,
            people => r.removed.people,
            phones => r.removed.phones,
            emails => r.removed.emails,
            groups => r.removed.groups,
            messages => r.removed.messages,
        ];
        out.say("cli_undone", removed)?;
        if r.kept_edited > 0 {
            out.say("cli_undo_kept", lifeboat::args![n => r.kept_edited])?;
        }
        Ok(())
    }
}
