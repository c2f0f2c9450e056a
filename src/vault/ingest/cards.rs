//! Contact cards shared in a chat: WhatsApp zips carry them as `.vcf` files
//! beside `_chat.txt`, named by the message that attached them
//! (`‎<attached: 00000004-Name.vcf>`, `Name.vcf (file attached)`). Each card
//! becomes contact data whose provenance is the room, the sender and the time.

use super::{VaultSink, stamp};
use crate::import::{self, ImportError, Input, Source};
use crate::model::ChatMessage;

/// Most cards read from one export: bounds the work a hostile zip can cause.
const MAX_CARDS: usize = 1000;

/// A card a message attached, waiting for the zip to be read.
pub(super) struct Card {
    file: String,
    sender: String,
    at: String,
    line: u32,
}

/// Where an attached card's numbers and e-mails were shared.
pub(super) struct Shared {
    pub grp_id: i64,
    pub sender: String,
    pub at: String,
    pub line: u32,
}

/// The `.vcf` file a message attached, if it attached one.
pub(super) fn attached_card(text: &str) -> Option<&str> {
    let bare = text.trim_start_matches(['\u{200e}', ' ']);
    let name = match bare.strip_prefix("<attached: ") {
        Some(rest) => rest.split('>').next()?,
        None => {
            // Every message passes here: look only at its dots, and copy nothing.
            let bytes = bare.as_bytes();
            let dot = memchr::memchr_iter(b'.', bytes)
                .find(|&i| bytes.get(i..i + 6).is_some_and(|w| w.eq_ignore_ascii_case(b".vcf (")))?;
            bare.get(..dot + 4)?
        }
    };
    let name = name.trim();
    (name.to_ascii_lowercase().ends_with(".vcf") && !name.contains('/')).then_some(name)
}

impl VaultSink<'_, '_> {
    pub(super) fn note_card(&mut self, m: &ChatMessage) {
        if self.cards.len() >= MAX_CARDS {
            return;
        }
        if let Some(file) = attached_card(&m.text) {
            self.cards.push(Card {
                file: file.to_owned(),
                sender: m.sender.name.clone(),
                at: stamp(m.at),
                line: m.line,
            });
        }
    }

    /// Read the attached cards from the export and store them as contacts.
    pub(super) fn store_cards(&mut self, source: &Source) -> Result<(), ImportError> {
        if self.cards.is_empty() {
            return Ok(());
        }
        self.settle().map_err(|e| self.store(e))?;
        let Some(grp_id) = self.room.as_ref().and_then(|r| r.grp_id) else { return Ok(()) };
        let Some(vcard) = import::by_id("vcard") else { return Ok(()) };
        for card in std::mem::take(&mut self.cards) {
            let Some(text) = source.attachment(&card.file)? else { continue };
            let mut input = Input::from_text(&format!("{}!{}", source.display_name(), card.file), &text);
            let mut parsed = import::Collected::default();
            // A damaged card is skipped: the chat itself was read.
            if vcard.read(&mut input, &mut parsed).is_err() {
                continue;
            }
            self.shared =
                Some(Shared { grp_id, sender: crate::text::nfc(&card.sender), at: card.at.clone(), line: card.line });
            for contact in parsed.contacts {
                let stored = self.store_contact(contact);
                if let Err(e) = stored {
                    self.shared = None;
                    return Err(self.store(e));
                }
            }
            self.shared = None;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::attached_card;

    #[test]
    fn finds_the_card_a_message_attached() {
        assert_eq!(attached_card("\u{200e}<attached: 00000004-김민수.vcf>"), Some("00000004-김민수.vcf"));
        assert_eq!(attached_card("Kim Minsu.vcf (file attached)"), Some("Kim Minsu.vcf"));
        assert_eq!(attached_card("<attached: 00000012-PHOTO-2021-07-20.jpg>"), None);
        assert_eq!(attached_card("내 연락처는 vcf 파일로 보낼게요"), None);
    }
}
