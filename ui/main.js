// @ts-check
// The app shell: unlock or create, the sidebar, which screen shows, the
// keyboard shortcuts, drag and drop, and locking (by hand or when idle).

/** @typedef {import('./bindings/AppError').AppError} AppError */
import { call, Channel } from './ipc.js';
import { h, icon, mount } from './dom.js';
import { t, errorText, setLang, langChoice, loadMessages } from './i18n.js';
import { renderGate } from './views/gate.js';
import * as people from './views/people.js';
import * as groups from './views/groups.js';
import * as messages from './views/messages.js';
import * as importer from './views/import.js';
import * as history from './views/history.js';
import * as exporter from './views/export.js';
import * as backup from './views/backup.js';
import * as settings from './views/settings.js';

/**
 * A screen: draws itself into the view; `forget` drops what it holds when the vault locks.
 * @typedef {{ render: (view: HTMLElement, ctx: object) => unknown, forget?: () => void }} Screen
 */
/** @type {Record<string, Screen>} */
const SCREENS = { people, groups, messages, import: importer, export: exporter, backup, history, settings };
const NAV = [
  ['people', 'nav_people'],
  ['groups', 'nav_groups'],
  ['messages', 'nav_messages'],
  ['import', 'nav_import'],
  ['export', 'nav_export'],
  ['backup', 'nav_backup'],
  ['history', 'nav_history'],
  ['settings', 'nav_settings'],
];
const DEFAULT_AUTO_LOCK_MINUTES = 10;

const root = /** @type {HTMLElement} */ (document.getElementById('root'));
const app = { screen: 'people', arg: null, unlocked: false, autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, lastActive: Date.now() };

/** Nothing works without the shell (outside the app): say so on a bare page. */
function showFatal(e) {
  mount(root, h('div.gate', h('div.card', h('p.error', errorText(e)))));
}

async function start() {
  let status;
  try {
    status = await call('vault_status');
  } catch (e) {
    showFatal(e);
    return;
  }
  if (status.unlocked) return enter();
  renderGate(root, status, enter);
}

/** After unlock: read the settings, draw the shell. */
async function enter() {
  app.unlocked = true;
  app.lastActive = Date.now();
  try {
    const s = await call('get_settings');
    const minutes = Number.parseInt(s.auto_lock_minutes ?? '', 10);
    app.autoLockMinutes = Number.isFinite(minutes) ? minutes : DEFAULT_AUTO_LOCK_MINUTES;
    if (s.language && s.language !== langChoice()) setLang(s.language);
  } catch {
    // Defaults are fine; the screens report real errors.
  }
  drawShell();
}

function drawShell() {
  const view = h('main.view', { id: 'view' });
  const nav = h('nav.nav', NAV.map(([key, label]) =>
    h('button.nav-item', { dataset: { screen: key }, 'aria-current': app.screen === key ? 'page' : null, onclick: () => go(key) },
      icon(key), h('span', t(label)))));
  const sidebar = h('aside.sidebar',
    h('div.brand', h('img', { src: 'logo.png', alt: '' }), h('span', t('app_name'))),
    nav,
    h('div.grow'),
    h('button.nav-item.lock', { id: 'lock', onclick: () => lock() }, icon('lock'), h('span', t('lock'))));
  mount(root, h('div.shell', sidebar, view), h('div.drop-overlay', { id: 'drop-overlay' }, h('div', icon('import'), h('p', t('drop_release')))));
  show();
}

/** Switch screen (and optionally open something in it). */
export function go(screen, arg = null) {
  app.screen = screen;
  app.arg = arg;
  for (const b of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.nav .nav-item'))) {
    if (b.dataset.screen === screen) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  show();
}

function show() {
  const view = document.getElementById('view');
  if (!view) return;
  view.replaceChildren();
  SCREENS[app.screen].render(view, { go, arg: app.arg, redraw: drawShell, setAutoLock: (m) => { app.autoLockMinutes = m; } });
}

/** Lock: the vault closes in Rust and every decrypted thing leaves the page. */
export async function lock(reason) {
  app.unlocked = false;
  app.screen = 'people';
  app.arg = null;
  for (const s of Object.values(SCREENS)) s.forget?.();
  root.replaceChildren();
  try {
    await call('lock');
  } finally {
    const status = await call('vault_status').catch(() => ({ exists: true, unlocked: false, dir: '' }));
    renderGate(root, status, enter, reason);
  }
}

// Idle auto-lock: any input counts as activity. Rust keeps its own timer
// (a hung page cannot keep the vault open): tell it, at most twice a minute.
let toldRust = 0;
for (const ev of ['pointerdown', 'pointermove', 'keydown', 'wheel']) {
  window.addEventListener(ev, () => {
    app.lastActive = Date.now();
    if (app.unlocked && app.lastActive - toldRust > 30_000) {
      toldRust = app.lastActive;
      call('still_here').catch(() => {});
    }
  }, { passive: true, capture: true });
}
setInterval(() => {
  if (!app.unlocked || app.autoLockMinutes <= 0) return;
  if (Date.now() - app.lastActive >= app.autoLockMinutes * 60_000) lock(t('locked_idle', { n: app.autoLockMinutes }));
}, 5_000);

// "/" focuses search from anywhere but a text field.
window.addEventListener('keydown', (e) => {
  if (!app.unlocked || e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const tag = document.activeElement?.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
  e.preventDefault();
  if (app.screen !== 'people') go('people');
  document.getElementById('search')?.focus();
});

// Files dragged onto the window: the Rust side sends their paths.
function watchDrops() {
  const channel = new Channel((m) => {
    const overlay = document.getElementById('drop-overlay');
    if (!app.unlocked) return;
    if (m.kind === 'over') overlay?.classList.add('on');
    else overlay?.classList.remove('on');
    if (m.kind === 'drop' && m.paths.length) {
      importer.addFiles(m.paths);
      go('import');
    }
  });
  call('watch_drops', { channel }).catch(() => {});
}

watchDrops();
// The words first: every screen, the unlock screen too, is drawn in them.
loadMessages().then(start, showFatal);
