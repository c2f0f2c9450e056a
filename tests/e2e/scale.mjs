// The app at scale: on a vault made beforehand (scripts/bench-app-scale.sh:
// about 1M messages and 100,000 people), unlock the real window and time,
// from inside the page, how long each screen takes to open and each
// keystroke of a few searches takes to answer: performance.now() from the
// click or the input event until the screen's content is in the page, every
// command it asked the Rust side has answered, and the next frame has begun.
// Prints a table (p50, p95, max, the p50 of the time spent in commands,
// under 100 ms or not) and writes it as JSON.
// A benchmark, not a test: it fails only when a screen never shows.
//
// Env: LIFEBOAT_APP (the built binary), LIFEBOAT_VAULT (the vault),
//      SCALE_PASSPHRASE (its passphrase), SCALE_PERSON (a member name of the
//      biggest group), SCALE_GROUP (its name), SCREENSHOTS (dir),
//      SCALE_RUNS (times each screen opens, default 7), SCALE_JSON (output).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openWindow, pageHelpers, startDriver } from './window.mjs';

const app = process.env.LIFEBOAT_APP;
const pass = process.env.SCALE_PASSPHRASE;
const bigGroup = process.env.SCALE_GROUP;
const member = process.env.SCALE_PERSON;
if (!app || !process.env.LIFEBOAT_VAULT || !pass || !bigGroup || !member) {
  console.error('scale: set LIFEBOAT_APP, LIFEBOAT_VAULT, SCALE_PASSPHRASE, SCALE_GROUP and SCALE_PERSON');
  process.exit(2);
}
const runs = Number(process.env.SCALE_RUNS || 7);
const shots = resolve(process.env.SCREENSHOTS || join(tmpdir(), 'lifeboat-scale-screenshots'));
const BUDGET_MS = 100;
const SLOW = 120_000; // a screen may be very slow before the fixes: measured, not failed

const work = mkdtempSync(join(tmpdir(), 'lifeboat-scale-'));
process.env.XDG_DATA_HOME = join(work, 'data');
process.env.BROWSER = 'false';

function fail(msg) {
  throw new Error(`SCALE FAILED: ${msg}`);
}

// Installed once in the page: every IPC call is counted while it is out,
// and `__scale.time` does one action and waits for its answer.
const INSTALL = `
if (!window.__scale) {
  // Tauri defines invoke read-only: ui/ipc.js counts the page's calls
  // (how many are out, how long they took) in window.__lifeboatCalls.
  const calls = window.__lifeboatCalls;
  const scale = {};
  // Do the action, then resolve with the milliseconds until an element
  // matching ready that was not in the page before shows, no call is out,
  // and a frame has started after that; and the milliseconds of commands.
  scale.time = (action, ready, limit) => new Promise((done) => {
    const old = new Set(document.querySelectorAll(ready));
    let finished = false;
    const t0 = performance.now();
    const before = calls.ms;
    const check = () => {
      if (finished || calls.out > 0) return;
      if (![...document.querySelectorAll(ready)].some((e) => !old.has(e))) return;
      finished = true;
      observer.disconnect();
      requestAnimationFrame(() => done({ ms: performance.now() - t0, ipc: calls.ms - before }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const poll = setInterval(() => { check(); if (finished) clearInterval(poll); }, 5);
    setTimeout(() => { if (!finished) { finished = true; observer.disconnect(); clearInterval(poll); done({ ms: -1, ipc: calls.ms - before }); } }, limit);
    action();
  });
  window.__scale = scale;
}`;

const tauriDriver = startDriver();
let driver;
let el;
let shot;
const rows = [];

/** Time `action` (page JS, as a string) until `ready` shows: { ms (-1 when it never did), ipc }. */
async function time(action, ready) {
  await driver.executeScript(INSTALL);
  return driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.__scale.time(() => { ${action} }, arguments[0], arguments[1]).then(done);`,
    ready, SLOW);
}

const clickJs = (css) => `document.querySelector(${JSON.stringify(css)}).click();`;
const navJs = (screen) => clickJs(`[data-screen="${screen}"]`);

/** Record one measured line of the table. */
function record(what, samples) {
  const ok = samples.filter((s) => s.ms >= 0).map((s) => s.ms).sort((a, b) => a - b);
  const ipc = samples.map((s) => s.ipc).sort((a, b) => a - b);
  const at = (list, q) => list[Math.min(list.length - 1, Math.ceil(q * list.length) - 1)];
  const row = ok.length
    ? { what, n: ok.length, p50: at(ok, 0.5), p95: at(ok, 0.95), max: ok[ok.length - 1], timeouts: samples.length - ok.length }
    : { what, n: 0, p50: NaN, p95: NaN, max: NaN, timeouts: samples.length };
  // The commands' share: the rest is the page building and laying out what they answered.
  row.ipc_p50 = at(ipc, 0.5);
  row.under = row.timeouts === 0 && row.max < BUDGET_MS;
  row.samples = samples.map((s) => Math.round(s.ms));
  row.ipc_samples = samples.map((s) => Math.round(s.ipc));
  rows.push(row);
  console.log(`  ${what}: p50 ${row.p50?.toFixed(0)} ms (commands ${row.ipc_p50?.toFixed(0)} ms), max ${row.max?.toFixed(0)} ms${row.timeouts ? `, ${row.timeouts} never shown` : ''}`);
}

/** Open `screen` from `from`, `runs` times. */
async function screenOpens(screen, ready, from = 'settings') {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await time(navJs(from), from === 'settings' ? '#setting-language' : '#view > *');
    samples.push(await time(navJs(screen), ready));
  }
  record(`open ${screen}`, samples);
}

/**
 * Type `states` one after another into `input` (each an input event with the
 * field's whole value, as an IME leaves it), each timed until `ready` is new.
 */
async function keystrokes(label, input, states, ready) {
  const samples = [];
  for (let round = 0; round < 3; round++) {
    await time(`const i = document.querySelector(${JSON.stringify(input)}); i.value = ''; i.dispatchEvent(new Event('input'));`, '#view *');
    for (const value of states) {
      samples.push(await time(
        `const i = document.querySelector(${JSON.stringify(input)}); i.value = ${JSON.stringify(value)}; i.dispatchEvent(new Event('input'));`,
        ready));
    }
  }
  record(`${label}: ${states.join(' → ')}`, samples);
}

// What a Korean IME leaves in the field as `word` is typed: ㄱ, 기, 김, 김ㅁ, 미, 민, …
const CHO = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
function imeStates(word) {
  const out = [];
  let done = '';
  for (const c of word) {
    const code = c.codePointAt(0) - 0xac00;
    if (code >= 0 && code < 11172) {
      out.push(done + CHO[Math.floor(code / 588)]);
      const open = String.fromCodePoint(0xac00 + code - (code % 28));
      if (code % 28) out.push(done + open);
    }
    done += c;
    out.push(done);
  }
  return out;
}
const prefixes = (word) => [...word].map((_, i) => [...word].slice(0, i + 1).join(''));

async function main() {
  driver = await openWindow(app);
  ({ el, shot } = pageHelpers(driver, { fail, shots }));
  mkdirSync(shots, { recursive: true });
  const passField = await el('#passphrase', 60_000);
  await passField.sendKeys(pass);
  await (await el('#gate-submit')).click();
  await el('[data-screen="people"]', 60_000);
  await el('#people-list .row', SLOW);
  // The floor on this machine: one element added, nothing asked, timed the same way (to the next frame).
  const floor = [];
  for (let i = 0; i < runs; i++) {
    floor.push(await time("const p = document.createElement('i'); p.className = 'scale-probe'; document.body.append(p);", '.scale-probe'));
    await driver.executeScript("document.querySelectorAll('.scale-probe').forEach((p) => p.remove());");
  }
  record('floor: one element, no command (one frame)', floor);
  console.log('• screens (each opened from settings, except where said)');

  await screenOpens('people', '#people-list .row:not(.loading)');
  await shot('scale-01-people');
  await screenOpens('groups', '.group-item');
  await shot('scale-02-groups');
  await screenOpens('messages', '#message-results > *');
  await screenOpens('import', '#choose-files');
  await screenOpens('export', '#export-format');
  await shot('scale-03-export');
  await screenOpens('backup', '#backup-protect');
  await screenOpens('history', '#batches .batch');
  await screenOpens('settings', '#setting-language', 'backup');

  // The big group's roster: the group list open, then a click on the group.
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await time(navJs('groups'), '.group-item');
    samples.push(await time(
      `[...document.querySelectorAll('.group-item')].find((g) => g.querySelector('.group-name').textContent === ${JSON.stringify(bigGroup)}).click();`,
      'table.roster tr.member'));
  }
  record(`open group ${bigGroup} (roster)`, samples);
  await shot('scale-04-group');

  // A person: the search finds them, then each of the first rows is opened.
  await time(navJs('people'), '#people-list .row:not(.loading)');
  const personSamples = [];
  for (const query of [member, 'ㄱㅁ', '']) {
    await time(`const i = document.getElementById('search'); i.value = ${JSON.stringify(query)}; i.dispatchEvent(new Event('input'));`,
      '#people-list .row:not(.loading), #people-list .empty');
    for (let i = 0; i < Math.ceil(runs / 2); i++) {
      personSamples.push(await time(
        `document.querySelectorAll('#people-list .row:not(.loading)')[${i}].click();`, '#person-name'));
    }
  }
  record('open a person (from the list)', personSamples);
  await shot('scale-05-person');

  const peopleReady = '#people-list .row:not(.loading), #people-list .empty';
  await keystrokes('people search', '#search', imeStates(member), peopleReady);
  await keystrokes('people search', '#search', ['ㄱ', 'ㄱㅁ', 'ㄱㅁㅈ'], peopleReady);
  await keystrokes('people search', '#search', prefixes('01012'), peopleReady);
  await keystrokes('people search', '#search', prefixes('kim'), peopleReady);
  await shot('scale-06-people-search');

  await time(navJs('messages'), '#message-results > *');
  const hitsReady = '#message-results > *';
  await keystrokes('message search', '#message-search', prefixes('확인했'), hitsReady);
  await keystrokes('message search', '#message-search', imeStates('번호'), hitsReady);
  await keystrokes('message search', '#message-search', prefixes('meet'), hitsReady);
  await shot('scale-07-messages');
}

function table() {
  const cell = (v) => (Number.isFinite(v) ? v.toFixed(0) : '-').padStart(6);
  const width = Math.max(...rows.map((r) => r.what.length));
  const lines = [`${'screen / query'.padEnd(width)}  ${'n'.padStart(3)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'max'.padStart(6)} ${'cmd50'.padStart(6)}  < ${BUDGET_MS} ms`];
  for (const r of rows) {
    lines.push(`${r.what.padEnd(width)}  ${String(r.n).padStart(3)} ${cell(r.p50)} ${cell(r.p95)} ${cell(r.max)} ${cell(r.ipc_p50)}  ${r.under ? 'yes' : 'NO'}${r.timeouts ? ` (${r.timeouts} over ${SLOW / 1000} s)` : ''}`);
  }
  return lines.join('\n');
}

try {
  await main();
} catch (e) {
  process.exitCode = 1;
  console.error(e.stack || e);
  if (driver) await shot('scale-failure').catch(() => {});
} finally {
  if (rows.length) {
    console.log(`\n${table()}`);
    if (process.env.SCALE_JSON) writeFileSync(process.env.SCALE_JSON, JSON.stringify(rows, null, 2));
  }
  if (driver) await driver.quit().catch(() => {});
  tauriDriver.kill();
  rmSync(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
}
