//! What a restore would change, per person, before anything is written:
//! who signed the backup, new people, new numbers and e-mails on people you
//! have, conflicts with what you confirmed, and groups whose signer changed.

use anyhow::Result;
use lifeboat::args;
use lifeboat::vault::RestoreReport;

use super::{Out, Speak};

/// The report as `--json` prints it: each suggested merge's `why` (a message
/// and its arguments) also as `reason`, in the run's language (README, "JSON output").
pub fn restore_json(speak: Speak, r: &RestoreReport) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(r)?;
    for (p, shown) in r.people.iter().zip(value["people"].as_array_mut().into_iter().flatten()) {
        if let Some(m) = &p.suggested_merge {
            shown["suggested_merge"]["reason"] = speak.said(&m.why.said()).into();
        }
    }
    Ok(value)
}

pub fn print_restore(out: &mut Out, r: &RestoreReport) -> Result<()> {
    let id = if r.signer.own { "cli_restore_own" } else { "cli_restore_theirs" };
    out.say(id, args![signer => r.signer.said()])?;
    for c in &r.signer_changes {
        out.say("cli_restore_signer_changed", args![group => c.group.as_str(), before => c.before.said()])?;
    }
    if r.needs_acceptance {
        out.say("cli_restore_check_fingerprint", Vec::new())?;
    }
    let speak = out.speak();
    for p in &r.people {
        let who = match (&p.existing_name, p.new_person) {
            (Some(existing), _) => {
                speak.cell("cli_restore_yours", args![name => p.name.as_str(), existing => existing.as_str()])
            }
            (None, true) => format!("{} ({})", p.name, speak.word("cli_restore_new_person")),
            (None, false) => p.name.clone(),
        };
        out.line(format!("  {who}"))?;
        for v in p.new_phones.iter().chain(&p.new_emails).chain(&p.new_handles) {
            out.line(format!("      + {v}"))?;
        }
        for c in &p.conflicts {
            let said =
                speak.cell("cli_restore_conflict", args![value => c.value.as_str(), yours => c.yours.join(", ")]);
            out.line(format!("      {said}"))?;
        }
        if let Some(m) = &p.suggested_merge {
            let said =
                speak.cell("cli_restore_may_be", args![name => m.name.as_str(), id => m.id, reason => m.why.said()]);
            out.line(format!("      {said}"))?;
        }
        for g in &p.left {
            out.line(format!("      {}", speak.cell("cli_restore_left", args![group => g.as_str()])))?;
        }
    }
    if r.messages_left_out > 0 {
        out.say("cli_restore_messages_left_out", args![n => r.messages_left_out])?;
    }
    Ok(())
}
