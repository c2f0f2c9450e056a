// @ts-check
// Export: vCard 4.0 or 3.0, CSV, or a group's printable sheet, of everyone,
// one group or one person, to a file the user chooses; the sheet can also
// open in the desktop's browser to print; or the same people sent to a phone.

import { call } from '../ipc.js';
import { h, icon, mount, field, toast } from '../dom.js';
import { t, errorText, lang } from '../i18n.js';
import { pathField } from './paths.js';
import { sendToPhone } from './handoff.js';

const FORMATS = [['vcard4', 'fmt_vcard4'], ['vcard3', 'fmt_vcard3'], ['csv', 'fmt_csv'], ['sheet', 'fmt_sheet']];
const EXTENSION = { vcard4: 'vcf', vcard3: 'vcf', csv: 'csv', sheet: 'html' };

export async function render(view, ctx) {
  let groups = [];
  try {
    groups = await call('groups');
  } catch (e) {
    mount(view, h('div.placeholder', h('p.error', errorText(e))));
    return;
  }
  const arg = ctx.arg || {};
  const format = select('export-format', FORMATS.map(([v, k]) => [v, t(k)]), arg.format || 'vcard4');
  const who = select('export-who', [['everyone', t('who_everyone')], ['group', t('who_group')], ['person', t('who_person')]],
    arg.personId ? 'person' : arg.groupId ? 'group' : 'everyone');
  const group = select('export-group', groups.map((g) => [String(g.id), g.name]), String(arg.groupId ?? groups[0]?.id ?? ''));
  // An id from the Person screen, or what the user types (a name or number).
  let personId = arg.personId ?? null;
  const person = h('input', { id: 'export-person', value: arg.personName || '', spellcheck: false, oninput: () => { personId = null; } });
  const fileName = () => {
    const base = who.value === 'group' || format.value === 'sheet' ? selectedName(group) : who.value === 'person' ? person.value.trim() : 'lifeboat-contacts';
    return `${base || 'lifeboat-contacts'}.${EXTENSION[format.value]}`;
  };
  const path = pathField({ id: 'export-path', save: true, fileName, title: t('save_to') });
  const result = h('p.result.good', { id: 'export-result', role: 'status' });
  const error = h('p.error', { id: 'export-error', role: 'alert' });
  const exportButton = h('button.primary', { id: 'export-now', type: 'submit' }, icon('export'), t('export_now'));
  const printButton = h('button', { id: 'export-print', type: 'button', onclick: () => printSheet(Number(group.value)) }, icon('print'), t('open_to_print'));
  const phoneButton = h('button', { id: 'export-to-phone', type: 'button', onclick: () => {
    if (who.value === 'group') return sendToPhone({ group: Number(group.value) }, selectedName(group));
    if (who.value === 'person') return sendToPhone({ person: personId !== null ? String(personId) : person.value }, person.value.trim());
    return sendToPhone({}, t('who_everyone'));
  } }, icon('phone'), t('send_to_phone'));
  const groupRow = field(t('export_group'), group);
  const personRow = field(t('export_person'), person, t('person_hint'));
  const whoRow = field(t('export_who'), who);

  const sync = () => {
    const sheet = format.value === 'sheet';
    whoRow.hidden = sheet;
    groupRow.hidden = !(sheet || who.value === 'group');
    personRow.hidden = sheet || who.value !== 'person';
    printButton.hidden = !sheet;
    phoneButton.hidden = sheet;
  };
  format.addEventListener('change', sync);
  who.addEventListener('change', sync);
  sync();

  const run = async (e) => {
    e.preventDefault();
    error.textContent = '';
    result.textContent = '';
    if (!path.input.value.trim()) {
      const picked = await call('pick_save_path', { title: t('save_to'), fileName: fileName() }).catch(() => null);
      if (!picked) return;
      path.input.value = picked;
    }
    const sheet = format.value === 'sheet';
    const args = {
      format: format.value,
      group: sheet || who.value === 'group' ? Number(group.value) : null,
      person: !sheet && who.value === 'person' ? (personId !== null ? String(personId) : person.value) : null,
      path: path.input.value,
      lang: lang(),
    };
    exportButton.disabled = true;
    try {
      const n = await call('export_file', args);
      result.textContent = t('exported', { n, path: args.path });
    } catch (err) {
      error.textContent = errorText(err);
    }
    exportButton.disabled = false;
  };

  mount(view, h('div.page.export-page',
    h('header.page-head', h('h1', t('export_title')), h('p.muted', t('export_body'))),
    h('form.card.form', { id: 'export-form', onsubmit: run },
      field(t('export_format'), format),
      whoRow, groupRow, personRow,
      field(t('save_to'), path.el),
      error, result,
      h('div.actions', printButton, phoneButton, exportButton))));
}

/** Open a group's sheet in the desktop's browser, to print from there. */
export async function printSheet(groupId) {
  try {
    await call('open_sheet', { group: groupId });
    toast(t('sheet_opened'));
  } catch (e) {
    toast(errorText(e), 'error');
  }
}

function select(id, options, value) {
  return h('select', { id }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

function selectedName(sel) {
  return sel.selectedOptions[0]?.textContent?.trim() || '';
}
