//! What a restore would change, per person, before anything is written:
//! who signed the backup, new people, new numbers and e-mails on people you
//! have, conflicts with what you confirmed, and groups whose signer changed.

use anyhow::Result;
use lifeboat::vault::RestoreReport;

use super::Out;

pub fn print_restore(out: &mut Out, r: &RestoreReport) -> Result<()> {
    let signer = r.signer.describe();
    if r.signer.own {
        out.line(format!(
            "Signed by this vault: your own backup, restored as it was. / 이 보관함이 서명한 내 백업입니다. ({signer})"
        ))?;
    } else {
        out.line(format!(
            "Made by someone else: {signer}. Everything in it comes in as their claim (candidates), never as yours."
        ))?;
        out.line(
            "다른 사람이 만든 백업입니다. 모든 번호와 이메일은 후보로 들어오며, 내가 확인한 것을 바꾸지 않습니다.",
        )?;
    }
    for c in &r.signer_changes {
        out.line(format!(
            "WARNING {}: signed by a different key than last time (was {}). / 경고: 지난번과 다른 키로 서명되었습니다.",
            c.group,
            c.before.describe()
        ))?;
    }
    if r.needs_acceptance {
        out.line("Check the fingerprint with the sender on the phone; if it matches, restore with --accept-new-signer. / 보낸 사람과 지문을 확인한 뒤 --accept-new-signer로 복원하세요.")?;
    }
    for p in &r.people {
        let who = match (&p.existing_name, p.new_person) {
            (Some(existing), _) => format!("{} → your {existing}", p.name),
            (None, true) => format!("{} (new person / 새 사람)", p.name),
            (None, false) => p.name.clone(),
        };
        out.line(format!("  {who}"))?;
        for v in p.new_phones.iter().chain(&p.new_emails) {
            out.line(format!("      + {v}"))?;
        }
        for c in &p.conflicts {
            out.line(format!(
                "      ! {} differs from what you confirmed ({}): kept as a candidate, yours stays first / 확인한 번호와 다릅니다",
                c.value,
                c.yours.join(", ")
            ))?;
        }
        if let Some(m) = &p.suggested_merge {
            out.line(format!("      ? may be your {} (id {}): {} — merge yourself if so", m.name, m.id, m.reason))?;
        }
        for g in &p.left {
            out.line(format!("      - left {g} / {g}에서 나감"))?;
        }
    }
    if r.messages_left_out > 0 {
        out.line(format!(
            "{} messages of this backup are not added: messages are only restored from your own backups. / 다른 사람 백업의 메시지는 가져오지 않습니다.",
            r.messages_left_out
        ))?;
    }
    Ok(())
}
