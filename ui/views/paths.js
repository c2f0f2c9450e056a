// @ts-check
// A file path the user chooses in the native dialog (opened on the Rust
// side, so the page has no file-system permission). The field only shows
// the choice: the Rust side refuses any path the user did not choose, so a
// typed one would be refused too.

import { call } from '../ipc.js';
import { h, toast } from '../dom.js';
import { t, errorText } from '../i18n.js';

/**
 * An input and a Choose… button. `save` opens a "save as" dialog proposing
 * `fileName()`, else an open dialog. Returns { el, input }.
 */
export function pathField({ id, save = false, fileName = () => '', title }) {
  const input = h('input', { id, placeholder: t('path_placeholder'), 'aria-label': title, readonly: true, spellcheck: false, autocomplete: 'off' });
  const choose = async () => {
    try {
      const picked = save
        ? await call('pick_save_path', { title, fileName: fileName() })
        : (await call('pick_files', { title }))[0];
      if (picked) input.value = picked;
    } catch (e) {
      toast(errorText(e), 'error');
    }
  };
  input.addEventListener('click', choose);
  const el = h('div.path-row.tight', input, h('button', { id: `${id}-choose`, type: 'button', onclick: choose }, t('choose')));
  return { el, input };
}
