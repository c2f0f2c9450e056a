// @ts-check
// Groups: every chat room and contact list, how many of its members can be
// reached without the messenger, who to ask for a number now, and one link
// to text everyone.

import { call } from '../ipc.js';
import { h, icon, mount, toast, copyText } from '../dom.js';
import { t, errorText, fmtDate, lang } from '../i18n.js';
import { avatar } from './people.js';
import { printSheet } from './export.js';
import { openLink, handleText } from './person.js';
import { sendToPhone } from './handoff.js';
import { roster } from './roster.js';

let selected = null;

export function forget() {
  selected = null;
}

export async function render(view, ctx) {
  if (ctx.arg?.groupId) selected = ctx.arg.groupId;
  let groups;
  try {
    groups = await call('groups');
  } catch (e) {
    mount(view, h('div.placeholder', h('p.error', errorText(e))));
    return;
  }
  if (!groups.length) {
    mount(view, h('div.empty.page',
      h('div.empty-art', icon('groups')),
      h('p.empty-title', t('groups_empty_title')),
      h('p.muted', t('groups_empty_body')),
      h('button.primary', { onclick: () => ctx.go('import') }, icon('import'), t('go_import'))));
    return;
  }
  const detail = h('section.detail', { id: 'group-pane' });
  const items = groups.map((g, i) => {
    return h('button.group-item', {
      dataset: { id: g.id, index: i }, 'aria-selected': g.id === selected ? 'true' : 'false',
      onclick: () => open(g),
      onkeydown: (e) => move(e, i),
    },
    h('div.group-name', g.name),
    h('div.group-sub', t('members_n', { n: g.members }), g.messages ? ` · ${t('messages_n', { n: g.messages })}` : ''),
    meter(g.reachable, g.members, true));
  });
  const list = h('div.group-list', { id: 'group-list', role: 'listbox' }, items);
  mount(view, h('div.split', h('section.list-pane', h('div.list-title', t('nav_groups')), list), detail));

  function move(e, i) {
    const next = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : null;
    if (next === null || next < 0 || next >= items.length) return;
    e.preventDefault();
    items[next].focus();
    open(groups[next]);
  }

  function open(g) {
    selected = g.id;
    for (const el of items) el.setAttribute('aria-selected', el.dataset.id === String(g.id) ? 'true' : 'false');
    renderGroup(detail, g, ctx);
  }
  const initial = groups.find((g) => g.id === selected);
  if (initial) open(initial);
  else mount(detail, h('div.placeholder', icon('groups'), h('p', t('select_group'))));
}

// The roster's dot and its words for each way a member can be reached.
const REACH = { contact: ['ok', 'reach_contact'], handle: ['handle', 'reach_handle'], name: ['no', 'reach_none'] };

export function meter(r, n, compact = false) {
  const pct = n ? Math.round((r / n) * 100) : 0;
  const tone = pct >= 80 ? 'good' : pct >= 40 ? 'mid' : 'low';
  return h('div.meter', { className: `meter ${tone}${compact ? ' compact' : ''}` },
    h('div.meter-bar', h('div.meter-fill', { style: `width:${pct}%` })),
    h('div.meter-text', t('reachable_of', { r, n })));
}

// The members to ask, as cards: the first ASK_SHOWN, and the rest on a click
// (a room of thousands may have hundreds to ask; the roster lists them all).
const ASK_SHOWN = 24;

/**
 * @param {import('../bindings/MemberView').MemberView[]} members
 * @param {(id: number) => void} openPerson
 */
function askList(members, openPerson) {
  const card = (m) => h('li', h('button.link', { onclick: () => openPerson(m.person_id) }, avatar(m.name), h('span', m.name)),
    h('span.fine', m.asked_at ? t('asked_no_answer', { at: fmtDate(m.asked_at) }) : m.last_seen ? t('last_seen', { at: fmtDate(m.last_seen) }) : ''));
  const list = h('ul.ask-list', { id: 'ask-list' }, members.slice(0, ASK_SHOWN).map(card));
  if (members.length <= ASK_SHOWN) return list;
  const more = h('button.link.ask-more', { id: 'ask-more', type: 'button', onclick: () => {
    more.remove();
    list.append(...members.slice(ASK_SHOWN).map(card));
  } }, t('ask_show_all', { n: members.length }));
  return h('div', list, more);
}

/** @param {import('../bindings/SeatClaim').SeatClaim} c */
function seatClaimText(c) {
  const signer = c.signer.name || c.signer.fingerprint || '';
  return t('seat_claimed_hint', { signed: c.signer.signed ? 'yes' : 'no', signer, file: c.file });
}

/**
 * The roster of one group of the list, read when it opens.
 * @param {HTMLElement} pane
 * @param {import('../bindings/GroupSummary').GroupSummary} line
 */
async function renderGroup(pane, line, ctx) {
  // Asked at once: how many "text everyone" reaches comes while the roster draws.
  const numbers = call('group_numbers', { id: line.id });
  numbers.catch(() => {}); // answered below, or not needed
  let g;
  try {
    g = await call('group', { id: line.id });
  } catch (e) {
    mount(pane, h('div.placeholder', h('p.error', errorText(e))));
    return;
  }
  // Another group was chosen while this one was read.
  if (selected !== line.id) return;
  const current = g.members.filter((m) => !m.left);
  const reachable = current.filter((m) => m.reachability === 'contact');
  // A handle is a way to write to them (a DM works when the room does not):
  // they are counted apart and not asked.
  const byHandle = current.filter((m) => m.reachability === 'handle');
  const unreachable = current.filter((m) => m.reachability === 'name');
  const sms = h('button.primary', { id: 'sms-everyone', disabled: true, onclick: () => openLink('text_group', g.id) }, icon('sms'), t('sms_everyone'));
  const openPerson = (id) => ctx.go('people', { personId: id });
  const asked = h('div', { id: 'ask-out' });
  const askButton = h('button.primary', { id: 'ask-room', type: 'button', onclick: async () => {
    try {
      const a = await call('ask_group', { id: g.id, lang: lang() === 'ko' ? 'ko' : 'en' });
      if (!a.message) return;
      const copied = await copyText(a.message);
      mount(asked, h('pre.ask-message', { id: 'ask-message' }, a.message));
      toast(copied ? t('ask_copied') : t('ask_copy_failed'));
    } catch (e) {
      toast(errorText(e), 'error');
    }
  } }, icon('copy'), t('ask_in_room'));

  mount(pane, h('div.group',
    h('header.group-head',
      h('div.grow', h('h2', g.name),
        h('p.muted', [t('members_n', { n: current.length }), g.messages ? t('messages_n', { n: g.messages }) : null, g.platform].filter(Boolean).join(' · ')))),
    h('div.head-actions',
      sms,
      h('button', { id: 'send-group-to-phone', onclick: () => sendToPhone({ group: g.id }, g.name) }, icon('phone'), t('send_to_phone')),
      h('button', { id: 'print-sheet', onclick: () => printSheet(g.id) }, icon('print'), t('print_sheet')),
      h('button', { id: 'export-group', onclick: () => ctx.go('export', { groupId: g.id }) }, icon('export'), t('export_group_button'))),
    h('div.reach-card', { id: 'reach' }, h('div.reach-big', `${reachable.length}`, h('span', ` / ${current.length}`)),
      h('div.grow', meter(reachable.length, current.length),
        byHandle.length ? h('p.reach-handle', { id: 'reach-handle' }, h('span.dot.handle'), t('reachable_by_handle', { n: byHandle.length })) : null)),
    unreachable.length
      ? h('section.ask',
        h('h3', icon('alert'), t('ask_now')),
        h('p.muted', t('ask_now_hint')),
        askList(unreachable, openPerson),
        h('div.actions', askButton),
        asked)
      : h('p.good-news', icon('check'), t('everyone_reachable')),
    h('h3', t('roster')),
    roster(pane, g.members, (m) => h(m.left ? 'tr.member.left' : 'tr.member', { onclick: () => openPerson(m.person_id) },
      h('td', h('span.dot', { className: `dot ${REACH[m.reachability][0]}`, title: t(REACH[m.reachability][1]) })),
      h('td.name', { title: m.name }, m.name, m.left ? h('span.badge', t('left_group')) : null,
        m.reachability === 'handle' ? h('span.badge.handle', { title: m.handles.map(handleText).join(', ') }, t('via_handle')) : null,
        m.asked_at && m.reachability !== 'name' ? h('span.badge.ok', t('answered')) : null,
        m.claimed_by ? h('span.badge.warn.seat-claimed', { title: seatClaimText(m.claimed_by) }, t('seat_claimed')) : null),
      h('td.num', m.messages ? t('messages_n', { n: m.messages }) : ''),
      h('td.fine', m.last_seen ? fmtDate(m.last_seen) : ''))),
  ));

  try {
    const n = await numbers;
    if (n) {
      sms.disabled = false;
      sms.replaceChildren(icon('sms'), t('sms_everyone_n', { n }));
    }
  } catch {
    // The button stays disabled: there is nobody to text, or the vault locked.
  }
}
