// @ts-check
// Every word the window shows, in Korean and English, comes from the Fluent
// files in i18n/<lang>/*.ftl: the same files the core embeds and the command
// line prints from. The shell hands their text over (the `messages` command)
// and the vendored @fluent/bundle formats it, plural rules included. The
// language follows the OS (navigator.language) until the user picks one in
// Settings.

import { FluentBundle, FluentResource } from './vendor/fluent-bundle/index.js';
import { call } from './ipc.js';

/** One FluentBundle per language tag ('en', 'ko'), once loadMessages ran. */
const bundles = {};

/** Read both languages' messages from the shell: before anything is drawn. */
export async function loadMessages() {
  const sources = await call('messages');
  for (const [tag, text] of Object.entries(sources)) {
    const bundle = new FluentBundle(tag, { useIsolating: false });
    const errors = bundle.addResource(new FluentResource(text));
    if (errors.length) console.error(`messages (${tag}):`, errors);
    bundles[tag] = bundle;
  }
}

let chosen = localStorage.getItem('lifeboat.lang') || 'auto';

/**
 * The language in use: the user's choice, else the OS's.
 * @returns {import('./bindings/Lang').Lang}
 */
export function lang() {
  if (chosen === 'ko' || chosen === 'en') return chosen;
  return (navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** 'auto', 'ko' or 'en'. */
export function langChoice() {
  return chosen;
}

export function setLang(choice) {
  chosen = choice;
  localStorage.setItem('lifeboat.lang', choice);
  document.documentElement.lang = lang();
}

/** The message `key` with its `{ $name }` placeables filled from `vars`. */
export function t(key, vars = {}) {
  return format(key, vars, false) ?? key;
}

/** A count with the language's digit grouping. */
export function fmtNum(n) {
  return formatter('number', () => new Intl.NumberFormat(locale())).format(Number(n));
}

/**
 * A message in this language, else in English; for the app, its `.app`
 * attribute where it has one (the command line's remedies name flags).
 */
function format(id, vars, app) {
  for (const tag of [lang(), 'en']) {
    const bundle = bundles[tag];
    const message = bundle && bundle.getMessage(id);
    const pattern = message && ((app && message.attributes.app) || message.value);
    // With an error list, a missing or odd argument shows as {$name} instead of throwing.
    if (pattern) return bundle.formatPattern(pattern, vars, []);
  }
  return null;
}

/**
 * The words for an error from a command: its code and arguments formatted in
 * this language (`err_` + code), else the English the shell sent with it.
 */
export function errorText(err) {
  const code = err && err.code;
  const text = code ? format(`err_${code}`, resolved(err.args || {}), true) : null;
  return text ?? ((err && err.message) || String(err));
}

/**
 * A message the core gives as data (`{ message, args }`: why two people may
 * be one, who signed a backup), worded in this language.
 * @param {import('./bindings/Said').Said} said
 */
export function saidText(said) {
  return format(said.message, resolved(said.args), true) ?? said.message;
}

/**
 * An error's arguments as Fluent takes them: one that is a message of its
 * own (why a file could not be read) is worded first, in this language.
 * @param {Record<string, import('./bindings/Arg').Arg>} args
 * @returns {Record<string, string | number>}
 */
function resolved(args) {
  /** @type {Record<string, string | number>} */
  const out = {};
  for (const [name, value] of Object.entries(args)) {
    out[name] = typeof value === 'object' ? saidText(value) : value;
  }
  return out;
}

/** A date-time from the vault ("2024-03-01T09:30:00") for people. */
export function fmtDate(s) {
  if (!s) return '';
  const d = new Date(s.length <= 10 ? `${s}T00:00:00` : s);
  if (Number.isNaN(d.getTime())) return s;
  return formatter('date', () => new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric' })).format(d);
}

/** The language's locale for Intl. */
function locale() {
  return lang() === 'ko' ? 'ko-KR' : 'en-US';
}

// One Intl formatter per kind and language: making one costs more than
// formatting, and a roster formats hundreds of dates.
const formatters = new Map();
/**
 * @template T
 * @param {string} kind
 * @param {() => T} make
 * @returns {T}
 */
function formatter(kind, make) {
  const key = `${kind} ${lang()}`;
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key);
}

export function fmtBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

document.documentElement.lang = lang();
