//! QR codes: a person as a small vCard 3.0 (what phone cameras read), and any
//! text (the handoff's link) drawn as an SVG string, so the app can show it
//! without any image library, or in the terminal.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::model::Status;
use crate::vault::PersonView;

/// The vCard text a phone camera turns into a new contact: the name, the
/// confirmed phones and e-mails (candidates are guesses and stay out).
pub fn person_vcard(p: &PersonView) -> String {
    let mut lines = vec!["BEGIN:VCARD".to_string(), "VERSION:3.0".to_string()];
    lines.push(format!("FN:{}", escape(&p.name)));
    lines.push(format!("N:{};;;;", escape(&p.name)));
    for ph in p.phones.iter().filter(|ph| ph.status == Status::Confirmed) {
        lines.push(format!("TEL;TYPE=CELL:{}", escape(ph.e164.as_deref().unwrap_or(&ph.raw))));
    }
    for e in p.emails.iter().filter(|e| e.status == Status::Confirmed) {
        lines.push(format!("EMAIL:{}", escape(&e.address)));
    }
    if let Some(org) = &p.org {
        lines.push(format!("ORG:{}", escape(org)));
    }
    lines.push("END:VCARD".to_string());
    lines.join("\r\n") + "\r\n"
}

/// `text` as a QR code in SVG, black on white with a quiet zone.
/// Fails only when the text is too long for the largest QR version.
pub fn svg(text: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    Ok(code.render::<svg::Color>().min_dimensions(240, 240).quiet_zone(true).build())
}

/// `text` as a QR code for a terminal, two modules per character (Unicode
/// half blocks). Drawn light-on-dark like `qrencode -t UTF8`: a terminal's
/// background is usually dark, and the blocks are the code's light modules.
pub fn terminal(text: &str) -> Result<String, qrcode::types::QrError> {
    use qrcode::render::unicode::Dense1x2;
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    Ok(code.render::<Dense1x2>().dark_color(Dense1x2::Light).light_color(Dense1x2::Dark).quiet_zone(true).build())
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace(',', "\\,").replace(';', "\\;").replace('\n', "\\n").replace('\r', "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::{EmailView, PhoneView};

    fn person() -> PersonView {
        PersonView {
            id: 1,
            name: "김민준".into(),
            aliases: vec![],
            me: false,
            phones: vec![
                PhoneView {
                    id: 1,
                    e164: Some("+821012345678".into()),
                    raw: "010-1234-5678".into(),
                    shown: String::new(),
                    label: None,
                    status: Status::Confirmed,
                    conflict: false,
                    sources: vec![],
                },
                PhoneView {
                    id: 2,
                    e164: None,
                    raw: "010 9".into(),
                    shown: String::new(),
                    label: None,
                    status: Status::Candidate,
                    conflict: false,
                    sources: vec![],
                },
            ],
            emails: vec![EmailView {
                id: 3,
                address: "min;jun@example.com".into(),
                label: None,
                status: Status::Confirmed,
                conflict: false,
                sources: vec![],
            }],
            handles: vec![],
            groups: vec![],
            org: None,
            note: None,
            birthday: None,
            uid: String::new(),
            name_parts: None,
            org_parts: Vec::new(),
        }
    }

    #[test]
    fn vcard_has_only_confirmed_values() {
        let card = person_vcard(&person());
        assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:김민준\r\n"));
        assert!(card.contains("TEL;TYPE=CELL:+821012345678\r\n"));
        assert!(!card.contains("010 9"));
        assert!(card.contains("EMAIL:min\\;jun@example.com\r\n"));
        assert!(card.ends_with("END:VCARD\r\n"));
    }

    #[test]
    fn svg_is_drawn() {
        let out = svg(&person_vcard(&person())).unwrap();
        assert!(out.contains("<svg") && out.contains("<path"));
        assert!(svg(&"x".repeat(5000)).is_err());
    }
}
