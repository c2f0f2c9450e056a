// @ts-check
// The only door to the Rust side. withGlobalTauri is off, so the page talks
// to Tauri's internal IPC object directly; nothing else in ui/ touches it.
// `call` is typed by ui/bindings/commands.ts, generated from the commands'
// Rust signatures (`cargo test -p lifeboat-app bindings`).

/** @typedef {import('./bindings/commands').Commands} Commands */
/** @template {keyof Commands} K @typedef {import('./bindings/commands').CallArgs<K>} CallArgs */

/**
 * Tauri's IPC object, as far as the page uses it.
 * @typedef {{
 *   invoke: (cmd: string, args: object) => Promise<unknown>,
 *   transformCallback: (callback: (message: any) => void) => number,
 * }} Internals
 */

/** @returns {Internals} */
const internals = () => {
  const t = /** @type {{ __TAURI_INTERNALS__?: Internals }} */ (/** @type {unknown} */ (window)).__TAURI_INTERNALS__;
  if (!t) throw { code: 'no_ipc', message: 'Not running inside the Lifeboat app.' };
  return t;
};

/**
 * Call a command; rejects with the command's {code, message}.
 * @template {keyof Commands} K
 * @param {K} cmd
 * @param {CallArgs<K>} args
 * @returns {Promise<Commands[K]['result']>}
 */
export async function call(cmd, ...args) {
  calls.out += 1;
  const sent = performance.now();
  try {
    return /** @type {Commands[K]['result']} */ (await internals().invoke(cmd, args[0] ?? {}));
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e) throw e;
    throw { code: 'internal', message: String(e) };
  } finally {
    calls.out -= 1;
    calls.ms += performance.now() - sent;
  }
}

/**
 * How many calls are out now, and the milliseconds all calls took: counts
 * only, which the app-at-scale benchmark reads (tests/e2e/scale.mjs), as
 * Tauri's own invoke cannot be wrapped.
 */
const calls = { out: 0, ms: 0 };
Object.defineProperty(window, '__lifeboatCalls', { value: calls });

/**
 * A channel the Rust side streams messages into (import progress, dropped
 * files). Messages arrive in order; older Tauri versions send them bare.
 * @template T
 */
export class Channel {
  /** @param {(message: T) => void} onmessage */
  constructor(onmessage) {
    let next = 0;
    /** @type {Map<number, T>} */
    const pending = new Map();
    this.id = internals().transformCallback((raw) => {
      if (!raw || typeof raw !== 'object' || !('index' in raw)) return onmessage(raw);
      if ('end' in raw) return;
      pending.set(raw.index, raw.message);
      while (pending.has(next)) {
        const m = pending.get(next);
        pending.delete(next);
        next += 1;
        onmessage(/** @type {T} */ (m));
      }
    });
  }
  toJSON() {
    return `__CHANNEL__:${this.id}`;
  }
}
