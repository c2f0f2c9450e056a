//! `lifeboat not-same`.

use anyhow::Result;

use super::{Global, Out};

#[derive(clap::Args)]
pub struct NotSame {
    a: String,
    b: String,
}

impl NotSame {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let a = vault.find_person(&self.a)?;
        let b = vault.find_person(&self.b)?;
        let id = vault.not_same(a.id, b.id)?;
        let noted = lifeboat::args![a => a.name.as_str(), a_id => a.id, b => b.name.as_str(), b_id => b.id, edit => id];
        out.say("cli_not_same", noted)
    }
}
