//! Redacting a line-based dialect (KakaoTalk text, WhatsApp, LINE): each line
//! where a message starts keeps its prefix (date, brackets, separators) with
//! the sender's pseudonym and the text's shape; continuation lines become
//! their shape; every other line (headers, dates, join and leave lines) keeps
//! its structure with names, numbers and e-mails replaced.

use std::collections::HashMap;
use std::io::{BufRead, Write};

use super::{Pseudonyms, write_error};
use crate::import::{Collected, ImportError, Input};
use crate::model::ChatMessage;
use crate::text::nfc;

pub(super) fn rewrite(
    input: &mut Input,
    records: &Collected,
    names: &mut Pseudonyms,
    out: &mut impl Write,
) -> Result<(), ImportError> {
    let starts: HashMap<u32, &ChatMessage> = records.messages.iter().map(|m| (m.line, m)).collect();
    let max = input.max_line_bytes();
    let file = input.file().to_owned();
    // The message whose text continues, and the index of its next line of text.
    let mut continuing: Option<(&ChatMessage, usize)> = None;
    let mut number = 0u32;
    let mut raw = Vec::new();
    loop {
        raw.clear();
        let n = std::io::Read::take(input.reader(), max as u64 + 2)
            .read_until(b'\n', &mut raw)
            .map_err(|e| ImportError::Io { path: file.clone().into(), source: e })?;
        if n == 0 {
            break;
        }
        number += 1;
        let text = String::from_utf8_lossy(&raw);
        // The original line ending (LF, CRLF, or none) is kept: LINE tells
        // record ends from line breaks inside quotes by it.
        let body = text.trim_end_matches(['\r', '\n']);
        let ending = &text[body.len()..];
        let body = nfc(body);
        let redacted = if let Some(m) = starts.get(&number) {
            let pieces = m.text.split('\n').count();
            continuing = (pieces > 1).then_some((*m, 1));
            start_line(&body, m, names)
        } else if let Some((m, k)) = continuing {
            let piece = m.text.split('\n').nth(k).unwrap_or("");
            continuing = (k + 1 < m.text.split('\n').count()).then_some((m, k + 1));
            replace_piece(&body, piece, names)
        } else {
            names.structural(&body)
        };
        out.write_all(redacted.as_bytes()).and_then(|()| out.write_all(ending.as_bytes())).map_err(write_error)?;
    }
    Ok(())
}

/// The line a message starts on: prefix kept, sender renamed, text shaped.
fn start_line(line: &str, m: &ChatMessage, names: &mut Pseudonyms) -> String {
    let sender = nfc(&m.sender.name);
    let Some(at) = line.find(sender.as_str()).filter(|_| !sender.is_empty()) else {
        return names.structural(line);
    };
    let pseudonym = names.name(&sender).unwrap_or(&sender).to_owned();
    let rest = &line[at + sender.len()..];
    let first = m.text.split('\n').next().unwrap_or("");
    format!("{}{pseudonym}{}", &line[..at], replace_piece(rest, first, names))
}

/// `line` with the message text `piece` in it replaced by its shape; the whole
/// line shaped when the piece is not found as written (normalized by the importer).
fn replace_piece(line: &str, piece: &str, names: &mut Pseudonyms) -> String {
    let piece = piece.trim();
    if piece.is_empty() {
        return names.structural(line);
    }
    match line.rfind(piece) {
        Some(at) => format!("{}{}{}", &line[..at], names.shape(piece), &line[at + piece.len()..]),
        None => names.shape(line),
    }
}
