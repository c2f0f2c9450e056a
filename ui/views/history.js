// @ts-check
// History: every import not undone, newest first, each with Undo.

import { call } from '../ipc.js';
import { h, icon, mount, toast, confirmBox } from '../dom.js';
import { t, errorText, fmtDate } from '../i18n.js';

export async function render(view) {
  let batches;
  try {
    batches = await call('batches');
  } catch (e) {
    mount(view, h('div.placeholder', h('p.error', errorText(e))));
    return;
  }
  const list = batches.slice().reverse().map((b) => h('li.batch', { dataset: { id: b.id } },
    h('div.batch-head',
      h('span.badge', t(`batch_kind_${b.kind}`)),
      h('span.batch-date', fmtDate(b.at), ' ', (b.at || '').slice(11, 16)),
      h('div.grow'),
      h('button.small', { className: 'small undo', onclick: () => undo(b, view) }, t('undo'))),
    h('ul.batch-files', b.files.map((f) => h('li', icon('file'), h('span', f.name), h('span.fine', f.format)))),
    h('p.fine', t('added', b.added))));
  mount(view, h('div.page',
    h('header.page-head', h('h1', t('history_title'))),
    list.length ? h('ul.batches', { id: 'batches' }, list) : h('div.empty.small', h('p.muted', t('history_empty')))));
}

async function undo(b, view) {
  if (!(await confirmBox(t('undo_confirm'), t('undo'), t('cancel')))) return;
  try {
    const r = await call('undo_batch', { id: b.id });
    toast(t('undone', r.removed) + (r.kept_edited ? ` ${t('kept_edited', { n: r.kept_edited })}` : ''));
  } catch (e) {
    toast(errorText(e), 'error');
  }
  render(view);
}
