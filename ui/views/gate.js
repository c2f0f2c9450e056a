// @ts-check
// The first screen: create a vault, or unlock the one there is.

import { call } from '../ipc.js';
import { h, mount } from '../dom.js';
import { t, errorText } from '../i18n.js';

export function renderGate(root, status, onOpen, notice) {
  const creating = !status.exists;
  const pass = h('input', { id: 'passphrase', type: 'password', autocomplete: 'current-password', placeholder: t('passphrase'), 'aria-label': t('passphrase'), required: true });
  const repeat = creating
    ? h('input', { id: 'passphrase-repeat', type: 'password', autocomplete: 'new-password', placeholder: t('passphrase_repeat'), 'aria-label': t('passphrase_repeat'), required: true })
    : null;
  const error = h('p.error', { id: 'gate-error', role: 'alert' });
  const button = h('button.primary.wide', { id: 'gate-submit', type: 'submit' }, t(creating ? 'create' : 'unlock'));

  async function submit(e) {
    e.preventDefault();
    error.textContent = '';
    if (creating && pass.value !== repeat.value) {
      error.textContent = t('mismatch');
      repeat.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t(creating ? 'creating' : 'unlocking');
    try {
      await call(creating ? 'create_vault' : 'unlock', { passphrase: pass.value });
      pass.value = '';
      if (repeat) repeat.value = '';
      onOpen();
    } catch (err) {
      error.textContent = errorText(err);
      button.disabled = false;
      button.textContent = t(creating ? 'create' : 'unlock');
      pass.select();
      pass.focus();
    }
  }

  mount(root, h('div.gate',
    h('form.card.gate-card', { onsubmit: submit },
      h('img.gate-logo', { src: 'logo.png', alt: '' }),
      h('h1', t(creating ? 'create_title' : 'unlock_title')),
      h('p.muted', t(creating ? 'create_body' : 'unlock_body')),
      notice ? h('p.notice', notice) : null,
      pass, repeat, error, button,
      h('p.fine', t('vault_at', { dir: status.dir }))),
    h('p.gate-tagline', t('tagline'))));
  pass.focus();
}
