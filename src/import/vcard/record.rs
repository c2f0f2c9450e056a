//! From a card's pre-parsed properties to a [`ContactRecord`], through vcard4.
//!
//! The properties Lifeboat keeps are written out again as a clean vCard 4.0
//! card and parsed by the `vcard4` crate, which resolves escapes and value
//! types the RFC 6350 way. vcard4 is strict: when it still refuses a card, or
//! returns fewer phones, e-mails or handles than the pre-pass found, the
//! pre-pass's own properties are used, so no number or address is ever lost.

use vcard4::Vcard;
use vcard4::parameter::{Parameters, TypeParameter};
use vcard4::property::{AnyProperty, DateTimeOrTextProperty, TextOrUriProperty};

use super::prepass::Prop;
use crate::import::contact::{compose_name, label_from_text, label_from_types};
use crate::model::{ContactRecord, Handle, RawEmail, RawPhone};
use crate::text;

/// Messenger handles written as private properties, and the service each names.
const HANDLE_PROPERTIES: [(&str, &str); 8] = [
    ("X-KAKAO", "kakao"),
    ("X-KAKAOTALK", "kakao"),
    ("X-LINE", "line"),
    ("X-TELEGRAM", "telegram"),
    ("X-WHATSAPP", "whatsapp"),
    ("X-SKYPE", "skype"),
    ("X-JABBER", "jabber"),
    ("X-AIM", "aim"),
];

/// The properties a card is rendered with for vcard4; everything else
/// (addresses, photos, URLs) is not stored by Lifeboat.
pub(super) fn is_kept(name: &str) -> bool {
    matches!(name, "FN" | "N" | "TEL" | "EMAIL" | "ORG" | "NOTE" | "BDAY" | "IMPP" | "UID" | "X-ABLABEL")
        || HANDLE_PROPERTIES.iter().any(|(p, _)| *p == name)
}

/// One kept property, from whichever parser read it.
struct Item {
    group: Option<String>,
    name: String,
    types: Vec<String>,
    /// IMPP's `X-SERVICE-TYPE` (iPhone).
    service: Option<String>,
    /// The components of N and ORG; one element for every other property.
    parts: Vec<String>,
}

impl Item {
    fn from_prop(prop: &Prop) -> Item {
        let parts = match prop.name.as_str() {
            "N" | "ORG" => prop.components(),
            _ => vec![prop.text()],
        };
        Item {
            group: prop.group.clone(),
            name: prop.name.clone(),
            types: prop.types.clone(),
            service: prop.param("X-SERVICE-TYPE").map(str::to_owned),
            parts,
        }
    }

    /// Phones, e-mails and handles: the values that must survive.
    fn is_reachable(&self) -> bool {
        matches!(self.name.as_str(), "TEL" | "EMAIL" | "IMPP") || handle_service(&self.name).is_some()
    }
}

fn handle_service(name: &str) -> Option<&'static str> {
    HANDLE_PROPERTIES.iter().find(|(p, _)| *p == name).map(|(_, s)| *s)
}

/// The record for the card that begins on `line`.
pub(super) fn record(line: u32, props: &[Prop]) -> ContactRecord {
    let own: Vec<Item> = props.iter().filter(|p| is_kept(&p.name)).map(Item::from_prop).collect();
    let reachable = own.iter().filter(|i| i.is_reachable()).count();
    let items = match parse_loose(&render(&own)) {
        Ok(cards) => {
            cards.first().map(items_of).filter(|items| items.iter().filter(|i| i.is_reachable()).count() >= reachable)
        }
        Err(_) => None,
    };
    build(line, &items.unwrap_or(own))
}

/// `vcard4::parse_loose` with its one known panic caught: vcard4 0.7 (through
/// uriparse 0.6) panics on a URI-typed value that is neither text nor a URI,
/// such as `IMPP:+8210:1234` or `TEL:+8210:1234` (found by fuzzing). Imports
/// and the backup check both read cards through it.
pub(crate) fn parse_loose(text: &str) -> Result<Vec<Vcard>, String> {
    std::panic::catch_unwind(|| vcard4::parse_loose(text))
        .map_err(|_| "a value that is neither text nor a URI".to_owned())?
        .map_err(|e| e.to_string())
}

/// Where the one panic [`parse_loose`] catches is raised (the path of its source file).
const CAUGHT_PANIC_IN: &str = "/uriparse-0.6";

/// Keep Rust's panic hook from printing the one panic [`parse_loose`]
/// catches, so the user sees only Lifeboat's own message about the card;
/// every other panic reaches the hook that was there. Called once, first
/// thing in `main`, before any thread starts (the hook is process-wide).
pub fn quiet_caught_dependency_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !info.location().is_some_and(|l| l.file().contains(CAUGHT_PANIC_IN)) {
            previous(info);
        }
    }));
}

/// The kept properties as a vCard 4.0 card vcard4 accepts: only TYPE,
/// VALUE and X-SERVICE-TYPE parameters, every value escaped, and an FN even
/// when the card has no name (vcard4 requires one; an empty one reads as none).
fn render(items: &[Item]) -> String {
    let mut out = String::from("BEGIN:VCARD\nVERSION:4.0\n");
    if !items.iter().any(|i| i.name == "FN") {
        out.push_str("FN:\n");
    }
    let mut seen_once = Vec::new();
    for item in items {
        // vcard4 allows these once; a second one is not needed.
        if matches!(item.name.as_str(), "N" | "BDAY" | "UID") {
            if seen_once.contains(&item.name) {
                continue;
            }
            seen_once.push(item.name.clone());
        }
        if let Some(group) = item.group.as_deref().filter(|g| is_token(g)) {
            out.push_str(group);
            out.push('.');
        }
        out.push_str(&item.name);
        let types: Vec<&str> = item.types.iter().map(String::as_str).filter(|t| is_token(t)).collect();
        if !types.is_empty() && matches!(item.name.as_str(), "TEL" | "EMAIL" | "IMPP") {
            out.push_str(";TYPE=");
            out.push_str(&types.join(","));
        }
        if let Some(service) = item.service.as_deref().filter(|s| is_token(s)) {
            out.push_str(";X-SERVICE-TYPE=");
            out.push_str(service);
        }
        // Phone numbers, birthdays and UIDs stay text exactly as written.
        if matches!(item.name.as_str(), "TEL" | "BDAY" | "UID") {
            out.push_str(";VALUE=text");
        }
        out.push(':');
        out.push_str(&render_value(&item.parts, matches!(item.name.as_str(), "N" | "ORG")));
        out.push('\n');
    }
    out.push_str("END:VCARD\n");
    out
}

fn is_token(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A value with RFC 6350 escaping. vcard4 splits N and ORG at every
/// semicolon, escaped or not, so a semicolon inside one of their components
/// becomes a comma; control characters vcard4 refuses are dropped.
fn render_value(parts: &[String], structured: bool) -> String {
    match parts {
        [single] if !structured => escape(single),
        _ => parts.iter().map(|p| escape(&p.replace(';', ","))).collect::<Vec<_>>().join(";"),
    }
}

fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Read the kept properties back out of vcard4's card.
fn items_of(card: &Vcard) -> Vec<Item> {
    let mut items = Vec::new();
    let mut push = |name: &str, group: Option<&String>, params: Option<&Parameters>, parts: Vec<String>| {
        items.push(Item {
            group: group.cloned(),
            name: name.to_owned(),
            types: params.and_then(|p| p.types.as_ref()).map(|t| t.iter().map(type_name).collect()).unwrap_or_default(),
            service: params.and_then(|p| extension_param(p, "X-SERVICE-TYPE")),
            parts,
        })
    };
    for p in &card.formatted_name {
        push("FN", p.group.as_ref(), p.parameters.as_ref(), vec![p.value.clone()]);
    }
    if let Some(p) = &card.name {
        push("N", p.group.as_ref(), p.parameters.as_ref(), p.value.clone());
    }
    for p in &card.tel {
        let value = match p {
            TextOrUriProperty::Text(t) => t.value.clone(),
            TextOrUriProperty::Uri(u) => u.value.to_string(),
        };
        push("TEL", vcard4::property::Property::group(p), vcard4::property::Property::parameters(p), vec![value]);
    }
    for p in &card.email {
        push("EMAIL", p.group.as_ref(), p.parameters.as_ref(), vec![p.value.clone()]);
    }
    for p in &card.impp {
        push("IMPP", p.group.as_ref(), p.parameters.as_ref(), vec![p.value.to_string()]);
    }
    for p in &card.org {
        push("ORG", p.group.as_ref(), p.parameters.as_ref(), p.value.clone());
    }
    for p in &card.note {
        push("NOTE", p.group.as_ref(), p.parameters.as_ref(), vec![p.value.clone()]);
    }
    if let Some(p) = &card.bday {
        let value = match p {
            DateTimeOrTextProperty::Text(t) => t.value.clone(),
            DateTimeOrTextProperty::DateTime(d) => d.to_string(),
        };
        push("BDAY", None, None, vec![value]);
    }
    if let Some(p) = &card.uid {
        let value = match p {
            TextOrUriProperty::Text(t) => t.value.clone(),
            TextOrUriProperty::Uri(u) => u.value.to_string(),
        };
        push("UID", None, None, vec![value]);
    }
    for p in &card.extensions {
        let value = match &p.value {
            AnyProperty::Text(t) => t.clone(),
            other => other.to_string(),
        };
        push(&p.name.to_ascii_uppercase(), p.group.as_ref(), p.parameters.as_ref(), vec![value]);
    }
    items
}

fn type_name(t: &TypeParameter) -> String {
    match t {
        TypeParameter::Home => "home".to_owned(),
        TypeParameter::Work => "work".to_owned(),
        TypeParameter::Telephone(t) => t.to_string(),
        TypeParameter::Related(r) => r.to_string(),
        TypeParameter::Extension(e) => e.to_lowercase(),
    }
}

fn extension_param(params: &Parameters, key: &str) -> Option<String> {
    let extensions = params.extensions.as_ref()?;
    let (_, values) = extensions.iter().find(|(k, _)| k.eq_ignore_ascii_case(key))?;
    Some(values.join(","))
}

/// Strip a URI scheme (`tel:`, `mailto:`) when the value has it.
fn strip_scheme<'a>(value: &'a str, scheme: &str) -> &'a str {
    match value.get(..scheme.len()) {
        Some(head) if head.eq_ignore_ascii_case(scheme) => &value[scheme.len()..],
        _ => value,
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = text::nfc(s);
    (!s.is_empty()).then_some(s)
}

/// Gather the items into one record; grouped X-ABLabel labels win over types.
fn build(line: u32, items: &[Item]) -> ContactRecord {
    let mut record = ContactRecord { line, ..ContactRecord::default() };
    let label_for = |item: &Item| {
        let custom = items.iter().find(|l| l.name == "X-ABLABEL" && l.group.is_some() && l.group == item.group);
        custom
            .and_then(|l| label_from_text(&l.parts.concat()))
            .or_else(|| label_from_types(item.types.iter().map(String::as_str)))
    };
    let mut notes = Vec::new();
    for item in items {
        let part = |i: usize| item.parts.get(i).and_then(|p| non_empty(p));
        let value = item.parts.concat();
        match item.name.as_str() {
            "FN" if record.name.is_none() => record.name = non_empty(&value),
            "N" if record.family.is_none() && record.given.is_none() => {
                record.family = part(0);
                record.given = part(1);
                record.middle = part(2);
                record.prefix = part(3);
                record.suffix = part(4);
            }
            "TEL" => {
                if let Some(raw) = non_empty(strip_scheme(value.trim(), "tel:")) {
                    record.phones.push(RawPhone { raw, label: label_for(item) });
                }
            }
            "EMAIL" => {
                if let Some(address) = non_empty(strip_scheme(value.trim(), "mailto:")) {
                    record.emails.push(RawEmail { address, label: label_for(item) });
                }
            }
            "ORG" if record.org.is_none() => {
                let parts: Vec<String> = item.parts.iter().filter_map(|p| non_empty(p)).collect();
                record.org = non_empty(&parts.join(", "));
                if parts.len() > 1 {
                    record.org_parts = parts;
                }
            }
            "NOTE" => notes.extend(non_empty(&value)),
            "BDAY" if record.birthday.is_none() => record.birthday = non_empty(&value),
            "UID" if record.uid.is_none() => record.uid = non_empty(value.trim()),
            "IMPP" => record.handles.extend(impp_handle(item, &value)),
            name => {
                if let (Some(service), Some(value)) = (handle_service(name), non_empty(&value)) {
                    record.handles.push(Handle { service: service.to_owned(), value });
                }
            }
        }
    }
    if record.name.is_none() {
        record.name = compose_name(record.given.as_deref(), record.middle.as_deref(), record.family.as_deref());
    }
    record.note = (!notes.is_empty()).then(|| notes.join("\n"));
    record
}

/// `IMPP;X-SERVICE-TYPE=Telegram:x-apple:kim` → telegram `kim`;
/// `IMPP:skype:kim.cs` → skype `kim.cs`.
fn impp_handle(item: &Item, value: &str) -> Option<Handle> {
    let (scheme, rest) = value.split_once(':').unwrap_or(("", value));
    let service = item.service.clone().unwrap_or_else(|| scheme.to_owned()).to_lowercase();
    let service = match service.as_str() {
        "kakaotalk" | "kakao" => "kakao".to_owned(),
        "" => "im".to_owned(),
        _ => service,
    };
    let value = non_empty(rest.trim_start_matches('/'))?;
    Some(Handle { service, value })
}
