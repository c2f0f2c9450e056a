use super::*;
use crate::import::Collected;
use crate::model::{EventKind, MessageKind};

fn read(text: &str) -> Result<Collected, ImportError> {
    let mut input = Input::from_text("messages.html", text);
    let mut sink = Collected::default();
    TelegramHtml.read(&mut input, &mut sink)?;
    Ok(sink)
}

/// A page with one message per line, as hand-written exports and other
/// parsers' tests have them (tdesktop itself puts every tag on its own line).
const COMPACT: &str = r#"<html><body><div class="page_wrap"><div class="page_header"><div class="content"><div class="text bold">Family &amp; Co</div></div></div>
<div class="history">
<div class="message service" id="message-1"><div class="body details">12 February 2025</div></div>
<div class="message service" id="message5"><div class="body details">Mara invited Tobi and Lee</div></div>
<div class="message default clearfix" id="message6"><div class="body"><div class="pull_right date details" title="12.02.2025 08:38:01 UTC">08:38</div>
<div class="from_name">Mara via @helperbot</div><div class="text">Tom &amp; Jerry<br>tonight?  call 010-1111-2222</div></div></div>
<div class="message default clearfix joined" id="message7"><div class="body"><div class="pull_right date details" title="12.02.2025 08:39:00 UTC">08:39</div>
<div class="forwarded body"><div class="from_name">Someone Else<span class="details"> 01.01.2025 10:00:00</span></div><div class="text">forwarded text</div></div></div></div>
<div class="message default clearfix" id="message8"><div class="body"><div class="pull_right date details" title="not a time">?</div><div class="from_name">Tobi</div><div class="text">lost</div></div></div>
<div class="message default clearfix" id="message9"><div class="body"><div class="pull_right date details" title="12.02.2025 09:00:00 GMT+01:00">09:00</div><div class="from_name">Lee</div>
<div class="media_wrap clearfix"><div class="media clearfix pull_left media_contact"><div class="fill pull_left"></div><div class="body"><div class="title bold">Jin Park</div><div class="status details">0082 10 3333 4444</div></div></div></div></div></div>
</div></div></body></html>
"#;

#[test]
fn reads_messages_events_cards_and_carries_the_sender() {
    let c = read(COMPACT).unwrap();
    assert_eq!(c.rooms.len(), 1);
    assert_eq!(c.rooms[0].name, "Family & Co");
    let got: Vec<_> = c.messages.iter().map(|m| (m.line, m.sender.name.as_str(), m.text.as_str(), m.kind)).collect();
    assert_eq!(
        got,
        [
            (5, "Mara", "Tom & Jerry\ntonight? call 010-1111-2222", MessageKind::Text),
            (7, "Mara", "forwarded text", MessageKind::Text),
            (10, "Lee", "Jin Park", MessageKind::Media),
        ]
    );
    assert_eq!(c.messages[0].at.to_string(), "2025-02-12 08:38:01");
    assert_eq!(c.events.len(), 1);
    assert_eq!(c.events[0].kind, EventKind::Invited);
    assert_eq!(c.events[0].subjects.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Tobi", "Lee"]);
    assert_eq!(c.unparsed.len(), 1, "the message with no time: {:?}", c.unparsed);
    assert_eq!(c.unparsed[0].0, 9);
    assert_eq!(c.contacts.len(), 1);
    let card = &c.contacts[0];
    assert_eq!(card.name.as_deref(), Some("Jin Park"));
    assert_eq!(card.phones[0].raw, "+82 10 3333 4444", "the 00 prefix is international");
    assert_eq!(card.shared.as_ref().map(|s| s.sender.as_str()), Some("Lee"));
}

#[test]
fn a_page_cut_inside_a_tag_or_an_element_is_an_error_at_its_last_line() {
    let cut = &COMPACT[..COMPACT.find("Jin Park").unwrap()];
    let err = read(cut).unwrap_err();
    assert!(
        err.to_string().starts_with("messages.html:11: the page ends inside the message begun on line 10"),
        "{err}"
    );
    let err = read("<div class=\"message default clearfix\" id=\"message1\">\n<div class=\"pull_right").unwrap_err();
    assert!(err.to_string().starts_with("messages.html:2: the page ends inside a tag"), "{err}");
}

#[test]
fn chooses_pages_in_number_order_per_chat_after_the_account_pages() {
    let entries = [
        "DataExport/chats/chat_10/messages.html",
        "DataExport/chats/chat_2/messages2.html",
        "DataExport/chats/chat_2/messages10.html",
        "DataExport/chats/chat_2/messages.html",
        "DataExport/chats/chat_2/photos/photo_1.jpg",
        "DataExport/export_results.html",
        "DataExport/lists/contacts.html",
        "DataExport/lists/chats.html",
        "DataExport/css/style.css",
    ];
    let order: Vec<&str> = TelegramHtml.parts(&entries).into_iter().map(|i| entries[i]).collect();
    assert_eq!(
        order,
        [
            "DataExport/export_results.html",
            "DataExport/lists/contacts.html",
            "DataExport/chats/chat_2/messages.html",
            "DataExport/chats/chat_2/messages2.html",
            "DataExport/chats/chat_2/messages10.html",
            "DataExport/chats/chat_10/messages.html",
        ]
    );
    assert!(TelegramHtml.parts(&["_chat.txt", "media/1.jpg", "messages1.html"]).is_empty());
}

#[test]
fn sniffs_pages_and_lists_but_not_other_html() {
    let probe = |head| TelegramHtml.sniff(&Probe { file_name: "messages.html", head });
    assert!(probe(COMPACT));
    assert!(probe("<div class=\"page_wrap\">\n <div class=\"page_header\">\n"));
    assert!(!probe("<html><body><div class=\"message\">hi</div></body></html>"));
    assert!(!probe("{\"name\": \"x\", \"messages\": []}"));
}
