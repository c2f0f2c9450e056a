// @ts-check
// One person: every phone and e-mail with where it came from, links to call,
// text and mail, copy buttons, confirming or rejecting numbers found in
// chats, renaming, a QR code of their card, and "possibly the same person"
// suggestions to merge (with undo) or to mark as different.

import { call } from '../ipc.js';
import { h, icon, mount, copyText, toast, confirmBox } from '../dom.js';
import { t, errorText, fmtDate, saidText } from '../i18n.js';
import { avatar } from './people.js';
import { sendToPhone } from './handoff.js';

export async function renderPerson(pane, id, ctx) {
  let p;
  try {
    p = await call('person', { id });
  } catch (e) {
    mount(pane, h('div.placeholder', h('p.error', errorText(e))));
    return;
  }
  const reload = (message) => {
    if (message) toast(message);
    ctx.changed?.();
    renderPerson(pane, id, ctx);
  };
  const name = h('h2.person-name', { id: 'person-name' }, p.name, p.me ? h('span.badge', t('me')) : null);
  const editButton = h('button.ghost.small', { id: 'edit-name', title: t('edit_name'), onclick: () => editName() }, icon('edit'), t('edit_name'));
  const exportButton = h('button.ghost.small', { id: 'export-person', onclick: () => ctx.go('export', { personId: id, personName: p.name }) }, icon('export'), t('export_person_button'));
  const phoneButton = h('button.ghost.small', { id: 'send-person-to-phone', onclick: () => sendToPhone({ person: String(id) }, p.name) }, icon('phone'), t('send_to_phone'));
  const head = h('header.person-head', avatar(p.name, true), h('div.grow', name,
    p.aliases.length ? h('p.muted', `${t('also_known')}: ${p.aliases.join(' · ')}`) : null,
    p.org ? h('p.muted', p.org) : null), editButton, phoneButton, exportButton);

  function editName() {
    const input = h('input', { value: p.name, 'aria-label': t('edit_name'), id: 'name-input' });
    const save = async () => {
      try {
        await call('rename_person', { id, name: input.value });
        reload(t('renamed_toast'));
      } catch (e) {
        toast(errorText(e), 'error');
      }
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') save();
      if (e.key === 'Escape') renderPerson(pane, id, ctx);
    });
    mount(head, avatar(p.name, true), h('div.grow.edit-row', input,
      h('button.primary.small', { onclick: save }, t('save')),
      h('button.ghost.small', { onclick: () => renderPerson(pane, id, ctx) }, t('cancel'))));
    input.select();
  }

  const decide = async (kind, itemId, decision, personId) => {
    try {
      if (decision === 'give') {
        await call(OWNER_COMMAND[kind], { id: itemId, personId });
        reload(t('given_toast'));
        return;
      }
      await call(STATUS_COMMAND[kind], { id: itemId, decision });
      reload(t(decision === 'confirm' ? 'confirmed_toast' : 'rejected_toast'));
    } catch (e) {
      toast(errorText(e), 'error');
    }
  };

  // Links are built in Rust from the row id; a number with a service code
  // or a pause (`*21*…#`) gets none and is shown as text only.
  const dialable = new Set(p.dialable);
  const phones = p.phones.map((ph) => {
    const number = ph.e164 || ph.raw;
    return item({
      kind: 'phone', id: ph.id, value: dialable.has(ph.id) ? ph.shown : ph.raw, written: ph.raw, status: ph.status, conflict: ph.conflict, label: ph.label, sources: ph.sources,
      links: dialable.has(ph.id)
        ? [linkButton('call', ph.id, 'call', t('call')), linkButton('text', ph.id, 'sms', t('text'))]
        : [h('span.fine.no-link', { title: t('not_dialable_hint') }, t('not_dialable'))],
      copy: dialable.has(ph.id) ? number : ph.raw, decide, owner: id,
    });
  });
  const emails = p.emails.map((em) => item({
    kind: 'email', id: em.id, value: em.address, status: em.status, conflict: em.conflict, label: em.label, sources: em.sources,
    links: [linkButton('mail', em.id, 'mail', t('mail'))],
    copy: em.address, decide, owner: id,
  }));

  // Platform ids (service `id`) are how an export knew them, not a way to write to them.
  const handles = p.handles.filter((hd) => hd.service !== 'id').map((hd) => handleItem(hd, decide, id));

  const qr = h('div.qr', { id: 'person-qr' });
  const same = h('div', { id: 'same-person' });
  mount(pane, h('div.person',
    head,
    same,
    p.groups.length ? h('div.chips', p.groups.map((g) => h('span.chip', g))) : null,
    h('div.person-body',
      h('div.grow',
        h('h3', t('phones')),
        phones.length ? h('ul.items', phones) : h('p.muted.none', t('no_phones')),
        h('h3', t('emails')),
        emails.length ? h('ul.items', emails) : h('p.muted.none', t('no_emails')),
        handles.length ? [h('h3', t('handles')), h('ul.items', { id: 'person-handles' }, handles)] : null),
      h('aside.qr-card', h('h4', t('qr_title')), qr, h('p.fine', t('qr_hint'))))));

  sameness(same, p, id, reload);
  call('person_qr', { id }).then((svg) => {
    mount(qr, h('img', { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt: t('qr_title'), width: 168, height: 168 }));
  }).catch((e) => mount(qr, h('p.fine', errorText(e))));
}

// The last merge made here, so its Undo stays on the merged person's page.
let lastMerge = null;

/** The merge banner with Undo, and the suggestions that involve this person. */
async function sameness(box, p, id, reload) {
  const banner = lastMerge?.into === id ? h('div.notice.merge-banner', { id: 'merged-banner' },
    icon('merge'), h('span.grow', t('merged', { name: lastMerge.name })),
    h('button.small', { id: 'unmerge', onclick: async () => {
      try {
        await call('unmerge', { id: lastMerge.id });
        lastMerge = null;
        reload(t('unmerged'));
      } catch (e) {
        toast(errorText(e), 'error');
      }
    } }, t('undo'))) : null;
  mount(box, banner);
  let list;
  try {
    list = await call('suggestions', { id });
  } catch (e) {
    if (box.isConnected) mount(box, banner, h('p.error', errorText(e)));
    return;
  }
  if (!list.length || !box.isConnected) return;
  const act = async (other, merge) => {
    try {
      if (merge) {
        if (!await confirmBox(t('merge_confirm', { from: other.name, into: p.name }), t('merge'), t('cancel'))) return;
        const r = await call('merge_people', { into: id, from: other.id });
        lastMerge = { id: r.id, into: id, name: other.name };
        reload();
      } else {
        await call('not_same', { a: id, b: other.id });
        reload(t('not_same_toast'));
      }
    } catch (e) {
      toast(errorText(e), 'error');
    }
  };
  mount(box, banner, h('section.same', { id: 'suggestions' },
    h('h3', icon('merge'), t('maybe_same')),
    list.map((s) => {
      const [me, other] = s.a.id === id ? [s.a, s.b] : [s.b, s.a];
      const why = saidText(s.why);
      return h('div.same-item', { dataset: { other: other.id } },
        avatar(other.name),
        h('div.grow', h('div.same-name', other.name, other.groups.length ? h('span.fine', ` · ${other.groups.join(', ')}`) : null), h('p.fine', why)),
        h('button.small.primary', { className: 'small primary merge', onclick: () => act(other, true) }, t('merge')),
        h('button.small.ghost', { className: 'small ghost not-same', onclick: () => act(other, false) }, t('not_same')));
    })));
}

/** Call, text or mail: Rust builds the link for the row and opens it. */
function linkButton(kind, id, iconName, label) {
  return h('button.action', { className: `action link-${kind}`, title: label, onclick: () => openLink(kind, id) }, icon(iconName), label);
}

export async function openLink(kind, id) {
  try {
    await call('open_link', { kind, id });
  } catch (e) {
    toast(errorText(e), 'error');
  }
}

/**
 * One phone or e-mail row; `written` is the number as the chat wrote it, when it differs.
 * @param {{ kind: string, id: number, value: string, written?: string, status: import('../bindings/Status').Status,
 *   conflict: boolean, label: string | null, sources: import('../bindings/ProvenanceView').ProvenanceView[],
 *   links: unknown[], copy: string, decide: Function, owner: number }} row
 */
function item({ kind, id, value, written, status, conflict, label, sources, links, copy, decide, owner }) {
  const candidate = status === 'candidate';
  return h('li.item', { className: `item${candidate ? ' candidate' : ''}${conflict ? ' conflict' : ''}`, dataset: { kind, id } },
    h('div.item-main',
      h('span.item-value', written && written !== value ? { title: t('written_as', { v: written }) } : {}, value),
      label ? h('span.item-label', label) : null,
      badges(status, conflict),
      h('div.grow'),
      links,
      copyButton(copy)),
    sources.length ? h('ul.sources', sources.slice(0, 3).map(source)) : null,
    candidate ? decideButtons({ kind, id, sources, decide, owner }) : null);
}

/** Confirmed or candidate, and whether someone else's backup claims it against yours. */
function badges(status, conflict) {
  const candidate = status === 'candidate';
  return [
    h('span.badge', { className: `badge ${candidate ? 'warn' : 'ok'}` }, t(candidate ? 'candidate' : 'confirmed')),
    conflict ? h('span.badge.warn', { title: t('conflict_hint') }, t('conflict')) : null,
  ];
}

function copyButton(copy) {
  return h('button.action', { title: t('copy'), onclick: async () => { if (await copyText(copy)) toast(t('copied', { v: copy })); } }, icon('copy'), t('copy'));
}

/** "Theirs", "Not theirs" and "Someone else's" for a candidate. */
function decideButtons({ kind, id, sources, decide, owner }) {
  return h('div.decide',
    h('button.small.ok', { className: 'small ok confirm', onclick: () => decide(kind, id, 'confirm') }, icon('check'), t('confirm')),
    h('button.small.ghost', { className: 'small ghost reject', onclick: () => decide(kind, id, 'reject') }, icon('x'), t('reject')),
    h('button.small.ghost', { className: 'small ghost give', onclick: (e) => chooseOwner(e.currentTarget, { kind, id, sources, decide, owner }) }, t('someone_else')));
}

// "Someone else's": pick the member of the room it was shared in who owns it.
async function chooseOwner(button, { kind, id, sources, decide, owner }) {
  try {
    const rooms = new Set(sources.map((s) => s.group).filter(Boolean));
    const lines = (await call('groups')).filter((g) => rooms.has(g.name));
    const groups = await Promise.all(lines.map((g) => call('group', { id: g.id })));
    const members = new Map();
    for (const g of groups) for (const m of g.members) if (m.person_id !== Number(owner)) members.set(m.person_id, m.name);
    const options = [...members].sort((a, b) => a[1].localeCompare(b[1]));
    if (!options.length) { toast(t('no_other_members'), 'error'); return; }
    const pick = h('select.owner', ...options.map(([pid, name]) => h('option', { value: pid }, name)));
    const give = h('button.small.primary', { className: 'small primary give-to', onclick: () => decide(kind, id, 'give', Number(pick.value)) }, t('give_to'));
    button.replaceWith(h('span.owner-pick', pick, give));
    pick.focus();
  } catch (e) {
    toast(errorText(e), 'error');
  }
}

/** The command that confirms or rejects, and the one that gives away, each kind of row. */
const STATUS_COMMAND = /** @type {const} */ ({ phone: 'set_phone_status', email: 'set_email_status', handle: 'set_handle_status' });
const OWNER_COMMAND = /** @type {const} */ ({ phone: 'set_phone_owner', email: 'set_email_owner', handle: 'set_handle_owner' });

/**
 * A messenger or social ID, with the message that shared it. Like a number:
 * one found in a chat or claimed by someone else's backup is a candidate,
 * to confirm, reject ("Not theirs") or give to the member it belongs to.
 * @param {import('../bindings/HandleView').HandleView} hd
 * @param {Function} decide
 * @param {number} owner
 */
function handleItem(hd, decide, owner) {
  const { id, sources, status, conflict } = hd;
  const candidate = status === 'candidate';
  return h('li.item', { className: `item handle${candidate ? ' candidate' : ''}${conflict ? ' conflict' : ''}`, dataset: { kind: 'handle', service: hd.service, id } },
    h('div.item-main',
      h('span.item-label', serviceName(hd.service)),
      h('span.item-value', handleValue(hd)),
      badges(status, conflict),
      h('div.grow'),
      copyButton(hd.value)),
    sources.length ? h('ul.sources', sources.slice(0, 3).map(source)) : null,
    candidate ? decideButtons({ kind: 'handle', id, sources, decide, owner }) : null);
}

/** A handle as people write it: `Instagram @abc`, `Discord abc#1234`. */
export function handleText(hd) {
  return `${serviceName(hd.service)} ${handleValue(hd)}`;
}

/** The ID as its service shows it: `@abc` on Instagram and Telegram. */
function handleValue(hd) {
  return (hd.service === 'instagram' || hd.service === 'telegram') && !hd.value.startsWith('@') ? `@${hd.value}` : hd.value;
}

/** The name of a handle's service in the UI's language (the stored name for others). */
function serviceName(service) {
  const key = `service_${service}`;
  const name = t(key);
  return name === key ? service : name;
}

function source(s) {
  if (s.claim) {
    // Someone else's backup: their word, with who signed it and when.
    const signer = s.claim.signer;
    const said = signer.signed
      ? t('claimed_in', { file: s.file || '?', by: signer.name ? `${signer.name} (${signer.fingerprint})` : signer.fingerprint })
      : t('claimed_in_unsigned', { file: s.file || '?' });
    return h('li.claim', said, s.claim.made_at ? ` · ${fmtDate(s.claim.made_at)}` : '',
      s.claim.claimed === 'confirmed' ? h('span.fine', ' · ', t('confirmed_by_sender')) : null);
  }
  if (s.group || s.shared_by) {
    const who = t('shared_in', { who: s.shared_by || '?', group: s.group || '?' });
    // "3 times, first Jan 2, 2023": the count reads into the date of the first share.
    const when = [s.times > 1 ? t('shared_times', { n: s.times }) : '', s.at ? fmtDate(s.at) : ''].filter(Boolean).join(' ');
    return h('li', who, when ? ` · ${when}` : '', s.message ? h('q', s.message.length > 120 ? `${s.message.slice(0, 120)}…` : s.message) : null);
  }
  if (s.file) return h('li', s.line ? t('from_file_line', { file: s.file, line: s.line }) : t('from_file', { file: s.file }));
  return null;
}
