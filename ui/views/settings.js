// @ts-check
// Settings: language, the default country for numbers, auto-lock, and the
// passphrase.

import { call } from '../ipc.js';
import { h, mount, toast, field } from '../dom.js';
import { t, errorText, langChoice, setLang } from '../i18n.js';

const REGIONS = [['KR', '대한민국 · Korea'], ['US', 'United States'], ['JP', '日本 · Japan'], ['CN', '中国 · China'], ['CA', 'Canada'], ['AU', 'Australia'], ['GB', 'United Kingdom'], ['DE', 'Deutschland'], ['VN', 'Việt Nam'], ['PH', 'Philippines']];
const LOCK_MINUTES = [1, 5, 10, 30, 60, 0];

export async function render(view, ctx) {
  let s;
  let status;
  try {
    [s, status] = await Promise.all([call('get_settings'), call('vault_status')]);
  } catch (e) {
    mount(view, h('div.placeholder', h('p.error', errorText(e))));
    return;
  }
  const save = async (key, value) => {
    try {
      await call('set_setting', { key, value });
      toast(t('saved'));
    } catch (e) {
      toast(errorText(e), 'error');
    }
  };

  const language = select('setting-language', [['auto', t('lang_auto')], ['ko', '한국어'], ['en', 'English']], langChoice(), async (v) => {
    setLang(v);
    await save('language', v);
    ctx.redraw();
  });
  const region = select('setting-region', REGIONS, (s.region || 'KR').toUpperCase(), (v) => save('region', v));
  const minutes = Number.parseInt(s.auto_lock_minutes ?? '10', 10);
  const autoLock = select('setting-autolock', LOCK_MINUTES.map((m) => [String(m), m ? t('minutes_n', { n: m }) : t('never')]), String(Number.isFinite(minutes) ? minutes : 10), (v) => {
    ctx.setAutoLock(Number(v));
    save('auto_lock_minutes', v);
  });

  const signName = h('input', { id: 'setting-name', value: s.name || '', placeholder: t('signing_name_placeholder'), maxlength: 80,
    onchange: () => save('name', signName.value.trim()) });

  const current = h('input', { id: 'current-passphrase', type: 'password', autocomplete: 'current-password', placeholder: t('current_passphrase') });
  const pass = h('input', { id: 'new-passphrase', type: 'password', autocomplete: 'new-password', placeholder: t('new_passphrase') });
  const pass2 = h('input', { id: 'new-passphrase-repeat', type: 'password', autocomplete: 'new-password', placeholder: t('passphrase_repeat') });
  const passError = h('p.error', { role: 'alert' });
  const passButton = h('button', { type: 'submit' }, t('change_passphrase'));
  const changePass = async (e) => {
    e.preventDefault();
    passError.textContent = '';
    if (pass.value !== pass2.value) {
      passError.textContent = t('mismatch');
      return;
    }
    passButton.disabled = true;
    try {
      await call('change_passphrase', { current: current.value, passphrase: pass.value });
      current.value = '';
      pass.value = '';
      pass2.value = '';
      toast(t('passphrase_changed'));
    } catch (err) {
      passError.textContent = errorText(err);
    }
    passButton.disabled = false;
  };

  mount(view, h('div.page.settings',
    h('header.page-head', h('h1', t('settings_title'))),
    h('div.card.form',
      field(t('language'), language),
      field(t('region'), region, t('region_hint')),
      field(t('auto_lock'), autoLock),
      field(t('signing_name'), signName, t('signing_name_hint'))),
    h('form.card.form', { onsubmit: changePass },
      h('h3', t('change_passphrase')),
      field(t('current_passphrase'), current),
      field(t('new_passphrase'), pass),
      field(t('passphrase_repeat'), pass2),
      passError,
      h('div.actions', passButton)),
    h('div.card.form',
      field(t('vault_location'), h('code', status.dir)),
      field(t('shortcuts'), h('span.muted', t('shortcut_search'))))));
}

function select(id, options, value, onchange) {
  const el = h('select', { id, onchange: () => onchange(el.value) }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  return el;
}
