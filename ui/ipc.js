// The only door to the Rust side. withGlobalTauri is off, so the page talks
// to Tauri's internal IPC object directly; nothing else in ui/ touches it.

const internals = () => {
  const t = window.__TAURI_INTERNALS__;
  if (!t) throw { code: 'no_ipc', message: 'Not running inside the Lifeboat app.' };
  return t;
};

/** Call a command; rejects with the command's {code, message}. */
export async function call(cmd, args = {}) {
  try {
    return await internals().invoke(cmd, args);
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e) throw e;
    throw { code: 'internal', message: String(e) };
  }
}

/**
 * A channel the Rust side streams messages into (import progress, dropped
 * files). Messages arrive in order; older Tauri versions send them bare.
 */
export class Channel {
  constructor(onmessage) {
    let next = 0;
    const pending = new Map();
    this.id = internals().transformCallback((raw) => {
      if (!raw || typeof raw !== 'object' || !('index' in raw)) return onmessage(raw);
      if ('end' in raw) return;
      pending.set(raw.index, raw.message);
      while (pending.has(next)) {
        const m = pending.get(next);
        pending.delete(next);
        next += 1;
        onmessage(m);
      }
    });
  }
  toJSON() {
    return `__CHANNEL__:${this.id}`;
  }
}
