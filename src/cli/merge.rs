//! `lifeboat merge`.

use anyhow::Result;

use super::{Global, Out};

/// Merge person B into person A: B's numbers, e-mails, handles, names and group
/// memberships become A's. Recorded as an edit: `lifeboat unmerge ID` reverses it,
/// and re-importing files never splits the two again.
#[derive(clap::Args)]
pub struct Merge {
    /// The person to keep: an id, or a name, number or e-mail that matches one person.
    a: String,
    /// The person merged into A.
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
