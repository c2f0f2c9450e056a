//! Contact cards shared in a chat: WhatsApp zips carry them as `.vcf` files
//! beside `_chat.txt`, named by the message that attached them
//! (`‎<attached: 00000004-Name.vcf>`, `Name.vcf (file attached)`). Once the
//! chat is read, each card becomes a contact shared in the room by the
//! sender, at the message's time.

use chrono::NaiveDateTime;

use crate::import::{Collected, ImportError, Importer, Input, Sink, vcard::VcardImporter};
use crate::model::{ChatMessage, SharedIn};

/// Most cards read from one export: bounds the work a hostile zip can cause.
const MAX_CARDS: usize = 1000;

/// A card a message attached, waiting for the chat to end.
struct Card {
    file: String,
    sender: String,
    at: NaiveDateTime,
    line: u32,
}

/// The cards a chat attached, in order.
#[derive(Default)]
pub(super) struct Cards(Vec<Card>);

impl Cards {
    pub(super) fn note(&mut self, m: &ChatMessage) {
        if self.0.len() >= MAX_CARDS {
            return;
        }
        if let Some(file) = attached_card(&m.text) {
            self.0.push(Card { file: file.to_owned(), sender: m.sender.name.clone(), at: m.at, line: m.line });
        }
    }

    /// Read each card from the zip the chat came in and hand its contacts on.
    /// A card that is missing or damaged is skipped: the chat itself was read.
    pub(super) fn send(self, input: &Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        for card in self.0 {
            let Some(text) = input.attachment(&card.file)? else { continue };
            let mut card_input = Input::from_text(&format!("{}!{}", input.file_name(), card.file), &text);
            let mut parsed = Collected::default();
            if VcardImporter.read(&mut card_input, &mut parsed).is_err() {
                continue;
            }
            for mut contact in parsed.contacts {
                contact.shared = Some(SharedIn { sender: card.sender.clone(), at: card.at, line: card.line });
                sink.contact(contact)?;
            }
        }
        Ok(())
    }
}

/// The `.vcf` file a message attached, if it attached one.
fn attached_card(text: &str) -> Option<&str> {
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
