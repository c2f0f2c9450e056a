// @ts-check
// Import: files come by drag and drop or the native picker (the Rust side
// opens only files chosen one of these two ways, so there is no typed path);
// a dry run previews what they hold; the import runs with a progress bar and
// a Cancel button, and ends with a summary and Undo.

import { call, Channel } from '../ipc.js';
import { h, icon, mount, toast } from '../dom.js';
import { t, errorText, fmtDate, fmtBytes, fmtNum, saidText } from '../i18n.js';

let files = [];
let phase = { name: 'choose' }; // choose | preview | running | done
// How to read the files when sniffing or the dates cannot tell: null is "let Lifeboat decide".
/** @type {{ format: string | null, dateOrder: import('../bindings/DateOrder').DateOrder | null }} */
let options = { format: null, dateOrder: null };
/** @type {import('../bindings/ImportFormat').ImportFormat[] | null} */
let formats = null; // from the core's importer list
let view = null;
let ctx = null;

export function forget() {
  files = [];
  phase = { name: 'choose' };
  options = { format: null, dateOrder: null };
}

/** Paths dropped on the window (from any screen). */
export function addFiles(paths) {
  const fresh = paths.filter((p) => !files.includes(p));
  if (!fresh.length) return;
  if (phase.name === 'done') phase = { name: 'choose' };
  files.push(...fresh);
  if (view?.isConnected && phase.name !== 'running') preview();
}

export function render(v, c) {
  view = v;
  ctx = c;
  if (files.length && phase.name === 'choose') preview();
  else draw();
  if (!formats) {
    call('import_formats').then((list) => {
      formats = list;
      showFormats();
    }).catch((e) => toast(errorText(e), 'error'));
  }
}

/** Fill in the format names once the core has listed them (the page stays as it is). */
function showFormats() {
  const body = document.getElementById('import-body');
  if (body) body.textContent = t('import_body', { formats: formatNames().join(', ') });
  const names = document.getElementById('import-formats');
  if (names) names.textContent = formatNames().join(' · ');
}

/**
 * The apps and files the importer reads, in the UI's language, one name per
 * app: from the core's own list of formats, so a new importer shows here.
 */
function formatNames() {
  return [...new Set((formats ?? []).map((f) => t(`format_${f.id.replaceAll('-', '_')}`)))];
}

function draw() {
  if (!view?.isConnected) return;
  mount(view, h('div.page.import-page',
    h('header.page-head', h('h1', t('import_title')), h('p.muted', { id: 'import-body' }, formats ? t('import_body', { formats: formatNames().join(', ') }) : '')),
    phase.name === 'running' ? running() : phase.name === 'done' ? done() : chooser(),
    phase.name === 'preview' ? previewCard() : null,
  ));
}

function chooser() {
  return h('div',
    h('div.dropzone', { id: 'dropzone' },
      icon('import'),
      h('p.drop-title', t('drop_here')),
      h('p.muted', { id: 'import-formats' }, formatNames().join(' · ')),
      h('div.actions',
        h('button.primary', { id: 'choose-files', onclick: pick }, t('choose_files')),
        h('button', { id: 'choose-folder', onclick: pickFolder }, t('choose_folder')))),
    files.length ? h('ul.file-list', { id: 'file-list' }, files.map((f) => h('li', icon('file'), h('span.grow', f),
      h('button.ghost.small', { title: t('remove'), onclick: () => remove(f) }, icon('x'))))) : null);
}

async function pick() {
  try {
    const picked = await call('pick_files', { title: t('choose_files') });
    addFiles(picked);
  } catch (e) {
    toast(errorText(e), 'error');
  }
}

async function pickFolder() {
  try {
    const folder = await call('pick_folder', { title: t('choose_folder') });
    if (folder) addFiles([folder]);
  } catch (e) {
    toast(errorText(e), 'error');
  }
}

function remove(f) {
  files = files.filter((x) => x !== f);
  if (files.length) preview();
  else {
    phase = { name: 'choose' };
    draw();
  }
}

async function preview() {
  phase = { name: 'preview', report: null, error: null };
  draw();
  const mine = phase;
  try {
    formats ??= await call('import_formats');
    mine.report = await call('import_files', { paths: files, dryRun: true, ...chosen(), onProgress: new Channel(() => {}) });
  } catch (e) {
    mine.error = e;
  }
  if (phase === mine) draw();
}

function chosen() {
  return { format: options.format, dateOrder: options.dateOrder };
}

/** "Read as" and "Dates" choices: open when a file needs them or one was made. */
function optionsPanel(open) {
  const choose = (id, list, value, change) => {
    const el = h('select', { id, onchange: () => { change(el.value || null); preview(); } },
      list.map(([v, label]) => h('option', { value: v, selected: v === (value ?? '') }, label)));
    return el;
  };
  const formatList = [['', t('read_as_auto')], ...(formats ?? []).map((f) => [f.id, t(`format_${f.id.replaceAll('-', '_')}_described`)])];
  const dateList = [['', t('dates_auto')], ['dmy', t('dates_dmy')], ['mdy', t('dates_mdy')], ['ymd', t('dates_ymd')]];
  return h('details.import-options', { id: 'import-options', open: open || options.format || options.dateOrder ? true : undefined },
    h('summary', t('import_options')),
    h('label.field', h('span.field-label', t('read_as')), choose('read-as', formatList, options.format, (v) => { options.format = v; })),
    h('label.field', h('span.field-label', t('dates_order')), choose('date-order', dateList, options.dateOrder, (v) => { options.dateOrder = v; })));
}

/** A file whose dates Lifeboat had to read one way: say so, and offer the other. */
function dateReading(f) {
  const r = f.date_order;
  if (!r) return null;
  const other = r.order === 'mdy' ? 'dmy' : 'mdy';
  return h('div.fine.date-reading',
    t(r.order === 'mdy' ? 'dates_read_mdy' : 'dates_read_dmy'), ' ', t(r.by === 'chronology' ? 'dates_by_chronology' : 'dates_by_rule'), ' ',
    h('button.small.ghost', { className: 'small ghost read-other-way', onclick: () => { options.dateOrder = other; preview(); } },
      t(other === 'mdy' ? 'dates_use_mdy' : 'dates_use_dmy')));
}

function previewCard() {
  if (phase.error) {
    return h('div.card.error-card', { id: 'preview-error' }, icon('alert'), h('p', errorText(phase.error)),
      optionsPanel(phase.error.code === 'unknown_format'));
  }
  if (!phase.report) return h('div.card.muted', { id: 'preview-wait' }, t('previewing'));
  const r = phase.report;
  return h('div.card', { id: 'preview' },
    h('h3', t('preview_title')),
    fileTable(r.files),
    optionsPanel(false),
    h('p.summary', t('would_add', counts(r))),
    h('div.actions', h('button.primary', { id: 'import-now', onclick: run }, t('import_now'))));
}

function fileTable(list) {
  return h('table.files',
    h('thead', h('tr', ['col_file', 'col_format', 'col_messages', 'col_members', 'col_contacts', 'col_period'].map((k) => h('th', t(k))))),
    h('tbody', list.map((f) => h('tr',
      h('td', f.file.split('/').pop(), f.already_imported ? h('span.badge', t('already')) : null,
        f.unparsed ? h('div.fine', t('unparsed', { n: f.unparsed, line: f.first_unparsed?.[0] ?? '?' })) : null,
        phase.name === 'preview' ? dateReading(f) : null,
        f.kept_as_written ? h('div.fine.kept-as-written', t('kept_as_written', { n: f.kept_as_written }),
          h('ul', f.kept_as_written_lines.map(([line, why]) => h('li', t('kept_line', { line, why: saidText(why) }))))) : null,
        f.region?.overrides_setting ? h('div.fine', t('numbers_region', { region: f.region.region })) : null),
      h('td', f.format),
      h('td.num', fmtNum(f.messages)),
      h('td.num', fmtNum(f.members)),
      h('td.num', fmtNum(f.contacts)),
      h('td.fine', f.first_message ? `${fmtDate(f.first_message)} – ${fmtDate(f.last_message)}` : '')))));
}

function counts(r) {
  return { people: r.new_people, phones: r.new_phones, emails: r.new_emails, groups: r.new_groups, messages: r.new_messages };
}

async function run() {
  phase = { name: 'running', progress: null };
  draw();
  const mine = phase;
  const channel = new Channel((p) => {
    mine.progress = p;
    updateProgress(p);
  });
  try {
    const report = await call('import_files', { paths: files, dryRun: false, ...chosen(), onProgress: channel });
    phase = { name: 'done', report };
    files = [];
    options = { format: null, dateOrder: null };
  } catch (e) {
    phase = { name: 'preview', report: null, error: e };
    if (/** @type {import('../bindings/AppError').AppError} */ (e).code === 'cancelled') {
      toast(t('cancelled'));
      phase = { name: 'choose' };
    }
  }
  draw();
}

function running() {
  return h('div.card', { id: 'progress-card' },
    h('h3', t('importing')),
    h('div.progress', h('div.progress-fill', { id: 'progress-fill' })),
    h('p.muted', { id: 'progress-text' }, '…'),
    h('div.actions', h('button', { id: 'cancel-import', onclick: () => call('cancel_import') }, t('cancel'))));
}

function updateProgress(p) {
  const fill = document.getElementById('progress-fill');
  const text = document.getElementById('progress-text');
  if (!fill || !text) return;
  const pct = p.bytes_total ? Math.min(100, (p.bytes_read / p.bytes_total) * 100) : 0;
  fill.style.width = `${pct.toFixed(1)}%`;
  text.textContent = `${p.file.split('/').pop()} · ${t('progress', { read: fmtBytes(p.bytes_read), total: fmtBytes(p.bytes_total) })} · ${t('progress_counts', { messages: p.messages, contacts: p.contacts })}`;
}

function done() {
  const r = phase.report;
  const undo = h('button', { id: 'undo-import', onclick: async () => {
    try {
      const u = await call('undo_batch', { id: r.batch_id });
      toast(t('undone', u.removed));
      phase = { name: 'choose' };
      draw();
    } catch (e) {
      toast(errorText(e), 'error');
    }
  } }, t('undo'));
  return h('div.card.done', { id: 'import-done' },
    h('h3', icon('check'), t('import_done')),
    fileTable(r.files),
    h('p.summary', { id: 'import-summary' }, t('added', counts(r))),
    h('div.actions',
      h('button.primary', { id: 'see-people', onclick: () => ctx.go('people') }, t('see_people')),
      h('button', { onclick: () => ctx.go('groups') }, t('nav_groups')),
      h('button', { id: 'import-more', onclick: () => { phase = { name: 'choose' }; draw(); } }, t('import_more')),
      undo));
}
