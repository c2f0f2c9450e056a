//! The text of a vCard, the same in 3.0 (RFC 2426) and 4.0 (RFC 6350):
//! values escaped (`\\ \; \, \n`), structured values joined by `;`, lists by
//! `,`, lines folded at 75 octets without splitting a UTF-8 character, CRLF
//! line ends.

use super::clean;

/// A text value, escaped.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// A structured value (N, ORG): each component escaped, joined by `;`.
pub(super) fn structured<S: AsRef<str>>(parts: &[S]) -> String {
    parts.iter().map(|p| escape(p.as_ref())).collect::<Vec<_>>().join(";")
}

/// A list value (NICKNAME): each item escaped, joined by `,`.
pub(super) fn list<S: AsRef<str>>(items: &[S]) -> String {
    items.iter().map(|p| escape(p.as_ref())).collect::<Vec<_>>().join(",")
}

/// Append one content line, folded: no physical line longer than 75 octets,
/// continuation lines starting with a space.
pub(super) fn line(out: &mut String, logical: &str) {
    const MAX: usize = 75;
    let mut used = 0;
    for c in logical.chars() {
        if used + c.len_utf8() > MAX {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        let mut out = String::new();
        let long = format!("NOTE:{}", "가".repeat(40));
        line(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        // Unfolding gives back the logical line.
        assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), long);
        assert_eq!(escape("a;b,c\\d\ne\u{7}"), "a\\;b\\,c\\\\d\\ne");
        assert_eq!(structured(&["Doe", "John", "Richter, James", "Mr.", "Sr."]), "Doe;John;Richter\\, James;Mr.;Sr.");
        assert_eq!(list(&["철수, 팀장", "CS"]), "철수\\, 팀장,CS");
    }
}
