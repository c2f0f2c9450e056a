// Both window checks (run.mjs, installed.mjs) talk to tauri-driver on port 4444.

/** Resolve once tauri-driver answers on its port; reject after about 10 s. */
export async function waitForPort() {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch('http://127.0.0.1:4444/status');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('tauri-driver did not start on port 4444');
}
