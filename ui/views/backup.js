// @ts-check
// Backups: make an encrypted backup (to a passphrase typed twice, or to
// public keys), check one, restore one after a dry-run preview, and show the
// user's own public key. Passphrases go to the Rust side only, never stored.

import { call } from '../ipc.js';
import { h, icon, mount, field, toast, copyText } from '../dom.js';
import { t, errorText, saidText } from '../i18n.js';
import { pathField } from './paths.js';

export function render(view) {
  mount(view, h('div.page.backup-page',
    h('header.page-head', h('h1', t('backup_title')), h('p.muted', t('backup_body'))),
    makeCard(),
    checkCard(),
    keyCard()));
}

function makeCard() {
  const today = new Date().toISOString().slice(0, 10);
  const path = pathField({ id: 'backup-path', save: true, fileName: () => `lifeboat-${today}.age`, title: t('backup_make') });
  const protect = h('select', { id: 'backup-protect' },
    h('option', { value: 'passphrase' }, t('protect_passphrase')),
    h('option', { value: 'recipients' }, t('protect_keys')));
  const pass = h('input', { id: 'backup-pass', type: 'password', autocomplete: 'new-password' });
  const pass2 = h('input', { id: 'backup-pass-repeat', type: 'password', autocomplete: 'new-password', placeholder: t('passphrase_repeat') });
  const keys = h('textarea', { id: 'backup-recipients', rows: 3, spellcheck: false });
  const addMine = h('button.small', { type: 'button', onclick: async () => {
    try {
      const mine = await call('my_recipient');
      if (!keys.value.includes(mine)) keys.value = `${keys.value.trim()}\n${mine}`.trim();
    } catch (e) {
      toast(errorText(e), 'error');
    }
  } }, icon('key'), t('add_my_key'));
  const messages = h('input', { id: 'backup-messages', type: 'checkbox' });
  const passRow = field(t('backup_passphrase'), h('div.stack', pass, pass2), t('backup_passphrase_hint'));
  const keysRow = field(t('backup_recipients'), h('div.stack', keys, h('div', addMine)), t('recipients_hint'));
  const error = h('p.error', { id: 'backup-error', role: 'alert' });
  const result = h('p.result.good', { id: 'backup-result', role: 'status' });
  const button = h('button.primary', { id: 'backup-create', type: 'submit' }, icon('backup'), t('make_backup'));
  const sync = () => {
    passRow.hidden = protect.value !== 'passphrase';
    keysRow.hidden = protect.value === 'passphrase';
  };
  protect.addEventListener('change', sync);
  sync();

  const make = async (e) => {
    e.preventDefault();
    error.textContent = '';
    result.textContent = '';
    const byPassphrase = protect.value === 'passphrase';
    if (byPassphrase && pass.value !== pass2.value) {
      error.textContent = t('mismatch');
      return;
    }
    const chosen = path.input.value.trim() || await call('pick_save_path', { title: t('backup_make'), fileName: `lifeboat-${today}.age` }).catch(() => null);
    if (!chosen) return;
    path.input.value = chosen;
    /** @type {import('../bindings/Protect').Protect} */
    const protectArg = byPassphrase
      ? { kind: 'passphrase', value: pass.value }
      : { kind: 'recipients', value: keys.value.split('\n') };
    button.disabled = true;
    button.replaceChildren(t('making_backup'));
    try {
      const c = await call('create_backup', { path: chosen, protect: protectArg, withMessages: messages.checked });
      pass.value = '';
      pass2.value = '';
      result.textContent = t('backup_made', c);
    } catch (err) {
      error.textContent = errorText(err);
    }
    button.disabled = false;
    button.replaceChildren(icon('backup'), t('make_backup'));
  };

  return h('form.card.form', { id: 'backup-form', onsubmit: make },
    h('h3', t('backup_make')),
    field(t('save_to'), path.el),
    field(t('backup_protect'), protect),
    passRow, keysRow,
    h('div.field', h('span.field-label'), h('div.field-control', h('label.check', messages, h('span', t('with_messages'))))),
    error, result,
    h('div.actions', button));
}

function checkCard() {
  const path = pathField({ id: 'restore-path', title: t('backup_file') });
  const pass = h('input', { id: 'restore-pass', type: 'password', autocomplete: 'off' });
  const out = h('div', { id: 'restore-out' });
  const verify = h('button', { id: 'backup-verify', type: 'button', onclick: () => check() }, icon('check'), t('verify'));
  const restore = h('button', { id: 'backup-restore', type: 'button', onclick: () => preview() }, t('restore'));
  const args = () => ({ path: path.input.value, passphrase: pass.value || null });
  const busy = (on) => { verify.disabled = on; restore.disabled = on; };

  async function check() {
    busy(true);
    mount(out, h('p.muted', t('verifying')));
    try {
      const v = await call('verify_backup', args());
      const by = v.signer.kind === 'signed'
        ? t('verify_signed_by', { signer: v.signer.name ? `${v.signer.name} (${v.signer.key.fingerprint})` : v.signer.key.fingerprint })
        : t('restore_unsigned_claims');
      mount(out, h('p.result.good', { id: 'verify-result' }, icon('check'), h('span', t('verified', { at: v.created_at, ...v.counts }), ' ', by)));
    } catch (e) {
      mount(out, h('p.error', { id: 'restore-error' }, errorText(e)));
    }
    busy(false);
  }

  async function preview() {
    busy(true);
    mount(out, h('p.muted', t('verifying')));
    const chosen = args();
    try {
      const r = await call('restore_backup', { ...chosen, dryRun: true });
      if (!hasNew(r)) {
        mount(out, h('p.result', { id: 'restore-preview' }, signerLine(r), ' ', t('restore_nothing')));
      } else {
        const accept = h('input', { id: 'restore-accept-signer', type: 'checkbox' });
        const now = h('button.primary', { id: 'restore-now', type: 'button', onclick: () => run({ ...chosen, acceptNewSigner: accept.checked }) }, t('restore_now'));
        if (r.needs_acceptance) {
          now.disabled = true;
          accept.onchange = () => { now.disabled = !accept.checked; };
        }
        mount(out, h('div.confirm-box', { id: 'restore-preview' },
          h('p', { id: 'restore-signer' }, signerLine(r)),
          r.signer_changes.map((c) => h('p.error.signer-change', t('restore_new_signer', { group: c.group, before: signerText(c.before) }))),
          r.needs_acceptance ? h('label.check', accept, h('span', t('restore_accept_signer'))) : null,
          h('p', t('restore_preview', counts(r))),
          changeList(r),
          r.messages_left_out ? h('p.muted', t('restore_messages_left_out', { count: r.messages_left_out })) : null,
          h('div.actions',
            h('button', { type: 'button', onclick: () => mount(out) }, t('cancel')),
            now)));
      }
    } catch (e) {
      mount(out, h('p.error', { id: 'restore-error' }, errorText(e)));
    }
    busy(false);
  }

  async function run(chosen) {
    busy(true);
    try {
      const r = await call('restore_backup', { ...chosen, dryRun: false });
      pass.value = '';
      const batch = r.batch_id;
      const undo = batch === null ? null : h('button.small', { id: 'restore-undo', type: 'button', onclick: async () => {
        try {
          const u = await call('undo_batch', { id: batch });
          toast(t('undone', u.removed));
          mount(out);
        } catch (e) {
          toast(errorText(e), 'error');
        }
      } }, t('undo'));
      mount(out, h('p.result.good', { id: 'restore-done' }, icon('check'), h('span.grow', t('restored', counts(r))), undo));
    } catch (e) {
      mount(out, h('p.error', { id: 'restore-error' }, errorText(e)));
    }
    busy(false);
  }

  return h('div.card.form', { id: 'restore-card' },
    h('h3', t('backup_check')),
    field(t('backup_file'), path.el),
    field(t('backup_passphrase'), pass, t('restore_passphrase_hint')),
    out,
    h('div.actions', verify, restore));
}

function keyCard() {
  const out = h('div.key-out', { id: 'my-key' });
  const show = h('button', { id: 'show-my-key', type: 'button', onclick: async () => {
    try {
      const keys = await call('my_keys');
      const copy = (v) => h('button.action', { type: 'button', onclick: async () => { if (await copyText(v)) toast(t('copied', { v })); } }, icon('copy'), t('copy'));
      mount(out,
        h('div.key-line', h('span.fine', t('my_public_key')), h('code.key', { id: 'my-recipient' }, keys.recipient), copy(keys.recipient)),
        h('div.key-line', h('span.fine', t('my_signing_key')), h('code.key', { id: 'my-fingerprint' }, keys.signing.fingerprint),
          h('span.fine', t('read_aloud', { v: keys.signing.short })), copy(keys.signing.openssh)));
      show.hidden = true;
    } catch (e) {
      mount(out, h('p.error', errorText(e)));
    }
  } }, icon('key'), t('show_my_key'));
  const result = h('p.result.good', { id: 'keys-result', role: 'status' });
  const error = h('p.error', { id: 'keys-error', role: 'alert' });
  const attempt = async (work) => {
    result.textContent = '';
    error.textContent = '';
    try {
      await work();
    } catch (e) {
      error.textContent = errorText(e);
    }
  };
  const save = h('button', { id: 'save-my-keys', type: 'button', onclick: () => attempt(async () => {
    const path = await call('pick_save_path', { title: t('save_my_keys'), fileName: 'lifeboat-keys.txt' });
    if (!path) return;
    await call('save_keys', { path });
    result.textContent = t('keys_saved', { path });
  }) }, icon('export'), t('save_my_keys'));
  const bring = h('button', { id: 'import-my-keys', type: 'button', onclick: () => attempt(async () => {
    const [path] = await call('pick_files', { title: t('import_my_keys') });
    if (!path) return;
    const r = await call('import_keys', { path });
    result.textContent = t('keys_imported', { n: r.identities, signing: r.signing ? t('and_signing_key') : '' });
  }) }, icon('key'), t('import_my_keys'));
  return h('div.card.form', h('h3', t('my_key')), h('p.muted', t('my_key_body')), out,
    h('div.actions', show, save, bring), h('p.fine', t('keys_file_hint')), result, error);
}

function counts(r) {
  return { people: r.new_people, phones: r.new_phones, emails: r.new_emails, groups: r.new_groups, messages: r.new_messages, merged: r.merged_people };
}

// Who made the backup, in the words the preview shows.
function signerText(s) {
  if (!s.signed) return t('restore_unsigned');
  return s.name ? `${s.name} (${s.fingerprint})` : s.fingerprint;
}

function signerLine(r) {
  if (r.signer.own) return t('restore_signed_own');
  return r.signer.signed ? t('restore_signed_by', { signer: signerText(r.signer) }) : t('restore_unsigned_claims');
}

// Per person, what the restore would change.
function changeList(r) {
  if (!r.people.length) return null;
  return h('ul.restore-changes', { id: 'restore-changes' }, r.people.map((p) => h('li',
    h('strong', p.existing_name ? t('restore_joins', { name: p.name, existing: p.existing_name }) : p.name),
    p.new_person ? h('span.muted', ' · ', t('restore_new_person')) : null,
    [...p.new_phones, ...p.new_emails, ...p.new_handles].map((v) => h('div', '+ ', v)),
    p.conflicts.map((c) => h('div.error.conflict', '! ', t('restore_conflict', { value: c.value, yours: c.yours.join(', ') }))),
    p.suggested_merge ? h('div.muted', '? ', t('restore_suggest', { name: p.suggested_merge.name, reason: saidText(p.suggested_merge.why) })) : null,
    p.left.map((g) => h('div.muted', '− ', t('restore_left', { group: g }))))));
}

function hasNew(r) {
  return r.new_people + r.new_phones + r.new_emails + r.new_handles + r.new_groups + r.new_members + r.new_messages + r.people.length > 0;
}
