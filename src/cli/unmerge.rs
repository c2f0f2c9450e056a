//! `lifeboat unmerge`.

use anyhow::Result;

use super::{Global, Out};

#[derive(clap::Args)]
pub struct Unmerge {
    id: i64,
}

impl Unmerge {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        vault.unmerge(self.id)?;
        out.say("cli_unmerged", lifeboat::args![id => self.id])
    }
}
