// What every check of the real window shares (run.mjs, installed.mjs,
// scale.mjs): tauri-driver on port 4444, the WebDriver session on the app,
// and the element helpers the steps are written in.

import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Builder, By, until } from 'selenium-webdriver';

export const TIMEOUT = 20_000;

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

/** Start tauri-driver (TAURI_DRIVER, else the one on PATH) with this process's environment. */
export function startDriver() {
  return spawn(process.env.TAURI_DRIVER || 'tauri-driver', [], { stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
}

/** A WebDriver session on the app binary `app`, once tauri-driver listens. */
export async function openWindow(app) {
  await waitForPort();
  return new Builder()
    .withCapabilities({ browserName: 'wry', 'tauri:options': { application: app } })
    .usingServer('http://127.0.0.1:4444/')
    .build();
}

/**
 * The helpers the steps use on `driver`; `fail(message)` reports a check
 * that did not hold, `shots` is the folder screenshots go to.
 * @param {import('selenium-webdriver').WebDriver} driver
 * @param {{ fail: (message: string) => never, shots: string }} options
 */
export function pageHelpers(driver, { fail, shots }) {
  async function el(css, timeout = TIMEOUT) {
    return driver.wait(until.elementLocated(By.css(css)), timeout, `waiting for ${css}`);
  }
  async function click(css) {
    const e = await el(css);
    await driver.wait(until.elementIsEnabled(e), TIMEOUT);
    await e.click();
  }
  async function type(css, text, clear = false) {
    const e = await el(css);
    if (clear) await e.clear();
    await e.sendKeys(text);
  }
  async function textIn(css, re, timeout = TIMEOUT) {
    let last = '';
    await driver.wait(async () => {
      // The page may replace the element between finding and reading it
      // (a search answers on every keystroke): then look again.
      try {
        last = await (await el(css)).getText();
      } catch (e) {
        if (e.name === 'StaleElementReferenceError') return false;
        throw e;
      }
      return re.test(last);
    }, timeout, `${css} to show ${re}`).catch(() => fail(`${css} shows ${JSON.stringify(last)}, expected ${re}`));
    return last;
  }
  // What the display shows of the window, as a user sees it (ImageMagick's
  // `import`, the window found by xdotool): WebKitWebDriver's own screenshot
  // waits for a composited frame, which the app's page, drawn without
  // compositing (src-tauri/src/rendering.rs), may never make.
  async function shot(name) {
    await driver.executeScript('return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));');
    const window = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Lifeboat$'], { encoding: 'utf8' }).split('\n')[0];
    if (!window) fail('no window named Lifeboat on the display');
    execFileSync('import', ['-window', window, join(shots, `${name}.png`)]);
  }
  // Run `script`, reload the page, and wait for the new page: a lookup made
  // while the old one unloads fails (NoSuchFrameError) instead of waiting.
  async function reloadWith(script) {
    await driver.executeScript(`${script} window.__lifeboatOldPage = true; location.reload();`);
    await driver.wait(async () => {
      try {
        return await driver.executeScript("return document.readyState === 'complete' && !window.__lifeboatOldPage;");
      } catch {
        return false;
      }
    }, TIMEOUT, 'the page to reload');
  }
  return { el, click, type, textIn, shot, reloadWith };
}
