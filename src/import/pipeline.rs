//! Parsing on one core while the vault stores on the other.
//!
//! The importer runs on a second thread and hands its records, a few thousand
//! at a time, through a short channel to the sink on the calling thread (the
//! transaction cannot leave it). The parsing side also does the work that
//! needs no vault: NFC of texts and names, finding the numbers and
//! e-mails a message holds, and the E.164 form of a contact's numbers. A
//! few batches in flight keep memory flat; when the store stops (an error,
//! or Cancel) the channel closes and the parser stops at its next batch.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::fingerprint::Fingerprints;
use super::{ImportError, Importer, Input, Sink, read_bounded};
use crate::extract;
use crate::load::{Prepared, PreparedContact, Record};
use crate::model::{ChatEvent, ChatMessage, ContactRecord, MessageKind, RoomInfo, Speaker};
use crate::phone::{self, Region};
use crate::text::nfc;

const BATCH: usize = 4096;
const IN_FLIGHT: usize = 4;
/// Of an unreadable line, what reports show.
const UNPARSED_CHARS: usize = 120;

/// Read `input` with `importer` on a second thread, giving every record to `sink` here.
/// `take` is the store's side: it returns the store's own error type, which
/// the parser's errors convert into.
pub(super) fn read_in_parallel<E: From<ImportError>>(
    importer: &dyn Importer,
    input: &mut Input,
    region: Region,
    mut take: impl FnMut(&mut Record) -> Result<(), E>,
) -> Result<(), E> {
    std::thread::scope(|scope| {
        let (out, batches) = sync_channel::<Vec<Record>>(IN_FLIGHT);
        let (give_back, spent) = sync_channel::<Vec<Record>>(IN_FLIGHT);
        let parser = std::thread::Builder::new()
            .name("lifeboat-parse".into())
            .spawn_scoped(scope, move || {
                let mut parsed = Parsed {
                    out,
                    spent,
                    batch: Vec::with_capacity(BATCH),
                    region,
                    fingerprints: Fingerprints::default(),
                };
                read_bounded(importer, input, &mut parsed)?;
                parsed.send()
            })
            .map_err(|source| E::from(ImportError::Thread { source }))?;
        let mut stored = Ok(());
        'batches: for mut batch in batches.iter() {
            for record in &mut batch {
                stored = take(record);
                if stored.is_err() {
                    break 'batches;
                }
            }
            // Full only when the parser is done: then this thread frees it.
            let _ = give_back.try_send(batch);
        }
        // Closing the channel stops the parser if the store stopped first.
        drop(batches);
        let read = match parser.join() {
            Ok(read) => read,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        // The store's error explains a parser that was stopped; else the parser's own.
        stored.and(read.map_err(E::from))
    })
}

struct Parsed {
    out: SyncSender<Vec<Record>>,
    /// Batches the store is done with, to free here.
    spent: Receiver<Vec<Record>>,
    batch: Vec<Record>,
    region: Region,
    fingerprints: Fingerprints,
}

impl Parsed {
    fn push(&mut self, record: Record) -> Result<(), ImportError> {
        self.batch.push(record);
        if self.batch.len() >= BATCH {
            self.send()?;
        }
        Ok(())
    }

    /// A note about the file rather than a record of it: never refused here;
    /// a closed channel shows at the next record.
    fn note(&mut self, record: Record) {
        self.batch.push(record);
        if self.batch.len() >= BATCH {
            let _ = self.send();
        }
    }

    fn send(&mut self) -> Result<(), ImportError> {
        if self.batch.is_empty() {
            return Ok(());
        }
        // Reuse a spent batch's vector; its records are freed here.
        let mut next = self.spent.try_recv().unwrap_or_else(|_| Vec::with_capacity(BATCH));
        next.clear();
        let batch = std::mem::replace(&mut self.batch, next);
        // The store has stopped and says why; the parser just stops.
        self.out.send(batch).map_err(|_| ImportError::Cancelled)
    }
}

fn normalize(speaker: &mut Speaker) {
    speaker.name = nfc(&speaker.name);
}

impl Sink for Parsed {
    fn contact(&mut self, mut contact: ContactRecord) -> Result<(), ImportError> {
        if let Some(shared) = &mut contact.shared {
            shared.sender = nfc(&shared.sender);
        }
        // Normalizing is the costly part of a contact: here, while the store writes.
        let e164s = contact.phones.iter().map(|p| phone::to_e164(&p.raw, self.region)).collect();
        let addresses = contact.emails.iter().map(|e| nfc(&e.address).to_lowercase()).collect();
        self.push(Record::Contact(Box::new(PreparedContact { contact, e164s, addresses })))
    }
    fn room(&mut self, room: RoomInfo) -> Result<(), ImportError> {
        self.fingerprints = Fingerprints::default();
        self.push(Record::Room(room))
    }
    fn message(&mut self, mut message: ChatMessage) -> Result<(), ImportError> {
        message.text = nfc(&message.text);
        normalize(&mut message.sender);
        let found = match message.kind {
            MessageKind::Text => extract::find(&message.text, self.region),
            MessageKind::Media | MessageKind::Deleted => Vec::new(),
        };
        let fp = self.fingerprints.next(message.at, &message.text);
        self.push(Record::Message(message, Prepared { found, fp }))
    }
    fn event(&mut self, mut event: ChatEvent) -> Result<(), ImportError> {
        event.actor.iter_mut().chain(event.subjects.iter_mut()).for_each(normalize);
        self.push(Record::Event(event))
    }
    fn unparsed(&mut self, line: u32, text: &str) {
        self.note(Record::Unparsed(line, text.chars().take(UNPARSED_CHARS).collect()));
    }
    fn kept_as_written(&mut self, line: u32, why: crate::i18n::Said) {
        self.note(Record::KeptAsWritten(line, why));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::by_id;

    /// Keeps records until `fail_at`, then refuses.
    struct Store {
        messages: Vec<(ChatMessage, Prepared)>,
        fail_at: usize,
    }

    #[derive(Debug)]
    enum StoreError {
        DiskFull,
        Read(ImportError),
    }

    impl From<ImportError> for StoreError {
        fn from(e: ImportError) -> StoreError {
            StoreError::Read(e)
        }
    }

    impl Store {
        fn take(&mut self, record: &mut Record) -> Result<(), StoreError> {
            if self.messages.len() >= self.fail_at {
                return Err(StoreError::DiskFull);
            }
            if let Record::Message(m, prepared) = record {
                self.messages.push((m.clone(), prepared.clone()));
            }
            Ok(())
        }
    }

    fn chat(messages: usize) -> Input {
        let mut text = String::from("캡스톤 3조 님과 카카오톡 대화\n저장한 날짜 : 2022-10-16 14:05:32\n\n");
        text.push_str("--------------- 2022년 10월 15일 토요일 ---------------\n");
        for i in 0..messages {
            text.push_str(&format!("[김민수] [오후 2:02] 제 번호 010-1234-{:04} 입니다\n", i % 10_000));
        }
        Input::from_text("KakaoTalk_Chat_캡스톤.txt", &text)
    }

    #[test]
    fn every_record_arrives_in_order_normalized_with_its_values() {
        let mut store = Store { messages: Vec::new(), fail_at: usize::MAX };
        read_in_parallel(by_id("kakao").unwrap(), &mut chat(5000), Region::default(), |r| store.take(r)).unwrap();
        assert_eq!(store.messages.len(), 5000);
        let mut fps = std::collections::HashSet::new();
        for (i, (m, prepared)) in store.messages.iter().enumerate() {
            assert_eq!(m.text, format!("제 번호 010-1234-{:04} 입니다", i % 10_000));
            assert_eq!(prepared.found.len(), 1);
            assert!(fps.insert(prepared.fp), "fingerprints of one minute's messages differ");
        }
    }

    #[test]
    fn a_store_error_stops_the_parser_and_is_the_error_reported_whole() {
        let mut store = Store { messages: Vec::new(), fail_at: 3000 };
        let err = read_in_parallel(by_id("kakao").unwrap(), &mut chat(50_000), Region::default(), |r| store.take(r))
            .unwrap_err();
        assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    }

    #[test]
    fn a_parser_error_is_reported() {
        let mut store = Store { messages: Vec::new(), fail_at: usize::MAX };
        let mut input = Input::from_text("result.json", "{\"name\": ");
        let err = read_in_parallel(by_id("telegram-json").unwrap(), &mut input, Region::default(), |r| store.take(r))
            .unwrap_err();
        assert!(matches!(&err, StoreError::Read(e) if e.to_string().contains("result.json")), "{err:?}");
    }
}
