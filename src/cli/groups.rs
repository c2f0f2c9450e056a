//! `lifeboat groups` and `lifeboat roster`.

use anyhow::Result;
use lifeboat::vault::{GroupView, Reachability};

use super::{Global, Out};

#[derive(clap::Args)]
pub struct Groups {
    #[arg(long)]
    json: bool,
}

impl Groups {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        if self.json {
            return out.json(&vault.groups()?);
        }
        let groups = vault.group_summaries()?;
        let speak = out.speak();
        let rows: Vec<Vec<String>> = groups
            .iter()
            .map(|g| {
                let reach = g.reach();
                vec![
                    g.id.to_string(),
                    g.name.clone(),
                    g.platform.clone().unwrap_or_default(),
                    reach.total().to_string(),
                    speak.cell("cli_reachable_of", lifeboat::args![reachable => reach.contact, total => reach.total()]),
                    reach.handle.to_string(),
                    g.messages.to_string(),
                ]
            })
            .collect();
        out.table(
            &[
                "cli_col_id",
                "cli_col_group",
                "cli_col_from",
                "cli_col_members",
                "cli_col_reachable",
                "cli_col_by_handle",
                "cli_col_messages",
            ],
            &rows,
        )
    }
}

#[derive(clap::Args)]
pub struct Roster {
    group: String,
    #[arg(long)]
    json: bool,
}

impl Roster {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let g = vault.group(&self.group)?;
        if self.json {
            return out.json(&g);
        }
        print_roster(out, &vault, &g)
    }
}

/// Whose backup alone seats a member: the signer's name, else their key.
fn seat_claim_args(c: &lifeboat::vault::SeatClaim) -> lifeboat::i18n::Args {
    lifeboat::args![
        signed => if c.signer.signed { "yes" } else { "no" },
        signer => c.signer.short_name().unwrap_or_default(),
        file => c.file.as_str(),
    ]
}

fn print_roster(out: &mut Out, vault: &lifeboat::vault::Vault, g: &GroupView) -> Result<()> {
    let current: Vec<_> = g.current().collect();
    let reach = g.reach();
    let (reachable, total) = (reach.contact, reach.total());
    out.say("cli_roster_reach", lifeboat::args![group => g.name.as_str(), reachable => reachable, total => total])?;
    if reach.handle > 0 {
        out.say("cli_roster_by_handle", lifeboat::args![n => reach.handle])?;
    }
    let speak = out.speak();
    out.line("")?;
    let mut rows = Vec::new();
    for m in &current {
        let p = vault.person(m.person_id)?;
        let how = match m.reachability {
            Reachability::Contact => {
                let mut v: Vec<String> = p.phones.iter().map(|ph| ph.shown.clone()).collect();
                v.extend(p.emails.iter().map(|e| e.address.clone()));
                v.join(", ")
            }
            Reachability::Handle => format!(
                "{}: {}",
                speak.word("cli_roster_handle_only"),
                m.handles.iter().map(|h| format!("{} {}", h.service, h.value)).collect::<Vec<_>>().join(", ")
            ),
            Reachability::Name => match &m.asked_at {
                Some(at) => speak.cell("cli_roster_asked", lifeboat::args![at => at.as_str()]),
                None => speak.word("cli_roster_not_reachable"),
            },
        };
        let how = match (&m.asked_at, m.reachability) {
            (Some(_), Reachability::Contact | Reachability::Handle) => {
                format!("{how}  ({})", speak.word("cli_roster_answered"))
            }
            _ => how,
        };
        let how = match &m.claimed_by {
            Some(c) => format!("{how}  ({})", speak.cell("cli_roster_claimed", seat_claim_args(c))),
            None => how,
        };
        rows.push(vec![m.name.clone(), m.messages.to_string(), how]);
    }
    out.table(&["cli_col_member", "cli_col_messages", "cli_col_how_to_reach"], &rows)?;
    let left: Vec<_> = g.members.iter().filter(|m| m.left).map(|m| m.name.clone()).collect();
    if !left.is_empty() {
        out.line("")?;
        out.say("cli_roster_left", lifeboat::args![names => left.join(", ")])?;
    }
    Ok(())
}
