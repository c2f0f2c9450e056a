//! `lifeboat not-same`.

use anyhow::Result;

use super::{Global, Out};

/// Say two people are different: `lifeboat suggest` never proposes them again,
/// even after re-imports. `lifeboat undo ID` forgets the decision.
#[derive(clap::Args)]
pub struct NotSame {
    /// An id, or a name, number or e-mail that matches one person.
    a: String,
    b: String,
}

impl NotSame {
    pub fn run(self, global: &Global, out: &mut Out) -> Result<()> {
        let mut vault = global.open()?;
        let a = vault.find_person(&self.a)?;
        let b = vault.find_person(&self.b)?;
        let id = vault.not_same(a.id, b.id)?;
        out.line(format!("Noted: {} ({}) and {} ({}) are different people (edit {id}).", a.name, a.id, b.name, b.id))?;
        out.line(format!("{}님과 {}님은 다른 사람으로 기억합니다.", a.name, b.name))
    }
}
