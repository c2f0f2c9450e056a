//! `lifeboat people`, `lifeboat show`, `lifeboat search`.

use anyhow::Result;
use lifeboat::model::Status;
use lifeboat::vault::{PersonView, ProvenanceView};

use super::{Global, Out};

/// List everyone in the vault, or the members of one group.
#[derive(clap::Args)]
pub struct People {
    /// Only the members of this group (name or id).
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    /// Print JSON (the format is documented in the README).
    #[arg(long)]
    json: bool,
}

impl People {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let people = vault.people(self.group.as_deref())?;
        if self.json {
            return out.json(&people);
        }
        people_table(out, &people)
    }
}

/// Show one person with every phone and e-mail and where each came from.
#[derive(clap::Args)]
pub struct Show {
    /// An id, or a name, number or e-mail that matches one person.
    person: String,
    #[arg(long)]
    json: bool,
}

impl Show {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        let p = vault.find_person(&self.person)?;
        if self.json {
            return out.json(&p);
        }
        out.line(format!("{}{}  (id {})", p.name, if p.me { " (me / 나)" } else { "" }, p.id))?;
        if !p.aliases.is_empty() {
            out.line(format!("  also known as: {}", p.aliases.join(", ")))?;
        }
        if let Some(org) = &p.org {
            out.line(format!("  org: {org}"))?;
        }
        for ph in &p.phones {
            let shown = &ph.shown;
            out.line(format!(
                "  phone  {shown}  {}  [{}]  written {:?}",
                ph.label.as_deref().unwrap_or(""),
                status(ph.status, ph.conflict),
                ph.raw
            ))?;
            for s in &ph.sources {
                out.line(format!("         from {}", provenance(s)))?;
            }
        }
        for e in &p.emails {
            out.line(format!(
                "  e-mail {}  {}  [{}]",
                e.address,
                e.label.as_deref().unwrap_or(""),
                status(e.status, e.conflict)
            ))?;
            for s in &e.sources {
                out.line(format!("         from {}", provenance(s)))?;
            }
        }
        for h in &p.handles {
            out.line(format!("  handle {}: {}", h.service, h.value))?;
        }
        if !p.groups.is_empty() {
            out.line(format!("  groups: {}", p.groups.join(", ")))?;
        }
        Ok(())
    }
}

/// Find people by any part of a name, Hangul initials (ㅎㄱㄷ), phone digits or e-mail;
/// with --messages, search chat history instead.
#[derive(clap::Args)]
pub struct Search {
    text: String,
    /// Search the text of chat messages.
    #[arg(long)]
    messages: bool,
    /// At most this many results.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

impl Search {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let vault = global.open()?;
        if self.messages {
            let found = vault.search_messages(&self.text, self.limit)?;
            if self.json {
                return out.json(&found.hits);
            }
            let rows: Vec<Vec<String>> = found
                .hits
                .iter()
                .map(|h| vec![h.at.clone(), h.group.clone(), h.sender.clone(), h.text.replace('\n', " ")])
                .collect();
            out.table(&["WHEN", "GROUP", "WHO", "MESSAGE"], &rows)?;
            return out.say("cli_message_hits", lifeboat::args![shown => rows.len(), total => found.total]);
        }
        let people = vault.search(&self.text, self.limit)?;
        if self.json {
            return out.json(&people);
        }
        if people.is_empty() {
            return out.say("cli_nobody_matches", lifeboat::args![text => self.text.as_str()]);
        }
        people_table(out, &people)
    }
}

fn people_table(out: &mut Out, people: &[PersonView]) -> Result<()> {
    let rows: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            vec![
                p.id.to_string(),
                p.name.clone(),
                p.phones.iter().map(|ph| ph.shown.clone()).collect::<Vec<_>>().join(", "),
                p.emails.iter().map(|e| e.address.clone()).collect::<Vec<_>>().join(", "),
                p.groups.join(", "),
            ]
        })
        .collect();
    out.table(&["ID", "NAME", "PHONES", "E-MAILS", "GROUPS"], &rows)
}

/// `confirmed`, `candidate`, or `candidate, conflicts with yours / 충돌`.
fn status(status: Status, conflict: bool) -> String {
    match conflict {
        true => format!("{}, conflicts with a number you confirmed / 확인한 번호와 다름", status.as_str()),
        false => status.as_str().to_owned(),
    }
}

fn provenance(s: &ProvenanceView) -> String {
    if let Some(claim) = &s.claim {
        return lifeboat::export::describe_claim(claim, s.file.as_deref().unwrap_or("?"));
    }
    match (&s.group, &s.shared_by) {
        (Some(g), Some(by)) if s.times > 1 => {
            format!("shared by {by} in {g} {} times, first {}", s.times, s.at.as_deref().unwrap_or(""))
        }
        (Some(g), Some(by)) => format!("shared by {by} in {g}, {}", s.at.as_deref().unwrap_or("")),
        _ => format!("{}:{}", s.file.as_deref().unwrap_or("?"), s.line.unwrap_or(0)),
    }
}
