//! `lifeboat merge`.

use anyhow::Result;

use super::{Global, Out};

#[derive(clap::Args)]
pub struct Merge {
    a: String,
    b: String,
}

impl Merge {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let a = vault.find_person(&self.a)?;
        let b = vault.find_person(&self.b)?;
        let r = vault.merge(a.id, b.id)?;
        let merged = lifeboat::args![
            from => b.name.as_str(),
            from_id => b.id,
            into => r.name.as_str(),
            into_id => r.into,
            id => r.id,
        ];
        out.say("cli_merged", merged)
    }
}
