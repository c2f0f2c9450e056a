
(function () {
  "use strict";
  var ko = /^ko\b/i.test(navigator.language || "");
  var T = ko ? {
    title: function (n, t) { return t ? t + " (" + n + "명)" : "Lifeboat 연락처 " + n + "명"; },
    call: "전화", text: "문자", mail: "메일",
    candidate: "대화에서 찾은 번호, 아무도 확인하지 않음",
    candidateMail: "대화에서 찾은 주소, 아무도 확인하지 않음",
    everyone: function (n) { return "모두에게 문자 (" + n + "명)"; },
    everyoneNote: "문자 앱이 첫 번호만 받으면 한 사람씩 보내세요.",
    addAll: function (n) { return n + "명 모두 연락처에 추가"; },
    offline: "이 페이지는 닫기 전까지 인터넷 없이도 쓸 수 있습니다.",
    noKey: "이 링크에는 열쇠가 없어 연락처를 열 수 없습니다. 컴퓨터의 QR 코드를 카메라로 다시 찍고, 링크 전체를 여세요.",
    badKey: "이 링크의 열쇠가 맞지 않거나 손상되어 아무것도 보여 줄 수 없습니다. 컴퓨터의 QR 코드를 다시 찍으세요.",
    gone: "이 링크는 만료되었거나 이미 사용되었습니다. 컴퓨터에서 '휴대폰으로 보내기'(또는 lifeboat handoff)를 다시 눌러 새 QR 코드를 찍으세요."
  } : {
    title: function (n, t) { return t ? t + " (" + n + ")" : n + " people from Lifeboat"; },
    call: "Call", text: "Text", mail: "Mail",
    candidate: "found in a chat, not confirmed",
    candidateMail: "found in a chat, not confirmed",
    everyone: function (n) { return "Text everyone (" + n + ")"; },
    everyoneNote: "If your messages app takes only the first number, text them one by one.",
    addAll: function (n) { return "Add all " + n + " to contacts"; },
    offline: "This page keeps working without internet until you close it.",
    noKey: "This link has no key, so the contacts cannot be opened. Scan the QR code on the computer again with the camera and open the whole link.",
    badKey: "This link's key is wrong or damaged, so nothing can be shown. Scan the QR code on the computer again.",
    gone: "This link has expired or was already used. On the computer, press Send to phone again (or run lifeboat handoff) and scan the new QR code."
  };
  document.documentElement.lang = ko ? "ko" : "en";
  var app = document.getElementById("app");
  var key = location.hash.slice(1);
  // The key never stays in the address bar, the history or a shared link.
  if (location.hash) history.replaceState(null, "", location.pathname);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function link(href, text, scheme) {
    var a = el("a", null, text);
    if (href && href.indexOf(scheme) === 0) a.setAttribute("href", href);
    return a;
  }
  function message(text, cls) {
    app.textContent = "";
    var p = el("p", "message " + cls, text);
    app.appendChild(p);
  }
  function bytes(b64) {
    var s = atob(b64.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((b64.length + 3) % 4));
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function open() {
    var sealed = app.getAttribute("data-box");
    app.removeAttribute("data-box");
    if (app.getAttribute("data-state") !== "ready") return message(T.gone, "gone");
    if (!key) return message(T.noKey, "no-key");
    var k, boxed, n = nacl.secretbox.nonceLength;
    try { k = bytes(key); boxed = bytes(sealed); } catch (e) { k = null; }
    var plain = k && k.length === nacl.secretbox.keyLength && boxed.length > n &&
      nacl.secretbox.open(boxed.subarray(n), boxed.subarray(0, n), k);
    if (!plain) return message(T.badKey, "bad-key");
    render(JSON.parse(new TextDecoder().decode(plain)));
  }
  function ios() {
    var ua = navigator.userAgent || "";
    return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  }
  function render(data) {
    app.textContent = "";
    var n = data.people.length;
    app.appendChild(el("h1", null, T.title(n, data.title)));
    var actions = el("div", "actions");
    if (data.everyone.length > 1) {
      var href = ios() ? "sms:/open?addresses=" + data.everyone.join(",") : data.everyone_sms;
      var all = link(href, T.everyone(data.everyone.length), "sms:");
      all.id = "text-everyone";
      actions.appendChild(all);
      actions.appendChild(el("p", "note", T.everyoneNote));
    }
    var add = el("a", null, T.addAll(n));
    add.id = "add-all";
    add.setAttribute("href", "data:text/vcard;charset=utf-8," + encodeURIComponent(data.vcard));
    add.setAttribute("download", "lifeboat-contacts.vcf");
    actions.appendChild(add);
    app.appendChild(actions);
    data.people.forEach(function (p) {
      var card = el("section", "person");
      card.appendChild(el("h2", "name", p.name));
      p.phones.forEach(function (ph) {
        var row = el("div", "value phone");
        row.appendChild(el("span", "number", ph.number));
        if (ph.label) row.appendChild(el("span", "label", ph.label + " "));
        if (ph.tel) row.appendChild(link(ph.tel, T.call, "tel:"));
        if (ph.sms) row.appendChild(link(ph.sms, T.text, "sms:"));
        if (ph.candidate) row.appendChild(el("div", "candidate", T.candidate));
        card.appendChild(row);
      });
      p.emails.forEach(function (e) {
        var row = el("div", "value email");
        row.appendChild(el("span", "address", e.address + " "));
        if (e.mailto) row.appendChild(link(e.mailto, T.mail, "mailto:"));
        if (e.candidate) row.appendChild(el("div", "candidate", T.candidateMail));
        card.appendChild(row);
      });
      app.appendChild(card);
    });
    app.appendChild(el("p", "note", T.offline));
  }
  open();
})();
