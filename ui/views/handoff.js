// @ts-check
// Send to phone: a dialog with one QR code for a phone on the same Wi-Fi (or
// the phone's hotspot), a countdown, how often the phone fetched it, and Stop.
// The server listens only while the dialog is open; closing it stops it.

import { call } from '../ipc.js';
import { h, icon, mount } from '../dom.js';
import { t, errorText } from '../i18n.js';

/** Open the dialog for a group ({group: id}) or a person ({person: id}). */
export function sendToPhone(who, title) {
  const body = h('div.handoff-body', { id: 'handoff-body' }, h('p.muted', t('handoff_starting')));
  const stop = h('button.primary', { id: 'handoff-stop', onclick: () => close() }, icon('x'), t('handoff_stop'));
  const overlay = h('div.modal', { role: 'dialog', 'aria-modal': 'true', id: 'handoff', onkeydown: (e) => { if (e.key === 'Escape') close(); } },
    h('div.card.handoff-card', h('h3', t('handoff_title', { name: title })), body, h('div.actions', stop)));
  let timer = null;
  let closed = false;
  function close() {
    closed = true;
    clearInterval(timer);
    overlay.remove();
    call('stop_handoff').catch(() => {});
  }
  document.body.append(overlay);
  stop.focus();

  call('start_handoff', who).then((started) => {
    if (closed) return call('stop_handoff');
    const countdown = h('p.handoff-countdown', { id: 'handoff-countdown' });
    const fetched = h('p.muted', { id: 'handoff-fetches' });
    const show = (s) => {
      if (!s || s.finished || s.seconds_left === 0) {
        clearInterval(timer);
        mount(countdown, t(s && s.fetches >= s.max_fetches ? 'handoff_used' : 'handoff_ended'));
        stop.textContent = t('handoff_close');
      } else {
        const m = Math.floor(s.seconds_left / 60);
        const sec = String(s.seconds_left % 60).padStart(2, '0');
        mount(countdown, t('handoff_left', { time: `${m}:${sec}` }));
      }
      mount(fetched, t('handoff_fetched', { n: s ? s.fetches : 0, max: s ? s.max_fetches : 0 }));
    };
    mount(body,
      h('img.handoff-qr', { id: 'handoff-qr', src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(started.qr)}`, alt: t('handoff_scan'), width: 240, height: 240 }),
      h('p', t('handoff_scan')),
      h('p.fine', t('handoff_people', { n: started.people })),
      countdown, fetched,
      h('p.fine', t('handoff_private')));
    show(started.status);
    timer = setInterval(() => call('handoff_status').then(show).catch(() => show(null)), 1000);
  }).catch((e) => {
    mount(body, h('p.error', { id: 'handoff-error' }, errorText(e)));
    stop.textContent = t('handoff_close');
  });
}
