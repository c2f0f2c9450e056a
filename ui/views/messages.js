// @ts-check
// Messages: search all chat history (Korean substrings, "chat with myself"
// notes included), newest first with how many match, each hit with the messages around it and
// its room one click away.

import { call } from '../ipc.js';
import { h, icon, mount } from '../dom.js';
import { t, errorText, fmtDate } from '../i18n.js';

// The newest hits, each with the messages around it: enough to see what
// matched; the count says how many more there are (type more to narrow).
const LIMIT = 30;
let last = '';

export function forget() {
  last = '';
}

export function render(view, ctx) {
  const input = h('input', { id: 'message-search', type: 'search', placeholder: t('messages_search_hint'), value: last, autocomplete: 'off' });
  const out = h('div', { id: 'message-results' });
  // Each keystroke asks at once; one typed while a search is out waits for
  // it, and only the field's latest text is asked next (no queue, no delay).
  let busy = false;
  let again = false;
  const run = async () => {
    if (busy) { again = true; return; }
    const query = input.value.trim();
    last = query;
    if (!query) { mount(out, h('p.muted', t('messages_empty'))); return; }
    busy = true;
    try {
      const { total, hits } = await call('search_messages', { query, limit: LIMIT });
      mount(out, hits.length
        ? [h('p.muted', { id: 'message-count' }, t(total > hits.length ? 'messages_found_many' : 'messages_found', { n: hits.length, total })),
          h('ul.hits', hits.map((hit) => result(hit, query, ctx)))]
        : h('p.muted', { id: 'message-count' }, t('messages_none', { q: query })));
    } catch (e) {
      mount(out, h('p.error', errorText(e)));
    } finally {
      busy = false;
      if (again) { again = false; run(); }
    }
  };
  input.addEventListener('input', run);
  mount(view, h('div.page.messages-page',
    h('header.page-head', h('h1', t('messages_title')), h('p.muted', t('messages_body'))),
    h('div.search-row', icon('search'), input),
    out));
  input.focus();
  run();
}

function result(hit, query, ctx) {
  const line = (m, cls) => h(`div.${cls}`, h('span.sender', m.sender), ' ', h('span.fine', fmtDate(m.at)), h('div.text', m.text));
  return h('li.hit',
    h('div.hit-head', h('button.link', { onclick: () => ctx.go('groups', { groupId: hit.group_id }) }, hit.group), h('span.fine', ` · ${fmtDate(hit.at)}`)),
    hit.before.map((m) => line(m, 'context')),
    h('div.found', h('span.sender', hit.sender), ' ', h('div.text', marked(hit.text, query))),
    hit.after.map((m) => line(m, 'context')));
}

// The text with every occurrence of the query marked (case-insensitive).
function marked(text, query) {
  const parts = [];
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(q); i >= 0 && q; i = lower.indexOf(q, at)) {
    parts.push(text.slice(at, i), h('mark', text.slice(i, i + q.length)));
    at = i + q.length;
  }
  parts.push(text.slice(at));
  return parts;
}
