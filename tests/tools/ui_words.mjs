// The page's words, checked outside the window: ui/i18n.js runs under Node
// with the messages the shell hands it (JSON on stdin, as the `messages`
// command returns them) and must format plurals and errors in both
// languages, and find every key the screens ask for. Run by tests/ui_words.rs.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const messages = JSON.parse(readFileSync(0, 'utf8'));
const store = new Map();
globalThis.localStorage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v) };
globalThis.document = { documentElement: {} };
globalThis.navigator = { language: 'en-US' };
globalThis.window = { __TAURI_INTERNALS__: { invoke: async (cmd) => { if (cmd !== 'messages') throw new Error(cmd); return messages; } } };

const ui = new URL('../../ui/', import.meta.url);
const i18n = await import(new URL('i18n.js', ui));
await i18n.loadMessages();
const { FluentBundle, FluentResource } = await import(new URL('vendor/fluent-bundle/index.js', ui));

const failures = [];
const expect = (what, actual, expected) => { if (actual !== expected) failures.push(`${what}: ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`); };

// Every key a screen names, in both languages.
const files = ['main.js', ...readdirSync(new URL('views/', ui)).map((f) => join('views', f))].filter((f) => f.endsWith('.js'));
const keys = new Set();
for (const f of files) {
  for (const m of readFileSync(new URL(f, ui), 'utf8').matchAll(/\bt\('([a-z0-9_]+)'/g)) keys.add(m[1]);
}
if (keys.size < 100) failures.push(`only ${keys.size} keys found in ${files.length} files`);
for (const lang of ['en', 'ko']) {
  const bundle = new FluentBundle(lang);
  const errors = bundle.addResource(new FluentResource(messages[lang]));
  if (errors.length) failures.push(`${lang}: ${errors.join('; ')}`);
  for (const key of keys) if (!bundle.hasMessage(key)) failures.push(`${lang}: no message ${key}`);
}

i18n.setLang('en');
expect('en, 1 member', i18n.t('members_n', { n: 1 }), '1 member');
expect('en, 2 members', i18n.t('members_n', { n: 2 }), '2 members');
expect('en, digit grouping', i18n.t('people_count', { n: 1234 }), '1,234 people');
const empty = { code: 'empty', args: { file: 'a.txt', line: 2, reason: 'no messages', hint: 'format' }, message: 'English' };
expect('en, an error in the app\'s words', i18n.errorText(empty), 'a.txt:2: no messages. Nothing was imported from this file; check that this is the exported chat or contact file, or choose its format under Import options.');
expect('en, an unknown code keeps the shell\'s words', i18n.errorText({ code: 'no_such_code', message: 'as sent' }), 'as sent');
i18n.setLang('ko');
expect('ko, 1명', i18n.t('members_n', { n: 1 }), '1명');
expect('ko, an error', i18n.errorText({ code: 'wrong_passphrase', args: { dir: '/v' } }), '암호가 틀렸습니다. 아무것도 바뀌지 않았습니다. Caps Lock과 한/영 전환을 확인하고 다시 입력하세요.');
expect('ko, cancelled', i18n.errorText({ code: 'cancelled', args: {} }), i18n.t('cancelled'));

if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`ok: ${keys.size} keys in both languages`);
