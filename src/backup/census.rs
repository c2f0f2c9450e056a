//! A first pass over `lifeboat.json` that builds nothing: it counts the
//! records, checks every text against the length limit and adds up what the
//! parsed file would cost in memory, so a small hostile file (millions of
//! tiny objects, one huge string) is refused before anything is allocated.
//! Every pass reads the file through [`Strings`], so not even the parser's
//! buffer holds a string much longer than the limit.

use crate::i18n::Said;
use std::fmt;
use std::io::{self, Read};

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::BackupError;
use crate::import::json_strings::StringBound;

/// The longest text any field may hold, in bytes.
pub const MAX_TEXT: usize = 64 * 1024;
/// The most records of each kind (people, groups, messages) a backup may hold.
pub const MAX_RECORDS: [(&str, usize); 3] = [("people", 1_000_000), ("groups", 100_000), ("messages", 20_000_000)];
/// What one JSON object may cost parsed: at least the largest record type.
pub const OBJECT_COST: u64 = 256;
/// What a string costs beside its bytes.
const STRING_COST: u64 = 24;

/// Why a census stopped, beside serde's own syntax errors.
enum Stop {
    LongText,
    TooMany(&'static str, usize),
    OverBudget,
}

struct Tally {
    cost: u64,
    budget: u64,
    records: [usize; 3],
    stop: Option<Stop>,
}

impl Tally {
    fn spend<E: de::Error>(&mut self, cost: u64) -> Result<(), E> {
        self.cost += cost;
        if self.cost > self.budget {
            return Err(self.halt(Stop::OverBudget));
        }
        Ok(())
    }

    fn halt<E: de::Error>(&mut self, stop: Stop) -> E {
        self.stop = Some(stop);
        E::custom("census stopped")
    }
}

/// The longest string as written: escapes count as written, and none
/// writes one byte of text in more than six (`\u0000`).
const MAX_WRITTEN_TEXT: usize = 6 * MAX_TEXT;

/// `lifeboat.json` as a parser reads it: stopped at a string longer than any
/// text may be, before the parser gathers it, and at the first failed read,
/// each kept as the error to report in place of the parser's.
pub struct Strings<R> {
    inner: R,
    bound: StringBound,
    failure: Option<BackupError>,
}

impl<R: Read> Strings<R> {
    pub fn new(inner: R) -> Strings<R> {
        Strings { inner, bound: StringBound::new(MAX_WRITTEN_TEXT), failure: None }
    }

    /// Why reading `name` stopped, when it did not end well.
    pub fn finish(&mut self, name: &str) -> Result<(), BackupError> {
        match self.failure.take() {
            Some(BackupError::Damaged { reason }) => Err(BackupError::Damaged { reason: format!("{name}: {reason}") }),
            Some(other) => Err(other),
            None => Ok(()),
        }
    }

    pub fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: Read> Read for Strings<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf).inspect_err(|e| {
            self.failure.get_or_insert(BackupError::Damaged { reason: e.to_string() });
        })?;
        if let Err(line) = self.bound.scan(&buf[..n]) {
            self.failure = Some(long_text(Some(line)));
            return Err(io::Error::other("a text is too long"));
        }
        Ok(n)
    }
}

fn long_text(line: Option<u32>) -> BackupError {
    let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
    BackupError::invalid(format!("lifeboat.json has a text longer than {MAX_TEXT} bytes{at}"))
}

/// Walk the document; refuse it when a text is too long, a record kind too
/// numerous, or the parsed file would cost more than `budget` bytes.
pub fn check(json: impl Read, budget: u64) -> Result<(), BackupError> {
    let mut tally = Tally { cost: 0, budget, records: [0; 3], stop: None };
    let mut de = serde_json::Deserializer::from_reader(json);
    let walked = de.deserialize_any(Value { tally: &mut tally, records: None, root: true }).and_then(|()| de.end());
    match (tally.stop, walked) {
        (Some(Stop::LongText), _) => Err(long_text(None)),
        (Some(Stop::TooMany(what, max)), _) => {
            Err(BackupError::invalid(format!("lifeboat.json holds more than {max} {what}, more than any vault could")))
        }
        (Some(Stop::OverBudget), _) => {
            Err(BackupError::TooLarge { what: Said::new("backup_what_json_parsed", Vec::new()), limit: budget })
        }
        (None, Err(e)) => Err(BackupError::invalid(format!("lifeboat.json: {e}"))),
        (None, Ok(())) => Ok(()),
    }
}

/// Any JSON value; `records` says which kind to count when it is a top-level
/// list, `root` that it is the document itself.
struct Value<'t> {
    tally: &'t mut Tally,
    records: Option<usize>,
    root: bool,
}

impl<'de> DeserializeSeed<'de> for Value<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Value<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        if s.len() > MAX_TEXT {
            return Err(self.tally.halt(Stop::LongText));
        }
        self.tally.spend(STRING_COST + s.len() as u64)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let tally = self.tally;
        while seq.next_element_seed(Value { tally: &mut *tally, records: None, root: false })?.is_some() {
            if let Some(kind) = self.records {
                tally.records[kind] += 1;
                let (what, max) = MAX_RECORDS[kind];
                if tally.records[kind] > max {
                    return Err(tally.halt(Stop::TooMany(what, max)));
                }
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let tally = self.tally;
        tally.spend(OBJECT_COST)?;
        while let Some(kind) = map.next_key_seed(Key { tally: &mut *tally })? {
            // Only the document's own lists are records.
            let records = if self.root { kind } else { None };
            map.next_value_seed(Value { tally: &mut *tally, records, root: false })?;
        }
        Ok(())
    }
}

/// A key of an object: checked for length, and recognised when it names a record kind.
struct Key<'t> {
    tally: &'t mut Tally,
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = Option<usize>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<usize>, E> {
        if s.len() > MAX_TEXT {
            return Err(self.tally.halt(Stop::LongText));
        }
        self.tally.spend(s.len() as u64)?;
        Ok(MAX_RECORDS.iter().position(|(what, _)| *what == s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::format::{BackupPerson, BackupPhone, BackupSource};

    #[test]
    fn every_record_type_fits_in_one_object_cost() {
        for size in
            [size_of::<BackupPerson>(), size_of::<BackupPhone>(), size_of::<BackupSource>(), size_of::<String>()]
        {
            assert!(size as u64 <= OBJECT_COST, "{size}");
        }
    }

    #[test]
    fn counts_texts_records_and_cost() {
        assert!(check(&br#"{"people":[{"name":"a"}],"x":{"people":[1,2,3]}}"#[..], 10_000).is_ok());
        let long = format!(r#"{{"people":[{{"note":"{}"}}]}}"#, "a".repeat(MAX_TEXT + 1));
        assert!(matches!(check(long.as_bytes(), u64::MAX), Err(BackupError::Invalid { .. })));
        let tiny = format!(r#"{{"people":[{}{{}}]}}"#, "{},".repeat(1000));
        assert!(matches!(check(tiny.as_bytes(), 100 * OBJECT_COST), Err(BackupError::TooLarge { .. })));
        assert!(check(tiny.as_bytes(), 2000 * OBJECT_COST).is_ok());
        assert!(matches!(check(&b"{\"people\": ["[..], u64::MAX), Err(BackupError::Invalid { .. })));
    }
}
