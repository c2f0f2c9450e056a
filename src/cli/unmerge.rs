//! `lifeboat unmerge`.

use anyhow::Result;

use super::{Global, Out};

/// Reverse a merge: the merged person comes back with what was theirs.
#[derive(clap::Args)]
pub struct Unmerge {
    /// The merge id `lifeboat merge` printed (also listed by `lifeboat imports`, kind edit).
    id: i64,
}

impl Unmerge {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        vault.unmerge(self.id)?;
        out.say("cli_unmerged", lifeboat::args![id => self.id])
    }
}
