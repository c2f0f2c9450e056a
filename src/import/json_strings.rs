//! The bound on one JSON string, checked on the raw bytes before the parser
//! sees them: serde_json gathers a string whole before handing it over, so a
//! file that is one 150 MB message text would otherwise cost that string
//! several times over (the parser's buffer as it doubles, then the copy).
//!
//! The scan follows only what a string is in JSON: a `"` outside a string
//! opens one, an unescaped `"` closes it, `\` escapes the next byte. Escapes
//! count as written, so the parser's buffer never exceeds the bound. JSON
//! strings hold no raw line break, so counting every `\n` gives the line.

use memchr::{memchr, memchr2};

/// Where the scan is, carried across reads.
#[derive(Debug)]
pub(crate) struct StringBound {
    max: usize,
    in_string: bool,
    escaped: bool,
    /// Bytes of the open string so far.
    run: usize,
    /// Line of the next byte, from 1.
    line: u32,
}

impl StringBound {
    pub fn new(max: usize) -> StringBound {
        StringBound { max, in_string: false, escaped: false, run: 0, line: 1 }
    }

    /// Scan the next bytes of the document; the line of a string longer
    /// than the bound as its error.
    pub fn scan(&mut self, mut bytes: &[u8]) -> Result<(), u32> {
        while !bytes.is_empty() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    self.run += 1;
                    bytes = &bytes[1..];
                    continue;
                }
                let end = memchr2(b'"', b'\\', bytes);
                let taken = end.unwrap_or(bytes.len());
                self.run += taken;
                if self.run > self.max {
                    return Err(self.line);
                }
                let Some(at) = end else { return Ok(()) };
                if bytes[at] == b'"' {
                    self.in_string = false;
                } else {
                    self.escaped = true;
                    self.run += 1;
                }
                bytes = &bytes[at + 1..];
            } else {
                let quote = memchr(b'"', bytes);
                let before = &bytes[..quote.unwrap_or(bytes.len())];
                self.line = self.line.saturating_add(memchr::memchr_iter(b'\n', before).count() as u32);
                let Some(at) = quote else { return Ok(()) };
                self.in_string = true;
                self.run = 0;
                bytes = &bytes[at + 1..];
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::StringBound;

    /// Scan `text` in pieces of `step` bytes.
    fn scan(text: &str, max: usize, step: usize) -> Result<(), u32> {
        let mut bound = StringBound::new(max);
        text.as_bytes().chunks(step).try_for_each(|piece| bound.scan(piece))
    }

    #[test]
    fn strings_up_to_the_bound_pass_however_the_bytes_arrive() {
        let text = "{\"a\": \"0123456789\",\n \"b\": [\"\\\"q\\\" \\\\\", \"가나다\"]}";
        for step in 1..text.len() {
            assert_eq!(scan(text, 10, step), Ok(()), "step {step}");
        }
    }

    #[test]
    fn a_longer_string_fails_with_its_line_however_the_bytes_arrive() {
        let text = "{\n\"ok\": \"short\",\n\n\"text\": \"01234567890\"}";
        for step in 1..text.len() {
            assert_eq!(scan(text, 10, step), Err(4), "step {step}");
        }
    }

    /// An escaped quote does not end the string; escapes count as written.
    #[test]
    fn escapes_neither_end_a_string_nor_hide_its_length() {
        assert_eq!(scan(r#"["\"\"\"\"\""]"#, 10, 3), Ok(()));
        assert_eq!(scan(r#"["\"\"\"\"\"\""]"#, 10, 3), Err(1));
        assert_eq!(scan(r#"["\\", "0123456789"]"#, 10, 2), Ok(()));
    }

    /// Long runs outside strings (numbers, space, nesting) are not strings.
    #[test]
    fn text_outside_strings_is_not_bounded() {
        let text = format!("[{}\"x\"{}]", " ".repeat(1000), "1,".repeat(1000));
        assert_eq!(scan(&text, 10, 7), Ok(()));
    }
}
