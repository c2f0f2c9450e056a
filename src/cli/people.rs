//! `lifeboat people`, `lifeboat show`, `lifeboat search`.

use anyhow::Result;
use lifeboat::model::Status;
use lifeboat::vault::{PersonView, ProvenanceView};

use super::{Global, Out, Speak};

#[derive(clap::Args)]
pub struct People {
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
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

#[derive(clap::Args)]
pub struct Show {
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
        let speak = out.speak();
        let (from, written) = (speak.word("cli_show_from"), speak.word("cli_show_written"));
        let me = if p.me { format!(" ({})", speak.word("cli_show_me")) } else { String::new() };
        out.line(format!("{}{me}  (id {})", p.name, p.id))?;
        if !p.aliases.is_empty() {
            out.line(format!("  {}: {}", speak.word("cli_show_aliases"), p.aliases.join(", ")))?;
        }
        if let Some(org) = &p.org {
            out.line(format!("  {}: {org}", speak.word("cli_show_org")))?;
        }
        for ph in &p.phones {
            let shown = &ph.shown;
            out.line(format!(
                "  {}  {shown}  {}  [{}]  {written} {:?}",
                speak.word("cli_show_phone"),
                ph.label.as_deref().unwrap_or(""),
                status(speak, ph.status, ph.conflict.then_some("cli_status_conflict")),
                ph.raw
            ))?;
            for s in &ph.sources {
                out.line(format!("         {from} {}", provenance(speak, s)))?;
            }
        }
        for e in &p.emails {
            out.line(format!(
                "  {} {}  {}  [{}]",
                speak.word("cli_show_email"),
                e.address,
                e.label.as_deref().unwrap_or(""),
                status(speak, e.status, e.conflict.then_some("cli_status_conflict"))
            ))?;
            for s in &e.sources {
                out.line(format!("         {from} {}", provenance(speak, s)))?;
            }
        }
        for h in &p.handles {
            out.line(format!(
                "  {} {}: {}  [{}]",
                speak.word("cli_show_handle"),
                h.service,
                h.value,
                status(speak, h.status, h.conflict.then_some("cli_status_conflict_handle"))
            ))?;
            for s in &h.sources {
                out.line(format!("         {from} {}", provenance(speak, s)))?;
            }
        }
        if !p.groups.is_empty() {
            out.line(format!("  {}: {}", speak.word("cli_show_groups"), p.groups.join(", ")))?;
        }
        Ok(())
    }
}

#[derive(clap::Args)]
pub struct Search {
    text: String,
    #[arg(long)]
    messages: bool,
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
            out.table(&["cli_col_when", "cli_col_group", "cli_col_who", "cli_col_message"], &rows)?;
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
    out.table(&["cli_col_id", "cli_col_name", "cli_col_phones", "cli_col_emails", "cli_col_groups"], &rows)
}

/// `confirmed`, `candidate`, or `candidate, conflicts with a number you
/// confirmed` (the words of `conflict`, when it is one).
fn status(speak: Speak, status: Status, conflict: Option<&str>) -> String {
    let word = speak.word(&format!("cli_status_{}", status.as_str()));
    match conflict {
        Some(conflict) => format!("{word}, {}", speak.word(conflict)),
        None => word,
    }
}

fn provenance(speak: Speak, s: &ProvenanceView) -> String {
    if let Some(claim) = &s.claim {
        return speak.said(&lifeboat::export::claim_said(claim, s.file.as_deref()));
    }
    match (&s.group, &s.shared_by) {
        (Some(g), Some(by)) => {
            let at = s.at.as_deref().unwrap_or("");
            match s.times > 1 {
                true => speak.cell(
                    "cli_source_shared_times",
                    lifeboat::args![by => by.as_str(), group => g.as_str(), times => s.times, at => at],
                ),
                false => {
                    speak.cell("cli_source_shared", lifeboat::args![by => by.as_str(), group => g.as_str(), at => at])
                }
            }
        }
        _ => format!("{}:{}", s.file.as_deref().unwrap_or("?"), s.line.unwrap_or(0)),
    }
}
