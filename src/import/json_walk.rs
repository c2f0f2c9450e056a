//! The sink a streaming JSON importer hands records to from inside serde's
//! visitors, and the first error it returned: serde only carries strings,
//! so the real error waits here while the parser unwinds.

use serde::de;

use super::{ImportError, Sink};

pub(super) struct Walk<'s> {
    pub sink: &'s mut dyn Sink,
    pub failure: Option<ImportError>,
}

impl<'s> Walk<'s> {
    pub fn new(sink: &'s mut dyn Sink) -> Walk<'s> {
        Walk { sink, failure: None }
    }

    /// Hand something to the sink; its error stops the parser.
    pub fn send<E: de::Error>(&mut self, give: impl FnOnce(&mut dyn Sink) -> Result<(), ImportError>) -> Result<(), E> {
        give(&mut *self.sink).map_err(|e| {
            let message = e.to_string();
            self.failure.get_or_insert(e);
            E::custom(message)
        })
    }
}
