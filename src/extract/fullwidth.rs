//! Numbers typed in full-width forms (`０９０－１２３４－５６７８`), as Japanese
//! and Chinese input methods write them: the text is folded to ASCII for
//! the scanner, and what it finds is mapped back onto the text as written.

/// Full-width digits, `＋`, `－`, `（`, `）` all start with these two bytes
/// (U+FF08–U+FF19 in UTF-8): most texts have none, and are left alone.
const FULLWIDTH_LEAD: &[u8] = b"\xEF\xBC";

/// The text with full-width digits and number punctuation folded to ASCII,
/// and for every byte of the folded text (and its end) the byte of `text`
/// it came from; None when `text` has no full-width digit.
pub(super) fn fold(text: &str) -> Option<(String, Vec<usize>)> {
    memchr::memmem::find(text.as_bytes(), FULLWIDTH_LEAD)?;
    if !text.chars().any(|c| ('\u{FF10}'..='\u{FF19}').contains(&c)) {
        return None;
    }
    let mut folded = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let ascii = match c {
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            '\u{FF0B}' => '+',
            '\u{FF0D}' => '-',
            '\u{FF08}' => '(',
            '\u{FF09}' => ')',
            c => c,
        };
        folded.push(ascii);
        from.extend(std::iter::repeat_n(at, ascii.len_utf8()));
    }
    from.push(text.len());
    Some((folded, from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let text = "携帯は０９０－１２３４－５６７８です";
        let (folded, from) = fold(text).unwrap();
        assert_eq!(folded, "携帯は090-1234-5678です");
        let start = folded.find('0').unwrap();
        let end = start + "090-1234-5678".len();
        assert_eq!(&text[from[start]..from[end]], "０９０－１２３４－５６７８");
        assert_eq!(fold("010-1234-5678"), None);
        assert_eq!(fold("（笑）"), None, "full-width brackets alone are no number");
    }
}
