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
        out.line(format!(
            "Merged {} ({}) into {} ({}); merge {}: reverse with `lifeboat unmerge {}`.",
            b.name, b.id, r.name, r.into, r.id, r.id
        ))?;
        out.line(format!("{}님을 {}님으로 합쳤습니다. 되돌리기: lifeboat unmerge {}", b.name, r.name, r.id))
    }
}
