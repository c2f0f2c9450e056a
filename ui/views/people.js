// @ts-check
// People: instant search over everyone and a virtual list that draws only
// the rows on screen, so 100,000 people scroll as smoothly as 10. The
// chosen person opens in the pane on the right.

import { call } from '../ipc.js';
import { h, icon, mount } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { renderPerson } from './person.js';

const ROW = 60; // px, fixed so the list can compute what is visible
const PAGE = 100; // rows fetched at a time
const OVERSCAN = 6;

let state = null;

export function forget() {
  state = null;
}

export function render(view, ctx) {
  const search = h('input.search', {
    id: 'search', type: 'search', placeholder: t('search_placeholder'), 'aria-label': t('search_placeholder'),
    autocomplete: 'off', spellcheck: false, value: state?.query ?? '',
  });
  const count = h('div.list-count', { id: 'people-count' });
  const spacer = h('div.spacer');
  const list = h('div.vlist', { id: 'people-list', tabIndex: 0, role: 'listbox', 'aria-label': t('nav_people') }, spacer);
  const detail = h('section.detail', { id: 'person-pane' });
  const listPane = h('section.list-pane',
    h('div.search-box', icon('search'), search), count, list);
  mount(view, h('div.split', listPane, detail));

  state = {
    query: state?.query ?? '',
    selected: ctx.arg?.personId ?? state?.selected ?? null,
    cursor: state?.cursor ?? 0,
    total: 0,
    pages: new Map(),
    seq: 0,
    ctx, view, search, count, list, spacer, detail,
  };
  search.addEventListener('input', () => query(search.value));
  search.addEventListener('keydown', keys);
  list.addEventListener('keydown', keys);
  list.addEventListener('scroll', draw, { passive: true });
  new ResizeObserver(draw).observe(list);
  // Once the first page shows, the search is made ready for the first keystroke.
  query(state.query).then(() => call('ready_people_search')).catch(() => {});
  openPerson(state.selected);
}

/** A new query: drop cached pages, fetch the first, redraw. */
async function query(q) {
  const s = state;
  s.query = q;
  s.pages = new Map();
  s.cursor = 0;
  const seq = ++s.seq;
  let page;
  try {
    page = await call('people_page', { query: q, offset: 0, limit: PAGE });
  } catch (e) {
    mount(s.count, h('span.error', errorText(e)));
    return;
  }
  if (state !== s || seq !== s.seq) return; // a newer keystroke won
  s.total = page.total;
  s.pages.set(0, page.rows);
  s.list.scrollTop = 0;
  s.spacer.style.height = `${s.total * ROW}px`;
  s.count.textContent = q.trim() ? t('people_found', { n: s.total }) : t('people_count', { n: s.total });
  if (s.total === 0) return empty();
  s.list.classList.remove('is-empty');
  draw();
}

function empty() {
  const s = state;
  s.list.classList.add('is-empty');
  for (const el of [...s.list.querySelectorAll('.row, .empty')]) el.remove();
  if (s.query.trim()) {
    s.list.append(h('div.empty.small', h('p.empty-title', t('no_match', { q: s.query })), h('p.muted', t('no_match_hint'))));
    return;
  }
  // A new vault: the whole screen says what to do first.
  mount(s.view, h('div.empty.page', { id: 'people-empty' },
    h('div.empty-art', icon('people')),
    h('p.empty-title', t('empty_title')),
    h('p.muted', t('empty_body')),
    h('ol.steps', h('li', t('empty_step1')), h('li', t('empty_step2')), h('li', t('empty_step3'))),
    h('button.primary', { id: 'go-import', onclick: () => s.ctx.go('import') }, icon('import'), t('go_import'))));
  state = null;
}

/** Draw the visible rows; fetch pages that are not cached yet. */
function draw() {
  const s = state;
  if (!s || s.total === 0) return;
  const top = s.list.scrollTop;
  const height = s.list.clientHeight || 600;
  const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN);
  const last = Math.min(s.total - 1, Math.ceil((top + height) / ROW) + OVERSCAN);
  const rows = [];
  for (let i = first; i <= last; i++) {
    const row = rowAt(i);
    rows.push(row ? rowEl(row, i) : h('div.row.loading', { style: `top:${i * ROW}px` }));
  }
  for (const el of [...s.list.querySelectorAll('.row, .empty')]) el.remove();
  s.list.append(...rows);
}

function rowAt(i) {
  const s = state;
  const p = Math.floor(i / PAGE);
  const page = s.pages.get(p);
  if (page) return page[i - p * PAGE];
  if (!s.pages.has(`loading${p}`)) {
    s.pages.set(`loading${p}`, true);
    const seq = s.seq;
    call('people_page', { query: s.query, offset: p * PAGE, limit: PAGE }).then((res) => {
      if (state !== s || seq !== s.seq) return;
      s.pages.set(p, res.rows);
      draw();
    }).catch(() => s.pages.delete(`loading${p}`));
  }
  return null;
}

function rowEl(r, i) {
  const s = state;
  const sub = r.phone || r.email || t('no_contact');
  return h('div.row', {
    style: `top:${i * ROW}px`, role: 'option', dataset: { id: r.id, index: i },
    'aria-selected': r.id === s.selected ? 'true' : 'false',
    className: `row${i === s.cursor ? ' cursor' : ''}${r.id === s.selected ? ' selected' : ''}`,
    onclick: () => { s.cursor = i; openPerson(r.id); draw(); },
  },
  avatar(r.name),
  h('div.row-text', h('div.row-name', r.name), h('div.row-sub', { className: `row-sub${r.reachable ? '' : ' faint'}` }, sub)),
  r.candidates > 0 ? h('span.badge.warn', t('candidates_n', { n: r.candidates })) : null,
  h('span.dot', { className: `dot ${r.reachable ? 'ok' : 'no'}`, title: r.reachable ? t('reach_contact') : t('reach_none') }));
}

/** A round initial in a colour picked from the name, the same every time. */
export function avatar(name, big = false) {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  const hue = hash % 360;
  return h('span.avatar', { className: `avatar${big ? ' big' : ''}`, style: `--hue:${hue}` }, [...name.trim()][0] || '?');
}

function keys(e) {
  const s = state;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    if (s.total === 0) return;
    s.cursor = Math.max(0, Math.min(s.total - 1, s.cursor + (e.key === 'ArrowDown' ? 1 : -1)));
    const y = s.cursor * ROW;
    if (y < s.list.scrollTop) s.list.scrollTop = y;
    else if (y + ROW > s.list.scrollTop + s.list.clientHeight) s.list.scrollTop = y + ROW - s.list.clientHeight;
    draw();
  } else if (e.key === 'Enter') {
    const row = rowAt(s.cursor);
    if (row) {
      e.preventDefault();
      openPerson(row.id);
      draw();
    }
  } else if (e.key === 'Escape' && e.target === s.search && s.search.value) {
    s.search.value = '';
    query('');
  }
}

function openPerson(id) {
  const s = state;
  s.selected = id;
  if (id === null || id === undefined) {
    mount(s.detail, h('div.placeholder', icon('people'), h('p', t('select_person'))));
    return;
  }
  renderPerson(s.detail, id, { go: s.ctx.go, changed: () => refreshRows() });
}

/** After an edit: re-read the cached rows so names and badges are current. */
function refreshRows() {
  const s = state;
  const q = s.query;
  const scroll = s.list.scrollTop;
  const cursor = s.cursor;
  query(q).then(() => {
    s.list.scrollTop = scroll;
    s.cursor = cursor;
    draw();
  });
}
