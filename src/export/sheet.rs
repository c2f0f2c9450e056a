//! A printable contact sheet for one group: every member with phones,
//! e-mails and how they can be reached, on A4, two columns, readable in
//! grayscale (reachability is a symbol and words, never colour alone).
//! One self-contained HTML file: no scripts, fonts or images from outside.

use std::collections::HashMap;
use std::fmt::Write;

use crate::model::Status;
use crate::phone::Region;

use super::ExportError;
use crate::vault::{GroupView, MemberView, PersonView, ProvenanceView, Reachability, Vault};

/// The sheet for a group, dated now.
pub fn for_group(vault: &Vault, group: &str) -> Result<String, ExportError> {
    let g = vault.group(group)?;
    let mut people = HashMap::new();
    for m in &g.members {
        if let std::collections::hash_map::Entry::Vacant(slot) = people.entry(m.person_id) {
            slot.insert(vault.person(m.person_id)?.without_conflicts());
        }
    }
    Ok(render(&g, &people, &chrono::Local::now().format("%Y-%m-%d %H:%M").to_string(), vault.region()?))
}

/// The sheet's own policy, wherever it is opened: its inline style and
/// nothing else (no script, image, font, frame, form or base).
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// HTML-escape text for element content and quoted attributes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: A4; margin: 11mm 10mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #000; background: #fff;
  font: 9pt/1.25 "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", "NanumGothic", sans-serif; }
header { border-bottom: 2px solid #000; margin-bottom: 3mm; padding-bottom: 1.5mm; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
.meta, .legend { margin: 0.5mm 0; font-size: 8pt; }
.members { columns: 2; column-gap: 6mm; }
.member { break-inside: avoid; page-break-inside: avoid; border: 1px solid #000; border-left-width: 4px;
  padding: 1.2mm 2mm; margin: 0 0 2mm; }
.member.handle { border-style: dashed; border-left-style: solid; }
.member.name { border-style: dotted; border-left: 4px double #000; }
.member .qr { float: right; margin: 0 0 1mm 2mm; }
.member .qr svg { width: 20mm; height: 20mm; display: block; }
.member h2 { font-size: 10pt; margin: 0; display: flex; justify-content: space-between; gap: 2mm; }
.member h2 .how { font-size: 7.5pt; font-weight: normal; white-space: nowrap; }
.member ul { list-style: none; margin: 0.5mm 0 0; padding: 0; }
.member li { margin: 0; }
.aka, .label, .seen { font-size: 7.5pt; color: #333; }
.num { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 9.5pt; letter-spacing: 0.02em; }
.unconfirmed { font-style: italic; }
.left { margin-top: 3mm; font-size: 8pt; border-top: 1px solid #000; padding-top: 1mm; }
footer { margin-top: 2mm; font-size: 7pt; color: #333; }
@media screen { body { max-width: 190mm; margin: 8mm auto; } }
"#;

/// The mark and words for a way of reaching someone, in both languages.
fn reach_words(r: Reachability) -> (&'static str, &'static str, &'static str) {
    match r {
        Reachability::Contact => ("contact", "●", "연락 가능 · reachable"),
        Reachability::Handle => ("handle", "◐", "핸들로 연락 가능 · reachable by handle"),
        Reachability::Name => ("name", "○", "이름만 — 직접 물어보세요 · name only: ask"),
    }
}

pub fn render(g: &GroupView, people: &HashMap<i64, PersonView>, made: &str, region: Region) -> String {
    let current: Vec<&MemberView> = g.current().collect();
    let reach = g.reach();
    let reachable = reach.contact;
    let by_handle = match reach.handle {
        0 => String::new(),
        n => format!(", {n} more by handle · {n}명은 핸들로 연락 가능"),
    };
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n<title>{} — 연락처 / contacts</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        esc(&g.name),
        esc(&g.name)
    );
    let platform = g.platform.as_deref().map(|p| format!("{} · ", esc(p))).unwrap_or_default();
    let _ = writeln!(
        h,
        "<p class=\"meta\">{platform}{made} 작성 · made {made} · {} members, {reachable} reachable without the messenger · {}명 중 {reachable}명은 메신저 없이 연락 가능{by_handle}</p>",
        current.len(),
        current.len(),
        made = esc(made)
    );
    let _ = writeln!(
        h,
        "<p class=\"legend\">● 전화·이메일 있음 / phone or e-mail on file &nbsp; ◐ 핸들만 (인스타·텔레그램·라인·디스코드 ID) / handle only (Instagram, Telegram, LINE, Discord ID) &nbsp; ○ 이름만 / name only &nbsp; ? 대화에서 찾은 미확인 번호 (공유한 사람, 날짜) / unconfirmed, found in a chat (shared by, date)</p>\n</header>\n<main class=\"members\">"
    );
    for m in &current {
        member(&mut h, m, people.get(&m.person_id), &g.name, region);
    }
    h.push_str("</main>\n");
    let left: Vec<String> = g.members.iter().filter(|m| m.left).map(|m| esc(&m.name)).collect();
    if !left.is_empty() {
        let _ = writeln!(h, "<p class=\"left\">나간 사람 / left the group: {}</p>", left.join(", "));
    }
    let _ = writeln!(h, "<footer>Lifeboat · {} · {}</footer>\n</body>\n</html>", esc(&g.name), esc(made));
    h
}

/// An SVG document as an element of the page: no XML prolog, and no
/// namespace URL (HTML gives inline SVG its namespace; the sheet names no URL).
fn inline(svg: &str) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    svg[start..].replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
}

/// Where a number was shared, short: the group is left out when it is this one.
fn shared_here(s: &ProvenanceView, group: &str) -> String {
    match (&s.group, &s.shared_by) {
        (Some(g), Some(by)) if g == group => {
            let date: String = s.at.as_deref().unwrap_or("").chars().take(10).collect();
            format!("{by}, {date}")
        }
        _ => super::describe_source(&super::BOTH, s),
    }
}

fn member(h: &mut String, m: &MemberView, p: Option<&PersonView>, group: &str, region: Region) {
    let (class, mark, words) = reach_words(m.reachability);
    let _ = write!(h, "<section class=\"member {class}\">\n<h2><span>{mark} {}", esc(&m.name));
    if let Some(p) = p.filter(|p| p.name != m.name) {
        let _ = write!(h, " <span class=\"aka\">({})</span>", esc(&p.name));
    }
    let _ = writeln!(h, "</span><span class=\"how\">{words}</span></h2>");
    // Their confirmed numbers and e-mails as a vCard to scan into a phone from the paper.
    if let Some(p) = p.filter(|p| {
        p.phones.iter().any(|ph| ph.status == Status::Confirmed)
            || p.emails.iter().any(|e| e.status == Status::Confirmed)
    }) && let Ok(code) = crate::qr::svg(&crate::qr::person_vcard(p))
    {
        let _ = writeln!(h, "<div class=\"qr\" title=\"{}\">{}</div>", esc(&p.name), inline(&code));
    }
    h.push_str("<ul>\n");
    if let Some(p) = p {
        for ph in &p.phones {
            let unconfirmed = ph.status == Status::Candidate;
            let _ = write!(
                h,
                "<li{}>☎ <span class=\"num\">{}{}</span>",
                if unconfirmed { " class=\"unconfirmed\"" } else { "" },
                esc(&crate::phone::readable(ph.e164.as_deref(), &ph.raw, region)),
                if unconfirmed { " ?" } else { "" }
            );
            if let Some(l) = &ph.label {
                let _ = write!(h, " <span class=\"label\">{}</span>", esc(l));
            }
            if let Some(s) = ph.sources.iter().find(|s| s.shared_by.is_some()) {
                let _ = write!(h, " <span class=\"label\">({})</span>", esc(&shared_here(s, group)));
            }
            h.push_str("</li>\n");
        }
        for e in &p.emails {
            let unconfirmed = if e.status == Status::Candidate { " ?" } else { "" };
            let _ = writeln!(h, "<li>✉ {}{unconfirmed}</li>", esc(&e.address));
        }
        for handle in p.handles.iter().filter(|x| x.service != "id") {
            let unconfirmed = if handle.status == Status::Candidate { " ?" } else { "" };
            let _ = writeln!(
                h,
                "<li>@ <span class=\"label\">{}</span> {}{unconfirmed}</li>",
                esc(&handle.service),
                esc(&handle.value)
            );
        }
    }
    if let Some(last) = &m.last_seen {
        let date: String = last.chars().take(10).collect();
        let _ = writeln!(h, "<li class=\"seen\">마지막 대화 / last seen {} · {} msgs</li>", esc(&date), m.messages);
    }
    if let Some(c) = &m.claimed_by {
        let by = c.signer.short_name().unwrap_or("서명 없음 · unsigned");
        let _ = writeln!(
            h,
            "<li class=\"seen\">남의 백업에만 있는 자리 / seated only by someone else's backup: {} ({})</li>",
            esc(&c.file),
            esc(by)
        );
    }
    h.push_str("</ul>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_contained_escaped_and_marked_in_words() {
        let mut p = crate::export::vcard::tests::sample();
        p.name = "<script>alert(1)</script>".into();
        let members = vec![
            MemberView {
                name: p.name.clone(),
                person_id: 7,
                reachable: true,
                reachability: Reachability::Contact,
                handles: vec![],
                first_seen: None,
                last_seen: Some("2022-10-15 21:03:00".into()),
                messages: 3,
                left: false,
                asked_at: None,
                claimed_by: None,
            },
            MemberView {
                name: "영희 & co".into(),
                person_id: 8,
                reachable: false,
                reachability: Reachability::Name,
                handles: vec![],
                first_seen: None,
                last_seen: None,
                messages: 0,
                left: false,
                asked_at: None,
                claimed_by: Some(crate::vault::SeatClaim {
                    file: "b.age".into(),
                    signer: crate::vault::SignerView { signed: true, name: Some("<b>".into()), ..Default::default() },
                    made_at: None,
                }),
            },
            MemberView {
                name: "인스타만".into(),
                person_id: 10,
                reachable: false,
                reachability: Reachability::Handle,
                handles: vec![],
                first_seen: None,
                last_seen: None,
                messages: 1,
                left: false,
                asked_at: None,
                claimed_by: None,
            },
            MemberView {
                name: "떠난이".into(),
                person_id: 9,
                reachable: false,
                reachability: Reachability::Name,
                handles: vec![],
                first_seen: None,
                last_seen: None,
                messages: 0,
                left: true,
                asked_at: None,
                claimed_by: None,
            },
        ];
        let g = GroupView {
            id: 1,
            name: "캡스톤 3조".into(),
            kind: "chat".into(),
            platform: Some("kakao".into()),
            messages: 3,
            members,
        };
        let people = HashMap::from([(7, p)]);
        let html = render(&g, &people, "2024-03-01 10:00", Region::default());
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("영희 &amp; co"));
        assert!(html.contains("이름만 — 직접 물어보세요 · name only: ask"));
        assert!(html.contains("3 members, 1 reachable without the messenger"), "{html}");
        assert!(html.contains("1 more by handle · 1명은 핸들로 연락 가능"));
        assert!(html.contains("핸들로 연락 가능 · reachable by handle"));
        assert!(html.contains("010-2222-3333 ?"));
        assert!(html.contains("나간 사람 / left the group: 떠난이"));
        assert!(html.contains("someone else's backup: b.age (&lt;b&gt;)"), "{html}");
        assert!(html.contains("@page { size: A4"));
        assert!(html.contains(&format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">")));
        let head = &html[..html.find("<style>").unwrap()];
        assert!(head.contains("default-src 'none'") && !head.contains("script-src"), "{head}");
        for external in ["http:", "https:", "src=", "@import", "url("] {
            assert!(!html.contains(external), "{external}");
        }
    }
}
