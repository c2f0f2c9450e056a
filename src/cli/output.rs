//! Terminal output: readable tables that line up Hangul, and JSON.

use std::io::{self, BufWriter, Stdout, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

/// Widest a table cell gets before it is cut with `…`.
const MAX_CELL: usize = 40;

/// Buffered standard output.
pub struct Out {
    inner: BufWriter<Stdout>,
}

impl Out {
    pub fn stdout() -> Out {
        Out { inner: BufWriter::new(io::stdout()) }
    }

    pub fn json<T: Serialize>(&mut self, value: &T) -> anyhow::Result<()> {
        serde_json::to_writer_pretty(&mut self.inner, value).map_err(io::Error::from)?;
        writeln!(self.inner)?;
        Ok(())
    }

    /// A table: a header row, then rows, columns padded to their widest cell
    /// (Hangul counts two columns).
    pub fn table(&mut self, header: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
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
