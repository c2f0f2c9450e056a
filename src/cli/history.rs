//! `lifeboat imports` and `lifeboat undo`.

use anyhow::Result;

use super::{Global, Out};

/// List past imports (batches) and what each added.
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
        let rows: Vec<Vec<String>> = batches
            .iter()
            .map(|b| {
                vec![
                    b.id.to_string(),
                    b.at.clone(),
                    b.kind.clone(),
                    b.files.iter().map(|f| format!("{} ({})", f.name, f.format)).collect::<Vec<_>>().join(", "),
                    format!(
                        "{} people, {} phones, {} e-mails, {} groups, {} messages",
                        b.added.people, b.added.phones, b.added.emails, b.added.groups, b.added.messages
                    ),
                ]
            })
            .collect();
        out.table(&["ID", "WHEN", "KIND", "FILES", "ADDED"], &rows)
    }
}

/// Remove exactly what one import added. What you confirmed or edited since stays.
#[derive(clap::Args)]
pub struct Undo {
    /// The import id from `lifeboat imports`.
    id: i64,
}

impl Undo {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let r = vault.undo(self.id)?;
        out.line(format!(
            "Undid import {}: removed {} people, {} phones, {} e-mails, {} groups, {} messages.",
            self.id, r.removed.people, r.removed.phones, r.removed.emails, r.removed.groups, r.removed.messages
        ))?;
        if r.kept_edited > 0 {
            out.line(format!(
                "Kept {} item(s) you confirmed or edited since. / 그 뒤에 확인하거나 고친 {}개는 남겼습니다.",
                r.kept_edited, r.kept_edited
            ))?;
        }
        out.line(format!("{}번 가져오기를 취소했습니다.", self.id))
    }
}
