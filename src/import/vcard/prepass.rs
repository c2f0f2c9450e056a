//! The tolerant first reading of a vCard: physical lines into properties.
//!
//! Phones write vCards the RFCs do not allow (2.1 bare types, QUOTED-PRINTABLE
//! with soft line breaks and other charsets, base64 photos whose lines are not
//! folded) and a strict parser refuses them. This pass accepts all of it and
//! decodes every value to plain text, so the next step sees RFC 6350 shapes.

use encoding_rs::{EUC_KR, Encoding, UTF_8};

use crate::i18n::Said;

/// How a value is transfer-encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TransferEncoding {
    Plain,
    QuotedPrintable,
    Base64,
}

/// One property of a card, its value still as written (but unfolded).
#[derive(Debug, Clone)]
pub(super) struct Prop {
    /// The line the property begins on (0 for one parsed alone).
    pub line: u32,
    pub group: Option<String>,
    /// Upper-case (`TEL`, `X-ABLABEL`).
    pub name: String,
    /// Lower-case TYPE values, bare 2.1 types included (`cell`, `pref`).
    pub types: Vec<String>,
    /// Other parameters: upper-case key, value without quotes.
    pub params: Vec<(String, String)>,
    encoding: TransferEncoding,
    charset: Option<String>,
    raw: String,
    /// A QUOTED-PRINTABLE soft line break ended on an empty line: the value is complete.
    soft_break_closed: bool,
}

/// Properties whose values are binary (photos, keys): never kept, never decoded.
const BINARY: [&str; 4] = ["PHOTO", "LOGO", "SOUND", "KEY"];

impl Prop {
    /// Parse the first line of a property, or None when the line does not
    /// have a property's shape (`NAME[;params]:value`).
    pub fn parse(line: &str) -> Option<Prop> {
        let colon = find_unquoted(line, ':')?;
        let (head, value) = (&line[..colon], &line[colon + 1..]);
        let mut segments = split_unquoted(head, ';').into_iter();
        let full_name = segments.next()?.trim();
        let (group, name) = match full_name.split_once('.') {
            Some((g, n)) => (Some(g), n),
            None => (None, full_name),
        };
        let valid = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid(name) || !group.is_none_or(valid) {
            return None;
        }
        let mut prop = Prop {
            line: 0,
            group: group.map(str::to_owned),
            name: name.to_ascii_uppercase(),
            types: Vec::new(),
            params: Vec::new(),
            encoding: TransferEncoding::Plain,
            charset: None,
            raw: String::new(),
            soft_break_closed: false,
        };
        for segment in segments {
            prop.add_param(segment);
        }
        if !prop.is_binary() {
            prop.raw = value.to_owned();
        }
        Some(prop)
    }

    fn add_param(&mut self, segment: &str) {
        let (key, value) = match segment.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_uppercase(), v.trim().trim_matches('"')),
            // vCard 2.1 writes bare values: `TEL;CELL;PREF`, `;QUOTED-PRINTABLE`.
            None => (String::new(), segment.trim()),
        };
        let encoding = match value.to_ascii_uppercase().as_str() {
            "QUOTED-PRINTABLE" | "Q" => Some(TransferEncoding::QuotedPrintable),
            "BASE64" | "B" => Some(TransferEncoding::Base64),
            "8BIT" | "7BIT" => Some(TransferEncoding::Plain),
            _ => None,
        };
        match key.as_str() {
            "ENCODING" => self.encoding = encoding.unwrap_or(TransferEncoding::Plain),
            "" if encoding.is_some() => self.encoding = encoding.unwrap_or(TransferEncoding::Plain),
            "CHARSET" => self.charset = Some(value.to_owned()),
            "TYPE" | "" => {
                let types = value.split(',').map(|t| t.trim().to_lowercase()).filter(|t| !t.is_empty());
                self.types.extend(types);
            }
            "PREF" => self.types.push("pref".to_owned()),
            _ => self.params.push((key, value.to_owned())),
        }
    }

    /// Photos, keys and sounds: their data is skipped.
    pub fn is_binary(&self) -> bool {
        BINARY.contains(&self.name.as_str())
    }

    /// The value of a parameter (`X-SERVICE-TYPE`), by upper-case key.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// True while the value ends in a QUOTED-PRINTABLE soft line break, so the
    /// next physical line belongs to it whatever it looks like.
    pub fn awaits_soft_break(&self) -> bool {
        self.encoding == TransferEncoding::QuotedPrintable && !self.soft_break_closed && self.raw.ends_with('=')
    }

    /// Join the line after a soft line break.
    pub fn append_soft_break(&mut self, line: &str) {
        self.raw.pop();
        self.soft_break_closed = line.is_empty();
        self.append_folded(line);
    }

    /// Join a folded line (its leading white space already removed).
    pub fn append_folded(&mut self, rest: &str) {
        if !self.is_binary() {
            self.raw.push_str(rest);
        }
    }

    /// Lines of an encoded value that are neither folded nor soft-broken:
    /// unfolded base64 (2.1) and QUOTED-PRINTABLE text with raw line breaks.
    /// Plain values never take such lines.
    pub fn append_unfolded(&mut self, line: &str) -> bool {
        match self.encoding {
            TransferEncoding::Plain => false,
            TransferEncoding::Base64 => {
                self.append_folded(line);
                true
            }
            // A binary value keeps nothing: its lines are not counted
            // against the card's size, so they must not pile up here.
            TransferEncoding::QuotedPrintable if self.is_binary() => true,
            TransferEncoding::QuotedPrintable => {
                self.raw.push('\n');
                self.raw.push_str(line);
                true
            }
        }
    }

    /// The value decoded from its transfer encoding and charset, still
    /// escaped; as written when it cannot be decoded.
    fn decoded(&self) -> String {
        self.decoding().unwrap_or_else(|_| self.raw.clone())
    }

    /// Why the value cannot be decoded (broken quoted-printable, no base64,
    /// an unknown charset, bytes that are not text in it), if it cannot.
    pub fn undecodable(&self) -> Option<Said> {
        self.decoding().err()
    }

    fn decoding(&self) -> Result<String, Said> {
        let bytes = match self.encoding {
            TransferEncoding::Plain => return Ok(self.raw.clone()),
            TransferEncoding::QuotedPrintable => decode_quoted_printable(&self.raw)?,
            TransferEncoding::Base64 => {
                decode_base64(&self.raw).ok_or_else(|| Said::new("undecodable_base64", Vec::new()))?
            }
        };
        decode_charset(&bytes, self.charset.as_deref())
    }

    /// The value as text, escapes resolved.
    pub fn text(&self) -> String {
        unescape(&self.decoded())
    }

    /// A structured value (N, ORG) split at its unescaped semicolons.
    pub fn components(&self) -> Vec<String> {
        let decoded = self.decoded();
        let mut parts = Vec::new();
        let mut start = 0;
        let mut escaped = false;
        for (i, c) in decoded.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                ';' => {
                    parts.push(unescape(&decoded[start..i]));
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(unescape(&decoded[start..]));
        parts
    }
}

/// The lines of one card between BEGIN:VCARD and END:VCARD, gathered into properties.
#[derive(Debug)]
pub(super) struct Card {
    /// Line of BEGIN:VCARD.
    pub begin: u32,
    pub props: Vec<Prop>,
    /// False after a blank line: unfolded base64 ends there.
    open: bool,
    /// Bytes of text kept so far (photo data is not kept).
    pub kept_bytes: usize,
}

impl Card {
    pub fn new(begin: u32) -> Card {
        Card { begin, props: Vec::new(), open: false, kept_bytes: 0 }
    }

    /// Take one physical line. Returns false when the line fits no property
    /// (the caller reports it as unparsed).
    pub fn push_line(&mut self, line_no: u32, line: &str) -> bool {
        if !self.props.last().is_some_and(Prop::is_binary) {
            self.kept_bytes += line.len();
        }
        if let Some(last) = self.props.last_mut().filter(|_| self.open) {
            if last.awaits_soft_break() {
                last.append_soft_break(line);
                return true;
            }
            if let Some(rest) = line.strip_prefix([' ', '\t']) {
                last.append_folded(rest);
                return true;
            }
        }
        if line.trim().is_empty() {
            self.open = false;
            return true;
        }
        if let Some(mut prop) = Prop::parse(line) {
            prop.line = line_no;
            self.props.push(prop);
            self.open = true;
            return true;
        }
        self.open && self.props.last_mut().is_some_and(|last| last.append_unfolded(line))
    }
}

/// Byte offset of the first `needle` outside double quotes.
fn find_unquoted(s: &str, needle: char) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == needle && !quoted {
            return Some(i);
        }
    }
    None
}

fn split_unquoted(s: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while let Some(i) = find_unquoted(rest, separator) {
        parts.push(&rest[..i]);
        rest = &rest[i + separator.len_utf8()..];
    }
    parts.push(rest);
    parts
}

/// Resolve vCard backslash escapes (`\n`, `\,`, `\;`, `\\`, and Gmail's `\:`);
/// an unknown escape keeps its backslash.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ (',' | ';' | ':' | '\\')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// `=XX` escapes to bytes; soft line breaks were removed when the lines were
/// joined. An `=` that starts no escape (but for a last one) is an error
/// naming what follows it.
fn decode_quoted_printable(s: &str) -> Result<Vec<u8>, Said> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|&b| (b as char).to_digit(16));
        if bytes[i] == b'=' && i + 1 < bytes.len() {
            let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) else {
                let after: String = s[i..].chars().take(3).collect();
                return Err(Said::new("undecodable_qp", crate::args![at => after]));
            };
            out.push((hi * 16 + lo) as u8);
            i += 3;
            continue;
        }
        if bytes[i] != b'=' {
            out.push(bytes[i]);
        }
        i += 1;
    }
    Ok(out)
}

/// Standard base64, white space ignored; None when it is not base64.
fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|b| !b.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Decode bytes in the CHARSET a property names (Shift_JIS, EUC-KR, Big5,
/// ISO-8859-x, …). Without one, UTF-8 when the bytes are UTF-8, else CP949
/// (Korean phones that omit the charset). An unknown charset, or bytes that
/// are not text in the charset, is an error saying so.
fn decode_charset(bytes: &[u8], charset: Option<&str>) -> Result<String, Said> {
    let encoding = match charset.map(str::trim) {
        // encoding_rs knows Microsoft's names for EUC-KR's superset only as windows-949.
        Some(label) if ["cp949", "ms949", "uhc"].contains(&label.to_ascii_lowercase().as_str()) => EUC_KR,
        Some(label) => {
            let unknown = || {
                Said::new("undecodable_charset", crate::args![charset => label.chars().take(40).collect::<String>()])
            };
            Encoding::for_label(label.as_bytes()).ok_or_else(unknown)?
        }
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => EUC_KR,
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Said::new("undecodable_bytes", crate::args![charset => encoding.name()]));
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prop(line: &str) -> Prop {
        Prop::parse(line).expect("a property line")
    }

    #[test]
    fn bare_types_and_encodings() {
        let p = prop("TEL;CELL;PREF:010-1234-5678");
        assert_eq!(
            (p.name.as_str(), p.types.clone(), p.text()),
            ("TEL", vec!["cell".into(), "pref".into()], "010-1234-5678".into())
        );
        let p = prop("item1.TEL;type=CELL;type=VOICE:+82 10");
        assert_eq!((p.group.as_deref(), p.types.len()), (Some("item1"), 2));
        let p = prop("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=EA=B9=80;=EC=97=B0=EA=B5=AC;;;");
        assert_eq!(p.components(), vec!["김", "연구", "", "", ""]);
        assert!(Prop::parse("I assume it: encodes").is_none());
        assert!(Prop::parse("=EC=9D=B4").is_none());
    }

    /// A QUOTED-PRINTABLE photo's lines are not counted against the card's
    /// size, so none of them may be kept either.
    #[test]
    fn a_quoted_printable_photo_keeps_nothing() {
        let mut card = Card::new(1);
        assert!(card.push_line(2, "PHOTO;ENCODING=QUOTED-PRINTABLE;TYPE=JPEG:=FF=D8="));
        for n in 3..1000 {
            assert!(card.push_line(n, "=FF=D8=FF=E0=00=10=4A=46=49=46=00=01=01=01=00=48="));
        }
        assert!(card.push_line(1000, "FN:김하늘"));
        assert_eq!(card.props.len(), 2);
        assert!(card.props[0].raw.is_empty(), "{} bytes kept", card.props[0].raw.len());
        assert_eq!(card.props[1].text(), "김하늘");
    }

    #[test]
    fn other_charsets_and_base64() {
        let (cp949, _, _) = EUC_KR.encode("홍길동");
        let qp: String = cp949.iter().map(|b| format!("={b:02X}")).collect();
        assert_eq!(prop(&format!("FN;CHARSET=EUC-KR;ENCODING=QUOTED-PRINTABLE:{qp}")).text(), "홍길동");
        assert_eq!(prop(&format!("FN;CHARSET=CP949;QUOTED-PRINTABLE:{qp}")).text(), "홍길동");
        assert_eq!(prop(&format!("FN;QUOTED-PRINTABLE:{qp}")).text(), "홍길동");
        assert_eq!(prop("FN;ENCODING=b:7ZmN6ri464+Z").text(), "홍길동");
        assert_eq!(prop("NOTE:a\\, b\\nc\\;d\\:e\\x").text(), "a, b\nc;d:e\\x");
    }

    #[test]
    fn soft_breaks_join_lines() {
        let mut p = prop("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=EA=B9=80=ED=95=B4=");
        assert!(p.awaits_soft_break());
        p.append_soft_break("=EB=B0=80");
        assert!(!p.awaits_soft_break());
        assert_eq!(p.text(), "김해밀");
        let mut p = prop("ORG;ENCODING=QUOTED-PRINTABLE:=C3=91=");
        p.append_soft_break("");
        assert!(!p.awaits_soft_break());
        assert_eq!(p.text(), "Ñ");
    }
}
