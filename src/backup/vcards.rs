//! `contacts.vcf` read as it streams out of the zip: each card is parsed on
//! its own and dropped, the cards are counted and the bytes hashed, so a
//! file of millions of tiny cards costs no more memory than one card.

use crate::i18n::Said;
use std::io::{BufRead, Read};

use sha2::{Digest, Sha256};

use super::BackupError;

/// The largest card, in bytes: a person with a long note and many numbers is far smaller.
pub const MAX_CARD: u64 = 1 << 20;

/// What `contacts.vcf` holds, as far as a backup check needs it.
#[derive(Debug, Default)]
pub struct Contacts {
    pub cards: usize,
    /// SHA-256 (hex) of the whole file.
    pub sha256: String,
}

/// Count and check the cards of `reader`, stopping past `max_cards`.
pub fn read(reader: impl Read, max_cards: usize) -> Result<Contacts, BackupError> {
    let invalid = |what: String| BackupError::invalid(format!("contacts.vcf {what}"));
    let mut reader = std::io::BufReader::new(reader);
    let mut hash = Sha256::new();
    let mut card: Vec<u8> = Vec::new();
    let mut line = Vec::new();
    let mut in_card = false;
    let mut cards = 0usize;
    loop {
        line.clear();
        // A line is read through a limit too: one endless line is not a way around MAX_CARD.
        let n = (&mut reader)
            .take(MAX_CARD + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| BackupError::Damaged { reason: format!("contacts.vcf: {e}") })?;
        if n == 0 {
            break;
        }
        hash.update(&line);
        let text = line.trim_ascii();
        if !in_card {
            if text.is_empty() {
                continue;
            }
            if !text.eq_ignore_ascii_case(b"BEGIN:VCARD") {
                return Err(invalid(format!("has text outside a card after card {cards}")));
            }
            in_card = true;
        }
        card.extend_from_slice(&line);
        if card.len() as u64 > MAX_CARD {
            return Err(BackupError::TooLarge {
                what: Said::new("backup_what_card", crate::args![n => cards + 1]),
                limit: MAX_CARD,
            });
        }
        if text.eq_ignore_ascii_case(b"END:VCARD") {
            cards += 1;
            if cards > max_cards {
                return Err(invalid(format!("holds more than {max_cards} cards")));
            }
            check_card(&card).map_err(|e| invalid(format!("does not parse: card {cards}: {e}")))?;
            card.clear();
            in_card = false;
        }
    }
    if in_card {
        return Err(invalid(format!("ends inside card {}", cards + 1)));
    }
    Ok(Contacts { cards, sha256: hex::encode(hash.finalize()) })
}

/// One card, from `BEGIN:VCARD` to `END:VCARD`, is one valid vCard.
fn check_card(card: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(card).map_err(|_| "not UTF-8".to_owned())?;
    match crate::import::parse_vcard_loose(text)?.len() {
        1 => Ok(()),
        n => Err(format!("{n} cards where one was expected")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARD: &str = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:김철수\r\nTEL:010-1234-5678\r\nEND:VCARD\r\n";

    #[test]
    fn counts_cards_and_hashes_the_file() {
        let file = format!("{CARD}{CARD}\r\n");
        let read = read(file.as_bytes(), 10).unwrap();
        assert_eq!(read.cards, 2);
        assert_eq!(read.sha256, hex::encode(Sha256::digest(file.as_bytes())));
        assert_eq!(super::read(&b""[..], 10).unwrap().cards, 0);
    }

    #[test]
    fn refuses_what_is_not_cards() {
        for bad in [
            "hello\r\n",
            "BEGIN:VCARD\r\nVERSION:4.0\r\n",
            "BEGIN:VCARD\r\nnonsense\r\nEND:VCARD\r\n",
            // A panic inside vcard4 once (fuzz/artifacts/backup_payload).
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:a\r\nTEL:+8210:1234\r\nEND:VCARD\r\n",
        ] {
            assert!(matches!(read(bad.as_bytes(), 10), Err(BackupError::Invalid { .. })), "{bad}");
        }
        assert!(matches!(read(CARD.repeat(3).as_bytes(), 2), Err(BackupError::Invalid { .. })));
        let huge = format!("BEGIN:VCARD\r\nNOTE:{}\r\nEND:VCARD\r\n", "a".repeat(MAX_CARD as usize));
        assert!(matches!(read(huge.as_bytes(), 10), Err(BackupError::TooLarge { .. })));
    }
}
