//! A small streaming reader of the HTML Telegram Desktop writes: tags and
//! text, line by line, with nothing kept but a tag cut by a line end. No
//! DOM is built, so a page of any size is read in constant memory; the
//! page reader keeps the few open elements it cares about.

use std::borrow::Cow;

/// Longest tag read (a tag split over lines is held until its `>`).
pub const MAX_TAG_BYTES: usize = 64 * 1024;

/// What the reader found.
pub enum Token<'a> {
    Open(Tag<'a>),
    Close(&'a str),
    /// Raw text with its entities; a line end is given as `"\n"`.
    Text(&'a str),
}

/// An opening tag: its lower-case name and its attributes as written.
pub struct Tag<'a> {
    pub name: String,
    attrs: &'a str,
    /// `<br>`, `<img …/>`: nothing to close.
    pub empty: bool,
}

impl Tag<'_> {
    /// The value of an attribute, entities decoded.
    pub fn attr(&self, key: &str) -> Option<Cow<'_, str>> {
        let mut rest = self.attrs;
        while let Some(eq) = rest.find('=') {
            let name = rest[..eq].trim().rsplit(char::is_whitespace).next().unwrap_or("");
            let after = rest[eq + 1..].trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                    Some(end) => (&after[1..1 + end], &after[end + 2..]),
                    None => (&after[1..], ""),
                },
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            if name.eq_ignore_ascii_case(key) {
                return Some(decode(value));
            }
            rest = next;
        }
        None
    }

    /// The words of the `class` attribute.
    pub fn classes(&self) -> Classes {
        Classes(self.attr("class").map(Cow::into_owned).unwrap_or_default())
    }
}

/// The classes of an element (`message default clearfix joined`).
pub struct Classes(String);

impl Classes {
    pub fn has(&self, class: &str) -> bool {
        self.0.split_ascii_whitespace().any(|c| c == class)
    }
    pub fn is(&self, classes: &str) -> bool {
        self.0.split_ascii_whitespace().eq(classes.split_ascii_whitespace())
    }
}

/// Elements that never have a closing tag.
fn is_void(name: &str) -> bool {
    matches!(name, "br" | "img" | "meta" | "link" | "hr" | "input" | "wbr" | "source" | "area" | "col" | "base")
}

/// The reader's state between lines: a tag a line end cut.
#[derive(Default)]
pub struct Markup {
    pending: Option<String>,
}

/// Why a line could not be read.
pub enum Broken {
    TagTooLong,
}

impl Markup {
    /// True when the text so far ends inside a tag.
    pub fn inside_tag(&self) -> bool {
        self.pending.is_some()
    }

    /// Read one line, handing every token to `out`.
    pub fn feed<E: From<Broken>>(
        &mut self,
        line: &str,
        out: &mut impl FnMut(Token<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut rest = line;
        if let Some(mut pending) = self.pending.take() {
            let Some(end) = rest.find('>') else {
                pending.push(' ');
                pending.push_str(rest);
                if pending.len() > MAX_TAG_BYTES {
                    return Err(Broken::TagTooLong.into());
                }
                self.pending = Some(pending);
                return Ok(());
            };
            pending.push(' ');
            pending.push_str(&rest[..end]);
            emit_tag(&pending, out)?;
            rest = &rest[end + 1..];
        }
        while let Some(open) = rest.find('<') {
            if open > 0 {
                out(Token::Text(&rest[..open]))?;
            }
            let after = &rest[open + 1..];
            match after.find('>') {
                Some(end) => {
                    emit_tag(&after[..end], out)?;
                    rest = &after[end + 1..];
                }
                None => {
                    self.pending = Some(after.to_owned());
                    return Ok(());
                }
            }
        }
        if !rest.is_empty() {
            out(Token::Text(rest))?;
        }
        out(Token::Text("\n"))
    }
}

fn emit_tag<E>(content: &str, out: &mut impl FnMut(Token<'_>) -> Result<(), E>) -> Result<(), E> {
    if let Some(name) = content.strip_prefix('/') {
        return out(Token::Close(name.trim()));
    }
    if content.starts_with(['!', '?']) {
        return Ok(());
    }
    let split = content.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(content.len());
    let name = content[..split].to_ascii_lowercase();
    let attrs = &content[split..];
    let empty = attrs.trim_end().ends_with('/') || is_void(&name);
    out(Token::Open(Tag { name, attrs, empty }))
}

/// Text with HTML entities decoded (`&amp;`, `&laquo;`, `&#39;`, `&#x1F600;`).
pub fn decode(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    decode_into(raw, &mut out);
    Cow::Owned(out)
}

/// Append `raw` to `out` with its entities decoded.
pub fn decode_into(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity = after.find(';').filter(|&end| end <= 10).and_then(|end| Some((entity(&after[..end])?, end)));
        match entity {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "laquo" => '«',
        "raquo" => '»',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(lines: &[&str]) -> Vec<String> {
        let mut markup = Markup::default();
        let mut seen = Vec::new();
        for line in lines {
            let _ = markup.feed::<Broken>(line, &mut |t| {
                seen.push(match t {
                    Token::Open(tag) => format!("<{} class={:?} empty={}>", tag.name, tag.attr("class"), tag.empty),
                    Token::Close(name) => format!("</{name}>"),
                    Token::Text(text) => format!("{text:?}"),
                });
                Ok(())
            });
        }
        seen
    }

    #[test]
    fn reads_tags_text_and_tags_cut_by_a_line_end() {
        assert_eq!(
            tokens(&[r#"<div class="text">Hi<br>there</div>"#]),
            [
                r#"<div class=Some("text") empty=false>"#,
                r#""Hi""#,
                "<br class=None empty=true>",
                r#""there""#,
                "</div>",
                r#""\n""#
            ]
        );
        assert_eq!(
            tokens(&[r#"<div class="pull_right date"#, r#"details" title="x">"#]),
            [r#"<div class=Some("pull_right date details") empty=false>"#, r#""\n""#]
        );
    }

    #[test]
    fn decodes_attributes_and_entities() {
        let mut markup = Markup::default();
        let mut title = None;
        let _ = markup.feed::<Broken>(
            r#"<div title='04.06.2020 14:16:12 UTC+03:00' id=message5 class="a &amp; b">"#,
            &mut |t| {
                if let Token::Open(tag) = t {
                    title = Some((tag.attr("title").map(Cow::into_owned), tag.attr("id").map(Cow::into_owned)));
                    assert!(tag.classes().has("&"));
                }
                Ok(())
            },
        );
        assert_eq!(title, Some((Some("04.06.2020 14:16:12 UTC+03:00".into()), Some("message5".into()))));
        assert_eq!(
            decode("Tom &amp; Jerry &laquo;x&raquo; &#39;y&#x27; &bogus; & done"),
            "Tom & Jerry «x» 'y' &bogus; & done"
        );
    }
}
