// The installed .deb starts: its binary, driven through tauri-driver under
// Xvfb, opens its window and shows the create-vault screen (a fresh vault
// folder), in the page's own words. Run by scripts/deb-check.sh.
// Env: LIFEBOAT_APP (the installed binary), TAURI_DRIVER (default: tauri-driver on PATH).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By, until } from 'selenium-webdriver';
import { openWindow, startDriver } from './window.mjs';

const app = process.env.LIFEBOAT_APP;
if (!app) throw new Error('LIFEBOAT_APP names the installed binary');
const work = mkdtempSync(join(tmpdir(), 'lifeboat-deb-'));
process.env.LIFEBOAT_VAULT = join(work, 'vault');
process.env.XDG_DATA_HOME = join(work, 'data');
const tauriDriver = startDriver();
let driver;
// An app that never opens its window must fail the check, not hang it.
setTimeout(() => {
  console.error('DEB CHECK FAILED: no create-vault screen within 90 s');
  tauriDriver.kill();
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}, 90_000).unref();


try {
  driver = await openWindow(app);
  // A new vault: the passphrase asked twice, and the button that creates it.
  for (const css of ['#passphrase', '#passphrase-repeat', '#gate-submit']) {
    await driver.wait(until.elementLocated(By.css(css)), 30_000, `waiting for ${css}`);
  }
  const title = await driver.getTitle();
  if (title !== 'Lifeboat') throw new Error(`window title ${JSON.stringify(title)}`);
  console.log(`deb: ${app} shows the create-vault screen (title ${JSON.stringify(title)})`);
} catch (e) {
  process.exitCode = 1;
  console.error(`DEB CHECK FAILED: ${e.stack || e}`);
} finally {
  if (driver) await driver.quit().catch(() => {});
  tauriDriver.kill();
  rmSync(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
}
