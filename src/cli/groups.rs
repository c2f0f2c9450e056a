//! `lifeboat groups` and `lifeboat roster`.

use anyhow::Result;
use lifeboat::vault::{GroupView, Reachability};

use super::{Global, Out};

/// List groups (chat rooms) with their size and how many are reachable.
#[derive(clap::Args)]
pub struct Groups {
    /// Print JSON with every member (the format is documented in the README).
    #[arg(long)]
    json: bool,
}

impl Groups {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let groups = vault.groups()?;
        if self.json {
            return out.json(&groups);
        }
        let rows: Vec<Vec<String>> = groups
            .iter()
            .map(|g| {
                let reach = g.reach();
                vec![
                    g.id.to_string(),
                    g.name.clone(),
                    g.platform.clone().unwrap_or_default(),
                    reach.total().to_string(),
                    format!("{} of {}", reach.contact, reach.total()),
                    reach.handle.to_string(),
                    g.messages.to_string(),
                ]
            })
            .collect();
        out.table(&["ID", "GROUP", "FROM", "MEMBERS", "REACHABLE", "BY HANDLE", "MESSAGES"], &rows)
    }
}

/// Who in a group can be reached without the messenger, and who cannot.
#[derive(clap::Args)]
pub struct Roster {
    /// Group name or id.
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

fn print_roster(out: &mut Out, vault: &lifeboat::vault::Vault, g: &GroupView) -> Result<()> {
    let current: Vec<_> = g.current().collect();
    let reach = g.reach();
    let (reachable, total) = (reach.contact, reach.total());
    out.line(format!("{}: {reachable} of {total} reachable without the messenger", g.name))?;
    out.line(format!("{}: {total}명 중 {reachable}명은 메신저 없이 연락할 수 있습니다.", g.name))?;
    if reach.handle > 0 {
        out.line(format!(
            "{} more reachable by handle only (Instagram, Telegram, LINE, Discord).\n{}명은 핸들(인스타그램, 텔레그램, 라인, 디스코드)로만 연락할 수 있습니다.",
            reach.handle, reach.handle
        ))?;
    }
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
                "by handle only / 핸들로만: {}",
                m.handles.iter().map(|h| format!("{} {}", h.service, h.value)).collect::<Vec<_>>().join(", ")
            ),
            Reachability::Name => match &m.asked_at {
                Some(at) => format!("asked {at}, no answer yet / 물어봤지만 아직 답이 없습니다"),
                None => "NOT REACHABLE: ask now (`lifeboat ask`) / 연락처를 물어보세요".to_owned(),
            },
        };
        let how = match (&m.asked_at, m.reachability) {
            (Some(_), Reachability::Contact | Reachability::Handle) => format!("{how}  (answered / 답함)"),
            _ => how,
        };
        rows.push(vec![m.name.clone(), m.messages.to_string(), how]);
    }
    out.table(&["MEMBER", "MESSAGES", "HOW TO REACH"], &rows)?;
    let left: Vec<_> = g.members.iter().filter(|m| m.left).map(|m| m.name.clone()).collect();
    if !left.is_empty() {
        out.line(format!("\nLeft the group / 나간 사람: {}", left.join(", ")))?;
    }
    Ok(())
}
