//! vCard files (`.vcf`) as phones and apps really write them: Android's 2.1
//! with QUOTED-PRINTABLE Korean names, iPhone's 3.0 with `item1.` groups and
//! X-ABLabel labels, Gmail and Outlook exports, RFC 6350's 4.0.
//!
//! Reading is streamed card by card: [`prepass`] turns each card's lines into
//! decoded properties, [`record`] runs them through the `vcard4` crate and
//! makes the [`ContactRecord`](crate::model::ContactRecord). Addresses, photos
//! and URLs are skipped: Lifeboat keeps what reaches a person. A file cut
//! short inside a card is refused whole.

mod prepass;
mod record;

pub(crate) use record::parse_loose;
pub use record::quiet_caught_dependency_panic;

use super::contact::keep_valid;
use super::{ImportError, Importer, Input, Probe, Sink};
use crate::args;
use crate::i18n::{Arg, Said};
use crate::import::Reason;
use prepass::Card;

/// Most text one card may hold, photos aside: a card is a few hundred bytes,
/// so a larger one is not an address book and must not fill memory.
const MAX_CARD_BYTES: usize = 4 << 20;

/// The `vcard` importer.
pub struct VcardImporter;

fn is_keyword(line: &str, keyword: &str) -> bool {
    line.trim().eq_ignore_ascii_case(keyword)
}

impl Importer for VcardImporter {
    fn id(&self) -> &'static str {
        "vcard"
    }

    fn sniff(&self, probe: &Probe) -> bool {
        let head = probe.head.trim_start();
        head.get(..11).is_some_and(|h| h.eq_ignore_ascii_case("BEGIN:VCARD"))
    }

    fn read(&self, input: &mut Input, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let mut card: Option<Card> = None;
        while let Some(line) = input.next_line()? {
            let line_no = input.line_number();
            if is_keyword(&line, "BEGIN:VCARD") {
                if let Some(open) = card {
                    return Err(input.malformed(
                        open.begin,
                        Reason::said("reason_card_not_closed_before_next", args![begin => open.begin, line => line_no]),
                    ));
                }
                card = Some(Card::new(line_no));
            } else if is_keyword(&line, "END:VCARD") {
                match card.take() {
                    Some(done) => {
                        for prop in done.props.iter().filter(|p| record::is_kept(&p.name)) {
                            if let Some(why) = prop.undecodable() {
                                let why = Arg::from(why);
                                let kept = Said::new(
                                    "undecodable_property",
                                    vec![("property", prop.name.as_str().into()), ("why", why)],
                                );
                                sink.kept_as_written(prop.line, kept);
                            }
                        }
                        let mut contact = record::record(done.begin, &done.props);
                        keep_valid(&mut contact, sink);
                        sink.contact(contact)?;
                    }
                    None => sink.unparsed(line_no, &line),
                }
            } else if let Some(open) = card.as_mut() {
                if !open.push_line(line_no, &line) {
                    sink.unparsed(line_no, &line);
                }
                if open.kept_bytes > MAX_CARD_BYTES {
                    return Err(input.malformed(
                        open.begin,
                        Reason::said("reason_card_too_big", args![begin => open.begin, limit => MAX_CARD_BYTES]),
                    ));
                }
            } else if !line.trim().is_empty() {
                sink.unparsed(line_no, &line);
            }
        }
        match card {
            Some(open) => {
                Err(input.malformed(open.begin, Reason::said("reason_card_not_closed", args![begin => open.begin])))
            }
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
