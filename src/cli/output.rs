//! Terminal output: readable tables that line up Hangul, and JSON.

use std::io::{self, BufWriter, Stdout, Write};

use lifeboat::i18n::Args;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::Speak;

/// Widest a table cell gets before it is cut with `…`.
const MAX_CELL: usize = 40;

/// What an import or restore batch added, for [`Out::batch_summary`].
pub struct BatchSummary {
    /// `import` or `restore`.
    pub kind: &'static str,
    pub dry_run: bool,
    pub batch_id: Option<i64>,
    pub people: u64,
    pub phones: u64,
    pub emails: u64,
    pub groups: u64,
    pub members: u64,
    pub messages: u64,
    /// Records that matched people already in the vault.
    pub known: u64,
    /// Why nothing was added, when nothing was: a `cli_` message id.
    pub nothing_new: &'static str,
}

/// Buffered standard output, in the language the run speaks.
pub struct Out {
    inner: BufWriter<Stdout>,
    speak: Speak,
}

impl Out {
    pub fn stdout() -> Out {
        Out { inner: BufWriter::new(io::stdout()), speak: Speak::from_env() }
    }

    /// The language of this run, for words that are not whole lines of it.
    pub fn speak(&self) -> Speak {
        self.speak
    }

    /// The message `id` of the .ftl files, as one line (one per language).
    pub fn say(&mut self, id: &str, args: Args) -> anyhow::Result<()> {
        let text = self.speak.text(id, args);
        self.line(text)
    }

    pub fn json<T: Serialize>(&mut self, value: &T) -> anyhow::Result<()> {
        serde_json::to_writer_pretty(&mut self.inner, value).map_err(io::Error::from)?;
        writeln!(self.inner)?;
        Ok(())
    }

    /// A table: a header row (the message ids of its column names), then
    /// rows, columns padded to their widest cell (Hangul counts two columns).
    pub fn table(&mut self, columns: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
        let header: Vec<String> = columns.iter().map(|id| self.speak.word(id)).collect();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
        for row in rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(cell.width().min(MAX_CELL));
            }
        }
        let line = |cells: Vec<&str>| -> String {
            let mut s = String::new();
            for (i, cell) in cells.iter().enumerate() {
                // The last column may run long: nothing follows it to misalign.
                let last = i + 1 == cells.len();
                let cell = if last { (*cell).to_owned() } else { clip(cell, MAX_CELL) };
                s.push_str(&cell);
                if !last {
                    s.push_str(&" ".repeat(widths[i].saturating_sub(cell.width()) + 2));
                }
            }
            s.trim_end().to_owned()
        };
        writeln!(self.inner, "{}", line(header.to_vec()))?;
        for row in rows {
            writeln!(self.inner, "{}", line(row.iter().map(String::as_str).collect()))?;
        }
        Ok(())
    }

    /// The closing lines of an import or a restore: what it added (or would
    /// add, in a dry run), and how to undo it.
    pub fn batch_summary(&mut self, s: &BatchSummary) -> anyhow::Result<()> {
        let counts = lifeboat::args![
            dry_run => if s.dry_run { "yes" } else { "no" },
            people => s.people,
            phones => s.phones,
            emails => s.emails,
            groups => s.groups,
            members => s.members,
            messages => s.messages,
            known => s.known,
        ];
        self.say("cli_batch_added", counts)?;
        match s.batch_id {
            Some(id) => self.say("cli_batch_undo", lifeboat::args![kind => s.kind, id => id]),
            None if s.dry_run => self.say("cli_batch_dry_run", Vec::new()),
            None => self.say(s.nothing_new, Vec::new()),
        }
    }

    pub fn line(&mut self, text: impl AsRef<str>) -> anyhow::Result<()> {
        writeln!(self.inner, "{}", text.as_ref())?;
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        let _ = self.inner.flush();
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + 2 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
