//! `lifeboat confirm`, `reject`, `assign` and `rename`: what the app does to
//! a number or a person, for scripts and tests too.

use anyhow::Result;
use lifeboat::args;
use lifeboat::i18n::Args;
use lifeboat::vault::{Decision, PersonView, Vault};

use super::{Global, Out};

#[derive(clap::Args)]
pub struct Confirm {
    person: String,
    value: String,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct Reject {
    person: String,
    value: String,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct Assign {
    person: String,
    value: String,
    #[arg(long, value_name = "PERSON")]
    to: String,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct Rename {
    person: String,
    name: String,
    #[arg(long)]
    json: bool,
}

impl Confirm {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        decide(global, out, &self.person, &self.value, Decision::Confirm, self.json)
    }
}

impl Reject {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        decide(global, out, &self.person, &self.value, Decision::Reject, self.json)
    }
}

fn decide(global: &Global, out: &mut Out, who: &str, value: &str, decision: Decision, json: bool) -> Result<()> {
    let mut vault = global.open()?;
    let person = vault.find_person(who)?;
    vault.decide_value(&person, value, decision)?;
    let id = match decision {
        Decision::Confirm => "cli_confirmed",
        Decision::Reject => "cli_rejected",
    };
    let said = args![value => value, name => person.name.as_str(), id => person.id];
    done(&vault, out, person.id, json, id, said)
}

impl Assign {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let from = vault.find_person(&self.person)?;
        let to = vault.find_person(&self.to)?;
        vault.give_value(&from, &self.value, to.id)?;
        let said = args![value => self.value.as_str(), name => to.name.as_str(), id => to.id];
        done(&vault, out, to.id, self.json, "cli_assigned", said)
    }
}

impl Rename {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let person = vault.find_person(&self.person)?;
        vault.rename_person(person.id, &self.name)?;
        let said = args![old => person.name.as_str(), id => person.id, name => self.name.as_str()];
        done(&vault, out, person.id, self.json, "cli_renamed", said)
    }
}

/// The person as they are now (`show --json`), or the message `said` of what changed.
fn done(vault: &Vault, out: &mut Out, id: i64, json: bool, message: &str, said: Args) -> Result<()> {
    if json {
        let person: PersonView = vault.person(id)?;
        return out.json(&person);
    }
    out.say(message, said)
}
